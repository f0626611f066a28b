"""Coach: where a tick the learned second opinion gives points (see coach/learned.py).

Layer: coach (pure, Qt-free). A tick the model gives that its rule did not points to one
sentence: the one holding the check's own cue whose words and cues weigh most towards the
check, or, for the "judge" mode with no such sentence, the sentence of the right kind that
weighs most (an ask speaks to the listeners; hope is neither the ask nor the cost of going on
as we are; an outcome comes after the choice). With nowhere to point, there is no tick.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from narrative_app.coach import rules_ask, rules_turn
from narrative_app.coach.arc import turning_act
from narrative_app.coach.evidence import FUTURE_HARM_RE, INACTION_RE
from narrative_app.coach.text import Draft, Hit, Sentence, stem

# Where a promoted tick's evidence may come from: a sentence holding one of the check's own
# cues (and, for a choice, one in which the teller acts after the difficulty).
EVIDENCE: dict[str, tuple[str, ...]] = {
    "challenge": ("challenge", "arc_tension"),
    "choice_point": ("choice",),
    "outcome": ("outcome", "arc_closing"),
    "experiential_us": ("shared_experience", "time_anchor", "present_scene"),
    "urgency": ("urgency", "urgency_cost", "harm_measure"),
    "ask": ("ask_marker", "ask_action"),
    "specific_moment": ("time_anchor", "present_scene", "scene"),
    "hope": ("hope", "hope_result", "hope_rise", "hope_vision"),
}
# For these, a sentence that asks is never the evidence (the ask's "by Friday" is no urgency).
NOT_THE_ASK = frozenset({"urgency", "hope"})
# With no cue to go by, the model whose words a sentence must weigh towards less.
RIVAL = {"hope": "urgency", "urgency": "hope"}
# With none of its cues, an ask is shown only by a sentence that speaks to the listeners
# ("I need two of you", "please", "everyone here"): no other sentence stands in for it.
_SHAPE = {
    "ask": re.compile(
        r"\b(?:you|your|yours|yourselves|everyone|everybody|anyone|anybody|each\s+of|all\s+of|"
        r"please|whoever)\b",
        re.IGNORECASE,
    ),
}
# A choice is shown only where the teller decides or acts: no other sentence stands in for it.
CUE_ONLY = frozenset({"choice_point"})
# What came of a choice is told after it; with no cue there, the story's last word is.
_LAST_WORD = frozenset({"outcome"})

# Cues that rule a promoted tick out: a teller who says there was no choice made none.
BLOCKERS: dict[str, tuple[str, ...]] = {"choice_point": ("choice_negated",)}


def best_sentence(
    draft: Draft, check: str, weights: dict[str, float], families: tuple[str, ...], *,
    anywhere: bool = False, rival: dict[str, float] | None = None, asked: Sequence[Hit] = (),
) -> Hit | None:
    """The sentence holding the check's own cue whose words and cues weigh most towards it;
    None when no sentence holds one (then there is nothing to point to, and no tick).
    ``anywhere``: with no such sentence, any sentence whose words weigh towards the check
    more than towards its ``rival`` model's. ``asked``: what the ask check points to."""
    sentences = draft.sentences
    if not sentences:
        return None
    starts = [s.start for s in sentences]

    def index(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    allowed: set[int] = set()
    for name in EVIDENCE.get(check, ()):
        allowed.update(index(h.start) for h in _hits(draft, name))
    if check == "choice_point":
        acts = {s.start for s in acts_after_difficulty(draft)}
        allowed.update(i for i, s in enumerate(sentences) if s.start in acts)
    if any(_hits(draft, name) for name in BLOCKERS.get(check, ())):
        return None
    barred = _barred(draft, check, list(asked))
    cued = {i for i in allowed if i not in barred}
    rival = rival or {}
    if cued:
        top, score = _weightiest(draft, cued, weights, families, rival=rival, index=index)
        # A cue in a sentence that weighs more towards the rival check is not its evidence
        # ("next year" in a sentence about a result elsewhere is no urgency).
        if score > 0 or not rival or not anywhere:
            return _sentence(draft, sentences[top])
    if not anywhere or check in CUE_ONLY:
        return None
    shape = _SHAPE.get(check)
    anyhow = {i for i, s in enumerate(sentences) if i not in barred and i not in cued
              and (shape is None or shape.search(draft.text, s.start, s.end))}
    if not anyhow:
        return None
    if check in _LAST_WORD:
        return _sentence(draft, sentences[max(anyhow)])
    top, score = _weightiest(draft, anyhow, weights, families, rival=rival, index=index)
    return _sentence(draft, sentences[top]) if score > 0 else None


def _weightiest(
    draft: Draft, allowed: set[int], weights: dict[str, float], families: tuple[str, ...], *,
    rival: dict[str, float], index: Callable[[int], int],
) -> tuple[int, float]:
    """The allowed sentence whose cues and words weigh most towards the check, and by how
    much: a word counts for the check less what it counts for the rival check."""
    scores = dict.fromkeys(allowed, 0.0)
    for name in families:
        w = weights.get(f"f:{name}", 0.0)
        if w > 0:
            for h in _hits(draft, name):
                i = index(h.start)
                if i in scores:
                    scores[i] += w
    for start, _, token in draft.tokens:
        if len(token) >= 3 and token.isalpha():
            i = index(start)
            if i in scores:
                key = f"w:{stem(token)}"
                scores[i] += max(weights.get(key, 0.0), 0.0) - max(rival.get(key, 0.0), 0.0)
    top = max(sorted(scores), key=lambda i: scores[i])
    return top, scores[top]


def _sentence(draft: Draft, s: Sentence) -> Hit:
    return Hit(s.start, s.end, draft.text[s.start : s.end])


def _barred(draft: Draft, check: str, asked: list[Hit]) -> set[int]:
    """The sentences a tick of ``check`` may not point to: for urgency and hope, the asks
    (the ask's "by Friday" is no urgency); for an outcome, anything before the choice the
    choice check shows (or, with none, before the middle of the story)."""
    sentences = draft.sentences
    if check in NOT_THE_ASK:
        asks = rules_ask.acting_sentences(draft) + asked + _hits(draft, "ask_marker")
        starts = sorted(h.start for h in asks)

        def holds_an_ask(s: Sentence) -> bool:
            k = bisect_left(starts, s.start)
            return k < len(starts) and starts[k] < s.end

        barred = {i for i, s in enumerate(sentences) if holds_an_ask(s)}
        if check == "hope":  # going on as we are, or a harm to come, is no way there
            barred |= {i for i, s in enumerate(sentences)
                       if INACTION_RE.search(draft.text, s.start, s.end)
                       or FUTURE_HARM_RE.search(draft.text, s.start, s.end)}
        return barred
    if check in _LAST_WORD:
        choice = rules_turn.shown_choice(draft)
        start = len(draft.text) // 2 if choice is None else choice
        return {i for i, s in enumerate(sentences) if s.end <= start}
    return set()


def acts_after_difficulty(draft: Draft) -> list[Sentence]:
    """The sentences, after the first difficulty, in which the teller acts ("I turned ...")."""
    start = rules_turn.difficulty_start(draft)
    if start is None:
        return []
    return [
        s for i, s in enumerate(draft.sentences) if s.start > start and turning_act(draft, i)
    ]


def _hits(draft: Draft, name: str) -> list[Hit]:
    try:
        return draft.hits(name)
    except KeyError:
        return []
