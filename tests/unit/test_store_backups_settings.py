"""Store: the backups folder and count chosen in Settings (writing, pruning, recovery)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from narrative_app.domain import Narrative, PartKind
from narrative_app.models import NarrativeStore, backups

GARBAGE = os.urandom(32 * 1024)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def open_store(data_dir: Path, clock: Clock, **kwargs) -> NarrativeStore:
    return NarrativeStore.open(data_dir, create_sample=False, clock=clock, **kwargs)


def write_one(data_dir: Path, clock: Clock, text: str, **kwargs) -> int:
    with open_store(data_dir, clock, **kwargs) as store:
        narrative = Narrative(title="Kept")
        narrative.parts[PartKind.SELF].draft = text
        return store.create(narrative)


def test_backups_go_to_the_chosen_folder(fresh_data_dir: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "elsewhere" / "backups"
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    write_one(fresh_data_dir, clock, "First words.", backups_dir=chosen)
    with open_store(fresh_data_dir, clock, backups_dir=chosen) as store:
        made = store.wait_for_backup()
        assert store.backups_folder == chosen
    assert made is not None and made.parent == chosen
    assert backups.quick_check(made)
    assert not (fresh_data_dir / "backups").exists()


def test_only_the_chosen_number_is_kept_in_the_chosen_folder(fresh_data_dir: Path,
                                                            tmp_path: Path) -> None:
    chosen = tmp_path / "kept"
    clock = Clock(datetime(2026, 11, 1, 9, 0, 0))
    write_one(fresh_data_dir, clock, "Words.")
    for day in range(5):
        clock.now = datetime(2026, 11, 2 + day, 9, 0, 0)
        with open_store(fresh_data_dir, clock, backups_dir=chosen, keep_backups=2) as store:
            store.wait_for_backup()
    kept = backups.list_backups(chosen)
    assert [b.made_at.day for b in kept] == [6, 5]


def test_an_empty_folder_setting_means_the_usual_place(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    write_one(fresh_data_dir, clock, "Words.")
    with open_store(fresh_data_dir, clock, backups_dir="") as store:
        made = store.wait_for_backup()
    assert made is not None and made.parent == fresh_data_dir / "backups"


def test_recovery_restores_from_the_chosen_folder(fresh_data_dir: Path, tmp_path: Path) -> None:
    chosen = tmp_path / "stick"
    clock = Clock(datetime(2026, 11, 25, 9, 14, 0))
    nid = write_one(fresh_data_dir, clock, "Safe on the stick.", backups_dir=chosen)
    with open_store(fresh_data_dir, clock, backups_dir=chosen) as store:
        assert store.wait_for_backup() is not None
    (fresh_data_dir / "narratives.db").write_bytes(GARBAGE)
    clock.now = datetime(2026, 11, 26, 8, 0, 0)
    with open_store(fresh_data_dir, clock, backups_dir=chosen) as store:
        assert store.open_report.recovered
        assert store.open_report.restored_backup is not None
        assert store.open_report.restored_backup.parent == chosen
        assert store.get(nid).parts[PartKind.SELF].draft == "Safe on the stick."
        assert "25 November 2026 at 09:14" in store.open_report.message


def test_recovery_also_looks_in_the_usual_folder_after_a_change(fresh_data_dir: Path,
                                                                tmp_path: Path) -> None:
    """Backups made before a new folder was chosen still save the day, newest first."""
    clock = Clock(datetime(2026, 11, 20, 9, 0, 0))
    nid = write_one(fresh_data_dir, clock, "From the usual folder.")
    with open_store(fresh_data_dir, clock) as store:
        assert store.wait_for_backup() is not None
    chosen = tmp_path / "new-place"
    chosen.mkdir()
    (chosen / "narratives-20261101-090000.db").write_bytes(GARBAGE)  # older and broken
    (fresh_data_dir / "narratives.db").write_bytes(GARBAGE)
    clock.now = datetime(2026, 11, 26, 8, 0, 0)
    with open_store(fresh_data_dir, clock, backups_dir=chosen) as store:
        assert store.open_report.restored_backup is not None
        assert store.open_report.restored_backup.parent == fresh_data_dir / "backups"
        assert store.get(nid).parts[PartKind.SELF].draft == "From the usual folder."


def test_an_unusable_chosen_folder_keeps_the_copy_in_the_usual_place(fresh_data_dir: Path,
                                                                     tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    write_one(fresh_data_dir, clock, "Words.")
    with open_store(fresh_data_dir, clock, backups_dir=blocker / "backups") as store:
        made = store.wait_for_backup()
        assert store.list()  # the store works regardless
    assert made is not None and made.parent == fresh_data_dir / "backups"


def test_new_settings_apply_to_an_open_store(fresh_data_dir: Path, tmp_path: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    write_one(fresh_data_dir, clock, "Words.")
    chosen = tmp_path / "chosen later"
    with open_store(fresh_data_dir, clock) as store:
        assert store.wait_for_backup() is not None  # today's copy in the usual place
        store.configure_backups(keep=1, backups_dir=chosen)
        assert store.backups_folder == chosen
        made = store.daily_backup()  # none in the chosen folder yet today
        assert made is not None and made.parent == chosen
        assert store.daily_backup() is None  # once a day
        store.configure_backups(keep=1, backups_dir=None)
        assert store.backups_folder == fresh_data_dir / "backups"


def test_backup_folders_lists_the_chosen_one_first(tmp_path: Path) -> None:
    db = tmp_path / "data" / "narratives.db"
    usual = tmp_path / "data" / "backups"
    assert backups.backup_folders(db) == [usual]
    assert backups.backup_folders(db, "") == [usual]
    assert backups.backup_folders(db, tmp_path / "x") == [tmp_path / "x", usual]
    assert backups.backup_folders(db, usual) == [usual]
