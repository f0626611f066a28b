"""One reading of a draft: the preview, rehearsal and every export show the same blocks.

One tricky draft (bullets written with "-" and "•", a numbered list, a quote, a link,
~~strike~~, *emphasis*, a [pause], "3 a.m." and "Dr. Patel") goes to the editor preview, the
rehearsal views and the Markdown, text, Word and HTML writers. Each must show the same
bullets, numbered items, quote and link text, with no Markdown markers or link addresses
left in, and the same cues.
"""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest

from narrative_app.domain import Narrative, PartKind, StoryPart
from narrative_app.export import render_export
from narrative_app.export.html import notes_to_html
from narrative_app.export.notes import Layout, build_notes
from narrative_app.rehearsal.views import PAUSE_MARK, BlockKind, blocks, cue_view, plain_text
from narrative_app.text.cues import suggest_cues
from narrative_app.text.markdown import BlockType, inline_text, read_blocks

DRAFT = (
    "At 3 a.m. Dr. Patel called me back.\n\n"
    "- First, the *bell* rang\n"
    "• Then nobody came\n\n"
    "1. I read the chart\n"
    "2. I sat with her\n\n"
    "> \"You'll be gone by Easter,\" she said. [pause]\n\n"
    "See [the report](https://example.org/report) and ~~the old plan~~ the new one.\n"
)
BULLETS = ["First, the bell rang", "Then nobody came"]
NUMBERED = ["I read the chart", "I sat with her"]
QUOTE = "\"You'll be gone by Easter,\" she said. [pause]"
LINK_LINE = "See the report and the old plan the new one."
CUES = ["Bell at 3 a.m.", "*Dr. Patel* [called](https://example.org)"]
SHOWN_CUES = ["Bell at 3 a.m.", "Dr. Patel called"]
LEFTOVERS = ("](", "https://", "~~", "**", "*bell*", "> ", "•")
DAY = date(2025, 3, 14)


def narrative() -> Narrative:
    """The draft in Self (with cues of its own) and in Us (without cues)."""
    n = Narrative(title="One reading")
    n.parts[PartKind.SELF] = StoryPart(PartKind.SELF, draft=DRAFT, cues=list(CUES))
    n.parts[PartKind.US] = StoryPart(PartKind.US, draft=DRAFT)
    return n


def test_the_reader_sees_the_blocks_we_expect():
    found = read_blocks(DRAFT)
    assert [b.text for b in found if b.type is BlockType.BULLET] == BULLETS
    assert [(b.number, b.text) for b in found if b.type is BlockType.NUMBERED] == [
        (1, NUMBERED[0]),
        (2, NUMBERED[1]),
    ]
    assert [b.text for b in found if b.type is BlockType.QUOTE] == [QUOTE]
    assert found[-1].text == LINK_LINE
    assert found[0].text == "At 3 a.m. Dr. Patel called me back."


def test_suggested_cues_keep_abbreviations_whole():
    # "3 a.m." and "Dr." do not end the first sentence, so the cue is the whole sentence.
    assert suggest_cues(DRAFT)[0] == "At 3 a.m. Dr. Patel called me back"


def test_editor_preview(qtbot):
    from narrative_app.ui.editor.preview import MarkdownPreview, render_html

    body = render_html(DRAFT)
    items = re.findall(r"<li>(.*?)</li>", body)
    assert [re.sub(r"<[^>]+>", "", i) for i in items] == BULLETS + NUMBERED
    assert re.search(r"<blockquote>.*Easter.*</blockquote>", body)
    preview = MarkdownPreview()
    qtbot.addWidget(preview)
    preview.set_markdown(DRAFT)
    shown = preview.toPlainText()
    for text in [*BULLETS, *NUMBERED, QUOTE, LINK_LINE]:
        assert text in shown
    for leftover in LEFTOVERS:
        assert leftover not in shown


def test_rehearsal_views():
    found = blocks(DRAFT)
    assert [b.text for b in found if b.kind is BlockKind.ITEM] == BULLETS + NUMBERED
    # The speaker sees a written [pause] as the pause mark; the words are the same.
    assert QUOTE.replace("[pause]", PAUSE_MARK) in [b.text for b in found]
    text = plain_text(DRAFT)
    assert LINK_LINE in text
    for leftover in LEFTOVERS:
        assert leftover not in text
    n = narrative()
    assert list(cue_view(n.parts[PartKind.SELF]).lines) == SHOWN_CUES
    # Without cues of its own, rehearsal shows what "Suggest cues" in the editor gives.
    assert list(cue_view(n.parts[PartKind.US]).lines) == [
        c.replace("[pause]", PAUSE_MARK) for c in suggest_cues(DRAFT)]


def _items_read_back(text: str, kind: BlockType) -> list[str]:
    return [b.text for b in read_blocks(text) if b.type is kind]


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_markdown_and_text_exports_read_back_to_the_same_blocks(fmt: str):
    out = render_export(narrative(), fmt, today=DAY).decode("utf-8")
    bullets = _items_read_back(out, BlockType.BULLET)
    for text in BULLETS:
        assert bullets.count(text) == 2  # once per part that has the draft
    assert _items_read_back(out, BlockType.NUMBERED).count(NUMBERED[1]) == 2
    assert _items_read_back(out, BlockType.QUOTE).count(QUOTE) == 2
    if fmt == "txt":
        # Plain text shows what is printed: link texts, no addresses, cues as shown.
        assert out.count(LINK_LINE) == 2
        assert "https://" not in out and "~~" not in out
        # Cues as printed (emphasis kept e-mail style, read back as the same words).
        cue_lines = [line.strip()[2:] for line in out.splitlines() if line.startswith("  • ")]
        assert [inline_text(line) for line in cue_lines] == SHOWN_CUES


def test_word_export():
    data = render_export(narrative(), "docx", today=DAY)
    document = docx.Document(io.BytesIO(data))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert [t for s, t in paragraphs if s == "List Bullet"] == BULLETS * 2
    assert [t for s, t in paragraphs if t.startswith(("1. ", "2. "))] == [
        f"{i}. {t}" for i, t in enumerate(NUMBERED, 1)
    ] * 2
    assert [t for s, t in paragraphs if s == "Quote"] == [QUOTE] * 2
    assert [t for s, t in paragraphs if s == "Cue"] == SHOWN_CUES
    assert [t for _, t in paragraphs].count(LINK_LINE) == 2
    for _, text in paragraphs:
        for leftover in LEFTOVERS:
            assert leftover not in text


@pytest.mark.parametrize("layout", list(Layout))
def test_html_export_for_pdf(layout: Layout):
    page = notes_to_html(build_notes(narrative(), today=DAY), layout)
    plain = re.sub(r"<[^>]+>", "", page)
    if layout is not Layout.BRIEFING:
        for cue in SHOWN_CUES:
            assert cue in plain
    else:  # the briefing's extracts keep "3 a.m." and "Dr." inside their sentence
        assert "At 3 a.m. Dr. Patel called me back." in plain
    if layout is Layout.NOTES:
        items = [re.sub(r"<[^>]+>", "", i) for i in re.findall(r"<li[^>]*>(.*?)</li>", page)]
        assert items == SHOWN_CUES + [*BULLETS, *NUMBERED] * 2
        assert plain.count(LINK_LINE) == 2
        assert page.count("<blockquote>") == 2
    for leftover in ("](", "https://", "~~", "**", "*bell*"):
        assert leftover not in plain
