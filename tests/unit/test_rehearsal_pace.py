"""Which kept runs count towards the measured pace, and why the others do not."""

from __future__ import annotations

from datetime import datetime, timedelta

from narrative_app.domain import PACE_RUNS, PartKind, PartSplit, RehearsalRun
from narrative_app.rehearsal.pace import PaceReason, pace_verdicts, run_pace


def run(day: int, splits: list[tuple[float, int]], view: str = "cues") -> RehearsalRun:
    kinds = (PartKind.SELF, PartKind.US, PartKind.NOW)
    return RehearsalRun(
        narrative_id=1, started_at=datetime(2025, 3, 1) + timedelta(days=day),
        total_seconds=sum(s for s, _ in splits), view=view,
        splits=[PartSplit(k, s, 60, w) for k, (s, w) in zip(kinds, splits, strict=False)])


def test_each_reason() -> None:
    assert run_pace(run(0, [(60, 120)])).reason is PaceReason.COUNTS
    assert run_pace(run(0, [(60, 120)])).wpm == 120
    assert run_pace(run(0, [(40, 0), (20, 0)])).reason is PaceReason.ENDED_EARLY
    assert run_pace(run(0, [(120, 0)], view="peer")).reason is PaceReason.PEER
    fast = run_pace(run(0, [(3, 250), (2, 150)]))
    assert fast.reason is PaceReason.TOO_FAST and fast.wpm == 4800
    assert run_pace(run(0, [(600, 100)])).reason is PaceReason.TOO_SLOW


def test_only_the_latest_runs_that_count_are_used() -> None:
    runs = [run(day, [(60, 120)]) for day in range(PACE_RUNS + 2)]
    runs.insert(3, run(3, [(5, 300)]))  # a paged-through run between them
    verdicts = pace_verdicts(runs)
    reasons = [v.reason for v in verdicts]
    assert reasons[:2] == [PaceReason.OLDER, PaceReason.OLDER]
    assert reasons[3] is PaceReason.TOO_FAST
    assert sum(v.counts for v in verdicts) == PACE_RUNS


def test_the_store_deletes_one_run_and_the_pace_follows(tmp_path) -> None:
    import pytest

    from narrative_app.domain import Narrative
    from narrative_app.errors import NotFoundError
    from narrative_app.models.store import NarrativeStore

    store = NarrativeStore.open(tmp_path)
    try:
        narrative_id = store.create(Narrative(title="Pace"))
        slow = run(0, [(60, 100)])
        quick = run(1, [(60, 140)])
        for kept in (slow, quick):
            kept.narrative_id = narrative_id
            store.add_run(kept)
        assert store.measured_pace(narrative_id) == 120
        store.delete_run(slow.id)
        assert [r.id for r in store.list_runs(narrative_id)] == [quick.id]
        assert store.measured_pace(narrative_id) == 140
        with pytest.raises(NotFoundError):
            store.delete_run(slow.id)
    finally:
        store.close()


def heard(day: int, seconds: float, words: int) -> RehearsalRun:
    listened = run(day, [(seconds, words)], view="cues")
    listened.speech = {"overall": {"words": words, "wpm": words * 60 / seconds}}
    return listened


def test_heard_runs_replace_key_press_runs_in_the_verdicts() -> None:
    runs = [run(0, [(60, 200)]), heard(1, 60, 110), run(2, [(60, 180)])]
    reasons = [v.reason for v in pace_verdicts(runs)]
    assert reasons == [PaceReason.NOT_HEARD, PaceReason.COUNTS, PaceReason.NOT_HEARD]
    # without any listened run, key presses still count
    assert all(v.counts for v in pace_verdicts([runs[0], runs[2]]))


def test_the_store_measures_the_heard_pace_once_a_run_was_listened_to(tmp_path) -> None:
    from narrative_app.domain import Narrative
    from narrative_app.models.store import NarrativeStore

    store = NarrativeStore.open(tmp_path)
    try:
        narrative_id = store.create(Narrative(title="Pace"))
        for kept in (run(0, [(60, 200)]), run(2, [(60, 180)])):
            kept.narrative_id = narrative_id
            store.add_run(kept)
        assert store.measured_pace(narrative_id) == 190  # key presses only
        listened = heard(1, 60, 110)
        listened.narrative_id = narrative_id
        store.add_run(listened)
        assert store.measured_pace(narrative_id) == 110  # what was heard, even if older
    finally:
        store.close()
