"""Text: the one cue suggester, and the reading of a typed list of cues.

Layer: text (Qt-free). The cue editor's "Suggest cues" and rehearsal's stand-in cues (a part
without cues of its own) both call ``suggest_cues``, so the same draft gives the same cues:
one per block of the draft (headings left out), the first clause of its first sentence when
that is short, else the sentence when it is short, else its first eight words.
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


def suggest_cue(text: str) -> str:
    """A short cue for one block of plain text ("" when it has no words)."""
    found = sentences(text)
    if not found or not _WORD_RE.search(found[0]):
        return ""
    first = found[0]
    clause_end = _CLAUSE_END_RE.search(first)
    clause = first[: clause_end.start()] if clause_end else first
    clause = clause.strip().rstrip(_TRAILING)
    if 2 <= len(clause.split()) <= MAX_CLAUSE_WORDS:
        return clause
    words = first.split()
    if len(words) <= CUE_WORDS:
        return first.rstrip(_TRAILING)
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
