"""Coach: the one link measure (values through their families, images that recur) that the
"Linked stories" check and the Link page share. The sample wording is the team's own."""

from __future__ import annotations

from narrative_app.bundle import read_file
from narrative_app.coach.links import family, find_values, measure_links, value_regex
from narrative_app.coach.report import build_report
from narrative_app.domain import Narrative, PartKind, StoryPart
from narrative_app.paths import resource_path


def _narrative(values: list[str], self_: str, us: str, now: str) -> Narrative:
    texts = {PartKind.SELF: self_, PartKind.US: us, PartKind.NOW: now}
    return Narrative(
        title="t",
        values=values,
        parts={kind: StoryPart(kind, draft=text) for kind, text in texts.items()},
    )


def test_value_matching_is_whole_word_or_stem_and_any_case():
    pattern = value_regex("Care")
    for word in ("care", "CARE", "cared", "caring", "cares", "carer", "careful"):
        assert pattern.fullmatch(word), word
    for text in ("car", "scare", "card", "cart"):
        assert not pattern.search(text), text
    assert value_regex("Dignity").fullmatch("dignities")
    assert value_regex("Public service").search("our public  service matters")
    marks = find_values("Care and dignity; caring.", ["Care", "Dignity"])
    assert [(m.start, m.end, m.value) for m in marks] == [
        (0, 4, "Care"), (9, 16, "Dignity"), (18, 24, "Care")
    ]


def test_every_value_card_has_a_family_of_words():
    for value in ("Reliability", "Solidarity", "Trust", "Care", "Courage", "Dignity"):
        assert len(family(value)) >= 8, value
    assert value_regex("Reliability").search("She turned up every week.")


def test_a_recurring_word_does_not_link_stories_when_no_chosen_value_shows():
    # The failure: "worker" recurs, none of the chosen values shows anywhere.
    narrative = _narrative(
        ["Justice", "Courage"],
        "My first worker was called Dee. She had a blue van.",
        "Every worker in this room remembers the flood at the depot.",
        "From March each worker will have a deputy. Will you sign up today?",
    )
    finding = build_report(narrative).finding("linked_values", "all")
    assert finding.status == "suggest"
    assert "Justice" in finding.hint
    measure = measure_links({k: p.draft for k, p in narrative.parts.items()}, narrative.values)
    assert not measure.linked and measure.shared_values == []


def test_the_shipped_samples_chosen_values_are_found_and_linked():
    narrative = read_file(resource_path("sample", "sample.narrative"))
    texts = {kind: part.draft for kind, part in narrative.parts.items()}
    measure = measure_links(texts, list(narrative.values))
    for value in narrative.values:  # Reliability, Trust, Solidarity
        heard_in = [kind for kind in PartKind if measure.count(kind, value)]
        assert len(heard_in) >= 2, value
    assert measure.linked
    finding = build_report(narrative).finding("linked_values", "all")
    assert finding.status == "ok"
    assert {span.part for span in finding.spans} == {"self", "us", "now"}
    assert "every story" in finding.reason


def test_a_short_concrete_noun_can_be_the_image_that_runs_through_the_stories():
    texts = {
        PartKind.SELF: "The night the river rose I drove the minibus myself, and I kept the "
                       "spare key to the community centre on a string round my neck.",
        PartKind.US: "You all remember the key being passed hand to hand along the sandbag "
                     "line, so the centre could stay open while the water came up.",
        PartKind.NOW: "From January every street will have a warden who holds a key. Will you "
                      "be the one for yours? Courage is only turning up.",
    }
    measure = measure_links(texts, ["Courage", "Community"])
    assert "key" in measure.images
    assert measure.linked
    # A short word that is no image ("lot") links nothing.
    plain = {k: t.replace("key", "lot") for k, t in texts.items()}
    assert all("lot" in t for t in plain.values())
    assert "lot" not in measure_links(plain, ["Courage", "Community"]).images
