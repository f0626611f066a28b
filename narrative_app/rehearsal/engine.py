"""Rehearsal: the timing engine, a state machine over an injected monotonic clock.

Phases: ready, an optional countdown, running, paused and finished. Each part's time is
accumulated while it is the current part and the run is running, so time spent paused never
counts and going back to a part adds to that part's time. The engine never sleeps and never
reads the real clock itself: the caller passes ``clock`` (a callable returning monotonic
seconds), which lets a test of "two minutes elapsed" run in microseconds.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from narrative_app.domain import (
    DEFAULT_PACE_WPM,
    PART_ORDER,
    Narrative,
    PartKind,
    PartSplit,
    RehearsalRun,
)
from narrative_app.errors import BadInputError
from narrative_app.text.timing import count_words, estimate_seconds

Clock = Callable[[], float]

COUNTDOWN_SECONDS = 3.0
# The part timer turns amber in its last seconds, and red once the part is over its target.
WARNING_SECONDS = 15.0
# A run shorter than this is probably a false start: the window asks before keeping it.
SHORT_RUN_SECONDS = 10.0


class Phase(enum.StrEnum):
    READY = "ready"
    COUNTDOWN = "countdown"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class TimerState(enum.StrEnum):
    """How a timer sits against its target: no target, in time, last seconds, or over."""

    NONE = "none"
    NORMAL = "normal"
    WARNING = "warning"
    OVER = "over"


def timer_state(elapsed: float, target: float, warning: float = WARNING_SECONDS) -> TimerState:
    if target <= 0:
        return TimerState.NONE
    remaining = target - elapsed
    if remaining < 0:
        return TimerState.OVER
    if remaining <= warning:
        return TimerState.WARNING
    return TimerState.NORMAL


@dataclass(frozen=True)
class PlanPart:
    """One part to tell: its target, its draft's words and its estimated speaking time."""

    kind: PartKind
    target_seconds: int = 0
    words: int = 0
    estimate_seconds: float = 0.0

    @property
    def title(self) -> str:
        return self.kind.title


def plan_for(narrative: Narrative, pace_wpm: float | None = None) -> list[PlanPart]:
    """The parts to rehearse, in telling order.

    A part is included when it has a draft, cues or a target; a narrative where every part is
    empty still gets all three, so the timer works for a first telling from memory.
    """
    pace = pace_wpm or narrative.pace_wpm or DEFAULT_PACE_WPM
    plan = [
        PlanPart(
            kind=kind,
            target_seconds=max(0, int(part.target_seconds)),
            words=count_words(part.draft),
            estimate_seconds=estimate_seconds(part.draft, pace),
        )
        for kind in PART_ORDER
        for part in (narrative.parts[kind],)
    ]
    used = [
        p
        for p in plan
        if p.target_seconds > 0
        or narrative.parts[p.kind].draft.strip()
        or any(c.strip() for c in narrative.parts[p.kind].cues)
    ]
    return used or plan


