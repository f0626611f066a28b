"""Export: importing .md, .txt, .docx and .narrative files, and refusing bad ones clearly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from narrative_app.bundle import dumps
from narrative_app.domain import PART_ORDER, PartKind
from narrative_app.errors import BadInputError
from narrative_app.export import write_export
from narrative_app.export.importers import MAX_IMPORT_BYTES, import_file
from tests.content import same_content
from tests.unit.export_fixtures import FIXED_DAY, sample


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _bad_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, words the message must contain)."""
    cases: dict[str, tuple[Path, str]] = {}

    def add(name: str, data: bytes, needle: str) -> None:
        path = tmp / name
        path.write_bytes(data)
        cases[name] = (path, needle)

    add("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "not a text file")
    add("empty.md", b"", "is empty")
    add("blank.txt", b"  \n\n \t\n", "is empty")
    add("title-only.md", b"# Just a title\n\nAudience: Nobody\n", "no story text")
    add("photo.jpg", b"\xff\xd8\xff\xe0", "it is a .jpg file")
    add("old.doc", b"\xd0\xcf\x11\xe0", "old Word .doc")
    add("fake.docx", b"This is plain text pretending to be Word.", "not a Word document")
    add("zip.docx", _zip({"hello.txt": b"hi"}), "not a Word document")
    add("broken.narrative", b'{"format": "narrative", "version": 1,', "damaged")
    add("foreign.narrative", b'{"format": "something-else"}', "not a Narrative Coach narrative")
    add("newer.narrative", b'{"format": "narrative", "version": 99, "narrative": {}}', "newer")
    big = tmp / "huge.md"
    with big.open("wb") as handle:  # sparse: no real disk use
        handle.truncate(MAX_IMPORT_BYTES + 1)
    cases["huge.md"] = (big, "too large")
    cases["missing.md"] = (tmp / "missing.md", "Could not read missing.md")
    folder = tmp / "folder.md"
    folder.mkdir()
    cases["folder.md"] = (folder, "is a folder")
    return cases


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_each_bad_file_gets_a_clear_message_and_creates_nothing(tmp_path: Path, fresh_data_dir):
    cases = _bad_files(tmp_path)
    before = _files(tmp_path)
    for name, (path, needle) in cases.items():
        with pytest.raises(BadInputError) as info:
            import_file(path)
        message = str(info.value)
        assert needle in message, (name, message)
        assert "\n" not in message
        assert len(message) < 240, message
    assert _files(tmp_path) == before
    assert not fresh_data_dir.exists() or not any(fresh_data_dir.iterdir())


def test_markdown_file_imports(tmp_path: Path):
    path = write_export(sample(), "md", tmp_path / "talk.md")
    result = import_file(path)
    assert result.messages == []
    assert same_content(result.narrative, _normalised(sample()))


def test_markdown_without_title_is_named_after_the_file(tmp_path: Path):
    path = tmp_path / "budget_speech.markdown"
    path.write_text("Some words for the speech.\n", encoding="utf-8")
    result = import_file(path)
    assert result.narrative.title == "budget speech"
    assert result.narrative.parts[PartKind.SELF].draft == "Some words for the speech."
    assert len(result.messages) == 2


def test_windows_1252_text_is_read(tmp_path: Path):
    path = tmp_path / "old.txt"
    path.write_bytes("# Caf\xe9\n\nSelf\nIt was \x93late\x94.\n".encode("latin-1"))
    result = import_file(path)
    assert result.narrative.title == "Café"
    assert result.narrative.parts[PartKind.SELF].draft == "It was “late”."


def test_narrative_bundle_imports(tmp_path: Path):
    path = tmp_path / "a.narrative"
    path.write_text(dumps(sample()), encoding="utf-8")
    assert same_content(import_file(path).narrative, sample())


def test_word_document_with_part_headings_lands_in_the_right_parts(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Why I teach", level=0)
    document.add_paragraph("Audience: Parents evening")
    document.add_heading("Story of self", level=1)
    document.add_paragraph("My first class was loud.")
    document.add_paragraph("I stayed anyway.")
    document.add_heading("STORY OF US (1:00)", level=1)
    document.add_paragraph("We share this school.")
    document.add_heading("Cues", level=2)
    document.add_paragraph("The loud class", style="List Bullet")
    document.add_heading("Now", level=2)
    document.add_paragraph("Join the reading club.")
    path = tmp_path / "talk.docx"
    document.save(path)
    result = import_file(path)
    n = result.narrative
    assert result.messages == []
    assert n.title == "Why I teach"
    assert n.audience == "Parents evening"
    assert n.parts[PartKind.SELF].draft == "My first class was loud.\n\nI stayed anyway."
    assert n.parts[PartKind.US].draft == "We share this school."
    assert n.parts[PartKind.US].cues == ["The loud class"]
    assert n.parts[PartKind.US].target_seconds == 60
    assert n.parts[PartKind.NOW].draft == "Join the reading club."


def test_word_document_without_part_headings_lands_in_self_with_a_message(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("A speech with no headings.")
    document.add_paragraph("Second paragraph — with “quotes”.")
    path = tmp_path / "plain speech.docx"
    document.save(path)
    result = import_file(path)
    n = result.narrative
    assert n.title == "plain speech"
    assert n.parts[PartKind.SELF].draft == (
        "A speech with no headings.\n\nSecond paragraph — with “quotes”."
    )
    assert all(not n.parts[k].draft for k in (PartKind.US, PartKind.NOW))
    assert any("Story of Self draft" in m for m in result.messages)


def test_our_notes_docx_reads_back(tmp_path: Path):
    path = write_export(sample(), "docx", tmp_path / "notes.docx", today=FIXED_DAY)
    result = import_file(path)
    n, original = result.narrative, sample()
    assert result.messages == []
    assert (n.title, n.audience, n.occasion, n.ask) == (
        original.title,
        original.audience,
        original.occasion,
        original.ask,
    )
    assert n.values == original.values
    for kind in PART_ORDER:
        assert n.parts[kind].cues == original.parts[kind].cues
        assert n.parts[kind].target_seconds == original.parts[kind].target_seconds
        first = original.parts[kind].draft.split("\n\n")[0].replace("*", "")
        assert n.parts[kind].draft.split("\n\n")[0] == first


def _normalised(narrative):
    for part in narrative.parts.values():
        part.draft = part.draft.strip("\n")
    return narrative


def test_cue_cards_docx_takes_its_title_from_the_document_properties(tmp_path: Path):
    path = write_export(sample(), "docx", tmp_path / "cards.docx", layout="cards")
    result = import_file(path)
    assert result.messages == []
    assert result.narrative.title == sample().title
    assert result.narrative.parts[PartKind.NOW].cues == sample().parts[PartKind.NOW].cues
