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
    BRIEFING_EMPTY,
    CARD_HEADER,
    CLOSING_LABEL,
    NEXT_STEP_LABEL,
    NEXT_STEP_META,
    NO_CUES_TEXT,
    OUR_VALUES_LABEL,
    PURPOSE_LABEL,
    SAY_YES_LABEL,
    TIMING_LABEL,
    VALUES_LABEL,
    WHAT_WE_SHARE_LABEL,
    WHEN_LABEL,
    WHERE_LABEL,
    WHO_LABEL,
    WHY_IT_MATTERS_LABEL,
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
    LINE = "line"  # one plain paragraph of a briefing section (with a bold label, if any)
    LEAD = "lead"  # the briefing's purpose in a line, in larger type
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
    if notes.next_step:
        out.append(LayoutBlock(Kind.META, notes.next_step, label=NEXT_STEP_META))
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
    """The page a team member keeps: what it is about, why now (urgency and hope), what we
    share, the ask and how to say yes, what happens next, the values. No timings and no
    structured fields: those are the speaker's business."""
    text = notes.briefing
    out = [LayoutBlock(Kind.TITLE, notes.title)]
    meta = (("Audience", notes.audience), ("Date", notes.date_text))
    out += [LayoutBlock(Kind.META, value, label=label) for label, value in meta if value]
    out.append(LayoutBlock(Kind.LABEL, PURPOSE_LABEL))
    out.append(LayoutBlock(Kind.LEAD, notes.occasion) if notes.occasion else
               _empty(PURPOSE_LABEL))
    out.append(LayoutBlock(Kind.LABEL, WHY_NOW_LABEL))
    lines = [line for line in (text.urgency, text.hope) if line]
    out += [LayoutBlock(Kind.LINE, line) for line in lines] or [_empty(WHY_NOW_LABEL)]
    out.append(LayoutBlock(Kind.LABEL, WHAT_WE_SHARE_LABEL))
    out += [LayoutBlock(Kind.LINE, line) for line in text.shared] or [
        _empty(WHAT_WE_SHARE_LABEL)
    ]
    if text.lesson:
        out += [LayoutBlock(Kind.LABEL, WHY_IT_MATTERS_LABEL), LayoutBlock(Kind.QUOTE, text.lesson)]
    if notes.ask:
        out.append(_ask(notes))
    else:
        out += [LayoutBlock(Kind.LABEL, ASK_LABEL), _empty(ASK_LABEL)]
    say_yes = [(WHEN_LABEL, text.when), (WHERE_LABEL, text.where), (WHO_LABEL, text.who)]
    out.append(LayoutBlock(Kind.LABEL, SAY_YES_LABEL))
    out += [LayoutBlock(Kind.LINE, v, label=label) for label, v in say_yes if v] or [
        _empty(SAY_YES_LABEL)
    ]
    out.append(LayoutBlock(Kind.LABEL, NEXT_STEP_LABEL))
    out.append(LayoutBlock(Kind.LINE, text.then) if text.then else _empty(NEXT_STEP_LABEL))
    out.append(LayoutBlock(Kind.LABEL, OUR_VALUES_LABEL))
    out.append(LayoutBlock(Kind.LINE, ", ".join(notes.values)) if notes.values else
               _empty(OUR_VALUES_LABEL))
    return out


def _empty(section: str) -> LayoutBlock:
    return LayoutBlock(Kind.NOTE, BRIEFING_EMPTY[section])
