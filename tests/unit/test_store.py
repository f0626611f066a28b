"""Store: every NarrativeStore operation on narratives, runs, search and the sample."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.errors import BadInputError, NotFoundError, StoreError
from narrative_app.models import NarrativeStore
from narrative_app.models import store as store_module
from tests.content import same_content
from tests.store_edits import edit_part


class Clock:
    """A controllable clock: each call moves on one second."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 25, 9, 0, 0))


@pytest.fixture
def store(fresh_data_dir: Path, clock: Clock):
    opened = NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock)
    yield opened
    opened.close()


def make(title: str = "My narrative", **drafts: str) -> Narrative:
    narrative = Narrative(title=title, audience="Volunteers", occasion="Launch night")
    narrative.values = ["Courage", "Care"]
    for key, text in drafts.items():
        narrative.parts[PartKind(key)].draft = text
    narrative.parts[PartKind.SELF].fields["challenge"] = "The night the lights went out"
    narrative.parts[PartKind.US].cues = ["the flood", "the kitchen table"]
    narrative.parts[PartKind.NOW].target_seconds = 90
    narrative.ask = "Join the rota on Saturday."
    return narrative


def test_create_and_get_round_trip(store: NarrativeStore) -> None:
    narrative = make(self="I grew up by the river.\n\nIt flooded.", now="Now is the time.")
    new_id = store.create(narrative)
    assert narrative.id == new_id
    loaded = store.get(new_id)
    assert same_content(loaded, narrative)
    assert loaded.id == new_id
    assert loaded.ask == "Join the rota on Saturday."
    assert loaded.values == ["Courage", "Care"]
    assert loaded.created_at is not None and loaded.updated_at is not None
    assert loaded.trashed_at is None


def test_create_keeps_the_title_as_given_and_names_a_blank_one(store: NarrativeStore) -> None:
    odd = store.create(make("  Two  spaces "))
    blank = store.create(make("   "))
    assert store.get(odd).title == "  Two  spaces "
    assert store.get(blank).title == "Untitled narrative"


def test_list_summaries_newest_first_with_counts(store: NarrativeStore) -> None:
    first = store.create(make("First", self="One two three.\n\nFour five."))
    second = store.create(make("Second", us="Six seven."))
    summaries = store.list()
    assert [s.id for s in summaries] == [second, first]
    by_id = {s.id: s for s in summaries}
    assert by_id[first].words == 5 and by_id[first].paragraphs == 2
    assert by_id[first].target_seconds == 90
    assert by_id[first].title == "First" and by_id[first].audience == "Volunteers"
    edit_part(store, first, PartKind.US, draft="more words here")
    assert store.list()[0].id == first  # the edited one moves to the top
    assert store.list()[0].words == 8


def test_list_query_matches_any_text_case_insensitively(store: NarrativeStore) -> None:
    a = store.create(make("Harbour walk", self="Ich ging zur ÉCOLE am Fluss."))
    b = store.create(make("Other"))
    edit_part(store, b, PartKind.NOW, fields={"strategy": "Knock on every Door"})
    edit_part(store, b, PartKind.US, cues=["Zebra crossing"])
    c = store.create(make("Third"))
    store.update(c, values=["Solidarité"])

    def ids(query: str) -> set[int]:
        return {s.id for s in store.list(query=query)}

    assert ids("HARBOUR") == {a}
    assert ids("école") == {a}
    assert ids("door") == {b}
    assert ids("zebra") == {b}
    assert ids("SOLIDARITÉ") == {c}
    assert ids("volunteers") == {a, b, c}  # audience
    # Field names are not text: nobody typed "challenge", so nothing matches it.
    assert ids("challenge") == set()
    assert ids("nowhere to be found") == set()
    assert ids("   ") == {a, b, c}


def test_save_whole_narrative_is_read_back(store: NarrativeStore, clock: Clock) -> None:
    narrative = make()
    store.create(narrative)
    narrative.title = "Renamed in memory"
    narrative.values = ["Hope", "Justice", "Care"]
    narrative.parts[PartKind.US].draft = "We stood together."
    narrative.parts[PartKind.US].cues = ["together"]
    narrative.ask = "Sign up tonight."
    before = narrative.updated_at
    saved_at = store.save(narrative)
    assert saved_at == narrative.updated_at and before is not None and saved_at > before
    loaded = store.get(narrative.id)
    assert same_content(loaded, narrative)
    assert loaded.updated_at == saved_at


