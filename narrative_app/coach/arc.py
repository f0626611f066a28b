"""Coach: a turn shown in plain action, with no keyword: a difficulty in a told moment, the
teller acting, then a later time or a look back (``shown_arc``); a choice denied that day
and made at a later time (``late_choice``). An act that can turn a story (``turning_act``)
is not an order followed nor an attempt that came to nothing. Read by ``rules_turn`` for
the challenge, the choice and the outcome, and by the learned second opinion.

Layer: coach (pure, Qt-free).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from narrative_app.coach.lexicon import word_set
from narrative_app.coach.orders import complied, defied
from narrative_app.coach.rules_story import _life_story, _tellers_feeling, _words, find_moment
from narrative_app.coach.text import Draft, Hit, Sentence

ARC_CLOSING = 3  # the last sentences read for a move in time or a look back


def shown_arc(draft: Draft) -> tuple[Hit, Hit] | None:
    """A turn shown in action: a told moment with a difficulty in it, then a sentence in which
    the teller acts ("So I ...", "But I ...", "I put the pen down."), then at least one more
    sentence, with the last few moving on in time or looking back from today ("a year later",
    "she still comes in"). Returns the action sentence and the last sentence, or None.

    A summary of years or a CV has no told moment (or too many stages), a story that stops at
    the decision has nothing after it, and a warm memory has no difficulty before the action,
    so none of them counts. Only the first action after the difficulty is read."""
    if "arc" not in draft.memo:
        draft.memo["arc"] = _shown_arc(draft)
    return draft.memo["arc"]  # type: ignore[return-value]


def _shown_arc(draft: Draft) -> tuple[Hit, Hit] | None:
    moment = find_moment(draft)
    if moment is None or _life_story(draft):
        return None
    sentences = draft.sentences
    tension_words = word_set("arc_tension")
    challenge = [h.start for h in draft.hits("challenge")]
    # The teller's own feeling shown in the body ("my chest went tight") is tension too.
    felt = [h.start for h in draft.hits("emotion") if _tellers_feeling(draft, h, "self")]
    # An instruction the teller went against ("The nurse said to settle her back to bed.").
    felt += [a.instruction.start for a in defied(draft)]
    tense = False
    for index, sentence in enumerate(sentences):
        if sentence.end <= moment.start:
            continue
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if tense and teller_acts(draft, sentence) and _routine(draft, sentence, following):
            return None  # the first act after the difficulty carries the default through
        if tense and turning_act(draft, index):
            after = sentences[index + 1 :]
            if after and _closes(draft, after[-ARC_CLOSING:]):
                last = sentences[-1]
                return (
                    Hit(sentence.start, sentence.end, draft.text[sentence.start : sentence.end]),
                    Hit(last.start, last.end, draft.text[last.start : last.end]),
                )
            return None
        tense = (
            tense
            or any(sentence.start <= c < sentence.end for c in challenge)
            or any(sentence.start <= c < sentence.end for c in felt)
            or any(w in tension_words for w in _words(draft, sentence))
        )
    return None


def teller_acts(draft: Draft, sentence: Sentence) -> bool:
    """True for "I put the pen down.", "So I ...", "But instead we ..." (not "I was ...")."""
    words = _words(draft, sentence, 6)
    openers = word_set("arc_openers")
    while words and words[0] in openers:
        words.pop(0)
    if words[:3] == ["what", "i", "did"]:
        return True  # "What I did was sit down on the floor": the act singled out
    return (
        len(words) >= 2
        and words[0] in word_set("arc_subjects")
        and words[1] not in word_set("arc_state_verbs")
        and words[1:3] != ["used", "to"]  # "I used to come down the stairwell": a habit
    )


# A denial of deciding ("I didn't decide anything", "I had no choice"), not of acting.
DECIDED_RE = re.compile(r"\b(?:decid\w*|chose|choose|decision|choice)\b")


def denials(draft: Draft) -> list[Hit]:
    """Where the teller says there was no choice ("I didn't decide anything")."""
    return draft.hits("choice_negated") or draft.negated_hits("choice")


def late_choice(draft: Draft) -> Hit | None:
    """"I didn't decide anything that day." and then, at a later time ("At seven the next
    morning"), the teller acting ("I sat with her in the garden"), with more told after it:
    the choice came later, and that act is it. Every denial must come before the later time,
    and one must be a denial of deciding ("I never meant to", "I did nothing" alone are
    not), in a story that is not a life told stage by stage. Returns the act, or None."""
    if "late_choice" not in draft.memo:
        draft.memo["late_choice"] = _late_choice(draft)
    return draft.memo["late_choice"]  # type: ignore[return-value]


def _late_choice(draft: Draft) -> Hit | None:
    found = denials(draft)
    if not any(DECIDED_RE.search(h.key) for h in found) or _life_story(draft):
        return None
    sentences = draft.sentences
    starts = draft._sentence_starts
    last = bisect_right(starts, max(h.start for h in found)) - 1
    times = draft.hits("time_anchor")
    anchors = [h.start for h in times]
    boundary = sentences[last].end if last >= 0 else 0
    at = bisect_left(anchors, boundary)
    if at == len(anchors):
        return None
    first = bisect_right(starts, anchors[at]) - 1
    for index in range(first, len(sentences) - 1):
        if turning_act(draft, index) or (index == first and _acts_after(draft, times[at])):
            s = sentences[index]
            return Hit(s.start, s.end, draft.text[s.start : s.end])
    return None


def _acts_after(draft: Draft, anchor: Hit) -> bool:
    """"At seven the next morning I sat with her": the teller acts just after the time."""
    sentence = draft.sentence_at(anchor.start)
    end = sentence.end if sentence else anchor.end
    words = [w.strip(".,;:!?\"“”‘’").lower() for w in draft.text[anchor.end : end].split()[:3]]
    return (
        len(words) >= 2
        and words[0] in word_set("arc_subjects")
        and words[1] not in word_set("arc_state_verbs")
    )


def turning_act(draft: Draft, index: int) -> bool:
    """True when sentence ``index`` is the teller acting in a way that can turn a story: not
    an order followed ("So I went.") and not an attempt the next sentence says came to
    nothing ("I raised it at handover. Nothing happened.")."""
    sentences = draft.sentences
    sentence = sentences[index]
    next_one = sentences[index + 1 : index + 2]
    return (
        teller_acts(draft, sentence)
        and not complied(draft, sentence.start)
        and not _came_to_nothing(draft, next_one)
        and not _routine(draft, sentence, next_one[0] if next_one else None)
    )


def _routine(draft: Draft, sentence: Sentence, following: Sentence | None) -> bool:
    """"I passed it to my manager.", "I finish the curtain rail.", "I carried on.": the
    default carried through (handing on, finishing, carrying on), not a turn."""
    words = _words(draft, sentence, 8)
    openers = word_set("arc_openers")
    while words and words[0] in openers:
        words.pop(0)
    verb, rest = (words[1], words[2:4]) if len(words) > 1 else ("", [])
    if verb in word_set("arc_routine_verbs"):
        return True
    handed = verb in ("passed", "pass", "handed", "hand") and rest[:1] in (["it"], ["this"])
    # Taking it to someone above ("I went and found Sandra, my line manager") hands it on.
    upward = any(w in _SENIORS for w in words[1:8]) and verb in _FETCHING
    # "I logged it, same as the other three times": the usual, done again.
    usual = _USUAL_RE.search(draft.text, sentence.start, sentence.end) is not None
    # "... and we packed up and went. That's the job.": the act is what the job asks.
    if following is not None:
        job = _JUST_THE_JOB_RE.match(draft.text, following.start, following.end)
        usual = usual or job is not None
    return (
        handed
        or upward
        or usual
        or (verb in ("carried", "carry", "got", "get") and rest[:1] == ["on"])
    )


_SENIORS = frozenset(
    {"manager", "supervisor", "boss", "sergeant", "sister", "consultant", "registrar", "senior",
     "lead", "leader", "inspector", "head", "director", "matron"}
)
_FETCHING = frozenset(
    {"went", "found", "fetched", "got", "asked", "rang", "called", "phoned", "told", "emailed",
     "messaged", "flagged", "escalated", "referred", "go", "find", "fetch", "ask", "ring"}
)
_JUST_THE_JOB_RE = re.compile(
    r"\s*(?:but\s+|and\s+)?(?:that's|that’s|that\s+is|it's|it’s)\s+(?:just\s+|simply\s+)?(?:the\s+job|"
    r"the\s+script|the\s+rule|the\s+rules|the\s+process|the\s+protocol|the\s+policy|what\s+you\s+do|"
    r"what\s+we\s+do|what\s+we're\s+told|what\s+we’re\s+told|how\s+it\s+works)\b",
    re.IGNORECASE,
)
_USUAL_RE = re.compile(
    r"\b(?:same\s+as\s+(?:always|usual|ever|before|the\s+other|every)|as\s+(?:usual|always|I\s+always\s+"
    r"did|I\s+always\s+do)|like\s+(?:always|I\s+always\s+(?:did|do)|every\s+other\s+time))\b",
    re.IGNORECASE,
)


def _came_to_nothing(draft: Draft, following: list[Sentence]) -> bool:
    """True when the next sentence says the act had no effect ("Nothing happened.")."""
    if not following:
        return False
    starts = [h.start for h in draft.hits("arc_no_effect")]
    at = bisect_left(starts, following[0].start)
    return at < len(starts) and starts[at] < following[0].end


def _closes(draft: Draft, ending: list[Sentence]) -> bool:
    """True when the last lines move on in time or look back from the present."""
    closing = word_set("arc_closing")
    if any(w in closing for s in ending for w in _words(draft, s)):
        return True
    anchors = draft.hits("time_anchor") + draft.hits("year_anchor") + draft.hits("life_jump")
    return any(ending[0].start <= h.start for h in anchors)
