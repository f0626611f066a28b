"""Export: the speaking notes as simple HTML, for the PDF writer and the export preview.

It renders the blocks ``layouts.compose`` makes of the notes, one fragment per block type.

Only the subset of HTML and CSS that Qt's rich-text engine (QTextDocument) understands is
used. Colours are parameters: the PDF uses print colours, the preview passes the widget
palette's colours so dark mode works.
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass

from narrative_app.export.layouts import Kind, LayoutBlock, compose
from narrative_app.export.notes import Layout, SpeakingNotes
from narrative_app.text.markdown import Span


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


def rich(spans: tuple[Span, ...], colours: HtmlColours) -> str:
    """Bold and italic spans as <b>/<i>; pause markers muted."""
    out = []
    for span in spans:
        piece = esc(span.text)
        if span.pause:
            out.append(f'<i style="color:{colours.muted}">{piece}</i>')
        elif span.bold and span.italic:
            out.append(f"<b><i>{piece}</i></b>")
        else:
            out.append(f"<b>{piece}</b>" if span.bold else f"<i>{piece}</i>" if span.italic
                       else piece)
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
    body = render_blocks(compose(notes, layout), c, size)
    page = (
        f'<html><head><meta charset="utf-8"><title>{esc(notes.title)}</title></head>'
        f'<body style="font-size:{size.body}pt; color:{c.ink}">{body}</body></html>'
    )
    if scale != 1.0:
        page = _PT_RE.sub(lambda m: f"{float(m.group(1)) * scale:.1f}pt", page)
    return page


def render_blocks(blocks: list[LayoutBlock], c: HtmlColours, size: _Sizes) -> str:
    """The HTML of composed blocks: one fragment per block type."""
    out: list[str] = []
    page_break = False
    cues: list[LayoutBlock] = []
    for block in [*blocks, LayoutBlock(Kind.PAGE_BREAK)]:
        if cues and block.kind is not Kind.CUE:
            out.append(_cues(cues, c, size))
            cues = []
        if block.kind is Kind.PAGE_BREAK:
            page_break = bool(out)
        elif block.kind is Kind.CUE:
            cues.append(block)
        else:
            out.append(_block(block, c, size, page_break=page_break))
            page_break = False
    return "".join(out)


def _block(
    block: LayoutBlock, c: HtmlColours, size: _Sizes, *, page_break: bool
) -> str:
    brk = "page-break-before:always; " if page_break else ""
    kind = block.kind
    if kind is Kind.TITLE:
        return (
            f'<h1 style="{brk}font-size:{size.title}pt; color:{c.accent}; margin-bottom:4px">'
            f"{esc(block.text)}</h1>"
        )
    if kind is Kind.META:
        return f'<p style="{brk}color:{c.muted}; margin:0"><b>{esc(block.label)}:</b> ' + (
            f"{esc(block.text)}</p>"
        )
    if kind is Kind.ASK:
        return _ask(block, c, size)
    if kind is Kind.HEADING:
        return _heading(block, c, size, brk)
    if kind is Kind.NOTE:
        return f'<p style="{brk}color:{c.muted}"><i>{esc(block.text)}</i></p>'
    if kind is Kind.CARD_HEADER:
        return (
            f'<p style="{brk}color:{c.muted}; font-size:11pt">{esc(block.text.upper())}</p>'
        )
    if kind is Kind.TARGET:
        return f'<p style="font-size:28pt; color:{c.accent}"><b>{esc(block.text)}</b></p>'
    if kind is Kind.LABEL:
        return (
            f'<p style="{brk}color:{c.accent}; margin-top:10px; margin-bottom:2px">'
            f"<b>{esc(block.text.upper())}</b></p>"
        )
    if kind is Kind.LINE:
        label = f"<b>{esc(block.label)}:</b> " if block.label else ""
        return (
            f'<p style="{brk}margin-top:0; margin-bottom:6px; line-height:120%">'
            f"{label}{esc(block.text)}</p>"
        )
    if kind is Kind.LEAD:
        return (
            f'<p style="{brk}font-size:{size.body + 2}pt; margin-top:0; margin-bottom:4px">'
            f"{esc(block.text)}</p>"
        )
    if kind is Kind.TABLE:
        return _table(block.rows)
    if kind is Kind.BULLET:
        return f"<ul><li>{rich(block.rich, c)}</li></ul>"
    if kind is Kind.NUMBERED:
        return f'<ol start="{block.number}"><li>{rich(block.rich, c)}</li></ol>'
    if kind is Kind.QUOTE:
        return f"<blockquote><p>{rich(block.rich, c)}</p></blockquote>"
    return f'<p style="{brk}margin-bottom:8px; line-height:125%">{rich(block.rich, c)}</p>'


def _ask(block: LayoutBlock, c: HtmlColours, size: _Sizes) -> str:
    return (
        f'<table width="100%" cellpadding="8" cellspacing="0" border="0" '
        f'style="margin-top:10px; margin-bottom:10px; background-color:{c.fill}; '
        f'border-left: 4px solid {c.accent}">'
        f'<tr><td style="font-size:{size.ask}pt"><b>{esc(block.label)}: {esc(block.text)}</b>'
        "</td></tr></table>"
    )


def _heading(block: LayoutBlock, c: HtmlColours, size: _Sizes, brk: str) -> str:
    # A styled paragraph, not <h1>..<h6>: Qt's rich text ignores font sizes on headings.
    if block.level == 2:
        return (
            f'<p style="{brk}color:{c.accent}; font-size:{size.body + 2}pt; font-weight:bold; '
            f'margin-top:10px">{esc(block.text)}</p>'
        )
    if block.level >= 3:
        return f'<p style="{brk}"><b>{esc(block.text)}</b></p>'
    timing = (
        f' <span style="color:{c.muted}; font-weight:normal">· {esc(block.time)}</span>'
        if block.time
        else ""
    )
    return (
        f'<p style="{brk}font-size:{size.heading}pt; font-weight:bold; color:{c.accent}; '
        f'margin-top:16px; margin-bottom:4px">{esc(block.text)}{timing}</p>'
    )


def _cues(blocks: list[LayoutBlock], c: HtmlColours, size: _Sizes) -> str:
    gap = 10 if size.cue >= 20 else 2
    items = "".join(
        f'<li style="font-size:{size.cue}pt; margin-bottom:{gap}px">{rich(b.rich, c)}</li>'
        for b in blocks
    )
    return f"<ul>{items}</ul>"


def _table(rows: tuple[tuple[str, ...], ...]) -> str:
    header, *body = rows
    head = "".join(
        f"<th align={'left' if i == 0 else 'right'}>{esc(cell)}</th>"
        for i, cell in enumerate(header)
    )
    cells = "".join(
        "<tr>"
        + "".join(
            f"<td>{esc(cell)}</td>" if i == 0 else f"<td align=right>{esc(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in body
    )
    return f'<table width="60%" cellpadding="2" cellspacing="0"><tr>{head}</tr>{cells}</table>'
