"""Coach: the turn of a Story of Self read more generally: an instruction in the teller's way
(defied, or followed), a choice told in the second person or singled out ("What I did was"),
outcomes at a later point, and the outcome following the choice the choice check shows.
Each draft is the team's own and failed before the change."""

from __future__ import annotations

import pytest

from narrative_app.coach.arc import teller_acts, turning_act
from narrative_app.coach.orders import answers, verb_root
from narrative_app.coach.report import build_report
from narrative_app.coach.text import Draft
from narrative_app.domain import Narrative, PartKind, StoryPart


def finding(text: str, check: str):
    kind = PartKind.SELF
    narrative = Narrative(title="t", pace_wpm=125, parts={kind: StoryPart(kind, draft=text)})
    return build_report(narrative, 125).finding(check, kind.value)


def evidence(text: str, found) -> list[str]:
    return [text[s.start : s.end] for s in found.spans]


DEFIED = (
    "Ten past one in the morning, and Mr Iqbal was at the lift in his slippers, pressing the "
    "button over and over. The charge nurse said to walk him back to his bed. "
    "I sat down with him on the bench by the lift and asked about the bus he used to drive. "
    "By two he was yawning. Now the whole night team sit with him first."
)


def test_an_instruction_the_teller_went_against_is_a_difficulty_and_a_choice() -> None:
    challenge = finding(DEFIED, "challenge")
    assert challenge.status == "ok"
    assert any("said to walk him back" in t for t in evidence(DEFIED, challenge))
    choice = finding(DEFIED, "choice_point")
    assert choice.status == "ok"
    assert any(t.startswith("I sat down with him") for t in evidence(DEFIED, choice))
    outcome = finding(DEFIED, "outcome")
    assert outcome.status == "ok"
    assert any("Now the whole night team" in t for t in evidence(DEFIED, outcome))


def test_an_order_followed_is_not_a_choice() -> None:
    draft = (
        "My manager rang at five and said there was a boy at the station and I was to go and "
        "collect him. So I went. He sat in the back of the car with his hood up and said "
        "nothing all the way to the carer's house in Salford."
    )
    assert finding(draft, "choice_point").status == "suggest"
    [answer] = answers(Draft(draft))
    assert answer.followed and answer.act.text == "So I went."


def test_the_instructed_act_and_the_tellers_are_compared_by_their_verbs() -> None:
    assert verb_root("went") == verb_root("go")
    assert verb_root("settled") == verb_root("settle")
    assert verb_root("fetched") != verb_root("settle")
    # The teller giving the instruction is not receiving one.
    assert answers(Draft("I told him to wait by the door. He went.")) == []


def test_a_refusal_after_an_instruction_is_a_difficulty() -> None:
    draft = (
        "At eleven at night the bed manager came up and told me to put a fifth patient in the "
        "side room, where there is no oxygen. My stomach turned over. I said no, twice, and "
        "wrote it up while she stood in the doorway."
    )
    found = finding(draft, "challenge")
    assert found.status == "ok"
    assert any("told me to put" in t for t in evidence(draft, found))


def test_a_choice_told_in_the_second_person() -> None:
    draft = (
        "It's your first night on the unit and his breathing changes at ten past six. You "
        "could ring the nurse in charge and she would take over. You don't ring. You pull the "
        "chair up and hold his hand until his daughter gets there."
    )
    found = finding(draft, "choice_point")
    assert found.status == "ok"
    assert any("You don't ring." in t for t in evidence(draft, found))


def test_an_act_singled_out_counts_after_a_choice_denied() -> None:
    draft = (
        "I didn't decide anything, really. The inspector was due at ten and a girl had hidden "
        "behind the piano and refused to come out. What I did was sit on the floor beside the "
        "piano and read the register from there. She came out at the letter M."
    )
    found = finding(draft, "choice_point")
    assert found.status == "ok"
    assert any(t.startswith("What I did was") for t in evidence(draft, found))


