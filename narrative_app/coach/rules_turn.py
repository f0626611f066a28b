"""Coach: the turn of a Story of Self: the teller's feeling, the difficulty, the choice, and
what followed, each with the sentence that earns it.

Layer: coach (pure, Qt-free). Structure, not keywords alone: a choice is the teller's
(not a colleague's, not inside someone else's quoted words), no earlier than the first
difficulty unless it is named outright or sets out what else was possible; a road not taken
("I could have ...") or "I said no." in passing is not one. An outcome is what the teller
learned, or what changed after the choice; time passing with no choice before it is not.
A feeling is the teller's own, named or shown in the body. When none of these is named, a
turn shown in plain action (``shown_arc``: a difficulty, the teller acting, then a later
time or a look back) counts for challenge, choice and outcome, unless the teller says there
was no choice inside the moment ("I didn't decide anything" before it frames the story; a
choice cue such as "What I did was sit down" counts after any denial). An instruction given
to the teller (``orders``) is a difficulty when the teller then does something else, and
that act is a choice; the act asked for, done, is an order followed, not a choice. The
outcome follows the choice ``choice_point`` shows (``shown_choice``), so the two checks
never read the story differently.
"""

from __future__ import annotations

import re

from narrative_app.coach.arc import DECIDED_RE, denials, late_choice, shown_arc, teller_acts
from narrative_app.coach.evidence import facts_at, in_quote, sentence_hit, sentence_words
from narrative_app.coach.findings import Verdict, quote
from narrative_app.coach.lexicon import hint, reason, word_set
from narrative_app.coach.orders import complied, defied
from narrative_app.coach.rules_story import (
    CHALLENGE_MIN,
    _life_story,
    _sentence_hits,
    _words,
    find_moment,
    nothing_to_picture,
)
from narrative_app.coach.text import Draft, Hit, content_words, distinct
from narrative_app.text.sentences import words_of

PASSING_WORDS = 6  # "I said no." in fewer words than this is an answer in passing
FIELD_OVERLAP = 0.6
EVIDENCE_ENOUGH = 3


def challenge(draft: Draft, part: str) -> Verdict:
    """Two difficulty cues, or one inside a told moment where the teller shows feeling:
    a scene with a felt difficulty in it rarely names the difficulty twice."""
    hits = draft.hits("challenge")
    # An instruction the teller then went against is a person in the way (its sentence is
    # the evidence: "said to " alone would point to nothing).
    orders = [a.instruction for a in defied(draft)]
    if orders:
        hits = sorted(hits + orders, key=lambda h: h.start)
    count = distinct(hits)
    shown = [(sentence_hit(draft, h.start) or h) if h in orders else h for h in hits]
    if count >= CHALLENGE_MIN or (
        count == 1 and draft.hits("emotion") and _in_moment(draft, hits[0])
    ):
        return Verdict.ok(hint("challenge", "ok", part), shown)
    arc = shown_arc(draft)
    if arc is not None:
        return Verdict.ok(hint("challenge", "ok", part), shown or [arc[0]])
    return Verdict.suggest(hint("challenge", "suggest", part))


def _in_moment(draft: Draft, hit: Hit) -> bool:
    """True when ``hit`` comes after the start of the story's told moment."""
    moment = find_moment(draft)
    return moment is not None and hit.start >= moment.start


def choice_evidence(draft: Draft) -> list[Hit]:
    """Where the teller acts or decides, after the difficulty: choice cues in a clause whose
    subject is not someone else ("my manager decided"), no earlier than the first sentence
    with a difficulty in it, outside anyone else's quoted speech."""
    if "choice" not in draft.memo:
        draft.memo["choice"] = _choice_evidence(draft)
    return draft.memo["choice"]  # type: ignore[return-value]


