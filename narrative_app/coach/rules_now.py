"""Coach: the rubric checks for the Story of Now: urgency and hope (the ask is read in
``rules_ask``).

Layer: coach (pure, Qt-free). Urgency is time pressure and the cost of waiting (a near date,
harm still to come or already done, "every year we don't act"); the ask's own deadline ("sign
up today") does not count. Hope needs evidence that it can be done (a measured result,
something that worked before or elsewhere, help already promised) or a plan; a picture of
success or a belief that "we can" counts towards it but is not enough on its own, and a rise
in something harmful is no hope.
"""

from __future__ import annotations

import re
from itertools import chain

from narrative_app.coach.evidence import (
    COST_RE,
    DEADLINE_VERB_RE,
    FUTURE_HARM_RE,
    FUTURE_TIME_RE,
    INACTION_RE,
    LOSS_RE,
    NO_PRESSURE_RE,
    PLAN_TIME_RE,
    PLAN_VERB_RE,
    each_sentence_matching,
    facts_at,
    may_be_wished,
    wished,
)
from narrative_app.coach.findings import Verdict
from narrative_app.coach.lexicon import hint, reason
from narrative_app.coach.rules_ask import acting_sentences
from narrative_app.coach.spans import covering
from narrative_app.coach.text import Draft, Hit, distinct

URGENCY_MIN = 2
EVIDENCE_ENOUGH = 3  # sentences of one kind of evidence worth finding and showing
HOPE_MIN = 2
def _scored(draft: Draft, name: str, skip: list[Hit] | None = None) -> tuple[int, list[Hit]]:
    """Weak cues count once and strong ones twice; cues inside ``skip`` spans do not count."""

    inside = covering(skip or ())

    def kept(hits: list[Hit]) -> list[Hit]:
        if not skip:
            return hits
        return [h for h in hits if not inside(h.start)]

    weak = kept(draft.hits(name))
    strong = kept(draft.hits(name, strong=True))
    return distinct(weak) + 2 * distinct(strong), sorted(strong + weak, key=lambda h: h.start)


def urgency(draft: Draft, part: str) -> Verdict:
    # The ask's own deadline ("sign up today") says when to act, not why it cannot wait.
    asking = acting_sentences(draft)
    # "Nothing will be different next month if we leave it": a time denied is no pressure.
    denied = [
        Hit(s.start, s.end, "")
        for s in draft.sentences
        if NO_PRESSURE_RE.search(draft.text, s.start, s.end)
    ]
    score, hits = _scored(draft, "urgency", asking + denied)
    if denied:
        # The teller says it can wait ("It's not an emergency"): a time word elsewhere does
        # not overrule that; only a cost of waiting would.
        score, hits = 0, []
    cost = draft.hits("urgency_cost") + _waiting_costs(draft, asking)
    score += 2 * distinct(cost)
    if score >= URGENCY_MIN:
        # The cost of waiting is the strongest evidence: shown first.
        return Verdict.ok(hint("urgency", "ok", part), cost + hits)
    if hits:
        return Verdict.suggest(hint("urgency", "suggest", part), [], reason("urgency", "weak"))
    return Verdict.suggest(hint("urgency", "suggest", part))


def _waiting_costs(draft: Draft, skip: list[Hit]) -> list[Hit]:
    """Sentences that say what waiting costs: going on as we are ("if we keep going like
    this"), a loss at a time to come ("by next spring ... we will have burnt out"), or the
    cost counted now ("each bed costs £400 a night"). A few are enough evidence."""
    skipped = {s.start for s in skip}
    taken: set[int] = set()
    found: list[Hit] = []
    for hit in chain(each_sentence_matching(draft, INACTION_RE),
                     each_sentence_matching(draft, COST_RE)):
        if len(found) >= EVIDENCE_ENOUGH:
            return found
        if hit.start in skipped or hit.start in taken:
            continue
        if facts_at(draft, hit.start).negated and not COST_RE.search(hit.text):
            continue
        taken.add(hit.start)
        found.append(hit)
    for hit in chain(each_sentence_matching(draft, FUTURE_HARM_RE),
                     each_sentence_matching(draft, DEADLINE_VERB_RE)):
        if len(found) >= EVIDENCE_ENOUGH:
            break
        if hit.start in skipped or hit.start in taken:
            continue
        if FUTURE_TIME_RE.search(hit.text) and not NO_PRESSURE_RE.search(hit.text):
            taken.add(hit.start)
            found.append(hit)
    return found


