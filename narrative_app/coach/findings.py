"""Coach: the result types of the rubric checks (spans, findings, verdicts) and the check ids.

Layer: coach (pure, Qt-free). Kept apart from ``report.py`` so the rule modules can build
findings without importing the report builder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from narrative_app.coach.text import Hit
from narrative_app.domain import PartKind

OK = "ok"
SUGGEST = "suggest"
ALL = "all"

# The stable check ids, per story, in the order the coach shows them.
PART_CHECKS: dict[PartKind, tuple[str, ...]] = {
    PartKind.SELF: (
        "specific_moment",
        "sensory_detail",
        "emotion",
        "challenge",
        "choice_point",
        "outcome",
        "told_values",
        "resume",
        "too_many_moments",
    ),
    PartKind.US: ("specific_moment", "sensory_detail", "experiential_us"),
    PartKind.NOW: ("urgency", "hope", "ask"),
}
NARRATIVE_CHECKS: tuple[str, ...] = ("linked_values", "long_sentences", "jargon", "length")


@dataclass(frozen=True)
class Span:
    """A stretch of one story's draft: character offsets ``[start, end)`` into that draft."""

    start: int
    end: int
    part: str = ""


@dataclass
class Finding:
    """One check's verdict: ``status`` is "ok" or "suggest", ``hint`` one kind line."""

    check: str
    part: str  # "self", "us", "now" or "all"
    status: str
    hint: str
    spans: list[Span] = field(default_factory=list)
    label: str = ""

    @property
    def ok(self) -> bool:
        return self.status == OK


@dataclass
class Verdict:
    """What a rule decided, before it becomes a Finding: status, hint and evidence hits."""

    status: str
    hint: str
    hits: list[Hit] = field(default_factory=list)

    @classmethod
    def ok(cls, hint: str, hits: list[Hit] | None = None) -> Verdict:
        return cls(OK, hint, list(hits or []))

    @classmethod
    def suggest(cls, hint: str, hits: list[Hit] | None = None) -> Verdict:
        return cls(SUGGEST, hint, list(hits or []))


MAX_SPANS = 12


def quote(text: str, limit: int = 60) -> str:
    """A short, single-line excerpt for a hint."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
