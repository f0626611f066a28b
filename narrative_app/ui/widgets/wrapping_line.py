"""UI widget: a one-paragraph text field that wraps and grows, so a long entry is seen whole.

It keeps ``QLineEdit``'s small interface (``text``, ``setText``, ``clear``, ``textEdited``
for the user's edits only, ``returnPressed``): Return never adds a line break, and a pasted
line break becomes a space, since the value is one sentence or two.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

from narrative_app.ui.editor.spell_highlighter import SpellCheckService
from narrative_app.ui.editor.spell_menu import install_spell_menu
from narrative_app.ui.editor.spell_underline import attach_spell_check


class WrappingLine(QPlainTextEdit):
    """A field of one paragraph that wraps at the field's width (1 to ``max_lines`` lines)."""

    textEdited = Signal(str)
    returnPressed = Signal()

    def __init__(self, parent: QWidget | None = None, *, max_length: int = 500,
                 max_lines: int = 8, spell: SpellCheckService | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._max_length = max_length
        self._max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._on_text_changed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()
        self.spell_highlighter = attach_spell_check(self, spell)
        install_spell_menu(self, spell)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self._loading = True
        try:
            self.document().setUndoRedoEnabled(False)
            self.setPlainText(" ".join(text.splitlines()))
        finally:
            self.document().setUndoRedoEnabled(True)
            self._loading = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)

    def _on_text_changed(self) -> None:
        text = self.toPlainText()
        if "\n" in text or len(text) > self._max_length:  # typed or dropped: keep one line
            cursor = self.textCursor()
            position = cursor.position()
            self.blockSignals(True)
            self.setPlainText(" ".join(text.splitlines())[: self._max_length])
            self.blockSignals(False)
            cursor = self.textCursor()
            cursor.setPosition(min(position, len(self.toPlainText())))
            self.setTextCursor(cursor)
            text = self.toPlainText()
        if not self._loading:
            self.textEdited.emit(text)

    def _fit_height(self, *_args: object) -> None:
        lines = self.document().documentLayout().documentSize().height()  # in lines
        lines = max(1, min(self._max_lines, int(lines + 0.99)))
        margins = self.contentsMargins()
        extra = margins.top() + margins.bottom() + 2 * self.document().documentMargin()
        self.setFixedHeight(int(self.fontMetrics().lineSpacing() * lines + extra + 2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
