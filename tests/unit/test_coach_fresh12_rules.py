"""Unit: rules found wanting on the twelfth fresh corpus, each in our own words: an ask whose
subject comes before its verb; "be there" as an act; an attitude asked for ("we all need to
do better") is vague even beside a place word; a figure brought down elsewhere is a way there;
a value as the subject of "matters to me" is told; "the first week of", "at half four" and
hands that would not work; a childhood memory does not make a Story of Us shared."""

from __future__ import annotations

from narrative_app.coach.report import build_report
from narrative_app.coach.rules_story import experiential_us
from narrative_app.coach.text import Draft
from narrative_app.domain import Narrative, PartKind, StoryPart


def finding(kind: PartKind, text: str, check: str):
    narrative = Narrative(
        title="t", values=[], parts={kind: StoryPart(kind, draft=text, target_seconds=120)}
    )
    report = build_report(narrative)
    return next(f for f in report.checks if f.part == kind.value and f.check == check)


def test_an_ask_whose_subject_comes_first_is_found() -> None:
    text = (
        "The mobile library stops in April. Forty housebound readers lose their only visit.\n\n"
        "What I'm asking is that each of you comes to the hall on Monday at six with the names "
        "of two readers."
    )
    f = finding(PartKind.NOW, text, "ask")
    assert f.status == "ok"
    assert "each of you comes" in text[f.spans[0].start : f.spans[0].end]


def test_be_there_is_an_act() -> None:
    text = (
        "The planning committee decides on the depot on 3 March. If it goes through, the "
        "night buses stop.\n\nTuesday, half six, the civic centre. Be there, in your uniform."
    )
    assert finding(PartKind.NOW, text, "ask").status == "ok"


def test_an_attitude_asked_for_is_vague_even_beside_a_place_word() -> None:
    text = (
        "Falls on our wards rose again this quarter, and the inspection is in May.\n\n"
        "So honestly, we all need to do better. Let's all keep it at the front of our minds."
    )
    f = finding(PartKind.NOW, text, "ask")
    assert f.status == "suggest"


def test_a_figure_brought_down_elsewhere_is_a_way_there() -> None:
    text = (
        "Waits for a social worker here are at nine weeks and rising.\n\n"
        "Salford got theirs down to two weeks in a year with a duty rota, and their lead has "
        "offered to show us how. Come to the briefing on Friday at noon."
    )
    assert finding(PartKind.NOW, text, "hope").status == "ok"


def test_a_value_that_matters_to_me_is_told() -> None:
    text = (
        "On my second night on the unit a man asked me to sit with him, and I did, though the "
        "obs were late. He slept. Fairness matters to me. So does keeping a promise."
    )
    f = finding(PartKind.SELF, text, "told_values")
    assert f.status == "suggest"
    assert "Fairness matters to me" in f.hint


def test_a_value_that_has_been_a_guiding_principle_is_told() -> None:
    d = Draft("Through every job, honesty has been my guiding principle.")
    assert [h.text for h in d.hits("told_values")] == ["has been my guiding principle"]


def test_the_first_week_of_and_half_four_are_times() -> None:
    assert Draft("It was the first week of term and the hall was cold.").hits("time_anchor")
    assert Draft("My manager rang me at half four with a name.").hits("time_anchor")
    assert not Draft("Half of the staff were four short.").hits("time_anchor")


def test_hands_that_would_not_work_are_a_feeling_shown() -> None:
    text = (
        "At half four the duty manager rang and sent me to the station for a baby. I buckled "
        "the car seat in the dark car park; my fingers wouldn't work and I dropped the keys "
        "twice. The baby slept all the way to the carer's house in Moston."
    )
    f = finding(PartKind.SELF, text, "emotion")
    assert f.status == "ok"
    assert any("fingers wouldn't work" in text[s.start : s.end] for s in f.spans)


def test_a_childhood_memory_does_not_make_the_moment_shared() -> None:
    text = (
        "When I was eight, at a small school in Leigh, I could not tell the time. One wet "
        "afternoon the dinner lady kept me in, sat me by the warm pipes, and we counted round "
        "the clock face on the wall while the rain hammered the roof, and we read the hands "
        "together. That is why we do this."
    )
    assert experiential_us(Draft(text), "us").status == "suggest"


