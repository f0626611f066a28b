"""Export: the named Word styles, page set-up and small XML helpers of the .docx writer.

Real named styles (Title, Heading 1-3, and our own Cue, Ask, Notes Meta...) let users
restyle a whole document in Word or LibreOffice in one go. Each layout tunes the sizes: cue
cards use large print made to be read at arm's length. python-docx is imported by callers
inside their functions; this module only receives its objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from narrative_app.export.notes import Layout, Paper

STYLE_CUE = "Cue"
STYLE_ASK = "Ask"
STYLE_META = "Notes Meta"
STYLE_CARD_HEADER = "Card Header"
STYLE_TARGET = "Target Time"
STYLE_TIMING = "Timing Row"
STYLE_LABEL = "Notes Label"
STYLE_DRAFT = "Draft Text"
STYLE_LEAD = "Briefing Lead"
STYLE_LINE = "Briefing Text"
CHAR_TIME = "Time Mark"
CHAR_PAUSE = "Pause Mark"
# Paragraph styles whose text the importer leaves out (headers, timing rows, labels).
STYLE_SKIPPED = frozenset({STYLE_CARD_HEADER, STYLE_TARGET, STYLE_TIMING, STYLE_LABEL})

FONT = "Calibri"
INK = "1F2933"
ACCENT = "1F4E79"
MUTED = "5F6B7A"
ASK_FILL = "EAF1F8"


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points for one layout."""

    body: float
    title: float
    heading1: float
    heading2: float
    cue: float
    ask: float
    meta: float


SIZES = {
    Layout.NOTES: Sizes(body=11, title=24, heading1=15, heading2=13, cue=12, ask=12, meta=10.5),
    Layout.CARDS: Sizes(body=16, title=24, heading1=32, heading2=24, cue=22, ask=22, meta=12),
    Layout.BRIEFING: Sizes(body=10.5, title=20, heading1=14, heading2=12, cue=11, ask=12, meta=10),
}


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def element(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    node = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        node.set(_w(key), value)
    return node


# The order WordprocessingML requires inside <w:pPr>: Word rejects files that break it.
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
)


def insert_ordered(ppr: Any, child: Any) -> Any:
    """Insert a child into <w:pPr> at the place the schema demands (replacing any old one)."""
    name = child.tag.rsplit("}", 1)[-1]
    for old in ppr.findall(child.tag):
        ppr.remove(old)
    rank = _PPR_ORDER.index(name)
    for index, sibling in enumerate(ppr):
        sibling_name = sibling.tag.rsplit("}", 1)[-1]
        if sibling_name in _PPR_ORDER and _PPR_ORDER.index(sibling_name) > rank:
            ppr.insert(index, child)
            return child
    ppr.append(child)
    return child


def set_font(rpr_owner: Any, name: str = FONT) -> None:
    """Use one explicit font for every script, replacing the template's theme fonts."""
    fonts = rpr_owner.get_or_add_rPr().get_or_add_rFonts()
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for key in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(_w(key), name)


def shade(ppr: Any, fill: str) -> None:
    insert_ordered(ppr, element("shd", val="clear", color="auto", fill=fill))


def border(ppr: Any, side: str, *, size: int, color: str, space: int = 4) -> None:
    bdr = ppr.find(_w("pBdr"))
    if bdr is None:
        bdr = insert_ordered(ppr, element("pBdr"))
    # Inside <w:pBdr> the sides also have a fixed order: top, left, bottom, right.
    order = ("top", "left", "bottom", "right", "between", "bar")
    node = element(side, val="single", sz=str(size), space=str(space), color=color)
    later = [b for b in bdr if b.tag.rsplit("}", 1)[-1] in order[order.index(side) + 1 :]]
    if later:
        later[0].addprevious(node)
    else:
        bdr.append(node)


def setup_page(document: Any, paper: Paper, layout: Layout) -> float:
    """Paper size and margins; returns the text width in points."""
    from docx.shared import Mm

    width, height = paper.size_mm
    margin = 20.0 if layout is Layout.CARDS else 22.0
    section = document.sections[0]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.left_margin = section.right_margin = Mm(margin)
    section.top_margin = Mm(18 if layout is Layout.BRIEFING else margin)
    section.bottom_margin = Mm(18 if layout is Layout.BRIEFING else margin)
    section.header_distance = section.footer_distance = Mm(10)
    return (width - 2 * margin) * 72 / 25.4


