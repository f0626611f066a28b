"""Export: names for imported copies ("Title (2)" when the title is already taken) and the
file name an export suggests.

Layer: export (Qt-free). The command line and the library's import both use
:func:`copy_title`, and :func:`already_imported` to say when the same content is already in
the library, so importing a file twice never gives two identical entries. The export dialog
offers :func:`suggested_file_name`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from narrative_app.domain import Narrative

if TYPE_CHECKING:
    from narrative_app.export import ExportFormat
    from narrative_app.export.notes import Layout

_NUMBERED_RE = re.compile(r"^(?P<base>.*?)\s+\((?P<n>\d{1,6})\)$")


def base_title(title: str) -> str:
    """'Briefing (3)' -> 'Briefing'; any other title unchanged (trimmed)."""
    title = title.strip()
    found = _NUMBERED_RE.match(title)
    return found.group("base").strip() if found and found.group("base").strip() else title


def copy_title(title: str, existing: Iterable[str]) -> str:
    """``title`` when no narrative has it (ignoring case), else the first free 'title (N)'."""
    taken = {t.strip().casefold() for t in existing}
    title = title.strip() or "Untitled narrative"
    if title.casefold() not in taken:
        return title
    base = base_title(title)
    number = 2
    while f"{base} ({number})".casefold() in taken:
        number += 1
    return f"{base} ({number})"


def same_content(a: Narrative, b: Narrative) -> bool:
    """True when two narratives differ at most in title, ids and times."""
    keys = ("audience", "occasion", "preset", "pace_wpm", "values", "parts")
    return all(getattr(a, k) == getattr(b, k) for k in keys)


def already_imported(narrative: Narrative, existing: Iterable[Narrative]) -> Narrative | None:
    """The first existing narrative with the same base title and content, if any."""
    wanted = base_title(narrative.title).casefold()
    for other in existing:
        if base_title(other.title).casefold() == wanted and same_content(narrative, other):
            return other
    return None


def duplicate_note(original_title: str, new_title: str, *, same: bool) -> str:
    """The one line saying why the import got a numbered name."""
    if same:
        return (
            f"This was imported before (as ‘{original_title}’), so the new copy is called "
            f"‘{new_title}’."
        )
    return (
        f"A narrative called ‘{original_title}’ is already in the library, so this one is "
        f"called ‘{new_title}’."
    )


def name_import(
    narrative: Narrative,
    existing: Iterable[tuple[int, str]],
    load: Callable[[int], Narrative],
) -> str:
    """Rename ``narrative`` to the next free 'Title (N)' when its title is taken.

    ``existing`` is (id, title) for every narrative in the library (trash included) and
    ``load`` reads one by id, to tell a repeat import from a different narrative of the same
    name. Returns the note to show, or "" when the title was free.
    """
    rows = list(existing)
    new_title = copy_title(narrative.title, (title for _id, title in rows))
    if new_title == narrative.title.strip():
        return ""
    wanted = base_title(narrative.title).casefold()
    similar = (load(row_id) for row_id, title in rows if base_title(title).casefold() == wanted)
    original = already_imported(narrative, similar)
    note = duplicate_note(
        original.title if original else narrative.title, new_title, same=original is not None
    )
    narrative.title = new_title
    return note


__all__ = [
    "already_imported",
    "base_title",
    "copy_title",
    "duplicate_note",
    "name_import",
    "same_content",
]


_UNSAFE_NAME_RE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def suggested_file_name(narrative: Narrative, fmt: ExportFormat, layout: Layout) -> str:
    """'Someone who comes back - cue cards.docx': safe on Windows, macOS and Linux."""
    title = _UNSAFE_NAME_RE.sub(" ", narrative.title).strip(" .") or "Narrative"
    title = " ".join(title.split())[:80]
    if fmt.has_layouts:
        return f"{title} - {layout.label.lower()}{fmt.suffix}"
    return f"{title}{fmt.suffix}"
