"""Coach: the rubric checks for a told moment, in the Story of Self and the Story of Us.

Layer: coach (pure, Qt-free). Each rule reads a prepared ``Draft`` and returns a ``Verdict``
with its evidence: where a moment starts and how long it runs, what is seen or heard in it,
whether values are named rather than shown, whether a life is told as a CV or in many
stages, and whether an Us recalls a moment the room lived. The turn of a Self story
(difficulty, choice, outcome) is read in ``rules_turn``; the teller's own feeling is read
here, as the turn needs it too.
"""

from __future__ import annotations

import bisect
import re

from narrative_app.coach.evidence import clause_around, facts_at, in_quote, sentence_matches
from narrative_app.coach.findings import Verdict, quote
from narrative_app.coach.lexicon import hint, reason, word_set
from narrative_app.coach.text import Draft, Hit, Sentence, distinct
from narrative_app.text.sentences import WORD_RE as WORD_TOKEN_RE
from narrative_app.text.sentences import clause_facts, words_of
from narrative_app.text.timing import PAUSE_RE

MOMENT_MIN_WORDS = 30  # a moment someone can picture takes a few sentences...
MOMENT_MIN_SCENE = 1  # ...with at least one concrete thing in it
WEAK_ANCHOR_SCENE = 2  # a bare year or an undated present-tense scene needs more
PRESENT_SCENE_MIN = 2
SENSORY_MIN = 1
CHALLENGE_MIN = 2
RESUME_MIN = 2
TOO_MANY_JUMPS = 3
SHARED_MIN = 2


def _sentence_hits(draft: Draft, hits: list[Hit]) -> list[Hit]:
    """The sentence around each hit, as evidence the editor can highlight (a leading
    "[pause]" marker left out)."""
    seen: set[int] = set()
    spans = []
    for h in hits:
        sentence = draft.sentence_at(h.start)
        if sentence and sentence.start not in seen:
            seen.add(sentence.start)
            start = sentence.start
            pause = PAUSE_RE.match(draft.text, start, sentence.end)
            if pause is not None:
                start = pause.end() + len(draft.text[pause.end() : sentence.end]) - len(
                    draft.text[pause.end() : sentence.end].lstrip()
                )
            spans.append(Hit(start, sentence.end, draft.text[start : sentence.end]))
    return spans


def find_moment(draft: Draft) -> Hit | None:
    """The first time-anchored stretch long and concrete enough to picture, if any.

    A moment runs from a time anchor ("one night in March", "at a meeting of the board") to
    the next jump to another period of life (a different year, an age, a life stage) or the
    end of the story. A year on its own, or a present-tense scene with no date ("The first
    thing I notice is the smell"), anchors a moment only when more concrete detail follows.
    Anchors in a sentence about habit ("we've all stood at that door at two in the morning")
    do not count: habit is many moments, not one.
    """
    if "moment" not in draft.memo:
        draft.memo["moment"] = _find_moment(draft)
    return draft.memo["moment"]  # type: ignore[return-value]


def _find_moment(draft: Draft) -> Hit | None:
    # Candidates in text order (a stable sort keeps time anchors before year anchors at the
    # same place); a time anchor in a sentence about habit is passed over when reached.
    candidates = [(h, MOMENT_MIN_SCENE, True) for h in draft.hits("time_anchor")]
    candidates += [(h, WEAK_ANCHOR_SCENE, False) for h in draft.hits("year_anchor")]
    # A person in a place at the very start stands in for a date (it needs more scene).
    opening_end = _opening_end(draft)
    candidates += [
        (h, WEAK_ANCHOR_SCENE, False) for h in draft.hits("scene_opening") if h.start < opening_end
    ]
    present = draft.hits("present_scene")
    if distinct(present) >= PRESENT_SCENE_MIN:
        candidates.append((present[0], WEAK_ANCHOR_SCENE, False))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0].start)
    habit_starts = [h.start for h in draft.hits("habitual")]
    jumps = draft.hits("life_jump")
    jump_starts = [j.start for j in jumps]
    scene = sorted(
        ((h.start, h.key) for h in draft.hits("scene") + draft.hits("sensory")),
        key=lambda pair: pair[0],
    )
    scene_starts = [start for start, _ in scene]
    for anchor, needed, check_habit in candidates:
        if check_habit and _sentence_holds(draft, anchor, habit_starts):
            continue
        # The next jump to another period of life (starting after the anchor) ends it.
        j = bisect.bisect_left(jump_starts, anchor.end)
        stop = jumps[j].start if j < len(jumps) else len(draft.text)
        if draft.words_between(anchor.start, stop) < MOMENT_MIN_WORDS:
            continue
        lo = bisect.bisect_left(scene_starts, anchor.start)
        hi = bisect.bisect_left(scene_starts, stop)
        if len({key for _, key in scene[lo:hi]}) >= needed:
            return anchor
    return None


