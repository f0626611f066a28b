"""Coach: the rubric checks for the Story of Now (urgency, hope, and one clear ask).

Layer: coach (pure, Qt-free). The ask check finds the sentences that ask (a marker such as
"I'm asking you to" or "Will you", or a sentence that starts with an action verb, as list
items often do), splits what follows into clauses, and counts the distinct actions that
start those clauses: none is a missing ask, two or more is several, one that is only
"raise awareness" or "support us" with no day, number or place is vague.
"""

from __future__ import annotations

import re

from narrative_app.coach.findings import Verdict, quote
from narrative_app.coach.lexicon import hint, word_set
from narrative_app.coach.text import Draft, Hit, distinct

URGENCY_MIN = 2
HOPE_MIN = 2
ASK_REACH = 400  # characters after a marker that can still belong to the same ask
VAGUE_VERBS = frozenset({"help", "support", "think", "consider", "reflect", "raise", "spread"})

_CLAUSE_SPLIT_RE = re.compile(r"[,;:()—–]|\s-\s|\band\b|\bor\b|\bthen\b|\balso\b", re.IGNORECASE)
_LEADING_FILLER_RE = re.compile(
    r"^(?:[\s\-*+•>#\d.)]|so\b|and\b|now\b|please\b|just\b|simply\b|today\b|then\b|also\b)+",
    re.IGNORECASE,
)
# "each of you to ...", "every PCN to ...": who is asked, before the action itself.
_ADDRESSEE_RE = re.compile(r"^\s*(?:[\w'’\-]+\s+){0,6}?to\s+", re.IGNORECASE)
_FIRST_WORD_RE = re.compile(r"[A-Za-z’']+")


def _scored(draft: Draft, name: str) -> tuple[int, list[Hit]]:
    weak = draft.hits(name)
    strong = draft.hits(name, strong=True)
    return distinct(weak) + 2 * distinct(strong), sorted(strong + weak, key=lambda h: h.start)


def urgency(draft: Draft, part: str) -> Verdict:
    score, hits = _scored(draft, "urgency")
    if score >= URGENCY_MIN:
        return Verdict.ok(hint("urgency", "ok", part), hits)
    return Verdict.suggest(hint("urgency", "suggest", part))


def hope(draft: Draft, part: str) -> Verdict:
    score, hits = _scored(draft, "hope")
    if score >= HOPE_MIN:
        return Verdict.ok(hint("hope", "ok", part), hits)
    return Verdict.suggest(hint("hope", "suggest", part))


def _action(clause: str) -> str | None:
    """The action verb a clause starts with, if it is one of the ask verbs."""
    clause = _LEADING_FILLER_RE.sub("", clause)
    match = _FIRST_WORD_RE.match(clause)
    if not match:
        return None
    word = match.group(0).lower()
    return word if word in word_set("ask_action") else None


def _actions_after(text: str) -> list[str]:
    addressee = _ADDRESSEE_RE.match(text)
    if addressee and not _action(text):
        text = text[addressee.end() :]
    return [verb for clause in _CLAUSE_SPLIT_RE.split(text) if (verb := _action(clause))]


def find_asks(draft: Draft) -> tuple[list[Hit], list[str]]:
    """The sentences that ask, and the distinct actions they ask for (in order)."""
    markers = draft.hits("ask_marker")
    sentences: list[Hit] = []
    actions: list[str] = []
    for sentence in draft.sentences:
        text = draft.text[sentence.start : sentence.end]
        inside = [m for m in markers if sentence.start <= m.start < sentence.end]
        found: list[str] = []
        if inside:
            for marker in inside:
                stop = min(sentence.end, marker.end + ASK_REACH)
                found += _actions_after(draft.text[marker.end : stop])
        else:
            # An imperative: the sentence (or its second clause, after "Before you leave,")
            # starts with an action verb.
            clauses = [c for c in re.split(r"[,:]", text, maxsplit=2) if c.strip()]
            for clause in clauses[:2]:
                if _action(clause):
                    start = text.find(clause)
                    rest = text[start : start + ASK_REACH]
                    found = [v for c in _CLAUSE_SPLIT_RE.split(rest) if (v := _action(c))]
                    break
        if inside or found:
            sentences.append(Hit(sentence.start, sentence.end, text))
            actions += [verb for verb in found if verb not in actions]
    return sentences, actions


def ask(draft: Draft, part: str, ask_field: str = "") -> Verdict:
    sentences, actions = find_asks(draft)
    if not actions:
        vague = [
            h for s in sentences for h in draft.hits("ask_vague") if s.start <= h.start < s.end
        ]
        if vague:
            return Verdict.suggest(hint("ask", "vague", part, quote=quote(vague[0].text)), vague)
        if ask_field.strip():
            return Verdict.suggest(hint("ask", "field", part, field=quote(ask_field)))
        return Verdict.suggest(hint("ask", "missing", part))
    if len(actions) >= 2:
        return Verdict.suggest(hint("ask", "several", part, count=len(actions)), sentences)
    in_ask = [
        h
        for name in ("ask_vague", "ask_concrete")
        for h in draft.hits(name)
        if any(s.start <= h.start < s.end for s in sentences)
    ]
    vague = [h for h in in_ask if h in draft.hits("ask_vague")]
    concrete = [h for h in in_ask if h not in vague]
    if (vague or actions[0] in VAGUE_VERBS) and not concrete:
        shown = vague[0].text if vague else sentences[0].text
        return Verdict.suggest(hint("ask", "vague", part, quote=quote(shown)), sentences)
    return Verdict.ok(hint("ask", "ok", part), sentences)
