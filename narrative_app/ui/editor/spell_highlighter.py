"""UI: spell-check underlines for any text editor, checked off the keystroke path.

- ``SpellCheckService``: the app-wide checker (one per main window's ``AppContext``, handed
  to every editor). It loads the dictionary on its
  own one-worker executor on first use (the result is collected on the GUI thread by a
  polling ``QTimer``; ``shutdown()`` joins the worker at quit), never on the start-up
  path, and says once, through ``unavailable``, if it cannot; ``changed`` asks every
  editor to re-check (a word added or ignored, spell check turned on or off, another
  language).
- The underlines themselves are drawn by a ``SpellUnderliner`` that each highlighter owns
  (``spell_underline.py``, with ``attach_spell_check(editor)`` for a plain editor).

The underline is ``SpellCheckUnderline`` (wavy on most platforms) in the app's "over budget"
red from ``_widgets.state_colour``: a red computed against the palette's base colour, so it
reads on light, dark and high-contrast palettes alike (Qt's palette has no "error" role).
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QPalette,
)

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