def setup_styles(document: Any, layout: Layout, text_width_pt: float) -> None:
    """Create and tune every named style the layout uses."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt, RGBColor

    size = SIZES[layout]
    styles = document.styles
    _defaults(styles)

    def tune(name: str, pt: float, *, color: str = INK, bold: bool | None = None,
             before: float = 0, after: float = 6, line: float | None = None) -> Any:
        style = styles[name]
        style.font.size = Pt(pt)
        style.font.color.rgb = RGBColor.from_string(color)
        style.font.bold = bold
        set_font(style.element)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        if line is not None:
            fmt.line_spacing = line
        return style

    def add(name: str, base: str, kind: Any = WD_STYLE_TYPE.PARAGRAPH) -> Any:
        style = styles.add_style(name, kind)
        style.base_style = styles[base]
        style.quick_style = True
        return style

    tune("Normal", size.body, after=6, line=1.15)
    title = tune("Title", size.title, color=ACCENT, bold=True, after=4, line=1.0)
    ppr = title.element.get_or_add_pPr()
    for old in ppr.findall(_w("pBdr")):
        ppr.remove(old)
    h1 = tune("Heading 1", size.heading1, color=ACCENT, bold=True, before=14, after=4)
    h1.paragraph_format.keep_with_next = True
    border(h1.element.get_or_add_pPr(), "bottom", size=6, color="B7C7DA", space=2)
    h1.paragraph_format.tab_stops.add_tab_stop(Pt(text_width_pt), WD_TAB_ALIGNMENT.RIGHT)
    tune("Heading 2", size.heading2, color=ACCENT, bold=True, before=10, after=3)
    tune("Heading 3", size.body + 0.5, color=INK, bold=True, before=8, after=2)
    tune("List Bullet", size.body, after=3)

    cue = add(STYLE_CUE, "List Bullet")
    cue.font.size = Pt(size.cue)
    cue_after = 14 if layout is Layout.CARDS else 3
    cue.paragraph_format.space_after = Pt(cue_after)
    cue.paragraph_format.line_spacing = 1.1
    # List Bullet turns on "contextual spacing", which would squeeze large-print cues together.
    insert_ordered(cue.element.get_or_add_pPr(), element("contextualSpacing", val="0"))

    ask = add(STYLE_ASK, "Normal")
    ask.font.size, ask.font.bold = Pt(size.ask), True
    ask.font.color.rgb = RGBColor.from_string(INK)
    fmt = ask.paragraph_format
    fmt.space_before, fmt.space_after = Pt(8), Pt(10)
    fmt.left_indent = fmt.right_indent = Pt(8)
    fmt.keep_together = True
    ppr = ask.element.get_or_add_pPr()
    for side, width in (("top", 4), ("left", 24), ("bottom", 4), ("right", 4)):
        border(ppr, side, size=width, color=ACCENT if side == "left" else "C9D6E6", space=6)
    shade(ppr, ASK_FILL)

    meta = add(STYLE_META, "Normal")
    meta.font.size = Pt(size.meta)
    meta.font.color.rgb = RGBColor.from_string(MUTED)
    meta.paragraph_format.space_after = Pt(1)

    label = add(STYLE_LABEL, "Normal")
    label.font.size, label.font.bold = Pt(size.meta), True
    label.font.color.rgb = RGBColor.from_string(ACCENT)
    label.font.all_caps = True
    label.paragraph_format.space_before, label.paragraph_format.space_after = Pt(10), Pt(2)
    label.paragraph_format.keep_with_next = True

    header = add(STYLE_CARD_HEADER, "Normal")
    header.font.size = Pt(11)
    header.font.color.rgb = RGBColor.from_string(MUTED)
    header.font.all_caps = True
    header.paragraph_format.space_after = Pt(18)

    target = add(STYLE_TARGET, "Normal")
    target.font.size, target.font.bold = Pt(28), True
    target.font.color.rgb = RGBColor.from_string(ACCENT)
    target.paragraph_format.space_after = Pt(18)

    timing = add(STYLE_TIMING, "Normal")
    timing.font.size = Pt(size.body)
    timing.paragraph_format.space_after = Pt(1)
    timing.paragraph_format.tab_stops.add_tab_stop(Pt(230), WD_TAB_ALIGNMENT.RIGHT)
    timing.paragraph_format.tab_stops.add_tab_stop(Pt(320), WD_TAB_ALIGNMENT.RIGHT)

    lead = add(STYLE_LEAD, "Normal")
    lead.font.size = Pt(size.body + 2)
    lead.font.color.rgb = RGBColor.from_string(INK)
    lead.paragraph_format.space_after = Pt(4)
    line = add(STYLE_LINE, "Normal")
    line.paragraph_format.space_after = Pt(5)
    line.paragraph_format.line_spacing = 1.2

    draft = add(STYLE_DRAFT, "Normal")
    draft.paragraph_format.space_after = Pt(8)
    draft.paragraph_format.line_spacing = 1.25

    time_mark = add(CHAR_TIME, "Default Paragraph Font", WD_STYLE_TYPE.CHARACTER)
    time_mark.font.bold = False
    time_mark.font.color.rgb = RGBColor.from_string(MUTED)
    pause = add(CHAR_PAUSE, "Default Paragraph Font", WD_STYLE_TYPE.CHARACTER)
    pause.font.italic = True
    pause.font.color.rgb = RGBColor.from_string(MUTED)

    footer = styles["Footer"]
    footer.font.size = Pt(9)
    footer.font.color.rgb = RGBColor.from_string(MUTED)


def _defaults(styles: Any) -> None:
    """UK English and our font as the document defaults."""
    root = styles.element
    rpr = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    if rpr is None:
        return
    lang = rpr.find(_w("lang"))
    if lang is not None:
        lang.set(_w("val"), "en-GB")
        lang.set(_w("eastAsia"), "en-GB")
    fonts = rpr.find(_w("rFonts"))
    if fonts is not None:
        for attr in list(fonts.attrib):
            del fonts.attrib[attr]
        for key in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(_w(key), FONT)
