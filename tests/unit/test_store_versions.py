"""Store: named and automatic versions, restoring, thinning and exact bundle round trips."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from narrative_app.domain import Narrative, PartKind
from narrative_app.models import NarrativeStore
from narrative_app.models.versions import versions_to_thin
from tests.content import same_content
from tests.store_edits import edit_part


class Clock:
    """A clock the test moves by hand; each reading moves on one second."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    def next_day(self, days: int = 1) -> None:
        self.now = self.now.replace(hour=9, minute=0) + timedelta(days=days)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 25, 9, 0, 0))


@pytest.fixture
def store(fresh_data_dir: Path, clock: Clock):
    opened = NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock)
    yield opened
    opened.close()


def written(title: str = "Why I stay", text: str = "First telling.") -> Narrative:
    narrative = Narrative(title=title, audience="Ward nurses", occasion="Handover")
    narrative.parts[PartKind.SELF].draft = text
    narrative.values = ["Care"]
    narrative.ask = "Stay for the meeting."
    return narrative


def test_create_list_and_read_versions(store: NarrativeStore) -> None:
    nid = store.create(written())
    first = store.create_version(nid, "  For the ward  ")
    edit_part(store, nid, PartKind.SELF, draft="Second telling.")
    second = store.create_version(nid, "For the board", audience="Trust board", occasion="AGM")
    assert (first.label, first.audience, first.occasion) == (
        "For the ward",
        "Ward nurses",
        "Handover",
    )
    assert (second.audience, second.occasion, second.automatic) == ("Trust board", "AGM", False)
    assert [v.id for v in store.list_versions(nid)] == [second.id, first.id]  # newest first
    assert store.version_narrative(first.id).parts[PartKind.SELF].draft == "First telling."
    assert store.version_narrative(second.id).parts[PartKind.SELF].draft == "Second telling."
    assert store.version_narrative(first.id).id is None
    unnamed = store.create_version(nid, "")
    assert unnamed.label.startswith("Saved on ")


def test_restore_version_keeps_current_state_first(store: NarrativeStore) -> None:
    nid = store.create(written())
    old = store.create_version(nid, "Launch")
    store.update(nid, title="Rewritten", values=["Hope", "Justice"])
    edit_part(store, nid, PartKind.SELF, draft="Rewritten telling.")
    current = store.get(nid)

    restored = store.restore_version(old.id)

    assert restored.id == nid
    assert restored.title == "Why I stay"
    assert restored.parts[PartKind.SELF].draft == "First telling."
    assert same_content(store.get(nid), restored)
    newest = store.list_versions(nid)[0]
    assert newest.automatic and newest.label == "Before restoring ‘Launch’"
    assert same_content(store.version_narrative(newest.id), current)
    assert store.list()[0].title == "Why I stay"


def test_restoring_an_automatic_version_names_the_original_once(store: NarrativeStore) -> None:
    """Restoring "Before restoring 'First full draft'" must not nest the label again."""
    nid = store.create(written())
    first = store.create_version(nid, "First full draft")
    edit_part(store, nid, PartKind.SELF, draft="Second telling.")
    store.restore_version(first.id)
    before = store.list_versions(nid)[0]
    assert before.label == "Before restoring ‘First full draft’"
    edit_part(store, nid, PartKind.SELF, draft="Third telling.")
    store.restore_version(before.id)
    labels = [v.label for v in store.list_versions(nid)]
    assert labels[0] == "Before restoring ‘First full draft’"
    assert not any(label.count("Before restoring") > 1 for label in labels)