def test_save_unsaved_or_missing_narrative_is_refused(store: NarrativeStore) -> None:
    with pytest.raises(StoreError):
        store.save(make())
    ghost = make()
    ghost.id = 999
    with pytest.raises(NotFoundError, match="999"):
        store.save(ghost)


def test_update_every_field(store: NarrativeStore) -> None:
    nid = store.create(make())
    store.update(
        nid,
        title="  New   title ",
        audience="Parents",
        occasion="School gate",
        preset="self_2",
        pace_wpm=140,
        values=["Fairness", "Joy"],
    )
    loaded = store.get(nid)
    assert (loaded.title, loaded.audience, loaded.occasion) == (
        "New   title",
        "Parents",
        "School gate",
    )
    assert (loaded.preset, loaded.pace_wpm, loaded.values) == ("self_2", 140, ["Fairness", "Joy"])
    with pytest.raises(TypeError):
        store.update(nid, colour="red")
    with pytest.raises(BadInputError, match="title"):
        store.update(nid, title="   ")
    assert store.get(nid).title == "New   title"


def test_saving_one_edited_part_leaves_the_others(store: NarrativeStore) -> None:
    nid = store.create(make(self="Self text."))
    edit_part(store, nid, PartKind.NOW, draft="Act now.", cues=["act"], target_seconds=75)
    edit_part(store, nid, "now", fields={"ask": "Come on Saturday."})
    edit_part(store, nid, PartKind.NOW, fields={"strategy": "One street at a time"})
    loaded = store.get(nid)
    now = loaded.parts[PartKind.NOW]
    assert (now.draft, now.cues, now.target_seconds) == ("Act now.", ["act"], 75)
    assert loaded.ask == "Come on Saturday."
    assert now.fields["strategy"] == "One street at a time"  # merged, the ask kept
    assert loaded.parts[PartKind.SELF].draft == "Self text."
    assert store.list()[0].target_seconds == 75


def test_rename(store: NarrativeStore) -> None:
    nid = store.create(make())
    store.rename(nid, "Why I organise")
    assert store.get(nid).title == "Why I organise"
    assert store.list()[0].title == "Why I organise"
    with pytest.raises(BadInputError):
        store.rename(nid, "")


def test_duplicate_copies_content_not_history(store: NarrativeStore) -> None:
    nid = store.create(make(self="Original words."))
    store.create_version(nid, "Draft 1")
    copy_id = store.duplicate(nid)
    assert copy_id != nid
    original, copy = store.get(nid), store.get(copy_id)
    assert copy.title == "My narrative (copy)"
    copy.title = original.title
    assert same_content(copy, original)
    assert store.list_versions(copy_id) == []
    assert len(store.list()) == 2


def test_trash_restore_and_delete_forever(store: NarrativeStore, fresh_data_dir: Path) -> None:
    keep = store.create(make("Keep"))
    gone = store.create(make("Gone"))
    store.create_version(gone, "v1")
    store.add_run(
        RehearsalRun(gone, datetime(2026, 11, 25, 10), 60.0, [PartSplit(PartKind.SELF, 60)])
    )

    store.trash(gone)
    assert [s.id for s in store.list()] == [keep]
    trashed = store.list(trashed=True)
    assert [s.id for s in trashed] == [gone] and trashed[0].trashed_at is not None
    assert store.get(gone).trashed_at is not None

    store.restore(gone)
    assert {s.id for s in store.list()} == {keep, gone}
    assert store.list(trashed=True) == []

    with pytest.raises(StoreError, match="trash"):
        store.delete_forever(keep)  # not in the trash: refused
    assert store.get(keep).title == "Keep"

    store.trash(gone)
    store.delete_forever(gone)
    with pytest.raises(NotFoundError):
        store.get(gone)
    assert store.list(trashed=True) == []
    with sqlite3.connect(fresh_data_dir / "narratives.db") as conn:
        for table in ("parts", "chosen_values", "versions", "runs", "run_splits"):
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} WHERE "
                + (
                    "run_id NOT IN (SELECT id FROM runs)"
                    if table == "run_splits"
                    else "narrative_id NOT IN (SELECT id FROM narratives)"
                )
            ).fetchone()[0]
            assert orphans == 0, table


