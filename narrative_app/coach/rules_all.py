"""Coach: the whole-narrative checks (linked values, long sentences, jargon, length).

Layer: coach (pure, Qt-free). These rules look across all three stories; their evidence
hits are returned per story so each span can carry the part it belongs to.
"""

from __future__ import annotations

import re
from functools import cache

from narrative_app.coach.findings import OK, SUGGEST, Verdict
from narrative_app.coach.lexicon import general, hint, reason, word_set
from narrative_app.coach.links import measure_links
from narrative_app.coach.text import Draft, Hit
from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.method.presets import format_seconds
from narrative_app.text.timing import Estimate

LONG_SENTENCE_WORDS = 25
SHOUTING_SHARE = 0.3  # a text mostly in capitals is shouting, not acronyms
JARGON_EXAMPLES = 3
LINKED_SPANS = 3  # evidence spans per story for a linked value

_ACRONYM_RE = re.compile(r"(?<![\w&])(?:[A-Z][A-Z&]*[A-Z][0-9]*s?|Q[1-4])(?![\w&])")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

PartHits = dict[PartKind, list[Hit]]


def _written(drafts: dict[PartKind, Draft]) -> list[PartKind]:
    return [kind for kind in PART_ORDER if not drafts[kind].is_empty]


def linked_values(narrative: Narrative, drafts: dict[PartKind, Draft]) -> Verdict:
    """Ok when the chosen values, shown through their families, and an image run through
    the written stories (``links.measure_links``, the Link page's own measure).

    The stories that need linking are those with a time target (all three when none has
    one); until they are all written, and there are at least two, the coach suggests.
    """
    written = _written(drafts)
    targets = {kind: narrative.parts[kind].target_seconds for kind in PART_ORDER}
    needed = [k for k in PART_ORDER if targets.get(k, 0) > 0] or list(PART_ORDER)
    if len(written) < 2 or any(k not in written for k in needed):
        return Verdict.suggest(
            hint("linked_values", "too_few"), reason=reason("linked_values", "too_few")
        )
    chosen = [v.strip() for v in narrative.values if v.strip()]
    if not chosen:
        return Verdict.suggest(
            hint("linked_values", "no_values"), reason=reason("linked_values", "no_values")
        )
    measure = measure_links({k: drafts[k].text for k in written}, chosen)
    shared = measure.shared_values
    parts: dict[str, list[Hit]] = {}
    for kind in written:
        wanted = shared or measure.heard_values
        marks = [m for m in measure.marks[kind] if m.value in wanted][:LINKED_SPANS]
        marks += measure.image_marks.get(kind, [])[:1]
        parts[kind.value] = [Hit(m.start, m.end, m.word) for m in marks]
    if measure.linked:
        named = shared or measure.heard_values
        return Verdict(
            OK,
            hint("linked_values", "ok", word=(shared[:1] or measure.images[:1])[0]),
            reason=reason(
                "linked_values",
                ("found" if measure.images else "echo") if shared else "image",
                values=", ".join(named),
                images=", ".join(measure.images) or "a second value",
            ),
            parts=parts,
        )
    missing = [v for v in chosen if v not in shared]
    if shared:
        return Verdict.suggest(
            hint("linked_values", "image", values=", ".join(shared)),
            reason=reason("linked_values", "no_image", values=", ".join(shared)),
        )
    return Verdict.suggest(
        hint("linked_values", "values", values=", ".join(chosen)),
        reason=reason("linked_values", "missing", values=", ".join(missing)),
    )


def long_sentences(drafts: dict[PartKind, Draft]) -> Verdict:
    written = _written(drafts)
    if not written:
        return Verdict.suggest(general("empty"))
    found: PartHits = {}
    for kind in written:
        draft = drafts[kind]
        long = [
            Hit(s.start, s.end, draft.text[s.start : s.end])
            for s in draft.sentences
            if s.words > LONG_SENTENCE_WORDS
        ]
        if long:
            found[kind] = long
    count = sum(len(v) for v in found.values())
    if count:
        key = "suggest_one" if count == 1 else "suggest"
        return Verdict(
            SUGGEST, hint("long_sentences", key, count=count), parts=_by_part(found)
        )
    return Verdict.ok(hint("long_sentences", "ok"))


def jargon(drafts: dict[PartKind, Draft]) -> Verdict:
    written = _written(drafts)
    if not written:
        return Verdict.suggest(general("empty"))
    found: PartHits = {}
    for kind in written:
        hits = _acronyms(drafts[kind].text) + drafts[kind].hits("jargon")
        if hits:
            found[kind] = sorted(hits, key=lambda h: h.start)
    if not found:
        return Verdict.ok(hint("jargon", "ok"))
    examples: list[str] = []
    for kind in written:
        for h in found.get(kind, []):
            shown = " ".join(h.text.split())
            if shown.lower() not in {e.lower() for e in examples}:
                examples.append(shown)
    quoted = [f"“{e}”" for e in examples[:JARGON_EXAMPLES]]
    joined = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return Verdict(SUGGEST, hint("jargon", "suggest", examples=joined), parts=_by_part(found))


def _by_part(found: PartHits) -> dict[str, list[Hit]]:
    return {kind.value: hits for kind, hits in found.items()}


def _acronyms(text: str) -> list[Hit]:
    allowed = _allowed_acronyms()
    hits = []
    for m in _ACRONYM_RE.finditer(text):
        token = m.group(0)
        bare = token[:-1] if token.endswith("s") else token
        if token.lower() in allowed or bare.lower() in allowed:
            continue
        hits.append(Hit(m.start(), m.end(), token))
    if not hits:
        return hits
    words = _WORD_RE.findall(text[:20000])
    capitals = sum(1 for w in words if len(w) > 1 and w.isupper())
    if words and capitals / len(words) >= SHOUTING_SHARE:
        return []
    return hits


@cache
def _allowed_acronyms() -> frozenset[str]:
    return frozenset(w.lower() for w in word_set("acronym_ok"))


def length(
    drafts: dict[PartKind, Draft], estimates: dict[PartKind, Estimate], total: Estimate
) -> Verdict:
    if not _written(drafts):
        return Verdict.suggest(hint("length", "no_text"))
    problems: list[str] = []
    for kind in PART_ORDER:
        estimate = estimates[kind]
        if estimate.target_seconds <= 0:
            continue
        target = format_seconds(estimate.target_seconds)
        if drafts[kind].is_empty:
            problems.append(hint("length", "empty_target", story=kind.title, target=target))
        elif estimate.seconds > estimate.target_seconds:
            seconds = format_seconds(round(estimate.seconds))
            problems.append(
                hint("length", "over", story=kind.title, seconds=seconds, target=target)
            )
    if not problems and total.target_seconds > 0 and total.seconds > total.target_seconds:
        problems.append(
            hint(
                "length",
                "total_over",
                seconds=format_seconds(round(total.seconds)),
                target=format_seconds(total.target_seconds),
            )
        )
    if problems:
        return Verdict(SUGGEST, " ".join(problems[:2]) + (" …" if len(problems) > 2 else ""))
    return Verdict.ok(hint("length", "ok"))
