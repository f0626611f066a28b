"""Test helper, run in its own process (the scale is fixed before Qt starts): the app at
200% on a 1366x768 screen. Prints one JSON object: the screen, the window's minimum size,
the Settings dialog's buttons, and every clipped label or button found on each screen.

Usage: python large_text_probe.py THEME [SCREENSHOT_FOLDER]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QStandardPaths
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def clipped(window: QWidget) -> list[str]:
    """Labels shorter than their wrapped text needs, buttons narrower than their text."""
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                found.append(f"label {widget.text()[:40]!r}: {widget.height()} < {needed}")
        elif isinstance(widget, QAbstractButton) and widget.text() and \
                widget.width() + 1 < widget.minimumSizeHint().width():
            found.append(f"button {widget.text()!r}: {widget.width()} < "
                             f"{widget.minimumSizeHint().width()}")
    return found


def main() -> None:
    theme_name = sys.argv[1]
    shots = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    home = Path(tempfile.mkdtemp())
    from narrative_app.ui.app import ensure_application

    app = ensure_application()
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(home))
    from narrative_app.models.store import NarrativeStore
    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.dialogs.settings import SettingsDialog
    from narrative_app.ui.main_window import MainWindow
    from narrative_app.ui.settings import Settings, Theme, apply_theme

    apply_theme(Theme(theme_name))
    store = NarrativeStore.open(home / "data")
    window = MainWindow(NarrativeController(store))
    room = app.primaryScreen().availableGeometry()
    window.resize(room.size())
    window.show()
    report: dict = {"screen": [room.width(), room.height()],
                    "minimum": [window.minimumSize().width(), window.minimumSize().height()],
                    "clipped": {}}

    def look(name: str, widget: QWidget) -> None:
        for _ in range(3):
            app.processEvents()
        report["clipped"][name] = clipped(widget)
        if shots is not None:
            widget.grab().save(str(shots / f"{theme_name}-{name}.png"))

    look("welcome", window)
    window.library.add_example()
    window.dismiss_welcome()
    look("library", window)
    assert window.open_narrative(window.library.selected_id(), "self")
    for key in ("purpose", "values", "self", "us", "now", "link", "rehearse", "export"):
        window.workspace.show_page(key)
        look(key, window)
    dialog = SettingsDialog(Settings(), window)
    dialog.show()
    look("settings", dialog)
    frame = dialog.frameGeometry()
    buttons = [dialog.save_button, *[b for b in dialog.findChildren(QAbstractButton)
                                     if b.text() == "Cancel"]]
    report["settings_fits"] = room.contains(frame)
    report["settings_buttons_on_screen"] = all(
        room.contains(QRect(b.mapToGlobal(b.rect().topLeft()), b.size())) for b in buttons)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
