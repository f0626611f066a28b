"""UI: misspelt words underlined in a ``QSyntaxHighlighter``'s document, off the keystroke path.

``SpellUnderliner`` is a small object a highlighter owns (``self.spell = SpellUnderliner(self,
service, palette)``) and calls from ``highlightBlock`` (``self.spell.underline_block(text)``)
after setting its own formats, which the underline keeps. Qt re-highlights only the block
being edited, and words are cached, so a keystroke costs a few microseconds per word. After
the dictionary loads (or changes) the whole document is re-checked in small time-boxed chunks
on a ``QTimer``, so a long draft never freezes the window.

``SpellCheckHighlighter`` / ``attach_spell_check(editor)`` do the same for a plain
``QPlainTextEdit`` or ``QTextEdit`` that has no highlighter of its own. The service and the
underline colour are in ``spell_highlighter``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from narrative_app.ui.editor.spell_highlighter import (
    CHUNK_SECONDS,
    PASS_BUDGET_SECONDS,
    SPELL_LIMIT,
    SpellCheckService,
    spell_error_colour,
)


class SpellUnderliner(QObject):
    """The spelling underlines of one highlighter's document; inert without a service."""

    def __init__(self, highlighter: QSyntaxHighlighter, service: SpellCheckService | None,
                 palette: QPalette | None = None) -> None:
        super().__init__(highlighter)
        self._highlighter = highlighter
        self._service = service
        self._colour = spell_error_colour(palette or QGuiApplication.palette())
        self._next_block = 0
        self._in_chunk = False  # re-highlighting from the background pass
        self._pass_spent = 0.0  # seconds of spelling in the current synchronous pass
        self._timer = QTimer(self)  # the background pass, one chunk per tick
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._check_next_chunk)
        self._pass_timer = QTimer(self)  # fires once control is back in the event loop
        self._pass_timer.setSingleShot(True)
        self._pass_timer.setInterval(0)
        self._pass_timer.timeout.connect(self._new_pass)
        if service is None:
            return
        document = highlighter.document()
        if document is not None:
            # Connected after the highlighter's own slot: once an edit's blocks have been
            # highlighted, the next edit starts a fresh budget (not only when the event loop
            # next runs), so each keystroke always checks its own paragraph.
            document.contentsChange.connect(self._new_pass)
        service.ready.connect(self.recheck)
        service.changed.connect(self.recheck)
        service.ensure_loading()
        if service.active:
            self.recheck()

    @property
    def checking(self) -> bool:
        """Whether the background pass over the document is still going."""
        return self._timer.isActive()

    def set_palette(self, palette: QPalette) -> None:
        """Follow a palette change (dark mode) with the underline colour."""
        self._colour = spell_error_colour(palette)
        self.recheck()

    def recheck(self) -> None:
        """Re-check the whole document in the background, in small chunks."""
        if self._service is None:
            return
        self._next_block = 0
        self._timer.start()

    def underline_block(self, text: str) -> None:
        """Underline the misspelt words of ``text`` (the block being highlighted)."""
        service = self._service
        if service is None or not service.active or not text:
            return
        if self._in_chunk:
            self._underline_words(service, text)
            return
        # A keystroke re-highlights one block: cheap. Loading a whole draft highlights every
        # block at once: past a small budget, leave the rest to the background pass.
        if self._pass_spent > PASS_BUDGET_SECONDS:
            self._defer()
            return
        started = time.perf_counter()
        self._underline_words(service, text)
        self._pass_spent += time.perf_counter() - started
        if not self._pass_timer.isActive():
            self._pass_timer.start()

    # ------------------------------------------------------------------ internals
    def _underline_words(self, service: SpellCheckService, text: str) -> None:
        limited = text[:SPELL_LIMIT]
        spans = service.misspelt(limited)
        if not spans:
            return
        wide = len(limited.encode("utf-16-le")) // 2 != len(limited)
        for start, end, _word in spans:
            if wide:  # Qt positions are UTF-16: emoji before the word count twice
                begin = len(limited[:start].encode("utf-16-le")) // 2
                length = len(limited[start:end].encode("utf-16-le")) // 2
            else:
                begin, length = start, end - start
            self._underline(begin, length)

    def _underline(self, start: int, length: int) -> None:
        """Merge the underline with what the highlighter set (bold, heading...), run by run."""
        highlighter = self._highlighter
        end = start + length
        position = start
        while position < end:
            base = highlighter.format(position)
            run_end = position + 1
            while run_end < end and highlighter.format(run_end) == base:
                run_end += 1
            merged = QTextCharFormat(base)
            merged.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            merged.setUnderlineColor(self._colour or QColor())
            highlighter.setFormat(position, run_end - position, merged)
            position = run_end

    def _defer(self) -> None:
        number = self._highlighter.currentBlock().blockNumber()
        if not self._timer.isActive():
            self._next_block = number
            self._timer.start()
        else:
            self._next_block = min(self._next_block, number)

    def _new_pass(self, *_args: object) -> None:
        self._pass_spent = 0.0

    def _check_next_chunk(self) -> None:
        document: QTextDocument | None = self._highlighter.document()
        if document is None:
            self._timer.stop()
            return
        # Find the block by number each tick: the user may have edited since the last one.
        block = document.findBlockByNumber(self._next_block)
        deadline = time.perf_counter() + CHUNK_SECONDS
        # Re-highlighting makes the document emit contentsChanged, which editors read as an
        # edit (autosave). Underlines are not edits: keep the document quiet meanwhile. The
        # layout is still told directly, so the view repaints.
        was_blocked = document.blockSignals(True)
        self._in_chunk = True
        try:
            while block.isValid():
                self._highlighter.rehighlightBlock(block)
                block = block.next()
                self._next_block += 1
                if time.perf_counter() >= deadline:
                    break
        finally:
            self._in_chunk = False
            document.blockSignals(was_blocked)
        if not block.isValid():
            self._timer.stop()


class SpellCheckHighlighter(QSyntaxHighlighter):
    """Spell check alone, for an editor whose document has no other highlighter."""

    def __init__(self, document: QTextDocument, service: SpellCheckService | None = None,
                 palette: QPalette | None = None) -> None:
        super().__init__(document)
        self.spell = SpellUnderliner(self, service, palette)

    def highlightBlock(self, text: str) -> None:
        self.spell.underline_block(text)


def attach_spell_check(editor: QPlainTextEdit | QTextEdit,
                       service: SpellCheckService | None = None) -> SpellCheckHighlighter:
    """Underline misspelt words in ``editor`` (its document must have no other highlighter)."""
    return SpellCheckHighlighter(editor.document(), service, editor.palette())
