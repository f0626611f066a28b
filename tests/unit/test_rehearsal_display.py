"""The rehearsal display state: what the HUD says, computed from the engine over a fake clock."""

from __future__ import annotations

from narrative_app.domain import PartKind
from narrative_app.rehearsal.display import (
    Mode,
    TimeStatus,
    finish_summary,
    hud_state,
    lead_status,
    time_status,
)
from narrative_app.rehearsal.engine import PlanPart, RehearsalEngine
from narrative_app.rehearsal.peer import Countdown


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def engine(clock: Clock) -> RehearsalEngine:
    return RehearsalEngine([PlanPart(PartKind.SELF, 120), PlanPart(PartKind.US, 60),
                            PlanPart(PartKind.NOW, 120)], clock)


def test_time_status_is_the_budget_rule_within_close_over() -> None:
    assert time_status(119.6, 120) is TimeStatus.WITHIN  # shown as 0:00 left: within
    assert time_status(120, 120) is TimeStatus.WITHIN
    assert time_status(125, 120) is TimeStatus.CLOSE
    assert time_status(138, 120) is TimeStatus.CLOSE
    assert time_status(139, 120) is TimeStatus.OVER
    assert time_status(50, 0) is TimeStatus.NONE
    assert lead_status(19, 300) is TimeStatus.WITHIN
    assert lead_status(-5, 300) is TimeStatus.CLOSE
    assert lead_status(-60, 300) is TimeStatus.OVER


def test_hud_before_during_and_after_a_run() -> None:
    clock = Clock()
    run = engine(clock)
    ready = hud_state(run)
    assert (ready.part_name, ready.timer_text, ready.lead_text) == ("Story of Self", "2:00", "")
    assert ready.next_text == "Next: Story of Us"
    assert ready.total_text == "Total 0:00 of 5:00"
    assert "Press Space or F5 to start" in ready.status_note
    run.start()
    clock.now += 101
    during = hud_state(run)
    assert during.timer_text == "0:19 left" and during.timer_status is TimeStatus.WITHIN
    run.next_part()
    clock.now += 65
    moving = hud_state(run)
    assert moving.part_name == "Story of Us"
    assert moving.timer_text == "just over, by 0:05"
    assert moving.timer_status is TimeStatus.CLOSE
    assert moving.lead_text == "0:14 ahead" and moving.lead_status is TimeStatus.WITHIN
    assert moving.total_text.startswith("Total 2:46 of 5:00 · about")
    assert [s.current for s in moving.segments] == [False, True, False]
    run.next_part()
    clock.now += 150
    last = hud_state(run)
    assert last.timer_text == "over by 0:30" and last.timer_status is TimeStatus.OVER
    assert last.next_text == "Last part: Page Down ends the run"
    run.finish()
    done = hud_state(run, Mode.FINISHED)
    assert done.part_name == "Finished"
    assert done.timer_text == "5:16" and done.timer_status is TimeStatus.CLOSE
    assert done.lead_text == "just over, by 0:16" and done.lead_status is TimeStatus.CLOSE
    assert done.total_text == "Total 5:16 of 5:00, just over, by 0:16"


def test_feedback_countdown_in_the_hud() -> None:
    clock = Clock()
    run = engine(clock)
    run.start()
    clock.now += 30
    run.finish()
    feedback = Countdown(180, clock)
    feedback.start()
    clock.now += 200
    state = hud_state(run, Mode.FEEDBACK, feedback)
    assert state.part_name == "Feedback"
    assert state.timer_text == "just over, by 0:20"
    assert state.next_text == "Page Down when the feedback is done"
    # Under the feedback timer: the feedback's slot, not the telling's verdict.
    assert (state.lead_text, state.lead_status) == ("of 3:00 for feedback", TimeStatus.NONE)
    assert state.total_text == "Total 0:30 of 5:00"  # the telling, on its own line
    feedback.pause()
    assert "Feedback timer paused" in hud_state(run, Mode.FEEDBACK, feedback).status_note


def test_finish_summary_states_the_short_run_rule() -> None:
    clock = Clock()
    run = engine(clock)
    run.start()
    clock.now += 7
    run.finish()
    short = finish_summary(run)
    assert short.short
    assert short.question == "That run lasted only 0:07, under 0:30. Keep it anyway?"
    assert "Runs shorter than 0:30" in short.rule
    clock2 = Clock()
    longer = engine(clock2)
    longer.start()
    clock2.now += 33
    longer.finish()
    summary = finish_summary(longer)
    assert not summary.short
    assert summary.question == "Keep this run in your history?"
    assert summary.rule == short.rule  # one rule, stated the same way for every run
    assert summary.heading == "Run finished: 0:33 of 5:00, within time, 4:27 under"
    assert summary.parts[0].text == "Story of Self: 0:33 of 2:00, within time"


def test_an_injected_translator_is_used() -> None:
    clock = Clock()
    state = hud_state(engine(clock), tr=lambda text: text.replace("Next", "Suivant"))
    assert state.next_text == "Suivant: Story of Us"
