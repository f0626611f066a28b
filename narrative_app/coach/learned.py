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
from collections import Counter
from functools import cache

from narrative_app.coach import pointing, rules_ask, rules_story, rules_turn
from narrative_app.coach.findings import OK, Verdict, quote
from narrative_app.coach.lexicon import hint, reason
from narrative_app.coach.pointing import acts_after_difficulty
from narrative_app.coach.text import Draft, Hit, stem
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
        out["s:acts"] = _squash(len(acts_after_difficulty(draft)))
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
# told stage by stage, an outcome named with nothing to picture, an ask of one person by
# name. ("No choice before it" is not one: that is the choice check's reading, which the
# model may not share.)
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
    if check in _ABSENCE:  # the rule found the flaw's signs; the story as a whole outweighs them
        return Verdict.ok(hint(check, "ok", part), [],
                          reason(check, "judged") or reason(check, "ok"))
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


def best_sentence(
    draft: Draft, check: str, weights: dict[str, float], families: tuple[str, ...],
    anywhere: bool = False,
) -> Hit | None:
    """Where a tick of ``check`` the model gives points (``pointing.best_sentence``)."""
    rival = _models().get(pointing.RIVAL.get(check, ""), {}).get("weights", {})
    asked = _asked(draft) if check in pointing.NOT_THE_ASK else []
    return pointing.best_sentence(draft, check, weights, families, anywhere=anywhere,
                                  rival=rival, asked=asked)


def _asked(draft: Draft) -> list[Hit]:
    """What the ask check points to in a Now (worked out once per draft)."""
    memo = draft.memo.get("learned:asked")
    if not isinstance(memo, list):
        verdict = adjust("ask", draft, "now", rules_ask.ask(draft, "now"))
        memo = draft.memo["learned:asked"] = list(verdict.hits) if verdict.status == OK else []
    return memo
