"""Coach: the timing model shared by the live budget, the coach report and rehearsal.

Estimated speaking time = words at the narrative's pace (125 words per minute by default,
replaced by the user's measured pace once they have rehearsed), plus about one second for
each paragraph break and each explicit ``[pause]`` marker.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from narrative_app.domain import DEFAULT_PACE_WPM, PART_ORDER, Narrative, PartKind

PAUSE_SECONDS = 1.0
PARAGRAPH_SECONDS = 1.0
AMBER_MARGIN = 0.15

PAUSE_RE = re.compile(r"\[\s*pause\s*\]", re.IGNORECASE)
# A word is a run of letters or digits, with inner apostrophes or hyphens ("don't", "Ward-7").
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
PARAGRAPH_SPLIT_RE = re.compile(r"\n\s*\n")


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


@dataclass(frozen=True)
class Estimate:
    words: int
    seconds: float
    target_seconds: int

    @property
    def state(self) -> BudgetState:
        return budget_state(self.seconds, self.target_seconds)


def count_words(text: str) -> int:
    return sum(1 for _ in WORD_RE.finditer(PAUSE_RE.sub(" ", text)))


def text_stats(text: str) -> TextStats:
    pauses = len(PAUSE_RE.findall(text))
    words = count_words(text)
    paragraphs = sum(1 for block in PARAGRAPH_SPLIT_RE.split(text) if WORD_RE.search(block))
    return TextStats(words=words, paragraphs=paragraphs, pauses=pauses)


def estimate_seconds(text: str, pace_wpm: float = DEFAULT_PACE_WPM) -> float:
    return seconds_for(text_stats(text), pace_wpm)


def seconds_for(stats: TextStats, pace_wpm: float = DEFAULT_PACE_WPM) -> float:
    pace = pace_wpm if pace_wpm and pace_wpm > 0 else DEFAULT_PACE_WPM
    breaks = max(0, stats.paragraphs - 1)
    return stats.words * 60.0 / pace + breaks * PARAGRAPH_SECONDS + stats.pauses * PAUSE_SECONDS


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
    )


def estimate_narrative(
    narrative: Narrative, pace_wpm: float | None = None
) -> tuple[dict[PartKind, Estimate], Estimate]:
    """Per-part estimates and the whole, at the given pace (else the narrative's own)."""
    parts = {kind: estimate_part(narrative, kind, pace_wpm) for kind in PART_ORDER}
    total = Estimate(
        words=sum(e.words for e in parts.values()),
        seconds=sum(e.seconds for e in parts.values()),
        target_seconds=narrative.target_seconds,
    )
    return parts, total
