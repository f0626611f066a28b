"""Coach: a small learned second opinion on the hardest checks, trained on our own corpus.

Layer: coach (pure, Qt-free, standard library only). For a few checks whose rules miss on
stories they have never seen (the difficulty, the teller's choice, what came of it, a shared
moment, the ask), a logistic model reads the same draft the rules read and gives the chance
that an experienced coach would tick the check. Its inputs are plain to name: what the rule
decided, how often each of the lexicon's cue families appears (and whether in the first or
the second half of the story), a handful of shape measures (length, "I", "we", "you",
questions, quotes, numbers) and light word stems that recur across many writers' stories.

The weights are data (``resources/coach/learned.json``), written by ``scripts/coach_train.py``
from the labelled corpus in ``tests/coach_corpus/``; nothing is downloaded. Each check's model
has a mode, chosen on stories neither the rules nor the model had seen:

- "veto": the model only withholds a tick the rule would give, when the story as a whole
  does not read as doing the thing (a false tick costs more than a missed one);
- "decide": the model's verdict stands either way, except that it never overrides a rule's
  specific diagnosis ("you say there was no choice"); when it ticks a check the rule found no
  evidence for, the evidence is the sentence holding the check's own cue whose words and cues
  score highest, so a tick always points to a sentence.
- "judge": the model's verdict stands either way, the rule's diagnosis included (on unseen
  stories the rules' diagnoses for these checks were wrong more often than the model). A
  tick the rule did not give points to the sentence whose words and cues weigh most towards
  it: one holding the check's own cue when there is one, else any sentence but the asks (for
  the checks of the Now) that weighs towards it. A tick with nowhere to point is not given.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import cache

from narrative_app.coach import rules_ask, rules_story, rules_turn
from narrative_app.coach.arc import turning_act
from narrative_app.coach.evidence import FUTURE_HARM_RE, INACTION_RE
from narrative_app.coach.findings import OK, Verdict, quote
from narrative_app.coach.lexicon import hint, reason
from narrative_app.coach.text import Draft, Hit, Sentence, stem
from narrative_app.paths import read_resource_text

# The cue families of the lexicon each story's models read (resources/coach/lexicon.toml).
_STORY = ("time_anchor", "present_scene", "habitual", "summary", "scene", "sensory", "emotion")
FAMILIES: dict[str, tuple[str, ...]] = {
    "self": (*_STORY, "year_anchor", "life_jump", "challenge", "choice", "choice_negated",
             "outcome", "told_values", "resume", "negation", "arc_tension", "arc_closing"),
    "us": (*_STORY, "shared_experience", "category_label"),
    "now": ("urgency", "urgency_cost", "hope", "hope_rise", "harm_measure", "hope_belief",
            "hope_vision", "hope_result", "ask_marker", "ask_action", "ask_vague",
            "ask_concrete", "negation", "challenge"),
}
_FIRST = frozenset({"i", "me", "my", "myself", "i'm", "i'd", "i've", "i'll"})
_WE = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll", "we'd"})
_YOU = frozenset({"you", "your", "yours", "you're", "you've", "you'll"})


def _squash(count: float, cap: float = 3.0) -> float:
    return min(count, cap) / cap


def features(draft: Draft, part: str, rule_ok: bool, spans: int) -> dict[str, float]:
    """The model's inputs for one story's draft and the rule's own verdict on it."""
    key = f"learned:{part}"
    base = draft.memo.get(key)
    if not isinstance(base, dict):
        base = draft.memo[key] = _draft_features(draft, FAMILIES.get(part, ()))
        base.update(_shape_features(draft, part))
    out = dict(base)
    out["rule"] = 1.0 if rule_ok else 0.0
    out["spans"] = _squash(spans)
    return out


