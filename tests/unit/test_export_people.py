"""Export: people's names found in a narrative, and printed as the speaker chose."""

from __future__ import annotations

from narrative_app import bundle
from narrative_app.domain import Narrative, PartKind, StoryPart
from narrative_app.export import render_export
from narrative_app.export.people import (
    Choice,
    apply_people,
    choice_of,
    find_people,
    initials,
    replace_names,
)
from narrative_app.paths import resource_path


def sample() -> Narrative:
    return bundle.read_file(resource_path("sample", "sample.narrative"))


def _with_self(draft: str) -> Narrative:
    return Narrative(parts={PartKind.SELF: StoryPart(PartKind.SELF, draft=draft)})


def test_names_not_months_places_method_words_or_common_words():
    narrative = _with_self(
        "In January I met Jayden at Marsh Court. Kerry said the Story of Now starts on "
        "Tuesday in London. The NHS sent Priya. I told Kerry."
    )
    found = [p.name for p in find_people(narrative)]
    assert found == ["Jayden", "Kerry", "Priya"]


def test_a_known_name_at_a_sentence_start_counts_only_once_seen_mid_sentence():
    assert [p.name for p in find_people(_with_self("Sam came. We left."))] == []
    assert [p.name for p in find_people(_with_self("Sam came. I saw Sam."))] == ["Sam"]
    # Unknown to the dictionary: a name even at a sentence start.
    assert [p.name for p in find_people(_with_self("Priya came."))] == ["Priya"]


def test_the_sample_names_its_people():
    names = [p.name for p in find_people(sample())]
    assert names[:2] == ["Kerry", "Jayden"] and "Priya" in names and "Dev" in names
    assert "Easter" not in names and "Tuesday" not in names and "Marsh" not in names


def test_choices_replace_whole_words_and_possessives_and_capitalise_a_sentence_start():
    choices = {"Jayden": "a nine-year-old boy", "Kerry": initials("Kerry"), "Sam": "Sam"}
    text = "Jayden smiled. Kerry's son, Jayden, met Sam and Jaydenne."
    assert replace_names(text, choices) == (
        "A nine-year-old boy smiled. K.'s son, a nine-year-old boy, met Sam and Jaydenne."
    )
    assert choice_of("Kerry", "K.") is Choice.INITIALS
    assert choice_of("Kerry", "Kerry") is Choice.KEEP
    assert choice_of("Kerry", "his mother") is Choice.DESCRIBE
    assert choice_of("Kerry", None) is None


def test_applying_choices_never_changes_the_narrative():
    narrative = sample()
    narrative.people = {"Jayden": "a seven-year-old boy"}
    before = bundle.dumps(narrative)
    copy = apply_people(narrative)
    assert "Jayden" not in copy.parts[PartKind.SELF].draft
    assert bundle.dumps(narrative) == before


def test_cards_and_briefing_print_names_as_chosen_but_notes_and_bundles_keep_them():
    narrative = sample()
    narrative.people = {"Jayden": "a seven-year-old boy", "Kerry": "K."}
    narrative.parts[PartKind.SELF].cues.append("Jayden's fastest car; Kerry rings first")
    cards = render_export(narrative, "txt", layout="cards").decode("utf-8")
    assert "A seven-year-old boy's fastest car; K. rings first" in cards  # a cue's start
    assert "Jayden" not in cards and "Kerry" not in cards
    notes = render_export(narrative, "txt", layout="notes").decode("utf-8")
    assert "Jayden's fastest car" in notes  # the speaker's own notes keep the names
    again = bundle.loads(render_export(narrative, "narrative"))
    assert again.people == narrative.people  # remembered in the bundle
    assert "Jayden" in again.parts[PartKind.SELF].draft


def test_bundles_without_the_new_keys_still_read():
    data = bundle.to_dict(sample())
    del data["narrative"]["people"], data["narrative"]["next_step"]
    narrative = bundle.from_dict(data)
    assert narrative.people == {} and narrative.next_step == ""
