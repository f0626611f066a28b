"""Test helper: the real app (``run_app``) with an edit typed but not yet saved, waiting.

Usage: python signal_child.py DATA_DIR

Autosave is slowed to ten minutes, so the edit stays pending. Once the window is up it
opens the first narrative, types "Unsaved words" at the start of the Story of Self's draft
and prints "typed" (with whether the edit is still unsaved). The parent then sends a
signal; the app must save and quit cleanly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from narrative_app.ui import app as app_module  # noqa: E402
from narrative_app.ui import controller as controller_module  # noqa: E402

controller_module.AUTOSAVE_MS = 600_000
controller_module.AUTOSAVE_MAX_WAIT_MS = 600_000


def type_when_ready() -> None:
    from narrative_app.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if not windows or windows[0]._library is None:
        QTimer.singleShot(50, type_when_ready)
        return
    window = windows[0]
    summaries = window.controller.store.list()
    window.open_narrative(summaries[0].id, "self")
    editor = window.workspace.pages["self"].editor
    editor.moveCursor(editor.textCursor().MoveOperation.Start)
    QTest.keyClicks(editor, "Unsaved words ")
    print(f"typed {summaries[0].id} dirty={window.controller.dirty}", flush=True)


def main() -> int:
    app = app_module.ensure_application([sys.argv[0]])
    QTimer.singleShot(0, type_when_ready)
    return app_module.run_app(Path(sys.argv[1]), [sys.argv[0]]) if app else 1


if __name__ == "__main__":
    raise SystemExit(main())
