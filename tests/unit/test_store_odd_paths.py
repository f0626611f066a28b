"""Store: a data folder whose name holds URL characters (?, %, #, spaces) works fully."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from narrative_app.domain import Narrative, PartKind
from narrative_app.models import NarrativeStore, backups
from narrative_app.models.quick import DeferredStore, list_summaries

ODD_NAMES = ["we?ird%20#folder", "100% sure", "a#b?c=d&e", "file:looks like a uri"]


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.mark.parametrize("name", ODD_NAMES)
def test_an_odd_folder_name_keeps_the_database_inside_it(tmp_path: Path, name: str) -> None:
    parent = tmp_path / "parent"
    folder = parent / name
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    with NarrativeStore.open(folder, create_sample=False, clock=clock) as store:
        narrative = Narrative(title="Odd")
        narrative.parts[PartKind.US].draft = "Still here."
        nid = store.create(narrative)
    assert (folder / "narratives.db").is_file()
    assert sorted(os.listdir(parent)) == [name]  # nothing written beside the folder
    assert [s.title for s in list_summaries(folder / "narratives.db")] == ["Odd"]

    clock.now += timedelta(days=1)
    deferred = DeferredStore.open(folder)  # the quick start's read-only look
    try:
        assert isinstance(deferred, DeferredStore)
        assert [s.title for s in deferred.list()] == ["Odd"]
        assert deferred.get(nid).parts[PartKind.US].draft == "Still here."
        assert deferred.wait_for_backup(30) is not None  # the daily backup, inside the folder
    finally:
        deferred.close()
    kept = backups.list_backups(folder / "backups")
    assert len(kept) == 1 and backups.quick_check(kept[0].path)

    (folder / "narratives.db").write_bytes(b"\0" * 8192)  # damage: restored from that backup
    with NarrativeStore.open(folder, clock=clock) as store:
        assert store.open_report.recovered
        assert store.get(nid).parts[PartKind.US].draft == "Still here."
    assert sorted(os.listdir(parent)) == [name]