def nothing_to_picture(draft: Draft, choices: list[Hit]) -> bool:
    """Nothing to picture (no moment, nothing seen or heard), and the choice only named
    ("I chose to do the right thing"), not shown as an act ("I ring the GP myself")."""
    if find_moment(draft) is not None or draft.hits("sensory") or draft.hits("scene"):
        return False
    told = _sentence_hits(draft, choices)
    return bool(told) and all(_NAMED_RE.search(h.text) for h in told)


_NAMED_RE = re.compile(r"\b(?:chose|choose|choice|decided|decide|decision)\b", re.IGNORECASE)


def _opening_end(draft: Draft, sentences: int = 2) -> int:
    """Where the story's first ``sentences`` sentences end."""
    found = draft.sentences[:sentences]
    return found[-1].end if found else 0


def _sentence_holds(draft: Draft, hit: Hit, starts: list[int]) -> bool:
    """True when one of ``starts`` (sorted offsets) falls in the sentence holding ``hit``."""
    sentence = draft.sentence_at(hit.start)
    if sentence is None:
        return False
    i = bisect.bisect_left(starts, sentence.start)
    return i < len(starts) and starts[i] < sentence.end


def specific_moment(draft: Draft, part: str) -> Verdict:
    moment = find_moment(draft)
    if moment is not None and _life_story(draft):
        # A told moment inside a life told stage by stage is one glimpse among many.
        return Verdict.suggest(
            hint("specific_moment", "summary", part), [], reason("specific_moment", "stages")
        )
    if moment is not None:
        return Verdict.ok(hint("specific_moment", "ok", part), _sentence_hits(draft, [moment]))
    summary = draft.hits("summary")
    if summary:
        return Verdict.suggest(hint("specific_moment", "summary", part), summary)
    return Verdict.suggest(hint("specific_moment", "suggest", part))


_ABSTRACT_RE = re.compile(
    r"\b(?:learn(?:ed|t)|taught|teaches|importance|lesson|realised|realized|values?|principles?)\b",
    re.IGNORECASE,
)


def sensory_detail(draft: Draft, part: str) -> Verdict:
    """Something seen, heard, smelt, touched or tasted, in a sentence of the story rather
    than of its lesson ("the quiet, technical moment of writing a recommendation")."""
    hits = [h for h in draft.hits("sensory") if not _in_abstract_sentence(draft, h)]
    if distinct(hits) >= SENSORY_MIN:
        return Verdict.ok(hint("sensory_detail", "ok", part), hits)
    return Verdict.suggest(hint("sensory_detail", "suggest", part))


def _in_abstract_sentence(draft: Draft, hit: Hit) -> bool:
    sentence = draft.sentence_at(hit.start)
    return sentence is not None and bool(
        sentence_matches(draft, sentence, _ABSTRACT_RE)
    )


def told_values(draft: Draft, part: str) -> Verdict:
    hits = draft.hits("told_values") + _value_fragments(draft)
    if hits:
        hits.sort(key=lambda h: h.start)
        first = _sentence_hits(draft, hits[:1])
        shown = first[0].text if first else hits[0].text
        return Verdict.suggest(hint("told_values", "suggest", part, quote=quote(shown)), hits)
    return Verdict.ok(hint("told_values", "ok", part))


def _value_fragments(draft: Draft) -> list[Hit]:
    """Sentences made only of value words ("Compassion. Courage. Respect.")."""
    values = word_set("value_nouns")
    found = []
    for sentence in draft.sentences:
        if sentence.words > 3:
            continue
        text = draft.text[sentence.start : sentence.end]
        words = [w.strip(".,;:!?*_-—'\"’“”").lower() for w in text.split()]
        words = [w for w in words if w and w not in {"and", "&"}]
        if words and all(w in values for w in words):
            found.append(Hit(sentence.start, sentence.end, text))
    return found


def resume(draft: Draft, part: str) -> Verdict:
    # A career is the teller's: "He hadn't filed for two years" is not a step in one.
    hits = [h for h in draft.hits("resume") if facts_at(draft, h.start).subject != "other"]
    if distinct(hits) >= RESUME_MIN:
        return Verdict.suggest(hint("resume", "suggest", part), hits)
    return Verdict.ok(hint("resume", "ok", part))


def too_many_moments(draft: Draft, part: str) -> Verdict:
    jumps = draft.hits("life_jump")
    count = distinct(jumps)
    if count >= TOO_MANY_JUMPS:
        return Verdict.suggest(hint("too_many_moments", "suggest", part, count=count), jumps)
    return Verdict.ok(hint("too_many_moments", "ok", part))


