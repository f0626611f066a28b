"""UI: a story page (Self, Us or Now): prompts, structured fields, the draft and speaking cues.

The draft is the hero: prompts and fields sit in a folding area above it and the cues below,
divided by a splitter the user can move (``StorySplit``, remembered). The page scrolls once:
only the guide area scrolls, its fields growing to show all their text. Every edit goes
straight to the controller, which saves it.
Loading a narrative replaces each editor's text without undo history, so Ctrl+Z never brings
back another narrative's words.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import PartKind
from narrative_app.method.framework import part_guide
from narrative_app.text.cues import suggest_cues
from narrative_app.text.timing import BudgetState
from narrative_app.ui.editor.cues_editor import CuesEditor
from narrative_app.ui.editor.markdown_editor import MarkdownEditor
from narrative_app.ui.editor.preview import MarkdownPreview
from narrative_app.ui.editor.story_guide import StoryGuide
from narrative_app.ui.editor.story_split import StorySplit
from narrative_app.ui.widgets.common import (
    CollapsibleSection,
    FindBar,
    make_heading,
    make_muted,
    state_colour,
)
from narrative_app.ui.workspace.budget_view import StatsCache, state_words, time_text

if TYPE_CHECKING:
    from narrative_app.domain import StoryPart
    from narrative_app.ui.app_context import AppContext
    from narrative_app.ui.controller import NarrativeController


class StoryPage(QWidget):
    """One story of the narrative, bound to ``controller.current.parts[kind]``."""

    def __init__(self, controller: NarrativeController, kind: PartKind, context: AppContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._context = context
        self.kind = PartKind(kind)
        self.guide = part_guide(self.kind)
        self._shown: dict[str, str] = {}
        self._shown_draft = ""
        self._shown_cues: list[str] = []
        self._loaded_id: int | None = None
        self._stats = StatsCache()
        self.setAccessibleName(self.guide.title)
        self._build_header()
        self._build_guide()
        self._build_draft()
        self._build_cues()
        self._build_layout()
        self._build_comforts()
        controller.narrativeOpened.connect(self._on_opened)
        controller.narrativeChanged.connect(self._on_changed)
        controller.metaChanged.connect(self._schedule_timing)
        controller.runsChanged.connect(self._schedule_timing)
        self.load()

    # ----------------------------------------------------------------- build
    def _build_header(self) -> None:
        self.header = QWidget(self)
        self.title_label = make_heading(QLabel(self.guide.title, self.header), 1.5)
        self.time_label = make_heading(QLabel(self.header), 1.15)  # made in reading order
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.purpose_label = make_muted(QLabel(self.guide.purpose, self.header), smaller=False)
        self.purpose_label.setWordWrap(True)
        self.time_state_label = make_muted(QLabel(self.header))
        self.time_state_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(self.header)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.title_label, 0, 0)
        grid.addWidget(self.time_label, 0, 1)
        grid.addWidget(self.purpose_label, 1, 0)
        grid.addWidget(self.time_state_label, 1, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)

    def _build_layout(self) -> None:
        self.split = StorySplit(self.guide_area, self.draft_area, self.cues_section, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addWidget(self.split, 1)
        self.split.follow_folding(self.prompts_section, self.fields_section, self.cues_section)

    def _build_comforts(self) -> None:
        self._timing = QTimer(self)
        self._timing.setSingleShot(True)
        self._timing.setInterval(150)
        self._timing.timeout.connect(self.update_timing)
        self._zoom = self._context.zoom
        self._zoom.changed.connect(self._apply_zoom)
        self._apply_zoom(self._zoom.steps)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.show_find)

    def _build_guide(self) -> None:
        self.guide_area = StoryGuide(self.guide, self, spell=self._context.spell)
        self.prompt_card = self.guide_area.prompt_card
        self.prompts_section = self.guide_area.prompts_section
        self.fields_section = self.guide_area.fields_section
        self.field_editors = self.guide_area.field_editors
        for key, editor in self.field_editors.items():
            editor.edited.connect(partial(self._on_field_edited, key))

    def _build_draft(self) -> None:
        self.draft_area = QWidget(self)
        draft_label = QLabel(self.tr("Draft"), self.draft_area)
        font = draft_label.font()
        font.setWeight(QFont.Weight.DemiBold)
        draft_label.setFont(font)
        self.words_label = make_muted(QLabel(self.draft_area))
        self.write_button = self._mode_button(self.tr("Write"), self.tr("Edit the draft"))
        self.preview_button = self._mode_button(self.tr("Preview"),
                                                self.tr("See the draft formatted"))
        self.write_button.setChecked(True)
        group = QButtonGroup(self.draft_area)
        group.setExclusive(True)
        group.addButton(self.write_button)
        group.addButton(self.preview_button)
        self.preview_button.toggled.connect(self.set_preview)
        self.draft_bar = QWidget(self.draft_area)
        bar = QHBoxLayout(self.draft_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(draft_label)
        bar.addWidget(self.words_label)
        bar.addStretch(1)
        bar.addWidget(self.write_button)
        bar.addWidget(self.preview_button)
        self.editor = MarkdownEditor(self.draft_area, font=self._context.editor_font,
                                     spell=self._context.spell)
        self.editor.setObjectName("draft")
        self.editor.setAccessibleName(self.tr("{title} draft").format(title=self.guide.title))
        self.editor.setAccessibleDescription(self.tr(
            "Your story in your own words. Markdown: # heading, *emphasis*, [pause]."))
        self.editor.setPlaceholderText(
            self.tr("Write the story as you would tell it. Blank lines separate paragraphs; "
                    "type [pause] where you want to stop for a breath.")
        )
        self.editor.edited.connect(self._on_draft_edited)
        self.paste_note = self.editor.refusal_note(self.draft_area)  # a refused paste: why
        self.preview = MarkdownPreview(self.draft_area)
        self.stack = QStackedWidget(self.draft_area)
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.preview)
        self.stack.setMinimumHeight(160)
        self.find_bar = FindBar(self.editor, self.draft_area)
        layout = QVBoxLayout(self.draft_area)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.draft_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.paste_note)
        layout.addWidget(self.find_bar)

    def _mode_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self.draft_area)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setAccessibleName(text)
        return button

    def _build_cues(self) -> None:
        body = QWidget(self)
        self.cues_editor = CuesEditor(body, spell=self._context.spell)
        self.cues_editor.setMinimumHeight(self.cues_editor.fontMetrics().lineSpacing() * 2 + 14)
        self.cues_editor.edited.connect(self._on_cues_edited)
        self.suggest_button = QPushButton(self.tr("Suggest cues from my draft"), self)
        self.suggest_button.setToolTip(self.tr(
            "One short cue per paragraph, as a starting point you can edit"))
        self.suggest_button.clicked.connect(self.suggest_cues)
        self.cues_note = make_muted(QLabel(body))
        self.cues_note.setWordWrap(True)
        self.cues_note.hide()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.cues_editor)
        layout.addWidget(self.cues_note)
        self.cues_section = CollapsibleSection(
            self.tr("Speaking cues"), body, settings_key="story_page/cues_open",
            trailing=self.suggest_button, parent=self,
        )
        # Tab follows the page top to bottom: heading, suggest button, then the cues.
        QWidget.setTabOrder(self.cues_section.button, self.suggest_button)
        QWidget.setTabOrder(self.suggest_button, self.cues_editor)

    # ----------------------------------------------------------------- model
    def load(self) -> None:
        """Show the controller's current narrative (replacing text, clearing undo history)."""
        narrative = self._controller.current
        self.setEnabled(narrative is not None)
        self._loaded_id = narrative.id if narrative else None
        part = narrative.parts[self.kind] if narrative else None
        for key, editor in self.field_editors.items():
            value = part.fields.get(key, "") if part else ""
            self._shown[key] = value
            editor.set_value(value)
        self._shown_draft = part.draft if part else ""
        self.editor.set_text(self._shown_draft)
        self._shown_cues = list(part.cues) if part else []
        self.cues_editor.set_cues(self._shown_cues)
        self._set_cues_note("")
        if self.preview_button.isChecked():
            self.preview.set_markdown(self._shown_draft)
        self.update_timing()

    def _part(self) -> StoryPart | None:
        narrative = self._controller.current
        return narrative.parts[self.kind] if narrative else None

    def _on_opened(self, narrative_id: int) -> None:
        part = self._part()
        same = (part is not None and narrative_id == self._loaded_id
                and part.draft == self._shown_draft and part.fields == self._shown
                and part.cues == self.cues_editor.cues())
        if same:  # re-opening what is shown: keep the cursor and the undo history
            self.update_timing()
            return
        self.load()

    def _on_changed(self, _narrative_id: int) -> None:
        """Pick up changes made elsewhere (the ask on the Purpose page, a restore...)."""
        part = self._part()
        if part is None:
            return
        for key, editor in self.field_editors.items():
            value = part.fields.get(key, "")
            if value != self._shown.get(key):
                self._shown[key] = value
                editor.set_value(value)
        if part.draft is not self._shown_draft and part.draft != self._shown_draft:
            self._shown_draft = part.draft
            self.editor.set_text(part.draft)
        if part.cues != self._shown_cues and part.cues != self.cues_editor.cues():
            self._shown_cues = list(part.cues)
            self.cues_editor.set_cues(part.cues)
        self._schedule_timing()

    def _on_field_edited(self, key: str, text: str) -> None:
        self._shown[key] = text
        self._controller.set_field(self.kind, key, text)

    def _on_draft_edited(self, text: str) -> None:
        self._shown_draft = text
        self._controller.set_draft(self.kind, text)
        self._schedule_timing()

    def _on_cues_edited(self, cues: list[str]) -> None:
        self._shown_cues = list(cues)
        self._controller.set_cues(self.kind, cues)
        self._set_cues_note("")  # "Suggested n cues" no longer describes what is there

    # ---------------------------------------------------------------- timing
    def _schedule_timing(self, *_args: object) -> None:
        if not self._timing.isActive():
            self._timing.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._part() is not None:
            self.update_timing()  # the over-time colour is worked out from the palette

    def _colour_state(self, state: BudgetState) -> None:
        """Over time in the budget bar's amber or red, else the quiet grey (a style sheet,
        not a palette of its own, so the label keeps following the app's palette)."""
        if state in (BudgetState.AMBER, BudgetState.RED):
            colour = state_colour(self.palette(), state)
            self.time_state_label.setStyleSheet(f"color: {colour.name()};")
        else:
            self.time_state_label.setStyleSheet("")

    def update_timing(self) -> None:
        """Refresh the "1:42 of 2:00" header and the word count now."""
        self._timing.stop()
        part = self._part()
        if part is None:
            self.time_label.clear()
            self.time_state_label.clear()
            self.words_label.clear()
            return
        pace = float(self._controller.effective_pace())
        estimate = self._stats.estimate(self.kind, part.draft, part.target_seconds, pace)
        self.time_label.setText(time_text(estimate))
        self.time_state_label.setText(state_words(estimate))
        self._colour_state(estimate.state)
        self.time_label.setAccessibleName(self.tr("Estimated time {time}, {state}").format(
            time=self.time_label.text(), state=self.time_state_label.text()))
        words = estimate.words
        self.words_label.setText(self.tr("1 word") if words == 1 else
                                 self.tr("{n} words").format(n=f"{words:,}"))

    # ----------------------------------------------------------------- cues
    def suggest_cues(self) -> list[str]:
        """Replace the cues with one per paragraph of the draft (one undoable edit)."""
        cues = suggest_cues(self.editor.text())
        if not cues:
            self._set_cues_note(self.tr("Write a few paragraphs first; each becomes a cue."))
            return []
        self.cues_section.set_expanded(True)
        self.cues_editor.replace_with(cues)
        suggested = (self.tr("Suggested 1 cue from your draft.") if len(cues) == 1 else self.tr(
            "Suggested {n} cues from your draft, one per paragraph.").format(n=len(cues)))
        self._set_cues_note(suggested + " " + self.tr(
            "Edit them freely; Ctrl+Z brings back what was there."))
        return cues

    def _set_cues_note(self, text: str) -> None:
        self.cues_note.setText(text)
        self.cues_note.setVisible(bool(text))

    # --------------------------------------------------------------- comforts
    def set_preview(self, on: bool) -> None:
        """Show the formatted preview (True) or the editor (False)."""
        if on:
            self.preview.set_markdown(self.editor.text())
        self.stack.setCurrentWidget(self.preview if on else self.editor)
        button = self.preview_button if on else self.write_button
        if not button.isChecked():
            button.setChecked(True)

    def _apply_zoom(self, steps: int) -> None:
        self.editor.set_zoom_steps(steps)
        self.preview.setFont(self.editor.font())
        base = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
        for widget in (self.editor, self.preview, *self.field_editors.values(),
                       self.cues_editor):
            widget.setProperty("zoomsItself", True)  # not scaled again by the workspace
        for widget in (*self.field_editors.values(), self.cues_editor):
            font = widget.font()
            font.setPointSizeF(max(6.0, base + steps * 0.75))
            widget.setFont(font)
        if self.preview_button.isChecked():
            self.preview.set_markdown(self.editor.text())

    def show_find(self) -> None:
        self.set_preview(False)
        self.find_bar.open_bar()

    def set_focus_mode(self, on: bool) -> None:
        """Hide everything but the draft (the shell hides its own panels)."""
        for widget in (self.header, self.guide_area, self.cues_section, self.draft_bar):
            widget.setVisible(not on)
        if on:
            self.set_preview(False)
            if self.isVisible():  # only the page on show takes the keyboard, never a hidden one
                self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def highlight_span(self, start: int, end: int) -> None:
        """Select characters start:end of the draft and scroll to them (from the coach)."""
        self.set_preview(False)
        self.editor.select_span(start, end)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----------------------------------------------------------------- layout
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.split.ensure_placed()
