"""Coach: the rubric checks for the Story of Self and the Story of Us.

Layer: coach (pure, Qt-free). Each rule reads a prepared ``Draft`` and returns a ``Verdict``.
Rules look for general cues (word lists and phrase patterns in resources/coach/lexicon.toml,
plus simple structure such as where a moment starts and how long it runs), never for the
wording of particular examples. A choice can be named ("I decided") or shown (a dilemma set
out, then the teller acting: "I could X, or I could Y. I Y."; "So I don't."); an outcome can
be a lesson or a consequence after the turning point ("a year later", "since that day").
When none of these is named, a turn shown in plain action (``shown_arc``: a difficulty, the
teller acting, then a later time or a look back) counts for challenge, choice and outcome,
unless the teller says there was no choice.
"""

from __future__ import annotations

from narrative_app.coach.findings import Verdict, quote
from narrative_app.coach.lexicon import hint, word_set
from narrative_app.coach.text import Draft, Hit, Sentence, content_words, distinct

MOMENT_MIN_WORDS = 30  # a moment someone can picture takes a few sentences...
MOMENT_MIN_SCENE = 1  # ...with at least one concrete thing in it
WEAK_ANCHOR_SCENE = 2  # a bare year or an undated present-tense scene needs more
PRESENT_SCENE_MIN = 2
SENSORY_MIN = 1
CHALLENGE_MIN = 2
RESUME_MIN = 2
TOO_MANY_JUMPS = 3
SHARED_MIN = 2
FIELD_OVERLAP = 0.6
ARC_CLOSING = 3  # the last sentences read for a move in time or a look back


def _sentence_hits(draft: Draft, hits: list[Hit]) -> list[Hit]:
    """The sentence around each hit, as evidence the editor can highlight."""
    seen: set[int] = set()
    spans = []
    for h in hits:
        sentence = draft.sentence_at(h.start)
        if sentence and sentence.start not in seen:
            seen.add(sentence.start)
            spans.append(
                Hit(sentence.start, sentence.end, draft.text[sentence.start : sentence.end])
            )
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
    habits = draft.hits("habitual")
    anchors = [
        (h, MOMENT_MIN_SCENE)
        for h in draft.hits("time_anchor")
        if not _same_sentence(draft, h, habits)
    ]
    anchors += [(h, WEAK_ANCHOR_SCENE) for h in draft.hits("year_anchor")]
    present = draft.hits("present_scene")
    if distinct(present) >= PRESENT_SCENE_MIN:
        anchors.append((present[0], WEAK_ANCHOR_SCENE))
    if not anchors:
        return None
    anchors.sort(key=lambda pair: pair[0].start)
    jumps = draft.hits("life_jump")
    scene = draft.hits("scene") + draft.hits("sensory")
    for anchor, needed in anchors:
        stop = len(draft.text)
        for jump in jumps:
            if jump.start >= anchor.end and not _overlaps(jump, anchor):
                stop = jump.start
                break
        segment_words = draft.words_between(anchor.start, stop)
        cues = {h.key for h in scene if anchor.start <= h.start < stop}
        if segment_words >= MOMENT_MIN_WORDS and len(cues) >= needed:
            return anchor
    return None


def _same_sentence(draft: Draft, hit: Hit, others: list[Hit]) -> bool:
    sentence = draft.sentence_at(hit.start)
    if sentence is None:
        return False
    return any(sentence.start <= o.start < sentence.end for o in others)


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def specific_moment(draft: Draft, part: str) -> Verdict:
    moment = find_moment(draft)
    if moment is not None:
        return Verdict.ok(hint("specific_moment", "ok", part), _sentence_hits(draft, [moment]))
    summary = draft.hits("summary")
    if summary:
        return Verdict.suggest(hint("specific_moment", "summary", part), summary)
    return Verdict.suggest(hint("specific_moment", "suggest", part))


def sensory_detail(draft: Draft, part: str) -> Verdict:
    hits = draft.hits("sensory")
    if distinct(hits) >= SENSORY_MIN:
        return Verdict.ok(hint("sensory_detail", "ok", part), hits)
    return Verdict.suggest(hint("sensory_detail", "suggest", part))


def emotion(draft: Draft, part: str) -> Verdict:
    hits = draft.hits("emotion")
    if hits:
        return Verdict.ok(hint("emotion", "ok", part), hits)
    return Verdict.suggest(hint("emotion", "suggest", part))


