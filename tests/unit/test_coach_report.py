"""Coach report: the API, its JSON and text forms, and behaviour on awkward input."""

from __future__ import annotations

import json

import pytest

from narrative_app.coach.registry import NARRATIVE_CHECKS, PART_CHECKS
from narrative_app.coach.report import (
    CoachReport,
    build_report,
    report_to_json,
    report_to_text,
)
from narrative_app.domain import Narrative, PartKind, StoryPart

SELF_STRONG = """\
It was a wet Thursday night in February, my third week on the ward. The corridor smelled of
bleach and the heating clanked. Mrs Owen was crying quietly behind the curtain, frightened
that nobody would come.

I had six other patients and I was scared of falling behind. I could have checked her drip
and moved on. Instead I sat on the edge of her bed and held her cold hand for ten minutes.

She slept. I learned that night that ten minutes can be the whole job.
"""

SELF_CV = """\
I qualified as a nurse in 2001 and worked in intensive care in Bristol. In 2007 I was promoted
to ward manager, and in 2013 I moved into a matron post in Cardiff. In 2019 I was appointed
Director of Nursing, with a team of four hundred staff and a budget of thirty million pounds.
"""

US_STRONG = """\
Most of you were here the night the lifts failed last winter. We carried the breakfast trays
up six flights of stairs, and we laughed about it in the cold stairwell at dawn. Every one of
us was there, and nobody asked whose job it was.
"""

US_CATEGORY = """\
As nurses, we all share a commitment to compassion. We are professionals who put patients
first, and we believe in dignity for everyone.
"""

NOW_ONE_ASK = """\
Right now our discharge lounge is full by ten, and if we wait until spring the winter will
break us. But we can fix it: ward nine already writes medicines the night before, and their
patients go home by lunch. I'm asking each of you to start doing the same on your ward from
Monday.
"""

NOW_THREE_ASKS = """\
Right now our discharge lounge is full by ten, and if we wait until spring the winter will
break us. But we can fix it: ward nine already writes medicines the night before.
So please sign the pledge, share it with your team, come to the meeting on Friday and donate
to the staff fund.
"""


def make(self_text: str = "", us: str = "", now: str = "", **kw) -> Narrative:
    targets = kw.pop("targets", (120, 75, 105))
    parts = {
        PartKind.SELF: StoryPart(PartKind.SELF, draft=self_text, target_seconds=targets[0]),
        PartKind.US: StoryPart(PartKind.US, draft=us, target_seconds=targets[1]),
        PartKind.NOW: StoryPart(PartKind.NOW, draft=now, target_seconds=targets[2]),
    }
    return Narrative(title="Test", parts=parts, **kw)


def status(report: CoachReport, check: str, part: str) -> str:
    return report.finding(check, part).status


def test_every_check_reported_once_in_stable_order() -> None:
    report = build_report(make(SELF_STRONG, US_STRONG, NOW_ONE_ASK))
    got = [(f.part, f.check) for f in report.checks]
    expected = [(k.value, c) for k in PartKind for c in PART_CHECKS[k]]
    expected += [("all", c) for c in NARRATIVE_CHECKS]
    assert got == expected
    assert all(f.status in ("ok", "suggest") and f.hint for f in report.checks)
    assert all("\n" not in f.hint for f in report.checks)


def test_strong_narrative_has_its_story_checks_done() -> None:
    report = build_report(make(SELF_STRONG, US_STRONG, NOW_ONE_ASK, values=["kindness"]))
    not_done = [(f.part, f.check) for f in report.checks if f.status != "ok"]
    # The three stories are all there; only linking might still be worth a suggestion.
    assert set(not_done) <= {("all", "linked_values")}, not_done


def test_cv_like_self_draws_resume_and_moment_suggestions_and_fixing_clears_them() -> None:
    report = build_report(make(SELF_CV))
    assert status(report, "resume", "self") == "suggest"
    assert status(report, "specific_moment", "self") == "suggest"
    assert status(report, "choice_point", "self") == "suggest"
    assert "CV" in report.finding("resume", "self").hint
    fixed = build_report(make(SELF_STRONG))
    assert status(fixed, "resume", "self") == "ok"
    assert status(fixed, "specific_moment", "self") == "ok"


def test_categorical_us_draws_experiential_suggestion_quoting_the_label() -> None:
    finding = build_report(make(us=US_CATEGORY)).finding("experiential_us", "us")
    assert finding.status == "suggest"
    assert "As nurses" in finding.hint
    assert status(build_report(make(us=US_STRONG)), "experiential_us", "us") == "ok"


