"""Unit tests: the personal dictionary in the data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from narrative_app.errors import DataFolderError
from narrative_app.spell import PersonalDictionary, SpellChecker, personal_dictionary_path
from narrative_app.spell.personal import parse_words, seed_words


def test_new_personal_dictionary_is_seeded_and_written(tmp_path: Path) -> None:
    path = personal_dictionary_path(tmp_path)
    personal = PersonalDictionary(path)
    words = personal.load()
    assert {"NHS", "GP", "A&E", "CQC", "ICB", "SEND", "safeguarding", "Ofsted"} <= set(words)
    on_disk = parse_words(path.read_text(encoding="utf-8"))
    assert on_disk == words == seed_words()


def test_names_added_are_accepted_and_kept(tmp_path: Path) -> None:
    spell = SpellChecker("en_GB", tmp_path)
    spell.load()
    assert [w for *_s, w in spell.misspelt("Amara met Siobhan at Hafan")] == [
        "Amara", "Siobhan", "Hafan"]
    spell.add_to_dictionary("Amara")
    spell.add_to_dictionary("Siobhan’s")  # typographic apostrophe stored straight
    assert [w for *_s, w in spell.misspelt("Amara met Amara's friend")] == []
    text = personal_dictionary_path(tmp_path).read_text(encoding="utf-8")
    assert text.splitlines()[-2:] == ["Amara", "Siobhan's"]
    reopened = SpellChecker("en_GB", tmp_path)
    reopened.load()
    assert reopened.check("Amara") and reopened.check("Siobhan’s")
    assert reopened.suggestions("Amarra")[0] == "Amara"


def test_user_edits_to_the_file_are_respected(tmp_path: Path) -> None:
    path = personal_dictionary_path(tmp_path)
    path.write_text("\ufeff# my words\nZebedee\n\nZebedee\n  Quilla  \n", encoding="utf-8")
    personal = PersonalDictionary(path)
    assert personal.load() == ["Zebedee", "Quilla"]  # no seeding over the user's own file
    assert personal.add("Zebedee") is False
    assert personal.remove("Quilla") is True
    assert parse_words(path.read_text(encoding="utf-8")) == ["Zebedee"]


def test_merge_adds_only_new_words(tmp_path: Path) -> None:
    personal = PersonalDictionary(personal_dictionary_path(tmp_path))
    personal.load()
    before = len(personal.words)
    assert personal.merge(["NHS", "Oriel", "Oriel", " ", "Pemberley"]) == 2
    assert len(personal.words) == before + 2


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="permissions differ")
def test_unwritable_folder_fails_clearly_and_leaves_the_file(tmp_path: Path) -> None:
    path = personal_dictionary_path(tmp_path)
    personal = PersonalDictionary(path)
    personal.load()
    before = path.read_text(encoding="utf-8")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(DataFolderError, match="personal dictionary"):
            personal.add("Amara")
    finally:
        tmp_path.chmod(0o700)
    assert path.read_text(encoding="utf-8") == before
    assert "Amara" not in personal.words


def test_write_failure_leaves_old_file_and_no_temp_files(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = personal_dictionary_path(tmp_path)
    personal = PersonalDictionary(path)
    personal.load()
    before = path.read_text(encoding="utf-8")

    def broken_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(DataFolderError) as caught:
        personal.add("Amara")
    assert "No space left on device" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_unreadable_data_folder_still_checks_spelling(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    spell = SpellChecker("en_GB", blocker)  # the data folder is a file: nothing can be saved
    assert spell.load()
    assert spell.personal_problem
    assert spell.check("NHS") and spell.check("Ofsted")  # the seed words still work
    assert not spell.check("recieve")