def _choice_evidence(draft: Draft) -> list[Hit]:
    """Choice cues kept, strongest first: a decision named, then an act set against what
    else was possible, then a plain act after the difficulty."""
    begin = difficulty_start(draft)
    ranked: list[tuple[int, int, Hit]] = []
    for h in draft.hits("choice"):
        # A decision named outright ("I decided", "I chose") stands on its own; any other
        # sign of a choice (acting "instead", "even though", stepping in) counts only after
        # the difficulty it answers.
        named = any(w in h.key for w in _DECISION_WORDS)
        alternative = _ALTERNATIVE_RE.search(h.key) is not None
        if not (named or alternative) and (begin is None or h.start < begin):
            continue
        if _someone_else(draft, h) or _in_passing(draft, h) or _joined_to_other(draft, h):
            continue
        if not named and (_general(draft, h) or _only_wondered(draft, h)):
            continue
        if in_quote(draft, h.start) and not _teller_words(h.text):
            continue
        if not named and complied(draft, h.start):
            continue  # "I was to go and get her. So I went.": an order followed
        rank = 0 if named else 2 if h.key.startswith(_COUNTERFACTUAL) else 1 if alternative else 3
        ranked.append((rank, h.start, h))
        if sum(1 for r in ranked if r[0] == 0) >= EVIDENCE_ENOUGH:
            break  # enough decisions named outright: the rest cannot outrank them
    # The teller doing something other than what they were told is set against it.
    for answer in defied(draft):
        if not any(answer.act.start <= h.start < answer.act.end for _, _, h in ranked):
            ranked.append((1, answer.act.start, answer.act))
    return [h for _, _, h in sorted(ranked, key=lambda r: (r[0], r[1]))]


_DECISION_WORDS = ("decide", "decision", "chose", "choose", "choice", "made up my mind", "resolved")
# A cue that sets out what else was possible ("I could ... or", "instead", "I didn't go
# home. I sat ..."), or a commitment said aloud, carries its own dilemma.
_ALTERNATIVE_RE = re.compile(
    r"\b(?:could|might|or|instead|rather|even though|anyway|regardless|tempt\w*|easy|"
    r"didn't|don't|did not|do not|wouldn't|would not|won't|refused|torn|would|will|i'll|i'd|"
    r"then|finally|at last|up to me|my call|asked)\b"
)


_COUNTERFACTUAL = ("i could have", "i could've", "i might have", "i should have")


def _only_wondered(draft: Draft, hit: Hit) -> bool:
    """"I could have written it down." with no act of the teller's in the next two
    sentences is a road not taken, not a choice."""
    if not hit.key.startswith(_COUNTERFACTUAL):
        return False
    sentences = draft.sentences
    index = next((i for i, s in enumerate(sentences) if s.start <= hit.start < s.end), None)
    if index is None:
        return True
    for sentence in sentences[index + 1 : index + 3]:
        words = _words(draft, sentence, 3)
        # Only an act set against it follows: "Instead I ...", "But I ...", "So I ...".
        if "instead" in words or words[:2] in (["but", "i"], ["so", "i"]):
            return False
    return True


def _general(draft: Draft, hit: Hit) -> bool:
    """True when the cue sits in a sentence about habit or values ("I try every day to treat
    each person ... rather than as a risk score"): a creed, not a moment of choice."""
    sentence = draft.sentence_at(hit.start)
    if sentence is None:
        return False
    memo = draft.memo.get("general_sentences")
    starts: set[int] = memo if isinstance(memo, set) else set()
    if not isinstance(memo, set):
        for name in ("habitual", "told_values"):
            for h in draft.hits(name):
                found = draft.sentence_at(h.start)
                if found is not None:
                    starts.add(found.start)
        draft.memo["general_sentences"] = starts
    return sentence.start in starts


def _joined_to_other(draft: Draft, hit: Hit) -> bool:
    """"... and said I'd see him" is the teller's only when the sentence's subject is: "she
    rang and said I'd have to wait" is someone else's word."""
    if not hit.key.startswith("and "):
        return False
    sentence = draft.sentence_at(hit.start)
    return sentence is None or facts_at(draft, sentence.start).subject != "teller"


def _in_passing(draft: Draft, hit: Hit) -> bool:
    """"I said no." as a short sentence of its own is an answer, not a choice point."""
    if not hit.key.startswith(("i said no", "i said yes")):
        return False
    sentence = draft.sentence_at(hit.start)
    return sentence is None or sentence.words < PASSING_WORDS


def difficulty_start(draft: Draft) -> int | None:
    """The start of the first sentence with a difficulty in it (a challenge cue, or a rule,
    refusal or fear word), or None."""
    if "difficulty" not in draft.memo:
        tension = word_set("arc_tension")
        starts = [h.start for h in draft.hits("challenge")]
        # A feeling shown in the body ("my throat tightens") is a difficulty felt.
        starts += [h.start for h in draft.hits("emotion")]
        starts += [a.instruction.start for a in defied(draft)]
        for sentence in draft.sentences:
            if any(w in tension for w in _words(draft, sentence)):
                starts.append(sentence.start)
                break
        first = min(starts, default=None)
        found = draft.sentence_at(first) if first is not None else None
        draft.memo["difficulty"] = found.start if found else first
    value = draft.memo["difficulty"]
    return value if isinstance(value, int) else None


