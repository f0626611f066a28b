"""Coach: the result types of the rubric checks (spans, findings, verdicts).

Layer: coach (pure, Qt-free). Kept apart from ``report.py`` so the rule modules can build
findings without importing the report builder. The check ids live in ``registry.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from narrative_app.coach.text import Hit

OK = "ok"
SUGGEST = "suggest"
ALL = "all"

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
    reason: str = ""  # one plain-English line: what earned the tick, or what was looked for

    @property
    def ok(self) -> bool:
        return self.status == OK


@dataclass
class Verdict:
    """What a rule decided, before it becomes a Finding: status, hint and evidence hits."""

    status: str
    hint: str
    hits: list[Hit] = field(default_factory=list)
    # Why, in plain English; empty means "say what was found, or what was looked for".
    reason: str = ""
    # Evidence in other stories, for whole-narrative checks: hits per part ("self" ...).
    parts: dict[str, list[Hit]] = field(default_factory=dict)

    @classmethod
    def ok(cls, hint: str, hits: list[Hit] | None = None, reason: str = "") -> Verdict:
        return cls(OK, hint, list(hits or []), reason)

    @classmethod
    def suggest(cls, hint: str, hits: list[Hit] | None = None, reason: str = "") -> Verdict:
        return cls(SUGGEST, hint, list(hits or []), reason)


MAX_SPANS = 12


def quote(text: str, limit: int = 60) -> str:
    """A short, single-line excerpt for a hint."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
