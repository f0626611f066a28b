"""Coach: runs every check of the registry over a narrative and returns the findings in order.

Layer: coach (pure, Qt-free). Per story: an empty draft gets "suggest" on every check (never
praise for nothing), and a draft the coach cannot read as English gets "suggest" with a hint
saying so. Otherwise each check's rule decides (``registry.CHECKS``). Whole-narrative checks
come last, with spans that carry the story they point into. Every finding has a reason: the
rule's own, or else what was found (quoting the first evidence) or what was looked for.
"""

from __future__ import annotations

from narrative_app.coach import learned
from narrative_app.coach.findings import ALL, MAX_SPANS, OK, Finding, Span, Verdict, quote
from narrative_app.coach.lexicon import general, label, reason
from narrative_app.coach.registry import CHECKS, Check, Context
from narrative_app.coach.text import Draft, Hit, prepared
from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.text.sentences import split_sentences
from narrative_app.text.timing import Estimate


def _spans(hits: list[Hit], part: str) -> list[Span]:
    """Spans in the rule's order (its strongest evidence first), each place once."""
    seen: set[tuple[int, int]] = set()
    spans = []
    for h in hits:
        if (h.start, h.end) not in seen:
            seen.add((h.start, h.end))
            spans.append(Span(h.start, h.end, part))
    return spans[:MAX_SPANS]


def _reason(check: str, verdict: Verdict, drafts: dict[str, str]) -> str:
    if verdict.reason:
        return verdict.reason
    if verdict.status == OK:
        first = _first_evidence(verdict, drafts)
        text = reason(check, "found", quote=quote(first, 80)) if first else ""
        return text or reason(check, "ok")
    return reason(check, "missing")


def _first_evidence(verdict: Verdict, drafts: dict[str, str]) -> str:
    """The sentence around the first piece of evidence (the whole hit when longer)."""
    found = [(p, h) for p, h in ((next(iter(drafts), ""), h) for h in verdict.hits[:1])]
    for kind in PART_ORDER:
        found += [(kind.value, h) for h in verdict.parts.get(kind.value, [])[:1]]
    if not found:
        return ""
    part, hit = found[0]
    text = drafts.get(part, "")
    for sentence in split_sentences(text):
        if sentence.start <= hit.start < sentence.end:
            return text[sentence.start : max(sentence.end, hit.end)]
    return hit.text


def _finding(spec: Check, part: str, verdict: Verdict, drafts: dict[str, str]) -> Finding:
    spans = _spans(verdict.hits, part)
    for kind in PART_ORDER:
        spans += _spans(verdict.parts.get(kind.value, []), kind.value)
    return Finding(
        check=spec.id,
        part=part,
        status=verdict.status,
        hint=verdict.hint,
        spans=spans[:MAX_SPANS],
        label=label(spec.id),
        reason=_reason(spec.id, verdict, drafts),
    )


def _story_verdict(spec: Check, ctx: Context) -> Verdict:
    draft = ctx.draft
    assert draft is not None
    if draft.is_empty:
        return Verdict.suggest(general("empty"), reason=general("empty_reason"))
    if not draft.english:
        return Verdict.suggest(general("not_english"), reason=general("not_english"))
    if draft.words < spec.min_words:
        # "No CV here" means little in a dozen words: no praise for too little.
        return Verdict.suggest(general("too_short"), reason=general("too_short_reason"))
    return learned.adjust(spec.id, draft, ctx.part, spec.rule(ctx))


def part_findings(
    kind: PartKind, draft: Draft, fields: dict[str, str], ask: str = ""
) -> list[Finding]:
    """The findings of one story's own checks, in checklist order."""
    part = kind.value
    findings = []
    for spec in CHECKS:
        if part not in spec.parts:
            continue
        ctx = Context(part=part, draft=draft, fields=fields, ask=ask)
        findings.append(_finding(spec, part, _story_verdict(spec, ctx), {part: draft.text}))
    return findings


def narrative_findings(
    narrative: Narrative,
    drafts: dict[PartKind, Draft],
    estimates: dict[PartKind, Estimate],
    total: Estimate,
) -> list[Finding]:
    """The whole-narrative findings: linked values, long sentences, jargon, length."""
    ctx = Context(
        part=ALL, narrative=narrative, drafts=drafts, estimates=estimates, total=total
    )
    texts = {kind.value: draft.text for kind, draft in drafts.items()}
    return [_finding(spec, ALL, spec.rule(ctx), texts) for spec in CHECKS if ALL in spec.parts]


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
