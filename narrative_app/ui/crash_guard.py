"""UI: the window's one catch-all for unexpected errors: save first, log, say one line.

``install()`` puts a ``sys.excepthook`` in place for the running app. PySide routes an
exception raised in any slot, action or event handler through ``sys.excepthook`` (Qt itself
would only print it), so this one hook covers every window action. It saves the user's text
first, appends the traceback to ``<data folder>/logs/narrative-app.log`` and shows one plain
line in the status bar naming that file. (No per-action wrapper is needed: PySide hands
every exception raised inside a Qt callback to ``sys.excepthook`` rather than dropping it.)

Seam: a Qt-free log helper for the CLI is being written elsewhere; this is the window's own,
minimal writer, to be pointed at that helper once it lands.
"""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

LOG_NAME = "narrative-app.log"
MAX_LOG_BYTES = 1_000_000  # past this the log starts again (one older copy kept)


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / "logs" / LOG_NAME


def write_log(data_dir: Path, text: str) -> Path | None:
    """Append ``text`` to the log file; the path, or None if the log cannot be written."""
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
        with path.open("a", encoding="utf-8", errors="replace") as handle:
            handle.write(text)
    except OSError:
        return None
    return path


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
            stamp = datetime.now().isoformat(timespec="seconds")
            details = "".join(traceback.format_exception(kind, error, trace))
            path = write_log(self._data_dir, f"--- {stamp} unexpected error\n{details}\n")
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

