"""Text: the one sentence and clause reader of the app (sentences, clauses, quoted speech).

Layer: text (pure, Qt-free; used by the coach now and by the editor, rehearsal and export
later). Every position is a character offset into the text exactly as written (Markdown
included), so a caller can highlight it.

- ``split_sentences``: a sentence ends at . ! ? … (with any closing quotes or brackets)
  before a space, at a blank line, or before a Markdown list item or heading. A full stop
  after an abbreviation does not end one: titles ("Dr. Patel"), "e.g.", "i.e.", "No. 4",
  an initial ("J. Smith"), and "3 a.m." or "etc." when the text goes on in lower case.
- ``split_clauses``: a sentence cut at commas, semicolons, colons, dashes and brackets, and
  before the joining words that start a new clause ("but", "so", "because", "when" ...).
- ``quoted_spans``: the stretches inside quotation marks (“…”, "…", ‘…’).
- ``clause_facts``: who a clause is about (its first subject word), and whether it is
  negated, hedged (modal, wish, condition) or about the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A word: letters or digits, with inner apostrophes or hyphens ("don't", "Ward-7").
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

_BOUNDARY_RE = re.compile(
    r"(?<=[.!?…])[\"'”’)\]*_]*\s+"
    r"|\n[ \t]*\n\s*"
    r"|\n(?=[ \t]*(?:[-*+•]|\d+[.)]|#{1,6})\s)"
)
# Always followed by a name or a number: the full stop never ends the sentence.
TITLES = frozenset(
    {"mr", "mrs", "ms", "mx", "dr", "prof", "st", "cllr", "sgt", "insp", "supt", "rev",
     "fr", "capt", "col", "lt", "gen", "hon", "sr", "jr", "e.g", "i.e", "cf", "vs", "approx",
     "dept", "fig"}
)
# End a sentence only when a capital follows: "3 a.m. and" goes on, "at 3 a.m. The" ends.
SOFT_ABBREVIATIONS = frozenset({"a.m", "p.m", "etc", "am", "pm", "incl", "esp"})
# "No." is an abbreviation only before a number ("No. 4"); otherwise it is the word "no".
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "p", "pp", "para"})
_LAST_WORD_RE = re.compile(r"([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.$")

_CLAUSE_PUNCT_RE = re.compile(r"\s*[,;:()—–]\s*|\s+-\s+")
# Either a punctuation break (group 1) or the space before a joining word (group 2).
JOINERS = frozenset(
    {"but", "so", "because", "when", "while", "whilst", "then", "until", "although",
     "though", "and", "or", "if", "unless", "after", "before", "since", "as", "instead"}
)
_BREAK_RE = re.compile(
    r"(\s*[,;:()—–]\s*|\s+-\s+)|(\s)(?=(?:" + "|".join(sorted(JOINERS)) + r")\b)",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(r"“[^”\n]{1,600}”|\"[^\"\n]{1,600}\"|(?<![\w’'])‘[^’\n]{1,600}’(?![\w])")

NEGATIONS = frozenset(
    {"not", "no", "never", "nobody", "nothing", "none", "nowhere", "neither", "nor",
     "without", "cannot", "hardly"}
)
MODALS = frozenset(
    {"could", "would", "might", "should", "may", "must", "wish", "wished", "if", "imagine",
     "hope", "hoped", "unless", "suppose", "perhaps", "maybe", "whether", "ought"}
)
FUTURE = frozenset({"will", "won't", "shall", "going", "gonna", "tomorrow", "soon", "next"})
TELLER = frozenset({"i", "i'm", "i'd", "i'll", "i've", "me", "my", "myself"})
GROUP = frozenset({"we", "we're", "we'd", "we'll", "we've", "us", "our"})
OTHERS = frozenset(
    {"he", "she", "they", "he's", "she's", "they're", "he'd", "she'd", "they'd", "his", "her",
     "their"}
)


@dataclass(frozen=True)
class Sentence:
    """A sentence: offsets ``[start, end)`` (no surrounding space) and its word count."""

    start: int
    end: int
    words: int


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


@dataclass(frozen=True)
class ClauseFacts:
    """What a clause says about itself: its subject word and its mood."""

    # "teller", "group", "other" or "" (none found). "You" is none of them: a Self told in
    # the second person means the teller by it.
    subject: str
    negated: bool
    hedged: bool  # a modal, a wish, a condition: something possible rather than done
    future: bool


def _ends_with_abbreviation(text: str, end: int, nxt: int) -> bool:
    """True when the full stop at ``end - 1`` closes an abbreviation, given the text from
    ``nxt`` on (what follows the space)."""
    if text[end - 1] != ".":
        return False
    match = _LAST_WORD_RE.search(text, max(0, end - 12), end)
    if match is None or match.end() != end:
        return False
    word = match.group(1).lower()
    following = text[nxt : nxt + 1]
    if word in TITLES:
        return True
    if word in NUMBER_ABBREVIATIONS:
        return following.isdigit()
    if word in SOFT_ABBREVIATIONS:
        # "at 3 a.m. Dr. Patel rang": a title after it reads as the same sentence
        title = _LAST_WORD_RE.match(text[nxt : nxt + 8].split(" ", maxsplit=1)[0])
        if title and title.group(1).lower() in TITLES:
            return True
        return following.islower() or following.isdigit()
    # An initial: "J. Smith" (a capital letter alone, a capital after it).
    return len(word) == 1 and match.group(1).isupper() and following.isupper()


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets and word counts; empty fragments are dropped."""
    return list(_split_cached(text))