def test_a_choice_denied_with_no_act_named_is_still_not_ticked() -> None:
    draft = (
        "The alarm went at two and the lad in cell four was banging on the door. I didn't "
        "decide anything that night. I finished the count and I wrote up the log. Weeks "
        "later he was moved on."
    )
    assert finding(draft, "choice_point").status == "suggest"
    # The outcome follows the choice the choice check shows: here there is none.
    assert finding(draft, "outcome").status == "suggest"


@pytest.mark.parametrize(
    ("draft", "earned_by"),
    [
        ("Her nephew was on the wrong list and nobody would move him. I rang the housing "
         "office and I refused to hang up until they did. He finished his apprenticeship "
         "in the summer.", "He finished his apprenticeship"),
        ("The form said the family were not eligible. I declined to close the case and wrote "
         "to the panel instead. His GP rang a fortnight after to say he was eating again.",
         "a fortnight after"),
        ("The panel had cut his hours in half. I declined to sign the new plan. I now "
         "attach a carer's assessment to every review.", "I now attach"),
        ("No practice would take him and he had been crying for three nights. I went out to "
         "the waiting room and said I'd see him at the end of the list. He's twelve now, and "
         "he still comes in with his sister.", "He's twelve now, and"),
        ("The transport was waiting and the nurse was at the curtain. Instead I sat with him "
         "and drew a sun and a moon on every box. Picture labels have been an option at "
         "discharge since that spring.", "since that spring"),
    ],
)
def test_an_outcome_at_a_later_point_after_the_choice(draft: str, earned_by: str) -> None:
    assert finding(draft, "choice_point").status == "ok"
    found = finding(draft, "outcome")
    assert found.status == "ok"
    assert any(earned_by in t for t in evidence(draft, found))


def test_said_id_is_the_tellers_only_when_the_teller_is_the_subject() -> None:
    draft = (
        "The waiting room was full and the boy had been crying for three nights. The "
        "receptionist came through and said I'd have to see him after the list."
    )
    assert finding(draft, "choice_point").status == "suggest"


def test_a_habit_is_not_an_act_and_an_act_singled_out_is() -> None:
    draft = Draft("I used to come down the stairs with my bag. What I did was ring the GP.")
    first, second = draft.sentences
    assert not teller_acts(draft, first)
    assert teller_acts(draft, second)


def test_an_attempt_that_came_to_nothing_is_not_the_turn() -> None:
    draft = (
        "Mrs Lowe's dressings were soaked through by teatime and we were allowed twenty "
        "minutes. I raised it at handover on the Monday. Nothing happened. Then our team "
        "leader rang the manager and got her an hour twice a day. Her legs healed by the "
        "spring. What stuck with me was how quickly she did it."
    )
    draft_ = Draft(draft)
    raised = next(i for i, s in enumerate(draft_.sentences) if "raised" in draft[s.start : s.end])
    assert teller_acts(draft_, draft_.sentences[raised])
    assert not turning_act(draft_, raised)
    assert finding(draft, "choice_point").status == "suggest"
    # What the teller took from it is still an outcome.
    found = finding(draft, "outcome")
    assert found.status == "ok"
    assert any("stuck with me" in t for t in evidence(draft, found))


def test_someone_pressing_the_teller_to_hurry_is_a_difficulty() -> None:
    draft = (
        "The taxi was waiting outside and the ward clerk kept coming back to ask if I was "
        "finished. Instead I sat with Mrs Nowak and went through every box again."
    )
    found = finding(draft, "challenge")
    assert found.status == "ok"
    shown = evidence(draft, found)
    assert any("waiting outside" in t for t in shown)
    assert any("kept coming back to ask if" in t for t in shown)


def test_a_choice_denied_before_the_moment_frames_the_story_and_the_act_still_counts() -> None:
    draft = (
        "I didn't decide anything, really. That's what I say when people ask.\n\n"
        "One Tuesday night in March the lad from room six was up on the roof of the bike "
        "shed, and the rule said ring the police and wait. I climbed the ladder and sat next "
        "to him with two cans of pop. He came down at ten. He's a support worker now."
    )
    choice = finding(draft, "choice_point")
    assert choice.status == "ok"
    assert any(t.startswith("I climbed the ladder") for t in evidence(draft, choice))
    assert finding(draft, "outcome").status == "ok"


