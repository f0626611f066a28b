"""Rehearsal: peer practice, a short telling (2:00) followed by listener feedback (3:00).

The telling is timed by the ordinary engine with the part targets scaled to fit the telling
slot; the feedback stage is a plain countdown over the same injected clock. The feedback card
questions are content, kept in ``resources/rehearsal/feedback.toml``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from functools import cache

from narrative_app.domain import Narrative
from narrative_app.paths import read_resource_text
from narrative_app.rehearsal.engine import Clock, PlanPart, TimerState, plan_for, timer_state

PEER_TELLING_SECONDS = 120
PEER_FEEDBACK_SECONDS = 180


@dataclass(frozen=True)
class FeedbackQuestion:
    id: str
    prompt: str
    hint: str = ""


@cache
def feedback_questions() -> tuple[FeedbackQuestion, ...]:
    data = tomllib.loads(read_resource_text("rehearsal", "feedback.toml"))
    return tuple(
        FeedbackQuestion(id=q["id"], prompt=q["prompt"], hint=q.get("hint", ""))
        for q in data["question"]
    )


def _share(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` whole seconds in proportion to ``weights`` (largest remainder)."""
    if not weights:
        return []
    if sum(weights) <= 0:
        weights = [1.0] * len(weights)
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    shares = [int(r) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: raw[i] - shares[i], reverse=True)
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def peer_plan(
    narrative: Narrative,
    telling_seconds: int = PEER_TELLING_SECONDS,
    pace_wpm: float | None = None,
) -> list[PlanPart]:
    """The narrative's parts with targets scaled to fit the telling slot.

    Targets keep their proportions; with no targets set, the parts share the slot by the
    length of their drafts, and evenly when nothing is written yet.
    """
    plan = plan_for(narrative, pace_wpm)
    weights = [float(p.target_seconds) for p in plan]
    if sum(weights) <= 0:
        weights = [float(p.words) for p in plan]
    shares = _share(int(telling_seconds), weights)
    return [replace(p, target_seconds=s) for p, s in zip(plan, shares, strict=True)]


class Countdown:
    """A pausable countdown over an injected clock; it keeps counting once past zero."""

    def __init__(self, seconds: float, clock: Clock) -> None:
        self.seconds = float(seconds)
        self._clock = clock
        self._spent = 0.0
        self._mark: float | None = None

    @property
    def running(self) -> bool:
        return self._mark is not None

    def start(self) -> None:
        if self._mark is None:
            self._mark = self._clock()

    def pause(self) -> None:
        if self._mark is not None:
            self._spent += max(0.0, self._clock() - self._mark)
            self._mark = None

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def elapsed(self) -> float:
        extra = max(0.0, self._clock() - self._mark) if self._mark is not None else 0.0
        return self._spent + extra

    def remaining(self) -> float:
        """Seconds left; negative once over."""
        return self.seconds - self.elapsed()

    def state(self) -> TimerState:
        return timer_state(self.elapsed(), self.seconds)
