"""UI: the main window's default and minimum sizes for the screen it opens on.

Layer: ui.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication


def default_size() -> QSize:
    """About 1280x820, smaller on a small screen, never below the minimum."""
    screen = QGuiApplication.primaryScreen()
    size = screen.availableGeometry().size() if screen else None
    width, height = 1280, 820
    if size is not None and size.width() > 0:
        width = min(width, int(size.width() * 0.92))
        height = min(height, int(size.height() * 0.9))
    minimum = minimum_for_screen()
    return QSize(max(width, minimum.width()), max(height, minimum.height()))


def minimum_for_screen() -> QSize:
    """900x600, or less where the screen is smaller (a 1366x768 laptop at 200% offers
    683x384 logical pixels): the window must always fit on its screen."""
    screen = QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen else QSize(1366, 768)
    return QSize(min(900, max(320, room.width() - 16)),
                 min(600, max(240, room.height() - 40)))
