"""Export: read a Word (.docx) file into outline items, within bounded memory and time.

A .docx is a zip of XML parts, and a small file can unpack to gigabytes or hold millions of
paragraphs. Before python-docx sees it, every member is checked against the limits in
:mod:`narrative_app.limits`: first by the sizes the zip's headers claim, then by unpacking
each member with a hard stop just past its limit (headers can lie), then by counting the
body's paragraphs in the raw XML. Anything over is refused in one line. Pure: no global
state, safe to call from a worker thread.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from narrative_app.errors import BadInputError, TooLargeError
from narrative_app.export.outline import ImportResult, Item, build_narrative, meta_line
from narrative_app.limits import (
    MAX_DOCX_MEMBER_BYTES,
    MAX_DOCX_MEMBERS,
    MAX_DOCX_PARAGRAPHS,
    MAX_DOCX_UNPACKED_BYTES,
    MAX_IMPORT_TEXT_CHARS,
    MB,
    text_too_long,
)
from narrative_app.method.presets import parse_duration

if TYPE_CHECKING:  # python-docx is imported when a .docx is read, not at start-up
    from docx.document import Document
    from docx.text.paragraph import Paragraph

BODY_MEMBER = "word/document.xml"
_CHUNK = 256 * 1024
# A paragraph start tag in any namespace prefix: <w:p>, <w:p attr...>, <w:p/>.
_PARAGRAPH_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")


def read_docx(name: str, raw: bytes, fallback_title: str) -> ImportResult:
    """The narrative in a .docx file's bytes; BadInputError (one line) when unusable."""
    not_word = BadInputError(
        f"{name} is not a Word document that can be read (it may be damaged, or another "
        "kind of file renamed). Open it in Word or LibreOffice and save it as .docx again."
    )
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise not_word
    try:
        check_package(name, raw)
        import docx

        document = docx.Document(io.BytesIO(raw))
        items = list(_bounded_items(name, _docx_items(document)))
    except BadInputError:
        raise
    except Exception:  # python-docx and zipfile raise many kinds of error for broken packages
        raise not_word from None
    core_title = _core_title(document)
    return build_narrative(
        items, fallback_title=core_title or fallback_title, title_is_known=bool(core_title)
    )


def check_package(name: str, raw: bytes) -> None:
    """Refuse a package whose members are too many, too large or whose body is too long."""
    too_large = TooLargeError(
        f"{name} is too large to import once unpacked (a Word file may unpack to at most "
        f"{MAX_DOCX_MEMBER_BYTES // MB} MB per part and {MAX_DOCX_UNPACKED_BYTES // MB} MB "
        "in all). Check you chose the right file."
    )
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        members = archive.infolist()
        if len(members) > MAX_DOCX_MEMBERS:
            raise too_large
        # What the headers claim: refused before anything is unpacked.
        if any(info.file_size > MAX_DOCX_MEMBER_BYTES for info in members):
            raise too_large
        if sum(info.file_size for info in members) > MAX_DOCX_UNPACKED_BYTES:
            raise too_large
        names = {info.filename for info in members}
        if BODY_MEMBER not in names:
            raise BadInputError(f"{name} has no document body, so it is not a Word document.")
        # What is really inside: unpack each member, stopping just past the limit.
        total = 0
        body = b""
        for info in members:
            data = _read_member(archive, info, too_large)
            total += len(data)
            if total > MAX_DOCX_UNPACKED_BYTES:
                raise too_large
            if info.filename == BODY_MEMBER:
                body = data
    # Count paragraphs in the raw XML, stopping at the first one over the limit.
    for paragraphs, _match in enumerate(_PARAGRAPH_RE.finditer(body), start=1):
        if paragraphs > MAX_DOCX_PARAGRAPHS:
            raise TooLargeError(
                f"{name} has too many paragraphs to import (more than "
                f"{MAX_DOCX_PARAGRAPHS:,}). Check you chose the right file."
            )


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, too_large: Exception) -> bytes:
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_DOCX_MEMBER_BYTES:
                raise too_large
            chunks.append(chunk)
    return b"".join(chunks)


def _bounded_items(name: str, items: Iterator[Item]) -> Iterator[Item]:
    total = 0
    for item in items:
        total += len(item.text)
        if total > MAX_IMPORT_TEXT_CHARS:
            raise TooLargeError(text_too_long(name))
        yield item