# Found wanting on the eleventh fresh corpus (central and local government), in our own words.


def test_an_imperative_after_a_time_is_an_ask() -> None:
    text = (
        "The grit contract ends on 30 November, and there is no crew for the hill estates.\n\n"
        "Leeds trained a volunteer gritting team in a month and no school closed all winter.\n\n"
        "So I'm asking one thing. From tonight, report every icy path on the app."
    )
    f = finding(PartKind.NOW, text, "ask")
    assert f.status == "ok"
    assert any("report every icy path" in text[s.start : s.end] for s in f.spans)


def test_i_need_some_of_you_to_is_an_ask() -> None:
    text = (
        "The river is forecast to rise this weekend, and the new gates need people to shut "
        "them.\n\nI need four of you to sign up as gate keepers before you go home tonight."
    )
    assert finding(PartKind.NOW, text, "ask").status == "ok"


def test_keeping_the_conversation_going_is_vague() -> None:
    text = (
        "Complaints about the contact centre have doubled since June, and the review is due "
        "in March.\n\nThanks for coming. Let's keep the conversation going."
    )
    assert finding(PartKind.NOW, text, "ask").status == "suggest"


def test_help_promised_and_money_set_aside_are_a_way_there() -> None:
    help_text = (
        "Last winter the water reached the chapel in forty minutes, and the gates still have "
        "nobody to close them.\n\nThe Agency will train and equip you, free, this month.\n\n"
        "Put your name on the sheet by the door tonight."
    )
    money_text = (
        "The repair budget is set on 20 June, on the reports in the system that day. Streets "
        "nobody reports wait for another year. The county have ring-fenced two million for "
        "the worst-reported streets. Before the 20th, report every broken light on your road."
    )
    assert finding(PartKind.NOW, help_text, "hope").status == "ok"
    assert finding(PartKind.NOW, money_text, "hope").status == "ok"
    assert finding(PartKind.NOW, money_text, "urgency").status == "ok"


def test_a_harm_that_grows_from_a_date_is_no_plan() -> None:
    text = (
        "From next month our caseloads go up to a hundred and fifty each, and the new intake "
        "starts on the 3rd. Waiting lists are already at ten days.\n\n"
        "I really hope it gets easier. I believe we'll manage.\n\n"
        "I'm asking each of you to put your name on the Saturday rota for one day in May."
    )
    assert finding(PartKind.NOW, text, "hope").status == "suggest"


def test_a_year_told_month_by_month_is_many_moments() -> None:
    text = (
        "My first year in the department flew by. In October I was in the press office, "
        "answering phones that never stopped. In December I was at a court in Leeds, watching "
        "a clerk find a lost file. In March I was on a flood bank in Hull in borrowed boots. "
        "In May I sat in on a benefits tribunal. In July I was back at my desk in London."
    )
    assert finding(PartKind.SELF, text, "too_many_moments").status == "suggest"
    assert finding(PartKind.SELF, text, "specific_moment").status == "suggest"


def test_someone_elses_years_are_not_a_career() -> None:
    text = (
        "It was the last week of January and forty callers were waiting. A builder was on "
        "the line. He hadn't opened his post for two years, since his wife died. Our guidance "
        "says twelve minutes a call. My stomach was in a knot. I stayed on for fifty minutes "
        "and I set up a payment plan with him. He rang back in March to say he was sleeping again."
    )
    assert finding(PartKind.SELF, text, "resume").status == "ok"


def test_postings_and_promotions_are_a_career() -> None:
    text = (
        "I started at the Agency in Bristol on the rivers team. After that I was seconded to "
        "Cumbria for the winter floods. Then a promotion to area lead, and later I was posted "
        "to the Fens. Each step taught me something about water and people."
    )
    assert finding(PartKind.SELF, text, "resume").status == "suggest"


def test_one_person_in_one_place_at_the_start_opens_a_moment() -> None:
    text = (
        "There was a man in the queue outside the housing office with a dog on a string. "
        "He had been there since six, and the rain was dripping off the awning onto his "
        "sleeping bag. The shutters rattled up at nine and the security guard shouted that "
        "dogs weren't allowed. I went out and stood with the dog under the awning for the "
        "whole of his appointment."
    )
    assert finding(PartKind.SELF, text, "specific_moment").status == "ok"