_TELLER_WORDS = frozenset({"i", "i'm", "i'd", "i'll", "i've", "me", "my", "myself"})


def _teller_words(text: str) -> bool:
    return any(w in _TELLER_WORDS for w in words_of(text))


def _someone_else(draft: Draft, hit: Hit, strict: bool = True) -> bool:
    """True when the clause around ``hit`` is about someone else and the cue itself does
    not name the teller ("she decided"). With ``strict``, a clause with no subject of its
    own ("even though ...") counts as the teller's only when the sentence names the teller
    or the group somewhere."""
    if _teller_words(hit.text):
        return False
    subject = facts_at(draft, hit.start).subject
    if subject in ("teller", "group"):
        return False
    if subject == "other":
        return True
    if not strict:
        return False
    sentence = draft.sentence_at(hit.start)
    words = sentence_words(draft, sentence) if sentence else frozenset()
    return not any(w in _TELLER_WORDS or w in _GROUP_WORDS for w in words)


_GROUP_WORDS = frozenset({"we", "we'd", "we'll", "we've", "we're", "us", "our", "you", "your"})


def choice_point(draft: Draft, part: str, choice_field: str = "") -> Verdict:
    hits = choice_evidence(draft)
    if hits and nothing_to_picture(draft, choice_evidence(draft)):
        return Verdict.suggest(
            hint("choice_point", "abstract", part), [], reason("choice_point", "abstract")
        )
    if hits:
        return Verdict.ok(hint("choice_point", "ok", part), _sentence_hits(draft, hits)[:2])
    if choice_field.strip() and _field_told(choice_field, draft.text):
        return Verdict.ok(
            hint("choice_point", "ok", part), reason=reason("choice_point", "field")
        )
    arc = arc_choice(draft)
    if arc is not None:
        return Verdict.ok(hint("choice_point", "ok", part), [arc[0]], reason("choice_point", "arc"))
    later = late_choice(draft)
    if later is not None:
        return Verdict.ok(
            hint("choice_point", "ok", part), [later],
            reason("choice_point", "later", quote=quote(later.text, 80)),
        )
    negated = denials(draft)
    if negated:
        return Verdict.suggest(
            hint("choice_point", "negated", part), negated, reason("choice_point", "negated")
        )
    early = draft.hits("choice")
    if early:
        return Verdict.suggest(
            hint("choice_point", "suggest", part), [], reason("choice_point", "no_difficulty")
        )
    if choice_field.strip():
        return Verdict.suggest(hint("choice_point", "field", part, field=quote(choice_field)))
    return Verdict.suggest(hint("choice_point", "suggest", part))


def arc_choice(draft: Draft) -> tuple[Hit, Hit] | None:
    """The turn shown in action when no choice cue is found, as ``choice_point`` reads it:
    not when the teller says, inside the moment, there was no choice ("I didn't decide
    anything, in the end. Dr Kerr made every call."); a denial of deciding before the moment
    is how the story is framed, and the act shown after it still counts."""
    if choice_evidence(draft):
        return None
    arc = shown_arc(draft)
    moment = find_moment(draft)
    if arc is None or moment is None:
        return None
    # "I didn't decide anything, really. That's what I say when people ask." before the
    # told moment is how the teller frames it; said inside the moment, it is the answer.
    said = denials(draft)
    framed = [h for h in said if h.end <= moment.start and DECIDED_RE.search(h.key)]
    return None if len(framed) < len(said) else arc


def shown_choice(draft: Draft) -> int | None:
    """Where the choice ``choice_point`` shows begins: its first cue, or the act of a turn
    shown in action; None when it shows none."""
    hits = choice_evidence(draft)
    if hits:
        return min(h.start for h in hits)
    arc = arc_choice(draft)
    if arc is not None:
        return arc[0].start
    later = late_choice(draft)
    return later.start if later is not None else None


