"""Command line: every .docx we write (notes, cue cards, team briefing) imports back to the
right parts (issue 15, item 16), and the briefing export notes the names with no choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from narrative_app.cli import main
from narrative_app.domain import PartKind
from narrative_app.models import NarrativeStore
from tests.store_edits import edit_part

SAMPLE_ASK = (
    "Before you leave today, will you write your name on the board by the door to be the "
    "named back-up worker for one family from January?"
)


def _words(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def _round_trip(capsys, tmp_path: Path, layout: str):
    data = tmp_path / "d"
    out = tmp_path / f"sample-{layout}.docx"
    code = main(["--data-dir", str(data), "export", "1", "--format", "docx",
                 "--layout", layout, "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()
    code = main(["--data-dir", str(data), "import", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    with NarrativeStore.open(data) as store:
        return store.get(1), store.get(int(captured.out.strip())), captured.err


def test_notes_docx_imports_back_to_every_part(capsys, tmp_path):
    original, copy, _err = _round_trip(capsys, tmp_path, "notes")
    assert copy.ask == SAMPLE_ASK
    assert copy.next_step == original.next_step
    assert copy.values == original.values
    for kind in PartKind:
        # The words come back in their part (Word's italics are not read back as *marks*).
        assert _words(copy.parts[kind].draft) == _words(original.parts[kind].draft)
        assert copy.parts[kind].cues == original.parts[kind].cues
        assert copy.parts[kind].target_seconds == original.parts[kind].target_seconds


def test_cue_cards_docx_imports_the_ask_without_its_label(capsys, tmp_path):
    original, copy, _err = _round_trip(capsys, tmp_path, "cards")
    assert copy.ask == SAMPLE_ASK  # not "Close with the ask: Before you leave..."
    for kind in PartKind:
        assert copy.parts[kind].cues == original.parts[kind].cues
        assert copy.parts[kind].target_seconds == original.parts[kind].target_seconds


def test_briefing_docx_puts_each_section_in_its_own_part(capsys, tmp_path):
    original, copy, err = _round_trip(capsys, tmp_path, "briefing")
    assert "all the text went into the Story of Self" not in err
    now, us, me = (copy.parts[k].draft for k in (PartKind.NOW, PartKind.US, PartKind.SELF))
    assert now.startswith("This year, one in three children")
    assert "twelve-month pilot" in now  # the plan that gives hope
    assert us.startswith("Most of you were here on the Thursday in November")
    assert me.startswith("That flat taught me something")
    assert "one in three" not in me
    assert copy.ask == SAMPLE_ASK
    assert copy.occasion == original.occasion
    assert copy.next_step == original.next_step
    assert copy.values == original.values


@pytest.mark.parametrize("layout", ["briefing", "cards"])
def test_shared_layouts_note_names_with_no_choice_but_still_export(capsys, tmp_path, layout):
    data = tmp_path / "d"
    out = tmp_path / "b.txt"
    args = ["--data-dir", str(data), "export", "1", "--format", "txt", "--layout", layout]
    assert main([*args, "-o", str(out)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Jayden" in err[0] and "Kerry" in err[0]
    with NarrativeStore.open(data) as store:
        store.update(1, people={"Jayden": "a seven-year-old boy", "Kerry": "K.", "Priya": "Priya",
                                "Dev": "Dev", "Northfield": "Northfield", "Sam": "Sam"})
    assert main([*args, "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""
    with NarrativeStore.open(data) as store:
        assert "Jayden" in store.get(1).parts[PartKind.SELF].draft  # the draft is unchanged
    assert main(["--data-dir", str(data), "export", "1", "--format", "txt", "-o",
                 str(tmp_path / "n.txt")]) == 0
    assert capsys.readouterr().err == ""  # the speaker's own notes: no note, names as written


def test_a_fresh_narratives_briefing_names_every_section_and_imports_nothing_made_up(
    capsys, tmp_path
):
    data = tmp_path / "d"
    with NarrativeStore.open(data) as store:
        from narrative_app.domain import Narrative

        fresh = store.create(Narrative(title="Fresh"))
        edit_part(store, fresh, PartKind.US, draft="We all remember the flood.")
    out = tmp_path / "fresh.docx"
    assert main(["--data-dir", str(data), "export", str(fresh), "--format", "docx",
                 "--layout", "briefing", "-o", str(out)]) == 0
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    for label in ("WHAT THIS IS ABOUT", "WHY NOW", "THE ASK", "WHAT HAPPENS NEXT",
                  "WHAT WE STAND FOR"):
        assert label.lower() in text.lower()
    assert "Not written yet: the Story of Now's draft fills this in" in text
    capsys.readouterr()
    assert main(["--data-dir", str(data), "import", str(out)]) == 0
    new_id = int(capsys.readouterr().out.strip())
    with NarrativeStore.open(data) as store:
        copy = store.get(new_id)
    assert copy.occasion == "" and copy.next_step == "" and copy.values == []
    assert copy.parts[PartKind.US].draft == "We all remember the flood."
    assert copy.parts[PartKind.NOW].draft == "" and copy.parts[PartKind.SELF].draft == ""
