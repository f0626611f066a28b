"""Export: the speaking notes as simple HTML, for the PDF writer and the export preview.

Only the subset of HTML and CSS that Qt's rich-text engine (QTextDocument) understands is
used. Colours are parameters: the PDF uses print colours, the preview passes the widget
palette's colours so dark mode works.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass

from narrative_app.export.notes import (
    APPENDIX_TITLE,
    ASK_LABEL,
    CLOSING_LABEL,
    NO_CUES_TEXT,
    Layout,
    NotesPart,
    SpeakingNotes,
    inline_runs,
)

_PAUSE_RE = re.compile(r"(\[\s*pause\s*\])", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlColours:
    ink: str = "#1F2933"
    accent: str = "#1F4E79"
    muted: str = "#5F6B7A"
    fill: str = "#EAF1F8"
    rule: str = "#B7C7DA"


@dataclass(frozen=True)
class _Sizes:
    body: float
    title: float
    heading: float
    cue: float
    ask: float


_SIZES = {
    Layout.NOTES: _Sizes(body=11, title=22, heading=15, cue=12, ask=12),
    Layout.CARDS: _Sizes(body=16, title=22, heading=30, cue=22, ask=20),
    Layout.BRIEFING: _Sizes(body=10.5, title=19, heading=11, cue=11, ask=12),
}


def esc(text: str) -> str:
    return _html.escape(text, quote=False)


def rich(text: str, colours: HtmlColours) -> str:
    """Markdown emphasis as <b>/<i>; pause markers muted."""
    out = []
    for chunk in _PAUSE_RE.split(text):
        if _PAUSE_RE.fullmatch(chunk):
            out.append(f'<i style="color:{colours.muted}">{esc(chunk)}</i>')
            continue
        for words, bold, italic in inline_runs(chunk):
            piece = esc(words)
            out.append(f"<b>{piece}</b>" if bold else f"<i>{piece}</i>" if italic else piece)
    return "".join(out)


_PT_RE = re.compile(r"(\d+(?:\.\d+)?)pt")


def notes_to_html(
    notes: SpeakingNotes,
    layout: Layout = Layout.NOTES,
    colours: HtmlColours | None = None,
    *,
    scale: float = 1.0,
) -> str:
    """A whole HTML document of the notes in the given layout (``scale`` shrinks the type)."""
    c = colours or HtmlColours()
    size = _SIZES[layout]
    if layout is Layout.CARDS:
        body = _cards(notes, c, size)
    elif layout is Layout.BRIEFING:
        body = _briefing(notes, c, size)
    else:
        body = _notes(notes, c, size)
    page = (
        f'<html><head><meta charset="utf-8"><title>{esc(notes.title)}</title></head>'
        f'<body style="font-size:{size.body}pt; color:{c.ink}">{body}</body></html>'
    )
    if scale != 1.0:
        page = _PT_RE.sub(lambda m: f"{float(m.group(1)) * scale:.1f}pt", page)
    return page


def _title(notes: SpeakingNotes, c: HtmlColours, size: _Sizes) -> str:
    out = [
        f'<h1 style="font-size:{size.title}pt; color:{c.accent}; margin-bottom:4px">'
        f"{esc(notes.title)}</h1>"
    ]
    for label, text in notes.meta_lines:
        out.append(_meta(label, text, c))
    return "".join(out)


def _meta(label: str, text: str, c: HtmlColours) -> str:
    return (
        f'<p style="color:{c.muted}; margin:0"><b>{esc(label)}:</b> {esc(text)}</p>'
    )


def _ask(notes: SpeakingNotes, c: HtmlColours, size: _Sizes, label: str = ASK_LABEL) -> str:
    return (
        f'<table width="100%" cellpadding="8" cellspacing="0" border="0" '
        f'style="margin-top:10px; margin-bottom:10px; background-color:{c.fill}; '
        f'border-left: 4px solid {c.accent}">'
        f'<tr><td style="font-size:{size.ask}pt"><b>{esc(label)}: {esc(notes.ask)}</b></td></tr>'
        "</table>"
    )


def _heading(text: str, c: HtmlColours, size: _Sizes, time: str = "", *,
             page_break: bool = False) -> str:
    # A styled paragraph, not <h1>..<h6>: Qt's rich text ignores font sizes on headings.
    brk = " page-break-before:always;" if page_break else ""
    timing = (
        f' <span style="color:{c.muted}; font-weight:normal">· {esc(time)}</span>' if time else ""
    )
    return (
        f'<p style="font-size:{size.heading}pt; font-weight:bold; color:{c.accent}; '
        f'margin-top:16px; margin-bottom:4px;{brk}">{esc(text)}{timing}</p>'
    )


def _cues(part: NotesPart, c: HtmlColours, size: _Sizes) -> str:
    if not part.cues:
        return f'<p style="color:{c.muted}"><i>{esc(NO_CUES_TEXT)}</i></p>'
    gap = 10 if size.cue >= 20 else 2
    items = "".join(
        f'<li style="font-size:{size.cue}pt; margin-bottom:{gap}px">{rich(cue, c)}</li>'
        for cue in part.cues
    )
    return f"<ul>{items}</ul>"


def _notes(notes: SpeakingNotes, c: HtmlColours, size: _Sizes) -> str:
    out = [_title(notes, c, size)]
    if notes.ask:
        out.append(_ask(notes, c, size))
    if notes.values:
        out.append(_meta("Values", ", ".join(notes.values), c))
    if notes.timing_line:
        out.append(_meta("Timing", notes.timing_line, c))
    for part in notes.parts:
        out.append(_heading(part.title, c, size, part.target_label))
        out.append(_cues(part, c, size))
    if notes.ask:
        out.append(_heading(CLOSING_LABEL, c, size))
        out.append(_ask(notes, c, size))
    drafts = [p for p in notes.parts if p.draft]
    if notes.include_full_text and drafts:
        out.append(_heading(APPENDIX_TITLE, c, size, page_break=True))
        for part in drafts:
            out.append(
                f'<p style="color:{c.accent}; font-size:{size.body + 2}pt; font-weight:bold; '
                f'margin-top:10px">{esc(part.title)}</p>'
            )
            out.append(_draft(part, c))
    return "".join(out)


def _draft(part: NotesPart, c: HtmlColours) -> str:
    out = []
    for block in part.blocks:
        if block.kind == "heading":
            out.append(f"<p><b>{esc(block.text)}</b></p>")
        elif block.kind == "bullet":
            out.append(f"<ul><li>{rich(block.text, c)}</li></ul>")
        else:
            out.append(f'<p style="margin-bottom:8px; line-height:125%">{rich(block.text, c)}</p>')
    return "".join(out)


def _cards(notes: SpeakingNotes, c: HtmlColours, size: _Sizes) -> str:
    out = []
    count = len(notes.parts)
    for number, part in enumerate(notes.parts, start=1):
        brk = "page-break-before:always; " if number > 1 else ""
        out.append(
            f'<p style="{brk}color:{c.muted}; font-size:11pt">'
            f"{esc(notes.title.upper())} · CARD {number} OF {count}</p>"
        )
        out.append(_heading(part.title, c, size))
        if part.target_label:
            out.append(
                f'<p style="font-size:28pt; color:{c.accent}"><b>{esc(part.target_label)}</b></p>'
            )
        out.append(_cues(part, c, size))
        if part.kind.value == "now" and notes.ask:
            out.append(_ask(notes, c, size, CLOSING_LABEL))
    return "".join(out)


def _briefing(notes: SpeakingNotes, c: HtmlColours, size: _Sizes) -> str:
    out = [_title(notes, c, size)]
    if notes.ask:
        out.append(_ask(notes, c, size))
    for label, lines in (
        ("Why now", notes.why_now),
        ("What we share", notes.what_we_share),
        ("Why I care", notes.why_i_care),
    ):
        if lines:
            out.append(_label(label, c))
            out += [f'<p style="margin-top:0; margin-bottom:4px">{esc(line)}</p>' for line in lines]
    out.append(_label("Timing", c))
    rows = "".join(
        f"<tr><td>{esc(name)}</td><td align=right>{esc(target)}</td>"
        f"<td align=right>{esc(estimate)}</td></tr>"
        for name, target, estimate in notes.timing_rows()
    )
    out.append(
        '<table width="60%" cellpadding="2" cellspacing="0"><tr><th align=left>Part</th>'
        f"<th align=right>Target</th><th align=right>Estimated</th></tr>{rows}</table>"
    )
    if notes.values:
        out.append(_label("Values", c))
        out.append(f"<p>{esc(', '.join(notes.values))}</p>")
    return "".join(out)


def _label(text: str, c: HtmlColours) -> str:
    return (
        f'<p style="color:{c.accent}; margin-top:10px; margin-bottom:2px">'
        f"<b>{esc(text.upper())}</b></p>"
    )
