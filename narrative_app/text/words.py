"""Text: words and counting, the one word count used by models, coach, timing and exports.

Layer: text (the bottom; standard library only). A word is a run of letters or digits with
inner apostrophes or hyphens ("don't", "Ward-7"); ``[pause]`` markers are not words.
"""

from __future__ import annotations

import re

PAUSE_RE = re.compile(r"\[\s*pause\s*\]", re.IGNORECASE)
WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
PARAGRAPH_SPLIT_RE = re.compile(r"\n\s*\n")


def count_words(text: str) -> int:
    """How many words a text has (pause markers are not words)."""
    return len(WORD_RE.findall(PAUSE_RE.sub(" ", text)))


def count_pauses(text: str) -> int:
    return len(PAUSE_RE.findall(text))


def count_paragraphs(text: str) -> int:
    """Blocks separated by blank lines that hold at least one word."""
    return sum(1 for block in PARAGRAPH_SPLIT_RE.split(text) if WORD_RE.search(block))