LATE = (
    "I didn't decide anything that day. He pulled his line out twice and I did nothing.\n\n"
    "At seven the next morning I sat with him and asked what happens before he pulls at "
    "it. He said the beeping. We turned the alarm to a light that week."
)


def test_a_choice_denied_that_day_and_made_at_a_later_time_is_a_choice() -> None:
    found = finding(LATE, "choice_point")
    assert found.status == "ok"
    assert any("next morning I sat with him" in t for t in evidence(LATE, found))
    assert "the choice comes later" in found.reason
    # The outcome follows that choice.
    assert finding(LATE, "outcome").status == "ok"


def test_a_denial_with_no_act_at_the_later_time_is_still_no_choice() -> None:
    draft = (
        "I didn't decide anything that day. I didn't open the hatch. I finished the count "
        "and wrote up the log. On the Tuesday he was moved on. I don't know where."
    )
    assert finding(draft, "choice_point").status == "suggest"


def test_the_outcome_follows_a_choice_the_second_opinion_ticked(monkeypatch) -> None:
    from narrative_app.coach import learned, rules_turn
    from narrative_app.coach.findings import Verdict
    from narrative_app.coach.text import Hit

    text = (
        "The education block smells of marker pens and roll-ups. It is twenty to twelve on "
        "a Thursday. Dean has a sheet of lined paper with nothing on it, and his daughter "
        "turns seven on Saturday. He asks me quietly about the spelling. I pull the chair "
        "up beside him and write the words big on the board for him to copy. Three weeks "
        "later he brings a card into class from her."
    )
    draft = Draft(text)
    rule = rules_turn.outcome(draft, "self")
    assert rule.status == "suggest"  # the rule sees no choice of its own before the time
    act = next(s for s in draft.sentences if text[s.start :].startswith("I pull"))
    # The second opinion ticks the act as the choice (its model stood in for here).
    ticked = Verdict.ok("", [Hit(act.start, act.end, text[act.start : act.end])])
    monkeypatch.setattr(rules_turn, "choice_point", lambda d, p: ticked)
    monkeypatch.setattr(learned, "_models", lambda: {"outcome": {"mode": "decide"}})
    found = learned.adjust("outcome", draft, "self", rule)
    assert found.status == "ok"
    assert found.hits[0].text.lower().startswith("weeks later")


@pytest.mark.parametrize(
    "act",
    ["I passed it to my manager.", "I finish the curtain rail.", "So I carried on."],
)
def test_the_default_carried_through_is_not_the_turn(act: str) -> None:
    draft = (
        "Half seven on the Tuesday, Bay C, breakfast trays. The man in bed four has his "
        "porridge put in front of him and he can't reach the spoon. I can smell it from the "
        f"ladder. I'm not allowed to feed patients; that's the rule. {act} At nine the tray "
        "goes back on the trolley with the spoon still in its wrapper."
    )
    assert finding(draft, "choice_point").status == "suggest"
    assert finding(draft, "outcome").status == "suggest"


def test_an_order_to_hold_back_reported_as_an_imperative_is_a_difficulty() -> None:
    draft = (
        "That night the tide was coming in over the shingle and the lad was on the ledge. "
        "The book said: wait, hold, keep comms. My knees were shaking. I clipped in and "
        "went over the edge."
    )
    found = finding(draft, "challenge")
    assert found.status == "ok"
    assert any("said: wait" in t for t in evidence(draft, found))


def test_the_act_asked_for_is_read_through_so_i_did_and_decided_to() -> None:
    [did] = answers(Draft("The sergeant told me to wait in the car. So I did. It rained."))
    assert did.followed
    [decided] = answers(Draft("The manager told us to close the file. We decided to close it."))
    assert decided.followed


def test_doing_what_someone_asked_is_not_an_order_followed() -> None:
    # A plea granted may be a kindness chosen: only an order done is read as the default.
    assert answers(Draft("Mrs Hill asked me to stay with her. I stayed until four.")) == []
    [refused] = answers(Draft("The head asked me to cut the group. I kept it going."))
    assert not refused.followed
