"""UI: one narrative in the library, shown as a card (title, audience, slot, length, dates)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import NarrativeSummary
from narrative_app.method.presets import get_preset
from narrative_app.text.timing import format_seconds, seconds_for_counts
from narrative_app.text.when import Ago, relative_moment

CARD_STYLE = """
#NarrativeCard { background: palette(base); border: 1px solid palette(mid);
                 border-radius: 8px; }
#NarrativeCard[selected="true"] { border: 2px solid palette(mid); }
#NarrativeCard[selected="true"][focused="true"] { border: 3px solid palette(highlight);
                                                  background: palette(alternate-base); }
"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryCard", text)


def friendly_time(moment: datetime, now: datetime | None = None) -> str:
    """'just now', 'today at 14:05', 'yesterday at 09:30', '12 Mar' or '12 Mar 2024'."""
    found = relative_moment(moment, now or datetime.now())  # local wall-clock time
    if found.ago is Ago.JUST_NOW:
        return _tr("just now")
    if found.ago is Ago.MINUTES:
        if found.minutes == 1:
            return _tr("a minute ago")
        return _tr("{n} minutes ago").format(n=found.minutes)
    if found.ago is Ago.TODAY:
        return _tr("today at {time}").format(time=found.clock)
    if found.ago is Ago.YESTERDAY:
        return _tr("yesterday at {time}").format(time=found.clock)
    return found.date


def slot_text(summary: NarrativeSummary) -> str:
    preset = get_preset(summary.preset)
    if preset is not None:
        return preset.name
    if summary.target_seconds:
        return _tr("Custom, {time}").format(time=format_seconds(summary.target_seconds))
    return _tr("No time slot")


def length_text(summary: NarrativeSummary) -> str:
    if not summary.words:
        return _tr("Not started")
    # The stored totals through the same estimate the workspace uses for the whole.
    seconds = seconds_for_counts(summary.words, summary.gaps, summary.pace_wpm)
    words = _tr("1 word") if summary.words == 1 else _tr("{n} words").format(n=summary.words)
    return _tr("About {time} ({words})").format(time=format_seconds(seconds), words=words)


def who_text(summary: NarrativeSummary) -> str:
    who = []
    if summary.audience:
        who.append(_tr("For {audience}").format(audience=summary.audience))
    if summary.occasion:
        who.append(summary.occasion)
    return "  ·  ".join(who) or _tr("No audience or occasion yet")


def facts_text(summary: NarrativeSummary, trashed: bool) -> str:
    facts = [slot_text(summary), length_text(summary)]
    if trashed and summary.trashed_at is not None:
        facts.append(_tr("Moved to the trash {when}").format(
            when=friendly_time(summary.trashed_at)))
    else:
        facts.append(_tr("Edited {when}").format(when=friendly_time(summary.updated_at)))
        if summary.last_rehearsed_at is not None:
            facts.append(_tr("Rehearsed {when}").format(
                when=friendly_time(summary.last_rehearsed_at)))
        else:
            facts.append(_tr("Not rehearsed yet"))
    return "  ·  ".join(facts)


def spoken_summary(summary: NarrativeSummary, trashed: bool) -> str:
    """What a card says, in the order it shows it: title, audience, length, last edit."""
    parts = [summary.title or _tr("Untitled narrative"), who_text(summary),
             facts_text(summary, trashed)]
    return ", ".join(" ".join(p.replace("\u00b7", ",").split()).replace(" ,", ",")
                     for p in parts if p)


