"""Coach: a turn shown in plain action (difficulty, the teller acting, what followed) counts as
a challenge, a choice and an outcome, while stories that lack one of the three steps do not.

All sample wording is the team's own, written for these tests.
"""

from __future__ import annotations

from narrative_app.coach.report import build_report
from narrative_app.coach.rules_turn import shown_arc
from narrative_app.coach.text import prepared
from narrative_app.domain import Narrative, PartKind, StoryPart

SCENE = (
    "It was a wet Thursday in February, just after six, and the library was about to close. "
    "The radiators ticked and the whole room smelt of damp wool. A boy of about ten sat by the "
    "window with his coat on and a school reader open, and the rule was that the doors were "
    "locked at six sharp. His mum had not come. "
)
ACTION = "I turned the sign back round and pulled up a chair beside him. "
AFTER = (
    "We read three chapters about a lighthouse before his mum ran in, soaked. "
    "Every Thursday since, that corner stays open until seven."
)


def statuses(text: str) -> dict[str, str]:
    part = PartKind.SELF
    narrative = Narrative(title="t", pace_wpm=125, parts={part: StoryPart(part, draft=text)})
    report = build_report(narrative, 125)
    return {
        check: report.finding(check, "self").status
        for check in ("challenge", "choice_point", "outcome")
    }


def test_a_turn_told_only_through_action_is_recognised() -> None:
    text = SCENE + ACTION + AFTER
    arc = shown_arc(prepared(text))
    assert arc is not None and arc[0].text.startswith("I turned the sign")
    assert statuses(text) == {"challenge": "ok", "choice_point": "ok", "outcome": "ok"}


def test_a_story_that_stops_at_the_action_still_draws_suggestions() -> None:
    found = statuses(SCENE + ACTION)
    # The teller acts where the rule said otherwise: that is the choice, and it points there.
    report = build_report(Narrative(title="t", pace_wpm=125, parts={
        PartKind.SELF: StoryPart(PartKind.SELF, draft=SCENE + ACTION)}), 125)
    choice = report.finding("choice_point", "self")
    if choice.status == "ok":
        assert [report.span_text(s) for s in choice.spans] == [ACTION.strip()]
    # Nothing follows the act, so what came of it is still to be told.
    assert found["outcome"] == "suggest"


def test_a_warm_memory_with_no_difficulty_is_not_an_arc() -> None:
    calm = (
        "It was a sunny Thursday in June, just after six, and the library was quiet. The "
        "radiators ticked and the room smelt of floor polish. A boy of about ten sat by the "
        "window with a school reader open. "
    )
    assert shown_arc(prepared(calm + ACTION + AFTER)) is None
    assert statuses(calm + ACTION + AFTER)["choice_point"] == "suggest"


def test_saying_there_was_no_choice_outweighs_the_arc() -> None:
    text = SCENE + "I had no choice. " + ACTION + AFTER
    assert statuses(text)["choice_point"] == "suggest"
