"""Start-up and run-time guards: a stale lock held by another program, the catch-all for
unexpected errors, and the daily backup while the app stays open."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QTimer
from PySide6.QtWidgets import QMessageBox

from narrative_app.domain import Narrative, PartKind
from narrative_app.errorlog import log_path
from narrative_app.ui.app import acquire_lock
from narrative_app.ui.backup_timer import BackupTimer
from narrative_app.ui.crash_guard import CrashGuard
from narrative_app.ui.instance_lock import LOCK_NAME


def _lock_held_by(folder: Path, pid: int, hostname: str | None = None) -> None:
    """A lock file as Qt writes it, naming ``pid`` (and ``hostname``) as its holder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    lock = QLockFile(str(path))
    assert lock.tryLock(0)
    lines = path.read_bytes().split(b"\n")
    lock.unlock()
    lines[0] = str(pid).encode()
    if hostname is not None:  # another computer: its name and machine id both differ
        lines[2] = hostname.encode()
        lines[3] = b"0" * 32
    path.write_bytes(b"\n".join(lines))


@pytest.fixture
def other_program():
    """A live process that is not Narrative Coach (it waits on its standard input)."""
    proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                            stdin=subprocess.PIPE)
    yield proc
    proc.stdin.close()
    proc.wait(timeout=10)


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_a_stale_lock_whose_pid_is_another_program_is_taken(fresh_data_dir, other_program,
                                                            messages) -> None:
    _lock_held_by(fresh_data_dir, other_program.pid)
    lock, problem = acquire_lock(fresh_data_dir)
    assert problem == "" and lock is not None
    assert lock.isLocked()
    assert messages == []
    lock.unlock()


def test_a_lock_from_another_computer_offers_open_anyway(fresh_data_dir, monkeypatch) -> None:
    _lock_held_by(fresh_data_dir, 4242, hostname="not-" + socket.gethostname())
    asked: list[tuple[str, list[str]]] = []

    def answer(box: QMessageBox) -> int:
        asked.append((box.text(), [b.text() for b in box.buttons()]))
        return int(QMessageBox.StandardButton.Open.value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    lock, problem = acquire_lock(fresh_data_dir)
    assert lock is not None and problem == ""
    assert "may be using this data folder" in asked[0][0]
    assert "Open anyway" in asked[0][1]
    lock.unlock()


def test_declining_open_anyway_leaves_the_lock_alone(fresh_data_dir, monkeypatch) -> None:
    _lock_held_by(fresh_data_dir, 4242, hostname="not-" + socket.gethostname())
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda _box: int(QMessageBox.StandardButton.Cancel.value))
    lock, problem = acquire_lock(fresh_data_dir)
    assert lock is None and problem == ""
    assert (fresh_data_dir / LOCK_NAME).exists()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_saves_logs_and_says_one_line(main_window, controller, store,
                                                          qtbot) -> None:
    narrative_id = controller.create_narrative(Narrative(title="Guarded"))
    main_window.open_narrative(narrative_id, "self")
    controller.stop_timers()
    guard = CrashGuard(controller, main_window, store.data_dir).install()
    try:
        qtbot.keyClicks(main_window.workspace.pages["self"].editor, "Keep me")
        controller.stop_timers()  # only the catch-all can have saved it
        assert controller.dirty

        def broken() -> None:
            raise RuntimeError("a slot went wrong")

        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: bool(guard.last_message))
    finally:
        guard.uninstall()
    log = log_path(store.data_dir)
    assert "RuntimeError: a slot went wrong" in log.read_text()
    assert main_window.statusBar().currentMessage() == (
        f"Something went wrong, but your text is saved. Details are in {log}.")
    assert store.get(narrative_id).parts[PartKind.SELF].draft == "Keep me"


def test_a_failed_backup_is_told_once_in_the_window(main_window, controller, store,
                                                    monkeypatch) -> None:
    from narrative_app.models import backups

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    store.wait_for_backup()
    monkeypatch.setattr(backups, "backed_up_today", lambda *_a: False)
    monkeypatch.setattr(backups, "make_backup", full_disk)
    timer = BackupTimer(controller, main_window, interval_ms=3_600_000)
    assert timer.check() == "failed"
    message = main_window.statusBar().currentMessage()
    assert message.startswith("Today's backup could not be made in ")
    assert "No space left on device" in message
    assert "Your narratives are safe in the database" in message
    main_window.statusBar().clearMessage()
    assert timer.check() == "failed"
    assert main_window.statusBar().currentMessage() == ""  # once, not every hour
    timer.stop()


def test_the_backup_timer_makes_the_days_backup_when_due(main_window, controller,
                                                         store) -> None:
    store.wait_for_backup()
    for old in store.backups_folder.glob("*"):
        old.unlink()
    timer = BackupTimer(controller, main_window, interval_ms=3_600_000)
    assert timer.check() == "made"
    assert any(store.backups_folder.glob("*.db"))
    assert timer.check() == "not due"
    timer.stop()
