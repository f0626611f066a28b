"""Coach cues beyond keywords: choices and results shown as action, scenes without a date,
habit that is not a moment, categorical "us", time pressure, evidence-backed hope, and asks
phrased as questions, counted by what people are asked to do.

All sample wording is the team's own, written for these tests.
"""

from __future__ import annotations

import pytest

from narrative_app.coach.report import build_report
from narrative_app.domain import Narrative, PartKind, StoryPart


def finding(kind: str, text: str, check: str):
    part = PartKind(kind)
    narrative = Narrative(title="t", pace_wpm=125, parts={part: StoryPart(part, draft=text)})
    return build_report(narrative, 125).finding(check, kind)


@pytest.mark.parametrize(
    "text",
    [
        "It was a grey Monday in June. I could ring the family tonight, or I could wait for the "
        "consultant. I rang them.",
        "The manager said to log it and move on. So I don't. I ring the tenant's GP myself.",
        "That night on the ward I didn't go home. I sat by his bed until the light came up.",
        "I stood by the desk for a long minute. Then I picked up the phone and rang the registrar.",
    ],
)
def test_a_choice_shown_as_action_is_heard(text: str) -> None:
    assert finding("self", text, "choice_point").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "One night in March the alarm went off. I didn't sleep that night. I lay awake.",
        "I didn't decide anything. I just froze, and the meeting moved on.",
    ],
)
def test_not_doing_something_is_not_always_a_choice(text: str) -> None:
    assert finding("self", text, "choice_point").status == "suggest"


@pytest.mark.parametrize(
    "text",
    [
        "One wet night in March I stayed with Mr Ahmed instead of going home. Two weeks later "
        "his daughter wrote to us.",
        "On a Sunday in May I kept a caller talking until help came. Now, when a call scares "
        "me, I slow right down.",
        "At a case conference in May I spoke up for the family. Since that meeting I have "
        "never stayed quiet.",
    ],
)
def test_a_result_after_the_turning_point_counts_as_an_outcome(text: str) -> None:
    assert finding("self", text, "outcome").status == "ok"


def test_a_scene_that_stops_at_the_turning_point_has_no_outcome() -> None:
    text = "One wet night in March I sat with Mr Ahmed while the rain hammered on the window."
    assert finding("self", text, "outcome").status == "suggest"


def test_a_present_tense_scene_without_a_date_is_a_moment() -> None:
    text = (
        "The first thing I see is the damp. A grey bloom spreads across the kitchen wall above "
        "the cooker. She's apologising to me as I stand in the doorway with my clipboard, and "
        "her little girl is coughing on the sofa under a blanket. I look at the window, "
        "streaming with water, and I take a photograph of every corner of the room."
    )
    assert finding("self", text, "specific_moment").status == "ok"


def test_habit_is_not_a_moment_even_with_a_time_of_day() -> None:
    text = (
        "We have all sat in that waiting room at three in the morning, wondering whether anyone "
        "will come. We've all felt the cold of the plastic chairs and the hum of the lights, "
        "and we've all driven home afterwards with the radio off and the rain on the windscreen."
    )
    assert finding("us", text, "specific_moment").status == "suggest"


def test_a_cv_with_years_is_not_a_moment() -> None:
    text = (
        "I trained as a midwife in 1999 and worked on a busy labour ward in Hull. In 2006 I "
        "became a team leader. Between 2012 and 2015 I studied for a master's degree and was "
        "appointed consultant midwife, with a team of forty on two wards and a birth centre."
    )
    assert finding("self", text, "specific_moment").status == "suggest"


@pytest.mark.parametrize(
    "text",
    [
        "As social workers, we all share a passion for protecting children. That passion unites "
        "every one of us, and we carry it into every home we visit together.",
        "We in the health service have been through a great deal. We have been through cuts "
        "and reorganisations, and we have all come out the other side together.",
    ],
)
def test_a_category_with_no_moment_behind_it_is_categorical(text: str) -> None:
    result = finding("us", text, "experiential_us")
    assert result.status == "suggest"
    assert "names a group" in result.hint


def test_a_category_label_followed_by_a_shared_night_is_experiential() -> None:
    text = (
        "As firefighters we are used to long nights. But think of the night of the flood last "
        "February, when every one of us was out. The water was black and freezing, the pumps "
        "roared in the dark, and at dawn we sat in the appliance bay drinking tea from a flask."
    )
    assert finding("us", text, "experiential_us").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "By Friday the shelter runs out of beds, and twelve people will sleep rough in the frost.",
        "Every month we don't act, another forty families are pushed into debt by the new rules.",
        "This term, one pupil in eight will miss a week of school, and the exams are in June.",
    ],
)
def test_time_pressure_with_a_cost_is_urgency(text: str) -> None:
    assert finding("now", text, "urgency").status == "ok"


