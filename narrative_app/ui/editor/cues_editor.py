"""UI: the speaking-cues editor (one short cue per line) and cue suggestions from a draft.

``suggest_cues`` is plain Python: one cue per paragraph, the paragraph's first clause when it is
short, else its first eight words, as a starting point the user then edits.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from narrative_app.ui.editor.spell_highlighter import attach_spell_check
from narrative_app.ui.editor.spell_menu import install_spell_menu
from narrative_app.ui.widgets.common import plain_text

CUE_WORDS = 8
MAX_CLAUSE_WORDS = 12

_PARAGRAPHS = re.compile(r"\n\s*\n")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_PAUSE = re.compile(r"\[\s*pause\s*\]", re.IGNORECASE)
_MARKS = re.compile(r"(\*\*|__|[*_`])")
_LINE_START = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+\u2022]\s+|\d+[.)]\s+)", re.MULTILINE)
_CLAUSE_END = re.compile(r"[.,;:!?\u2014\u2013](?=\s|$)|\s[-\u2013\u2014]\s")
_WORD = re.compile(r"\w", re.UNICODE)


def _clean(paragraph: str) -> str:
    text = _LINE_START.sub("", paragraph)
    text = _LINK.sub(r"\1", text)
    text = _PAUSE.sub(" ", text)
    text = _MARKS.sub("", text)
    return " ".join(text.split())


def suggest_cue(paragraph: str) -> str:
    """A short cue for one paragraph: its first clause if short, else its first words."""
    text = _clean(paragraph)
    clause_end = _CLAUSE_END.search(text)
    if clause_end:
        clause = text[: clause_end.start()].strip()
        if 2 <= len(clause.split()) <= MAX_CLAUSE_WORDS:
            return clause
    words = text.split()
    if len(words) <= CUE_WORDS:
        return text.rstrip(".,;:")
    return " ".join(words[:CUE_WORDS]).rstrip(".,;:") + "\u2026"


def suggest_cues(draft: str) -> list[str]:
    """One cue per paragraph with words in it; headings on their own are skipped."""
    cues: list[str] = []
    for paragraph in _PARAGRAPHS.split(draft):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        body = [line for line in lines if not line.lstrip().startswith("#")]
        if not body or not _WORD.search(_clean("\n".join(body))):
            continue
        cues.append(suggest_cue("\n".join(body)))
    return cues


def parse_cues(text: str) -> list[str]:
    """One cue per non-empty line; a leading bullet ("- ", "* ", "1. ") is not part of it."""
    cues = []
    for line in text.splitlines():
        cue = _BULLET.sub("", line).strip()
        if cue:
            cues.append(cue)
    return cues


class CuesEditor(QPlainTextEdit):
    """Cues, one per line. ``edited`` fires with the parsed cues for user edits only."""

    edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.setTabChangesFocus(True)
        self.setPlaceholderText(self.tr("One short cue per line, for example: Ward 7, 3 a.m."))
        self.setAccessibleName(self.tr("Speaking cues"))
        self.setAccessibleDescription(
            self.tr("Short reminders you glance at while speaking, one per line.")
        )
        self.textChanged.connect(self._on_text_changed)
        self.spell_highlighter = attach_spell_check(self)
        install_spell_menu(self)

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
