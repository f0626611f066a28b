"""Rehearsal speech: the spoken-rehearsal report (pace, pauses, fillers, what was said).

Layer: rehearsal (pure, Qt-free). Definitions, per part and overall:

- ``seconds``: from the start of the part's first heard word to the end of its last;
  overall, from the first word to the last (leading and trailing silence is not speech).
- ``words``: words actually heard, fillers left out; ``wpm`` = words / minutes.
- ``fillers``: um, uh, er, erm.
- ``pauses``: silences of at least ``PAUSE_SECONDS`` between two heard words of the part
  (overall: between any two words, part changes included); ``longest_pause`` in seconds.
- ``coverage``: share (0-1) of the draft's sayable words that were said.
- ``skipped``: sentences less than half of whose sayable words were said.
- ``added``: heard words (fillers left out) that said no draft word.
- the ask: ``ask_said`` when at least half its words were said; ``ask_as_written`` when at
  least ``AS_WRITTEN`` of them were said, in order, with no words added inside it (the share
  allows for the recogniser missing a word of a sentence said exactly).
"""

from __future__ import annotations

import difflib
import itertools
from dataclasses import asdict, dataclass, field
from typing import Any

from narrative_app.domain import PART_ORDER, PartKind
from narrative_app.rehearsal.speech.alignment import Alignment
from narrative_app.rehearsal.speech.draft import DraftScript

PAUSE_SECONDS = 1.0
SKIP_SHARE = 0.5
ASK_SAID = 0.5
AS_WRITTEN = 0.9
ADDED_INSIDE_ASK = 0


@dataclass
class SpeechMetrics:
    part: str  # "self", "us", "now" or "all"
    seconds: float = 0.0
    words: int = 0
    wpm: float = 0.0
    fillers: int = 0
    pauses: int = 0
    longest_pause: float = 0.0
    coverage: float = 0.0
    skipped: list[str] = field(default_factory=list)
    added: int = 0
    start: float = 0.0  # seconds into the recording of the first word heard (for playback)
    end: float = 0.0


@dataclass
class SpeechReport:
    parts: list[SpeechMetrics]
    overall: SpeechMetrics
    ask: str = ""
    ask_said: bool = False
    ask_as_written: bool = False
    audio_seconds: float = 0.0

    def part(self, kind: PartKind | str) -> SpeechMetrics:
        value = PartKind(kind).value
        return next(p for p in self.parts if p.part == value)

    def to_json(self) -> dict[str, Any]:
        return {
            "parts": [asdict(p) for p in self.parts],
            "overall": asdict(self.overall),
            "ask": {"text": self.ask, "said": self.ask_said, "as_written": self.ask_as_written},
            "audio_seconds": round(self.audio_seconds, 2),
        }


def build_report(script: DraftScript, alignment: Alignment, audio_seconds: float) -> SpeechReport:
    parts = [_metrics(script, alignment, kind) for kind in PART_ORDER]
    overall = _metrics(script, alignment, None)
    overall.skipped = [s for p in parts for s in p.skipped]
    report = SpeechReport(parts, overall, audio_seconds=audio_seconds)
    _ask(script, alignment, report)
    return report


def _metrics(script: DraftScript, alignment: Alignment, kind: PartKind | None) -> SpeechMetrics:
    heard = alignment.heard
    picked = [i for i, p in enumerate(alignment.parts) if kind is None or p is kind]
    out = SpeechMetrics(kind.value if kind else "all")
    if picked:
        first, last = picked[0], picked[-1]
        out.seconds = round(heard[last].end - heard[first].start, 2)
        out.start, out.end = round(heard[first].start, 2), round(heard[last].end, 2)
        out.words = sum(1 for i in picked if not heard[i].is_filler)
        out.fillers = sum(1 for i in picked if heard[i].is_filler)
        out.added = sum(
            1 for i in picked if not heard[i].is_filler and alignment.draft_index[i] is None
        )
        gaps = [
            heard[b].start - heard[a].end
            for a, b in itertools.pairwise(picked)
            if b == a + 1
        ]
        long_gaps = [g for g in gaps if g >= PAUSE_SECONDS]
        out.pauses = len(long_gaps)
        out.longest_pause = round(max(long_gaps, default=0.0), 2)
        if out.seconds > 0:
            out.wpm = round(out.words / (out.seconds / 60), 1)
    sayable = [
        i for i, w in enumerate(script.words) if w.sayable and (kind is None or w.part is kind)
    ]
    if sayable:
        out.coverage = round(sum(1 for i in sayable if i in alignment.said) / len(sayable), 3)
    for sentence in script.sentences:
        if kind is not None and sentence.part is not kind:
            continue
        if sentence.words and _share_said(sentence.words, alignment) < SKIP_SHARE:
            out.skipped.append(sentence.text)
    return out


def _share_said(indexes: tuple[int, ...], alignment: Alignment) -> float:
    return sum(1 for i in indexes if i in alignment.said) / len(indexes)


def _ask(script: DraftScript, alignment: Alignment, report: SpeechReport) -> None:
    if script.ask_sentence is not None:
        sentence = script.sentences[script.ask_sentence]
        report.ask = sentence.text
        share = _share_said(sentence.words, alignment)
        wanted = set(sentence.words)
        inside = [k for k, d in enumerate(alignment.draft_index) if d in wanted]
        added = 0
        if inside:
            added = sum(
                1
                for k in range(inside[0], inside[-1] + 1)
                if alignment.draft_index[k] is None and not alignment.heard[k].is_filler
            )
        report.ask_said = share >= ASK_SAID
        report.ask_as_written = share >= AS_WRITTEN and added <= ADDED_INSIDE_ASK
    elif script.ask_words:
        report.ask = " ".join(script.ask_words)
        spoken = [h.word for h in alignment.heard if not h.is_filler]
        matcher = difflib.SequenceMatcher(None, spoken, list(script.ask_words), autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        matched = sum(b.size for b in blocks)
        share = matched / len(script.ask_words)
        span = blocks[-1].a + blocks[-1].size - blocks[0].a if blocks else 0
        report.ask_said = share >= ASK_SAID
        report.ask_as_written = share >= AS_WRITTEN and span - matched <= ADDED_INSIDE_ASK
