"""Rehearsal speech: which of the draft's words were said, found by aligning heard words to it.

Layer: rehearsal (pure, Qt-free). ``difflib`` finds the longest runs of heard words that match
the draft in order. Decoding with a model of the draft has one weakness: while the speaker
ad-libs, it can only answer with draft words, so it "hears" scattered draft words. Two guards
keep those out of the count:

- order: a match must run forwards through the draft (difflib's blocks do), so words that jump
  back or far ahead are not matched;
- runs: a match of fewer than ``MIN_RUN`` words counts only when it sits close behind the
  previous kept run (a gap of at most ``NEAR`` words in the draft and in what was heard), as
  a word the recogniser got right between two it got wrong does.

Per-word posteriors were tried as a third guard: they need the decoder's best-path pass, which
costs about a third more time, and on synthetic ad-libs the invented draft words still scored
0.9-1.0, so they are not used.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from narrative_app.domain import PartKind
from narrative_app.rehearsal.speech.draft import DraftScript
from narrative_app.rehearsal.speech.recogniser import HeardWord

MIN_RUN = 3
NEAR = 3


@dataclass(frozen=True)
class Alignment:
    heard: list[HeardWord]
    draft_index: list[int | None]  # per heard word: the draft word it said, or None
    parts: list[PartKind]  # per heard word: the part it belongs to
    said: frozenset[int]  # indexes of the draft words said


def align(script: DraftScript, heard: list[HeardWord]) -> Alignment:
    units: list[str] = []
    owner: list[int] = []
    for index, word in enumerate(script.words):
        for unit in word.text.split():
            units.append(unit)
            owner.append(index)
    content = [i for i, h in enumerate(heard) if not h.is_filler]
    spoken = [heard[i].word for i in content]
    matcher = difflib.SequenceMatcher(None, spoken, units, autojunk=False)
    draft_index: list[int | None] = [None] * len(heard)
    last_a = last_b = None
    for block in matcher.get_matching_blocks():
        if block.size == 0:
            continue
        near = (
            last_a is not None
            and last_b is not None
            and block.a - last_a <= NEAR
            and block.b - last_b <= NEAR
        )
        if block.size < MIN_RUN and not near:
            continue
        for k in range(block.size):
            draft_index[content[block.a + k]] = owner[block.b + k]
        last_a, last_b = block.a + block.size, block.b + block.size
    said = frozenset(i for i in draft_index if i is not None)
    return Alignment(heard, draft_index, _parts(script, draft_index), said)


def _parts(script: DraftScript, draft_index: list[int | None]) -> list[PartKind]:
    """Each heard word's part: that of the draft word it said, else of the last one said
    before it (the speaker is still in that part), else of the first one said after it."""
    out: list[PartKind] = []
    current: PartKind | None = None
    for index in draft_index:
        if index is not None:
            current = script.words[index].part
        out.append(current or PartKind.SELF)
    first = next((script.words[i].part for i in draft_index if i is not None), PartKind.SELF)
    for k, index in enumerate(draft_index):
        if index is not None:
            break
        out[k] = first
    return out
