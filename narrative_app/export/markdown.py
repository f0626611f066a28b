"""Export: the Markdown writer and reader (the convention in docs/ARCHITECTURE.md).

Written form, which the reader also accepts leniently::

    # Title

    Audience: ...
    Occasion: ...
    Ask: ...
    Values: Courage, Care
    Pace: 140 words per minute        (only when not the usual 125)

    ## Story of Self (2:00)

    The draft, as Markdown.

    ### Cues

    - one cue per bullet
    - a cue of two lines ends its first line with a backslash\\
        and goes on, indented, on the next

    ### Challenge

    One sub-heading per filled-in field, named by its label.

The ask is written once, on the ``Ask:`` line. Draft lines that would read back as a heading
of the outline are escaped with a backslash, so export, import and export give the same file.
"""

from __future__ import annotations

from narrative_app.domain import DEFAULT_PACE_WPM
from narrative_app.export.notes import SpeakingNotes
from narrative_app.export.outline import (
    HEADING_RE,
    ImportResult,
    Item,
    build_narrative,
    escape_line,
)
from narrative_app.export.xmlsafe import normalise_newlines


def notes_to_markdown(notes: SpeakingNotes) -> str:
    """The speaking notes as Markdown following the convention (ends with one newline)."""
    out: list[str] = [f"# {notes.title}", ""]
    header = [
        ("Audience", notes.audience),
        ("Occasion", notes.occasion),
        ("Ask", notes.ask),
        ("Next step", notes.next_step),
        ("Values", _join_values(notes.values)),
        ("Pace", _pace(notes.pace_wpm)),
    ]
    lines = [f"{label}: {text}" for label, text in header if text]
    if lines:
        out += [*lines, ""]
    for part in notes.parts:
        out += [f"## {part.heading}", ""]
        if notes.include_full_text and part.draft:
            out += [escape_line(line, part.kind) for line in part.draft.split("\n")]
            out.append("")
        cues = part.cue_lines or part.cues
        if cues:
            out += ["### Cues", ""]
            for cue in cues:
                out += cue_bullet(cue)
            out.append("")
        for item in part.fields:
            if item.text and item.key != "ask":
                out += [f"### {item.label}", ""]
                out += [escape_line(line, part.kind) for line in item.text.split("\n")]
                out.append("")
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def cue_bullet(cue: str) -> list[str]:
    """A cue as one bullet; a cue of several lines ends each line but the last with a
    backslash (Markdown's hard line break) and indents the next by four spaces (so no line
    of it can read back as a heading), so it reads back whole."""
    lines = cue.split("\n")
    out = [f"- {lines[0]}"]
    for line in lines[1:]:
        out[-1] += "\\"
        out.append(f"    {line}")
    return out


def _pace(wpm: int) -> str:
    return "" if wpm == DEFAULT_PACE_WPM else f"{wpm} words per minute"


def _join_values(values: tuple[str, ...]) -> str:
    separator = "; " if any("," in v for v in values) else ", "
    return separator.join(values)


def markdown_items(text: str) -> list[Item]:
    """A Markdown file's lines as outline items (ATX headings and plain lines)."""
    items: list[Item] = []
    for line in normalise_newlines(text.lstrip("\ufeff")).split("\n"):
        found = HEADING_RE.match(line)
        if found:
            items.append(Item("heading", found.group(2), level=len(found.group(1)), raw=line))
        else:
            items.append(Item("line", line))
    return items


def markdown_to_narrative(text: str, *, fallback_title: str = "") -> ImportResult:
    """Read Markdown leniently: part headings in any case or level, times after them."""
    return build_narrative(markdown_items(text), fallback_title=fallback_title)
