"""Limits: how much an import, a bundle or a part may hold, in one place, and the check.

Layer: bottom (Qt-free, no I/O), beside domain.py. The import readers, the bundle reader and
the window (paste and open) all use these figures, so a message quotes the same number
everywhere.

Why these figures: a public narrative is told in 2 to 10 minutes, so a whole narrative is a
few thousand words (125 words a minute for 5 minutes is about 625). A part of 30,000 words
or 200,000 characters (four hours of speech) is far beyond any real draft, yet small enough
that the editor, coach and spell check stay responsive; the window refuses a paste that
would take a part past it. The whole narrative
(three parts with their fields, cues and title) may hold at most 500,000 characters. Files
of every kind are refused above 20 MB before they are read; a .docx is a zip, so each of its
members, and all of them together, are bounded once unpacked too, because a small file can
unpack to gigabytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from narrative_app.domain import PART_ORDER, Narrative
from narrative_app.errors import TooLargeError

MB = 1024 * 1024

# Any file given to import (.md, .txt, .docx, .narrative), before it is read.
MAX_IMPORT_BYTES = 20 * MB
# A .docx package: each member once unpacked, all members together, and how many members.
MAX_DOCX_MEMBER_BYTES = 20 * MB
MAX_DOCX_UNPACKED_BYTES = 40 * MB
MAX_DOCX_MEMBERS = 2_000
# Paragraphs in a .docx body (a 30,000-word part in one-line paragraphs is well under this).
MAX_DOCX_PARAGRAPHS = 50_000
# One story (draft, key points and cues together), and the whole narrative.
MAX_PART_WORDS = 30_000
MAX_PART_CHARS = 200_000
MAX_NARRATIVE_CHARS = 500_000
# The text read from any file before it is parsed: twice what a narrative may hold, leaving
# as much again for headings, bullets and blank lines. A file over it cannot fit, so it is
# refused at once instead of after seconds of parsing.
MAX_IMPORT_TEXT_CHARS = 2 * MAX_NARRATIVE_CHARS
# Numbers in a bundle: a speaking pace, and a part's target time (three hours is plenty).
MIN_PACE_WPM = 20
MAX_PACE_WPM = 600
MAX_TARGET_SECONDS = 3 * 60 * 60


@dataclass(frozen=True)
class NarrativeSize:
    """How much text a narrative holds: per part (characters, words) and in all."""

    part_chars: dict[str, int]
    part_words: dict[str, int]
    total_chars: int


def measure(narrative: Narrative) -> NarrativeSize:
    chars: dict[str, int] = {}
    words: dict[str, int] = {}
    for kind in PART_ORDER:
        part = narrative.parts[kind]
        texts = [part.draft, *part.fields.values(), *part.cues]
        chars[kind.value] = sum(len(t) for t in texts)
        words[kind.value] = sum(len(t.split()) for t in texts)
    extra = len(narrative.title) + len(narrative.audience) + len(narrative.occasion)
    extra += sum(len(v) for v in narrative.values)
    return NarrativeSize(chars, words, sum(chars.values()) + extra)


def check_narrative_size(narrative: Narrative, source: str = "This narrative") -> None:
    """Raise TooLargeError, naming the limit, when a part or the whole is over its limit."""
    size = measure(narrative)
    for kind in PART_ORDER:
        words, chars = size.part_words[kind.value], size.part_chars[kind.value]
        if words > MAX_PART_WORDS or chars > MAX_PART_CHARS:
            raise TooLargeError(
                f"{source} is too long to import: its {kind.title} has {words:,} words "
                f"({chars:,} characters); the limit is {MAX_PART_WORDS:,} words or "
                f"{MAX_PART_CHARS:,} characters per story. Check you chose the right file."
            )
    if size.total_chars > MAX_NARRATIVE_CHARS:
        raise TooLargeError(
            f"{source} is too long to import: it has {size.total_chars:,} characters; the "
            f"limit is {MAX_NARRATIVE_CHARS:,} for a whole narrative. Check you chose the "
            "right file."
        )


def text_too_long(name: str) -> str:
    """The message for a file holding more text than any narrative could."""
    return (
        f"{name} holds too much text to import (more than {MAX_IMPORT_TEXT_CHARS:,} "
        f"characters; a narrative may hold at most {MAX_NARRATIVE_CHARS:,}). Check you chose "
        "the right file."
    )


def part_text_over_limit(text: str) -> str:
    """The message for a paste or draft over the per-story limit, or "" when it fits."""
    words, chars = len(text.split()), len(text)
    if words > MAX_PART_WORDS or chars > MAX_PART_CHARS:
        return (
            f"That is too long for one story ({words:,} words, {chars:,} characters); the "
            f"limit is {MAX_PART_WORDS:,} words or {MAX_PART_CHARS:,} characters."
        )
    return ""


def paste_fits(current_chars: int, replaced_chars: int, pasted_chars: int) -> bool:
    """Whether a paste keeps one part's draft within :data:`MAX_PART_CHARS`."""
    return current_chars - replaced_chars + pasted_chars <= MAX_PART_CHARS


__all__ = [
    "MAX_DOCX_MEMBERS",
    "MAX_DOCX_MEMBER_BYTES",
    "MAX_DOCX_PARAGRAPHS",
    "MAX_DOCX_UNPACKED_BYTES",
    "MAX_IMPORT_BYTES",
    "MAX_IMPORT_TEXT_CHARS",
    "MAX_NARRATIVE_CHARS",
    "MAX_PACE_WPM",
    "MAX_PART_CHARS",
    "MAX_PART_WORDS",
    "MAX_TARGET_SECONDS",
    "MIN_PACE_WPM",
    "NarrativeSize",
    "check_narrative_size",
    "measure",
    "part_text_over_limit",
    "paste_fits",
    "text_too_long",
]
