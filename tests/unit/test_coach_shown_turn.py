"""Coach: feelings shown in the body, a rule in the way, and what followed are read as the
teller's (issue 13). Each draft is the team's own, written for a pattern missed on unseen
stories, and each failed before the fix."""

from __future__ import annotations

import pytest

from narrative_app.coach.report import build_report
from narrative_app.domain import Narrative, PartKind, StoryPart


def finding(text: str, check: str, kind: PartKind = PartKind.SELF):
    narrative = Narrative(title="t", pace_wpm=125, parts={kind: StoryPart(kind, draft=text)})
    return build_report(narrative, 125).finding(check, kind.value)


def evidence(text: str, found) -> list[str]:
    return [text[s.start : s.end] for s in found.spans]


@pytest.mark.parametrize(
    ("draft", "earned_by"),
    [
        # The whole body, not a part of it.
        ("The van doors shut on the last of the flood water. I shook for most of the drive "
         "back to the depot.", "I shook"),
        # A body part that gives way or shuts.
        ("The head read the list of names out loud in the hall. My throat closed and I "
         "looked at the floor.", "My throat closed"),
        ("When the sirens stopped outside the flat, my knees gave way on the landing.",
         "my knees gave way"),
        # The tremor named further along the sentence.
        ("I kept my hands under the desk so the panel could not see them trembling.",
         "see them trembling"),
        # A later clause borrows the subject of the first one.
        ("At twenty I lost the tenancy on the flat and wept on the steps of the town hall.",
         "wept"),
    ],
)
def test_a_feeling_shown_in_the_body_is_the_tellers(draft: str, earned_by: str) -> None:
    found = finding(draft, "emotion")
    assert found.status == "ok"
    assert any(earned_by in text for text in evidence(draft, found))


@pytest.mark.parametrize(
    "draft",
    [
        "The driver shook his head and pulled away from the kerb without a word.",
        "I have always loved this job and I believe in treating people well.",
        "I was off sick for a week after the inspection and came back to a full inbox.",
    ],
)
def test_no_feeling_of_the_tellers_is_not_ticked(draft: str) -> None:
    assert finding(draft, "emotion").status == "suggest"


def test_a_rule_in_the_way_and_a_forced_choice_are_a_difficulty() -> None:
    draft = (
        "Friday, half past four, in the housing office on Mill Street. A man came in with "
        "two children and a bin bag of clothes; the landlord had changed the locks. I was "
        "meant to book him an appointment for Tuesday. The checklist said no same-day "
        "placements. I rang the night shelter myself and drove them round."
    )
    found = finding(draft, "challenge")
    assert found.status == "ok"
    assert any("meant to" in t or "checklist said" in t for t in evidence(draft, found))


@pytest.mark.parametrize(
    ("draft", "earned_by"),
    [
        # What changed, told as the state of things "now".
        ("It was a Monday in June, in the clinic on Hill Road, and the lift was broken. Mrs "
         "Khan could not climb the stairs to the first floor. The rota said she would have "
         "to rebook. I carried the scales and the notes down to the café and weighed the "
         "baby there. The clinic runs a ground-floor room every Monday now.",
         "every Monday now"),
        # What followed, by a later point.
        ("One wet Thursday in November the boiler at the day centre failed and the room "
         "went cold. Nobody was coming to fix it until the weekend. I fetched the heaters "
         "from my own garage and rang the council twice. By spring the centre had a new "
         "boiler and a list of people to call.", "By spring"),
        # A habit the teller kept after the moment: the cue comes last.
        ("Late one Sunday a woman sat on the floor of the waiting room with nowhere to "
         "stay. The desk was meant to close at ten. I found her a bed across town and rang "
         "her the next day. I've kept a list of those beds on my phone ever since.",
         "ever since"),
    ],
)
def test_what_followed_the_tellers_act_is_an_outcome(draft: str, earned_by: str) -> None:
    found = finding(draft, "outcome")
    assert found.status == "ok"
    assert any(earned_by in text for text in evidence(draft, found))


def test_a_lesson_that_only_names_what_matters_is_not_an_outcome() -> None:
    draft = (
        "When I started at the advice centre, I met a family who had been evicted. We "
        "helped them fill in the forms, and it made me realise how important our work is."
    )
    assert finding(draft, "outcome").status == "suggest"


@pytest.mark.parametrize(
    "draft",
    [
        "I spent a year on the youth offending team and it showed me how important steady "
        "relationships are for young people.",
        "I've worked on the wards for twelve years and I've always tried to treat each "
        "patient as family. Our patients deserve better than a corridor.",
    ],
)
def test_a_lesson_or_creed_that_names_what_matters_is_telling(draft: str) -> None:
    assert finding(draft, "told_values").status == "suggest"


@pytest.mark.parametrize(
    "draft",
    [
        # Ages written as words with a hyphen.
        "At fifteen I left school. At twenty-two I joined the ambulance service. At "
        "thirty-one I became a paramedic team leader, and now I train the new starters.",
        # Years named by a season or a festival.
        "I remember the floods in the winter 2007. I remember Christmas 2012 on the night "
        "bus. I remember the summer 2019 when the centre shut.",
    ],
)
def test_a_life_told_in_ages_and_dated_seasons_is_too_many_moments(draft: str) -> None:
    assert finding(draft, "too_many_moments").status == "suggest"