@lru_cache(maxsize=64)
def _split_cached(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        closers = match.group(0)
        cut = match.start() + len(closers) - len(closers.lstrip("\"'”’)]*_"))
        if "\n" not in match.group(0) and _ends_with_abbreviation(
            text, _stop_before_closers(text, start, cut), match.end()
        ):
            continue
        _add(sentences, text, start, cut)
        start = match.end()
    _add(sentences, text, start, len(text))
    return tuple(sentences)


def _stop_before_closers(text: str, start: int, cut: int) -> int:
    end = cut
    while end > start and text[end - 1] in "\"'”’)]*_":
        end -= 1
    return end


def _add(out: list[Sentence], text: str, begin: int, end: int) -> None:
    chunk = text[begin:end]
    count = len(WORD_RE.findall(chunk))
    if count:
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        out.append(Sentence(begin + lead, end - trail, count))


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[Clause]:
    """The clauses of ``text[start:end]`` (usually one sentence), in order."""
    stop = len(text) if end is None else end
    clauses = []
    begin = start
    for match in _BREAK_RE.finditer(text, start, stop):
        if match.start() > begin and WORD_RE.search(text, begin, match.start()):
            clauses.append(Clause(begin, match.start()))
        begin = match.end()
    if stop > begin and WORD_RE.search(text, begin, stop):
        clauses.append(Clause(begin, stop))
    return clauses


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of every stretch in quotation marks, the marks included."""
    return [m.span() for m in _QUOTE_RE.finditer(text)]


def words_of(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The lower-case words of ``text[start:end]`` with ’ folded to '."""
    stop = len(text) if end is None else end
    return [w.lower().replace("’", "'") for w in WORD_RE.findall(text, start, stop)]


def clause_facts(words: list[str]) -> ClauseFacts:
    """Subject and mood of a clause given its lower-case words (see ``words_of``)."""
    subject = ""
    for word in words[:6]:
        if word in TELLER:
            subject = "teller"
            break
        if word in GROUP:
            subject = "group"
            break
        if word in OTHERS:
            subject = "other"
            break
    negated = any(w in NEGATIONS or w.endswith("n't") for w in words)
    hedged = any(w in MODALS for w in words)
    future = any(w in FUTURE or w.endswith("'ll") for w in words)
    return ClauseFacts(subject, negated, hedged, future)


def sentences(text: str) -> list[str]:
    """The sentences of one block of plain text as strings, in order, spaces collapsed.

    The same splitter as :func:`split_sentences` (the coach's), for the cues, rehearsal and
    exports, so "3 a.m." or "Dr. Patel" is read the same way everywhere.
    """
    flat = " ".join(text.split())
    return [flat[s.start : s.end] for s in split_sentences(flat)]
