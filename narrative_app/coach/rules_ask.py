"""Coach: the Story of Now's ask: the sentences that ask, and the actions they ask for.

Layer: coach (pure, Qt-free). The ask check finds the sentences that ask (a marker such as
"I'm asking you to", "Will you" or "Will each of you", or a sentence that starts with an
action verb, as list items often do), splits what follows into clauses, and counts the
distinct actions that start those clauses: none is a missing ask, two or more is several, one
that is only "raise awareness" or "support us" with no day, number or place is vague. A
clause that is only the way to say yes ("sign the sheet by the door", "put your name down")
is not a second ask when something else is asked.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from narrative_app.coach.findings import Verdict, quote
from narrative_app.coach.lexicon import hint, reason, word_set
from narrative_app.coach.text import Draft, Hit

ASK_REACH = 400  # characters after a marker that can still belong to the same ask
COMMIT_REACH = 5  # words after the verb where "the sheet", "your name" marks a way to say yes
VAGUE_VERBS = frozenset(
    {"help", "support", "think", "consider", "reflect", "raise", "spread", "step", "do"}
)
# "Sarah, I'd like you to ...": one person named, not the room.
_VOCATIVE_RE = re.compile(
    r"^(?!(?:So|Now|Please|Today|Then|And|But|Well|Right|Friends|Colleagues)\b)[A-Z][a-z]+,\s"
)

_CLAUSE_SPLIT_RE = re.compile(r"[,;:()—–]|\s-\s|\band\b|\bor\b|\bthen\b|\balso\b", re.IGNORECASE)
_LEADING_FILLER_RE = re.compile(
    r"^(?:[\s\-*+•>#\d.)]|so\b|and\b|now\b|please\b|just\b|simply\b|today\b|then\b|also\b"
    r"|if\s+you\s+can\b|if\s+possible\b|where\s+you\s+can\b)+",
    re.IGNORECASE,
)
# "each of you to ...", "every PCN to ...": who is asked, before the action itself.
_ADDRESSEE_RE = re.compile(r"^\s*(?:[\w'’\-]+\s+){0,8}?to\s+", re.IGNORECASE)
# "My ask is that each manager here commits ...", "My ask: could every ward nominate ...":
# who is asked, as the subject of the action that follows.
_SUBJECT_LEAD_RE = re.compile(
    r"^[\s:–—\-]*(?:is\s+(?:that|for)\s+)?(?:(?:could|will|would|can|should)\s+)?"
    r"(?=(?:each|every|all|the|our|your|you|everyone|everybody)\b)",
    re.IGNORECASE,
)
SUBJECT_REACH = 6  # words after "each", "every" ... where the asked action may start
# A word joined to the next by a hyphen ("volunteer-led") is not a verb on its own.
# Being somewhere is an act: "Be there, wearing your lanyard", "Turn up on Thursday".
_ATTEND_RE = re.compile(r"(?:be\s+there|be\s+at\s+the|turn\s+up|show\s+up)\b", re.IGNORECASE)
_FIRST_WORD_RE = re.compile(r"[A-Za-z’']+(?![\-‐][A-Za-z])")
_WORDS_RE = re.compile(r"[A-Za-z’'\-]+")
# A verb followed soon by "are", "was", "has" is a noun leading a statement ("Foster carers
# are leaving"), not an order.
_STATEMENT_RE = re.compile(
    r"^[A-Za-z’'\-]+\s+(?:[A-Za-z’'\-]+\s+)?(?:is|are|was|were|has|have|had)\b", re.IGNORECASE
)
# A lead-in that announces the action rather than being one: "to do one thing: refer ...".
_LEAD_IN_RE = re.compile(
    r"^\s*(?:to\s+)?do\s+(?:just\s+)?(?:one|a\s+single|this\s+one|one\s+small)\s+thing\s*$",
    re.IGNORECASE,
)
OPINION_REACH = 4  # words before "we need to" where "I think" makes it a view, not an ask


def _action(clause: str, marked: bool = False) -> str | None:
    """The action verb a clause starts with, if it is one of the ask verbs (or, straight
    after an ask marker such as "Will you", one of the verbs only an ask makes an order)."""
    clause = _LEADING_FILLER_RE.sub("", clause)
    if _ATTEND_RE.match(clause):
        return "attend"
    match = _FIRST_WORD_RE.match(clause)
    if not match or (not marked and _STATEMENT_RE.match(clause)):
        return None
    word = match.group(0).lower()
    if word in word_set("ask_action") or (marked and word in word_set("ask_action_marked")):
        return word
    return None


def _is_commitment(clause: str) -> bool:
    """True when the clause's object is how to say yes: "sign the sheet", "your names"."""
    words = [w.lower() for w in _WORDS_RE.findall(_LEADING_FILLER_RE.sub("", clause))]
    if not words or words[0] not in word_set("ask_commitment_verb"):
        return False
    return any(w in word_set("ask_commitment") for w in words[1 : 1 + COMMIT_REACH])


