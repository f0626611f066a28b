"""Coach: the coach report for a narrative, and its JSON and plain-text forms.

Layer: coach (pure, Qt-free). ``build_report`` is the one entry point the UI and the command
line use; it is fast enough to run after every pause in typing (about a millisecond for a
1,000-word narrative).

JSON form (``report_to_json``), the contract of ``narrative-app check --json``::

    {"parts":  {"self": {"words": 212, "seconds": 104.8, "target_seconds": 120}, "us": {...},
                "now": {...}},
     "checks": [{"check": "choice_point", "part": "self", "status": "suggest",
                 "hint": "Where is the moment you chose? ...",
                 "spans": [{"part": "self", "start": 10, "end": 52, "text": "..."}],
                 "reason": "Looked for a sentence where you decide or act ..."}, ...]}

``part`` of a check is "self", "us", "now" or "all". Every span names the story it points
into (for "all" checks, the story each span is in) and gives character offsets ``[start,
end)`` into that story's draft as stored (Markdown included), plus ``text``: the spanned
text, shortened to 120 characters with "…" when longer. Checks come in a stable order:
Self, Us, Now (each in its checklist order), then linked_values, long_sentences, jargon,
length. ``seconds`` is rounded to one decimal. ``reason`` is one plain-English line: for "ok",
what earned it (quoting the evidence); for "suggest", what was looked for and not found.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from narrative_app.coach.checks import run_checks
from narrative_app.coach.findings import ALL, OK, SUGGEST, Finding, Span
from narrative_app.coach.lexicon import general
from narrative_app.domain import DEFAULT_PACE_WPM, PART_ORDER, Narrative, PartKind
from narrative_app.method.presets import format_seconds
from narrative_app.text.timing import Estimate, estimate_narrative

__all__ = [
    "ALL",
    "OK",
    "SUGGEST",
    "CoachReport",
    "Finding",
    "PartTiming",
    "Span",
    "build_report",
    "report_to_json",
    "report_to_text",
]

SPAN_TEXT_LIMIT = 120


# A part's words, estimated seconds and target: the timing model's own estimate.
PartTiming = Estimate


@dataclass
class CoachReport:
    """Per-story timing, the whole narrative's timing, and every check's finding."""

    parts: dict[PartKind, PartTiming]
    total: PartTiming
    checks: list[Finding]
    pace_wpm: float
    drafts: dict[PartKind, str] = field(default_factory=dict, repr=False)

    def findings_for(self, part: PartKind | str | None) -> list[Finding]:
        """One story's findings (or the whole-narrative ones for None or "all")."""
        key = ALL if part is None else getattr(part, "value", part)
        return [f for f in self.checks if f.part == key]

    def finding(self, check: str, part: PartKind | str) -> Finding:
        key = getattr(part, "value", part)
        return next(f for f in self.checks if f.check == check and f.part == key)

    @property
    def suggestions(self) -> list[Finding]:
        return [f for f in self.checks if f.status == SUGGEST]

    def span_text(self, span: Span) -> str:
        draft = self.drafts.get(PartKind(span.part), "") if span.part else ""
        return draft[span.start : span.end]


def build_report(narrative: Narrative, pace_wpm: float | None = None) -> CoachReport:
    """The coach report for ``narrative`` at ``pace_wpm`` (else the narrative's own pace).

    Pass the user's measured pace once they have rehearsed. Pure: no Qt, no I/O after the
    word lists are first loaded; never raises on odd text.
    """
    pace = pace_wpm if pace_wpm and pace_wpm > 0 else (narrative.pace_wpm or DEFAULT_PACE_WPM)
    estimates, total = estimate_narrative(narrative, pace)
    return CoachReport(
        parts={kind: estimates[kind] for kind in PART_ORDER},
        total=total,
        checks=run_checks(narrative, estimates, total),
        pace_wpm=float(pace),
        drafts={kind: narrative.parts[kind].draft or "" for kind in PART_ORDER},
    )


def _span_json(report: CoachReport, span: Span) -> dict:
    text = " ".join(report.span_text(span).split())
    if len(text) > SPAN_TEXT_LIMIT:
        text = text[: SPAN_TEXT_LIMIT - 1].rstrip() + "…"
    return {"part": span.part, "start": span.start, "end": span.end, "text": text}


def report_to_json(report: CoachReport) -> dict:
    """The report as plain JSON-ready data (see the module docstring for the shape)."""
    return {
        "parts": {
            kind.value: {
                "words": timing.words,
                "seconds": round(timing.seconds, 1),
                "target_seconds": timing.target_seconds,
            }
            for kind, timing in report.parts.items()
        },
        "checks": [
            {
                "check": f.check,
                "part": f.part,
                "status": f.status,
                "hint": f.hint,
                "spans": [_span_json(report, s) for s in f.spans],
                "reason": f.reason,
            }
            for f in report.checks
        ],
    }


def _timing_line(title: str, timing: PartTiming) -> str:
    words = f"{timing.words} word{'s' if timing.words != 1 else ''}"
    line = f"{title}: {words}, about {format_seconds(timing.seconds)}"
    if timing.target_seconds > 0:
        line += f" (target {format_seconds(timing.target_seconds)})"
    return line


def _finding_lines(findings: list[Finding]) -> tuple[list[str], int]:
    """The lines for one group, and how many of them are suggestions worth counting.

    A suggestion without evidence that repeats one already shown in the group (an empty
    story gives every check the same "Nothing written here yet") is printed once, and the
    "nothing written" line is a state, not a suggestion, so it is not counted.
    """
    lines: list[str] = []
    shown: set[str] = set()
    counted = 0
    empty = general("empty")
    for f in findings:
        if f.status == OK:
            lines.append(f"  done  {f.label}")
            continue
        if not f.spans and f.hint in shown:
            continue
        shown.add(f.hint)
        lines.append(f"  try   {f.hint}")
        counted += f.hint != empty
    return lines, counted


def report_to_text(report: CoachReport, title: str = "") -> str:
    """A readable report for the command line: timings, then each story's checklist."""
    lines = [f"Coach report: {title}" if title else "Coach report"]
    lines.append(f"Timed at {round(report.pace_wpm)} words a minute.")
    count = 0
    for kind in PART_ORDER:
        lines.append("")
        lines.append(_timing_line(kind.title, report.parts[kind]))
        group, counted = _finding_lines(report.findings_for(kind))
        lines += group
        count += counted
    lines.append("")
    lines.append(_timing_line("Whole narrative", report.total))
    group, counted = _finding_lines(report.findings_for(ALL))
    lines += group
    count += counted
    lines.append("")
    if count:
        plural = "s" if count != 1 else ""
        lines.append(f"{count} suggestion{plural} to try. Tell it aloud, then tell it again.")
    else:
        lines.append("Nothing to suggest. Tell it aloud to someone and listen to what they heard.")
    return "\n".join(lines) + "\n"