def _draft_features(draft: Draft, families: tuple[str, ...]) -> dict[str, float]:
    out: dict[str, float] = {"bias": 1.0}
    text_len = max(len(draft.text), 1)
    half = text_len / 2
    for name in families:
        try:
            hits = draft.hits(name)
        except KeyError:
            continue
        if hits:
            out[f"f:{name}"] = _squash(len(hits))
            late = sum(1 for h in hits if h.start >= half)
            if late:
                out[f"f2:{name}"] = _squash(late)
    tokens = [t[2] for t in draft.tokens]
    n = max(len(tokens), 1)
    counts = Counter(tokens)
    out["len"] = min(math.log1p(len(tokens)) / 6.5, 1.2)
    out["first"] = min(sum(counts[t] for t in _FIRST) / n * 10, 1.5)
    out["we"] = min(sum(counts[t] for t in _WE) / n * 10, 1.5)
    out["you"] = min(sum(counts[t] for t in _YOU) / n * 10, 1.5)
    sentences = draft.sentences
    out["sentences"] = _squash(len(sentences), 20.0)
    out["question"] = _squash(draft.text.count("?"), 4.0)
    out["quote"] = 1.0 if any(q in draft.text for q in "\"“”") else 0.0
    out["digits"] = 1.0 if any(map(str.isdigit, draft.text)) else 0.0
    # Each word's stem, once per distinct word, in the order the words first come (the last
    # third also as "wl:"), which keeps the features in the order the model sums them.
    cut = len(tokens) * 2 // 3
    for token in dict.fromkeys(tokens[:cut]):
        if len(token) >= 3 and token.isalpha():
            out[f"w:{stem(token)}"] = 1.0
    for token in dict.fromkeys(tokens[cut:]):
        if len(token) >= 3 and token.isalpha():
            s = stem(token)
            out[f"w:{s}"] = 1.0
            out[f"wl:{s}"] = 1.0
    return out


def _shape_features(draft: Draft, part: str) -> dict[str, float]:
    """What the rules' own readers find, before any rule decides: the told moment, where the
    first difficulty comes, the teller acting after it, and the asks."""
    out: dict[str, float] = {}
    if part in ("self", "us"):
        out["s:moment"] = 1.0 if rules_story.find_moment(draft) is not None else 0.0
    if part == "self":
        start = rules_turn.difficulty_start(draft)
        out["s:difficulty"] = 0.0 if start is None else 1.0
        out["s:difficulty_at"] = 1.0 if start is None else start / max(len(draft.text), 1)
        out["s:acts"] = _squash(len(_acts_after_difficulty(draft)))
        out["s:arc"] = 1.0 if rules_turn.shown_arc(draft) is not None else 0.0
        out["s:choices"] = _squash(len(rules_turn.choice_evidence(draft)))
        out["s:outcomes"] = _squash(len(rules_turn.outcome_evidence(draft)))
    if part == "now":
        asks, actions = rules_ask.find_asks(draft)
        out["s:asks"] = _squash(len(asks))
        out["s:actions"] = _squash(len(actions))
    return out


def probability(weights: dict[str, float], feats: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))


@cache
def _models() -> dict[str, dict]:
    try:
        raw = json.loads(read_resource_text("coach", "learned.json"))
    except (OSError, ValueError):
        return {}
    return dict(raw.get("checks", {}))


# The model learnt from whole stories (60 to 450 words); below this, the rules alone decide.
MIN_WORDS = 50
# The check's own "try" wording when the model withholds a tick.
_TRY_KEY = {"ask": "missing", "too_many_moments": "judged"}
# A rule's diagnosis of a flaw it found stands in "judge" mode: moments glimpsed in a life
# told stage by stage, an outcome named with nothing to picture. ("No choice before it" is
# not one: that is the choice check's reading, which the model may not share.)
_STANDING: dict[str, tuple[str, ...]] = {
    "specific_moment": ("stages",),
    "outcome": ("abstract",),
    "ask": ("one_person",),
}
SEVERAL_ASKS = 3
# Checks ticked for the absence of a flaw: a tick there needs no sentence to point to.
_ABSENCE = frozenset({"resume", "too_many_moments"})


