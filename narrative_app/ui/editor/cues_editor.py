"""UI: the speaking-cues editor (one short cue per line).

Reading the typed cues and suggesting cues from a draft are text rules
(``narrative_app.text.cues``), shared with rehearsal.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from narrative_app.text.cues import parse_cues
from narrative_app.ui.editor.spell_highlighter import SpellCheckService
from narrative_app.ui.editor.spell_menu import install_spell_menu
from narrative_app.ui.editor.spell_underline import attach_spell_check
from narrative_app.ui.widgets.common import plain_text


class CuesEditor(QPlainTextEdit):
    """Cues, one per line. ``edited`` fires with the parsed cues for user edits only."""

    edited = Signal(list)

    def __init__(self, parent: QWidget | None = None, *,
                 spell: SpellCheckService | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("One short cue per line, for example: Ward 7, 3 a.m."))
        self.setAccessibleName(self.tr("Speaking cues"))
        self.setAccessibleDescription(
            self.tr("Short reminders you glance at while speaking, one per line.")
        )
        self.textChanged.connect(self._on_text_changed)
        self.spell_highlighter = attach_spell_check(self, spell)
        install_spell_menu(self, spell)

    def sizeHint(self) -> QSize:
        """Tall enough for every cue (at least three lines), so the splitter sizes it well."""
        hint = super().sizeHint()
        lines = max(3, self.document().blockCount())
        margins = self.contentsMargins()
        extra = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        return QSize(hint.width(), self.fontMetrics().lineSpacing() * lines + extra + 4)

    def cues(self) -> list[str]:
        return parse_cues(plain_text(self))

    def set_cues(self, cues: list[str]) -> None:
        """Load cues without an edit signal and without undo history."""
        self._loading = True
        try:
            self.document().setUndoRedoEnabled(False)
            self.setPlainText("\n".join(cues))
        finally:
            self.document().setUndoRedoEnabled(True)
            self._loading = False

    def replace_with(self, cues: list[str]) -> None:
        """Replace every cue as one undoable edit (Ctrl+Z brings the old cues back)."""
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText("\n".join(cues))

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.cues())
