"""Text: the one Markdown block reader, on markdown-it-py, used by every reader of a draft.

Layer: text (Qt-free; standard library and markdown-it-py only). A draft becomes a list of
typed blocks (paragraph, heading, bullet, numbered item, quote), each with its inline text
normalised the same way everywhere: links become their text, images their description,
emphasis and strikethrough markers go (bold and italic are kept as flags on the spans, so a
writer may still show them) and ``[pause]`` markers become their own typed span. "• point" is
a bullet, like "- point". Raw HTML is text, never markup, and indented lines are paragraphs,
not code: a draft is speech, not a program.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from narrative_app.text.words import PAUSE_RE

PAUSE_TEXT = "[pause]"
_DOT_BULLET_RE = re.compile(r"^([ \t]*)[•‣◦▪●][ \t]+", re.MULTILINE)
_SPACES_RE = re.compile(r"\s+")


class BlockType(enum.StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    BULLET = "bullet"
    NUMBERED = "numbered"
    QUOTE = "quote"


@dataclass(frozen=True)
class Span:
    """A run of inline text; ``pause`` spans stand for a ``[pause]`` marker."""

    text: str
    bold: bool = False
    italic: bool = False
    pause: bool = False


@dataclass(frozen=True)
class Block:
    """One block of a draft. ``level``: a heading's level, or a list item's depth (1 = top);
    ``number``: a numbered item's number; ``lines``: the draft's line range [start, end)."""

    type: BlockType
    spans: tuple[Span, ...]
    level: int = 0
    number: int = 0
    lines: tuple[int, int] = (0, 0)

    @property
    def text(self) -> str:
        """The block's words as plain text, pause markers written ``[pause]``."""
        return spans_text(self.spans)

    @property
    def spoken(self) -> str:
        """The block's words without pause markers (what is said aloud)."""
        return spans_text(self.spans, pause="")

    @property
    def is_item(self) -> bool:
        return self.type in (BlockType.BULLET, BlockType.NUMBERED)


def spans_text(spans: tuple[Span, ...] | list[Span], *, pause: str = PAUSE_TEXT) -> str:
    text = "".join(pause if s.pause else s.text for s in spans)
    return _SPACES_RE.sub(" ", text).strip()


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("strikethrough")
    md.disable(["code", "reference"])  # indented text is a paragraph; "[pause]: x" is text
    return md


def _prepare(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _DOT_BULLET_RE.sub(r"\1- ", text)


def read_blocks(draft: str) -> list[Block]:
    """The draft's blocks in order; blocks without any text are left out."""
    reader = _Reader()
    for token in _parser().parse(_prepare(draft)):
        reader.feed(token)
    return reader.blocks


class _Reader:
    """Walks markdown-it's block tokens, keeping track of open lists, items and quotes."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lists: list[list[int]] = []  # per open list: [ordered, next number]
        self.items: list[list[int]] = []  # per open item: [number (0: bullet), fresh]
        self.quotes = 0
        self.heading = 0

    def feed(self, token: Any) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordered = kind == "ordered_list_open"
            self.lists.append([int(ordered), int(token.attrGet("start") or 1) if ordered else 0])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            ordered, number = self.lists[-1]
            self.items.append([number if ordered else 0, 1])
            if ordered:
                self.lists[-1][1] = number + 1
        elif kind == "list_item_close":
            self.items.pop()
        elif kind == "blockquote_open":
            self.quotes += 1
        elif kind == "blockquote_close":
            self.quotes -= 1
        elif kind == "heading_open":
            self.heading = int(token.tag[1:])
        elif kind == "heading_close":
            self.heading = 0
        elif kind in ("inline", "fence", "code_block"):
            spans = (
                inline_spans_of(token.children or [])
                if kind == "inline"
                else _plain_spans(token.content)
            )
            if spans_text(spans):
                lines = (token.map[0], token.map[1]) if token.map else (0, 0)
                self.blocks.append(self._block(spans, lines))

    def _block(self, spans: tuple[Span, ...], lines: tuple[int, int]) -> Block:
        if self.heading:
            return Block(BlockType.HEADING, spans, level=self.heading, lines=lines)
        depth = len(self.lists)
        if self.items and self.items[-1][1]:
            self.items[-1][1] = 0  # an item's later paragraphs are paragraphs
            number = self.items[-1][0]
            kind = BlockType.NUMBERED if number else BlockType.BULLET
            return Block(kind, spans, level=depth, number=number, lines=lines)
        kind = BlockType.QUOTE if self.quotes else BlockType.PARAGRAPH
        return Block(kind, spans, level=depth, lines=lines)


def _plain_spans(text: str) -> tuple[Span, ...]:
    return _merge(_with_pauses(text, bold=False, italic=False))


def _with_pauses(text: str, *, bold: bool, italic: bool) -> list[Span]:
    out: list[Span] = []
    pos = 0
    for found in PAUSE_RE.finditer(text):
        if found.start() > pos:
            out.append(Span(text[pos : found.start()], bold, italic))
        out.append(Span(PAUSE_TEXT, pause=True))
        pos = found.end()
    if pos < len(text):
        out.append(Span(text[pos:], bold, italic))
    return out


def inline_spans_of(children: list[Any]) -> tuple[Span, ...]:
    """Spans from markdown-it inline tokens: text runs with bold/italic flags, and pauses."""
    runs: list[tuple[str, bool, bool]] = []
    bold = italic = 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("softbreak", "hardbreak"):
            runs.append((" ", bold > 0, italic > 0))
        elif kind in ("text", "code_inline", "html_inline", "text_special", "image"):
            runs.append((child.content, bold > 0, italic > 0))
        # link_open/close, s_open/close and the like only mark up: their text is kept
    # Join neighbouring runs first, so a "[pause]" split over tokens is still found.
    spans: list[Span] = []
    for text, is_bold, is_italic in _join(runs):
        spans += _with_pauses(text, bold=is_bold, italic=is_italic)
    return _merge(spans)


def _join(runs: list[tuple[str, bool, bool]]) -> list[tuple[str, bool, bool]]:
    out: list[tuple[str, bool, bool]] = []
    for text, bold, italic in runs:
        if out and out[-1][1:] == (bold, italic):
            out[-1] = (out[-1][0] + text, bold, italic)
        else:
            out.append((text, bold, italic))
    return out


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    """Spaces collapsed, empty runs dropped, the block's outer spaces trimmed."""
    out: list[Span] = []
    for span in spans:
        text = span.text if span.pause else _SPACES_RE.sub(" ", span.text)
        if text:
            out.append(Span(text, span.bold, span.italic, span.pause))
    if out and not out[0].pause:
        out[0] = Span(out[0].text.lstrip(), out[0].bold, out[0].italic)
    if out and not out[-1].pause:
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return tuple(s for s in out if s.text)


def inline_spans(text: str) -> tuple[Span, ...]:
    """One line of inline Markdown (a cue, a field) as spans, with the draft's rules."""
    tokens = _parser().parseInline(" ".join(text.splitlines()))
    children = tokens[0].children if tokens and tokens[0].children else []
    return inline_spans_of(children)


def inline_text(text: str) -> str:
    """One line of inline Markdown as plain text: links as their text, markers removed."""
    return spans_text(inline_spans(text))