def test_missing_ids_raise_not_found(store: NarrativeStore) -> None:
    for call in (
        lambda: store.get(42),
        lambda: store.update(42, title="x"),
        lambda: edit_part(store, 42, PartKind.SELF, draft="x"),
        lambda: store.rename(42, "x"),
        lambda: store.duplicate(42),
        lambda: store.trash(42),
        lambda: store.restore(42),
        lambda: store.delete_forever(42),
        lambda: store.create_version(42, "x"),
        lambda: store.list_versions(42),
        lambda: store.version_narrative(42),
        lambda: store.restore_version(42),
        lambda: store.list_runs(42),
        lambda: store.add_run(RehearsalRun(42, datetime(2026, 1, 1), 1.0)),
    ):
        with pytest.raises(NotFoundError):
            call()


def test_runs_are_kept_with_splits_and_feedback(store: NarrativeStore) -> None:
    nid = store.create(make())
    late = RehearsalRun(
        nid,
        datetime(2026, 11, 25, 18, 30),
        185.5,
        [PartSplit(PartKind.SELF, 100.0, 120, 210), PartSplit(PartKind.US, 85.5, 60, 170)],
        view="full",
        notes="Rushed the ending",
        feedback={"heard": "Your grandmother", "ask": "Clear"},
    )
    early = RehearsalRun(nid, datetime(2026, 11, 25, 8, 0), 30.0, [PartSplit(PartKind.NOW, 30.0)])
    late_id = store.add_run(late)
    store.add_run(early)
    assert late.id == late_id
    runs = store.list_runs(nid)
    assert [r.started_at for r in runs] == [early.started_at, late.started_at]  # oldest first
    assert runs[1] == late
    assert store.list()[0].last_rehearsed_at == datetime(2026, 11, 25, 18, 30)


def test_measured_pace(store: NarrativeStore) -> None:
    nid = store.create(make())
    assert store.measured_pace(nid) is None
    store.add_run(RehearsalRun(nid, datetime(2026, 11, 1), 60.0, [PartSplit(PartKind.SELF, 60.0)]))
    assert store.measured_pace(nid) is None  # no words recorded
    # Six runs at 100 wpm, then the five latest at 150 wpm: only the latest five count.
    for day in range(2, 8):
        store.add_run(
            RehearsalRun(
                nid, datetime(2026, 11, day), 60.0, [PartSplit(PartKind.SELF, 60.0, 60, 100)]
            )
        )
    assert store.measured_pace(nid) == pytest.approx(100.0)
    for day in range(10, 15):
        store.add_run(
            RehearsalRun(
                nid,
                datetime(2026, 11, day),
                120.0,
                [PartSplit(PartKind.SELF, 60.0, 60, 150), PartSplit(PartKind.US, 60.0, 60, 150)],
            )
        )
    assert store.measured_pace(nid) == pytest.approx(150.0)


def test_measured_pace_ignores_parts_paged_through_or_left_running(store: NarrativeStore) -> None:
    nid = store.create(make())
    store.add_run(RehearsalRun(nid, datetime(2026, 11, 1), 120.0,
                               [PartSplit(PartKind.SELF, 120.0, 120, 260)]))  # 130 wpm
    assert store.measured_pace(nid) == pytest.approx(130.0)
    # A 6-second run that paged past 68 words, and a part left running for ten minutes:
    store.add_run(RehearsalRun(nid, datetime(2026, 11, 2), 606.0,
                               [PartSplit(PartKind.SELF, 3.0, 120, 68),
                                PartSplit(PartKind.US, 600.0, 75, 120)]))
    assert store.measured_pace(nid) == pytest.approx(130.0)  # neither is a spoken pace


