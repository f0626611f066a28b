"""Rehearsal engine: every transition, split, pause and overtime case with a fake clock."""

from __future__ import annotations

from datetime import datetime

import pytest

from narrative_app.domain import Narrative, PartKind, StoryPart
from narrative_app.errors import BadInputError
from narrative_app.method.presets import apply_preset
from narrative_app.rehearsal import (
    PEER_TELLING_SECONDS,
    Countdown,
    Phase,
    PlanPart,
    RehearsalEngine,
    feedback_questions,
    peer_plan,
    plan_for,
)
from narrative_app.rehearsal.engine import TimerState, timer_state

WHEN = datetime(2025, 3, 4, 9, 30)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


PLAN = [
    PlanPart(PartKind.SELF, target_seconds=120, words=250, estimate_seconds=120.0),
    PlanPart(PartKind.US, target_seconds=75, words=150, estimate_seconds=72.0),
    PlanPart(PartKind.NOW, target_seconds=105, words=0, estimate_seconds=0.0),
]


def make(clock: FakeClock, countdown: float = 0.0, **kw) -> RehearsalEngine:
    return RehearsalEngine(PLAN, clock, countdown_seconds=countdown, now=lambda: WHEN, **kw)


def test_ready_counts_nothing_and_refuses_navigation() -> None:
    clock = FakeClock()
    engine = make(clock)
    clock.advance(30)
    assert engine.phase is Phase.READY
    assert engine.total_elapsed() == 0
    assert not engine.next_part()
    assert not engine.previous_part()
    assert not engine.pause()
    assert not engine.resume()
    assert not engine.finish()
    assert engine.index == 0


def test_countdown_then_running_starts_timing_when_countdown_ends() -> None:
    clock = FakeClock()
    engine = make(clock, countdown=3)
    assert engine.start()
    assert engine.phase is Phase.COUNTDOWN
    assert not engine.start()  # already started
    clock.advance(1)
    assert engine.countdown_left() == pytest.approx(2)
    assert engine.part_elapsed() == 0
    clock.advance(2.5)  # 0.5 s past the end of the countdown
    assert engine.phase is Phase.RUNNING
    assert engine.countdown_left() == 0
    assert engine.part_elapsed() == pytest.approx(0.5)
    assert engine.started_at == WHEN


def test_space_skips_countdown_and_pausing_countdown_cancels_it() -> None:
    clock = FakeClock()
    engine = make(clock, countdown=3)
    engine.start()
    assert engine.pause()
    assert engine.phase is Phase.READY
    assert engine.started_at is None
    engine.toggle()
    assert engine.phase is Phase.COUNTDOWN
    clock.advance(1)
    engine.toggle()  # skip the rest of the countdown
    assert engine.phase is Phase.RUNNING
    clock.advance(4)
    assert engine.part_elapsed() == pytest.approx(4)


def test_finish_during_countdown_records_nothing() -> None:
    clock = FakeClock()
    engine = make(clock, countdown=3)
    engine.start()
    clock.advance(1)
    assert engine.finish()
    assert engine.phase is Phase.FINISHED
    assert engine.total_elapsed() == 0
    assert engine.is_short


def test_splits_are_recorded_per_part() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    clock.advance(100)
    assert engine.next_part()
    assert engine.current.kind is PartKind.US
    assert engine.next is not None and engine.next.kind is PartKind.NOW
    clock.advance(80)
    engine.next_part()
    assert engine.is_last and engine.next is None
    clock.advance(90)
    assert engine.next_part()  # next past the last part ends the run
    assert engine.phase is Phase.FINISHED
    assert not engine.next_part()  # and nothing further happens
    clock.advance(50)
    assert [s.seconds for s in engine.splits()] == [100, 80, 90]
    assert engine.total_elapsed() == 270