def challenge(draft: Draft, part: str) -> Verdict:
    """Two difficulty cues, or one inside a told moment where the teller shows feeling:
    a scene with a felt difficulty in it rarely names the difficulty twice."""
    hits = draft.hits("challenge")
    count = distinct(hits)
    if count >= CHALLENGE_MIN or (
        count == 1 and draft.hits("emotion") and _in_moment(draft, hits[0])
    ):
        return Verdict.ok(hint("challenge", "ok", part), hits)
    arc = shown_arc(draft)
    if arc is not None:
        return Verdict.ok(hint("challenge", "ok", part), hits or [arc[0]])
    return Verdict.suggest(hint("challenge", "suggest", part))


def _in_moment(draft: Draft, hit: Hit) -> bool:
    """True when ``hit`` comes after the start of the story's told moment."""
    moment = find_moment(draft)
    return moment is not None and hit.start >= moment.start


def choice_point(draft: Draft, part: str, choice_field: str = "") -> Verdict:
    hits = draft.hits("choice")
    if hits:
        return Verdict.ok(hint("choice_point", "ok", part), _sentence_hits(draft, hits))
    if choice_field.strip() and _field_told(choice_field, draft.text):
        return Verdict.ok(hint("choice_point", "ok", part))
    negated = draft.hits("choice_negated") or draft.negated_hits("choice")
    if negated:
        return Verdict.suggest(hint("choice_point", "negated", part), negated)
    arc = shown_arc(draft)
    if arc is not None:
        return Verdict.ok(hint("choice_point", "ok", part), [arc[0]])
    if choice_field.strip():
        return Verdict.suggest(hint("choice_point", "field", part, field=quote(choice_field)))
    return Verdict.suggest(hint("choice_point", "suggest", part))


def _field_told(field_text: str, draft_text: str) -> bool:
    """True when most of a structured field's distinctive words appear in the draft."""
    wanted = content_words(field_text)
    if not wanted:
        return False
    present = content_words(draft_text)
    return len(wanted & present) / len(wanted) >= FIELD_OVERLAP


def outcome(draft: Draft, part: str) -> Verdict:
    hits = draft.hits("outcome")
    if hits:
        return Verdict.ok(hint("outcome", "ok", part), _sentence_hits(draft, hits))
    arc = shown_arc(draft)
    if arc is not None and not draft.hits("choice_negated"):
        return Verdict.ok(hint("outcome", "ok", part), [arc[1]])
    return Verdict.suggest(hint("outcome", "suggest", part))


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
    hits = draft.hits("resume")
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
    if distinct(shared) >= SHARED_MIN or (shared and moment is not None):
        return Verdict.ok(hint("experiential_us", "ok", part), _sentence_hits(draft, shared))
    if labels:
        return Verdict.suggest(
            hint("experiential_us", "category", part, quote=quote(labels[0].text)), labels
        )
    return Verdict.suggest(hint("experiential_us", "suggest", part))


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
    tense = False
    for index, sentence in enumerate(sentences):
        if sentence.end <= moment.start:
            continue
        if tense and _teller_acts(draft, sentence):
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
            or any(w in tension_words for w in _words(draft, sentence))
        )
    return None


def _words(draft: Draft, sentence: Sentence, limit: int | None = None) -> list[str]:
    text = draft.text[sentence.start : sentence.end].split()[:limit]
    return [w.strip(".,;:!?*_-—'\"“”‘’").lower() for w in text]


def _teller_acts(draft: Draft, sentence: Sentence) -> bool:
    """True for "I put the pen down.", "So I ...", "But instead we ..." (not "I was ...")."""
    words = _words(draft, sentence, 6)
    openers = word_set("arc_openers")
    while words and words[0] in openers:
        words.pop(0)
    return (
        len(words) >= 2
        and words[0] in word_set("arc_subjects")
        and words[1] not in word_set("arc_state_verbs")
    )


def _closes(draft: Draft, ending: list[Sentence]) -> bool:
    """True when the last lines move on in time or look back from the present."""
    closing = word_set("arc_closing")
    if any(w in closing for s in ending for w in _words(draft, s)):
        return True
    anchors = draft.hits("time_anchor") + draft.hits("year_anchor") + draft.hits("life_jump")
    return any(ending[0].start <= h.start for h in anchors)


def _life_story(draft: Draft) -> bool:
    """A life told stage by stage, or a CV: many jumps, or career steps."""
    return (
        distinct(draft.hits("life_jump")) >= TOO_MANY_JUMPS
        or distinct(draft.hits("resume")) >= RESUME_MIN
    )
