"""UI: an opt-in start-up probe for the benchmarks (off unless an environment variable asks).

With ``NARRATIVE_APP_STARTUP_PROBE=1`` the app prints two lines on stdout and then quits:

- ``first-paint <t>`` once the main window's first frame has been painted;
- ``ready <t>`` once the library is listed and the event loop is idle (accepting input).

``<t>`` is seconds since the probe was armed, for information only: the benchmark measures
from just before it spawns the process to when it reads each line, so interpreter start and
imports are included. Nothing here runs in a normal session.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

ENV_VAR = "NARRATIVE_APP_STARTUP_PROBE"
_ARMED_AT = time.perf_counter()


def enabled() -> bool:
    return os.environ.get(ENV_VAR) == "1"


def report(moment: str) -> None:
    print(f"{moment} {time.perf_counter() - _ARMED_AT:.4f}", flush=True)
    sys.stdout.flush()


class StartupProbe(QObject):
    """Watches the main window for its first paint, then waits for the library to be ready.

    ``library_ready()`` is called by the app once the library has been listed; ``ready`` is
    printed from a zero-time timer after that, i.e. once pending events have been handled.
    """

    def __init__(self, window: QObject) -> None:
        super().__init__(window)
        self._painted = False
        self._listed = False
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            watched.removeEventFilter(self)
            # After this paint pass (children included) has finished.
            QTimer.singleShot(0, self._first_paint)
        return False

    def _first_paint(self) -> None:
        report("first-paint")
        self._maybe_ready()

    def library_ready(self) -> None:
        if not self._listed:
            self._listed = True
            self._maybe_ready()

    def _maybe_ready(self) -> None:
        if self._painted and self._listed:
            QTimer.singleShot(0, self._ready)

    def _ready(self) -> None:
        report("ready")
        QCoreApplication.quit()
