"""Export: the PDF writer (Qt's PDF writer over the notes' HTML)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from narrative_app.export import write_export
from narrative_app.export.html import notes_to_html
from narrative_app.export.notes import Layout, build_notes
from tests.unit.export_fixtures import FIXED_DAY, sample


@pytest.mark.parametrize(("paper", "width_pt"), [("A4", 595), ("Letter", 612)])
def test_pdf_is_written_on_the_chosen_paper(qapp, tmp_path: Path, paper: str, width_pt: int):
    path = write_export(sample(), "pdf", tmp_path / "notes.pdf", paper=paper)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert box is not None
    assert round(float(box.group(1))) == width_pt
    assert b"Someone who comes back" in data
    # The document's title (what a PDF viewer shows in its title bar) is the narrative's.
    title = re.search(rb"/Title \(\xfe\xff((?:[^)\\]|\\.)*)\)", data)
    assert title is not None
    assert title.group(1).decode("utf-16-be") == "Someone who comes back"


def test_cards_pdf_has_a_page_per_part(qapp, tmp_path: Path):
    data = write_export(sample(), "pdf", tmp_path / "cards.pdf", layout="cards").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == 3


@pytest.mark.parametrize("layout", list(Layout))
def test_html_shows_the_ask_and_every_part(layout: Layout):
    n = sample()
    page = notes_to_html(build_notes(n, today=FIXED_DAY), layout)
    assert "Before you leave today" in page
    if layout is not Layout.BRIEFING:
        for part in n.parts.values():
            assert part.kind.title in page
            assert html.escape(part.cues[0], quote=False) in page