def muted(label: QLabel) -> QLabel:
    """Secondary text: the palette's placeholder colour, so it follows light and dark."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class NarrativeCard(QFrame):
    """A card for one narrative; the library connects its signals to the real actions."""

    openClicked = Signal(int)
    duplicateClicked = Signal(int)
    renameClicked = Signal(int)
    exportClicked = Signal(int)
    trashClicked = Signal(int)
    restoreClicked = Signal(int)
    deleteClicked = Signal(int)

    def __init__(self, summary: NarrativeSummary, *, trashed: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = summary
        self._trashed = trashed
        self.setObjectName("NarrativeCard")
        self.setStyleSheet(CARD_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.title_label = QLabel(summary.title or _tr("Untitled narrative"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)

        self.purpose_label = QLabel(who_text(summary))
        self.purpose_label.setTextFormat(Qt.TextFormat.PlainText)
        self.purpose_label.setWordWrap(True)

        self.facts_label = muted(QLabel(facts_text(summary, trashed)))
        self.facts_label.setWordWrap(True)

        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(self.title_label)
        text.addWidget(self.purpose_label)
        text.addWidget(self.facts_label)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        if trashed:
            self.restore_button = QPushButton(_tr("Restore"))
            self.restore_button.setToolTip(_tr("Put this narrative back in the library"))
            self.restore_button.clicked.connect(self._restore)
            self.delete_button = QPushButton(_tr("Delete for good..."))
            self.delete_button.setToolTip(_tr("Delete this narrative permanently"))
            self.delete_button.clicked.connect(self._delete)
            buttons.addWidget(self.restore_button)
            buttons.addWidget(self.delete_button)
        else:
            self.open_button = QPushButton(_tr("Open"))
            self.open_button.setToolTip(_tr("Open this narrative (Enter)"))
            self.open_button.clicked.connect(self._open)
            self.more_button = QToolButton()
            self.more_button.setText(_tr("More"))
            self.more_button.setToolTip(_tr("Duplicate, rename, export or move to the trash"))
            self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.more_button.setMenu(self._build_menu())
            buttons.addWidget(self.open_button)
            buttons.addWidget(self.more_button)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 12, 16, 12)
        row.setSpacing(16)
        row.addLayout(text, 1)
        row.addLayout(buttons, 0)
        row.setAlignment(buttons, Qt.AlignmentFlag.AlignTop)
        self.setProperty("selected", False)
        self.setProperty("focused", False)  # selected while the list has keyboard focus
        self._name_for_screen_readers(trashed)  # once the buttons are the card's children

    def spoken_summary(self) -> str:
        """What the card says, in the order it shows it: title, audience, length, dates."""
        return spoken_summary(self.summary, self._trashed)

    def _name_for_screen_readers(self, trashed: bool) -> None:
        """The card reads as its whole summary, and each button names its narrative, so a
        list of cards is not a list of identical "Open" and "More" buttons."""
        title = self.title_label.text()
        self.setAccessibleName(self.spoken_summary())
        if trashed:
            self.restore_button.setAccessibleName(_tr("Restore {title}").format(title=title))
            self.delete_button.setAccessibleName(
                _tr("Delete for good: {title}").format(title=title))
        else:
            self.open_button.setAccessibleName(_tr("Open {title}").format(title=title))
            self.more_button.setAccessibleName(
                _tr("More actions for {title}").format(title=title))
        for button in self.findChildren(QAbstractButton):
            button.setAccessibleDescription(self.spoken_summary())

    @staticmethod
    def untitled() -> str:
        return _tr("Untitled narrative")

    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        entries = ((_tr("Duplicate"), self._duplicate, "Ctrl+D"),
                   (_tr("Rename..."), self._rename, "F2"),
                   (_tr("Export..."), self._export, ""),
                   None,
                   (_tr("Move to the trash"), self._trash, "Del"))
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            text, slot, keys = entry
            action = menu.addAction(text, slot)
            if keys:
                # Shown as a reminder; the library list owns the working shortcut.
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        return menu

    def set_selected(self, selected: bool, focused: bool | None = None) -> None:
        """Selected cards get a border; the accent one only while the list has focus, so
        keyboard users can always see where they are."""
        focused = bool(self.property("focused")) if focused is None else focused
        if self.property("selected") == selected and self.property("focused") == focused:
            return
        self.setProperty("selected", selected)
        self.setProperty("focused", focused)
        self.style().unpolish(self)
        self.style().polish(self)

    def _open(self) -> None:
        self.openClicked.emit(self.summary.id)

    def _duplicate(self) -> None:
        self.duplicateClicked.emit(self.summary.id)

    def _rename(self) -> None:
        self.renameClicked.emit(self.summary.id)

    def _export(self) -> None:
        self.exportClicked.emit(self.summary.id)

    def _trash(self) -> None:
        self.trashClicked.emit(self.summary.id)

    def _restore(self) -> None:
        self.restoreClicked.emit(self.summary.id)

    def _delete(self) -> None:
        self.deleteClicked.emit(self.summary.id)


class NoticeBar(QFrame):
    """A quiet inline bar: what just happened, with Undo when it can be undone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LibraryNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(_tr("Notice"))
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(_tr("Undo"))
        self.undo_button.setToolTip(_tr("Put it back in the library (Ctrl+Z)"))
        self.close_button = QPushButton(_tr("Dismiss"))
        self.close_button.setToolTip(_tr("Hide this message"))
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.close_button)
        self.hide()


class EmptyState(QWidget):
    """What the library shows when there is nothing to list, with a way forward."""

    def __init__(self, primary_style: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.text = muted(QLabel())
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QPushButton(_tr("Start my own"))
        self.new_button.setStyleSheet(primary_style)
        self.new_button.setToolTip(_tr("Start a new narrative (Ctrl+N)"))
        self.example_button = QPushButton(_tr("Open the example"))
        self.example_button.setToolTip(_tr("Add a finished example narrative to the library"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.example_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addStretch(1)
        box.addWidget(self.title)
        box.addWidget(self.text)
        box.addSpacing(12)
        box.addLayout(buttons)
        box.addStretch(2)

    def show_for(self, query: str, *, trashed: bool) -> None:
        """Say why nothing is listed: no match for ``query``, an empty trash, or a first run."""
        self.example_button.setVisible(False)
        self.new_button.setVisible(False)
        if query:
            self.title.setText(_tr("Nothing matches “{query}”").format(query=query))
            self.text.setText(_tr("Try another word, or clear the search."))
        elif trashed:
            self.title.setText(_tr("The trash is empty"))
            self.text.setText(_tr("Narratives you move to the trash wait here until "
                                  "you restore them or delete them for good."))
        else:
            self.title.setText(_tr("Your narratives will live here"))
            self.text.setText(_tr(
                "Start your own, or open the example to see what a finished narrative of "
                "Self, Us and Now looks like. You can also drop a file here to import it."))
            self.example_button.setVisible(True)
            self.new_button.setVisible(True)
