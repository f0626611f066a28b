"""UI: one owned way to run slow, Qt-free work off the GUI thread (reading an import).

``BackgroundWork`` owns a one-worker ``concurrent.futures`` executor. The worker runs only
plain Python (no Qt, no database); a ``QTimer`` on the GUI thread collects each finished
future and calls its ``done(result, error)`` there, so no signal is ever emitted from
another thread. ``shutdown()`` (also on the application's ``aboutToQuit``) cancels what has
not started and joins the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

POLL_MS = 20

Done = Callable[[Any, BaseException | None], None]


class BackgroundWork(QObject):
    """Run functions on one worker; hand each result back on the GUI thread."""

    def __init__(self, parent: QObject | None = None, name: str = "narrative-work") -> None:
        super().__init__(parent)
        self._name = name
        self._executor: ThreadPoolExecutor | None = None
        self._pending: list[tuple[Future[Any], Done]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._collect)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def submit(self, func: Callable[..., Any], *args: Any, done: Done) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self._name)
        self._pending.append((self._executor.submit(func, *args), done))
        self._timer.start()

    def _collect(self) -> None:
        finished = [(f, d) for f, d in self._pending if f.done()]
        self._pending = [(f, d) for f, d in self._pending if not f.done()]
        if not self._pending:
            self._timer.stop()
        for future, done in finished:
            if future.cancelled():
                continue
            error = future.exception()
            done(None if error is not None else future.result(), error)

    def shutdown(self) -> None:
        self._timer.stop()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        self._pending = []
