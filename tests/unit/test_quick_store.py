"""Unit tests: the quick start lists exactly what the full store lists, then hands over."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from narrative_app.domain import Narrative, PartKind, RehearsalRun
from narrative_app.models import NarrativeStore, store
from narrative_app.models.quick import DB_NAME, DeferredStore, list_summaries


def _library(data_dir: Path) -> None:
    with NarrativeStore.open(data_dir, create_sample=True) as full:
        mine = Narrative(title="Ward nine", audience="Nurses", values=["Courage"])
        mine.parts[PartKind.NOW].draft = "We start on Monday."
        mine.parts[PartKind.SELF].cues = ["Bleach and the clanking heater"]
        first = full.create(mine)
        full.add_run(RehearsalRun(narrative_id=first, started_at=datetime(2026, 11, 1, 9, 0),
                                  total_seconds=120.0))
        gone = full.create(Narrative(title="Old draft"))
        full.trash(gone)


def test_quick_listing_matches_the_store(tmp_path: Path) -> None:
    _library(tmp_path)
    with NarrativeStore.open(tmp_path) as full:
        for kwargs in ({}, {"trashed": True}, {"query": "MONDAY"}, {"query": "clanking"},
                       {"query": "courage"}, {"query": "nothing like this"}):
            assert list_summaries(tmp_path / DB_NAME, **kwargs) == full.list(**kwargs)


def test_deferred_store_lists_then_opens_fully_on_demand(tmp_path: Path) -> None:
    _library(tmp_path)
    deferred = DeferredStore.open(tmp_path)
    assert isinstance(deferred, DeferredStore) and not deferred.is_open
    assert [s.title for s in deferred.list(query="ward")] == ["Ward nine"]
    narrative_id = deferred.list(query="ward")[0].id
    assert deferred.get(narrative_id).title == "Ward nine"  # any other call opens the store
    assert deferred.is_open
    deferred.close()


def test_a_new_folder_opens_the_full_store_at_once(tmp_path: Path) -> None:
    opened = DeferredStore.open(tmp_path / "new")
    try:
        assert isinstance(opened, NarrativeStore)
        assert opened.open_report.sample_created
    finally:
        opened.close()


def test_quick_module_agrees_on_the_file_name() -> None:
    assert DB_NAME == store.DB_NAME
