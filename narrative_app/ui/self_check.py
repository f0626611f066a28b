"""UI: the windowed half of ``--self-test``: the real main window, offscreen, on a scratch folder.

``open_sample_in_window`` builds what ``ui.app.start`` builds (store, controller, main window,
translator) with its own settings file, opens the sample narrative in the workspace, and hands
back a copy of it to export. Any modal dialog that appears is closed and reported as the
failure, so the self-test can never sit waiting for a click nobody will make.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from narrative_app.domain import Narrative
from narrative_app.models.store import NarrativeStore
from narrative_app.ui.app import ensure_application
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.controller import NarrativeController
from narrative_app.ui.main_window import MainWindow
from narrative_app.ui.settings import Settings
from narrative_app.ui.translations import install_translator, installed_languages

DIALOG_POLL_MSEC = 100


@dataclass
class WindowCheck:
    """What the self-test saw: the narrative open in the window and the window's title."""

    narrative: Narrative
    window_title: str
    platform: str
    translation: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


class SelfCheckError(Exception):
    """One step of the windowed check failed; str() says which and why."""


def open_sample_in_window(data_dir: Path, settings_dir: Path) -> WindowCheck:
    """Open ``data_dir`` (a new, empty folder) in the main window and open its sample."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # only used if no QApplication exists yet
    app = ensure_application(["narrative-app"])
    # A settings file of our own: never read or change the user's window layout or preferences.
    old_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    Settings().mark_welcome_seen()
    install_translator(app)
    dialogs: list[str] = []
    watcher = QTimer()
    watcher.setInterval(DIALOG_POLL_MSEC)
    watcher.timeout.connect(_DialogCloser(app, dialogs).close_any)
    watcher.start()
    store = NarrativeStore.open(data_dir)
    context = AppContext()
    context.use_data_folder(data_dir)  # as start() does: never the user's own data folder
    window = None
    try:
        controller = NarrativeController(store)
        window = MainWindow(controller, context=context)
        window.restore_session()
        window.show()
        app.processEvents()
        _require(window.isVisible(), "the main window did not appear")
        rows = store.list()
        _require(bool(rows), "a new data folder has no sample narrative")
        _require(window.open_narrative(rows[0].id), "the sample narrative did not open")
        app.processEvents()
        _require(window.in_workspace(), "the sample opened but the workspace is not showing")
        current = controller.current
        _require(current is not None, "no narrative is open after opening the sample")
        _require(controller.save_now(), f"saving failed: {controller.save_state[1]}")
        check = WindowCheck(
            narrative=store.get(rows[0].id),
            window_title=window.windowTitle(),
            platform=QApplication.platformName(),
            translation=installed_languages(),
            dialogs=dialogs,
        )
        window.close()
        app.processEvents()
        _require(not dialogs, f"a message appeared: {dialogs[0] if dialogs else ''}")
        return check
    finally:
        watcher.stop()
        if window is not None:
            window.deleteLater()
        context.shutdown()
        store.close()
        app.processEvents()
        QSettings.setDefaultFormat(old_format)


def _require(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfCheckError(reason)


class _DialogCloser:
    """Closes any modal dialog, remembering its text: nobody is there to click it."""

    def __init__(self, app: QApplication, seen: list[str]) -> None:
        self._app = app
        self._seen = seen

    def close_any(self) -> None:
        widget = self._app.activeModalWidget()
        if widget is None:
            return
        text = widget.text() if isinstance(widget, QMessageBox) else widget.windowTitle()
        self._seen.append(" ".join(str(text).split()) or type(widget).__name__)
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()
