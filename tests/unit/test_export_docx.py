"""Export: the Word writer, checked against golden XML and by re-opening with python-docx.

Golden files live in tests/golden/docx/<layout>/. After an intended change to the output,
regenerate them with::

    NARRATIVE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/unit/test_export_docx.py

and review the diff before committing.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from lxml import etree

from narrative_app.bundle import read_file
from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.export import render_export, write_export
from narrative_app.export.docx import notes_to_docx
from narrative_app.export.docx_styles import _PPR_ORDER
from narrative_app.export.notes import Layout, Paper, build_notes
from tests.unit.export_fixtures import FIXED_DAY, tricky

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("NARRATIVE_UPDATE_GOLDEN") == "1"
CREATED = datetime(2025, 3, 14, 9, 30)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TIMESTAMP_RE = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def golden_narrative() -> Narrative:
    """A frozen copy of the sample, so the goldens do not move when the sample is edited."""
    return read_file(GOLDEN / "input.narrative")


def _docx(layout: Layout, paper: Paper = Paper.A4, narrative: Narrative | None = None) -> bytes:
    notes = build_notes(narrative or golden_narrative(), author="Alex Example", today=FIXED_DAY)
    return notes_to_docx(notes, layout, paper, created=CREATED)


# The parts we write or change. The template's theme, fonts and the like are left out of the
# goldens (they are python-docx's, not ours); the list of all part names is checked instead.
GOLDEN_PARTS = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/app.xml",
    "docProps/core.xml",
    "word/_rels/document.xml.rels",
    "word/document.xml",
    "word/footer1.xml",
    "word/numbering.xml",
    "word/settings.xml",
    "word/styles.xml",
)


def _xml_parts(data: bytes, names: tuple[str, ...] | None = None) -> dict[str, bytes]:
    parts = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts["names"] = "\n".join(sorted(archive.namelist())).encode("utf-8") + b"\n"
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")) or (names and name not in names):
                continue
            raw = _TIMESTAMP_RE.sub(b"", archive.read(name))
            root = etree.fromstring(raw)
            if name == "word/styles.xml":
                _keep_our_styles(root)
            parts[name] = etree.tostring(root, pretty_print=True, encoding="utf-8")
    return parts


def _golden_name(part: str) -> str:
    return "parts.txt" if part == "names" else part.replace("/", "__") + ".xml"


def _keep_our_styles(root) -> None:
    """Only the styles a document uses or we tune, and the document defaults."""
    ours = {"Normal", "Title", "Heading1", "Heading2", "Heading3", "ListBullet", "Footer"}
    for style in root.findall(f"{W}style"):
        custom = style.get(f"{W}customStyle") == "1"
        if not custom and style.get(f"{W}styleId") not in ours:
            root.remove(style)
    for latent in root.findall(f"{W}latentStyles"):
        root.remove(latent)


@pytest.mark.parametrize("layout", list(Layout))
def test_docx_matches_the_golden_xml(layout: Layout):
    parts = _xml_parts(_docx(layout), GOLDEN_PARTS)
    folder = GOLDEN / "docx" / layout.value
    if UPDATE:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        for name, data in parts.items():
            (folder / _golden_name(name)).write_bytes(data)
    expected = {name: (folder / _golden_name(name)).read_bytes() for name in parts}
    assert sorted(p.name for p in folder.iterdir()) == sorted(_golden_name(n) for n in parts)
    for name, data in parts.items():
        assert data.decode("utf-8") == expected[name].decode("utf-8"), name
    styles = parts["word/styles.xml"].decode("utf-8")
    for name in ("Cue", "Ask", "Notes Meta", "Heading 1", "Title"):
        assert f'w:val="{name}"' in styles or f'w:val="{name.lower()}"' in styles


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_text_formats_match_the_golden_files(fmt: str):
    data = render_export(golden_narrative(), fmt, today=FIXED_DAY)
    path = GOLDEN / f"notes.{fmt}"
    if UPDATE:
        path.write_bytes(data)
    assert data.decode("utf-8") == path.read_text(encoding="utf-8")


def _paragraphs(data: bytes) -> list:
    return docx.Document(io.BytesIO(data)).paragraphs


def _texts(data: bytes) -> str:
    return "\n".join(p.text for p in _paragraphs(data))


@pytest.mark.parametrize("layout", list(Layout))
def test_every_layout_shows_the_ask_and_the_title(layout: Layout):
    n = golden_narrative()
    data = _docx(layout)
    text = _texts(data)
    assert n.title in text
    assert n.ask in text
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == n.title
    assert document.core_properties.author == "Alex Example"
    assert document.core_properties.language == "en-GB"


def test_notes_layout_has_every_part_with_cues_time_and_full_text():
    n = golden_narrative()
    data = _docx(Layout.NOTES)
    paragraphs = _paragraphs(data)
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Story of Self\t2:00", "Story of Us\t1:15", "Story of Now\t1:45"]
    assert "Full text" in headings
    cues = [p.text for p in paragraphs if p.style.name == "Cue"]
    assert cues == [c for kind in PART_ORDER for c in n.parts[kind].cues]
    asks = [p for p in paragraphs if p.style.name == "Ask"]
    assert len(asks) == 2  # at the top and again at the end
    assert all(run.font.bold or p.style.font.bold for p in asks for run in p.runs)
    text = _texts(data)
    for kind in PART_ORDER:
        first_sentence = n.parts[kind].draft.split(". ")[0]
        assert first_sentence in text
    assert "Date: 14 March 2025" in text
    document = docx.Document(io.BytesIO(data))
    footer_xml = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer_xml
    assert "Heading 1" in [s.name for s in document.styles]


def test_notes_without_full_text_leave_the_appendix_out():
    notes = build_notes(golden_narrative(), include_full_text=False, today=FIXED_DAY)
    text = _texts(notes_to_docx(notes, Layout.NOTES))
    assert "Full text" not in text
    assert "wet Tuesday in February" not in text


def test_cards_are_large_print_one_part_per_page():
    data = _docx(Layout.CARDS)
    document = docx.Document(io.BytesIO(data))
    assert document.styles["Cue"].font.size >= Pt(20)
    assert document.styles["Heading 1"].font.size >= Pt(28)
    headers = [p for p in document.paragraphs if p.style.name == "Card Header"]
    assert [p.text.rsplit("card ", 1)[1] for p in headers] == ["1 of 3", "2 of 3", "3 of 3"]
    assert [bool(p.paragraph_format.page_break_before) for p in headers] == [False, True, True]
    times = [p.text for p in document.paragraphs if p.style.name == "Target Time"]
    assert times == ["2:00", "1:15", "1:45"]


def test_briefing_is_short_and_has_its_sections():
    data = _docx(Layout.BRIEFING)
    text = _texts(data)
    for label in ("What this is about", "Why now", "What we share", "How to say yes",
                  "What happens next", "What we stand for"):
        assert label in text
    assert "one in three children" in text  # the urgency, from the draft
    assert "twelve-month pilot" in text  # and the plan that gives hope
    assert "When: Before you leave today" in text and "Where: On the board by the door" in text
    # No timings and no structured fields (the speaker's shorthand) for the team.
    for private in ("Timing", "Target", "Estimated", "5:00", "Why I care",
                    "thirty-question form"):
        assert private not in text
    assert len(text.split()) < 450  # a page a colleague reads in a minute
    assert "pageBreakBefore" not in docx.Document(io.BytesIO(data)).element.xml


def test_letter_paper_and_a4_sizes():
    a4 = docx.Document(io.BytesIO(_docx(Layout.NOTES, Paper.A4))).sections[0]
    letter = docx.Document(io.BytesIO(_docx(Layout.NOTES, Paper.LETTER))).sections[0]
    assert round(a4.page_width.mm) == 210 and round(a4.page_height.mm) == 297
    assert round(letter.page_width.inches, 2) == 8.5 and round(letter.page_height.inches) == 11


@pytest.mark.parametrize("layout", list(Layout))
def test_paragraph_properties_are_in_schema_order(layout: Layout):
    """Word refuses files whose <w:pPr> children are out of order; LibreOffice does not."""
    for name, data in _xml_parts(_docx(layout)).items():
        if name == "names":
            continue
        for ppr in etree.fromstring(data).iter(f"{W}pPr"):
            ranks = [_PPR_ORDER.index(c.tag.split("}")[1]) for c in ppr]
            assert ranks == sorted(ranks), (name, [c.tag for c in ppr])


def test_text_is_xml_safe_and_otherwise_unchanged(tmp_path: Path):
    n = tricky()
    n.parts[PartKind.SELF].cues.append("bell\x07 \x00rang\x1b — “done” 🚀 ñ 東京")
    n.title = "Title\x0bwith\x0ccontrols"
    path = write_export(n, "docx", tmp_path / "t.docx")
    text = _texts(path.read_bytes())
    assert "bell rang — “done” 🚀 ñ 東京" in text
    assert "Titlewithcontrols" in text
    assert "Café “Éire” — naïve résumé 🚀" not in text  # the title was replaced above
    assert "Здравствуйте, مرحبا, שלום — “quotes” ‘single’ … 👩🏽‍⚕️" in text
