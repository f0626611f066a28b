"""Export: the team briefing says how to say yes (when, where and who to tell) and what happens
next, in every writer (issue 15: "the ask, with how to say yes (when, where, who)").

Who to tell comes from the Purpose page's "How to say yes" field: its sentences that name
someone to tell or contact; the rest of that field is "What happens next".
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import docx
import pytest

from narrative_app.domain import Narrative, PartKind
from narrative_app.export import write_export
from narrative_app.export.briefing import who_and_then
from narrative_app.export.docx import notes_to_docx
from narrative_app.export.html import notes_to_html
from narrative_app.export.notes import Layout, build_notes
from narrative_app.export.text import notes_to_text
from tests.unit.export_fixtures import FIXED_DAY, sample

WHO = "Who: Questions to Sam or to me."
NEXT = (
    "Sam pairs each name on the board with a family by Friday 19 December; the pilot starts "
    "on Monday 5 January."
)


@pytest.mark.parametrize(
    ("field", "who", "then"),
    [
        ("Tell Sam by Friday. The pilot starts in January.", "Tell Sam by Friday.",
         "The pilot starts in January."),
        ("The rota goes up on Monday. Let me know if you cannot make it.",
         "Let me know if you cannot make it.", "The rota goes up on Monday."),
        ("Email priya.shah@example.nhs.uk or ring 0161 496 0123.",
         "Email priya.shah@example.nhs.uk or ring 0161 496 0123.", ""),
        ("We will see the first results in March.", "", "We will see the first results in March."),
        ("", "", ""),
    ],
)
def test_who_to_tell_is_the_sentence_that_names_someone(field: str, who: str, then: str):
    assert who_and_then(field) == (who, then)


def _paragraphs(narrative: Narrative) -> list[str]:
    data = notes_to_docx(build_notes(narrative, today=FIXED_DAY), Layout.BRIEFING)
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def _section(lines: list[str], label: str, following: str) -> list[str]:
    start = [line.lower() for line in lines].index(label.lower())
    end = [line.lower() for line in lines].index(following.lower())
    return lines[start + 1 : end]


def test_the_docx_briefing_says_when_where_and_who_then_what_happens_next():
    lines = _paragraphs(sample())
    assert _section(lines, "How to say yes", "What happens next") == [
        "When: Before you leave today",
        "Where: On the board by the door",
        WHO,
    ]
    assert _section(lines, "What happens next", "What we stand for") == [NEXT]


def test_the_text_and_html_briefings_say_the_same():
    notes = build_notes(sample(), today=FIXED_DAY)
    text = notes_to_text(notes, Layout.BRIEFING)
    yes = text.index("When: Before you leave today")
    assert yes < text.index(WHO) < text.index(NEXT)
    assert text.count("Questions to Sam") == 1  # said once, not again under what happens next
    page = notes_to_html(notes, Layout.BRIEFING)
    assert f"<b>Who:</b> {html.escape('Questions to Sam or to me.')}" in page
    assert page.index("Who:") < page.index(html.escape(NEXT, quote=False))


def test_the_pdf_briefing_is_written_from_the_same_blocks(qapp, tmp_path: Path):
    path = write_export(sample(), "pdf", tmp_path / "briefing.pdf", layout="briefing")
    assert path.read_bytes().startswith(b"%PDF")


def test_a_briefing_without_who_or_when_says_where_to_write_them():
    fresh = Narrative(title="Fresh")
    fresh.parts[PartKind.NOW].fields["ask"] = "Will you help?"
    lines = _paragraphs(fresh)
    say_yes = _section(lines, "How to say yes", "What happens next")
    assert say_yes == [
        'Not written yet: say when and where in the ask, and who to tell under "How to say '
        'yes" on the Purpose page.'
    ]
    fresh.next_step = "Questions to me."
    lines = _paragraphs(fresh)
    assert _section(lines, "How to say yes", "What happens next") == ["Who: Questions to me."]
    assert _section(lines, "What happens next", "What we stand for")[0].startswith(
        "Not written yet: say what follows a yes"
    )
