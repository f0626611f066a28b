"""Store: daily backups, recovery of a damaged database, and unusable data folders."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from narrative_app.domain import Narrative, PartKind
from narrative_app.errors import DataFolderError
from narrative_app.models import NarrativeStore, backups
from tests.store_edits import edit_part

GARBAGE = os.urandom(64 * 1024)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def open_store(data_dir: Path, clock: Clock, **kwargs) -> NarrativeStore:
    return NarrativeStore.open(data_dir, create_sample=False, clock=clock, **kwargs)


def make_store_with_backup(data_dir: Path, clock: Clock, text: str) -> int:
    """A store holding one narrative, opened again so the day's backup holds it."""
    with open_store(data_dir, clock) as store:
        narrative = Narrative(title="Backed up")
        narrative.parts[PartKind.SELF].draft = text
        nid = store.create(narrative)
    with open_store(data_dir, clock) as store:
        assert store.wait_for_backup() is not None
    return nid


def test_backup_at_open_is_checked_and_once_a_day(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 14, 0))
    with open_store(fresh_data_dir, clock) as store:
        assert store.wait_for_backup() is None  # a brand-new store has nothing to keep
        store.create(Narrative(title="Mine"))
    with open_store(fresh_data_dir, clock) as store:
        made = store.wait_for_backup()
    with open_store(fresh_data_dir, clock) as store:
        assert store.wait_for_backup() is None  # already one today
    assert made is not None and made.parent == fresh_data_dir / "backups"
    assert re.fullmatch(r"narratives-20261125-0914\d\d\.db", made.name)
    assert backups.quick_check(made)
    with sqlite3.connect(made) as conn:
        assert conn.execute("SELECT title FROM narratives").fetchall() == [("Mine",)]
    assert [p.name for p in made.parent.iterdir()] == [made.name]  # no -wal, no leftovers
    clock.now += timedelta(days=1)
    with open_store(fresh_data_dir, clock) as store:
        assert store.wait_for_backup() is not None
        assert store.daily_backup() is None  # an app left open: nothing more today...
        clock.now += timedelta(days=1)
        assert store.daily_backup() is not None  # ...and one the next day
    assert len(backups.list_backups(fresh_data_dir / "backups")) == 3


def test_only_the_newest_backups_are_kept(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 1, 9, 0, 0))
    with open_store(fresh_data_dir, clock) as store:
        store.create(Narrative(title="Mine"))
    for _ in range(6):
        clock.now += timedelta(days=1)
        open_store(fresh_data_dir, clock, keep_backups=3).close()
    kept = backups.list_backups(fresh_data_dir / "backups")
    assert [b.made_at.day for b in kept] == [7, 6, 5]


def test_a_bad_backup_copy_is_discarded(fresh_data_dir: Path, monkeypatch) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    open_store(fresh_data_dir, clock).close()
    folder = fresh_data_dir / "backups"
    monkeypatch.setattr(backups, "quick_check", lambda path: False)
    made = backups.make_backup(fresh_data_dir / "narratives.db", folder, clock())
    assert made is None
    assert list(folder.iterdir()) == []


def test_garbage_database_is_moved_aside_and_backup_restored(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 14, 0))
    nid = make_store_with_backup(fresh_data_dir, clock, "Words worth keeping.")
    db = fresh_data_dir / "narratives.db"
    db.write_bytes(GARBAGE)
    clock.now = datetime(2026, 11, 26, 8, 0, 0)

    with NarrativeStore.open(fresh_data_dir, clock=clock) as store:
        report = store.open_report
        assert store.get(nid).parts[PartKind.SELF].draft == "Words worth keeping."
        assert not report.sample_created
        edit_part(store, nid, PartKind.SELF, draft="Writing again.")  # the store works

    assert report.recovered
    assert report.moved_aside is not None and report.moved_aside.read_bytes() == GARBAGE
    assert report.moved_aside.name.startswith("narratives.db.damaged-20261126-")
    assert report.backup_time is not None
    assert report.backup_time.replace(second=0) == datetime(2026, 11, 25, 9, 14)
    assert "restored from the backup made on 25 November 2026 at 09:14" in report.message
    assert report.moved_aside.name in report.message
    assert "\n" not in report.message


