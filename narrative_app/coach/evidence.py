"""Coach: structure read from a draft, for the evidence a check points to.

Layer: coach (pure, Qt-free). Built on the shared sentence and clause reader
(``narrative_app.text.sentences``). A rule asks here who does something in a clause (the
teller, the group, someone else), whether the clause is negated or only hedged ("could",
"I wish", "if"), whether it is quoted speech, which sentences talk about time to come
("by next spring", "from January") and in what order things happen. Every answer is about a
stretch of the draft, so a verdict can show the sentence that earned it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from narrative_app.coach.text import Draft, Hit
from narrative_app.text.sentences import (
    Clause,
    ClauseFacts,
    Sentence,
    clause_facts,
    quoted_spans,
    split_clauses,
    words_of,
)

# Words that make a clause a wish or a supposition rather than something in hand.
WISH_WORDS = frozenset(
    {"wish", "wished", "if", "imagine", "imagined", "dream", "dreamed", "dreamt", "unless",
     "suppose", "perhaps", "maybe", "whether", "someday", "one day", "only"}
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
_SEASONS = "spring|summer|autumn|winter|christmas|easter|half-term|new year"
# Time to come: "from January", "by next spring", "next month", "starting Monday".
FUTURE_TIME_RE = re.compile(
    rf"\b(?:from|by|starting|before|until|in|this|next|come|within)\s+(?:the\s+)?(?:next\s+|end\s+of\s+|start\s+of\s+)?"
    rf"(?:{_MONTHS}|{_SEASONS}|monday|tuesday|wednesday|thursday|friday|week|month|year|term|"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|\d+)\s+"
    r"(?:days?|weeks?|months?|years?))\b"
    rf"|\bnext\s+(?:{_MONTHS}|{_SEASONS}|week|month|year|term)\b"
    r"|\bby\s+20\d\d\b|\bfrom\s+(?:monday|tomorrow|next\s+\w+)\b"
    rf"|\b(?:on|from|by|before)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b",
    re.IGNORECASE,
)
_NUMBER = (
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|"
    r"a\s+hundred|hundreds|thousands|half|a\s+third|a\s+quarter)"
)
# A loss with a date on it: "our grant ends on 31 March", "re-tendered in June".
DEADLINE_VERB_RE = re.compile(
    r"\b(?:ends?|ending|closes?|closing|stops?|expires?|runs?\s+out|re-?tendered|cut|dropped|"
    r"withdrawn|decides?|votes?|meets|goes\s+to\s+(?:the\s+)?(?:board|committee|cabinet))\b",
    re.IGNORECASE,
)
# What it costs now, counted: "each bed costs £400 a night", "we turned away forty-one
# women", "the waiting list is eleven weeks".
COST_RE = re.compile(
    r"(?:£|\bcosts?\s+(?:us\s+)?(?:around\s+|about\s+|over\s+)?£?)\s?\d[\d,.]*\s*(?:k|m|million|thousand)?"
    r"\s+(?:a|an|per|every)\s+(?:night|day|week|month|year|hour|shift|bed|child|family|place)\b"
    rf"|\b(?:turned|sent)\s+away\s+{_NUMBER}\b"
    rf"|\b{_NUMBER}\s+(?:(?:[\w’'-]+\s+){{0,3}}?(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:turned\s+away|evicted|excluded|admitted|lost|left\s+without|sent\s+home|moved\s+on)"
    r"|(?:of\s+)?(?:[\w’'-]+\s+){0,6}?(?:have|has|had)\s+(?:ended\s+up\s+in\s+hospital|died|"
    r"been\s+(?:admitted|evicted|excluded|hurt|harmed)))\b"
    rf"|\bwaiting\s+(?:list|time)s?\s+(?:[\w’'-]+\s+){{0,4}}?(?:is|are|has\s+reached|now)\s+(?:now\s+)?{_NUMBER}\s+(?:weeks|months|years)\b",
    re.IGNORECASE,
)
# Going on as we are: "if we keep going like this", "every week we wait", "as things stand".
INACTION_RE = re.compile(
    r"\bif\s+(?:nothing|things)\s+(?:changes?|stays?\s+the\s+same)\b"
    r"|\bif\s+(?:we|nothing|things|this|it)\s+(?:just\s+)?(?:keep|carry|carries|go\s+on|goes\s+on|"
    r"stays?\s+(?:like|as|the\s+same)|"
    r"do\s+nothing|don['’]t|do\s+not|wait|changes?\s+nothing|continues?|carry\s+on|stand\s+by)\b"
    r"|\blike\s+this\b[^.!?]{0,40}\b(?:will|'ll|’ll|won['’]t)\b"
    r"|\b(?:as\s+things\s+stand|at\s+this\s+rate|on\s+current\s+trends?|the\s+longer\s+we\s+wait)\b"
    r"|\bevery\s+(?:day|week|month|year|term|shift)\s+(?:that\s+)?we\s+(?:wait|delay|leave|don['’]t)\b",
    re.IGNORECASE,
)
# A loss to come, in any wording: "we will have burnt out half the team", "will close".
FUTURE_HARM_RE = re.compile(
    r"\b(?:will|'ll|’ll|going\s+to|is\s+set\s+to|are\s+set\s+to)\s+(?:have\s+)?(?:\w+\s+){0,3}?"
    r"(?:burn\w*|lose|lost|close|closed|shut|die|died|miss\w*|leave|left|quit|fail\w*|go\s+under|"
    r"hurt|harmed|stop|stops|end|ends|expire|"
    r"run\s+out|break|broken|collapse|end|stop|wait|sleep\s+rough|fall|worse|cut|gone)\b",
    re.IGNORECASE,
)

NO_PRESSURE_RE = re.compile(
    r"\b(?:no|not\s+an?|isn['’]t\s+an?|there['’]s\s+no)\s+(?:deadline|rush|hurry|urgency|date|"
    r"emergency|crisis)\b"
    r"|\bnothing\s+(?:will|would)\s+(?:be\s+different|change|happen)\b"
    r"|\bnobody\s+is\s+(?:closing|cutting|losing)\b|\b(?:isn['’]t|is\s+not)\s+urgent\b",
    re.IGNORECASE,
)

PLAN_VERB_RE = re.compile(
    r"\b(?:will|can|'ll|’ll|are\s+going\s+to|is\s+going\s+to|starts?|begins?|opens?|"
    r"launch(?:es)?|agreed|approved|funded|signed\s+off|(?:is|are)\s+ready|in\s+place|"
    r"offered|promised|pledged|committed)\b",
    re.IGNORECASE,
)

# A plan's date looks forward ("from January", "by March", "next month"), not "this year".
PLAN_TIME_RE = re.compile(
    r"\b(?:from|by|starting|next|within|in\s+(?:the\s+)?(?:new|next|coming|spring|summer|"
    r"autumn|january|february|march|april|may|june|july|august|september|october|november|"
    r"december))\b",
    re.IGNORECASE,
)

# A sentence about loss or harm is the problem, not the plan.
LOSS_RE = re.compile(
    r"\b(?:clos(?:e|es|ed|ing|ure)|shut\w*|cuts?|cutting|los(?:e|es|ing|t)|die[sd]?|dying|"
    r"deaths?|doubl\w*|trebl\w*|tripl\w*|worse|waiting|rough|doorways?|evict\w*|withdraw\w*|"
    r"overdos\w*|burn\w*|vote\s+on|miss\w*|risk\w*|hurt|harm\w*|pressure|stretch\w*|"
    r"overload\w*|more\s+than\s+\w+\s+cases)\b",
    re.IGNORECASE,
)


def clauses_of(draft: Draft, sentence: Sentence) -> list[Clause]:
    key = f"clauses:{sentence.start}"
    found = draft.memo.get(key)
    if found is None:
        found = split_clauses(draft.text, sentence.start, sentence.end) or [
            Clause(sentence.start, sentence.end)
        ]
        draft.memo[key] = found
    return found  # type: ignore[return-value]


def clause_around(draft: Draft, offset: int) -> Clause | None:
    sentence = draft.sentence_at(offset)
    if sentence is None:
        return None
    clauses = clauses_of(draft, sentence)
    key = f"clause_starts:{sentence.start}"
    memo = draft.memo.get(key)
    starts: list[int] = memo if isinstance(memo, list) else [c.start for c in clauses]
    draft.memo[key] = starts
    index = bisect.bisect_right(starts, offset) - 1
    if index >= 0 and clauses[index].start <= offset < clauses[index].end:
        return clauses[index]
    return Clause(sentence.start, sentence.end)


def sentence_words(draft: Draft, sentence: Sentence) -> frozenset[str]:
    """The lower-case words of a sentence, as a set (worked out once per sentence)."""
    key = f"words:{sentence.start}"
    found = draft.memo.get(key)
    if found is None:
        found = draft.memo[key] = frozenset(words_of(draft.text, sentence.start, sentence.end))
    return found  # type: ignore[return-value]


def sentence_matches(draft: Draft, sentence: Sentence, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` matches inside the sentence (worked out once per sentence)."""
    key = f"match:{id(pattern)}:{sentence.start}"
    found = draft.memo.get(key)
    if found is None:
        match = pattern.search(draft.text, sentence.start, sentence.end)
        found = draft.memo[key] = match is not None
    return bool(found)