def _core_title(document: Document) -> str:
    try:
        return (document.core_properties.title or "").strip()
    except Exception:
        return ""


def _docx_items(document: Document) -> Iterator[Item]:
    from narrative_app.export.docx import STYLE_ASK, STYLE_CUE, STYLE_META
    from narrative_app.export.docx_styles import STYLE_LABEL, STYLE_SKIPPED, STYLE_TARGET
    from narrative_app.export.labels import WHO_LABEL
    from narrative_app.export.notes import APPENDIX_TITLE, ASK_LABEL, CLOSING_LABEL

    skip_until_heading = False
    section = ""  # the briefing section being read ("" outside a briefing)
    paragraphs = list(_paragraphs(document))
    for index, paragraph in enumerate(paragraphs):
        style = _style(paragraph)
        text = paragraph.text.replace("\r", "")
        level = _heading_level(style)
        if level:
            section = ""
            skip_until_heading = text.strip().lower() in {
                APPENDIX_TITLE.lower(),
                CLOSING_LABEL.lower(),
            }
            if not skip_until_heading and text.strip():
                heading = _tabbed_time(text.strip())
                following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
                if following is not None and _style(following) == STYLE_TARGET:
                    heading = f"{heading} ({following.text.strip()})"  # a cue card's target
                yield Item("heading", heading, level=level, raw=heading)
            continue
        if style == STYLE_LABEL:
            section = _BRIEFING_SECTIONS.get(text.strip().lower(), "skip")
            if section.startswith("part:"):
                part = section.removeprefix("part:")
                yield Item("heading", part, level=2, raw=part)
            continue
        if skip_until_heading or style in STYLE_SKIPPED or not text.strip():
            continue
        if style == STYLE_ASK:
            ask = text.strip()
            for prefix in (f"{ASK_LABEL}:", f"{CLOSING_LABEL}:", "Ask:"):
                ask = ask.removeprefix(prefix).strip()
            yield Item("meta", ask, key="ask")
            section = "skip" if section else ""  # the briefing's ask ends its section
        elif section == "say_yes":
            # When and where are read from the ask; who to tell is part of the next step.
            who = text.strip().removeprefix(f"{WHO_LABEL}:")
            if who != text.strip() and style != STYLE_META:
                yield Item("meta", " ".join(who.split()), key="next_step_who")
        elif section == "skip":
            continue
        elif section and style == STYLE_META:
            continue  # a briefing's "Not written yet" note
        elif section.startswith("meta:"):
            yield Item("meta", " ".join(text.split()), key=section.removeprefix("meta:"))
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


def _style(paragraph: Paragraph) -> str:
    style = paragraph.style
    return (style.name if style is not None else "") or ""


def _briefing_sections() -> dict[str, str]:
    """What each team-briefing label's paragraphs are read back as."""
    from narrative_app.export import labels

    return {
        labels.PURPOSE_LABEL.lower(): "meta:occasion",
        labels.WHY_NOW_LABEL.lower(): "part:Story of Now",
        labels.WHAT_WE_SHARE_LABEL.lower(): "part:Story of Us",
        labels.WHY_IT_MATTERS_LABEL.lower(): "part:Story of Self",
        labels.SAY_YES_LABEL.lower(): "say_yes",
        labels.NEXT_STEP_LABEL.lower(): "meta:next_step",
        labels.OUR_VALUES_LABEL.lower(): "meta:values",
        labels.VALUES_LABEL.lower(): "meta:values",
    }


_BRIEFING_SECTIONS = _briefing_sections()


def _tabbed_time(text: str) -> str:
    """'Story of Self<TAB>2:00' (our notes layout) as 'Story of Self (2:00)'."""
    name, tab, time = text.rpartition("\t")
    if tab and parse_duration(time.strip()) is not None:
        return f"{name.strip()} ({time.strip()})"
    return text


def _paragraphs(document: Document) -> Iterator[Paragraph]:
    from docx.table import Table

    for block in document.iter_inner_content():
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


def _has_numbering(paragraph: Paragraph) -> bool:
    p_pr = paragraph._p.pPr
    return p_pr is not None and p_pr.numPr is not None
