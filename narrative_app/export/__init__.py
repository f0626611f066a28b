"""Export: writers and readers for speaking notes and narratives that travel.

Public API::

    write_export(narrative, "docx", path, layout="notes", paper="A4",
                 include_full_text=True, author="") -> Path
    render_export(narrative, "md", ...) -> bytes        # the same bytes, without a file
    importers.import_file(path) -> ImportResult(narrative, messages)
    targets.check_export_target(path, data_dirs)        # refuses the data folder's own files

Formats: ``md``, ``txt``, ``narrative``, ``docx`` and ``pdf``; layouts ``notes``, ``cards`` and
``briefing``; paper ``A4`` (default) or ``Letter``. Every printed format renders the one
speaking-notes document in :mod:`narrative_app.export.notes`.
"""

from __future__ import annotations

import contextlib
import enum
import os
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from narrative_app.domain import Narrative
from narrative_app.errors import BadInputError
from narrative_app.export.notes import Layout, Paper, build_notes, parse_layout, parse_paper
from narrative_app.export.targets import check_export_target


class ExportFormat(enum.StrEnum):
    MARKDOWN = "md"
    TEXT = "txt"
    NARRATIVE = "narrative"
    DOCX = "docx"
    PDF = "pdf"

    @property
    def suffix(self) -> str:
        return "." + self.value

    @property
    def label(self) -> str:
        return {
            "md": "Markdown",
            "txt": "Plain text",
            "narrative": "Narrative file",
            "docx": "Word document",
            "pdf": "PDF",
        }[self.value]

    @property
    def has_layouts(self) -> bool:
        """Markdown and .narrative carry the whole narrative; the rest are printed layouts."""
        return self in (ExportFormat.TEXT, ExportFormat.DOCX, ExportFormat.PDF)

    @property
    def can_stream(self) -> bool:
        """Text formats that may go to standard output (``-o -``)."""
        return self in (ExportFormat.MARKDOWN, ExportFormat.TEXT)

    def renders(self, layout: Layout) -> bool:
        """Markdown and .narrative carry the whole narrative in one shape (the notes)."""
        return self.has_layouts or layout is Layout.NOTES


# Layouts handed to other people: people's names in them are printed as the speaker chose.
SHARED_LAYOUTS = frozenset({Layout.BRIEFING, Layout.CARDS})

_ALIASES = {"markdown": "md", "text": "txt", "word": "docx", "bundle": "narrative"}


def parse_format(value: ExportFormat | str) -> ExportFormat:
    text = str(getattr(value, "value", value)).strip().lower().lstrip(".")
    try:
        return ExportFormat(_ALIASES.get(text, text))
    except ValueError:
        names = ", ".join(f.value for f in ExportFormat)
        raise BadInputError(f"Unknown export format '{value}'. Choose one of: {names}.") from None


def render_export(
    narrative: Narrative,
    fmt: ExportFormat | str,
    *,
    layout: Layout | str = "notes",
    paper: Paper | str = "A4",
    include_full_text: bool = True,
    author: str = "",
    today: date | None = None,
) -> bytes:
    """The exported file's bytes (the same as write_export puts on disk)."""
    kind = parse_format(fmt)
    chosen_layout = parse_layout(layout)
    chosen_paper = parse_paper(paper)
    if kind is ExportFormat.NARRATIVE:
        from narrative_app.bundle import dumps

        return dumps(narrative).encode("utf-8", errors="replace")
    if kind.has_layouts and chosen_layout in SHARED_LAYOUTS:
        from narrative_app.export.people import apply_people

        narrative = apply_people(narrative)  # names printed as the speaker chose
    notes = build_notes(
        narrative, include_full_text=include_full_text, author=author, today=today
    )
    if kind is ExportFormat.MARKDOWN:
        from narrative_app.export.markdown import notes_to_markdown

        return notes_to_markdown(notes).encode("utf-8")
    if kind is ExportFormat.TEXT:
        from narrative_app.export.text import notes_to_text

        return notes_to_text(notes, chosen_layout).encode("utf-8")
    if kind is ExportFormat.DOCX:
        from narrative_app.export.docx import notes_to_docx

        return notes_to_docx(notes, chosen_layout, chosen_paper)
    from narrative_app.export.pdf import notes_to_pdf

    return notes_to_pdf(notes, chosen_layout, chosen_paper)


def write_export(
    narrative: Narrative,
    fmt: ExportFormat | str,
    path: str | os.PathLike[str],
    *,
    layout: Layout | str = "notes",
    paper: Paper | str = "A4",
    include_full_text: bool = True,
    author: str = "",
    today: date | None = None,
    data_dirs: Iterable[str | os.PathLike[str] | None] = (),
) -> Path:
    """Write the export atomically: the file appears whole or not at all. Returns the path.

    ``data_dirs``: the data folders in use, whose database, lock and backups are refused
    (folders holding a ``narratives.db`` are refused too, named or not).
    """
    data_dirs = tuple(data_dirs)
    check_export_target(path, data_dirs)
    data = render_export(
        narrative,
        fmt,
        layout=layout,
        paper=paper,
        include_full_text=include_full_text,
        author=author,
        today=today,
    )
    return write_atomic(Path(path), data, data_dirs=data_dirs)


def write_atomic(
    path: Path, data: bytes, *, data_dirs: Iterable[str | os.PathLike[str] | None] = ()
) -> Path:
    """Write to a temporary file beside ``path``, then rename it into place.

    Refuses the data folder's own files and read-only targets; whatever happens, no
    temporary file is left behind.
    """
    path = path.expanduser()
    folder = path.parent
    if path.is_dir():
        raise BadInputError(f"{path} is a folder. Give a file name to export to.")
    if not folder.is_dir():
        raise BadInputError(f"The folder {folder} does not exist. Choose an existing folder.")
    check_export_target(path, data_dirs)
    tmp_name = ""
    replaced = False
    try:
        with tempfile.NamedTemporaryFile(
            dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as handle:
            tmp_name = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o666 & ~_umask())  # temp files are private; exports are not
        os.replace(tmp_name, path)
        replaced = True
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BadInputError(
            f"Could not write {path.name}: {reason}. Choose another folder or close the file "
            "if it is open in another program."
        ) from None
    finally:
        if tmp_name and not replaced:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


__all__ = [
    "SHARED_LAYOUTS",
    "ExportFormat",
    "Layout",
    "Paper",
    "check_export_target",
    "parse_format",
    "render_export",
    "write_atomic",
    "write_export",
]
