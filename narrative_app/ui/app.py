"""UI: start the desktop app: one instance per data folder, open the store, show the window.

Every expected failure (another instance, a newer database, an unusable data folder) is a
plain message box and an exit status, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from narrative_app import APP_NAME, __version__
from narrative_app.errors import NarrativeAppError
from narrative_app.ui.instance_lock import LOCK_NAME

if TYPE_CHECKING:  # imported when used, so the first paint does not wait for them
    from narrative_app.models.store import NarrativeStore
    from narrative_app.ui.backup_timer import BackupTimer
    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.lifecycle import QuitOnSignals
    from narrative_app.ui.main_window import MainWindow
    from narrative_app.ui.startup_probe import StartupProbe

__all__ = ["LOCK_NAME", "acquire_lock", "run_app", "start"]

EXIT_OK = 0
EXIT_REFUSED = 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


@dataclass
class Session:
    """Everything a running window owns; ``close()`` saves and lets go of it all."""

    lock: QLockFile
    store: NarrativeStore
    controller: NarrativeController
    window: MainWindow
    opener: _StartupFinisher | None = None
    backup_timer: BackupTimer | None = None

    def save_on_quit(self) -> None:
        self.controller.save_now()

    def quit_now(self) -> None:
        """A signal or the session ends the app: save, close the window, leave the loop."""
        self.controller.save_now()
        self.window.close_without_asking()  # no "keep the app open?" question now
        QCoreApplication.quit()

    def close(self) -> None:
        try:
            if self.backup_timer is not None:
                self.backup_timer.stop()
            self.controller.save_now()
            self.controller.stop_timers()
            self.window.context.shutdown()  # join the dictionary loader, if any
        finally:
            try:
                self.store.close()
            finally:
                self.lock.unlock()


def ensure_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("A QCoreApplication exists; the window needs a QApplication")
    app = existing or QApplication([*(argv or ["narrative-app"])])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("uk.narrativecoach.NarrativeCoach")  # matches the menu entry
    return app


def set_window_icon(app: QApplication) -> None:
    """The app icon at each size (set just after the first paint, off the start-up path)."""
    from PySide6.QtGui import QIcon

    from narrative_app.paths import resource_path

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"narrative-coach-{size}.png")))
    app.setWindowIcon(icon)


def apply_preferences(app: QApplication) -> None:
    """Translations for the user's language and the chosen theme; never stops a launch."""
    try:
        from narrative_app.ui.translations import install_translator

        install_translator(app)
    except Exception:  # an unreadable catalogue leaves the app in English
        pass
    try:
        from narrative_app.ui.settings import Settings, apply_theme

        # The system's scheme too: our checked palettes. Fields are outlined after the
        # first frame, which has none (the style brings ~5 ms of QStyle enums).
        apply_theme(Settings().theme, outline_fields=False)
    except Exception:  # a damaged preference falls back to the system theme
        pass


def _finish_theme() -> None:
    """The theme's last step, after the first frame (see ``apply_preferences``)."""
    try:
        from narrative_app.ui.settings import Settings, finish_theme

        finish_theme(Settings().theme)
    except Exception:  # a damaged preference falls back to the system theme
        pass


def show_message(text: str, *, critical: bool = True) -> None:
    """A plain, modal message with no parent (the window may not exist yet)."""
    from PySide6.QtCore import Qt  # the Qt namespace (~15 ms) is kept off the start-up path
    from PySide6.QtWidgets import QMessageBox

    icon = QMessageBox.Icon.Critical if critical else QMessageBox.Icon.Information
    box = QMessageBox(icon, APP_NAME, text)
    box.setTextFormat(Qt.TextFormat.PlainText)  # paths and reasons shown exactly as written
    box.exec()


def acquire_lock(data_dir: Path) -> tuple[QLockFile | None, str]:
    """Lock the data folder for this instance: (lock, "") or (None, the reason to show).

    A stale lock (its process is not this app) is taken; where the holder cannot be checked
    the user may choose "Open anyway".
    """
    from narrative_app.ui.instance_lock import acquire_lock as take_lock
    from narrative_app.ui.instance_lock import take_anyway

    result = take_lock(data_dir)
    if result.lock is not None or not result.uncertain or result.path is None:
        return result.lock, result.problem
    if not _open_anyway(result.problem):
        return None, ""
    lock = take_anyway(result.path)
    if lock is None:
        return None, _tr("Narrative Coach cannot write to the data folder {path}. Check its "
                         "permissions, or choose another with --data-dir.").format(path=data_dir)
    return lock, ""


