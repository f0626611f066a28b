"""UI test fixtures: Qt settings in the test's temp folder, a store, a controller, a window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths


@pytest.fixture(autouse=True)
def no_windows_left_behind(qapp):
    """After each test, close what it left open and let Qt delete it, so the next test never
    meets a queued focus change for a window that is already gone."""
    yield
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def qt_settings(qapp, tmp_path: Path) -> QSettings:
    """App names as the real app sets them, and settings that live only for this test."""
    QCoreApplication.setApplicationName("Narrative Coach")
    QCoreApplication.setOrganizationName("Narrative Coach")
    QStandardPaths.setTestModeEnabled(True)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    settings = QSettings()
    settings.clear()
    settings.sync()
    return settings


@pytest.fixture
def store(fresh_data_dir: Path):
    from narrative_app.models.store import NarrativeStore

    opened = NarrativeStore.open(fresh_data_dir)
    yield opened
    opened.close()


@pytest.fixture
def app_context(qapp):
    """A fresh set of the window's shared services (zoom, editor font), read from this
    test's own settings."""
    from narrative_app.ui.app_context import AppContext

    context = AppContext()
    yield context
    context.shutdown()


@pytest.fixture
def controller(store, qapp):
    from narrative_app.ui.controller import NarrativeController

    ctrl = NarrativeController(store, retry_ms=50)
    yield ctrl
    ctrl.stop_timers()


@pytest.fixture
def main_window(controller, qtbot):
    from narrative_app.ui.main_window import MainWindow

    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window._quitting_anyway = True
    window.context.shutdown()  # join its spell checker's loader


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every message box shown (modal or static) is recorded instead of blocking."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok.value)

    def fake_static(_parent, _title, text, *_args, **_kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    for name in ("information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, fake_static)
    return shown
