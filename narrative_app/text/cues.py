"""Text: the one cue suggester, and the reading of a typed list of cues.

Layer: text (Qt-free). The cue editor's "Suggest cues" and rehearsal's stand-in cues (a part
without cues of its own) both call ``suggest_cues``, so the same draft gives the same cues:
one per block of the draft (a beat; headings left out). Each cue carries what the speaker
needs to see, found by simple structural rules: a quoted line (“You'll be gone by Easter”),
else the choice or the ask (the sentence with "I decided", "instead", "will you"...), else the
most concrete sentence (numbers, times, names), else the first. It is cut to the clause that
holds what was found when that is short, else to its first eight words.
"""

from __future__ import annotations

import re

from narrative_app.text.markdown import BlockType, read_blocks
from narrative_app.text.sentences import sentences

CUE_WORDS = 8
MAX_CLAUSE_WORDS = 12
ELLIPSIS = "…"

# A clause ends at a comma, semicolon, colon or dash (sentences are split before this).
_CLAUSE_END_RE = re.compile(r"[,;:—–](?=\s|$)|\s[-–—]\s")
_TRAILING = ".,;:!?"
_LIST_MARK_RE = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_WORD_RE = re.compile(r"\w", re.UNICODE)


MAX_QUOTE_WORDS = 12
MIN_CLAUSE_WORDS = 3
_QUOTE_RE = re.compile(r"[“\"]([^”\"]{3,200})[”\"]")
_CHOICE_RE = re.compile(
    r"\b(?:I|we) (?:decided|chose|choose|picked|made up my mind|said yes|said no|promised|"
    r"refused|stood up|walked out|stayed)\b|\binstead\b",
    re.IGNORECASE,
)
_ASK_RE = re.compile(r"\b(?:will|would|can|could) you\b", re.IGNORECASE)
_CONCRETE_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|half|o'clock|o’clock|midnight|noon|morning|night)\b",
    re.IGNORECASE,
)
_NAME_RE = re.compile(r"(?<=\w )[A-Z][a-z]+")


def suggest_cue(text: str) -> str:
    """A short cue for one block of plain text ("" when it has no words)."""
    found = [s for s in sentences(text) if _WORD_RE.search(s)]
    if not found:
        return ""
    quoted = _QUOTE_RE.search(" ".join(text.split()))
    if quoted and 2 <= len(quoted.group(1).split()) <= MAX_QUOTE_WORDS:
        return f"“{quoted.group(1).strip().rstrip(',')}”"
    for pattern in (_ASK_RE, _CHOICE_RE):
        for sentence in found:
            match = pattern.search(sentence)
            if match:
                return _shorten(sentence, match.start())
    scores = [_concrete(s) for s in found]
    best = max(range(len(found)), key=lambda i: (scores[i], -i))
    return _shorten(found[best] if scores[best] else found[0], 0)


def _concrete(sentence: str) -> int:
    return len(_CONCRETE_RE.findall(sentence)) * 2 + len(_NAME_RE.findall(sentence))


def _shorten(sentence: str, at: int) -> str:
    """The clause of ``sentence`` holding offset ``at`` when short, else eight words."""
    start = 0
    end = len(sentence)
    for found in _CLAUSE_END_RE.finditer(sentence):
        if found.start() < at:
            start = found.end()
        elif len(sentence[start : found.start()].split()) >= MIN_CLAUSE_WORDS:
            end = found.start()
            break
    clause = sentence[start:end].strip().rstrip(_TRAILING)
    if 2 <= len(clause.split()) <= MAX_CLAUSE_WORDS:
        return clause
    words = clause.split() if len(clause.split()) >= 2 else sentence.split()
    if len(words) <= CUE_WORDS:
        return " ".join(words).rstrip(_TRAILING)
    return " ".join(words[:CUE_WORDS]).rstrip(_TRAILING) + ELLIPSIS


def suggest_cues(draft: str) -> list[str]:
    """One cue per paragraph, list item or quote of a Markdown draft, in order."""
    cues = []
    for block in read_blocks(draft):
        if block.type is BlockType.HEADING:
            continue
        cue = suggest_cue(block.spoken)
        if cue:
            cues.append(cue)
    return cues


def parse_cues(text: str) -> list[str]:
    """One cue per non-empty line; a leading bullet ("- ", "• ", "1. ") is not part of it."""
    cues = []
    for line in text.splitlines():
        cue = _LIST_MARK_RE.sub("", line).strip()
        if cue:
            cues.append(cue)
    return cues
