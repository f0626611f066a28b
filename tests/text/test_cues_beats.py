"""Text: suggested cues carry the line a speaker needs from each beat (issue 15, item 5)."""

from __future__ import annotations

from narrative_app.bundle import read_file
from narrative_app.domain import PartKind
from narrative_app.paths import resource_path
from narrative_app.text.cues import suggest_cue, suggest_cues


def test_a_quoted_line_is_the_cue():
    text = 'Kerry opened the door and said, *"You\'ll be gone by Easter. They all are."* Ouch.'
    assert suggest_cues(text) == ["“You'll be gone by Easter. They all are.”"]


def test_the_choice_and_the_ask_beat_the_opening_words():
    assert suggest_cue("I had forty-five minutes. Instead I put the folder down, and sat.") == (
        "Instead I put the folder down"
    )
    assert suggest_cue("So here is my ask. Before you leave, will you sign the board?") == (
        "will you sign the board"
    )


def test_the_concrete_detail_beats_a_vague_opening():
    assert suggest_cue("It was hard. Some weeks I wrote notes at ten at night.") == (
        "Some weeks I wrote notes at ten at night"
    )


def test_sample_cues_are_one_per_beat_and_not_just_opening_words():
    narrative = read_file(resource_path("sample", "sample.narrative"))
    me = suggest_cues(narrative.parts[PartKind.SELF].draft)
    assert len(me) == 4  # one per paragraph
    assert me[0].startswith("“You'll be gone by Easter")
    assert me[1] == "Instead I put the folder down"
    now = suggest_cues(narrative.parts[PartKind.NOW].draft)
    assert now[-1].startswith("will you write your name on the board")
