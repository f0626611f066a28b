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

from PySide6.QtCore import QRect, QSettings, QStandardPaths, Qt
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
        elif isinstance(widget, QLabel) and widget.text() and \
                widget.height() + 1 < widget.minimumSizeHint().height():
            found.append(f"label {widget.text()[:40]!r}: {widget.height()} < "
                         f"{widget.minimumSizeHint().height()} high")
        elif isinstance(widget, QAbstractButton) and widget.text() and \
                widget.width() + 1 < widget.minimumSizeHint().width():
            found.append(f"button {widget.text()!r}: {widget.width()} < "
                             f"{widget.minimumSizeHint().width()}")
    return found


def _in_layout(layout, widget: QWidget) -> bool:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget or (item.layout() is not None
                                       and _in_layout(item.layout(), widget)):
            return True
    return False


def overlapping(window: QWidget) -> list[str]:
    """Widgets laid out side by side that a squeezed layout drew over each other."""
    found = []
    for parent in [window, *window.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or not parent.isVisibleTo(window):
            continue
        laid = [w for w in parent.findChildren(QWidget, options=Qt.FindChildOption.
                                               FindDirectChildrenOnly)
                if w.isVisibleTo(window) and not w.isWindow() and _in_layout(layout, w)]
        for i, first in enumerate(laid):
            for second in laid[i + 1:]:
                shared = first.geometry().intersected(second.geometry())
                if shared.width() > 2 and shared.height() > 2:
                    found.append(f"{type(first).__name__} and {type(second).__name__} "
                                 f"overlap in {type(parent).__name__}")
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
        report["clipped"][name] = clipped(widget) + overlapping(widget)
        if widget.isWindow() and (widget.width() > room.width()
                                  or widget.height() > room.height()):
            report["clipped"][name].append(f"window {widget.width()}x{widget.height()} "
                                           f"is bigger than the screen")
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
    dialog.close()
    rehearsal(window, room, look)
    print(json.dumps(report))


def rehearsal(window: QWidget, room: QRect, look) -> None:
    """The rehearsal window at the screen's size: set-up, each view, finish, listening,
    and the history with runs in it."""
    from datetime import datetime

    from narrative_app.domain import PartKind, PartSplit, RehearsalRun
    from narrative_app.ui.rehearsal.microphone import MicrophoneDialog
    from narrative_app.ui.rehearsal.stage import TextView
    from narrative_app.ui.rehearsal.window import RehearsalWindow

    controller = window.controller
    run = RehearsalWindow(controller, controller.current, countdown=False)
    run.resize(room.size())
    run.show()
    look("rehearsal-setup", run)
    run.on_start()
    for view in TextView:
        run.set_view(view)
        look(f"rehearsal-{view.value}", run)
    run.voice.badge.show_state(run.tr("● Listening: the microphone is on. Nothing leaves "
                                      "this computer."))
    look("rehearsal-listening", run)
    run.voice.badge.show_state("")
    run.on_escape()
    look("rehearsal-finish", run)
    run.finish_panel.show_speech(
        "<table><tr><th>Heard</th><th>Spoken</th><th>Words</th><th>A minute</th></tr>"
        "<tr><td>Story of Self</td><td>1:58</td><td>236</td><td>120 (in band)</td></tr>"
        "</table><div>The ask: said as written.</div>", ["Story of Self: 1:58 spoken."])
    look("rehearsal-heard", run)
    run.keep_run()
    look("rehearsal-kept", run)
    microphone = MicrophoneDialog(True, "", run, devices=lambda: [(1, "USB headset")],
                                  available=lambda: (True, ""))
    microphone.show()
    look("rehearsal-microphone", microphone)
    microphone.close()
    run.new_run()
    run._toggle_setup("peer")
    run.on_start()
    run.on_escape()
    look("rehearsal-feedback", run)
    run.hide()
    narrative_id = controller.current.id
    for day in (1, 2):
        controller.add_run(RehearsalRun(
            narrative_id=narrative_id, started_at=datetime(2025, 3, day, 9),
            total_seconds=150.0 * day, notes="Slower in the Now",
            splits=[PartSplit(PartKind.SELF, 150.0 * day, 120, 300)]))
    window.workspace.show_page("rehearse")
    look("rehearsal-history", window)


if __name__ == "__main__":
    main()
