"""UI: putting the rehearsal window on a screen: full screen or windowed, on the chosen one."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


def show_on(window: QWidget, screen: QScreen | None = None, *, full_screen: bool = True) -> None:
    """Show on a chosen screen (the window's own by default), full screen or in a window."""
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setScreen(screen)
        window.setGeometry(screen.availableGeometry())
    if full_screen:
        window.showFullScreen()
    else:
        window.show()


def show_on_number(window: QWidget, index: int) -> None:
    """The screen picked by its place in the list of screens, keeping full screen as it is."""
    screens = QGuiApplication.screens()
    if 0 <= index < len(screens):
        show_on(window, screens[index], full_screen=window.isFullScreen())


def toggle_full_screen(window: QWidget) -> None:
    if window.isFullScreen():
        window.showNormal()
    else:
        window.showFullScreen()
