"""UI: spell-check underlines for any text editor, checked off the keystroke path.

- ``SpellCheckService``: the app-wide checker (one per main window's ``AppContext``, handed
  to every editor). It loads the dictionary on its
  own one-worker executor on first use (the result is collected on the GUI thread by a
  polling ``QTimer``; ``shutdown()`` joins the worker at quit), never on the start-up
  path, and says once, through ``unavailable``, if it cannot; ``changed`` asks every
  editor to re-check (a word added or ignored, spell check turned on or off, another
  language).
- ``SpellCheckHighlighting``: a mixin for any ``QSyntaxHighlighter``. Call
  ``setup_spell_check()`` in ``__init__`` and ``highlight_spelling(text)`` at the end of
  ``highlightBlock``. Qt re-highlights only the block being edited; words are cached, so a
  keystroke costs a few microseconds per word. After the dictionary loads (or changes) the
  whole document is re-checked in small time-boxed chunks on a ``QTimer``, so a long draft
  never freezes the window.
- ``SpellCheckHighlighter`` / ``attach_spell_check(editor)``: the same for a plain
  ``QPlainTextEdit`` or ``QTextEdit`` that has no highlighter of its own.

The underline is ``SpellCheckUnderline`` (wavy on most platforms) in the app's "over budget"
red from ``_widgets.state_colour``: a red computed against the palette's base colour, so it
reads on light, dark and high-contrast palettes alike (Qt's palette has no "error" role).
"""

from __future__ import annotations

import contextlib
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from narrative_app.paths import resolve_data_dir
from narrative_app.spell import DEFAULT_LANGUAGE, SpellChecker, SpellStatus
from narrative_app.text.timing import BudgetState
from narrative_app.ui.widgets.common import state_colour

SPELL_LIMIT = 20_000  # characters per block worth checking (as the Markdown highlighter)
CHUNK_SECONDS = 0.008  # background re-check: at most this long per timer tick
PASS_BUDGET_SECONDS = 0.003  # spelling work allowed in one synchronous highlighting pass
LOAD_POLL_MS = 25  # how often the GUI thread looks for the loaded dictionary


def spell_error_colour(palette: QPalette) -> QColor:
    """The underline colour: the app's palette-derived red (see the module docstring)."""
    return state_colour(palette, BudgetState.RED)