def facts_at(draft: Draft, offset: int) -> ClauseFacts:
    """Subject and mood of the clause around ``offset``."""
    clause = clause_around(draft, offset)
    if clause is None:
        return ClauseFacts("", False, False, False)
    return clause_facts(words_of(draft.text, clause.start, clause.end))


_WISH_RE = re.compile(
    r"\b(?:wish|wished|if|imagine|imagined|dream|dreamed|dreamt|unless|suppose|perhaps|maybe|"
    r"whether|someday|only|believe|believed|hope|hoped|somehow)\b",
    re.IGNORECASE,
)


def may_be_wished(draft: Draft, sentence: Sentence) -> bool:
    """A quick test before ``wished``: does the sentence hold any word of wish at all?"""
    return sentence_matches(draft, sentence, _WISH_RE)


def wished(draft: Draft, offset: int, conditions: bool = True) -> bool:
    """True when the clause (or the start of its sentence) is a wish or a supposition;
    without ``conditions``, an "if" alone does not make it one ("If we hit three hundred,
    the works start in spring" is a plan)."""
    sentence = draft.sentence_at(offset)
    clause = clause_around(draft, offset)
    if sentence is None or clause is None:
        return False
    words = words_of(draft.text, clause.start, clause.end)
    words += words_of(draft.text, sentence.start, min(sentence.end, sentence.start + 40))
    wishes = WISH_WORDS if conditions else WISH_WORDS - {"if", "unless", "whether"}
    return any(w in wishes for w in words) or (
        not conditions and any(w in _BELIEF_WORDS for w in words)
    )