def _open_anyway(text: str) -> bool:
    """Ask whether to open although another copy may be using the folder."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text,
                      QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.button(QMessageBox.StandardButton.Open).setText(_tr("Open anyway"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Open.value


def start(data_dir: Path) -> Session | None:
    """Everything up to the event loop: lock, store, controller, window. None if refused."""
    lock, problem = acquire_lock(data_dir)
    if lock is None:
        if problem:  # empty when the user chose not to open anyway
            show_message(problem, critical=False)
        return None
    try:
        # Plain sqlite3 until the window is up; the full store (SQLAlchemy) follows.
        from narrative_app.models.quick import DeferredStore

        store = DeferredStore.open(data_dir, **_backup_options())
    except NarrativeAppError as error:
        lock.unlock()
        show_message(str(error))
        return None
    except Exception as error:  # never a traceback for the user
        lock.unlock()
        show_message(_tr("Narrative Coach could not open its data in {path}: {reason}")
                     .format(path=data_dir, reason=error))
        return None

    from narrative_app.ui.controller import NarrativeController
    from narrative_app.ui.main_window import MainWindow

    controller = NarrativeController(store)
    window = MainWindow(controller, defer_library=True)
    window.restore_geometry()
    opener = _StartupFinisher(window, store, _arm_probe(window), data_dir)
    from narrative_app.ui.backup_timer import BackupTimer

    backup_timer = BackupTimer(controller, window)  # the daily backup while the app is open
    window.show()
    report = getattr(store, "open_report", None)
    if report is not None and getattr(report, "recovered", False) and report.message:
        # After the window is up, so the user sees where they are when they read it.
        QTimer.singleShot(0, window, partial(_show_recovery, window, report.message))
    return Session(lock=lock, store=store, controller=controller, window=window, opener=opener,
                   backup_timer=backup_timer)


class _StartupFinisher(QObject):
    """What follows the window's first frame: the library (or last narrative), then the store.

    The window paints first (an empty frame with its menus), then the library is listed or
    the narrative open last time comes back. After that SQLAlchemy is imported in a
    background thread (the window keeps answering) and the full store is opened on the GUI
    thread; any earlier use of the store opens it at once.
    """

    POLL_MS = 20
    firstFrameShown = Signal()  # the window's first frame is on screen: the rest may follow

    def __init__(self, window: MainWindow, store: NarrativeStore, probe: StartupProbe | None,
                 data_dir: Path) -> None:
        super().__init__(window)
        from narrative_app.models.quick import DeferredStore

        self._window = window
        self._data_dir = data_dir
        # Only a deferred store has a second step to finish; a full store is open already.
        self._deferred = store if isinstance(store, DeferredStore) else None
        self._probe = probe
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        QTimer.singleShot(0, self._list)  # one more turn: the frame is on screen first

    def _list(self) -> None:
        self.firstFrameShown.emit()
        # Before any editor exists: the personal dictionary lives with this data folder.
        spell = self._window.context.use_data_folder(self._data_dir)
        self._window.after_first_paint()  # focus rings, and the tab order's last step
        _finish_theme()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            set_window_icon(app)
        spell.unavailable.connect(self._window.statusBar().showMessage)
        self._window.restore_last_narrative()
        _tell_if_settings_damaged(self._window)
        if self._probe is not None:
            self._probe.library_ready()
        if self._deferred is not None:
            QTimer.singleShot(0, self._preload)  # after the probe's "ready", if it is on
        elif self._probe is not None:
            self._probe.store_opened()

    def _preload(self) -> None:
        if self._deferred is not None:
            self._deferred.preload()
            self._timer.start()

    def _poll(self) -> None:
        if self._deferred is None or self._deferred.preloading():
            return
        self._timer.stop()
        try:
            self._deferred.finish_opening()
        except NarrativeAppError as error:
            show_message(str(error))
            self._window.close()
            return
        if self._probe is not None:
            self._probe.store_opened()


def _backup_options() -> dict[str, object]:
    """How many daily backups to keep, and where, from Settings (the defaults if unreadable)."""
    try:
        from narrative_app.ui.settings import Settings

        chosen = Settings().load()
    except Exception:  # reading settings must never stop a launch
        return {}
    return {"keep_backups": chosen.backups_keep, "backups_dir": chosen.backups_dir or None}


def _arm_probe(window: QMainWindow) -> StartupProbe | None:
    """The benchmarks' start-up probe (NARRATIVE_APP_STARTUP_PROBE=1), else None."""
    from narrative_app.ui import startup_probe

    return startup_probe.StartupProbe(window) if startup_probe.enabled() else None


def _tell_if_settings_damaged(window: QMainWindow) -> None:
    """A settings file that cannot be read: defaults are in use, and the user is told so."""
    try:
        from narrative_app.ui.settings import Settings

        damaged = Settings().is_damaged()
    except Exception:  # reading settings must never stop a launch
        damaged = True
    if damaged:
        window.statusBar().showMessage(_tr(
            "Your settings file could not be read, so the defaults are in use. "
            "You can change them in Settings."))


def _show_recovery(window: QMainWindow, message: str) -> None:
    from narrative_app.ui.message_boxes import inform

    inform(window, APP_NAME, message)


def run_app(data_dir: Path, argv: list[str]) -> int:
    """Run the desktop app on ``data_dir`` until the window closes; returns the exit status."""
    app = ensure_application(argv)
    apply_preferences(app)
    session = start(Path(data_dir))
    if session is None:
        return EXIT_REFUSED
    from narrative_app.ui.crash_guard import CrashGuard

    guard = CrashGuard(session.controller, session.window, Path(data_dir)).install()
    quitting = _QuitHandlers(app, session)
    if session.opener is not None:  # nothing can be typed before the first frame
        session.opener.firstFrameShown.connect(quitting.install)
    else:
        quitting.install()
    try:
        return app.exec()
    finally:
        guard.uninstall()
        quitting.restore()
        session.close()


class _QuitHandlers:
    """Save and quit cleanly on SIGTERM, SIGHUP or SIGINT, and when the session ends.

    Installed just after the first frame (signals and sockets are ~5 ms of imports the
    frame need not wait for); until then nothing can have been typed.
    """

    def __init__(self, app: QApplication, session: Session) -> None:
        self._app = app
        self._session = session
        self._signals: QuitOnSignals | None = None

    def install(self) -> None:
        if self._signals is not None:
            return
        from narrative_app.ui.lifecycle import QuitOnSignals, save_on_session_end

        save_on_session_end(self._app, self._session.save_on_quit)
        self._signals = QuitOnSignals(self._session.quit_now)

    def restore(self) -> None:
        if self._signals is not None:
            self._signals.restore()
