"""UI: the end of a rehearsal run: how it went, part by part, and whether to keep it.

Shown inside the rehearsal window (not a dialog) so a presentation clicker can answer it:
Page Down or Enter keeps the run, Delete discards it, F5 starts again and Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from narrative_app.method.presets import format_seconds


class FinishPanel(QWidget):
    keepRequested = Signal()
    discardRequested = Signal()
    againRequested = Signal()
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.notes = QLineEdit(self)
        self.notes.setPlaceholderText(self.tr("A note for next time (optional)"))
        self.notes.setAccessibleName(self.tr("Notes on this run"))
        self.keep_button = QPushButton(self.tr("Keep run (Page Down)"), self)
        self.keep_button.setToolTip(self.tr("Keep this run in the history (Page Down or Enter)"))
        self.discard_button = QPushButton(self.tr("Don't keep (Delete)"), self)
        self.discard_button.setToolTip(self.tr("Forget this run (Delete)"))
        self.again_button = QPushButton(self.tr("Rehearse again (F5)"), self)
        self.close_button = QPushButton(self.tr("Close (Esc)"), self)
        for button in (self.keep_button, self.discard_button, self.again_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keep_button.clicked.connect(self.keepRequested)
        self.discard_button.clicked.connect(self.discardRequested)
        self.again_button.clicked.connect(self.againRequested)
        self.close_button.clicked.connect(self.closeRequested)
        self.notes.returnPressed.connect(self.keepRequested)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.discard_button, self.again_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addSpacing(12)
        layout.addWidget(self.question)
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.decided = False

    def show_result(self, heading: str, summary: str, question: str) -> None:
        self.decided = False
        self.heading.setText(heading)
        self.summary.setText(summary)
        self.question.setText(question)
        self.notes.clear()
        self.notes.setEnabled(True)
        self.keep_button.setVisible(True)
        self.discard_button.setVisible(True)
        self.again_button.setVisible(False)
        self.close_button.setVisible(True)

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
