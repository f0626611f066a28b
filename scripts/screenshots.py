"""Render each main screen offscreen to docs/screenshots/*.png (light and dark), for the README.

At the default 1366x768 this includes the story pages (self.png, us.png, now.png), the
rehearsal in progress, its finish screen (rehearsal-finish.png) and the rehearsal history
(rehearsal-history.png).

    python scripts/screenshots.py [--out docs/screenshots] [--size 1366x768] [--light-only]

Uses a scratch data folder (with the sample narrative) and scratch settings, so it never
reads or changes the user's narratives, window layout or preferences.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

WORKSPACE_PAGES = ("purpose", "values", "self", "us", "now", "link", "rehearse", "export")


def wait(msec: int) -> None:
    """Let debounced timers (coach report, time budget) fire before grabbing."""
    loop = QEventLoop()
    QTimer.singleShot(msec, loop.quit)
    loop.exec()


def dark_palette() -> QPalette:
    try:
        from narrative_app.ui.settings import dark_palette as shared

        return shared()
    except ImportError:
        palette = QPalette()
        roles = QPalette.ColorRole
        for role, colour in ((roles.Window, "#26272b"), (roles.WindowText, "#e8e6e3"),
                             (roles.Base, "#1d1e21"), (roles.Text, "#e8e6e3"),
                             (roles.Button, "#34363b"), (roles.ButtonText, "#e8e6e3"),
                             (roles.Highlight, "#4f8fd6"), (roles.HighlightedText, "#ffffff"),
                             (roles.PlaceholderText, "#9c9a97")):
            palette.setColor(role, QColor(colour))
        return palette


def grab(widget: QWidget, path: Path) -> None:
    wait(50)
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def render(out: Path, width: int, height: int, suffix: str) -> None:
    from narrative_app.models.store import NarrativeStore
    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as scratch:
        store = NarrativeStore.open(Path(scratch) / "data")
        controller = NarrativeController(store)
        window = MainWindow(controller)
        window.resize(width, height)
        window.show()
        wait(300)
        grab(window, out / f"library{suffix}.png")

        sample_id = store.list()[0].id
        window.open_narrative(sample_id, "purpose")
        for key in WORKSPACE_PAGES:
            window.workspace.show_page(key)
            wait(1000)
            grab(window, out / f"{key}{suffix}.png")

        window.set_focus_mode(True)
        window.workspace.show_page("self")
        wait(300)
        grab(window, out / f"focus{suffix}.png")
        window.set_focus_mode(False)

        window.new_narrative()
        wait(900)
        grab(window, out / f"setup{suffix}.png")

        controller.trash(controller.current.id)
        window.show_library()
        window.library.show_trash(True)
        grab(window, out / f"trash{suffix}.png")
        window.library.show_trash(False)

        render_dialogs(out, width, height, suffix, controller=controller,
                       narrative=store.get(sample_id))

        window.open_narrative(sample_id, "rehearse")  # the history, with the run just kept
        wait(800)
        grab(window, out / f"rehearsal-history{suffix}.png")

        window._quitting_anyway = True
        window.close()
        window.deleteLater()
        store.close()
        wait(50)


class FakeClock:
    """A rehearsal clock the script moves by hand, so the shot shows a run in progress."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def render_dialogs(out: Path, width: int, height: int, suffix: str, *, controller: object,
                   narrative: object) -> None:
    """The rehearsal view part-way through a telling, and the export dialog."""
    from narrative_app.ui.dialogs.export import ExportDialog
    from narrative_app.ui.rehearsal.window import RehearsalWindow

    clock = FakeClock()
    rehearsal = RehearsalWindow(controller, narrative, clock=clock, countdown=False)
    rehearsal.resize(width, height)
    rehearsal.show()
    rehearsal.on_start()
    clock.now += 48
    rehearsal.tick()
    wait(200)
    grab(rehearsal, out / f"rehearsal{suffix}.png")
    for seconds in (70, 75, 98):  # the rest of Self, then Us and Now: a run near the target
        clock.now += seconds
        rehearsal.tick()
        rehearsal.on_next()
    rehearsal.tick()
    wait(200)
    grab(rehearsal, out / f"rehearsal-finish{suffix}.png")
    rehearsal.keep_run()  # kept, so the history below shows it
    rehearsal.hide()
    rehearsal.deleteLater()

    dialog = ExportDialog(narrative)
    dialog.show()
    wait(400)
    grab(dialog, out / f"export-dialog{suffix}.png")
    dialog.reject()
    dialog.deleteLater()


def render_welcome(out: Path, width: int, height: int, suffix: str) -> None:
    """The first launch: the welcome above the library with the sample."""
    from narrative_app.models.store import NarrativeStore
    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.main_window import MainWindow

    QSettings().setValue("first_run/welcome_seen", False)
    with tempfile.TemporaryDirectory() as scratch:
        store = NarrativeStore.open(Path(scratch) / "data")
        window = MainWindow(NarrativeController(store))
        window.resize(width, height)
        window.show()
        wait(300)
        grab(window, out / f"welcome{suffix}.png")
        window._quitting_anyway = True
        window.close()
        window.deleteLater()
        store.close()
        wait(50)
    QSettings().setValue("first_run/welcome_seen", True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1366x768", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--light-only", action="store_true")
    args = parser.parse_args(argv)
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        parser.error("--size must look like 1366x768")

    from narrative_app.ui.app import ensure_application

    app = ensure_application(["screenshots"])
    settings_dir = tempfile.mkdtemp(prefix="nc-settings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    QSettings().setValue("first_run/welcome_seen", True)
    args.out.mkdir(parents=True, exist_ok=True)

    light = QPalette(app.palette())
    render_welcome(args.out, width, height, "")
    render(args.out, width, height, "")
    if not args.light_only:
        app.setPalette(dark_palette())
        render_welcome(args.out, width, height, "-dark")
        render(args.out, width, height, "-dark")
        app.setPalette(light)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
