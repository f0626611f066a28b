"""Export: the one "speaking notes" document built from a narrative.

Every writer (Word, Markdown, plain text, HTML/PDF and the export preview) renders this model
and nothing else, so the formats cannot drift apart. It holds clean, XML-safe text: the title
block, the ask, each part with its target time, cues, structured fields and full draft, and
the short extracts the one-page team briefing needs.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.errors import BadInputError
from narrative_app.export.briefing import BriefingText, briefing_text
from narrative_app.export.labels import (
    APPENDIX_TITLE,
    ASK_LABEL,
    CLOSING_LABEL,
    IN_ALL_LABEL,
    LAYOUT_LABELS,
    NO_CUES_TEXT,
)
from narrative_app.export.xmlsafe import clean_text, one_line
from narrative_app.method.framework import part_guide
from narrative_app.text.markdown import Block, read_blocks
from narrative_app.text.timing import estimate_narrative, format_seconds

# Kept importable from here: the importers use the labels under these names.
__all__ = [
    "APPENDIX_TITLE",
    "ASK_LABEL",
    "CLOSING_LABEL",
    "NO_CUES_TEXT",
    "Layout",
    "NotesPart",
    "Paper",
    "SpeakingNotes",
    "build_notes",
    "parse_layout",
    "parse_paper",
]


class Layout(enum.StrEnum):
    """The three printed layouts of the speaking notes."""

    NOTES = "notes"
    CARDS = "cards"
    BRIEFING = "briefing"

    @property
    def label(self) -> str:
        return LAYOUT_LABELS[self.value]


class Paper(enum.StrEnum):
    """Paper sizes offered for printed layouts, with their size in millimetres."""

    A4 = "A4"
    LETTER = "Letter"

    @property
    def size_mm(self) -> tuple[float, float]:
        return (210.0, 297.0) if self is Paper.A4 else (215.9, 279.4)


def parse_layout(value: Layout | str) -> Layout:
    try:
        return Layout(str(getattr(value, "value", value)).strip().lower())
    except ValueError:
        names = ", ".join(layout.value for layout in Layout)
        raise BadInputError(f"Unknown layout '{value}'. Choose one of: {names}.") from None


def parse_paper(value: Paper | str) -> Paper:
    text = str(getattr(value, "value", value)).strip().lower().replace(" ", "")
    if text == "a4":
        return Paper.A4
    if text in {"letter", "usletter"}:
        return Paper.LETTER
    raise BadInputError(f"Unknown paper size '{value}'. Choose A4 or Letter.")


@dataclass(frozen=True)
class NotesField:
    key: str
    label: str
    text: str


@dataclass(frozen=True)
class NotesPart:
    kind: PartKind
    title: str
    target_seconds: int
    estimate_seconds: float
    words: int
    cues: tuple[str, ...]
    fields: tuple[NotesField, ...]
    draft: str
    # The cues with their line breaks kept (each line trimmed), for writers that can carry
    # them (Markdown); ``cues`` holds the same cues on one line each, for print.
    cue_lines: tuple[str, ...] = ()

    @property
    def target_label(self) -> str:
        return format_seconds(self.target_seconds) if self.target_seconds else ""

    @property
    def heading(self) -> str:
        """'Story of Self (2:00)': the Markdown convention's heading, also used in print."""
        return f"{self.title} ({self.target_label})" if self.target_seconds else self.title

    @property
    def is_empty(self) -> bool:
        return not (self.cues or self.draft.strip() or any(f.text for f in self.fields))

    def field(self, key: str) -> str:
        return next((f.text for f in self.fields if f.key == key), "")

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The draft as read by the one Markdown reader (``text.markdown``)."""
        return tuple(read_blocks(self.draft))


@dataclass(frozen=True)
class SpeakingNotes:
    title: str
    audience: str
    occasion: str
    date_text: str
    author: str
    ask: str
    values: tuple[str, ...]
    pace_wpm: int
    parts: tuple[NotesPart, ...]
    include_full_text: bool
    briefing: BriefingText = field(default_factory=BriefingText)
    next_step: str = ""

    @property
    def target_seconds(self) -> int:
        return sum(p.target_seconds for p in self.parts)

    @property
    def estimate_seconds(self) -> float:
        return sum(p.estimate_seconds for p in self.parts)

    @property
    def meta_lines(self) -> tuple[tuple[str, str], ...]:
        """(label, text) pairs for the title block, leaving out the empty ones."""
        rows = (("Audience", self.audience), ("Occasion", self.occasion), ("Date", self.date_text))
        return tuple((label, text) for label, text in rows if text)

    @property
    def timing_line(self) -> str:
        """'Self 2:00 · Us 1:15 · Now 1:45 · in all 5:00' (targets, else estimates)."""
        bits = []
        for part in self.parts:
            seconds = part.target_seconds or part.estimate_seconds
            if seconds:
                bits.append(f"{part_guide(part.kind).short} {format_seconds(seconds)}")
        total = self.target_seconds or self.estimate_seconds
        if total:
            bits.append(f"in all {format_seconds(total)}")
        return " · ".join(bits)

    def timing_rows(self) -> tuple[tuple[str, str, str], ...]:
        """(part, target, estimated) rows for the briefing's timing table."""
        rows = [
            (
                part.title,
                part.target_label or "–",
                format_seconds(part.estimate_seconds) if part.words else "–",
            )
            for part in self.parts
        ]
        rows.append(
            (
                IN_ALL_LABEL,
                format_seconds(self.target_seconds) if self.target_seconds else "–",
                format_seconds(self.estimate_seconds) if self.estimate_seconds else "–",
            )
        )
        return tuple(rows)


