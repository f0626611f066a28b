"""UI: the window's one catch-all for unexpected errors: save first, log, say one line.

``install()`` puts a ``sys.excepthook`` in place for the running app. PySide routes an
exception raised in any slot, action or event handler through ``sys.excepthook`` (Qt itself
would only print it), so this one hook covers every window action. It saves the user's text
first, appends the traceback to ``<data folder>/logs/narrative-app.log`` and shows one plain
line in the status bar naming that file. (No per-action wrapper is needed: PySide hands
every exception raised inside a Qt callback to ``sys.excepthook`` rather than dropping it.)

The log is written by ``narrative_app.errorlog``, the same helper the command line uses.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from narrative_app.errorlog import log_exception


class CrashGuard:
    """Saves, logs and tells; installed as ``sys.excepthook`` while the window is open."""

    def __init__(self, controller: Any, window: QMainWindow, data_dir: Path) -> None:
        self._controller = controller
        self._window = window
        self._data_dir = Path(data_dir)
        self._previous = sys.excepthook
        self._handling = False
        self.last_message = ""

    def install(self) -> CrashGuard:
        sys.excepthook = self.handle
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(self, kind: type[BaseException], error: BaseException,
               trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit) or self._handling:
            self._previous(kind, error, trace)
            return
        self._handling = True
        try:
            saved = self._save_first()
            error.__traceback__ = trace
            path = log_exception(error, self._data_dir, "window")
            self.last_message = self._message(path, saved)
            self._window.statusBar().showMessage(self.last_message)
        finally:
            self._handling = False

    def _save_first(self) -> bool:
        try:
            return bool(self._controller.save_now())
        except Exception:  # the save is tried first; its own failure is in the save status
            return False

    @staticmethod
    def _message(path: Path | None, saved: bool) -> str:
        tr = QCoreApplication.translate
        start = (tr("CrashGuard", "Something went wrong, but your text is saved.") if saved
                 else tr("CrashGuard", "Something went wrong; your text is kept in the window."))
        if path is None:
            return start + " " + tr("CrashGuard", "The details could not be written to a log.")
        return start + " " + tr("CrashGuard", "Details are in {path}.").format(path=path)

