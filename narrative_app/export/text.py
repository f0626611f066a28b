"""Export: the plain-text writer and reader for the speaking notes.

The text writer renders the blocks ``layouts.compose`` makes of the notes, as the Word writer
does, with underlined headings so the file reads well in any editor and prints as is. The reader
accepts such files (and any plain text) through the shared outline reader.
"""

from __future__ import annotations

import re

from narrative_app.export.labels import APPENDIX_TITLE, CLOSING_LABEL, NO_CUES_TEXT
from narrative_app.export.layouts import Kind, LayoutBlock, compose
from narrative_app.export.notes import Layout, SpeakingNotes
from narrative_app.export.outline import HEADING_RE, ImportResult, Item, build_narrative, match_part
from narrative_app.export.xmlsafe import normalise_newlines

CUE_BULLET = "•"
_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_SKIPPED_HEADINGS = {APPENDIX_TITLE.lower(), CLOSING_LABEL.lower()}


def _heading(text: str, mark: str) -> list[str]:
    return [text, mark * max(3, min(len(text), 72))]


def notes_to_text(notes: SpeakingNotes, layout: Layout = Layout.NOTES) -> str:
    """The notes as plain text in the given layout (ends with one newline)."""
    out: list[str] = []
    previous: Kind | None = None
    for block in compose(notes, layout):
        joined = block.kind is previous and block.kind in _RUNS
        if previous not in (None, Kind.PAGE_BREAK) and not joined:
            out.append("")  # a blank line between blocks, not inside a run of list lines
        out += _block(block)
        previous = block.kind
    text = "\n".join(out)
    text = re.sub(r"\n{4,}", "\n\n\n", text).strip("\n")
    return text + "\n"


# Consecutive blocks of these kinds are printed without blank lines between them.
_RUNS = frozenset({Kind.META, Kind.CUE, Kind.BULLET, Kind.NUMBERED, Kind.LINE})


def _block(block: LayoutBlock) -> list[str]:
    kind = block.kind
    if kind is Kind.TITLE:
        return _heading(block.text, "=")
    if kind in (Kind.META, Kind.ASK):
        return [f"{block.label}: {block.text}"]
    if kind is Kind.HEADING:
        return _heading_lines(block)
    if kind is Kind.CUE:
        return [f"  {CUE_BULLET} {_marked(block)}"]
    if kind is Kind.NOTE:
        return [f"  ({block.text})"]
    if kind is Kind.BULLET:
        return [f"{'  ' * block.level}- {_marked(block)}"]
    if kind is Kind.NUMBERED:
        return [f"{'  ' * block.level}{block.number}. {_marked(block)}"]
    if kind is Kind.QUOTE:
        return [f"> {_marked(block)}"]
    if kind is Kind.PARAGRAPH:
        return [_marked(block)]
    if kind is Kind.LABEL:
        return _heading(block.text.upper(), "-")
    if kind is Kind.LINE and block.label:
        return [f"{block.label}: {block.text}"]
    if kind is Kind.TABLE:
        return [f"{name:<16}{target:>10}{estimate:>12}" for name, target, estimate in block.rows]
    if kind is Kind.PAGE_BREAK:
        return ["\f"]
    return [block.text]  # paragraph, line, card header, target time


def _marked(block: LayoutBlock) -> str:
    """Plain text keeps emphasis the way e-mail does (*italic*, **bold**), so a text file
    read back in keeps it too; links are their text and ``[pause]`` stays as written."""
    out = []
    for span in block.rich:
        mark = ("**" if span.bold else "") + ("*" if span.italic else "")
        text = span.text
        if mark and not span.pause:
            core = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            text = f"{lead}{mark}{core}{mark[::-1]}{trail}" if core else text
        out.append(text)
    return "".join(out).strip()


def _heading_lines(block: LayoutBlock) -> list[str]:
    if block.level == 1:
        text = f"{block.text} ({block.time})" if block.time else block.text
        return ["", *_heading(text.upper(), "-")]
    if block.level == 2:
        return ["", *_heading(block.text, "-")]
    return [block.text.upper()]


def text_items(text: str) -> list[Item]:
    """A plain-text file as outline items: ATX or underlined headings, bare part names."""
    lines = normalise_newlines(text.lstrip("\ufeff")).replace("\f", "").split("\n")
    items: list[Item] = []
    skipping = False
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        heading: Item | None = None
        if line.strip() and _SETEXT_RE.match(nxt) and not _SETEXT_RE.match(line):
            level = 1 if nxt.strip().startswith("=") else 2
            heading = Item("heading", line.strip(), level=level, raw=line)
            i += 1
        elif HEADING_RE.match(line):
            found = HEADING_RE.match(line)
            assert found is not None
            heading = Item("heading", found.group(2), level=len(found.group(1)), raw=line)
        elif line.strip() and len(line) <= 60 and match_part(line.strip()):
            heading = Item("heading", line.strip(), level=2, raw=line)
        i += 1
        if heading is not None:
            skipping = heading.text.lower() in _SKIPPED_HEADINGS
            if not skipping:
                items.append(heading)
        elif skipping:
            continue
        elif line.lstrip().startswith(CUE_BULLET):
            items.append(Item("cue", line.strip().lstrip(CUE_BULLET).strip()))
        elif line.strip().startswith("(") and line.strip() == f"({NO_CUES_TEXT})":
            continue
        else:
            items.append(Item("line", line))
    return items


def text_to_narrative(text: str, *, fallback_title: str = "") -> ImportResult:
    return build_narrative(text_items(text), fallback_title=fallback_title)