# "I believe that if we all play our part, we really can": belief, not a way there.
_BELIEF_WORDS = frozenset({"believe", "believed", "hope", "hoped", "somehow", "someday"})


def quotes(draft: Draft) -> list[tuple[int, int]]:
    found = draft.memo.get("quotes")
    if found is None:
        found = draft.memo["quotes"] = quoted_spans(draft.text)
    return found  # type: ignore[return-value]


def in_quote(draft: Draft, offset: int) -> bool:
    return any(a <= offset < b for a, b in quotes(draft))


def sentence_hit(draft: Draft, offset: int) -> Hit | None:
    sentence = draft.sentence_at(offset)
    if sentence is None:
        return None
    return Hit(sentence.start, sentence.end, draft.text[sentence.start : sentence.end])


def each_sentence_matching(draft: Draft, pattern: re.Pattern[str]) -> Iterator[Hit]:
    """The sentences in which ``pattern`` matches, in order, one at a time: the draft is
    searched only as far as the caller reads (a rule that needs a few sentences of evidence
    stops early). A search that reaches the end is kept for the next caller."""
    key = f"matching:{id(pattern)}"
    cached = draft.memo.get(key)
    if isinstance(cached, list):
        yield from cached
        return
    found: list[Hit] = []
    for match in pattern.finditer(draft.text):
        hit = sentence_hit(draft, match.start())
        if hit is not None and (not found or found[-1].start != hit.start):
            found.append(hit)
            yield hit
    draft.memo[key] = found


def first_start(hits: list[Hit]) -> int | None:
    return min((h.start for h in hits), default=None)
