"""Export: each printed layout (notes, cards, briefing) composed once, as typed blocks.

Layer: export (Qt-free). ``compose`` turns the speaking notes into a flat list of blocks
(title, meta line, ask, heading, cue, note, paragraph, bullet, numbered item, quote, label,
line, table, card header, target time, page break) with every label taken from
``labels.py``. The Word, HTML (and so PDF) and text writers only render block types, so the
layouts cannot drift apart between formats.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from narrative_app.export.labels import (
    APPENDIX_TITLE,
    ASK_LABEL,
    CARD_HEADER,
    CLOSING_LABEL,
    NO_CUES_TEXT,
    TABLE_HEADER,
    TIMING_LABEL,
    VALUES_LABEL,
    WHAT_WE_SHARE_LABEL,
    WHY_I_CARE_LABEL,
    WHY_NOW_LABEL,
)
from narrative_app.export.notes import Layout, NotesPart, SpeakingNotes
from narrative_app.text.markdown import BlockType, Span, inline_spans


class Kind(enum.StrEnum):
    TITLE = "title"  # the document's title
    META = "meta"  # "Audience: ...": label and text
    ASK = "ask"  # the ask, boxed: label and text
    HEADING = "heading"  # level 1 (a part), 2 (a part in the full text), 3 (a draft heading)
    CUE = "cue"  # one speaking cue (spans)
    NOTE = "note"  # a muted remark, such as "No cues yet"
    PARAGRAPH = "paragraph"  # draft prose (spans)
    BULLET = "bullet"  # a draft bullet (spans, level)
    NUMBERED = "numbered"  # a draft numbered item (spans, number)
    QUOTE = "quote"  # a quoted draft paragraph (spans)
    LABEL = "label"  # a briefing section label
    LINE = "line"  # one plain line of a briefing section
    TABLE = "table"  # rows, the first of them the header
    CARD_HEADER = "card_header"  # "Title · card 1 of 3"
    TARGET = "target"  # a card's target time, in large type
    PAGE_BREAK = "page_break"  # the next block starts a new page


@dataclass(frozen=True)
class LayoutBlock:
    kind: Kind
    text: str = ""
    label: str = ""
    time: str = ""  # a heading's target time
    level: int = 1
    number: int = 0
    spans: tuple[Span, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()

    @property
    def rich(self) -> tuple[Span, ...]:
        """The spans to print: the block's own, else its text as one plain span."""
        return self.spans or ((Span(self.text),) if self.text else ())


_DRAFT_KINDS = {
    BlockType.PARAGRAPH: Kind.PARAGRAPH,
    BlockType.BULLET: Kind.BULLET,
    BlockType.NUMBERED: Kind.NUMBERED,
    BlockType.QUOTE: Kind.QUOTE,
}


def compose(notes: SpeakingNotes, layout: Layout = Layout.NOTES) -> list[LayoutBlock]:
    """The blocks of one layout of the notes, in reading order."""
    if layout is Layout.CARDS:
        return _cards(notes)
    if layout is Layout.BRIEFING:
        return _briefing(notes)
    return _notes(notes)


def _title_block(notes: SpeakingNotes) -> list[LayoutBlock]:
    out = [LayoutBlock(Kind.TITLE, notes.title)]
    out += [LayoutBlock(Kind.META, text, label=label) for label, text in notes.meta_lines]
    return out


def _ask(notes: SpeakingNotes, label: str = ASK_LABEL) -> LayoutBlock:
    return LayoutBlock(Kind.ASK, notes.ask, label=label)


def _cues(part: NotesPart) -> list[LayoutBlock]:
    if not part.cues:
        return [LayoutBlock(Kind.NOTE, NO_CUES_TEXT)]
    return [LayoutBlock(Kind.CUE, cue, spans=inline_spans(cue)) for cue in part.cues]


def _draft(part: NotesPart) -> list[LayoutBlock]:
    out = [LayoutBlock(Kind.HEADING, part.title, level=2)]
    for block in part.blocks:
        if block.type is BlockType.HEADING:
            out.append(LayoutBlock(Kind.HEADING, block.text, level=3))
        else:
            out.append(
                LayoutBlock(
                    _DRAFT_KINDS[block.type],
                    block.text,
                    level=max(1, block.level),
                    number=block.number,
                    spans=block.spans,
                )
            )
    return out


def _notes(notes: SpeakingNotes) -> list[LayoutBlock]:
    out = _title_block(notes)
    if notes.ask:
        out.append(_ask(notes))
    if notes.values:
        out.append(LayoutBlock(Kind.META, ", ".join(notes.values), label=VALUES_LABEL))
    if notes.timing_line:
        out.append(LayoutBlock(Kind.META, notes.timing_line, label=TIMING_LABEL))
    for part in notes.parts:
        out.append(LayoutBlock(Kind.HEADING, part.title, time=part.target_label))
        out += _cues(part)
    if notes.ask:
        out += [LayoutBlock(Kind.HEADING, CLOSING_LABEL), _ask(notes)]
    drafts = [p for p in notes.parts if p.draft]
    if notes.include_full_text and drafts:
        out += [LayoutBlock(Kind.PAGE_BREAK), LayoutBlock(Kind.HEADING, APPENDIX_TITLE)]
        for part in drafts:
            out += _draft(part)
    return out


def _cards(notes: SpeakingNotes) -> list[LayoutBlock]:
    out: list[LayoutBlock] = []
    count = len(notes.parts)
    for number, part in enumerate(notes.parts, start=1):
        if number > 1:
            out.append(LayoutBlock(Kind.PAGE_BREAK))
        header = CARD_HEADER.format(title=notes.title, number=number, count=count)
        out += [LayoutBlock(Kind.CARD_HEADER, header), LayoutBlock(Kind.HEADING, part.title)]
        if part.target_label:
            out.append(LayoutBlock(Kind.TARGET, part.target_label))
        out += _cues(part)
        if part.kind.value == "now" and notes.ask:
            out.append(_ask(notes, CLOSING_LABEL))
    return out


def _briefing(notes: SpeakingNotes) -> list[LayoutBlock]:
    out = _title_block(notes)
    if notes.ask:
        out.append(_ask(notes))
    for label, lines in (
        (WHY_NOW_LABEL, notes.why_now),
        (WHAT_WE_SHARE_LABEL, notes.what_we_share),
        (WHY_I_CARE_LABEL, notes.why_i_care),
    ):
        if lines:
            out.append(LayoutBlock(Kind.LABEL, label))
            out += [LayoutBlock(Kind.LINE, line) for line in lines]
    out.append(LayoutBlock(Kind.LABEL, TIMING_LABEL))
    out.append(LayoutBlock(Kind.TABLE, rows=(TABLE_HEADER, *notes.timing_rows())))
    if notes.values:
        out += [
            LayoutBlock(Kind.LABEL, VALUES_LABEL),
            LayoutBlock(Kind.LINE, ", ".join(notes.values)),
        ]
    return out