def format_date(day: date) -> str:
    """UK style: 14 March 2025."""
    return f"{day.day} {day:%B %Y}"


def build_notes(
    narrative: Narrative,
    *,
    include_full_text: bool = True,
    author: str = "",
    today: date | None = None,
) -> SpeakingNotes:
    """The speaking notes of a narrative: every writer's single source."""
    estimates, _total = estimate_narrative(narrative)
    parts = []
    for kind in PART_ORDER:
        part = narrative.parts[kind]
        guide = part_guide(kind)
        parts.append(
            NotesPart(
                kind=kind,
                title=kind.title,
                target_seconds=max(0, int(part.target_seconds)),
                estimate_seconds=estimates[kind].seconds,
                words=estimates[kind].words,
                cues=tuple(c for c in (one_line(cue) for cue in part.cues) if c),
                fields=tuple(
                    NotesField(f.key, f.label, _trim_blank(clean_text(part.fields.get(f.key, ""))))
                    for f in guide.fields
                ),
                draft=_trim_blank(clean_text(part.draft)),
                cue_lines=tuple(c for c in (_cue_lines(cue) for cue in part.cues) if c),
            )
        )
    by_kind = {p.kind: p for p in parts}
    me, us, now = by_kind[PartKind.SELF], by_kind[PartKind.US], by_kind[PartKind.NOW]
    return SpeakingNotes(
        title=one_line(narrative.title) or "Untitled narrative",
        audience=one_line(narrative.audience),
        occasion=one_line(narrative.occasion),
        date_text=format_date(today or date.today()),
        author=one_line(author),
        ask=one_line(narrative.ask),
        values=tuple(v for v in (one_line(x) for x in narrative.values) if v),
        pace_wpm=narrative.pace_wpm,
        parts=tuple(parts),
        include_full_text=include_full_text,
        briefing=briefing_text(
            me.draft, us.draft, now.draft, one_line(narrative.ask), one_line(narrative.next_step)
        ),
        next_step=one_line(narrative.next_step),
    )


# --- text helpers -------------------------------------------------------------------------

def _cue_lines(cue: str) -> str:
    """A cue cleaned like any text, each line trimmed, blank lines at either end dropped."""
    return _trim_blank("\n".join(line.strip() for line in clean_text(cue).split("\n")))


def _trim_blank(text: str) -> str:
    """Drop blank lines at the start and end, keeping indentation and inner spacing."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.rstrip() for line in lines)
