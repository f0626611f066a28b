"""Unit: rules found wanting on the third fresh corpus, each in our own words: a sentence
that only hopes is no way there; a Now that says it can wait is not urgent because of a time
word in its ask; a choice and an outcome named with nothing to picture are not ticked."""

from __future__ import annotations

from narrative_app.coach.report import build_report
from narrative_app.domain import Narrative, PartKind, StoryPart


def finding(kind: PartKind, text: str, check: str):
    narrative = Narrative(
        title="t", values=[], parts={kind: StoryPart(kind, draft=text, target_seconds=120)}
    )
    report = build_report(narrative)
    return next(f for f in report.checks if f.part == kind.value and f.check == check)


HOPING_NOW = (
    "In three weeks the library van stops running, and the forty people it visits will get "
    "no books at all.\n\n"
    "I hope we can save it. I hope it all works out in the end.\n\n"
    "Please write to your councillor before the meeting on the twelfth."
)

CAN_WAIT_NOW = (
    "Some time it might be worth looking at how we welcome new volunteers. It's not an "
    "emergency, and most weeks things run well enough.\n\n"
    "A hospice in Leeds pairs each newcomer with a buddy, and twice as many stay past "
    "six months. Their manager has offered to train two of us.\n\n"
    "I'm asking this group to try the buddy scheme. Hands up now if you'll be a buddy, "
    "so I can ring her tonight."
)

NAMED_TURN = (
    "This is a story about a difficult time that tested me. As a housing officer I faced a "
    "hard situation with a tenant who was struggling.\n\n"
    "I had a choice to make, and I chose to do the right thing. The outcome was good and I "
    "learned a lot about patience. That is why I believe in second chances."
)


def test_a_sentence_that_only_hopes_is_no_way_there() -> None:
    found = finding(PartKind.NOW, HOPING_NOW, "hope")
    assert found.status == "suggest"


def test_a_now_that_says_it_can_wait_is_not_urgent_for_its_asks_tonight() -> None:
    found = finding(PartKind.NOW, CAN_WAIT_NOW, "urgency")
    assert found.status == "suggest"


def test_a_choice_and_an_outcome_named_with_nothing_to_picture_are_not_ticked() -> None:
    choice = finding(PartKind.SELF, NAMED_TURN, "choice_point")
    outcome = finding(PartKind.SELF, NAMED_TURN, "outcome")
    assert (choice.status, outcome.status) == ("suggest", "suggest")
    assert "no moment to picture" in choice.reason
    assert "no moment to picture" in outcome.reason
