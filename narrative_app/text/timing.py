"""Text: the timing model shared by the live budget, the library, the coach and rehearsal.

Estimated speaking time = words at the narrative's pace (125 words per minute by default,
replaced by the user's measured pace once they have rehearsed), plus about one second for
each paragraph break and each explicit ``[pause]`` marker. Times are shown as m:ss by
``format_seconds`` (one rounding, to the nearest second). Layer: text (Qt-free, the bottom).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from narrative_app.domain import DEFAULT_PACE_WPM, PART_ORDER, Narrative, PartKind
from narrative_app.method.presets import format_seconds
from narrative_app.text.words import (
    PAUSE_RE,
    WORD_RE,
    count_paragraphs,
    count_pauses,
    count_words,
)

PAUSE_SECONDS = 1.0  # a [pause] marker, and a paragraph break, are each about a second
AMBER_MARGIN = 0.15

__all__ = [
    "PAUSE_RE",
    "WORD_RE",
    "BudgetState",
    "Estimate",
    "Lead",
    "TextStats",
    "budget_state",
    "count_words",
    "estimate_narrative",
    "estimate_part",
    "estimate_seconds",
    "format_seconds",
    "lead_of",
    "seconds_for",
    "seconds_for_counts",
    "text_stats",
    "total_estimate",
]


class BudgetState(str, enum.Enum):
    """How an estimate sits against its target: green, amber (within 15%) or red."""

    NONE = "none"  # no target set
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True)
class TextStats:
    words: int
    paragraphs: int
    pauses: int

    @property
    def gaps(self) -> int:
        """The one-second gaps: paragraph breaks inside the text and its pause markers."""
        return max(0, self.paragraphs - 1) + self.pauses


@dataclass(frozen=True)
class Estimate:
    words: int
    seconds: float
    target_seconds: int
    gaps: int = 0

    @property
    def state(self) -> BudgetState:
        return budget_state(self.seconds, self.target_seconds)


def text_stats(text: str) -> TextStats:
    return TextStats(
        words=count_words(text), paragraphs=count_paragraphs(text), pauses=count_pauses(text)
    )


def estimate_seconds(text: str, pace_wpm: float = DEFAULT_PACE_WPM) -> float:
    return seconds_for(text_stats(text), pace_wpm)


def seconds_for(stats: TextStats, pace_wpm: float = DEFAULT_PACE_WPM) -> float:
    return seconds_for_counts(stats.words, stats.gaps, pace_wpm)


def seconds_for_counts(words: int, gaps: int, pace_wpm: float = DEFAULT_PACE_WPM) -> float:
    """The one estimate: words at the pace, plus a second for each gap. A whole narrative's
    estimate is this of its summed counts, so the library card (which has only the stored
    totals) and the workspace (which adds up the parts) show the same time."""
    pace = pace_wpm if pace_wpm and pace_wpm > 0 else DEFAULT_PACE_WPM
    return words * 60.0 / pace + gaps * PAUSE_SECONDS


def total_estimate(parts: list[Estimate], pace_wpm: float, target_seconds: int) -> Estimate:
    """The whole of some part estimates, through ``seconds_for_counts``."""
    words = sum(e.words for e in parts)
    gaps = sum(e.gaps for e in parts)
    return Estimate(words, seconds_for_counts(words, gaps, pace_wpm), target_seconds, gaps)


class Lead(str, enum.Enum):
    """Time in hand against a plan: on time (within a second), ahead or behind."""

    ON_TIME = "on_time"
    AHEAD = "ahead"
    BEHIND = "behind"


def lead_of(seconds: float) -> tuple[Lead, float]:
    """How ``seconds`` in hand reads (positive: ahead or under time), and by how much."""
    if abs(seconds) < 1:
        return Lead.ON_TIME, 0.0
    return (Lead.AHEAD if seconds > 0 else Lead.BEHIND), abs(seconds)


def budget_state(seconds: float, target_seconds: float) -> BudgetState:
    """Green up to the target, amber within 15% over it, red beyond."""
    if target_seconds <= 0:
        return BudgetState.NONE
    if seconds <= target_seconds:
        return BudgetState.GREEN
    if seconds <= target_seconds * (1 + AMBER_MARGIN):
        return BudgetState.AMBER
    return BudgetState.RED


def estimate_part(narrative: Narrative, kind: PartKind, pace_wpm: float | None = None) -> Estimate:
    part = narrative.parts[kind]
    stats = text_stats(part.draft)
    return Estimate(
        words=stats.words,
        seconds=seconds_for(stats, pace_wpm or narrative.pace_wpm),
        target_seconds=part.target_seconds,
        gaps=stats.gaps,
    )


def estimate_narrative(
    narrative: Narrative, pace_wpm: float | None = None
) -> tuple[dict[PartKind, Estimate], Estimate]:
    """Per-part estimates and the whole, at the given pace (else the narrative's own)."""
    parts = {kind: estimate_part(narrative, kind, pace_wpm) for kind in PART_ORDER}
    total = total_estimate(
        list(parts.values()), pace_wpm or narrative.pace_wpm, narrative.target_seconds
    )
    return parts, total