def test_paused_time_does_not_count() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.toggle()
    clock.advance(10)
    assert engine.toggle()  # pause
    assert engine.phase is Phase.PAUSED
    clock.advance(600)
    assert engine.part_elapsed() == 10
    assert engine.total_elapsed() == 10
    engine.toggle()  # resume
    clock.advance(5)
    assert engine.part_elapsed() == 15
    assert engine.pauses == 1
    assert engine.paused_seconds == 600


def test_navigation_while_paused_keeps_time_frozen() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    clock.advance(20)
    engine.pause()
    engine.next_part()
    clock.advance(100)
    assert engine.phase is Phase.PAUSED
    assert engine.part_elapsed(0) == 20
    assert engine.part_elapsed(1) == 0


def test_previous_returns_and_adds_to_that_part() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    clock.advance(30)
    engine.next_part()
    clock.advance(10)
    assert engine.previous_part()
    assert engine.current.kind is PartKind.SELF
    clock.advance(5)
    assert not engine.previous_part()  # before the first part: nothing happens
    assert engine.index == 0
    clock.advance(5)
    assert engine.part_elapsed(0) == 40
    assert engine.part_elapsed(1) == 10


def test_part_overtime_and_timer_states() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    clock.advance(100)
    assert engine.part_state() is TimerState.NORMAL
    assert engine.part_remaining() == 20
    clock.advance(6)  # 14 s left: the last 15 s are amber
    assert engine.part_state() is TimerState.WARNING
    clock.advance(24)
    assert engine.part_state() is TimerState.OVER
    assert engine.part_remaining() == -10
    assert engine.part_overtime() == 10
    assert engine.ahead_seconds() == -10


def test_total_overtime_and_ahead_behind_against_cumulative_targets() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    clock.advance(100)  # Self took 100 of 120: 20 s ahead
    engine.next_part()
    assert engine.ahead_seconds() == 20
    clock.advance(60)  # mid-part within target: still 20 ahead
    assert engine.ahead_seconds() == 20
    clock.advance(35)  # Us now 95 of 75: 20 over, so level
    assert engine.ahead_seconds() == 0
    clock.advance(10)
    assert engine.ahead_seconds() == -10
    engine.next_part()
    clock.advance(130)
    engine.next_part()
    assert engine.total_elapsed() == 335
    assert engine.total_target == 300
    assert engine.total_overtime() == 35
    assert engine.total_remaining() == -35
    assert engine.total_state() is TimerState.OVER
    assert engine.ahead_seconds() == -35


def test_estimate_of_remaining_time() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    # Self 120 expected from its words, Us 72, Now has no draft so its target 105.
    assert engine.estimate_remaining() == pytest.approx(297)
    clock.advance(50)
    assert engine.estimate_remaining() == pytest.approx(247)
    clock.advance(100)  # Self overran its estimate: nothing more expected of it
    assert engine.estimate_remaining() == pytest.approx(177)
    assert engine.projected_total() == pytest.approx(327)
    engine.finish()
    assert engine.estimate_remaining() == 0


def test_to_run_builds_domain_run_with_words_and_targets() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    clock.advance(61.25)
    engine.next_part()
    clock.advance(30)
    engine.finish()
    run = engine.to_run(7, view="memorise", notes="slower at the start", feedback={"a": "b"})
    assert run.narrative_id == 7
    assert run.started_at == WHEN
    assert run.total_seconds == pytest.approx(91.25)
    assert run.view == "memorise"
    assert run.notes == "slower at the start"
    assert run.feedback == {"a": "b"}
    # Us was cut short by finishing, so only Self's words count towards the measured pace.
    assert [(s.part, s.seconds, s.target_seconds, s.words) for s in run.splits] == [
        (PartKind.SELF, 61.25, 120, 250),
        (PartKind.US, 30, 75, 0),
        (PartKind.NOW, 0, 105, 0),
    ]
    assert [s.words for s in engine.to_run(7, with_words=False).splits] == [0, 0, 0]