def adjust(check: str, draft: Draft, part: str, verdict: Verdict) -> Verdict:
    """The rule's verdict, with the model's second opinion applied (see the module doc)."""
    model = _models().get(check)
    if not model or draft.words < MIN_WORDS:
        return verdict
    if check == "outcome" and verdict.reason == reason("outcome", "no_choice"):
        followed = _after_promoted_choice(draft, part)
        if followed is not None:
            return Verdict.ok(hint(check, "ok", part), [followed],
                              reason(check, "found", quote=quote(followed.text, 80)))
    mode = model.get("mode")
    if verdict.status != OK and mode not in ("decide", "judge"):
        return verdict  # a veto has nothing to withhold
    weights: dict[str, float] = model["weights"]
    p = probability(weights, features(draft, part, verdict.status == OK, len(verdict.hits)))
    if mode == "judge":
        return _judged(check, draft, part, verdict, weights,
                       likely=p >= float(model["threshold"]))
    # Below "veto" a rule's tick is withheld; at "threshold" or above, a "decide" model ticks.
    likely = p >= float(model["threshold"])
    if verdict.status == OK and p < float(model.get("veto", model["threshold"])):
        return _withheld(check, part, verdict)
    # A rule that said more than "not found" ("you say there was no choice", "named, with
    # nothing to picture", "time passing with no choice before it") has read the story
    # closely; its diagnosis stands.
    # ("Found a mention of time, but not why waiting costs" is only "not enough found".)
    plain = not verdict.reason or verdict.reason == reason(check, "weak")
    if verdict.status != OK and likely and model.get("mode") == "decide" and plain:
        best = best_sentence(draft, check, weights, FAMILIES.get(part, ()))
        if best is None:
            return verdict
        return Verdict.ok(hint(check, "ok", part), [best],
                          reason(check, "found", quote=quote(best.text, 80)))
    return verdict


def _judged(
    check: str, draft: Draft, part: str, verdict: Verdict, weights: dict[str, float], *,
    likely: bool,
) -> Verdict:
    """The "judge" mode: the model's verdict, a tick pointing to its evidence."""
    if verdict.status == OK:
        return verdict if likely else _withheld(check, part, verdict)
    standing = any(_says(verdict.reason, reason(check, key)) for key in _STANDING.get(check, ()))
    if not likely or standing:
        return verdict
    if check == "specific_moment" and rules_story.too_many_moments(draft, part).status != OK:
        return verdict  # three or more times of life: no one moment to tick
    if check == "ask" and len(rules_ask.find_asks(draft)[1]) >= SEVERAL_ASKS:
        return verdict  # two actions are often one ask ("come, and bring a friend"); three are not
    if check in _ABSENCE:
        return Verdict.ok(hint(check, "ok", part), [], reason(check, "ok"))
    best = best_sentence(draft, check, weights, FAMILIES.get(part, ()), anywhere=True)
    if best is None:
        return verdict
    return Verdict.ok(hint(check, "ok", part), [best],
                      reason(check, "found", quote=quote(best.text, 80)))


def _says(text: str, wording: str) -> bool:
    """True when ``text`` is ``wording`` with its blanks ("…") filled in."""
    head = wording.split("…", maxsplit=1)[0]
    return bool(head) and text.startswith(head)


def _withheld(check: str, part: str, verdict: Verdict) -> Verdict:
    first = verdict.hits[0].text if verdict.hits else ""
    # A flaw read off the whole story (a CV, too many times of life) quotes nothing.
    quoted = first or check in _ABSENCE
    why = reason(check, "unconvinced", quote=quote(first, 60)) if quoted else ""
    return Verdict.suggest(
        hint(check, _TRY_KEY.get(check, "suggest"), part),
        verdict.hits[:1],
        why or reason(check, "missing"),
    )