def test_bundle_round_trip_through_a_version_is_exact(store: NarrativeStore) -> None:
    narrative = Narrative(
        title="Héllo 👋🏽 عالم שלום 世界",
        audience="Famílias de São Paulo 👨‍👩‍👧‍👦",
        occasion="مساء الخميس",
        values=["Solidarité", "連帯", "אומץ"],
    )
    narrative.parts[PartKind.SELF].draft = (
        "# بداية\n\nكانت جدتي تقول: «لا تستسلم».\r\nשלום עולם — and back to English.\n\n"
        "漢字かな交じり文 🧕🏾 e\u0301 \u200d\u200f\t  trailing spaces  \n"
    )
    narrative.parts[PartKind.US].draft = "A" * 1_048_576  # 1 MB of text in one part
    narrative.parts[PartKind.US].cues = ["🌊 the flood", "\u200fالفيضان", ""]
    narrative.parts[PartKind.NOW].fields["ask"] = "Ven el sábado 🗳️"
    narrative.parts[PartKind.NOW].target_seconds = 95
    nid = store.create(narrative)
    version = store.create_version(nid, "Everything")
    edit_part(store, nid, PartKind.US, draft="gone")
    edit_part(store, nid, PartKind.SELF, draft="gone")

    from_version = store.version_narrative(version.id)
    assert same_content(from_version, narrative)
    assert from_version.parts[PartKind.US].draft == "A" * 1_048_576
    restored = store.restore_version(version.id)
    assert same_content(restored, narrative)
    assert same_content(store.get(nid), narrative)


def test_first_change_of_a_day_keeps_yesterdays_state(store: NarrativeStore, clock: Clock) -> None:
    nid = store.create(written(text="Monday's words."))
    edit_part(store, nid, PartKind.SELF, draft="Monday, later.")
    assert store.list_versions(nid) == []  # same day: no automatic version

    clock.next_day()
    edit_part(store, nid, PartKind.SELF, draft="Tuesday's words.")
    [auto] = store.list_versions(nid)
    assert auto.automatic and auto.label == "Before editing on 26 November 2026"
    assert store.version_narrative(auto.id).parts[PartKind.SELF].draft == "Monday, later."

    store.update(nid, title="Tuesday title")
    narrative = store.get(nid)
    store.save(narrative)
    assert len(store.list_versions(nid)) == 1  # only the first change of the day

    clock.next_day()
    narrative.parts[PartKind.US].draft = "Wednesday."
    store.save(narrative)
    versions = store.list_versions(nid)
    assert len(versions) == 2
    assert store.version_narrative(versions[0].id).title == "Tuesday title"


def test_empty_narrative_gets_no_day_version(store: NarrativeStore, clock: Clock) -> None:
    nid = store.create(Narrative(title="Blank"))
    clock.next_day()
    edit_part(store, nid, PartKind.SELF, draft="Now I start.")
    assert store.list_versions(nid) == []


def test_automatic_versions_are_thinned_named_ones_never(
    fresh_data_dir: Path, clock: Clock
) -> None:
    with NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock) as store:
        nid = store.create(written())
        for day in range(200):  # one edit every day for 200 days
            clock.next_day()
            edit_part(store, nid, PartKind.SELF, draft=f"Day {day}")
            if day % 50 == 0:
                store.create_version(nid, f"Named {day}")
        assert len(store.list_versions(nid)) == 204
    with NarrativeStore.open(fresh_data_dir, create_sample=False, clock=clock) as store:
        kept = store.list_versions(nid)
    named = [v for v in kept if not v.automatic]
    auto = [v for v in kept if v.automatic]
    assert [v.label for v in named] == ["Named 150", "Named 100", "Named 50", "Named 0"]
    now = clock.now
    recent = [v for v in auto if now - v.created_at <= timedelta(days=7)]
    daily = [v for v in auto if timedelta(days=7) < now - v.created_at <= timedelta(days=90)]
    old = [v for v in auto if now - v.created_at > timedelta(days=90)]
    assert len(recent) in (7, 8)  # every one of the last week
    assert len(daily) == len({v.created_at.date() for v in daily})  # one per day
    assert 82 <= len(daily) <= 84
    assert len(old) == len({(v.created_at.year, v.created_at.month) for v in old})
    assert 3 <= len(old) <= 5


def test_thinning_rules_pick_the_newest_of_each_bucket() -> None:
    now = datetime(2026, 11, 25, 12, 0)
    rows = [
        (1, 1, now - timedelta(days=1)),
        (2, 1, now - timedelta(days=1, hours=1)),  # recent: both kept
        (3, 1, datetime(2026, 10, 1, 18, 0)),
        (4, 1, datetime(2026, 10, 1, 9, 0)),  # same day, older: dropped
        (5, 2, datetime(2026, 10, 1, 8, 0)),  # another narrative: kept
        (6, 1, datetime(2026, 3, 20)),
        (7, 1, datetime(2026, 3, 2)),  # same month, older: dropped
    ]
    assert sorted(versions_to_thin(rows, now)) == [4, 7]
