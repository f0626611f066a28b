"""Rehearsal: which kept runs count towards the measured pace, and why the others do not.

The store measures the pace over the latest ``PACE_RUNS`` runs with spoken words, counting
only parts told to the end at a believable pace (``SPOKEN_WPM``). This module applies the
same rule to a list of domain runs so the history can say, run by run, whether it counts:
ended before a part was told to the end (Esc), peer practice, too fast (paged through),
too slow (left running), older than the runs in use, or timed by key presses while runs the
app listened to exist (the heard pace replaces the key-press pace). Qt-free.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from narrative_app.domain import PACE_RUNS, SPOKEN_WPM, PartSplit, RehearsalRun


class PaceReason(enum.StrEnum):
    COUNTS = "counts"
    PEER = "peer"
    ENDED_EARLY = "ended_early"
    TOO_FAST = "too_fast"
    TOO_SLOW = "too_slow"
    OLDER = "older"
    NOT_HEARD = "not_heard"  # timed by key presses while listened runs exist


@dataclass(frozen=True)
class RunPace:
    """One run's part in the measured pace: its reason and its own pace (words a minute)."""

    reason: PaceReason
    wpm: float | None = None

    @property
    def counts(self) -> bool:
        return self.reason is PaceReason.COUNTS


def _spoken(split: PartSplit) -> bool:
    slowest, fastest = SPOKEN_WPM
    return (split.words > 0 and split.seconds > 0
            and split.words * 60 <= split.seconds * fastest
            and split.words * 60 >= split.seconds * slowest)


def _wpm(splits: Sequence[PartSplit]) -> float | None:
    words = sum(s.words for s in splits)
    seconds = sum(s.seconds for s in splits)
    return round(words * 60.0 / seconds, 1) if words and seconds > 0 else None


def run_pace(run: RehearsalRun) -> RunPace:
    """Whether the run could count, ignoring how recent it is."""
    told = [s for s in run.splits if s.words > 0]
    if not told:  # a peer telling is kept without words: it does not follow the draft
        return RunPace(PaceReason.PEER if run.view == "peer" else PaceReason.ENDED_EARLY)
    spoken = [s for s in told if _spoken(s)]
    if spoken:
        return RunPace(PaceReason.COUNTS, _wpm(spoken))
    wpm = _wpm(told)
    fast = wpm is not None and wpm > SPOKEN_WPM[1]
    return RunPace(PaceReason.TOO_FAST if fast else PaceReason.TOO_SLOW, wpm)


def pace_verdicts(runs: Sequence[RehearsalRun]) -> list[RunPace]:
    """For each run (in the order given, oldest first), whether it counts and why."""
    verdicts = [run_pace(run) for run in runs]
    if any(run.speech for run in runs):  # heard pace replaces the key-press pace
        verdicts = [RunPace(PaceReason.NOT_HEARD, v.wpm) if v.counts and not run.speech else v
                    for v, run in zip(verdicts, runs, strict=True)]
    in_use = 0
    for i in sorted(range(len(runs)), key=lambda i: (runs[i].started_at, runs[i].id or 0),
                    reverse=True):
        if verdicts[i].counts:
            in_use += 1
            if in_use > PACE_RUNS:
                verdicts[i] = RunPace(PaceReason.OLDER, verdicts[i].wpm)
    return verdicts


@dataclass(frozen=True)
class PacePoint:
    """One run's pace in the history chart: its place among the runs given, and its pace."""

    run: int
    wpm: float


@dataclass(frozen=True)
class PaceTrend:
    """The pace across runs (oldest first), as the history chart draws it: the key-press pace
    of runs told at a believable pace without listening, and the heard pace of listened runs."""

    keyed: list[PacePoint]
    heard: list[PacePoint]

    @property
    def empty(self) -> bool:
        return not self.keyed and not self.heard


def heard_wpm(run: RehearsalRun) -> float | None:
    """The pace the app heard in a listened run (words heard a minute), else None."""
    overall = run.speech.get("overall") if run.speech else None
    if not isinstance(overall, dict) or not overall.get("words"):
        return None
    wpm = float(overall.get("wpm", 0) or 0)
    return wpm if wpm > 0 else None


def pace_trend(runs: Sequence[RehearsalRun]) -> PaceTrend:
    keyed: list[PacePoint] = []
    heard: list[PacePoint] = []
    for index, run in enumerate(runs):
        if run.speech:
            wpm = heard_wpm(run)
            if wpm is not None:
                heard.append(PacePoint(index, wpm))
            continue
        verdict = run_pace(run)
        if verdict.counts and verdict.wpm is not None:  # paged-through runs would be noise
            keyed.append(PacePoint(index, verdict.wpm))
    return PaceTrend(keyed, heard)
