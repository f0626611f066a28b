"""Store: the daily backup can be asked for at any time and says what it did."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

from narrative_app.domain import Narrative
from narrative_app.models import NarrativeStore, backups
from narrative_app.models.daily_backups import BackupOutcome
from narrative_app.models.quick import DeferredStore

DAY = datetime(2026, 11, 25, 9, 0, 0)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def library(data_dir: Path, clock: Clock, **kwargs) -> NarrativeStore:
    store = NarrativeStore.open(data_dir, create_sample=False, clock=clock, **kwargs)
    store.create(Narrative(title="Mine"))
    return store


def test_backup_if_due_makes_one_a_day(fresh_data_dir: Path) -> None:
    clock = Clock(DAY)
    with library(fresh_data_dir, clock) as store:
        first = store.backup_if_due(DAY)
        again = store.backup_if_due(DAY + timedelta(hours=8))
        tomorrow = store.backup_if_due(DAY + timedelta(days=1))
    assert first.outcome is BackupOutcome.MADE and first.made and not first.problem
    assert first.path is not None and first.path.parent == fresh_data_dir / "backups"
    assert first.path.name == "narratives-20261125-090000.db" and backups.quick_check(first.path)
    assert again.outcome is BackupOutcome.NOT_DUE and again.path is None and not again.problem
    assert tomorrow.outcome is BackupOutcome.MADE
    assert tomorrow.path is not None and tomorrow.path.name.startswith("narratives-20261126")
    assert len(backups.list_backups(fresh_data_dir / "backups")) == 2


def test_a_failed_backup_says_why_and_is_tried_again(fresh_data_dir: Path) -> None:
    clock = Clock(DAY)
    with library(fresh_data_dir, clock) as store:
        blocker = fresh_data_dir / "backups"
        blocker.write_text("a file where the backups folder should be")
        failed = store.backup_if_due(DAY)
        still = store.backup_if_due(DAY + timedelta(minutes=10))
        blocker.unlink()
        made = store.backup_if_due(DAY + timedelta(minutes=20))
    assert failed.outcome is BackupOutcome.FAILED and not failed.made and failed.path is None
    assert failed.problem.startswith("Today's backup could not be made in ")
    assert str(blocker) in failed.problem and "\n" not in failed.problem
    assert "Traceback" not in failed.problem
    assert still.outcome is BackupOutcome.FAILED  # a failure does not count as today's backup
    assert made.outcome is BackupOutcome.MADE


def test_an_unusable_chosen_folder_falls_back_once_a_day(fresh_data_dir: Path,
                                                        tmp_path: Path) -> None:
    chosen = tmp_path / "usb-stick"
    chosen.write_text("not a folder")
    clock = Clock(DAY)
    with library(fresh_data_dir, clock, backups_dir=chosen) as store:
        first = store.backup_if_due(DAY)
        again = store.backup_if_due(DAY + timedelta(hours=1))
    assert first.outcome is BackupOutcome.MADE
    assert first.path is not None and first.path.parent == fresh_data_dir / "backups"
    assert str(chosen) in first.problem and "instead" in first.problem
    assert again.outcome is BackupOutcome.NOT_DUE
    assert len(backups.list_backups(fresh_data_dir / "backups")) == 1


def test_a_backup_in_the_background_is_collected_and_joined_on_close(
    fresh_data_dir: Path,
) -> None:
    clock = Clock(DAY)
    store = library(fresh_data_dir, clock)
    future = store.backup_in_background(DAY)
    result = future.result(timeout=30)
    assert result.outcome is BackupOutcome.MADE and result.path is not None
    store.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("narrative-backup")]
    closed = store.backup_if_due(DAY + timedelta(days=1))
    assert closed.outcome is BackupOutcome.FAILED and "closed" in closed.problem


def test_the_backup_at_open_still_runs_beside_the_app(fresh_data_dir: Path) -> None:
    clock = Clock(DAY)
    library(fresh_data_dir, clock).close()
    with NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock) as store:
        made = store.wait_for_backup(30)
        assert made is not None
        assert store.backup_at_open is not None
        assert store.backup_at_open.result(30).path == made
        assert store.backup_if_due().outcome is BackupOutcome.NOT_DUE


def test_the_quick_start_preload_is_owned_and_joined(fresh_data_dir: Path) -> None:
    library(fresh_data_dir, Clock(DAY)).close()
    deferred = DeferredStore.open(fresh_data_dir)
    assert isinstance(deferred, DeferredStore)
    deferred.preload()
    deferred.preload()  # safe twice
    deferred.close()  # joins the import
    assert not deferred.preloading()
    assert not [t for t in threading.enumerate() if t.name.startswith("store-preload")]


def test_asking_again_while_a_backup_runs_never_blocks_the_caller(fresh_data_dir: Path,
                                                                 monkeypatch) -> None:
    started, release = threading.Event(), threading.Event()
    real = backups.make_backup

    def slow_backup(*args, **kwargs):
        started.set()
        assert release.wait(30)
        return real(*args, **kwargs)

    store = library(fresh_data_dir, Clock(DAY))
    try:
        monkeypatch.setattr(backups, "make_backup", slow_backup)
        first = store.backup_in_background(DAY)
        assert started.wait(30)
        second = store.backup_in_background(DAY)  # returns at once, queued behind the first
        store.configure_backups(keep=5)  # Settings applied meanwhile do not wait either
        assert not first.done() and not second.done()
        release.set()
        assert first.result(30).outcome is BackupOutcome.MADE
        assert second.result(30).outcome is BackupOutcome.NOT_DUE  # idempotent within the day
    finally:
        release.set()
        store.close()
