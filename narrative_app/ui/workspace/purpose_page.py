"""UI: the Purpose page: title, audience, occasion, time slot, pace, ask and how to say yes.

The same page is the short, skippable set-up of a new narrative and, later, where these are
edited. Every change goes straight to the controller (and so to autosave).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import PART_ORDER, PartKind
from narrative_app.method.presets import CUSTOM, format_seconds, parse_duration, presets
from narrative_app.ui.editor.field_editors import FieldText
from narrative_app.ui.library.card import muted
from narrative_app.ui.library.page import PRIMARY_STYLE
from narrative_app.ui.widgets.access import set_status
from narrative_app.ui.widgets.wrapping_line import WrappingLine

if TYPE_CHECKING:
    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.editor.spell_highlighter import SpellCheckService

FIELD_WIDTH = 640


class PurposePage(QWidget):
    """Set-up (new narrative) or editing of the narrative's purpose."""

    setupFinished = Signal()  # "Start writing" or "Skip for now" in set-up mode
    nextRequested = Signal()  # "Continue" in edit mode

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None, *,
                 spell: SpellCheckService | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setup_mode = False
        self._loading = False
        self._editing = False  # our own change echoing back through metaChanged
        self._build_fields(spell)
        parts_row = self._build_timing()
        pace_hint = self._build_pace()
        form = self._build_form(parts_row, pace_hint)
        self._build_page(form, self._build_buttons())
        self.title_edit.textEdited.connect(self._title_edited)
        self.audience_edit.textEdited.connect(self._audience_edited)
        self.occasion_edit.textEdited.connect(self._occasion_edited)
        self.ask_edit.textEdited.connect(self._ask_edited)
        self.ask_edit.returnPressed.connect(self._ask_return)
        controller.narrativeOpened.connect(self._reload)
        controller.metaChanged.connect(self._reload)
        controller.narrativeChanged.connect(self._reload_ask)
        controller.runsChanged.connect(self._show_measured_pace)
        self.set_setup_mode(False)
        self._reload()

    # ---------------------------------------------------------------- building
    def _build_fields(self, spell: SpellCheckService | None) -> None:
        """The heading, title, audience, occasion, the ask and what happens next."""
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = muted(QLabel())
        self.intro.setWordWrap(True)

        self.title_edit = self._line(self.tr("Title"),
                                     self.tr("A working title, such as “Someone who comes back”"))
        self.audience_edit = self._line(self.tr("Audience"),
                                        self.tr("Who will hear it? Such as “my new team”"))
        self.occasion_edit = self._line(self.tr("Occasion"),
                                        self.tr("Where and when? Such as “the March away day”"))
        self.ask_edit = WrappingLine(spell=spell)  # wraps, so a long ask is seen whole
        self.ask_edit.setPlaceholderText(self.tr("Will you join me in ...?"))
        self.ask_edit.setAccessibleName(self.tr("The ask"))
        self.ask_edit.setAccessibleDescription(self.ask_edit.placeholderText())
        self.ask_hint = muted(QLabel(self.tr(
            "One sentence: the specific thing you will ask your listeners to do, and by when. "
            "Try starting with “Will you join me in ...?”")))
        self.ask_hint.setWordWrap(True)
        self.next_edit = FieldText(spell=spell)
        self.next_edit.setAccessibleName(self.tr("How to say yes"))
        self.next_edit.setPlaceholderText(self.tr(
            "Who to tell, when and where, and what follows a yes, such as “Tell Sam by "
            "Friday. Sam pairs each name with a family; the pilot starts on 5 January.”"))
        self.next_edit.setAccessibleDescription(self.next_edit.placeholderText())
        self.next_edit.edited.connect(self._next_edited)
        self.next_hint = muted(QLabel(self.tr(
            "Optional. In the team briefing, a sentence here that names someone to tell "
            "(“Tell Sam”, “Questions to me”, an email address) is printed under “How to say "
            "yes”, beside the when and where from your ask; the rest under “What happens "
            "next”.")))
        self.next_hint.setWordWrap(True)

    def _build_timing(self) -> QHBoxLayout:
        """The time slot and each part's target time, with the total."""
        self.slot_combo = QComboBox()
        self.slot_combo.setAccessibleName(self.tr("Time slot"))
        for preset in presets():
            self.slot_combo.addItem(preset.name, preset.id)
        self.slot_combo.addItem(self.tr("Custom, per part"), CUSTOM)
        self.slot_combo.currentIndexChanged.connect(self._slot_chosen)
        self.part_edits: dict[PartKind, QLineEdit] = {}
        parts_row = QHBoxLayout()
        parts_row.setSpacing(12)
        for kind in PART_ORDER:
            edit = QLineEdit()
            edit.setPlaceholderText("0:00")
            edit.setMaximumWidth(80)
            edit.setAccessibleName(self.tr("{part} target time").format(part=kind.title))
            edit.setToolTip(self.tr("Minutes and seconds for the {part}, such as 1:30")
                            .format(part=kind.title))
            edit.editingFinished.connect(self._targets_edited)
            label = QLabel(kind.title.replace("Story of ", ""))
            label.setBuddy(edit)
            parts_row.addWidget(label)
            parts_row.addWidget(edit)
            self.part_edits[kind] = edit
        self.total_label = muted(QLabel())
        parts_row.addWidget(self.total_label)
        parts_row.addStretch(1)
        self.slot_hint = muted(QLabel())  # only there while it has something to say
        self.slot_hint.setWordWrap(True)
        self.slot_hint.setVisible(False)
        return parts_row

    def _build_pace(self) -> QLabel:
        self.pace_spin = QSpinBox()
        self.pace_spin.setRange(60, 240)
        self.pace_spin.setSingleStep(5)
        self.pace_spin.setSuffix(self.tr(" words a minute"))
        self.pace_spin.setAccessibleName(self.tr("Speaking pace"))
        self.pace_spin.setToolTip(self.tr("Used to estimate speaking time until you rehearse"))
        self.pace_spin.valueChanged.connect(self._pace_changed)
        pace_hint = muted(QLabel(self.tr(
            "Most people tell a story at 120 to 140 words a minute. Once you rehearse, "
            "your measured pace is used instead.")))
        pace_hint.setWordWrap(True)
        self.measured_label = QLabel()  # the measured pace, once rehearsals have set it
        self.measured_label.setWordWrap(True)
        self.measured_label.setVisible(False)
        return pace_hint

    def _build_form(self, parts_row: QHBoxLayout, pace_hint: QLabel) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.pace_spin.setMaximumWidth(220)
        form.addRow(self._label(self.tr("&Title"), self.title_edit), self.title_edit)
        form.addRow(self._label(self.tr("&Audience"), self.audience_edit), self.audience_edit)
        form.addRow(self._label(self.tr("&Occasion"), self.occasion_edit), self.occasion_edit)
        form.addRow(self._label(self.tr("Time &slot"), self.slot_combo),
                    self._stacked(self.slot_combo, parts_row, self.slot_hint))
        form.addRow(self._label(self.tr("&Pace"), self.pace_spin),
                    self._stacked(self.pace_spin, self.measured_label, pace_hint))
        form.addRow(self._label(self.tr("The as&k"), self.ask_edit),
                    self._stacked(self.ask_edit, self.ask_hint))
        form.addRow(self._label(self.tr("How to say &yes"), self.next_edit),
                    self._stacked(self.next_edit, self.next_hint))
        return form

    def _build_buttons(self) -> QHBoxLayout:
        self.start_button = QPushButton(self.tr("Start writing"))
        self.start_button.setStyleSheet(PRIMARY_STYLE)
        self.start_button.setToolTip(self.tr("Go on to the Story of Self"))
        self.start_button.clicked.connect(self.setupFinished)
        self.skip_button = QPushButton(self.tr("Skip for now"))
        self.skip_button.setToolTip(self.tr("Start writing; you can fill this in later"))
        self.skip_button.clicked.connect(self.setupFinished)
        self.next_button = QPushButton(self.tr("Continue to Values"))
        self.next_button.clicked.connect(self.nextRequested)
        for button in (self.start_button, self.skip_button, self.next_button):
            button.setAutoDefault(True)  # Return presses a focused button, as in a dialog
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        return buttons

    def _build_page(self, form: QFormLayout, buttons: QHBoxLayout) -> None:
        """The column of fields, in a scroll area that fills the page."""
        column = QWidget()
        column.setMaximumWidth(FIELD_WIDTH + 180)
        box = QVBoxLayout(column)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(14)
        box.addWidget(self.heading)
        box.addWidget(self.intro)
        box.addSpacing(6)
        box.addLayout(form)
        box.addSpacing(10)
        box.addLayout(buttons)
        box.addStretch(1)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(column, 1)
        row.addStretch(0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop; fields scroll in
        scroll.setWidget(holder)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # ---------------------------------------------------------------- layout
    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(name)
        edit.setAccessibleDescription(placeholder)
        edit.setMaxLength(500)
        return edit

    @staticmethod
    def _stacked(*items: QWidget | QHBoxLayout) -> QWidget:
        """A field with what belongs under it (hints, per-part times), tightly spaced."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        for item in items:
            if isinstance(item, QHBoxLayout):
                box.addLayout(item)
            else:
                box.addWidget(item)
        return holder

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def set_setup_mode(self, setup: bool) -> None:
        """Set-up mode welcomes a new narrative and offers "Start writing" or "Skip for now"."""
        self.setup_mode = setup
        if setup:
            self.heading.setText(self.tr("Set up your narrative"))
            self.intro.setText(self.tr(
                "A few quick answers keep your story pointed at its purpose. Skip anything "
                "you are not sure of yet; you can change it all later on the Purpose page."))
        else:
            self.heading.setText(self.tr("Purpose"))
            self.intro.setText(self.tr(
                "Who you will speak to, where, for how long, and what you will ask of them. "
                "Everything here is saved as you type."))
        self.start_button.setVisible(setup)
        self.skip_button.setVisible(setup)
        self.next_button.setVisible(not setup)

    def _ask_return(self) -> None:
        """Return after the last answer of the set-up means "Start writing"."""
        if self.setup_mode:
            self.start_button.click()

    def focus_first(self) -> None:
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    # ---------------------------------------------------------------- loading
    def _reload(self, _narrative_id: int | None = None) -> None:
        narrative = self.controller.current
        self.setEnabled(narrative is not None)
        if narrative is None or self._editing:
            return
        self._loading = True
        try:
            for edit, text in ((self.title_edit, narrative.title),
                               (self.audience_edit, narrative.audience),
                               (self.occasion_edit, narrative.occasion),
                               (self.ask_edit, narrative.ask)):
                if edit.text() != text:
                    edit.setText(text)
            if self.next_edit.value() != narrative.next_step and not self.next_edit.hasFocus():
                self.next_edit.set_value(narrative.next_step)
            index = self.slot_combo.findData(narrative.preset)
            self.slot_combo.setCurrentIndex(index if index >= 0 else self.slot_combo.count() - 1)
            for kind, edit in self.part_edits.items():
                seconds = narrative.parts[kind].target_seconds
                text = format_seconds(seconds) if seconds else ""
                if edit.text() != text and not edit.hasFocus():
                    edit.setText(text)
            self.pace_spin.setValue(int(narrative.pace_wpm))
            self._show_measured_pace()
            self.total_label.setText(self.tr("Total {time}").format(
                time=format_seconds(narrative.target_seconds)))
        finally:
            self._loading = False

    def _show_measured_pace(self, _narrative_id: int | None = None) -> None:
        narrative = self.controller.current
        pace = self.controller.effective_pace()
        in_use = narrative is not None and round(pace) != int(narrative.pace_wpm)
        self.measured_label.setVisible(in_use)
        if in_use:
            self.measured_label.setText(self.tr(
                "In use now: your measured pace, {wpm} words a minute, from your "
                "rehearsals.").format(wpm=round(pace)))

    def _reload_ask(self, _narrative_id: int) -> None:
        narrative = self.controller.current
        if narrative is not None and not self._editing and self.ask_edit.text() != narrative.ask:
            self.ask_edit.setText(narrative.ask)

    # ---------------------------------------------------------------- editing
    def _set_meta(self, **changes: object) -> None:
        self._editing = True
        try:
            self.controller.set_meta(**changes)
        finally:
            self._editing = False

    def _title_edited(self, text: str) -> None:
        self._set_meta(title=text.strip() or self.tr("Untitled narrative"))

    def _audience_edited(self, text: str) -> None:
        self._set_meta(audience=text)

    def _occasion_edited(self, text: str) -> None:
        self._set_meta(occasion=text)

    def _next_edited(self, text: str) -> None:
        self._set_meta(next_step=text)

    def _ask_edited(self, text: str) -> None:
        self._editing = True
        try:
            self.controller.set_field(PartKind.NOW, "ask", text)
        finally:
            self._editing = False

    def _pace_changed(self, value: int) -> None:
        if not self._loading:
            self._set_meta(pace_wpm=value)

    def _slot_chosen(self, index: int) -> None:
        if self._loading or index < 0:
            return
        self._slot_message("")
        self.controller.set_meta(preset=self.slot_combo.itemData(index))

    def _targets_edited(self) -> None:
        if self._loading:
            return
        problems = []
        wrong: list[QLineEdit] = []
        for kind, edit in self.part_edits.items():
            text = edit.text().strip()
            seconds = parse_duration(text) if text else 0
            if seconds is None:
                problems.append(kind.title)
                wrong.append(edit)
                continue
            self.controller.set_target(kind, seconds)
        message = self.tr("{parts}: use minutes and seconds, such as 1:30.").format(
            parts=", ".join(problems)) if problems else ""
        # The error is tied to the fields it is about (their description, read with them)
        # and announced once when it appears or changes.
        for edit in self.part_edits.values():
            edit.setAccessibleDescription(message if edit in wrong else "")
        self._slot_message(message)

    def _slot_message(self, message: str) -> None:
        """The line under the time slot: a problem with the times, or nothing (no gap)."""
        self.slot_hint.setVisible(bool(message))
        if message:
            set_status(self.slot_hint, message, assertive=True)
        else:
            self.slot_hint.clear()
