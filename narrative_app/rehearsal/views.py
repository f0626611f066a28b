"""Rehearsal: the text a speaker sees for a part, in each view (cues, full text, ladder).

Qt-free: these functions take a ``StoryPart`` and return plain blocks of text, which the
rehearsal window lays out in large type. Drafts are read by the one Markdown reader
(``text.markdown``), so the speaker sees words, not asterisks, and the same bullets, quotes
and links as every export; stand-in cues come from the one cue suggester (``text.cues``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cache

from narrative_app.domain import DEFAULT_PACE_WPM, StoryPart
from narrative_app.paths import read_resource_text
from narrative_app.text.cues import suggest_cues
from narrative_app.text.markdown import BlockType, Span, inline_spans, read_blocks, spans_text
from narrative_app.text.sentences import sentences
from narrative_app.text.words import WORD_RE

KEY_WORDS_PER_PARAGRAPH = 6
ELLIPSIS = "…"
PAUSE_MARK = "‖"  # a written [pause] is shown as the speaker's pause mark, not as text


class BlockKind(enum.StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


class CueSource(enum.StrEnum):
    """Where the cue lines came from, so the window can say so."""

    CUES = "cues"  # the part's own speaking cues
    DRAFT = "draft"  # no cues: the cues suggested from the draft stand in
    EMPTY = "empty"  # nothing written for this part


@dataclass(frozen=True)
class CueView:
    lines: tuple[str, ...]
    source: CueSource


class LadderStep(int, enum.Enum):
    """The memorise ladder, from everything on screen to almost nothing."""

    FULL = 0
    FIRST_LINES = 1
    KEY_WORDS = 2
    HEADINGS = 3


# -- Markdown to plain blocks -------------------------------------------------------------------
_KINDS = {BlockType.HEADING: BlockKind.HEADING, BlockType.BULLET: BlockKind.ITEM,
          BlockType.NUMBERED: BlockKind.ITEM}


def blocks(markdown: str) -> list[Block]:
    """A draft as headings, paragraphs and list items, in order, without inline markup.

    The one Markdown reader (``text.markdown``) decides what is a heading, an item ("- " and
    "• " alike) or a paragraph; quotes read as paragraphs.
    """
    return [Block(_KINDS.get(b.type, BlockKind.PARAGRAPH), _shown(b.spans))
            for b in read_blocks(markdown)]


def _shown(spans: tuple[Span, ...]) -> str:
    """Spans as the speaker sees them: a [pause] marker becomes the pause mark."""
    return " ".join(spans_text(spans, pause=f" {PAUSE_MARK} ").split())


def plain_text(markdown: str) -> str:
    """The draft as plain paragraphs separated by blank lines."""
    return "\n\n".join(b.text for b in blocks(markdown))


# -- Cues -----------------------------------------------------------------------------------------
def first_sentence(text: str) -> str:
    found = sentences(text)
    if not found:
        return ""
    return found[0] + (f" {ELLIPSIS}" if len(found) > 1 else "")


def cue_view(part: StoryPart) -> CueView:
    """The part's cues; without cues, the cues the editor would suggest from the draft."""
    cues = tuple(c for c in (_shown(inline_spans(c)) for c in part.cues) if c)
    if cues:
        return CueView(cues, CueSource.CUES)
    lines = [_shown(inline_spans(line)) for line in suggest_cues(part.draft)]
    if lines:
        return CueView(tuple(lines), CueSource.DRAFT)
    return CueView((), CueSource.EMPTY)


# -- Memorise ladder ------------------------------------------------------------------------------
@cache
def stop_words() -> frozenset[str]:
    text = read_resource_text("rehearsal", "stopwords.txt")
    return frozenset(
        line.strip().lower().replace("’", "'")
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def key_words(text: str, limit: int = KEY_WORDS_PER_PARAGRAPH) -> list[str]:
    """The words that carry a paragraph: names, numbers and long content words, in order."""
    stops = stop_words()
    candidates: list[tuple[int, float, str]] = []
    seen: set[str] = set()
    sentence_start = True
    for position, match in enumerate(WORD_RE.finditer(text)):
        word = match.group(0)
        folded = word.lower().replace("’", "'")
        starts = sentence_start
        tail = text[match.end() : match.end() + 2]
        sentence_start = any(ch in ".!?" for ch in tail[:1])
        if folded in stops or folded in seen:
            continue
        has_digit = any(ch.isdigit() for ch in word)
        if len(word) < 3 and not has_digit:
            continue
        seen.add(folded)
        score = len(word) + (4 if word[0].isupper() and not starts else 0) + (4 if has_digit else 0)
        candidates.append((position, score, word))
    best = sorted(candidates, key=lambda c: (-c[1], c[0]))[:limit]
    return [word for _, _, word in sorted(best)]


def ladder_blocks(part: StoryPart, step: LadderStep) -> list[Block]:
    """The part's draft at one rung of the memorise ladder.

    FULL is the whole text; FIRST_LINES keeps the first sentence of each paragraph;
    KEY_WORDS keeps a handful of words per paragraph; HEADINGS keeps only the draft's own
    headings (an empty list means "tell it from memory": the window shows the part's name).
    """
    source = blocks(part.draft)
    if step is LadderStep.FULL:
        return source
    result: list[Block] = []
    for block in source:
        if block.kind is BlockKind.HEADING:
            result.append(block)
        elif step is LadderStep.FIRST_LINES:
            result.append(Block(block.kind, first_sentence(block.text)))
        elif step is LadderStep.KEY_WORDS:
            words = key_words(block.text)
            if words:
                result.append(Block(block.kind, " · ".join(words)))
    return result


# -- Teleprompter ---------------------------------------------------------------------------------
def scroll_speed(words_per_minute: float, content_pixels: float, words: int) -> float:
    """Pixels per second that move ``words`` of text through the reading line at the pace.

    Because the speed comes from words per minute and the height the words take up, a larger
    font scrolls faster in pixels but takes exactly the same time to read.
    """
    if words <= 0 or content_pixels <= 0:
        return 0.0
    pace = words_per_minute if words_per_minute > 0 else DEFAULT_PACE_WPM
    return content_pixels / words * pace / 60.0