def _clause_actions(text: str, marked: bool = False) -> list[tuple[str, bool]]:
    """(verb, is a way to commit) for each clause of ``text`` that starts with an action;
    with ``marked``, the first clause may use the verbs only a marker makes an ask."""
    found = []
    for index, clause in enumerate(_CLAUSE_SPLIT_RE.split(text)):
        if _LEAD_IN_RE.match(clause):
            continue
        verb = _action(clause, marked and index == 0)
        if verb:
            found.append((verb, _is_commitment(clause)))
    return found


def _actions_after(text: str) -> list[tuple[str, bool]]:
    whole = text
    addressee = _ADDRESSEE_RE.match(text)
    if addressee and not _action(text, marked=True):
        text = text[addressee.end() :]
    found = _clause_actions(text, marked=True)
    if not found:
        # "is that each of you comes to ...": the subject comes first, then the action (read
        # on the whole text too, as "each of you comes to" also looks like an addressee).
        for candidate in (text, whole):
            subject = _subject_action(candidate)
            if subject is not None:
                found = _clause_actions(subject, marked=True)
                if found:
                    break
    return found


def _subject_action(text: str) -> str | None:
    """The text from the asked action on, when the ask names its subject first ("is that
    each branch manager here commits, today, to ..."); the verb is given without its -s."""
    lead = _SUBJECT_LEAD_RE.match(text)
    if lead is None:
        return None
    rest = text[lead.end() :]
    for count, match in enumerate(_WORDS_RE.finditer(rest)):
        if count > SUBJECT_REACH or re.search(r"[,;:.!?]", rest[: match.start()]):
            return None
        word = match.group(0).lower()
        base = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        if count and (word in word_set("ask_action") or base in word_set("ask_action")):
            verb = word if word in word_set("ask_action") else base
            return verb + rest[match.end() :]
    return None


def _sentence_actions(draft: Draft, markers: list[Hit], start: int, end: int) -> list:
    text = draft.text[start:end]
    inside = [m for m in markers if start <= m.start < end]
    found: list[tuple[str, bool]] = []
    if inside:
        for marker in inside:
            stop = min(end, marker.end + ASK_REACH)
            found += _actions_after(draft.text[marker.end : stop])
        return found
    # An imperative: the sentence (or its second clause, after "Before you leave,")
    # starts with an action verb.
    clauses = [c for c in re.split(r"[,:]", text, maxsplit=3) if c.strip()]
    for clause in clauses[:3]:
        if _action(clause):
            offset = text.find(clause)
            return _clause_actions(text[offset : offset + ASK_REACH])
    return found


def acting_sentences(draft: Draft) -> list[Hit]:
    """The sentences that ask for at least one action."""
    return [hit for hit, actions in _ask_sentences(draft) if actions]


