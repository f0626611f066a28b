"""Store: a damaged database is called damaged (not a full disk), and what was done is said."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from narrative_app.domain import Narrative, PartKind
from narrative_app.errors import StoreError
from narrative_app.models import NarrativeStore, recovery
from narrative_app.models.history import History
from tests.store_edits import edit_part


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def test_damage_found_while_writing_is_called_damage(fresh_data_dir: Path) -> None:
    clock = Clock(datetime(2026, 11, 25, 9, 0, 0))
    store = NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock)
    try:
        nid = store.create(Narrative(title="Mine"))
        store._engine.dispose()  # the next save opens the file afresh
        (fresh_data_dir / "narratives.db").write_bytes(os.urandom(64 * 1024))
        with pytest.raises(StoreError) as caught:
            edit_part(store, nid, PartKind.SELF, draft="More words.")
    finally:
        store.close()
    message = str(caught.value)
    assert "free space" not in message
    assert "damaged" in message and "\n" not in message
    assert "backup" in message  # what happens next: the newest good backup is restored


def test_damage_found_after_the_check_at_open_is_recovered(fresh_data_dir: Path,
                                                           monkeypatch) -> None:
    """Damage that PRAGMA quick_check misses, met while opening, is recovered like any other."""
    clock = Clock(datetime(2026, 11, 25, 9, 14, 0))
    with NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock) as store:
        narrative = Narrative(title="Kept")
        narrative.parts[PartKind.NOW].draft = "Join us on Monday."
        nid = store.create(narrative)
    with NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock) as store:
        assert store.wait_for_backup() is not None
    clock.now = datetime(2026, 11, 26, 8, 0, 0)
    real = History.thin_versions
    calls = []

    def damaged_once(self) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        real(self)

    monkeypatch.setattr(History, "thin_versions", damaged_once)
    with NarrativeStore.open(fresh_data_dir, clock=clock) as store:
        report = store.open_report
        assert store.get(nid).parts[PartKind.NOW].draft == "Join us on Monday."
    assert report.recovered and "free space" not in report.message
    assert "could not be read" in report.message and "25 November 2026 at 09:14" in report.message
    assert report.moved_aside is not None and report.moved_aside.exists()


@pytest.mark.parametrize(
    ("error", "said", "not_said"),
    [
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged", "free space"),
        (sqlite3.DatabaseError("file is not a database"), "damaged", "free space"),
        (sqlite3.OperationalError("database or disk is full"), "full", "damaged"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "read-only",
         "free space"),
        (sqlite3.OperationalError("database is locked"), "another program", "free space"),
    ],
)
def test_each_failure_is_explained_for_what_it_is(error: Exception, said: str,
                                                  not_said: str) -> None:
    text = recovery.failure_advice(error)
    assert said in text and not_said not in text and "\n" not in text
