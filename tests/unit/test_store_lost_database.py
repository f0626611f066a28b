"""Store: an empty or missing database beside backups of narratives is damage, not a first run.

Also: pruning never deletes the last backup holding a narrative that the live store lacks.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from narrative_app.cli import main
from narrative_app.domain import Narrative, PartKind
from narrative_app.models import NarrativeStore, backups
from narrative_app.models.quick import DeferredStore

WORDS = "The morning the ward ran out of beds, I learnt what a rota is for."


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def backed_up_library(data_dir: Path, clock: Clock) -> int:
    """A store holding one narrative, opened again so that day's backup holds it."""
    with NarrativeStore.open(data_dir, create_sample=False, clock=clock) as store:
        narrative = Narrative(title="Beds")
        narrative.parts[PartKind.SELF].draft = WORDS
        nid = store.create(narrative)
    with NarrativeStore.open(data_dir, create_sample=False, clock=clock) as store:
        assert store.wait_for_backup() is not None
    return nid


def titles_in(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(row[0] for row in conn.execute("SELECT title FROM narratives"))


@pytest.mark.parametrize("damage", ["truncate", "delete"])
def test_a_lost_database_is_restored_from_the_newest_backup(fresh_data_dir: Path,
                                                           damage: str) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 14, 0))
    nid = backed_up_library(fresh_data_dir, clock)
    db = fresh_data_dir / "narratives.db"
    if damage == "truncate":
        db.write_bytes(b"")
    else:
        db.unlink()
    clock.now = datetime(2026, 11, 26, 8, 0, 0)

    with NarrativeStore.open(fresh_data_dir, clock=clock) as store:  # the sample is allowed
        report = store.open_report
        assert [s.title for s in store.list()] == ["Beds"]  # no sample beside it
        assert store.get(nid).parts[PartKind.SELF].draft == WORDS

    assert report.recovered and not report.sample_created
    assert report.restored_backup is not None
    assert "25 November 2026 at 09:14" in report.message
    assert "\n" not in report.message
    if damage == "truncate":
        assert "was empty" in report.message
        assert report.moved_aside is not None and report.moved_aside.stat().st_size == 0
        assert report.moved_aside.name in report.message  # kept, never deleted
    else:
        assert "was missing" in report.message
        assert report.moved_aside is None


def test_the_app_start_path_restores_a_lost_database_too(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 14, 0))
    nid = backed_up_library(fresh_data_dir, clock)
    (fresh_data_dir / "narratives.db").write_bytes(b"")
    store = DeferredStore.open(fresh_data_dir)  # what the window opens
    try:
        assert store.open_report.recovered
        assert "restored from the backup made on 25 November 2026" in store.open_report.message
        assert store.get(nid).parts[PartKind.SELF].draft == WORDS
    finally:
        store.close()


def test_the_command_line_says_the_database_was_restored(fresh_data_dir: Path,
                                                        capsys) -> None:
    backed_up_library(fresh_data_dir, Clock(datetime(2026, 11, 25, 9, 14, 0)))
    (fresh_data_dir / "narratives.db").unlink()
    code = main(["--data-dir", str(fresh_data_dir), "list"])
    said = capsys.readouterr()
    assert code == 0 and "Beds" in said.out  # listed from the restored backup
    assert "was missing" in said.err and "25 November 2026" in said.err
    assert main(["--data-dir", str(fresh_data_dir), "list"]) == 0  # restored for good
    said = capsys.readouterr()
    assert "Beds" in said.out and not said.err


def test_a_new_folder_still_starts_fresh_with_the_sample(fresh_data_dir: Path) -> None:
    with NarrativeStore.open(fresh_data_dir) as store:
        assert store.open_report.sample_created and not store.open_report.recovered


def test_backups_without_narratives_do_not_count_as_a_lost_library(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock).close()
    with NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock) as store:
        assert store.wait_for_backup() is not None  # a backup of an empty library
    (fresh_data_dir / "narratives.db").unlink()
    with NarrativeStore.open(fresh_data_dir, clock=clock) as store:
        assert not store.open_report.recovered and store.open_report.sample_created


def test_pruning_keeps_the_last_backup_of_a_narrative_the_live_store_lacks(
    fresh_data_dir: Path, tmp_path: Path
) -> None:
    clock = Clock(datetime(2026, 11, 1, 9, 0, 0))
    backed_up_library(fresh_data_dir, clock)  # the 1 November backup holds "Beds"
    # The live database is replaced by another library (the old silent fresh start).
    other = tmp_path / "other"
    with NarrativeStore.open(other, create_sample=False, clock=clock) as store:
        store.create(Narrative(title="Something else"))
    db = fresh_data_dir / "narratives.db"
    shutil.copyfile(other / "narratives.db", db)
    for day in range(2, 7):
        clock.now = datetime(2026, 11, day, 9, 0, 0)
        with NarrativeStore.open(fresh_data_dir, clock=clock, keep_backups=2) as store:
            assert store.wait_for_backup() is not None
    kept = backups.list_backups(fresh_data_dir / "backups")
    assert [b.made_at.day for b in kept] == [6, 5, 1]
    assert titles_in(kept[-1].path) == ["Beds"]


def test_a_narrative_deleted_for_good_does_not_pin_old_backups(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 1, 9, 0, 0))
    nid = backed_up_library(fresh_data_dir, clock)
    with NarrativeStore.open(fresh_data_dir, clock=clock) as store:
        store.trash(nid)
        store.delete_forever(nid)
    for day in range(2, 7):
        clock.now = datetime(2026, 11, day, 9, 0, 0)
        NarrativeStore.open(fresh_data_dir, clock=clock, keep_backups=2).close()
    kept = backups.list_backups(fresh_data_dir / "backups")
    assert [b.made_at.day for b in kept] == [6, 5]