def test_the_asks_own_deadline_is_not_urgency() -> None:
    text = (
        "Our lunch club brings neighbours together every week, and some friendships there have "
        "lasted twenty years. Will you sign up today to cook one lunch this term?"
    )
    assert finding("now", text, "urgency").status == "suggest"


def test_a_dream_with_no_way_there_is_not_hope() -> None:
    text = "Imagine a county where every child has a warm coat and a hot meal. That is my dream."
    assert finding("now", text, "hope").status == "suggest"


@pytest.mark.parametrize(
    "text",
    [
        "Last year the Oldham team halved missed appointments in four months by texting "
        "families the night before.",
        "When the ward tried a shared handover sheet, it freed up forty minutes per nurse a day.",
        "Imagine a town where nobody waits alone. In Leeds, a drop-in cut waits by half in a "
        "year, and we can start ours in May.",
    ],
)
def test_evidence_of_what_worked_is_hope(text: str) -> None:
    assert finding("now", text, "hope").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "Will each of you agree now to pair one carer with a therapist for the first visit?",
        "I'm asking each of you to block out one hour on the fifth, before we leave the room.",
        "Will you be the safety lead for your own ward, starting on Monday?",
        "Will you mentor one new starter from January? Put your name on the sheet by the door.",
        "Will you come to the hearing on the ninth and sit with the families in the gallery?",
    ],
)
def test_one_ask_phrased_as_a_request_is_one_clear_ask(text: str) -> None:
    assert finding("now", text, "ask").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "Will each of you adopt one family on the list this week? And please bring a friend to "
        "the Tuesday session as well.",
        "Please sign up for a Sunday shift on the rota, and if you can, set up a standing order "
        "as well.",
    ],
)
def test_two_requests_are_counted_as_several(text: str) -> None:
    result = finding("now", text, "ask")
    assert result.status == "suggest" and "2 things" in result.hint


def test_only_vague_requests_get_the_vague_hint() -> None:
    text = "So I'd ask you all to think about this, and to raise awareness in your teams."
    result = finding("now", text, "ask")
    assert result.status == "suggest" and "hard to say yes to" in result.hint


@pytest.mark.parametrize(
    "text",
    [
        "Imagine a borough where every tenant has a dry home. It doesn't have to be a dream. "
        "Together we can make it happen.",
        "I believe we can turn this round, because the people in this room care so much.",
        "Rent arrears on the estate have doubled in a year, and complaints have gone up by a "
        "third.",
    ],
)
def test_belief_a_dream_or_a_rising_harm_is_not_hope(text: str) -> None:
    assert finding("now", text, "hope").status == "suggest"


@pytest.mark.parametrize(
    "text",
    [
        "If six of us each take one evening a month, the helpline is covered until spring.",
        "The parish council has agreed to lend us the hall, and the bakery will give us bread.",
        "Last time the library was threatened, four hundred letters changed the cabinet's mind. "
        "It can be done again.",
        "When the Harbour Road flats had the same mould, the repairs were done in five weeks.",
    ],
)
def test_a_plan_backing_or_precedent_is_hope(text: str) -> None:
    assert finding("now", text, "hope").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "On the bridge at dusk I could feel my pulse in my ears.",
        "I remember that sinking feeling in the car park after the hearing.",
    ],
)
def test_feeling_shown_in_the_body_is_emotion(text: str) -> None:
    assert finding("self", text, "emotion").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        # Someone else's body, or a fact about sick leave, is not the teller's feeling.
        "When the letter came, her shoulders dropped and she sat down on the step.",
        "I said no. Three weeks later I went off sick with stress.",
        "She felt let down by all of us, and her hands were shaking.",
    ],
)
def test_only_the_tellers_own_feeling_counts(text: str) -> None:
    finding_ = finding("self", text, "emotion")
    assert finding_.status == "suggest"
    assert "someone else" in finding_.reason or "feeling" in finding_.reason


@pytest.mark.parametrize(
    "text",
    [
        # Time passing with no choice before it is not an outcome (the draft).
        "It was a cold Tuesday in March. He asked me if I was leaving too. I said no. Three "
        "weeks later I went off sick with stress.",
        "The landlord was fined, and the council later rehoused the whole family.",
        "One wet night in March I sat with Mr Ahmed. Two weeks later his daughter wrote to us.",
    ],
)
def test_time_passing_without_a_choice_is_not_an_outcome(text: str) -> None:
    assert finding("self", text, "outcome").status == "suggest"