def test_damaged_pages_are_detected(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    nid = make_store_with_backup(fresh_data_dir, clock, "Kept. " * 5000)
    db = fresh_data_dir / "narratives.db"
    data = bytearray(db.read_bytes())
    page = 4096
    data[page : len(data)] = os.urandom(len(data) - page)  # keep only the header page
    db.write_bytes(bytes(data))
    with open_store(fresh_data_dir, clock) as store:
        assert store.open_report.recovered
        assert store.get(nid).parts[PartKind.SELF].draft == "Kept. " * 5000


def test_newest_good_backup_is_used_and_bad_ones_skipped(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 20, 9, 0, 0))
    nid = make_store_with_backup(fresh_data_dir, clock, "From the twentieth.")
    (fresh_data_dir / "backups" / "narratives-20261124-120000.db").write_bytes(GARBAGE)
    (fresh_data_dir / "narratives.db").write_bytes(GARBAGE)
    with open_store(fresh_data_dir, clock) as store:
        assert store.get(nid).parts[PartKind.SELF].draft == "From the twentieth."
        assert "20 November 2026" in store.open_report.message


def test_wal_files_are_moved_aside_with_the_database(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    make_store_with_backup(fresh_data_dir, clock, "text")
    db = fresh_data_dir / "narratives.db"
    db.write_bytes(GARBAGE)
    Path(f"{db}-wal").write_bytes(b"wal junk")
    with open_store(fresh_data_dir, clock) as store:
        aside = store.open_report.moved_aside
    assert aside is not None
    assert Path(f"{aside}-wal").read_bytes() == b"wal junk"


def test_damaged_without_backup_starts_fresh_and_says_so(fresh_data_dir: Path) -> None:
    fresh_data_dir.mkdir()
    (fresh_data_dir / "narratives.db").write_bytes(GARBAGE)
    with NarrativeStore.open(fresh_data_dir) as store:
        report = store.open_report
        assert store.list() == []  # no sample either: this is not a first launch
    assert report.recovered and report.restored_backup is None
    assert "no good backup" in report.message and "new, empty one" in report.message
    assert report.moved_aside is not None and report.moved_aside.read_bytes() == GARBAGE


def test_uncreatable_data_folder_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for data_dir in (blocker / "sub", blocker):
        with pytest.raises(DataFolderError) as caught:
            NarrativeStore.open(data_dir)
        message = str(caught.value)
        assert str(data_dir) in message and "--data-dir" in message
        assert "\n" not in message
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_data_folder_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DataFolderError, match="--data-dir"):
            NarrativeStore.open(folder)
    finally:
        folder.chmod(0o700)


def test_personal_dictionary_travels_with_backups(fresh_data_dir: Path) -> None:
    """The spell checker's own words are copied beside each backup and pruned with it."""
    clock = Clock(datetime(2026, 11, 1, 9, 0, 0))
    with open_store(fresh_data_dir, clock) as store:
        store.create(Narrative(title="Mine"))
    dictionary = fresh_data_dir / "personal-dictionary.txt"
    dictionary.write_text("Jayden\nNorthfield\n", encoding="utf-8")
    made = []
    for _ in range(4):
        clock.now += timedelta(days=1)
        with open_store(fresh_data_dir, clock, keep_backups=2) as store:
            made.append(store.wait_for_backup())
    kept = backups.list_backups(fresh_data_dir / "backups")
    assert len(kept) == 2
    for backup in kept:
        copy = backups.companion(backup.path, "personal-dictionary.txt")
        assert copy.read_text(encoding="utf-8") == "Jayden\nNorthfield\n"
    assert not backups.companion(made[0], "personal-dictionary.txt").exists()  # pruned too


def test_recovery_brings_back_a_lost_personal_dictionary(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 14, 0))
    dictionary = fresh_data_dir / "personal-dictionary.txt"
    fresh_data_dir.mkdir(parents=True, exist_ok=True)
    dictionary.write_text("Kerry\n", encoding="utf-8")
    make_store_with_backup(fresh_data_dir, clock, "Words worth keeping.")
    (fresh_data_dir / "narratives.db").write_bytes(GARBAGE)
    dictionary.unlink()
    with NarrativeStore.open(fresh_data_dir, clock=clock) as store:
        assert store.open_report.recovered
    assert dictionary.read_text(encoding="utf-8") == "Kerry\n"
