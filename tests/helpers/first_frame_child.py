"""Test helper: the real app (``run_app``) on DATA_DIR, reporting what was loaded by its first
frame and what was in place once the library was listed, as one JSON line, then quitting.

Usage: python first_frame_child.py DATA_DIR

"frame": just after the main window's first paint pass, whether the Qt namespace had been
built and which of the modules the first frame should not wait for were imported.
"ready": once the library is listed, whether the fields are outlined, the zoom actions have
their keys, the Tab order skips the window's scroll area and SIGTERM is handled.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from narrative_app.ui import app as app_module  # noqa: E402

LATER = ("sqlalchemy", "tomllib", "socket", "narrative_app.ui.field_borders",
         "narrative_app.ui.lifecycle", "narrative_app.ui.library.page")
report: dict[str, dict[str, object]] = {}


def main_window() -> QObject | None:
    from narrative_app.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return windows[0] if windows else None


class FirstFrame(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "frame" not in report and event.type() == QEvent.Type.Paint \
                and watched is main_window():
            QTimer.singleShot(0, self.frame_done)  # after this paint pass, before anything
        return False

    def frame_done(self) -> None:
        report["frame"] = {"qt_namespace": "Qt" in vars(QtCore),
                           "imported": sorted(m for m in LATER if m in sys.modules)}
        QTimer.singleShot(0, when_ready)


def when_ready() -> None:
    window = main_window()
    if window is None or window._library is None:  # type: ignore[attr-defined]
        QTimer.singleShot(20, when_ready)
        return
    from PySide6.QtCore import Qt

    from narrative_app.ui.field_borders import FieldBorderStyle

    fit = window.centralWidget()  # type: ignore[attr-defined]
    zoom = window.actions_by_name["zoom_in"]  # type: ignore[attr-defined]
    report["ready"] = {
        "fields_outlined": isinstance(QApplication.style(), FieldBorderStyle),
        "zoom_keys": [k.toString() for k in zoom.shortcuts()],
        "zoom_tip": zoom.toolTip(),
        "scroll_area_tab_stop": fit.focusPolicy() != Qt.FocusPolicy.NoFocus,
        "sigterm_handled": signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None),
    }
    print(json.dumps(report), flush=True)
    window.close()  # type: ignore[attr-defined]


def main() -> int:
    app = app_module.ensure_application([sys.argv[0]])
    watcher = FirstFrame(app)
    app.installEventFilter(watcher)
    return app_module.run_app(Path(sys.argv[1]), [sys.argv[0]])


if __name__ == "__main__":
    raise SystemExit(main())
