"""UI: a repeating timer made in one line, owned by its parent QObject."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def repeating_timer(parent: QObject, interval_ms: int, slot: Callable[[], object]) -> QTimer:
    """A timer (not yet started) that calls ``slot`` every ``interval_ms``; ``parent`` owns it."""
    timer = QTimer(parent)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
