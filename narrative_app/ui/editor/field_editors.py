"""UI: the structured-field editors of a story page (one line or a few lines each).

Both load text without undo history and signal ``edited`` for the user's edits only.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from narrative_app.ui.editor.spell_highlighter import SpellCheckService
from narrative_app.ui.editor.spell_menu import install_spell_menu
from narrative_app.ui.editor.spell_underline import attach_spell_check
from narrative_app.ui.widgets.common import plain_text


class FieldText(QPlainTextEdit):
    """A short multi-line field that grows with its text (2 to ``max_lines`` lines).

    Inside a scroll area, ``max_lines=ALL_LINES`` shows all the text, so the field never
    scrolls inside the area's scroll. ``edited`` fires for the user's edits only.
    """

    edited = Signal(str)
    MIN_LINES = 2
    MAX_LINES = 6
    ALL_LINES = 400

    def __init__(self, parent: QWidget | None = None, *, max_lines: int = MAX_LINES,
                 spell: SpellCheckService | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._max_lines = max_lines
        if max_lines >= self.ALL_LINES:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._on_text_changed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height()
        self.spell_highlighter = attach_spell_check(self, spell)
        install_spell_menu(self, spell)

    def _fit_height(self, *_args: object) -> None:
        lines = self.document().documentLayout().documentSize().height()  # in lines
        lines = max(self.MIN_LINES, min(self._max_lines, math.ceil(lines)))
        margins = self.contentsMargins()
        extra = margins.top() + margins.bottom() + 2 * self.document().documentMargin()
        self.setFixedHeight(int(self.fontMetrics().lineSpacing() * lines + extra + 2))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()  # wrapping changes with the width

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def value(self) -> str:
        return plain_text(self)

    def set_value(self, text: str) -> None:
        self._loading = True
        try:
            self.document().setUndoRedoEnabled(False)  # no undo back into another narrative
            self.setPlainText(text)
        finally:
            self.document().setUndoRedoEnabled(True)
            self._loading = False

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.value())


class FieldLine(QLineEdit):
    """A one-line field with the same small interface as ``FieldText``."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None, *,
                 spell: SpellCheckService | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.textChanged.connect(self._on_text_changed)
        install_spell_menu(self, spell)

    def value(self) -> str:
        return self.text()

    def set_value(self, text: str) -> None:
        self._loading = True
        try:
            self.setText(text)  # setText also clears the undo history
        finally:
            self._loading = False

    def _on_text_changed(self, text: str) -> None:
        if not self._loading:
            self.edited.emit(text)