class SpellCheckService(QObject):
    """The app's one spell checker, loaded lazily off the GUI thread.

    The worker only loads word lists (no Qt); the GUI thread polls its future and emits the
    signals itself, so no signal is ever emitted from another thread.
    """

    ready = Signal()  # the dictionary is loaded: editors re-check
    changed = Signal()  # words added/ignored, on/off or language changed: editors re-check
    unavailable = Signal(str)  # once: the one-line reason spell check is off

    def __init__(self, data_dir: Path | None = None, *, language: str = DEFAULT_LANGUAGE,
                 enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir) if data_dir is not None else resolve_data_dir(None)
        self.enabled = enabled
        self.checker = SpellChecker(language, self.data_dir)
        self.message = ""  # the last problem told to the user (empty when none)
        self._told: set[str] = set()
        self._executor: ThreadPoolExecutor | None = None
        self._future: Future[bool] | None = None
        self._collected = False
        self._poll = QTimer(self)
        self._poll.setInterval(LOAD_POLL_MS)
        self._poll.timeout.connect(self._collect)

    @classmethod
    def from_settings(cls, data_dir: Path | None = None) -> SpellCheckService:
        """A service for ``data_dir`` with the saved language and on/off (see ``AppContext``)."""
        from narrative_app.ui.settings import Settings

        saved = Settings().load()
        language = saved.spell_language.strip() or DEFAULT_LANGUAGE
        return cls(data_dir, language=language, enabled=saved.spell_check)

    # ------------------------------------------------------------------ state
    @property
    def language(self) -> str:
        return self.checker.language

    @property
    def active(self) -> bool:
        """True when words should be underlined now (once the GUI thread has the result)."""
        collected = self._future is None or self._collected
        return self.enabled and self.checker.ready and collected

    def ensure_loading(self) -> None:
        """Start loading the dictionary in the background (once); never blocks."""
        idle = self.checker.status is SpellStatus.IDLE
        if not self.enabled or self._future is not None or not idle:
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spell-load")
        self._collected = False
        self._future = self._executor.submit(self.checker.load)
        self._poll.start()

    def wait_until_loaded(self, timeout: float | None = None) -> bool:
        """Block until loaded (benchmarks and tests only: the app never waits)."""
        future = self._future
        if future is not None:
            # A timeout, or a load that failed: the checker says which.
            with contextlib.suppress(Exception):
                future.result(timeout)
            self._collect()
        return self.checker.ready

    def shutdown(self) -> None:
        """Stop polling and join the loader (at quit; a load under way is let finish)."""
        self._poll.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def configure(self, *, enabled: bool | None = None, language: str | None = None) -> None:
        """Apply the Settings dialog's choices now; editors re-check."""
        if language and language != self.checker.language:
            self.checker = SpellChecker(language, self.data_dir)
            self._future = None  # the old load (if any) finishes for the old checker
        if enabled is not None:
            self.enabled = enabled
        self.ensure_loading()
        self.changed.emit()

    # ------------------------------------------------------------------ words
    def misspelt(self, text: str) -> list[tuple[int, int, str]]:
        return self.checker.misspelt(text) if self.active else []

    def suggestions(self, word: str) -> list[str]:
        return self.checker.suggestions(word) if self.active else []

    def add_to_dictionary(self, word: str) -> str:
        """Add ``word`` to the personal dictionary; returns a problem message, or ""."""
        try:
            self.checker.add_to_dictionary(word)
        except Exception as exc:  # DataFolderError (or an unexpected OS error): say so
            self._tell(str(exc))
            return str(exc)
        finally:
            self.changed.emit()
        return ""

    def ignore(self, word: str) -> None:
        self.checker.ignore(word)
        self.changed.emit()

    # ------------------------------------------------------------------ internals
    def _collect(self) -> None:
        """On the GUI thread: once the load has finished, tell the editors (once)."""
        future = self._future
        if future is None or not future.done():
            if future is None:
                self._poll.stop()
            return
        self._poll.stop()
        if self._collected:
            return
        self._collected = True
        self._on_loaded()

    def _on_loaded(self) -> None:
        if self.checker.ready:
            if self.checker.personal_problem:
                self._tell(self.checker.personal_problem)
            self.ready.emit()
        elif self.checker.disabled:
            self._tell(self.checker.reason)

    def _tell(self, message: str) -> None:
        self.message = message
        if message not in self._told:  # say each problem once, not on every keystroke
            self._told.add(message)
            self.unavailable.emit(message)


