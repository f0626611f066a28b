"""Rehearsal text views: cues with their fallback, full text, the memorise ladder, scroll speed."""

from __future__ import annotations

import pytest

from narrative_app.domain import PartKind, StoryPart
from narrative_app.rehearsal.views import (
    Block,
    BlockKind,
    CueSource,
    LadderStep,
    blocks,
    cue_view,
    first_sentence,
    key_words,
    ladder_blocks,
    plain_text,
    scroll_speed,
)
from narrative_app.text.cues import suggest_cues

DRAFT = """### The night

It was **three in the morning** on Ward 7. The call bell rang again, and nobody came.
I was about to go home.

- I chose to stay past my shift.
- Mrs Khan taught me about *listening*.

### What I learnt

Since 2019 I have asked every new nurse to sit with one patient
for ten minutes [pause] and just listen.
"""


def part(draft: str = "", cues: list[str] | None = None) -> StoryPart:
    return StoryPart(PartKind.SELF, draft=draft, cues=cues or [])


def test_blocks_strip_markdown_and_keep_structure() -> None:
    result = blocks(DRAFT)
    assert result[0] == Block(BlockKind.HEADING, "The night")
    assert result[1].kind is BlockKind.PARAGRAPH
    assert result[1].text.startswith("It was three in the morning on Ward 7.")
    assert "I was about to go home." in result[1].text  # a hard-wrapped line joins its paragraph
    assert result[2] == Block(BlockKind.ITEM, "I chose to stay past my shift.")
    assert result[3] == Block(BlockKind.ITEM, "Mrs Khan taught me about listening.")
    assert [b.kind for b in result].count(BlockKind.HEADING) == 2
    assert "*" not in plain_text(DRAFT) and "#" not in plain_text(DRAFT)


def test_links_and_quotes_become_words() -> None:
    assert plain_text("> See [the report](http://x.org) and `code`.") == "See the report and code."


def test_cues_are_shown_when_present() -> None:
    view = cue_view(part(DRAFT, ["Ward 7, 3 a.m.", "  ", "**Stayed** past my shift"]))
    assert view.source is CueSource.CUES
    assert view.lines == ("Ward 7, 3 a.m.", "Stayed past my shift")


def test_without_cues_the_suggested_cues_stand_in() -> None:
    view = cue_view(part(DRAFT))
    assert view.source is CueSource.DRAFT
    # The same cues the editor's "Suggest cues" gives for the draft (one suggester).
    assert list(view.lines) == suggest_cues(DRAFT)
    assert view.lines[0] == "It was three in the morning on Ward 7"
    assert view.lines[1] == "I chose to stay past my shift"
    # Long first sentences are shortened so they still read as cues.
    assert view.lines[3].endswith("…")
    assert len(view.lines[3].split()) == 8


def test_empty_part_says_so() -> None:
    view = cue_view(part("   \n\n"))
    assert view.source is CueSource.EMPTY
    assert view.lines == ()


def test_first_sentence() -> None:
    assert first_sentence("One. Two.") == "One. …"
    assert first_sentence("Only one sentence") == "Only one sentence"


def test_key_words_keep_names_numbers_and_long_words_in_order() -> None:
    words = key_words("It was three in the morning on Ward 7 and the call bell rang for Mrs Khan.")
    assert words == ["three", "morning", "Ward", "7", "Mrs", "Khan"]
    assert key_words("the and of to a") == []


def test_memorise_ladder_reduces_step_by_step() -> None:
    p = part(DRAFT)
    full = ladder_blocks(p, LadderStep.FULL)
    first = ladder_blocks(p, LadderStep.FIRST_LINES)
    keys = ladder_blocks(p, LadderStep.KEY_WORDS)
    heads = ladder_blocks(p, LadderStep.HEADINGS)
    assert full == blocks(DRAFT)
    assert first[1].text == "It was three in the morning on Ward 7. …"
    assert all(len(k.text.split(" · ")) <= 6 for k in keys if k.kind is not BlockKind.HEADING)
    assert "Khan" in " ".join(b.text for b in keys)
    assert [b.text for b in heads] == ["The night", "What I learnt"]

    def length(bs: list[Block]) -> int:
        return sum(len(b.text) for b in bs)

    assert length(full) > length(first) > length(keys) > length(heads)


def test_headings_only_is_empty_when_draft_has_no_headings() -> None:
    assert ladder_blocks(part("Just a paragraph."), LadderStep.HEADINGS) == []


def test_scroll_speed_depends_on_words_per_minute_not_font_size() -> None:
    words = 250
    small = scroll_speed(125, 2000, words)
    large = scroll_speed(125, 4000, words)  # twice the font, twice the height
    assert large == pytest.approx(2 * small)
    # Either way the whole text passes the reading line in exactly two minutes.
    assert 2000 / small == pytest.approx(120)
    assert 4000 / large == pytest.approx(120)
    assert scroll_speed(150, 2000, words) > small
    assert scroll_speed(125, 2000, 0) == 0


def test_a_written_pause_is_shown_as_a_pause_mark() -> None:
    from narrative_app.rehearsal.views import PAUSE_MARK, plain_text

    text = plain_text("I stayed. [pause] And then [PAUSE] the bell rang.")
    assert "[pause]" not in text.lower()
    assert text == f"I stayed. {PAUSE_MARK} And then {PAUSE_MARK} the bell rang."


def test_key_words_skip_words_that_only_order_or_place_things() -> None:
    words = key_words("Last year I was the first one standing at the Ward 7 desk at 3 a.m.")
    assert "Last" not in words and "first" not in words and "standing" not in words
    assert "Ward" in words and "7" in words and "desk" in words


def test_key_words_skip_shortened_grammar_words_even_capitalised_in_a_quote() -> None:
    words = key_words('Kerry looked at my lanyard and said, "You\'ll be gone by Easter. '
                      'They\'re all the same."')
    assert "You'll" not in words and "They're" not in words
    assert "Kerry" in words and "Easter" in words and "lanyard" in words