def test_a_person_named_later_in_a_summary_opens_no_moment() -> None:
    text = (
        "I have worked in housing for twenty years across three councils. Over that time I "
        "have learned a lot about people. There was a man in the queue once, and many more "
        "like him, and I have always tried to treat everyone the same way."
    )
    assert finding(PartKind.SELF, text, "specific_moment").status == "suggest"


def test_taking_it_to_a_manager_and_doing_the_usual_are_not_turns() -> None:
    upward = (
        "The lad was nineteen and had missed his third appointment. The next step on the "
        "system is a sanction, and I had the cursor on the box. He came in an hour late, "
        "soaked, and said his mum had thrown him out. My mouth went dry. I went and found "
        "Priya, my team leader. She read the notes and told me not to refer him. He is in a "
        "hostel now and doing a course."
    )
    usual = (
        "One Monday a woman rang about her missed bin for the fourth week. She was on oxygen "
        "and could not pull it down the drive, and I could hear the machine hissing. My chest "
        "went tight. I logged it, same as the other three times, and read her the script. "
        "That's the job. Someone else went out to her in the end, and she has not been missed "
        "since."
    )
    assert finding(PartKind.SELF, upward, "choice_point").status == "suggest"
    assert finding(PartKind.SELF, usual, "choice_point").status == "suggest"


def test_i_hadnt_chosen_anything_denies_a_choice() -> None:
    assert Draft("I hadn't chosen anything. I'd just ticked the box.").hits("choice_negated")


def test_the_tellers_own_body_as_the_subject_shows_a_feeling() -> None:
    # No feeling word, and none of the listed body phrases: the teller's body does something.
    base = (
        "It was the last appointment on a Friday in the jobcentre on Mill Street, and the "
        "heating had gone off at four. The man across the desk had brought every payslip he "
        "had ever had, in a carrier bag, and laid them out on the desk one by one. "
    )
    shown = base + "My throat had shut right up. I read him the letter anyway, slowly."
    theirs = base + "His voice had gone very quiet. I read him the letter anyway, slowly."
    grin = base + "When his payment came through I was grinning for the rest of the week."
    assert finding(PartKind.SELF, shown, "emotion").status == "ok"
    assert finding(PartKind.SELF, grin, "emotion").status == "ok"
    assert finding(PartKind.SELF, theirs, "emotion").status == "suggest"
    # A Self told in the second person: the teller's own body is "your".
    second = (
        "You are standing at the jobcentre desk at ten to five on a Friday, and the heating "
        "has gone off. The man across from you has every payslip he has ever had in a carrier "
        "bag. Your throat has gone tight. You read him the letter anyway, slowly, twice."
    )
    hands = second.replace("Your throat has gone tight.", "Your hands won't keep still.")
    assert finding(PartKind.SELF, second, "emotion").status == "ok"
    assert finding(PartKind.SELF, hands, "emotion").status == "ok"


def test_a_value_as_the_subject_of_its_sentence_is_told() -> None:
    story = (
        "On my second night on the desk at the hostel, a woman came in at two with her son "
        "asleep on her shoulder and no booking. The rota said send her to the council's "
        "emergency line. I made up the spare room by the laundry and rang them in the morning. "
    )
    for told in (
        "Fairness matters more to me than anything else in this job.",
        "For me, kindness means opening the door first and filling in the form after.",
        "I believe every family has the right to a bed on the night they need one.",
    ):
        assert finding(PartKind.SELF, story + told, "told_values").status == "suggest", told
    shown = story + "She stayed four nights. Her son still sends us a card at Christmas."
    assert finding(PartKind.SELF, shown, "told_values").status == "ok"


def test_the_rooms_own_routine_told_to_it_is_shared() -> None:
    routine = (
        "You all know that sound at five to nine on a Monday, when the phones open and forty "
        "lines light up at once. You badge in with your coat still wet, and somebody has "
        "already put the big kettle on. We do the overnight list first, because that is where "
        "the frightened ones are, and by ten we swear we will never get through it. We always do."
    )
    claim = (
        "Our service exists to support residents. We are committed to excellence and to "
        "putting people first in everything we deliver, and our values guide our work."
    )
    assert finding(PartKind.US, routine, "experiential_us").status == "ok"
    assert finding(PartKind.US, claim, "experiential_us").status == "suggest"
