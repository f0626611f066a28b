"""Coach: an instruction in the teller's way, and what the teller did with it.

Layer: coach (pure, Qt-free). An instruction given to the teller ("my manager said refer
him and leave it there", "the nurse said to settle her back to bed", "I was to go and get
her") is read against the teller's next act, within a few sentences:

- the teller does what was asked ("I was to go and get her. So I went."): an order
  followed, which is not a choice (``complied``);
- the teller does something else, or says no ("I fetched my coat ...", "I said no."): the
  instruction was a difficulty (a person in the way) and the act is a choice (``defied``).

The instructed act and the teller's act are compared by their verbs, regular and irregular
forms alike (go / went, take / took), so no story's own phrase is needed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from narrative_app.coach.lexicon import word_set
from narrative_app.coach.rules_story import _words
from narrative_app.coach.text import Draft, Hit, Sentence, stem

ORDER_WINDOW = 4  # sentences after an instruction read for the teller's answer to it

# Past and participle forms that a light stemmer cannot bring back to their verb.
_IRREGULAR = {
    "went": "go", "gone": "go", "goes": "go", "took": "take", "taken": "take",
    "gave": "give", "given": "give", "rang": "ring", "rung": "ring", "wrote": "write",
    "written": "write", "made": "make", "came": "come", "got": "get", "sent": "send",
    "left": "leave", "brought": "bring", "kept": "keep", "told": "tell", "said": "say",
    "did": "do", "done": "do", "sat": "sit", "stood": "stand", "ran": "run", "drove": "drive",
    "driven": "drive", "put": "put", "let": "let", "shut": "shut", "rode": "ride",
    "spoke": "speak", "spoken": "speak", "held": "hold", "found": "find", "fetched": "fetch",
    "caught": "catch", "bought": "buy", "thought": "think", "met": "meet", "paid": "pay",
    "rewrote": "rewrite", "rewritten": "rewrite", "withdrew": "withdraw", "hid": "hide",
    "lay": "lie", "laid": "lay", "led": "lead", "fed": "feed", "read": "read", "rose": "rise",
}
# Words between the subject and its verb that are not the act: "I just went", "I then rang".
_ADVERBS = frozenset({
    "just", "then", "simply", "quietly", "only", "duly", "dutifully", "obediently", "also",
    "immediately", "straight", "promptly", "reluctantly", "still",
})
# An answer that is assent, not refusal: "I said okay."
_ASSENT = frozenset({"ok", "okay", "fine", "yes", "right", "alright", "sure", "yeah"})
_TELLER = frozenset({"i", "we"})
_DECIDING = frozenset({"decided", "chose", "agreed", "offered", "promised", "tried"})
_AS_ASKED = "(as asked)"
_REQUESTS = ("asked", "wanted")


@dataclass(frozen=True)
class Answer:
    """An instruction to the teller, and the sentence in which the teller answered it."""

    instruction: Hit
    act: Hit
    followed: bool  # True when the act is the one asked for (an order followed)


def verb_root(word: str) -> str:
    """The verb behind a form: "went" -> "go", "settled" -> "settl", "referring" -> "refer"."""
    w = word.lower().replace("’", "'")
    return _IRREGULAR.get(w, stem(w))


def answers(draft: Draft) -> list[Answer]:
    """Each instruction given to the teller, with the teller's next act after it (memoised)."""
    if "orders" not in draft.memo:
        draft.memo["orders"] = _answers(draft)
    return draft.memo["orders"]  # type: ignore[return-value]


def _answers(draft: Draft) -> list[Answer]:
    hits = draft.hits("instruction")
    if not hits:
        return []
    sentences = draft.sentences
    starts = [s.start for s in sentences]
    found: list[Answer] = []
    for hit in hits:
        if _said_by_teller(draft, hit):
            continue
        asked = _next_verb(draft, hit.end)
        index = bisect_right(starts, hit.start) - 1
        if not asked or index < 0:
            continue
        for sentence in sentences[index + 1 : index + 1 + ORDER_WINDOW]:
            verb = _act_verb(draft, sentence)
            if verb is None:
                continue
            words = _words(draft, sentence, 4)
            assent = verb == "said" and any(w in _ASSENT for w in words[2:4])
            followed = assent or verb == _AS_ASKED or verb_root(verb) == verb_root(asked)
            act = Hit(sentence.start, sentence.end, draft.text[sentence.start : sentence.end])
            # Doing what someone asked or wanted ("She asked me to stay. I stayed.") may be
            # a kindness chosen, not an order followed: only an order done is a default.
            if not (followed and hit.key.startswith(_REQUESTS)):
                found.append(Answer(hit, act, followed))
            break
    return found


def _said_by_teller(draft: Draft, hit: Hit) -> bool:
    """"I told him to wait" is the teller giving the instruction, not receiving it."""
    before = draft.text[max(0, hit.start - 12) : hit.start].split()
    return bool(before) and before[-1].lower().strip(",") in _TELLER


def _next_verb(draft: Draft, offset: int) -> str:
    """The first word after ``offset`` that is not an adverb: the act asked for."""
    for word in draft.text[offset : offset + 40].split()[:3]:
        w = word.strip(".,;:!?\"“”‘’").lower()
        if w and w not in _ADVERBS:
            return w
    return ""


def _act_verb(draft: Draft, sentence: Sentence) -> str | None:
    """The verb of a sentence in which the teller (I, we) acts, or None ("I was ...")."""
    words = _words(draft, sentence, 8)
    openers = word_set("arc_openers")
    while words and words[0] in openers:
        words.pop(0)
    if len(words) < 2 or words[0] not in _TELLER:
        return None
    rest = [w for w in words[1:] if w not in _ADVERBS]
    if rest == ["did"]:
        return _AS_ASKED  # "So I did.": what was asked
    if len(rest) >= 3 and rest[0] in _DECIDING and rest[1] == "to":
        return rest[2]  # "I decided to help him": the act decided on
    if not rest or rest[0] in word_set("arc_state_verbs"):
        return None
    return rest[0]


def defied(draft: Draft) -> list[Answer]:
    """Instructions the teller answered with a different act: a person in the way."""
    return [a for a in answers(draft) if not a.followed]


def complied(draft: Draft, offset: int) -> bool:
    """True when the sentence at ``offset`` is the teller doing what they were told."""
    return any(a.followed and a.act.start <= offset < a.act.end for a in answers(draft))