def test_difficulty_without_the_usual_words_is_challenge() -> None:
    text = (
        "The referral did not meet the criteria, and I was already late for the next visit. "
        "I didn't have an answer for her."
    )
    assert finding("self", text, "challenge").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "I could walk past the bus shelter or go back. I went back.",
        "I could tell him to come again on Monday. Those were the rules. I didn't.",
        '"I will be here next week," I said, and I was.',
    ],
)
def test_options_then_action_is_a_choice(text: str) -> None:
    assert finding("self", text, "choice_point").status == "ok"


def test_drifting_into_a_role_is_no_choice() -> None:
    text = "I never meant to run the food bank. It just happened, so I carried on doing it."
    assert finding("self", text, "choice_point").status == "suggest"


@pytest.mark.parametrize(
    "text",
    [
        "My commitment to fairness meant I had to speak.",
        "That night taught me that's what kindness means: staying when it is easier to go.",
        "Parks are all about equality: anyone can sit on a bench.",
        "I have always valued honesty, so I told her.",
    ],
)
def test_a_value_named_mid_story_is_told(text: str) -> None:
    assert finding("self", text, "told_values").status == "suggest"


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, what drives me is fairness, and I think that shows in how I run the team.",
        "I'm passionate about equality of access to the library service.",
        "For me, it's about respect, whoever walks through the door.",
        "I believe strongly in partnership working across the county.",
        "Those years on the estate taught me something about resilience.",
    ],
)
def test_values_named_in_passing_are_told(text: str) -> None:
    assert finding("self", text, "told_values").status == "suggest"


def test_a_decision_that_was_the_tellers_to_make_is_a_choice() -> None:
    text = (
        "The sergeant turned to me in the car park. It was my call. I had to decide there and "
        "then whether we went in without the dog unit."
    )
    assert finding("self", text, "choice_point").status == "ok"


def test_a_cv_in_note_form_reads_as_a_resume() -> None:
    text = (
        "Head of Children's Services. Twenty years' service. Previous roles: team manager, "
        "service manager. Qualifications: social work degree, an MBA."
    )
    assert finding("self", text, "resume").status == "suggest"


def test_a_statement_starting_with_an_action_word_is_not_an_ask() -> None:
    text = "Foster carers are leaving the county faster than we can find them."
    assert finding("now", text, "ask").status == "suggest"


def test_a_view_about_what_we_need_is_not_a_second_ask() -> None:
    text = (
        "I just think we need to be honest about the waiting list. So I'm asking you to come "
        "to the board meeting on 4 March and speak in the public session."
    )
    assert finding("now", text, "ask").status == "ok"


def test_harm_that_returns_or_is_being_cut_is_urgent() -> None:
    text = (
        "The night bus is being withdrawn at the end of this month. Last winter we lost two "
        "regulars to the cold, and it will happen again."
    )
    assert finding("now", text, "urgency").status == "ok"


def test_a_clock_time_is_not_a_jump_to_another_age() -> None:
    text = (
        "You remember the flood in February. The call came at 7.15 and you came in anyway, "
        "boots soaked, and we stacked sandbags against the surgery door until the rain "
        "stopped and the street went quiet."
    )
    assert finding("us", text, "experiential_us").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "Nobody on the estate would open the door to the warden. I stepped inside the hallway "
        "and called up the stairs.",
        "The sergeant asked who would sit with the family overnight. I said I would.",
    ],
)
def test_stepping_in_or_volunteering_aloud_is_a_choice(text: str) -> None:
    assert finding("self", text, "choice_point").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "I reported the landlord myself. The council later rehoused the whole family.",
        "We sat with him until the ambulance came. He made a full recovery.",
        "I helped her fill in the form. She's running the tenants' group now.",
        "I rang the helpline myself. I stopped thinking it was someone else's job.",
    ],
)
def test_what_followed_counts_as_an_outcome(text: str) -> None:
    assert finding("self", text, "outcome").status == "ok"


def test_dread_and_a_refusal_to_engage_are_a_challenge() -> None:
    text = "He wouldn't look at me across the table, and I was dreading the next hour."
    assert finding("self", text, "challenge").status == "ok"


def test_a_precedent_with_a_result_in_weeks_is_hope() -> None:
    text = (
        "We are not powerless. When the north team shared one rota, waiting time went from "
        "nine weeks to three, and they cleared the backlog in two months."
    )
    assert finding("now", text, "hope").status == "ok"


def test_a_life_step_as_a_volunteer_is_not_a_choice() -> None:
    text = "At college I volunteered at a youth club. In 2012 I became a youth worker."
    assert finding("self", text, "choice_point").status == "suggest"