def test_three_asks_are_several_and_one_ask_is_ok() -> None:
    finding = build_report(make(now=NOW_THREE_ASKS)).finding("ask", "now")
    assert finding.status == "suggest"
    assert "4 things" in finding.hint
    assert status(build_report(make(now=NOW_ONE_ASK)), "ask", "now") == "ok"


def test_missing_and_vague_asks_say_which() -> None:
    missing = build_report(make(now="Waiting lists are the longest ever. Thank you.")).finding(
        "ask", "now"
    )
    assert missing.status == "suggest" and "one thing" in missing.hint
    vague = build_report(make(now="We must act. We need to raise awareness.")).finding("ask", "now")
    assert vague.status == "suggest" and "raise awareness" in vague.hint


def test_ask_only_in_the_field_points_at_the_field() -> None:
    narrative = make(now="Our waiting lists are the longest they have ever been.")
    narrative.ask = "Join the Saturday rota"
    finding = build_report(narrative).finding("ask", "now")
    assert finding.status == "suggest"
    assert "Join the Saturday rota" in finding.hint


@pytest.mark.parametrize(
    "sentence",
    ["I never chose this work.", "I didn't decide anything; I froze.", "I did not choose it."],
)
def test_negated_choice_is_not_a_choice(sentence: str) -> None:
    text = f"One night in March I was alone on the ward. The alarm was loud. {sentence}"
    finding = build_report(make(text)).finding("choice_point", "self")
    assert finding.status == "suggest"
    assert "did not choose" in finding.hint


def test_plain_choice_is_found_and_spanned() -> None:
    text = "One night in March I was alone on the ward. I decided to stay with him."
    report = build_report(make(text))
    finding = report.finding("choice_point", "self")
    assert finding.status == "ok"
    assert [report.span_text(s) for s in finding.spans] == ["I decided to stay with him."]


@pytest.mark.parametrize("draft", ["", "   \n\n  ", "!!! ??? ...", "\u200b\ufeff", "[pause]"])
def test_empty_parts_are_never_ok(draft: str) -> None:
    report = build_report(make(draft, draft, draft))
    assert {f.status for f in report.checks} == {"suggest"}
    assert report.finding("specific_moment", "self").hint.startswith("Nothing written")


def test_other_languages_get_no_praise() -> None:
    french = (
        "Il était trois heures du matin et la salle sentait l'eau de javel. J'ai décidé de "
        "rester avec lui toute la nuit parce qu'il avait peur de mourir seul dans le noir."
    )
    report = build_report(make(french))
    self_findings = report.findings_for(PartKind.SELF)
    assert {f.status for f in self_findings} == {"suggest"}
    assert "English" in self_findings[0].hint


def test_tiny_text_gets_no_praise_for_absent_flaws() -> None:
    report = build_report(make("Hello there."))
    for check in ("told_values", "resume", "too_many_moments"):
        assert status(report, check, "self") == "suggest"


@pytest.mark.parametrize(
    "text",
    [
        "word " * 10000,
        ("It was cold and I decided to stay " * 1500).strip(),
        "Z̷̢a̸l̵g̶o̷ " * 500,
        "😀 İstanbul ß ﬁ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \x00 \ud800".encode("utf-8", "surrogatepass").decode(
            "utf-8", "replace"
        ),
        "مرحبا بالعالم " * 300,
        "I AM ASKING YOU TO SIGN UP TODAY. " * 20,
        "İİİİ I decided. " * 50,
    ],
)
def test_odd_input_never_crashes_and_spans_stay_in_range(text: str) -> None:
    narrative = make(text, text, text)
    report = build_report(narrative)
    data = json.loads(json.dumps(report_to_json(report)))
    for check in data["checks"]:
        for span in check["spans"]:
            draft = narrative.parts[PartKind(span["part"])].draft
            assert 0 <= span["start"] < span["end"] <= len(draft)
    assert report_to_text(report)


def test_single_long_paragraph_is_one_long_sentence() -> None:
    text = " ".join(["and then we walked"] * 2500)
    report = build_report(make(text))
    finding = report.finding("long_sentences", "all")
    assert finding.status == "suggest"
    assert finding.spans[0].part == "self"
    assert finding.spans[0].end - finding.spans[0].start == len(text)


