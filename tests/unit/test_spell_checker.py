"""Unit tests: the UK English spell checker accepts British spellings and flags the rest."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from narrative_app.spell import SpellChecker, SpellStatus, available_languages


@pytest.fixture(scope="module")
def checker() -> SpellChecker:
    """One loaded checker for the read-only tests (personal words kept in memory only)."""
    spell = SpellChecker("en_GB")
    assert spell.load(), spell.reason
    return spell


def flagged(checker: SpellChecker, text: str) -> list[str]:
    return [word for _start, _end, word in checker.misspelt(text)]


def test_done_when_sentence_has_no_misspelling(checker: SpellChecker) -> None:
    assert flagged(checker, "I organised the programme for paediatric carers") == []


@pytest.mark.parametrize("word", [
    "organise", "organisation", "realised", "colour", "behaviour", "centre", "travelled",
    "defence", "licence", "analyse", "catalogue", "aluminium", "programme", "paediatric",
    "judgement", "learnt", "mum", "neighbours", "carer's", "don't", "Organised", "café",
    "naïve", "well-being",
])
def test_british_spellings_are_accepted(checker: SpellChecker, word: str) -> None:
    assert flagged(checker, word) == []


@pytest.mark.parametrize("word", [
    "color", "organize", "organization", "realized", "behavior", "center", "traveled",
    "defense", "analyze", "pediatric", "mom",
])
def test_american_spellings_are_flagged(checker: SpellChecker, word: str) -> None:
    # House style for UK public services (GOV.UK, NHS) is -ise: "organize" is flagged too.
    assert flagged(checker, f"The {word} here.") == [word]


def test_typos_are_flagged_and_receive_is_offered_first(checker: SpellChecker) -> None:
    assert flagged(checker, "We recieve teh letters") == ["recieve", "teh"]
    assert checker.suggestions("recieve")[0] == "receive"
    assert checker.suggestions("teh")[0] == "the"


@pytest.mark.parametrize(("typo", "best"), [
    ("color", "colour"), ("organize", "organise"), ("center", "centre"),
    ("pediatric", "paediatric"), ("seperate", "separate"), ("definately", "definitely"),
    ("occured", "occurred"), ("accomodate", "accommodate"), ("dont", "don't"),
    ("Recieve", "Receive"), ("goverment", "government"), ("safegaurding", "safeguarding"),
])
def test_suggestions_put_the_likely_word_first(checker: SpellChecker, typo: str,
                                               best: str) -> None:
    suggestions = checker.suggestions(typo)
    assert suggestions[0] == best
    assert len(suggestions) == len(set(suggestions)) <= 6
    assert typo not in suggestions


def test_gibberish_gets_no_suggestions_and_no_crash(checker: SpellChecker) -> None:
    assert checker.suggestions("xqzwvj") == []
    assert checker.suggestions("") == []


def test_acronyms_urls_numbers_and_markers_are_left_alone(checker: SpellChecker) -> None:
    text = ("The NHS and GPs at A&E [pause] see https://example.org/xyzzy and "
            "www.qwrtp.uk, mail bob@qwrtp.com, 2nd COVID19 `frobnicate` [link](qwzx.html)")
    assert flagged(checker, text) == []


def test_seeded_public_service_words_are_accepted_out_of_the_box(checker: SpellChecker) -> None:
    assert flagged(checker, "Ofsted checked safeguarding and wellbeing with the SENDCo") == []


def test_capitalised_names_need_their_capital(checker: SpellChecker) -> None:
    assert flagged(checker, "We met in London") == []
    assert flagged(checker, "we met in london") == ["london"]
    assert checker.suggestions("londn")[0] == "London"


def test_ignore_lasts_for_the_session_only(tmp_path: Path) -> None:
    spell = SpellChecker("en_GB", tmp_path)
    spell.load()
    assert flagged(spell, "Amara spoke") == ["Amara"]
    generation = spell.generation
    spell.ignore("Amara")
    assert flagged(spell, "Amara spoke, amara's") == []
    assert spell.generation > generation
    again = SpellChecker("en_GB", tmp_path)
    again.load()
    assert flagged(again, "Amara spoke") == ["Amara"]


def test_checker_is_lazy_and_silent_until_loaded() -> None:
    spell = SpellChecker("en_GB")
    assert spell.status is SpellStatus.IDLE
    assert spell.check("recieve") is True  # nothing is underlined before the dictionary loads
    assert spell.misspelt("recieve") == []
    assert spell.suggestions("recieve") == []


def test_missing_dictionary_turns_spell_check_off_with_a_reason(tmp_path: Path) -> None:
    spell = SpellChecker("en_GB", tmp_path, dictionary_path=tmp_path / "gone.words.gz")
    assert spell.load() is False
    assert spell.status is SpellStatus.DISABLED
    assert spell.reason.startswith("Spell check is off:")
    assert "missing" in spell.reason and "\n" not in spell.reason
    assert spell.misspelt("recieve colour") == []  # the editor keeps working, unmarked
    assert spell.load() is False  # and it does not retry on every keystroke


@pytest.mark.parametrize("content", [b"not gzip at all", gzip.compress(b"\xff\xfe\xfa"),
                                     gzip.compress(b"word\n")])
def test_damaged_dictionary_turns_spell_check_off(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "en_GB.words.gz"
    path.write_bytes(content)
    spell = SpellChecker("en_GB", tmp_path, dictionary_path=path)
    assert spell.load() is False
    assert "cannot be read" in spell.reason or "UTF-8" in spell.reason or "few" in spell.reason


def test_unknown_language_turns_off_with_its_name(tmp_path: Path) -> None:
    spell = SpellChecker("xx_YY", tmp_path)
    assert spell.load() is False
    assert "xx-YY" in spell.reason


def test_user_installed_word_list_is_a_language(tmp_path: Path) -> None:
    folder = tmp_path / "dictionaries"
    folder.mkdir()
    words = [f"wort{i}" for i in range(200)] + ["Haus", "gehen"]
    (folder / "de_DE.txt").write_text("\n".join(words), encoding="utf-8")
    languages = available_languages(tmp_path)
    assert {"en_GB", "en_US", "de_DE"} <= set(languages)
    spell = SpellChecker("de_DE", tmp_path)
    assert spell.load()
    assert flagged(spell, "Haus gehen colour") == ["colour"]


def test_us_english_can_be_picked_instead() -> None:
    spell = SpellChecker("en_US")
    assert spell.load()
    assert flagged(spell, "color organize colour") == ["colour"]
