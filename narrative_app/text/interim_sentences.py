"""Text: the sentence splitter the exports, cues and rehearsal use until ``text/sentences.py``
(the one sentence and clause splitter, written in a parallel branch) is merged.

Layer: text (standard library only). It follows the coach's rules: a sentence ends at
. ! ? … (with closing quotes or brackets) before a space, unless the word before the stop is
a known abbreviation ("3 a.m.", "Dr. Patel"). Re-point ``sentences`` at the shared splitter
and delete this module once that lands: everything here calls only ``sentences``.
"""

from __future__ import annotations

import re

_BOUNDARY_RE = re.compile(r"(?<=[.!?…])([\"'”’)\]*_]*)\s+")
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:a\.m|p\.m|e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|St|No|vs|approx|Prof|Cllr|Sgt|Insp)\.)$",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """The sentences of one block of plain text, in order, spaces collapsed."""
    flat = " ".join(text.split())
    if not flat:
        return []
    out: list[str] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(flat):
        if _ABBREVIATION_RE.search(flat[max(start, match.start() - 12) : match.start()]):
            continue  # "Dr." or "a.m." does not end the sentence
        out.append(flat[start : match.end(1)].strip())
        start = match.end()
    out.append(flat[start:].strip())
    return [s for s in out if s]