def test_long_sentences_and_jargon_carry_their_part() -> None:
    long = "We " + "really " * 30 + "went home."
    report = build_report(make(us=long, now="The ICS must leverage stakeholder capacity."))
    sentences = report.finding("long_sentences", "all")
    assert sentences.status == "suggest"
    assert {s.part for s in sentences.spans} == {"us"}
    jargon = report.finding("jargon", "all")
    assert jargon.status == "suggest"
    assert "ICS" in jargon.hint
    assert {report.span_text(s) for s in jargon.spans} >= {"ICS", "leverage", "stakeholder"}
    assert all(s.part == "now" for s in jargon.spans)


def test_everyday_acronyms_are_not_jargon() -> None:
    report = build_report(make("I went to my GP and then to A&E at the NHS hospital in the UK."))
    assert status(report, "jargon", "all") == "ok"


def test_length_uses_targets_and_measured_pace() -> None:
    narrative = make(" ".join(["word"] * 250), targets=(120, 0, 0))
    assert status(build_report(narrative), "length", "all") == "ok"  # 250 words at 125 = 2:00
    slow = build_report(narrative, pace_wpm=100)  # measured pace: 2:30
    assert slow.parts[PartKind.SELF].seconds == pytest.approx(150.0)
    assert slow.pace_wpm == 100
    finding = slow.finding("length", "all")
    assert finding.status == "suggest"
    assert "Story of Self runs about 2:30, over its 2:00" in finding.hint


def test_length_flags_an_empty_part_that_has_time_set_aside() -> None:
    finding = build_report(make(SELF_STRONG, targets=(120, 75, 0))).finding("length", "all")
    assert finding.status == "suggest"
    assert "Story of Us" in finding.hint


def test_linked_values_finds_a_value_in_every_story() -> None:
    narrative = make(
        SELF_STRONG + " Kindness mattered. The kettle was on.",
        US_STRONG + " That was kindness, and the kettle.",
        NOW_ONE_ASK + " It is a small kindness, like the kettle.",
        values=["Kindness"],
    )
    finding = build_report(narrative).finding("linked_values", "all")
    assert finding.status == "ok"
    assert "Kindness" in finding.hint
    assert {s.part for s in finding.spans} == {"self", "us", "now"}


def test_a_value_in_two_stories_of_three_does_not_link_them() -> None:
    # The old tick for a value heard in two stories only: linking means all three.
    narrative = make(
        SELF_STRONG + " Kindness mattered.",
        US_STRONG + " That was kindness.",
        NOW_ONE_ASK,
        values=["Kindness"],
    )
    finding = build_report(narrative).finding("linked_values", "all")
    assert finding.status == "suggest"
    assert "Kindness" in finding.hint


def test_linked_values_suggests_when_nothing_links() -> None:
    narrative = make(
        "One night I sat with a patient.",
        "We all ran the marathon.",
        "Sign up today.",
        values=["Courage"],
    )
    finding = build_report(narrative).finding("linked_values", "all")
    assert finding.status == "suggest"
    assert "Courage" in finding.hint


def test_json_has_exactly_the_documented_shape() -> None:
    report = build_report(make(SELF_STRONG, US_STRONG, NOW_ONE_ASK))
    data = report_to_json(report)
    assert set(data) == {"parts", "checks"}
    assert set(data["parts"]) == {"self", "us", "now"}
    for timing in data["parts"].values():
        assert set(timing) == {"words", "seconds", "target_seconds"}
    assert data["parts"]["self"]["target_seconds"] == 120
    assert data["parts"]["self"]["words"] == report.parts[PartKind.SELF].words
    for check in data["checks"]:
        assert set(check) == {"check", "part", "status", "hint", "spans", "reason"}
        assert check["reason"]
        for span in check["spans"]:
            assert set(span) == {"part", "start", "end", "text"}
    choice = next(c for c in data["checks"] if c["check"] == "choice_point")
    # The act itself, not the road not taken before it.
    assert choice["spans"][0]["text"].startswith("Instead I sat on the edge of her bed")
    json.dumps(data)  # plain data all the way down


def test_text_report_reads_kindly() -> None:
    text = report_to_text(build_report(make(SELF_CV, US_CATEGORY, NOW_THREE_ASKS)), "Ward 7")
    assert text.startswith("Coach report: Ward 7")
    assert "Story of Self:" in text and "Whole narrative:" in text
    assert "try   This part reads a little like a CV" in text
    assert "suggestions to try" in text
    assert "score" not in text.lower()


def test_hints_use_uk_spelling() -> None:
    from narrative_app.paths import read_resource_text

    hints = read_resource_text("coach", "hints.toml").lower()
    for us_spelling in ("realize", "organize", "color", "behavior", "center "):
        assert us_spelling not in hints
