"""Export: the Word (.docx) writer, in three layouts, rendering the speaking notes.

- notes: title block, the ask at the top and again at the end, each part with its target time
  and cue bullets, the full draft as an appendix, page numbers in the footer;
- cards: one part per page in large print, the target time prominent;
- briefing: one page a colleague reads in a minute.

python-docx is imported inside the functions so starting the app does not pay for it.
"""

from __future__ import annotations

import io
import re
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
    STYLE_META,
    STYLE_SKIPPED,
    STYLE_TARGET,
    STYLE_TIMING,
    element,
    setup_page,
    setup_styles,
)
from narrative_app.export.notes import (
    APPENDIX_TITLE,
    ASK_LABEL,
    CLOSING_LABEL,
    NO_CUES_TEXT,
    Layout,
    NotesPart,
    Paper,
    SpeakingNotes,
    inline_runs,
)
from narrative_app.export.xmlsafe import xml_safe

__all__ = ["STYLE_ASK", "STYLE_CUE", "STYLE_META", "STYLE_SKIPPED", "notes_to_docx"]

_PAUSE_RE = re.compile(r"(\[\s*pause\s*\])", re.IGNORECASE)


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
    if layout is Layout.CARDS:
        _cards(document, notes)
    elif layout is Layout.BRIEFING:
        _briefing(document, notes)
    else:
        _notes(document, notes)
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


def _rich(paragraph: Any, text: str) -> None:
    """Markdown emphasis as bold/italic runs; pause markers in their own character style."""
    for chunk in _PAUSE_RE.split(text):
        if not chunk:
            continue
        if _PAUSE_RE.fullmatch(chunk):
            _text(paragraph, chunk, style=CHAR_PAUSE)
            continue
        for words, bold, italic in inline_runs(chunk):
            run = _text(paragraph, words)
            if bold:
                run.bold = True
            if italic:
                run.italic = True


def _meta(document: Any, label: str, text: str) -> None:
    paragraph = _para(document, style=STYLE_META)
    _text(paragraph, f"{label}: ", bold=True)
    _text(paragraph, text)


def _ask(document: Any, notes: SpeakingNotes, label: str = ASK_LABEL) -> None:
    paragraph = _para(document, style=STYLE_ASK)
    _text(paragraph, f"{label}: ")
    _text(paragraph, notes.ask)


def _part_heading(document: Any, part: NotesPart, level: int = 1) -> None:
    paragraph = document.add_heading(level=level)
    _text(paragraph, part.title)
    if part.target_label:
        _text(paragraph, "\t" + part.target_label, style=CHAR_TIME)


def _cues(document: Any, part: NotesPart) -> None:
    for cue in part.cues:
        _rich(_para(document, style=STYLE_CUE), cue)
    if not part.cues:
        paragraph = _para(document, style=STYLE_META)
        _text(paragraph, NO_CUES_TEXT).italic = True


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


# --- layouts -------------------------------------------------------------------------------


def _title_block(document: Any, notes: SpeakingNotes) -> None:
    _text(document.add_heading(level=0), notes.title)
    for label, text in notes.meta_lines:
        _meta(document, label, text)


def _notes(document: Any, notes: SpeakingNotes) -> None:
    _title_block(document, notes)
    if notes.ask:
        _ask(document, notes)
    if notes.values:
        _meta(document, "Values", ", ".join(notes.values))
    if notes.timing_line:
        _meta(document, "Timing", notes.timing_line)
    for part in notes.parts:
        _part_heading(document, part)
        _cues(document, part)
    if notes.ask:
        heading = document.add_heading(level=1)
        _text(heading, CLOSING_LABEL)
        _ask(document, notes)
    drafts = [p for p in notes.parts if p.draft]
    if notes.include_full_text and drafts:
        appendix = document.add_heading(level=1)
        appendix.paragraph_format.page_break_before = True
        _text(appendix, APPENDIX_TITLE)
        for part in drafts:
            _draft(document, part)


def _draft(document: Any, part: NotesPart) -> None:
    _text(document.add_heading(level=2), part.title)
    for block in part.blocks:
        if block.kind == "heading":
            _text(document.add_heading(level=3), block.text)
        elif block.kind == "bullet":
            _rich(_para(document, style="List Bullet"), block.text)
        else:
            _rich(_para(document, style=STYLE_DRAFT), block.text)


def _cards(document: Any, notes: SpeakingNotes) -> None:
    count = len(notes.parts)
    for number, part in enumerate(notes.parts, start=1):
        header = _para(document, f"{notes.title}  ·  card {number} of {count}", STYLE_CARD_HEADER)
        if number > 1:
            header.paragraph_format.page_break_before = True
        _text(document.add_heading(level=1), part.title)
        if part.target_label:
            _para(document, part.target_label, STYLE_TARGET)
        _cues(document, part)
        if part.kind.value == "now" and notes.ask:
            _ask(document, notes, CLOSING_LABEL)


def _briefing(document: Any, notes: SpeakingNotes) -> None:
    _title_block(document, notes)
    if notes.ask:
        _ask(document, notes)
    sections = (
        ("Why now", notes.why_now),
        ("What we share", notes.what_we_share),
        ("Why I care", notes.why_i_care),
    )
    for label, lines in sections:
        if not lines:
            continue
        _para(document, label, STYLE_LABEL)
        for line in lines:
            _para(document, line)
    _para(document, "Timing", STYLE_LABEL)
    header = _para(document, style=STYLE_TIMING)
    _text(header, "Part\tTarget\tEstimated", bold=True)
    for name, target, estimate in notes.timing_rows():
        _para(document, f"{name}\t{target}\t{estimate}", STYLE_TIMING)
    if notes.values:
        _para(document, "Values", STYLE_LABEL)
        _para(document, ", ".join(notes.values))
