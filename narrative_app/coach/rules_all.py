"""Coach: the whole-narrative checks (linked values, long sentences, jargon, length).

Layer: coach (pure, Qt-free). These rules look across all three stories; their evidence
hits are returned per story so each span can carry the part it belongs to.
"""

from __future__ import annotations

import re
from functools import cache

from narrative_app.coach.findings import SUGGEST, Verdict
from narrative_app.coach.lexicon import general, hint, word_set
from narrative_app.coach.text import Draft, Hit, content_words, stem
from narrative_app.domain import PART_ORDER, PartKind
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


def linked_values(
    drafts: dict[PartKind, Draft], values: list[str], targets: dict[PartKind, int]
) -> tuple[Verdict, PartHits]:
    """Ok when a chosen value, or a distinctive word, runs through the written stories.

    The stories that need linking are those with a time target (all three when none has
    one); until they are all written, and there are at least two, the coach suggests.
    """
    written = _written(drafts)
    needed = [k for k in PART_ORDER if targets.get(k, 0) > 0] or list(PART_ORDER)
    if len(written) < 2 or any(k not in written for k in needed):
        return Verdict.suggest(hint("linked_values", "too_few")), {}
    stems_by_part = {kind: _all_stems(drafts[kind].text) for kind in written}
    for value in values:
        value_stems = {stem(w) for w in _WORD_RE.findall(value) if len(w) >= 4}
        parts = [k for k in written if value_stems & stems_by_part[k]]
        if value_stems and len(parts) >= 2:
            word = value.strip()
            return Verdict.ok(hint("linked_values", "ok", word=word)), _word_hits(
                drafts, parts, value_stems
            )
    shared = set.intersection(*(content_words(drafts[k].text) for k in written))
    if shared:
        word = _first_in(drafts[written[0]].text, shared)
        return Verdict.ok(hint("linked_values", "ok", word=word)), _word_hits(
            drafts, written, {stem(word)}
        )
    chosen = [v.strip() for v in values if v.strip()]
    if chosen:
        return Verdict.suggest(hint("linked_values", "values", values=", ".join(chosen))), {}
    return Verdict.suggest(hint("linked_values", "suggest")), {}


def _all_stems(text: str) -> set[str]:
    return {stem(w) for w in set(_WORD_RE.findall(text.lower())) if len(w) >= 3}


def _first_in(text: str, stems: set[str]) -> str:
    for match in _WORD_RE.finditer(text):
        if stem(match.group(0)) in stems:
            return match.group(0).lower()
    return sorted(stems)[0]


def _word_hits(drafts: dict[PartKind, Draft], parts: list[PartKind], stems: set[str]) -> PartHits:
    out: PartHits = {}
    for kind in parts:
        hits: list[Hit] = []
        for m in _WORD_RE.finditer(drafts[kind].text):
            if stem(m.group(0)) in stems:
                hits.append(Hit(m.start(), m.end(), m.group(0)))
                if len(hits) == LINKED_SPANS:
                    break
        out[kind] = hits
    return out


def long_sentences(drafts: dict[PartKind, Draft]) -> tuple[Verdict, PartHits]:
    written = _written(drafts)
    if not written:
        return Verdict.suggest(general("empty")), {}
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
        return Verdict.suggest(hint("long_sentences", key, count=count)), found
    return Verdict.ok(hint("long_sentences", "ok")), {}


def jargon(drafts: dict[PartKind, Draft]) -> tuple[Verdict, PartHits]:
    written = _written(drafts)
    if not written:
        return Verdict.suggest(general("empty")), {}
    found: PartHits = {}
    for kind in written:
        hits = _acronyms(drafts[kind].text) + drafts[kind].hits("jargon")
        if hits:
            found[kind] = sorted(hits, key=lambda h: h.start)
    if not found:
        return Verdict.ok(hint("jargon", "ok")), {}
    examples: list[str] = []
    for kind in written:
        for h in found.get(kind, []):
            shown = " ".join(h.text.split())
            if shown.lower() not in {e.lower() for e in examples}:
                examples.append(shown)
    shown = [f"“{e}”" for e in examples[:JARGON_EXAMPLES]]
    joined = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return Verdict.suggest(hint("jargon", "suggest", examples=joined)), found


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
