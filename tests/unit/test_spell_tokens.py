"""Unit tests: which words in a paragraph are spell-checked, and where they are."""

from __future__ import annotations

from narrative_app.spell import word_at, words_to_check


def words(text: str) -> list[str]:
    return [word for _s, _e, word in words_to_check(text)]


def test_spans_point_at_the_words() -> None:
    text = "Hello, dear world’s end"
    for start, end, word in words_to_check(text):
        assert text[start:end] == word
    assert words(text) == ["Hello", "dear", "world’s", "end"]


def test_prose_words_and_contractions() -> None:
    assert words("I don't think we'll go.") == ["don't", "think", "we'll", "go"]  # no "I"


def test_hyphenated_words_are_checked_by_part() -> None:
    assert words("well-being co-production") == ["well", "being", "co", "production"]


def test_not_prose_is_skipped() -> None:
    text = ("See https://nhs.uk/x_y?q=abc and www.abcde.gov.uk or nhs.uk/services, "
            "write to a.person@council.gov.uk. NHS GPs MP's 2nd 10am B2B COVID-19 "
            "[pause] [ Pause ] `code here` <span class=x> [label](http://x.y/z) snake_case")
    assert words(text) == ["See", "and", "or", "write", "to", "label", "snake", "case"]


def test_reference_definitions_are_skipped() -> None:
    assert words("[ref]: https://example.org Title") == []


def test_markdown_emphasis_and_headings_leave_the_words() -> None:
    assert words("## Story of *Self* and __us__") == ["Story", "of", "Self", "and", "us"]


def test_emoji_and_other_scripts_do_not_break_spans() -> None:
    text = "😀 recieve наш"
    spans = list(words_to_check(text))
    assert [(text[s:e]) for s, e, _w in spans] == ["recieve", "наш"]


def test_word_at_finds_the_clicked_word() -> None:
    text = "We recieve letters"
    assert word_at(text, 5) == (3, 10, "recieve")
    assert word_at(text, 10) == (3, 10, "recieve")  # just after the word still counts
    assert word_at(text, 0) == (0, 2, "We")
    assert word_at("a 42", 3) is None