class RehearsalEngine:
    """Times one telling of a narrative, part by part."""

    def __init__(
        self,
        plan: Sequence[PlanPart],
        clock: Clock,
        *,
        countdown_seconds: float = 0.0,
        total_target: int | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        if not plan:
            raise BadInputError("There is nothing to rehearse: add a part to the narrative first.")
        self.plan: tuple[PlanPart, ...] = tuple(plan)
        self._clock = clock
        self._now = now
        self.countdown_seconds = max(0.0, float(countdown_seconds))
        self._total_target = total_target
        n = len(self.plan)
        self._spent = [0.0] * n
        self._done = [False] * n
        self._index = 0
        self._phase = Phase.READY
        self._mark = 0.0  # clock time the current running stretch began
        self._countdown_end = 0.0
        self._paused_at = 0.0
        self.paused_seconds = 0.0
        self.pauses = 0
        self.started_at: datetime | None = None

    # -- state -----------------------------------------------------------------------------
    def _sync(self) -> float:
        """Read the clock once; move from countdown to running when the countdown is over."""
        now = self._clock()
        if self._phase is Phase.COUNTDOWN and now >= self._countdown_end:
            self._phase = Phase.RUNNING
            self._mark = self._countdown_end  # timing starts exactly when the countdown ends
        return now

    def _bank(self, now: float) -> None:
        """Add the running stretch so far to the current part."""
        if self._phase is Phase.RUNNING:
            self._spent[self._index] += max(0.0, now - self._mark)
            self._mark = now

    @property
    def phase(self) -> Phase:
        self._sync()
        return self._phase

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> PlanPart:
        return self.plan[self._index]

    @property
    def next(self) -> PlanPart | None:
        return self.plan[self._index + 1] if self._index + 1 < len(self.plan) else None

    @property
    def is_first(self) -> bool:
        return self._index == 0

    @property
    def is_last(self) -> bool:
        return self._index == len(self.plan) - 1

    def countdown_left(self) -> float:
        now = self._sync()
        if self._phase is not Phase.COUNTDOWN:
            return 0.0
        return max(0.0, self._countdown_end - now)

    # -- times -----------------------------------------------------------------------------
    def part_elapsed(self, index: int | None = None) -> float:
        now = self._sync()
        i = self._index if index is None else index
        if self._phase is Phase.RUNNING and i == self._index:
            return self._spent[i] + max(0.0, now - self._mark)
        return self._spent[i]

    def part_remaining(self, index: int | None = None) -> float:
        """Seconds left of the part's target; negative once it is over."""
        i = self._index if index is None else index
        return self.plan[i].target_seconds - self.part_elapsed(i)

    def part_overtime(self, index: int | None = None) -> float:
        i = self._index if index is None else index
        return max(0.0, self.part_elapsed(i) - self.plan[i].target_seconds)

    def part_state(self, index: int | None = None) -> TimerState:
        i = self._index if index is None else index
        return timer_state(self.part_elapsed(i), self.plan[i].target_seconds)

    def total_elapsed(self) -> float:
        return sum(self.part_elapsed(i) for i in range(len(self.plan)))

    @property
    def total_target(self) -> int:
        if self._total_target is not None:
            return self._total_target
        return sum(p.target_seconds for p in self.plan)

    def total_remaining(self) -> float:
        return self.total_target - self.total_elapsed()

    def total_overtime(self) -> float:
        return max(0.0, self.total_elapsed() - self.total_target)

    def total_state(self) -> TimerState:
        return timer_state(self.total_elapsed(), self.total_target)

    def ahead_seconds(self) -> float:
        """Seconds ahead of the cumulative targets (negative: behind).

        A finished part banks its target minus its time; a part still being told only counts
        against you once it runs over, so a steady telling is never "behind" mid-part.
        """
        total = 0.0
        for i, part in enumerate(self.plan):
            if part.target_seconds <= 0:  # a part without a target is never ahead or behind
                continue
            spent = self.part_elapsed(i)
            if self._done[i]:
                total += part.target_seconds - spent
            else:
                total -= max(0.0, spent - part.target_seconds)
        return total

    def _expected(self, part: PlanPart) -> float:
        return part.estimate_seconds if part.words > 0 else float(part.target_seconds)

    def estimate_remaining(self) -> float:
        """Estimated seconds still to speak: each unfinished part's expected time not yet used.

        A part's expected time is its draft at the plan's pace, or its target when it has no
        draft (a telling from cues or memory).
        """
        if self.phase is Phase.FINISHED:
            return 0.0
        return sum(
            max(0.0, self._expected(part) - self.part_elapsed(i))
            for i, part in enumerate(self.plan)
            if not self._done[i]
        )

    def projected_total(self) -> float:
        return self.total_elapsed() + self.estimate_remaining()

    @property
    def is_short(self) -> bool:
        return self.total_elapsed() < SHORT_RUN_SECONDS

    # -- commands --------------------------------------------------------------------------
    def start(self) -> bool:
        """Ready to countdown (or straight to running); paused to running."""
        now = self._sync()
        if self._phase is Phase.PAUSED:
            return self.resume()
        if self._phase is not Phase.READY:
            return False
        self.started_at = self._now()
        if self.countdown_seconds > 0:
            self._phase = Phase.COUNTDOWN
            self._countdown_end = now + self.countdown_seconds
        else:
            self._phase = Phase.RUNNING
            self._mark = now
        return True

    def pause(self) -> bool:
        now = self._sync()
        if self._phase is Phase.COUNTDOWN:  # pausing a countdown cancels it
            self._phase = Phase.READY
            self.started_at = None
            return True
        if self._phase is not Phase.RUNNING:
            return False
        self._bank(now)
        self._phase = Phase.PAUSED
        self._paused_at = now
        self.pauses += 1
        return True

    def resume(self) -> bool:
        now = self._sync()
        if self._phase is not Phase.PAUSED:
            return False
        self.paused_seconds += max(0.0, now - self._paused_at)
        self._phase = Phase.RUNNING
        self._mark = now
        return True

    def toggle(self) -> bool:
        """Space: start when ready, skip the countdown, pause when running, resume when paused."""
        now = self._sync()
        if self._phase is Phase.COUNTDOWN:
            self._phase = Phase.RUNNING
            self._mark = now
            return True
        if self._phase is Phase.RUNNING:
            return self.pause()
        return self.start()

    def next_part(self) -> bool:
        """Close the current part's split and move on; on the last part this ends the run."""
        now = self._sync()
        if self._phase not in (Phase.RUNNING, Phase.PAUSED):
            return False
        self._bank(now)
        self._done[self._index] = True
        if self.is_last:
            return self.finish()
        self._index += 1
        return True

    def previous_part(self) -> bool:
        """Go back a part (its time carries on adding up); before the first part, nothing."""
        now = self._sync()
        if self._phase not in (Phase.RUNNING, Phase.PAUSED) or self.is_first:
            return False
        self._bank(now)
        self._index -= 1
        self._done[self._index] = False
        return True

    def finish(self) -> bool:
        now = self._sync()
        if self._phase in (Phase.READY, Phase.FINISHED):
            return False
        if self._phase is Phase.PAUSED:
            self.paused_seconds += max(0.0, now - self._paused_at)
        self._bank(now)
        self._phase = Phase.FINISHED
        return True

    # -- result ----------------------------------------------------------------------------
    def splits(self, *, with_words: bool = True) -> list[PartSplit]:
        """One split per part of the plan.

        ``words`` is the draft's word count only for a part told to the end (moved past with
        next); a part cut short or never reached gets 0, so a run ended early never skews the
        measured pace (words per second of the parts told). ``with_words=False`` gives 0 for
        every part, for tellings that do not follow the draft (peer practice).
        """
        return [
            PartSplit(
                part=part.kind,
                seconds=round(self.part_elapsed(i), 2),
                target_seconds=part.target_seconds,
                words=part.words if with_words and self._done[i] else 0,
            )
            for i, part in enumerate(self.plan)
        ]

    def to_run(
        self,
        narrative_id: int,
        *,
        view: str = "cues",
        notes: str = "",
        feedback: dict[str, str] | None = None,
        with_words: bool = True,
    ) -> RehearsalRun:
        """The run as a domain object for the store (the engine should be finished)."""
        splits = self.splits(with_words=with_words)
        return RehearsalRun(
            narrative_id=narrative_id,
            started_at=self.started_at or self._now(),
            total_seconds=round(sum(s.seconds for s in splits), 2),
            splits=splits,
            view=view,
            notes=notes,
            feedback=dict(feedback or {}),
        )
