"""Coach: runs every rubric check over a narrative and returns the findings in order.

Layer: coach (pure, Qt-free). Per story: an empty draft gets "suggest" on every check (never
praise for nothing), and a draft the coach cannot read as English gets "suggest" with a hint
saying so. Otherwise each rule module decides. Whole-narrative checks come last, with spans
that carry the story they point into.
"""

from __future__ import annotations

from collections.abc import Callable

from narrative_app.coach import rules_all, rules_now, rules_story
from narrative_app.coach.findings import (
    ALL,
    MAX_SPANS,
    PART_CHECKS,
    Finding,
    Span,
    Verdict,
)
from narrative_app.coach.lexicon import general, label
from narrative_app.coach.text import Draft, Hit, prepared
from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.text.timing import Estimate

Rule = Callable[[Draft, str], Verdict]

# Checks that pass when a flaw is absent; they need some text before absence means anything.
ABSENCE_CHECKS = frozenset({"told_values", "resume", "too_many_moments"})
MIN_WORDS_FOR_ABSENCE = 12

_RULES: dict[str, Rule] = {
    "specific_moment": rules_story.specific_moment,
    "sensory_detail": rules_story.sensory_detail,
    "emotion": rules_story.emotion,
    "challenge": rules_story.challenge,
    "outcome": rules_story.outcome,
    "told_values": rules_story.told_values,
    "resume": rules_story.resume,
    "too_many_moments": rules_story.too_many_moments,
    "experiential_us": rules_story.experiential_us,
    "urgency": rules_now.urgency,
    "hope": rules_now.hope,
}


def _spans(hits: list[Hit], part: str) -> list[Span]:
    ordered = sorted({(h.start, h.end) for h in hits})
    return [Span(start, end, part) for start, end in ordered[:MAX_SPANS]]


def _finding(check: str, part: str, verdict: Verdict, span_part: str | None = None) -> Finding:
    return Finding(
        check=check,
        part=part,
        status=verdict.status,
        hint=verdict.hint,
        spans=_spans(verdict.hits, span_part or part),
        label=label(check),
    )


def part_findings(
    kind: PartKind, draft: Draft, fields: dict[str, str], ask: str = ""
) -> list[Finding]:
    """The findings of one story's own checks, in checklist order."""
    part = kind.value
    findings = []
    for check in PART_CHECKS[kind]:
        if draft.is_empty:
            verdict = Verdict.suggest(general("empty"))
        elif not draft.english:
            verdict = Verdict.suggest(general("not_english"))
        elif check in ABSENCE_CHECKS and draft.words < MIN_WORDS_FOR_ABSENCE:
            # "No CV here" means little in a dozen words: no praise for too little.
            verdict = Verdict.suggest(general("too_short"))
        elif check == "choice_point":
            verdict = rules_story.choice_point(draft, part, fields.get("choice", ""))
        elif check == "ask":
            verdict = rules_now.ask(draft, part, ask or fields.get("ask", ""))
        else:
            verdict = _RULES[check](draft, part)
        findings.append(_finding(check, part, verdict))
    return findings


def narrative_findings(
    narrative: Narrative,
    drafts: dict[PartKind, Draft],
    estimates: dict[PartKind, Estimate],
    total: Estimate,
) -> list[Finding]:
    """The whole-narrative findings: linked values, long sentences, jargon, length."""
    findings = []
    targets = {kind: narrative.parts[kind].target_seconds for kind in PART_ORDER}
    verdict, by_part = rules_all.linked_values(drafts, list(narrative.values), targets)
    findings.append(_across("linked_values", verdict, by_part))
    verdict, by_part = rules_all.long_sentences(drafts)
    findings.append(_across("long_sentences", verdict, by_part))
    verdict, by_part = rules_all.jargon(drafts)
    findings.append(_across("jargon", verdict, by_part))
    findings.append(_finding("length", ALL, rules_all.length(drafts, estimates, total)))
    return findings


def _across(check: str, verdict: Verdict, by_part: dict[PartKind, list[Hit]]) -> Finding:
    spans: list[Span] = []
    for kind in PART_ORDER:
        spans += _spans(by_part.get(kind, []), kind.value)
    return Finding(
        check=check,
        part=ALL,
        status=verdict.status,
        hint=verdict.hint,
        spans=spans[:MAX_SPANS],
        label=label(check),
    )


def run_checks(
    narrative: Narrative, estimates: dict[PartKind, Estimate], total: Estimate
) -> list[Finding]:
    """Every finding for the narrative: Self, Us, Now, then the whole-narrative checks."""
    drafts = {kind: prepared(narrative.parts[kind].draft or "") for kind in PART_ORDER}
    findings: list[Finding] = []
    for kind in PART_ORDER:
        part = narrative.parts[kind]
        ask = narrative.ask if kind is PartKind.NOW else ""
        findings += part_findings(kind, drafts[kind], part.fields, ask)
    findings += narrative_findings(narrative, drafts, estimates, total)
    return findings
