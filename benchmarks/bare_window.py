"""Benchmarks: the baseline for start-up, a bare PySide6 script showing an empty QMainWindow.

It reports its moments exactly as the app's start-up probe does (``first-paint`` after the
first paint pass, ``ready`` once the event loop is idle after that), at the app's default
window size, then quits. Run by ``bench_startup`` and ``bench_scale``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _Probe(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._painted = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._first_paint)
        return False

    def _first_paint(self) -> None:
        print("first-paint", flush=True)
        QTimer.singleShot(0, self._ready)

    def _ready(self) -> None:
        print("ready", flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.resize(1280, 820)
    _Probe(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