def _field_told(field_text: str, draft_text: str) -> bool:
    """True when most of a structured field's distinctive words appear in the draft."""
    wanted = content_words(field_text)
    if not wanted:
        return False
    present = content_words(draft_text)
    return len(wanted & present) / len(wanted) >= FIELD_OVERLAP


def outcome_evidence(draft: Draft) -> list[Hit]:
    """What the teller learned (anywhere), or what changed after the teller's choice (a
    later time, a result), or a result after the teller acted. Time passing with no
    choice before it ("I said no. Three weeks later ...") is not an outcome."""
    after = shown_choice(draft)
    acted = _first_act(draft)
    kept = []
    for h in draft.hits("outcome"):
        key = h.key.lstrip(".!? ")
        learning = (
            any(stem in key for stem in word_set("outcome_learning"))
            or key.startswith(_NOW)
            or _lasting_change(draft, h)
        )
        if (
            (learning and not _someone_else(draft, h) and not _lesson_is_a_value(draft, h))
            or (after is not None and h.start > after)
            or (_is_result(h, _life_story(draft)) and acted is not None and h.start > acted)
        ):
            kept.append(h)
    return kept


_LASTING_RE = re.compile(
    r"\bI(?:\s+have|’ve|'ve)?\s+(?:never|always|still|no\s+longer)\b|\bI\s+now\b", re.IGNORECASE
)


_KEPT_RE = re.compile(r"\bI(?:\s+have|’ve|'ve)\s+(?!been\b|had\b)[a-z]+", re.IGNORECASE)


def _lasting_change(draft: Draft, hit: Hit) -> bool:
    """"Since that meeting I have never stayed quiet": the teller changed for good."""
    if not hit.key.lstrip(".!? ").startswith(("since", "ever since", "from that")):
        return False
    sentence = draft.sentence_at(hit.start)
    if sentence is None:
        return False
    # "I've kept that number on a card ever since": the habit comes before the cue.
    return bool(_LASTING_RE.search(draft.text, hit.end, sentence.end)) or bool(
        _KEPT_RE.search(draft.text, sentence.start, hit.start)
    )


def _lesson_is_a_value(draft: Draft, hit: Hit) -> bool:
    """"It taught me compassion", "taught me the importance of resilience", "so much about
    my values": a value named as the lesson is telling, not an outcome."""
    sentence = draft.sentence_at(hit.start)
    if sentence is None:
        return False
    after = words_of(draft.text, hit.end, min(sentence.end, hit.end + 80))[:6]
    values = word_set("value_nouns")
    told = {"values", "value", "importance", "important", "principles"}
    return any(w in values or w in told for w in after) or _general(draft, hit)


def _first_act(draft: Draft) -> int | None:
    for sentence in draft.sentences:
        if teller_acts(draft, sentence):
            return sentence.end
    return None


def _is_result(hit: Hit, life: bool = False) -> bool:
    """A changed state ("he made a full recovery", "she's running the group now"), not
    only time passing. In a life told stage by stage, "After that I did my Level 5" is the
    next stage, not what followed a choice."""
    key = hit.key.rstrip(".!")
    return (
        any(w in key for w in _RESULT_WORDS)
        or key.endswith("now")
        or key.startswith("later ")
        or (not life and key.startswith(("after that", "and now", "by ", "within ")))
    )


_RESULT_WORDS = ("surviv", "recover", "hurt", "lived", "made it", "pulled", "subsequent")
# The teller's present, changed by the story: "Now, when a call frightens me, I slow down."
_NOW = ("now", "these days", "today", "nowadays")


def outcome(draft: Draft, part: str) -> Verdict:
    hits = outcome_evidence(draft)
    if hits and nothing_to_picture(draft, choice_evidence(draft)):
        return Verdict.suggest(hint("outcome", "abstract", part), [], reason("outcome", "abstract"))
    if hits:
        return Verdict.ok(hint("outcome", "ok", part), _sentence_hits(draft, hits)[:2])
    # A turn shown in action whose close comes after the choice ``choice_point`` shows.
    arc = shown_arc(draft)
    chosen = shown_choice(draft)
    if arc is not None and chosen is not None and arc[1].start > chosen:
        return Verdict.ok(hint("outcome", "ok", part), [arc[1]], reason("outcome", "arc"))
    if draft.hits("outcome"):
        return Verdict.suggest(hint("outcome", "suggest", part), [], reason("outcome", "no_choice"))
    return Verdict.suggest(hint("outcome", "suggest", part))
