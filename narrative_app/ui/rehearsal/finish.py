"""UI: the end of a rehearsal run: how it went, part by part, and whether to keep it.

Shown inside the rehearsal window (not a dialog) so a presentation clicker can answer it:
Page Down or Enter keeps the run, Delete discards it, F5 starts again and Esc closes. The
heading and each part say how the time went in words and in the timers' colours, and the
rule for short runs is stated under the question.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from narrative_app.method.presets import format_seconds
from narrative_app.rehearsal.display import FinishSummary, TimeStatus
from narrative_app.ui.rehearsal.actions import RehearsalActions
from narrative_app.ui.rehearsal.controls import FocusButton
from narrative_app.ui.rehearsal.theme import muted, status_colour
from narrative_app.ui.widgets.reflow import scroll_when_small


class FinishPanel(QWidget):
    _built = False  # palette changes during construction wait until the labels exist
    keepRequested = Signal()
    discardRequested = Signal()
    againRequested = Signal()
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.part_lines: list[QLabel] = []
        self._status = TimeStatus.NONE
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.parts_box = QVBoxLayout()
        self.parts_box.setSpacing(2)
        self.speech = QLabel(self)  # what was heard, when the app listened
        self.speech.setWordWrap(True)
        self.speech.setTextFormat(Qt.TextFormat.RichText)
        self.speech.setVisible(False)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.rule = QLabel(self)
        self.rule.setWordWrap(True)
        self.rule.setTextFormat(Qt.TextFormat.PlainText)
        self.notes = QLineEdit(self)
        self.notes.setPlaceholderText(self.tr("A note for next time (optional)"))
        self.notes.setAccessibleName(self.tr("Notes on this run"))
        self.keep_button = FocusButton(self.tr("Keep run"), self)
        self.keep_button.setToolTip(self.tr("Keep this run in the history"))
        self.discard_button = FocusButton(self.tr("Don't keep"), self)
        self.discard_button.setToolTip(self.tr("Forget this run"))
        self.again_button = FocusButton(self.tr("Rehearse again"), self)
        self.close_button = FocusButton(self.tr("Close"), self)
        self.set_keys({})
        self.keep_button.clicked.connect(self.keepRequested)
        self.discard_button.clicked.connect(self.discardRequested)
        self.again_button.clicked.connect(self.againRequested)
        self.close_button.clicked.connect(self.closeRequested)
        self.notes.returnPressed.connect(self.keepRequested)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.discard_button, self.again_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        content = QWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll_when_small(content, self))  # large text: scrolls, never cut
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addLayout(self.parts_box)
        layout.addSpacing(8)
        layout.addWidget(self.speech)
        layout.addSpacing(12)
        layout.addWidget(self.question)
        layout.addWidget(self.rule)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.decided = False
        self._built = True

    def set_keys(self, keys: dict[str, str]) -> None:
        """Button labels with the keys that do the same ("Keep run (PgDown)"), taken from the
        rehearsal actions: ``keep``, ``discard``, ``again`` and ``close``."""
        for name, button, words in (
                ("keep", self.keep_button, self.tr("Keep run")),
                ("discard", self.discard_button, self.tr("Don't keep")),
                ("again", self.again_button, self.tr("Rehearse again")),
                ("close", self.close_button, self.tr("Close"))):
            key = keys.get(name, "")
            label = f"{words} ({key})" if key else words
            button.setText(label)
            button.setAccessibleName(label)

    def follow_keys(self, actions: RehearsalActions) -> None:
        """Label the buttons with the rehearsal's keys, now and whenever they change."""
        self._actions = actions
        actions.keysChanged.connect(self._label_keys)
        self._label_keys()

    def _label_keys(self) -> None:
        key = self._actions.key_text
        self.set_keys({"keep": key("next") or key("keep"), "discard": key("discard"),
                       "again": key("start"), "close": key("end")})

    def show_result(self, summary: FinishSummary) -> None:
        self.decided = False
        self._status = summary.status
        self.heading.setText(summary.heading)
        self.heading.setAccessibleName(summary.heading)
        for label in self.part_lines:
            label.deleteLater()
        self.part_lines = []
        for line in summary.parts:
            label = QLabel(line.text, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setProperty("status", line.status.value)
            self.parts_box.addWidget(label)
            self.part_lines.append(label)
        self.question.setText(summary.question)
        self.rule.setText(summary.rule)
        self._paint()
        self.notes.clear()
        self.notes.setEnabled(True)
        self.keep_button.setVisible(True)
        self.discard_button.setVisible(True)
        self.again_button.setVisible(False)
        self.close_button.setVisible(True)

    def show_speech(self, table: str, lines: list[str]) -> None:
        """The listening report (a small table, and the same in words for screen readers),
        or a line saying it is on its way; empty hides it."""
        text = "\n".join(lines)
        self.speech.setText(table)
        self.speech.setAccessibleName(text)
        self.speech.setAccessibleDescription(text)
        self.speech.setVisible(bool(text))
        self.rule.setVisible(not text)  # room for the report on a laptop screen

    def _paint(self) -> None:
        """The heading and part lines in the status colours of the palette in use."""
        palette = self.palette()
        pairs = [(self.heading, self._status)]
        pairs += [(lb, TimeStatus(str(lb.property("status")))) for lb in self.part_lines]
        for label, status in pairs:
            own = label.palette()
            own.setColor(QPalette.ColorRole.WindowText, status_colour(palette, status))
            label.setPalette(own)
        own = self.rule.palette()
        own.setColor(QPalette.ColorRole.WindowText, muted(palette))
        self.rule.setPalette(own)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._built:
            self._paint()

    def set_decided(self, message: str) -> None:
        self.decided = True
        self.question.setText(message)
        self.notes.setEnabled(False)
        self.keep_button.setVisible(False)
        self.discard_button.setVisible(False)
        self.again_button.setVisible(True)

    def set_pixel_size(self, size: int) -> None:
        font = self.font()
        font.setPixelSize(max(12, size))
        self.setFont(font)
        big = self.heading.font()
        big.setPixelSize(max(16, round(size * 1.6)))
        big.setWeight(big.Weight.DemiBold)
        self.heading.setFont(big)
        small = self.font()
        small.setPixelSize(max(12, round(size * 0.75)))
        self.speech.setFont(small)


def ask_keep_on_close(parent: QWidget, seconds: float, short: bool) -> QMessageBox.StandardButton:
    """Closing mid-run: keep the run (Save), drop it (Discard) or carry on (Cancel)."""
    # The rehearsal window's context, written out so lupdate finds it.
    if short:
        text = QCoreApplication.translate(
            "RehearsalWindow", "Keep this run before closing? It lasted only {time}.")
    else:
        text = QCoreApplication.translate(
            "RehearsalWindow", "Keep this run before closing? It lasted {time}.")
    title = QCoreApplication.translate("RehearsalWindow", "Keep this run?")
    buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
               | QMessageBox.StandardButton.Cancel)
    return QMessageBox.question(parent, title,
                                text.format(time=format_seconds(seconds)), buttons,
                                QMessageBox.StandardButton.Save)
