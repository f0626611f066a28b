"""Rehearsal: the text a speaker sees for a part, in each view (cues, full text, ladder).

Qt-free: these functions take a ``StoryPart`` and return plain blocks of text, which the
rehearsal window lays out in large type. Drafts are Markdown; inline markup is removed so
the speaker sees words, not asterisks.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cache

from narrative_app.coach.timing import PAUSE_RE, WORD_RE
from narrative_app.domain import DEFAULT_PACE_WPM, StoryPart
from narrative_app.paths import read_resource_text

MAX_FALLBACK_CUES = 6
FALLBACK_CUE_WORDS = 12
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
    DRAFT = "draft"  # no cues: the first lines of the draft stand in
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
_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_QUOTE_RE = re.compile(r"^\s*>\s?")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_SPACES_RE = re.compile(r"[ \t]+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")


def strip_inline(text: str) -> str:
    """Remove inline Markdown (emphasis, code, links), show [pause] as a pause mark and
    collapse spaces."""
    text = PAUSE_RE.sub(f" {PAUSE_MARK} ", text)
    text = _IMAGE_RE.sub(r"\1", text)
    text = _LINK_RE.sub(r"\1", text)
    for _ in range(3):  # nested emphasis such as ***word***
        text = _EMPHASIS_RE.sub(r"\2", text)
    text = text.replace("\\", "")
    return _SPACES_RE.sub(" ", text).strip()


def blocks(markdown: str) -> list[Block]:
    """A draft as headings, paragraphs and list items, in order, without inline markup."""
    result: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            text = strip_inline(" ".join(paragraph))
            if text:
                result.append(Block(BlockKind.PARAGRAPH, text))
            paragraph.clear()

    for raw in markdown.replace("\r\n", "\n").split("\n"):
        line = _QUOTE_RE.sub("", raw)
        if not line.strip():
            flush()
            continue
        if heading := _HEADING_RE.match(line):
            flush()
            text = strip_inline(heading.group(2))
            if text:
                result.append(Block(BlockKind.HEADING, text))
            continue
        if item := _ITEM_RE.match(line):
            flush()
            text = strip_inline(item.group(1))
            if text:
                result.append(Block(BlockKind.ITEM, text))
            continue
        paragraph.append(line.strip())
    flush()
    return result


def plain_text(markdown: str) -> str:
    """The draft as plain paragraphs separated by blank lines."""
    return "\n\n".join(b.text for b in blocks(markdown))


# -- Cues -----------------------------------------------------------------------------------------
def first_sentence(text: str) -> str:
    parts = _SENTENCE_END_RE.split(text.strip(), maxsplit=1)
    first = parts[0].strip()
    return first + (f" {ELLIPSIS}" if len(parts) > 1 and parts[1].strip() else "")


def shorten(text: str, max_words: int) -> str:
    words = text.split()
    if len(words) <= max_words:
        return text
    return " ".join(words[:max_words]).rstrip(",;:") + ELLIPSIS


def cue_view(part: StoryPart) -> CueView:
    """The part's cues; without cues, the first line of each paragraph of the draft."""
    cues = tuple(strip_inline(c) for c in part.cues if c.strip())
    if cues:
        return CueView(cues, CueSource.CUES)
    lines = [
        shorten(first_sentence(b.text).removesuffix(f" {ELLIPSIS}"), FALLBACK_CUE_WORDS)
        for b in blocks(part.draft)
        if b.kind is not BlockKind.HEADING
    ]
    if lines:
        return CueView(tuple(lines[:MAX_FALLBACK_CUES]), CueSource.DRAFT)
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