class SpellCheckHighlighting:
    """Mixin for a ``QSyntaxHighlighter``: underline misspelt words in each block."""

    _spell_service: SpellCheckService | None = None
    _spell_colour: QColor | None = None
    _spell_timer: QTimer | None = None
    _spell_next_block = 0
    _spell_in_chunk = False
    _spell_pass_spent = 0.0
    _spell_pass_timer: QTimer | None = None

    def setup_spell_check(self, service: SpellCheckService | None = None,
                          palette: QPalette | None = None) -> None:
        """Call once from ``__init__`` (after ``super().__init__(document)``); with no
        ``service`` the highlighter underlines nothing."""
        highlighter: Any = self
        self._spell_service = service
        if service is None:
            return
        self._spell_colour = spell_error_colour(palette or QGuiApplication.palette())
        timer = QTimer(highlighter)
        timer.setInterval(0)
        timer.timeout.connect(self._spell_check_next_chunk)
        self._spell_timer = timer
        pass_timer = QTimer(highlighter)  # fires once control is back in the event loop
        pass_timer.setSingleShot(True)
        pass_timer.setInterval(0)
        pass_timer.timeout.connect(self._spell_new_pass)
        self._spell_pass_timer = pass_timer
        document = highlighter.document()
        if document is not None:
            # Connected after the highlighter's own slot: once an edit's blocks have been
            # highlighted, the next edit starts a fresh budget (not only when the event loop
            # next runs), so each keystroke always checks its own paragraph.
            document.contentsChange.connect(self._spell_edit_done)
        service.ready.connect(self.recheck_spelling)
        service.changed.connect(self.recheck_spelling)
        service.ensure_loading()
        if service.active:
            self.recheck_spelling()

    def set_spell_palette(self, palette: QPalette) -> None:
        """Follow a palette change (dark mode) with the underline colour."""
        self._spell_colour = spell_error_colour(palette)
        self.recheck_spelling()

    @property
    def spell_checking(self) -> bool:
        return self._spell_timer is not None and self._spell_timer.isActive()

    def highlight_spelling(self, text: str) -> None:
        """Underline the misspelt words of ``text`` (the block); call in ``highlightBlock``."""
        service = self._spell_service
        if service is None or not service.active or not text:
            return
        if not self._spell_in_chunk:
            # A keystroke re-highlights one block: cheap. Loading a whole draft highlights
            # every block at once: past a small budget, leave the rest to the background.
            if self._spell_pass_spent > PASS_BUDGET_SECONDS:
                self._defer_spelling()
                return
            started = time.perf_counter()
            self._spell_underline_block(service, text)
            self._spell_pass_spent += time.perf_counter() - started
            if self._spell_pass_timer is not None and not self._spell_pass_timer.isActive():
                self._spell_pass_timer.start()
            return
        self._spell_underline_block(service, text)

    def _spell_underline_block(self, service: SpellCheckService, text: str) -> None:
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

    def recheck_spelling(self) -> None:
        """Re-check the whole document in the background, in small chunks."""
        if self._spell_timer is None:
            return
        self._spell_next_block = 0
        self._spell_timer.start()

    def _defer_spelling(self) -> None:
        highlighter: Any = self
        number = highlighter.currentBlock().blockNumber()
        timer = self._spell_timer
        if timer is None:
            return
        if not timer.isActive():
            self._spell_next_block = number
            timer.start()
        else:
            self._spell_next_block = min(self._spell_next_block, number)

    def _spell_new_pass(self) -> None:
        self._spell_pass_spent = 0.0

    def _spell_edit_done(self, *_args: object) -> None:
        self._spell_pass_spent = 0.0

    # ------------------------------------------------------------------ internals
    def _underline(self, start: int, length: int) -> None:
        # Merge with what the highlighter already set (bold, heading...), run by run.
        highlighter: Any = self
        end = start + length
        position = start
        while position < end:
            base = highlighter.format(position)
            run_end = position + 1
            while run_end < end and highlighter.format(run_end) == base:
                run_end += 1
            merged = QTextCharFormat(base)
            merged.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
            merged.setUnderlineColor(self._spell_colour or QColor())
            highlighter.setFormat(position, run_end - position, merged)
            position = run_end

    def _spell_check_next_chunk(self) -> None:
        highlighter: Any = self
        document: QTextDocument | None = highlighter.document()
        timer = self._spell_timer
        if document is None or timer is None:
            if timer is not None:
                timer.stop()
            return
        # Find the block by number each tick: the user may have edited since the last one.
        block = document.findBlockByNumber(self._spell_next_block)
        deadline = time.perf_counter() + CHUNK_SECONDS
        # Re-highlighting makes the document emit contentsChanged, which editors read as an
        # edit (autosave). Underlines are not edits: keep the document quiet meanwhile. The
        # layout is still told directly, so the view repaints.
        was_blocked = document.blockSignals(True)
        self._spell_in_chunk = True
        try:
            while block.isValid():
                highlighter.rehighlightBlock(block)
                block = block.next()
                self._spell_next_block += 1
                if time.perf_counter() >= deadline:
                    break
        finally:
            self._spell_in_chunk = False
            document.blockSignals(was_blocked)
        if not block.isValid():
            timer.stop()


class SpellCheckHighlighter(QSyntaxHighlighter, SpellCheckHighlighting):
    """Spell check alone, for an editor whose document has no other highlighter."""

    def __init__(self, document: QTextDocument, service: SpellCheckService | None = None,
                 palette: QPalette | None = None) -> None:
        super().__init__(document)
        self.setup_spell_check(service, palette)

    def highlightBlock(self, text: str) -> None:
        self.highlight_spelling(text)


def attach_spell_check(editor: QPlainTextEdit | QTextEdit,
                       service: SpellCheckService | None = None) -> SpellCheckHighlighter:
    """Underline misspelt words in ``editor`` (its document must have no other highlighter)."""
    return SpellCheckHighlighter(editor.document(), service, editor.palette())
