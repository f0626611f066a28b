"""Export: the plain-text writer and reader for the speaking notes.

The text writer renders the same speaking-notes document as the Word writer, in each layout,
with underlined headings so the file reads well in any editor and prints as is. The reader
accepts such files (and any plain text) through the shared outline reader.
"""

from __future__ import annotations

import re

from narrative_app.export.notes import (
    APPENDIX_TITLE,
    ASK_LABEL,
    CLOSING_LABEL,
    NO_CUES_TEXT,
    Layout,
    NotesPart,
    SpeakingNotes,
)
from narrative_app.export.outline import HEADING_RE, ImportResult, Item, build_narrative, match_part
from narrative_app.export.xmlsafe import normalise_newlines

CUE_BULLET = "•"
_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_SKIPPED_HEADINGS = {APPENDIX_TITLE.lower(), CLOSING_LABEL.lower()}


def _heading(text: str, mark: str) -> list[str]:
    return [text, mark * max(3, min(len(text), 72))]


def _title_block(notes: SpeakingNotes) -> list[str]:
    out = _heading(notes.title, "=")
    out.append("")
    out += [f"{label}: {text}" for label, text in notes.meta_lines]
    if notes.meta_lines:
        out.append("")
    return out


def _part_cues(part: NotesPart) -> list[str]:
    return [f"  {CUE_BULLET} {cue}" for cue in part.cues] or [f"  ({NO_CUES_TEXT})"]


def _draft(part: NotesPart) -> list[str]:
    out: list[str] = []
    for block in part.blocks:
        if block.kind == "heading":
            out += [block.text.upper(), ""]
        elif block.kind == "bullet":
            out.append(f"  - {block.text}")
        else:
            out += [block.text, ""]
    while out and not out[-1]:
        out.pop()
    return out


def notes_to_text(notes: SpeakingNotes, layout: Layout = Layout.NOTES) -> str:
    """The notes as plain text in the given layout (ends with one newline)."""
    if layout is Layout.CARDS:
        out = _cards(notes)
    elif layout is Layout.BRIEFING:
        out = _briefing(notes)
    else:
        out = _notes(notes)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def _notes(notes: SpeakingNotes) -> list[str]:
    out = _title_block(notes)
    if notes.ask:
        out += [f"{ASK_LABEL}: {notes.ask}", ""]
    if notes.values:
        out += [f"Values: {', '.join(notes.values)}", ""]
    if notes.timing_line:
        out += [f"Timing: {notes.timing_line}", ""]
    for part in notes.parts:
        out += ["", *_heading(part.heading.upper(), "-"), "", *_part_cues(part), ""]
    if notes.ask:
        out += ["", *_heading(CLOSING_LABEL.upper(), "-"), "", notes.ask, ""]
    if notes.include_full_text and any(p.draft for p in notes.parts):
        out += ["", "", *_heading(APPENDIX_TITLE.upper(), "=")]
        for part in notes.parts:
            if part.draft:
                out += ["", *_heading(part.title, "-"), "", *_draft(part), ""]
    return out


def _cards(notes: SpeakingNotes) -> list[str]:
    out: list[str] = []
    for number, part in enumerate(notes.parts, start=1):
        if number > 1:
            out += ["", "\f"]
        out += [f"{notes.title}: card {number} of {len(notes.parts)}", ""]
        out += [*_heading(part.title.upper(), "=")]
        if part.target_label:
            out += [f"TIME: {part.target_label}"]
        out += ["", *_part_cues(part)]
        if part.kind.value == "now" and notes.ask:
            out += ["", f"{ASK_LABEL.upper()}: {notes.ask}"]
    return out


def _briefing(notes: SpeakingNotes) -> list[str]:
    out = _title_block(notes)
    sections = [
        (ASK_LABEL, [notes.ask] if notes.ask else []),
        ("Why now", list(notes.why_now)),
        ("What we share", list(notes.what_we_share)),
        ("Why I care", list(notes.why_i_care)),
    ]
    for heading, lines in sections:
        if lines:
            out += [*_heading(heading.upper(), "-"), *lines, ""]
    out += [*_heading("TIMING", "-")]
    out += [f"{name:<16}{target:>8}{estimate:>12}" for name, target, estimate in (
        ("", "Target", "Estimated"), *notes.timing_rows())]
    return out


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