def test_sample_created_once_per_data_folder(fresh_data_dir: Path) -> None:
    with NarrativeStore.open(fresh_data_dir) as store:
        assert store.open_report.sample_created
        [summary] = store.list()
        sample = store.get(summary.id)
        assert sample.title and sample.ask
        assert all(part.draft for part in sample.parts.values())
        assert any(part.cues for part in sample.parts.values())
        store.trash(summary.id)
        store.delete_forever(summary.id)
    with NarrativeStore.open(fresh_data_dir) as store:
        assert not store.open_report.sample_created
        assert store.list() == [] and store.list(trashed=True) == []


def test_sample_not_created_when_asked_not_to_or_store_has_narratives(fresh_data_dir: Path) -> None:
    with NarrativeStore.open(fresh_data_dir, create_sample=False) as store:
        assert store.list() == []
        store.create(make("Mine"))
    with NarrativeStore.open(fresh_data_dir) as store:
        assert [s.title for s in store.list()] == ["Mine"]


def test_sample_from_a_minimal_file_and_a_missing_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    minimal = tmp_path / "sample.narrative"
    minimal.write_text(
        '{"format": "narrative", "version": 1, "narrative": {"title": "Tiny sample",'
        ' "parts": {"self": {"draft": "Once."}}}}',
        encoding="utf-8",
    )
    monkeypatch.setattr(store_module, "sample_path", lambda: minimal)
    with NarrativeStore.open(tmp_path / "one") as store:
        assert [s.title for s in store.list()] == ["Tiny sample"]
    monkeypatch.setattr(store_module, "sample_path", lambda: tmp_path / "missing.narrative")
    with NarrativeStore.open(tmp_path / "two") as store:  # no sample file: still opens
        assert store.list() == [] and not store.open_report.sample_created


def test_closed_store_refuses_work(store: NarrativeStore) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.list()
    store.close()  # closing twice is harmless


def test_repeated_part_saves_keep_the_last_text(store: NarrativeStore) -> None:
    """Autosave's path; its speed is measured in benchmarks/bench_autosave.py, not here."""
    nid = store.create(make(self="word " * 3000, us="word " * 3000, now="word " * 3000))
    for i in range(30):
        edit_part(store, nid, PartKind.US, draft=f"{'word ' * 3000} edit {i}")
    assert store.get(nid).parts[PartKind.US].draft.endswith("edit 29")


def test_large_library_lists_quickly(fresh_data_dir: Path) -> None:
    """1,000 narratives with 20 versions each open and list (timed in benchmarks/bench_scale.py)."""
    with NarrativeStore.open(fresh_data_dir, create_sample=False) as store:
        store.create(make("seed", self="Seed words. " * 300))
    db = fresh_data_dir / "narratives.db"
    bundle_text = "x" * 4000
    with sqlite3.connect(db) as conn:
        now = "2026-11-25 09:00:00.000000"
        conn.executemany(
            "INSERT INTO narratives (id, title, audience, occasion, preset, pace_wpm, created_at,"
            " updated_at, words, paragraphs, target_seconds) VALUES"
            " (?, ?, '', '', 'linked_5', 125, ?, ?, 600, 9, 300)",
            [(i, f"Narrative {i}", now, now) for i in range(2, 1002)],
        )
        draft = "Some words in a paragraph. " * 120
        conn.executemany(
            "INSERT INTO parts (narrative_id, kind, draft, cues, fields, target_seconds, words,"
            " paragraphs) VALUES (?, ?, ?, '[]', '{}', 100, 200, 3)",
            [(i, k, draft) for i in range(2, 1002) for k in ("self", "us", "now")],
        )
        conn.executemany(
            "INSERT INTO versions (narrative_id, label, audience, occasion, created_at, automatic,"
            " bundle) VALUES (?, ?, '', '', ?, 0, ?)",
            [(i, f"v{v}", now, bundle_text) for i in range(2, 1002) for v in range(20)],
        )
    with NarrativeStore.open(fresh_data_dir) as store:
        summaries = store.list()
        assert len(summaries) == 1001
        assert len(store.list(query="narrative 99")) == 11  # 99 and 990-999