def _after_promoted_choice(draft: Draft, part: str) -> Hit | None:
    """The outcome follows the choice the choice check shows, this second opinion's ticks
    included: time passing after a choice it ticked ("Three weeks later ...") is what
    followed it. None when the rule saw a choice itself, or no outcome cue follows."""
    if rules_turn.shown_choice(draft) is not None:
        return None
    choice = adjust("choice_point", draft, part, rules_turn.choice_point(draft, part))
    if choice.status != OK or not choice.hits:
        return None
    start = choice.hits[0].start
    return next((h for h in draft.hits("outcome") if h.start > start), None)


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
_NOT_THE_ASK = frozenset({"urgency", "hope"})
_RIVAL = {"hope": "urgency", "urgency": "hope"}
# With none of its cues, an ask is shown only by a sentence that speaks to the listeners
# ("I need two of you", "please", "everyone here"): no other sentence stands in for it.
_SHAPE = {
    "ask": re.compile(
        r"\b(?:you|your|yours|yourselves|everyone|everybody|anyone|anybody|each\s+of|all\s+of|"
        r"please|whoever)\b",
        re.IGNORECASE,
    ),
}
# What came of a choice is told after it; with no cue there, the story's last word is.
_LAST_WORD = frozenset({"outcome"})

# Cues that rule a promoted tick out: a teller who says there was no choice made none.
BLOCKERS: dict[str, tuple[str, ...]] = {"choice_point": ("choice_negated",)}


def best_sentence(
    draft: Draft, check: str, weights: dict[str, float], families: tuple[str, ...],
    anywhere: bool = False,
) -> Hit | None:
    """The sentence holding the check's own cue whose words and cues weigh most towards it;
    None when no sentence holds one (then there is nothing to point to, and no tick).
    ``anywhere``: with no such sentence, any sentence whose words weigh towards the check."""
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
        acts = {s.start for s in _acts_after_difficulty(draft)}
        allowed.update(i for i, s in enumerate(sentences) if s.start in acts)
    if any(_hits(draft, name) for name in BLOCKERS.get(check, ())):
        return None
    barred = _barred(draft, check)
    allowed = {i for i in allowed if i not in barred}
    fallback = not allowed and anywhere
    if fallback:
        shape = _SHAPE.get(check)
        allowed = {i for i, s in enumerate(sentences) if i not in barred
                   and (shape is None or shape.search(draft.text, s.start, s.end))}
    if not allowed:
        return None
    if fallback and check in _LAST_WORD:
        return _sentence(draft, sentences[max(allowed)])
    scores = dict.fromkeys(allowed, 0.0)
    for name in families:
        w = weights.get(f"f:{name}", 0.0)
        if w > 0:
            for h in _hits(draft, name):
                i = index(h.start)
                if i in scores:
                    scores[i] += w
    # With no cue to go by, a sentence must weigh towards this check more than towards its
    # rival: the way there (hope) is not the cost of waiting (urgency), nor the other way.
    rival = _models().get(_RIVAL.get(check, ""), {}).get("weights", {}) if fallback else {}
    for start, _, token in draft.tokens:
        if len(token) >= 3 and token.isalpha():
            i = index(start)
            if i in scores:
                key = f"w:{stem(token)}"
                scores[i] += max(weights.get(key, 0.0), 0.0) - max(rival.get(key, 0.0), 0.0)
    top = max(sorted(scores), key=lambda i: scores[i])
    if fallback and scores[top] <= 0:
        return None
    return _sentence(draft, sentences[top])


def _asked(draft: Draft) -> list[Hit]:
    """What the ask check points to in a Now (worked out once per draft)."""
    memo = draft.memo.get("learned:asked")
    if not isinstance(memo, list):
        verdict = adjust("ask", draft, "now", rules_ask.ask(draft, "now"))
        memo = draft.memo["learned:asked"] = list(verdict.hits) if verdict.status == OK else []
    return memo


def _sentence(draft: Draft, s: Sentence) -> Hit:
    return Hit(s.start, s.end, draft.text[s.start : s.end])


def _barred(draft: Draft, check: str) -> set[int]:
    """The sentences a tick of ``check`` may not point to: for urgency and hope, the asks
    (the ask's "by Friday" is no urgency); for an outcome, anything before the choice the
    choice check shows (or, with none, before the middle of the story)."""
    sentences = draft.sentences
    if check in _NOT_THE_ASK:
        asks = rules_ask.acting_sentences(draft) + _asked(draft) + _hits(draft, "ask_marker")
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


def _acts_after_difficulty(draft: Draft) -> list[Sentence]:
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