def _ask_sentences(draft: Draft) -> list[tuple[Hit, list[tuple[str, bool]]]]:
    """Each sentence with an ask marker or an action, and its actions (worked out once)."""
    memo = draft.memo.get("ask_sentences")
    if isinstance(memo, list):
        return memo
    markers = [m for m in draft.hits("ask_marker") if not _described(draft.text, m.start)]
    cached: list[tuple[Hit, list[tuple[str, bool]]]] = []
    starts = [m.start for m in markers]
    for sentence in draft.sentences:
        first = bisect_left(starts, sentence.start)
        last = bisect_left(starts, sentence.end, first)
        here = _sentence_actions(draft, markers[first:last], sentence.start, sentence.end)
        if first < last or here:
            text = draft.text[sentence.start : sentence.end]
            cached.append((Hit(sentence.start, sentence.end, text), here))
    draft.memo["ask_sentences"] = cached
    return cached


def _described(text: str, offset: int) -> bool:
    """True when the word before an ask marker makes it a description ("what we need to")."""
    before = [w.lower() for w in _WORDS_RE.findall(text[max(0, offset - 40) : offset])]
    if before and before[-1] in word_set("ask_marker_void"):
        return True
    # "I just think we need to be honest": a view about what is needed, not an ask.
    collective = text[offset : offset + 3].lower() == "we "
    return collective and any(
        w in word_set("ask_marker_opinion") for w in before[-OPINION_REACH:]
    )


def find_asks(draft: Draft) -> tuple[list[Hit], list[str]]:
    """The sentences that ask, and the distinct actions they ask for (in order).

    A clause whose object is the way to say yes ("sign the sheet by the door", "put your
    names down", "stick your hand up") is not a further ask when something else is asked.
    """
    sentences: list[Hit] = []
    found: list[tuple[str, bool]] = []
    for hit, here in _ask_sentences(draft):
        sentences.append(hit)
        found += here
    if any(not commit for _, commit in found):
        found = [(verb, commit) for verb, commit in found if not commit]
    actions: list[str] = []
    for verb, _ in found:
        if verb not in actions:
            actions.append(verb)
    return sentences, actions


def ask(draft: Draft, part: str, ask_field: str = "") -> Verdict:
    sentences, actions = find_asks(draft)
    if sentences and all(_VOCATIVE_RE.match(s.text) for s in sentences):
        return Verdict.suggest(
            hint("ask", "one_person", part), sentences, reason("ask", "one_person")
        )
    if not actions:
        vague = [
            h for s in sentences for h in draft.hits("ask_vague") if s.start <= h.start < s.end
        ]
        if vague:
            shown = quote(vague[0].text)
            return Verdict.suggest(hint("ask", "vague", part, quote=shown), vague,
                                   reason("ask", "vague", quote=shown))
        if ask_field.strip():
            return Verdict.suggest(hint("ask", "field", part, field=quote(ask_field)))
        return Verdict.suggest(hint("ask", "missing", part))
    if len(actions) >= 2:
        if all(verb in VAGUE_VERBS for verb in actions):
            # "think about it and raise awareness": more than one thing, none of them doable.
            vague = [
                h
                for h in draft.hits("ask_vague")
                if any(s.start <= h.start < s.end for s in sentences)
            ]
            shown = quote(vague[0].text if vague else sentences[0].text)
            return Verdict.suggest(hint("ask", "vague", part, quote=shown), sentences,
                                   reason("ask", "vague", quote=shown))
        return Verdict.suggest(hint("ask", "several", part, count=len(actions)), sentences,
                               reason("ask", "several", count=len(actions)))
    in_ask = [
        h
        for name in ("ask_vague", "ask_concrete")
        for h in draft.hits(name)
        if any(s.start <= h.start < s.end for s in sentences)
    ]
    vague = [h for h in in_ask if h in draft.hits("ask_vague")]
    # A place or time inside the vague words ("at the front of our minds") is not concrete.
    concrete = [
        h for h in in_ask if h not in vague and not any(
            h.start < v.end and v.start < h.end for v in vague
        )
    ]
    if (vague or actions[0] in VAGUE_VERBS) and not concrete:
        shown = quote(vague[0].text if vague else sentences[0].text)
        return Verdict.suggest(hint("ask", "vague", part, quote=shown), sentences,
                               reason("ask", "vague", quote=shown))
    return Verdict.ok(hint("ask", "ok", part), sentences)