def experiential_us(draft: Draft, part: str) -> Verdict:
    """A lived, shared moment, not a category. A label ("as nurses, we all share ...", "we
    in the NHS") with no moment behind it is categorical however often it says "we"; a
    moment the room went through counts with a single shared cue ("we remember that day")."""
    shared = draft.hits("shared_experience")
    labels = draft.hits("category_label")
    moment = find_moment(draft) if labels or shared else None
    if labels and moment is None:
        return Verdict.suggest(
            hint("experiential_us", "category", part, quote=quote(labels[0].text)), labels
        )
    # The teller's own childhood ("When I was seven ... we read a book together") is the
    # teller's story: its "we" is not the room's, so it does not make the moment shared.
    if moment is not None and _CHILDHOOD_RE.search(_sentence_text(draft, moment)):
        moment = None
    if distinct(shared) >= SHARED_MIN or (shared and moment is not None):
        return Verdict.ok(hint("experiential_us", "ok", part), _sentence_hits(draft, shared))
    if labels:
        return Verdict.suggest(
            hint("experiential_us", "category", part, quote=quote(labels[0].text)), labels
        )
    return Verdict.suggest(hint("experiential_us", "suggest", part))


_CHILDHOOD_RE = re.compile(
    r"\b(?:when\s+I\s+was\s+(?:a\s+)?(?:\w+teen|\d+|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|little|small|young|child|kid|boy|girl)|as\s+a\s+(?:child|kid|boy|girl|teenager)|"
    r"aged\s+(?:\d+|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen))\b",
    re.IGNORECASE,
)


def _sentence_text(draft: Draft, hit: Hit) -> str:
    sentence = draft.sentence_at(hit.start)
    return draft.text[sentence.start : sentence.end] if sentence else hit.text


def _words(draft: Draft, sentence: Sentence, limit: int | None = None) -> list[str]:
    text = draft.text[sentence.start : sentence.end].split()[:limit]
    return [w.strip(".,;:!?*_-—'\"“”‘’").lower() for w in text]


def _life_story(draft: Draft) -> bool:
    """A life told stage by stage, or a CV: many jumps, or career steps."""
    return (
        distinct(draft.hits("life_jump")) >= TOO_MANY_JUMPS
        or distinct(draft.hits("resume")) >= RESUME_MIN
        or distinct(draft.hits("year_anchor")) >= TOO_MANY_JUMPS
    )


def emotion(draft: Draft, part: str) -> Verdict:
    """The teller's own feeling: a feeling cue in a clause that names the teller ("I", "my",
    "me", or "you" in a Self told in the second person), or in a clause with no subject of
    its own in a sentence about the teller; not "she felt", "his hands shook", "the
    trolleys rattled", not inside quoted speech, and not a statement of pride ("I am proud
    of what my teams have achieved")."""
    hits = [h for h in draft.hits("emotion") if _tellers_feeling(draft, h, part)]
    if hits:
        return Verdict.ok(hint("emotion", "ok", part), hits)
    if draft.hits("emotion"):
        return Verdict.suggest(hint("emotion", "suggest", part), [], reason("emotion", "others"))
    return Verdict.suggest(hint("emotion", "suggest", part))


_PERSONAL = frozenset(
    {"i", "i'm", "i'd", "i'll", "i've", "me", "my", "myself", "we", "we'd", "we'll", "we've",
     "we're", "us", "our", "you", "your", "you're", "you'd", "yourself"}
)
_PRIDE_RE = re.compile(
    r"\b(?:am|'m|’m|is|are|feel|remain)\s+(?:so\s+|very\s+|immensely\s+)?proud\b", re.IGNORECASE
)


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "one", "two"})
_JOINING = frozenset({"and", "but", "so", "then", "when", "while", "as", "because", "until"})


def _own_subject(text: str, start: int, end: int) -> bool:
    """True when a clause opens on a subject of its own ("and the trolleys rattled",
    "Kerry cried"), so that it does not borrow its sentence's subject."""
    tokens = WORD_TOKEN_RE.findall(text, start, end)
    while tokens and tokens[0].lower() in _JOINING:
        tokens.pop(0)
    if not tokens:
        return False
    first = tokens[0]
    named = first[0].isupper() and first not in {"I", "I’m", "I'm"}
    return first.lower() in _DETERMINERS or named


def _tellers_feeling(draft: Draft, hit: Hit, part: str) -> bool:
    if _others_body(hit) or (part == "self" and in_quote(draft, hit.start)):
        return False
    clause = clause_around(draft, hit.start)
    sentence = draft.sentence_at(hit.start)
    if clause is None or sentence is None:
        return False
    if _PRIDE_RE.search(draft.text, max(sentence.start, hit.start - 20), hit.end):
        return False
    words = words_of(draft.text, clause.start, clause.end)
    if any(w in _PERSONAL for w in words + words_of(hit.text)):
        return True
    facts = clause_facts(words)
    if facts.subject or _own_subject(draft.text, clause.start, clause.end):
        return False
    # A clause with no subject of its own borrows the subject of the sentence before it
    # ("At nineteen I failed the test and cried in the car park").
    first = words_of(draft.text, sentence.start, clause.start)
    return bool(first) and (first[0] in _PERSONAL or clause_facts(first).subject == "teller")


_OTHERS = frozenset({"he", "she", "they", "his", "her", "their"})


def _others_body(hit: Hit) -> bool:
    words = words_of(hit.text)
    return bool(words) and words[0] in _OTHERS