def _plans(draft: Draft) -> list[Hit]:
    """A plan with a date: a sentence about time to come ("From January, every family can
    have a named back-up worker") that is neither a wish, nor negated, nor a loss."""
    found: list[Hit] = []
    for hit in each_sentence_matching(draft, FUTURE_TIME_RE):
        if len(found) >= EVIDENCE_ENOUGH:
            break
        text = hit.text
        if (
            INACTION_RE.search(text)
            or FUTURE_HARM_RE.search(text)
            or LOSS_RE.search(text)
            or _harm_rises(draft, hit)
            or text.rstrip().endswith("?")
            or not PLAN_TIME_RE.search(text)
        ):
            continue
        facts = facts_at(draft, hit.start + max(0, len(text) - 2))
        if (
            wished(draft, hit.start, conditions=False)
            or facts.negated
            or not PLAN_VERB_RE.search(text)
        ):
            continue
        found.append(hit)
    return found


_RISE_RE = re.compile(
    r"\b(?:go(?:es)?\s+up|went\s+up|gone\s+up|going\s+up|ris(?:e|es|ing)|rose|increas\w*|"
    r"climb\w*|doubl\w*|trebl\w*|tripl\w*|soar\w*)\b",
    re.IGNORECASE,
)


def _harm_rises(draft: Draft, sentence: Hit) -> bool:
    """"From next month our caseloads go up to 140": a harm that grows is no plan."""
    return bool(_RISE_RE.search(sentence.text)) and any(
        sentence.start <= h.start < sentence.end for h in draft.hits("harm_measure")
    )


def hope(draft: Draft, part: str) -> Verdict:
    # Hope needs a way there: a plan, backing in place or evidence that it can be done.
    # Belief ("we can") and a picture of success add to that evidence but are wishes alone.
    # "I wish there were a plan": a plan wished for is not a plan; and the ask itself
    # ("so we can put them in to the council") is not the way there.
    asking = acting_sentences(draft)
    plans = [p for p in _plans(draft) if not any(a.start == p.start for a in asking)]
    # "I hope it all works out": a sentence that hopes or believes is a wish, not a way.
    wishes = [
        s
        for s in draft.sentences
        if may_be_wished(draft, s)
        and (wished(draft, s.start) or wished(draft, s.start, conditions=False))
    ]
    skip = [Hit(s.start, s.end, "") for s in wishes] + asking + plans
    score, hits = _scored(draft, "hope", skip)
    in_asking = covering(asking)
    results = [
        h
        for h in draft.hits("hope_result") + _good_rises(draft)
        if not wished(draft, h.start, conditions=False) and not in_asking(h.start)
    ] + plans
    score += 2 * distinct(results)
    hits = sorted(hits + results, key=lambda h: h.start)
    extra = draft.hits("hope_vision") + draft.hits("hope_belief")
    if hits and score + 2 * min(1, len(extra)) >= HOPE_MIN:
        # A plan or a result is the strongest evidence: shown first.
        rest = [h for h in hits if h not in results]
        return Verdict.ok(hint("hope", "ok", part), results + rest + extra)
    if extra:
        return Verdict.suggest(hint("hope", "suggest", part), [], reason("hope", "wish"))
    return Verdict.suggest(hint("hope", "suggest", part))


def _good_rises(draft: Draft) -> list[Hit]:
    """Rises that are not about harm ("complaints have gone up by a third" is no hope)."""
    harms = draft.hits("harm_measure")
    kept = []
    for rise in draft.hits("hope_rise"):
        sentence = draft.sentence_at(rise.start)
        if sentence is None or not any(sentence.start <= h.start < sentence.end for h in harms):
            kept.append(rise)
    return kept
