"""Export: the Word (.docx) writer: renders the blocks ``layouts.compose`` makes of the notes.

- notes: title block, the ask at the top and again at the end, each part with its target time
  and cue bullets, the full draft as an appendix, page numbers in the footer;
- cards: one part per page in large print, the target time prominent;
- briefing: one page a colleague reads in a minute.

python-docx is imported inside the functions so starting the app does not pay for it.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from narrative_app.export.docx_styles import (
    CHAR_PAUSE,
    CHAR_TIME,
    STYLE_ASK,
    STYLE_CARD_HEADER,
    STYLE_CUE,
    STYLE_DRAFT,
    STYLE_LABEL,
    STYLE_LEAD,
    STYLE_LINE,
    STYLE_META,
    STYLE_SKIPPED,
    STYLE_TARGET,
    STYLE_TIMING,
    element,
    setup_page,
    setup_styles,
)
from narrative_app.export.layouts import Kind, LayoutBlock, compose
from narrative_app.export.notes import Layout, Paper, SpeakingNotes
from narrative_app.export.xmlsafe import xml_safe
from narrative_app.text.markdown import Span

__all__ = ["STYLE_ASK", "STYLE_CUE", "STYLE_META", "STYLE_SKIPPED", "notes_to_docx"]



def notes_to_docx(
    notes: SpeakingNotes,
    layout: Layout = Layout.NOTES,
    paper: Paper = Paper.A4,
    *,
    created: datetime | None = None,
) -> bytes:
    """The notes as a .docx file's bytes."""
    import docx

    document = docx.Document()
    text_width = setup_page(document, paper, layout)
    setup_styles(document, layout, text_width)
    _properties(document, notes, layout, created)
    body = document.element.body
    for child in list(body):  # the template's empty paragraph, keeping the section settings
        if child.tag.endswith("}p"):
            body.remove(child)
    _render(document, compose(notes, layout))
    _footer(document, notes)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- building blocks -----------------------------------------------------------------------


def _text(paragraph: Any, text: str, *, bold: bool | None = None, style: str | None = None) -> Any:
    run = paragraph.add_run(xml_safe(text), style=style)
    if bold is not None:
        run.bold = bold
    return run


def _para(document: Any, text: str = "", style: str | None = None) -> Any:
    paragraph = document.add_paragraph(style=style)
    if text:
        _text(paragraph, text)
    return paragraph


def _text_in(paragraph: Any, text: str) -> Any:
    _text(paragraph, text)
    return paragraph


def _rich(paragraph: Any, spans: tuple[Span, ...]) -> None:
    """Bold and italic spans as runs; pause markers in their own character style."""
    for span in spans:
        if span.pause:
            _text(paragraph, span.text, style=CHAR_PAUSE)
            continue
        run = _text(paragraph, span.text)
        if span.bold:
            run.bold = True
        if span.italic:
            run.italic = True


def _meta(document: Any, label: str, text: str) -> Any:
    paragraph = _para(document, style=STYLE_META)
    _text(paragraph, f"{label}: ", bold=True)
    _text(paragraph, text)
    return paragraph


def _labelled(document: Any, label: str, text: str) -> Any:
    paragraph = _para(document, style=STYLE_LINE)
    _text(paragraph, f"{label}: ", bold=True)
    _text(paragraph, text)
    return paragraph


def _ask(document: Any, label: str, text: str) -> Any:
    paragraph = _para(document, style=STYLE_ASK)
    _text(paragraph, f"{label}: ")
    _text(paragraph, text)
    return paragraph


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    field = element("fldSimple", instr=instruction)
    run = element("r")
    text = element("t")
    text.text = placeholder
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(document: Any, notes: SpeakingNotes) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.style = document.styles["Footer"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text(paragraph, f"{notes.title}  ·  page ")
    _field(paragraph, "PAGE", "1")
    _text(paragraph, " of ")
    _field(paragraph, "NUMPAGES", "1")


def _properties(
    document: Any, notes: SpeakingNotes, layout: Layout, created: datetime | None
) -> None:
    props = document.core_properties
    moment = (created or datetime.now(UTC)).replace(microsecond=0)
    props.title = xml_safe(notes.title)
    props.author = props.last_modified_by = xml_safe(notes.author)
    props.subject = layout.label
    props.keywords = "public narrative; speaking notes"
    props.comments = ""
    props.category = ""
    props.language = "en-GB"
    props.revision = 1
    props.created = props.modified = moment.replace(tzinfo=None)


# --- rendering the composed blocks ----------------------------------------------------------


def _render(document: Any, blocks: list[LayoutBlock]) -> None:
    """Each block in its own named style; a page break starts the next block on a new page."""
    page_break = False
    for block in blocks:
        if block.kind is Kind.PAGE_BREAK:
            page_break = True
            continue
        for paragraph in _block(document, block):
            if page_break:
                paragraph.paragraph_format.page_break_before = True
                page_break = False


def _block(document: Any, block: LayoutBlock) -> list[Any]:
    kind = block.kind
    if kind is Kind.TITLE:
        return [_text_in(document.add_heading(level=0), block.text)]
    if kind is Kind.META:
        return [_meta(document, block.label, block.text)]
    if kind is Kind.ASK:
        return [_ask(document, block.label, block.text)]
    if kind is Kind.HEADING:
        heading = _text_in(document.add_heading(level=block.level), block.text)
        if block.time:
            _text(heading, "\t" + block.time, style=CHAR_TIME)
        return [heading]
    if kind is Kind.NOTE:
        paragraph = _para(document, style=STYLE_META)
        _text(paragraph, block.text).italic = True
        return [paragraph]
    if kind is Kind.TABLE:
        return _table(document, block.rows)
    if kind is Kind.LINE and block.label:
        return [_labelled(document, block.label, block.text)]
    style = _STYLES.get(kind)
    if kind in _RICH:
        paragraph = _para(document, style=style)
        if kind is Kind.NUMBERED:
            _text(paragraph, f"{block.number}. ")
        elif kind is Kind.BULLET and block.level > 1:
            paragraph.style = document.styles["List Bullet 2"]
        _rich(paragraph, block.rich)
        return [paragraph]
    return [_para(document, block.text, style)]


_STYLES: dict[Kind, str | None] = {
    Kind.CUE: STYLE_CUE,
    Kind.PARAGRAPH: STYLE_DRAFT,
    Kind.NUMBERED: STYLE_DRAFT,
    Kind.BULLET: "List Bullet",
    Kind.QUOTE: "Quote",
    Kind.LABEL: STYLE_LABEL,
    Kind.LINE: STYLE_LINE,
    Kind.LEAD: STYLE_LEAD,
    Kind.CARD_HEADER: STYLE_CARD_HEADER,
    Kind.TARGET: STYLE_TARGET,
}
_RICH = frozenset({Kind.CUE, Kind.PARAGRAPH, Kind.NUMBERED, Kind.BULLET, Kind.QUOTE})


def _table(document: Any, rows: tuple[tuple[str, ...], ...]) -> list[Any]:
    out = []
    for index, row in enumerate(rows):
        paragraph = _para(document, style=STYLE_TIMING)
        _text(paragraph, "\t".join(row), bold=True if index == 0 else None)
        out.append(paragraph)
    return out