def test_words_count_only_for_parts_told_to_the_end() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    for _ in PLAN:
        clock.advance(60)
        engine.next_part()
    assert engine.phase is Phase.FINISHED
    assert [s.words for s in engine.splits()] == [250, 150, 0]  # Now has no draft
    # Going back to a part makes it unfinished until it is moved past again.
    again = make(clock)
    again.start()
    again.next_part()
    again.previous_part()
    again.finish()
    assert [s.words for s in again.splits()] == [0, 0, 0]


def test_short_run_flag() -> None:
    clock = FakeClock()
    engine = make(clock)
    engine.start()
    clock.advance(4)
    engine.finish()
    assert engine.is_short
    assert engine.phase is Phase.FINISHED
    assert not engine.start()


def test_empty_plan_is_refused() -> None:
    with pytest.raises(BadInputError, match="nothing to rehearse"):
        RehearsalEngine([], FakeClock())


def test_parts_without_a_target_are_never_ahead_or_behind() -> None:
    clock = FakeClock()
    plan = [PlanPart(PartKind.SELF, 60), PlanPart(PartKind.US, 0, words=40)]
    engine = RehearsalEngine(plan, clock)
    engine.start()
    clock.advance(50)
    engine.next_part()
    clock.advance(90)
    assert engine.part_state() is TimerState.NONE
    assert engine.ahead_seconds() == 10
    assert engine.estimate_remaining() == 0  # Us has words but no estimate: nothing expected


def test_timer_state_without_target() -> None:
    assert timer_state(50, 0) is TimerState.NONE


def _narrative() -> Narrative:
    n = Narrative(title="Ward 7", pace_wpm=120)
    apply_preset(n, "linked_5")
    n.parts[PartKind.SELF].draft = " ".join(["word"] * 240)
    n.parts[PartKind.US].cues = ["the night shift"]
    return n


def test_plan_for_narrative_counts_words_and_estimates() -> None:
    plan = plan_for(_narrative())
    assert [p.kind for p in plan] == [PartKind.SELF, PartKind.US, PartKind.NOW]
    assert plan[0].words == 240
    assert plan[0].estimate_seconds == pytest.approx(120)
    assert [p.target_seconds for p in plan] == [120, 75, 105]


def test_plan_skips_parts_with_nothing_and_keeps_all_when_all_empty() -> None:
    n = Narrative()
    n.parts[PartKind.SELF] = StoryPart(PartKind.SELF, draft="I stayed.", target_seconds=120)
    assert [p.kind for p in plan_for(n)] == [PartKind.SELF]
    assert len(plan_for(Narrative())) == 3


def test_peer_plan_scales_targets_to_the_telling_slot() -> None:
    plan = peer_plan(_narrative())
    assert sum(p.target_seconds for p in plan) == PEER_TELLING_SECONDS
    assert [p.target_seconds for p in plan] == [48, 30, 42]
    # Without targets the slot is shared by draft length, evenly when nothing is written.
    n = Narrative()
    n.parts[PartKind.SELF].draft = "one two three"
    assert [p.target_seconds for p in peer_plan(n, 90)] == [90]
    assert [p.target_seconds for p in peer_plan(Narrative(), 120)] == [40, 40, 40]


def test_peer_countdown_pauses_and_goes_over() -> None:
    clock = FakeClock()
    timer = Countdown(180, clock)
    timer.start()
    clock.advance(170)
    assert timer.state() is TimerState.WARNING
    timer.toggle()
    clock.advance(100)
    assert timer.remaining() == 10
    timer.toggle()
    clock.advance(15)
    assert timer.remaining() == -5
    assert timer.state() is TimerState.OVER


def test_feedback_card_questions_are_ours_and_stable() -> None:
    questions = feedback_questions()
    assert [q.id for q in questions] == [
        "clearest_picture",
        "what_worked",
        "value_heard",
        "choice_heard",
        "could_say_yes",
        "needs_more",
    ]
    assert questions[4].prompt == "Could I say yes to the ask?"
    assert all(q.hint for q in questions)
