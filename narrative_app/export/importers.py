"""Export: import a narrative from a .md, .txt, .docx or .narrative file.

Readers only read: they return an ImportResult (the narrative and any messages about what was
guessed or assumed) and never create anything; the store does that. Every file the app
cannot use gets a BadInputError whose text says what is wrong and what to do, in one line.

Only regular files are read (never a folder, FIFO or device, which could hang or never end),
at most :data:`~narrative_app.limits.MAX_IMPORT_BYTES` of them, and the narrative read must
fit the limits in :mod:`narrative_app.limits`. ``import_file`` is pure (no global state), so
the window may call it from a worker thread.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from narrative_app.domain import Narrative
from narrative_app.errors import BadInputError, NotRegularFileError, TooLargeError
from narrative_app.export.docx_reader import read_docx
from narrative_app.export.markdown import markdown_to_narrative
from narrative_app.export.outline import ImportResult
from narrative_app.export.text import text_to_narrative
from narrative_app.limits import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_TEXT_CHARS,
    MB,
    check_narrative_size,
    text_too_long,
)

MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text")
DOCX_SUFFIXES = (".docx",)
BUNDLE_SUFFIXES = (".narrative",)
IMPORT_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES + DOCX_SUFFIXES + BUNDLE_SUFFIXES
SUPPORTED = ".md, .txt, .docx or .narrative"
UTF8 = "utf-8"
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls but tab, LF, FF, CR
WINDOWS_1252 = "cp1252"

__all__ = [
    "IMPORT_SUFFIXES",
    "MAX_IMPORT_BYTES",
    "ImportResult",
    "cp1252_note",
    "import_file",
]


def import_file(path: str | Path) -> ImportResult:
    """Read a narrative from a file; raises BadInputError with a clear message if unusable."""
    path = Path(path).expanduser()
    suffix = path.suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        if suffix == ".doc":
            raise BadInputError(
                f"{path.name} is an old Word .doc file. Save it as .docx in Word or "
                "LibreOffice, then import that."
            )
        raise BadInputError(f"Cannot import {path.name}: it is {kind}. Choose a {SUPPORTED} file.")
    raw = _read_bytes(path)
    if suffix in BUNDLE_SUFFIXES:
        from narrative_app.bundle import loads

        result = ImportResult(loads(raw), [])
    elif suffix in DOCX_SUFFIXES:
        result = read_docx(path.name, raw, _title_from_name(path))
    else:
        text, encoding = _decode_text(path, raw)
        reader = markdown_to_narrative if suffix in MARKDOWN_SUFFIXES else text_to_narrative
        result = reader(text, fallback_title=_title_from_name(path))
        if encoding == WINDOWS_1252:
            result.encoding = WINDOWS_1252
            result.messages.insert(0, cp1252_note(path.name))
    if not _has_content(result.narrative):
        raise BadInputError(
            f"{path.name} has no story text in it, so nothing was imported. Check you chose the "
            "right file."
        )
    check_narrative_size(result.narrative, path.name)
    return result


def cp1252_note(name: str) -> str:
    """The note shown when a text file was not UTF-8 and was read as Windows-1252."""
    return (
        f"{name} is not UTF-8, so it was read as Windows-1252 text: check that accented "
        "letters, quotes and symbols look right."
    )


def _read_bytes(path: Path) -> bytes:
    """A regular file's bytes, at most MAX_IMPORT_BYTES; never blocks on a FIFO or device."""
    try:
        info = path.stat()  # follows symlinks: a link to /dev/zero is a device
        _require_regular(path, info.st_mode)
        _require_size(path, info.st_size)
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, opening it
        # does not wait for a writer; fstat then refuses it.
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            opened = os.fstat(handle.fileno())
            _require_regular(path, opened.st_mode)
            _require_size(path, opened.st_size)
            raw = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BadInputError(f"Could not read {path.name}: {reason}. Check the file.") from None
    _require_size(path, len(raw))
    if not raw.strip():
        raise BadInputError(f"{path.name} is empty, so there is nothing to import.")
    return raw


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise NotRegularFileError(f"{path.name} is a folder. Choose a {SUPPORTED} file.")
    kind = "a pipe" if stat.S_ISFIFO(mode) else "a device or special file"
    raise NotRegularFileError(
        f"{path.name} is not a regular file (it is {kind}), so it cannot be imported. "
        f"Choose a {SUPPORTED} file saved on disk."
    )


def _require_size(path: Path, size: int) -> None:
    if size > MAX_IMPORT_BYTES:
        raise TooLargeError(
            f"{path.name} is too large to import ({size / MB:.1f} MB; the limit is "
            f"{MAX_IMPORT_BYTES // MB} MB). Check you chose the right file."
        )


def _decode_text(path: Path, raw: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in (UTF-8, else Windows-1252)."""
    binary = BadInputError(
        f"{path.name} is not a text file (it looks like binary data). Choose a Markdown or "
        "plain-text file saved as UTF-8."
    )
    if b"\x00" in raw:
        raise binary
    encoding = UTF8
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        encoding = WINDOWS_1252
        try:
            text = raw.decode(WINDOWS_1252)
        except UnicodeDecodeError:
            raise binary from None
    if len(text) > MAX_IMPORT_TEXT_CHARS:  # before any work that grows with the text
        raise TooLargeError(text_too_long(path.name))
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(2, len(text) // 50):
        raise binary
    return text, encoding


def _title_from_name(path: Path) -> str:
    return " ".join(path.stem.replace("_", " ").replace("-", " ").split()).strip()


def _has_content(narrative: Narrative) -> bool:
    return any(
        part.draft.strip() or part.cues or any(v.strip() for v in part.fields.values())
        for part in narrative.parts.values()
    )
