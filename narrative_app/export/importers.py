"""Export: import a narrative from a .md, .txt, .docx or .narrative file.

Readers only read: they return an ImportResult (the narrative and any messages about what was
guessed) and never create anything; the store does that. Every file the app cannot use gets a
BadInputError whose text says what is wrong and what to do, in one line.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from narrative_app.domain import Narrative
from narrative_app.errors import BadInputError
from narrative_app.export.markdown import markdown_to_narrative
from narrative_app.export.outline import ImportResult, Item, build_narrative, meta_line
from narrative_app.export.text import text_to_narrative
from narrative_app.method.presets import parse_duration

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_DOCX_XML_BYTES = 100 * 1024 * 1024
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text")
DOCX_SUFFIXES = (".docx",)
BUNDLE_SUFFIXES = (".narrative",)
IMPORT_SUFFIXES = MARKDOWN_SUFFIXES + TEXT_SUFFIXES + DOCX_SUFFIXES + BUNDLE_SUFFIXES
SUPPORTED = ".md, .txt, .docx or .narrative"

__all__ = ["IMPORT_SUFFIXES", "ImportResult", "import_file"]


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

        return ImportResult(loads(raw), [])
    if suffix in DOCX_SUFFIXES:
        result = _read_docx(path, raw)
    else:
        text = _decode_text(path, raw)
        reader = markdown_to_narrative if suffix in MARKDOWN_SUFFIXES else text_to_narrative
        result = reader(text, fallback_title=_title_from_name(path))
    if not _has_content(result.narrative):
        raise BadInputError(
            f"{path.name} has no story text in it, so nothing was imported. Check you chose the "
            "right file."
        )
    return result


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise BadInputError(f"{path.name} is a folder. Choose a {SUPPORTED} file.")
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise BadInputError(
                f"{path.name} is too large to import ({size / 1_048_576:.1f} MB; the limit is "
                f"{MAX_IMPORT_BYTES // 1_048_576} MB). Check you chose the right file."
            )
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BadInputError(f"Could not read {path.name}: {reason}. Check the file.") from None
    if not raw.strip():
        raise BadInputError(f"{path.name} is empty, so there is nothing to import.")
    return raw


def _decode_text(path: Path, raw: bytes) -> str:
    binary = BadInputError(
        f"{path.name} is not a text file (it looks like binary data). Choose a Markdown or "
        "plain-text file saved as UTF-8."
    )
    if b"\x00" in raw:
        raise binary
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise binary from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(2, len(text) // 50):
        raise binary
    return text


def _title_from_name(path: Path) -> str:
    return " ".join(path.stem.replace("_", " ").replace("-", " ").split()).strip()


def _has_content(narrative: Narrative) -> bool:
    return any(
        part.draft.strip() or part.cues or any(v.strip() for v in part.fields.values())
        for part in narrative.parts.values()
    )


# --- Word -------------------------------------------------------------------------------


def _read_docx(path: Path, raw: bytes) -> ImportResult:
    not_word = BadInputError(
        f"{path.name} is not a Word document that can be read (it may be damaged, or another "
        "kind of file renamed). Open it in Word or LibreOffice and save it as .docx again."
    )
    import io

    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise not_word
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise BadInputError(
                    f"{path.name} is too large to import once unpacked. Check you chose the "
                    "right file."
                )
        import docx

        document = docx.Document(io.BytesIO(raw))
        items = list(_docx_items(document))
    except BadInputError:
        raise
    except Exception:  # python-docx raises many kinds of error for broken packages
        raise not_word from None
    core_title = _core_title(document)
    return build_narrative(
        items, fallback_title=core_title or _title_from_name(path), title_is_known=bool(core_title)
    )


def _core_title(document: object) -> str:
    try:
        return (document.core_properties.title or "").strip()  # type: ignore[attr-defined]
    except Exception:
        return ""


def _docx_items(document: object):  # -> Iterator[Item]
    from narrative_app.export.docx import STYLE_ASK, STYLE_CUE, STYLE_META, STYLE_SKIPPED
    from narrative_app.export.notes import APPENDIX_TITLE, ASK_LABEL, CLOSING_LABEL

    skip_until_heading = False
    for paragraph in _paragraphs(document):
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        text = paragraph.text.replace("\r", "")
        level = _heading_level(style)
        if level:
            skip_until_heading = text.strip().lower() in {
                APPENDIX_TITLE.lower(),
                CLOSING_LABEL.lower(),
            }
            if not skip_until_heading and text.strip():
                heading = _tabbed_time(text.strip())
                yield Item("heading", heading, level=level, raw=heading)
            continue
        if skip_until_heading or style in STYLE_SKIPPED or not text.strip():
            continue
        if style == STYLE_ASK:
            ask = text.strip()
            for prefix in (f"{ASK_LABEL}:", "Ask:"):
                ask = ask.removeprefix(prefix).strip()
            yield Item("meta", ask, key="ask")
        elif style == STYLE_META:
            for line in text.split("\n"):
                meta = meta_line(line)
                if meta:
                    yield Item("meta", meta[1], key=meta[0])
        elif style == STYLE_CUE:
            yield Item("cue", " ".join(text.split()))
        elif "List" in style or _has_numbering(paragraph):
            yield Item("line", "- " + " ".join(text.split()))
        else:
            for line in text.split("\n"):
                yield Item("line", line)
            yield Item("line", "")


def _tabbed_time(text: str) -> str:
    """'Story of Self<TAB>2:00' (our notes layout) as 'Story of Self (2:00)'."""
    name, tab, time = text.rpartition("\t")
    if tab and parse_duration(time.strip()) is not None:
        return f"{name.strip()} ({time.strip()})"
    return text


def _paragraphs(document: object):  # -> Iterator[Paragraph]
    from docx.table import Table

    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        else:
            yield block


def _heading_level(style: str) -> int:
    if style in {"Title"}:
        return 1
    if style.startswith("Heading "):
        number = style.removeprefix("Heading ").strip()
        return int(number) if number.isdigit() else 0
    return 0


def _has_numbering(paragraph: object) -> bool:
    p_pr = paragraph._p.pPr  # type: ignore[attr-defined]
    return p_pr is not None and p_pr.numPr is not None
