"""UI: an opt-in start-up probe for the benchmarks (off unless an environment variable asks).

With ``NARRATIVE_APP_STARTUP_PROBE=1`` the app prints two lines on stdout and then quits:

- ``first-paint <t>`` once the main window's first frame has been painted;
- ``ready <t>`` once the library is listed and the event loop is idle (accepting input);
- ``store-open <t>`` once the full store (SQLAlchemy, backups) has finished opening in the
  background after that; the app quits then, so its peak memory includes that work;
- ``peak-memory <MB>`` just before quitting (Linux: the process's own ``VmHWM``).

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
        self._ready_reported = False
        self._store_open = False
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
        self._ready_reported = True
        self._maybe_quit()

    def store_opened(self) -> None:
        if not self._store_open:
            self._store_open = True
            report("store-open")
            self._maybe_quit()

    def _maybe_quit(self) -> None:
        if self._ready_reported and self._store_open:
            peak = peak_memory_mb()
            if peak is not None:
                print(f"peak-memory {peak:.1f}", flush=True)
            QTimer.singleShot(0, QCoreApplication.quit)


def peak_memory_mb() -> float | None:
    """This process's peak resident memory (Linux ``VmHWM``), None where it is not known.

    ``ru_maxrss`` is not used: on Linux it also counts the parent's memory at fork time.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None
