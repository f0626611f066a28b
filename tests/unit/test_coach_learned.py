"""Coach: the learned second opinion (coach/learned.py) is trained on the corpus we ship, every
tick it gives points to a sentence holding the check's own cue, a tick it withholds says why,
and short drafts are left to the rules."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from narrative_app.coach import learned, rules_ask
from narrative_app.coach.findings import Verdict
from narrative_app.coach.registry import BY_ID, Context
from narrative_app.coach.report import build_report
from narrative_app.coach.text import prepared
from narrative_app.domain import Narrative, PartKind, StoryPart
from narrative_app.paths import resource_path

CORPUS = Path(__file__).resolve().parents[1] / "coach_corpus"


def _parts() -> list[dict]:
    out = []
    for path in sorted(CORPUS.glob("*.toml")):
        for raw in tomllib.loads(path.read_text(encoding="utf-8")).get("part", []):
            out.append({**raw, "draft": raw.get("draft", raw.get("text", ""))})
    return out


def test_the_weights_were_trained_on_every_corpus_file_we_ship() -> None:
    data = json.loads(resource_path("coach", "learned.json").read_text(encoding="utf-8"))
    assert data["trained_on"] == sorted(p.name for p in CORPUS.glob("*.toml")), (
        "a corpus file was added or removed: run scripts/coach_train.py --write"
    )
    assert set(data["checks"]) <= set(BY_ID)
    for model in data["checks"].values():
        assert model["mode"] in {"veto", "decide", "judge"} and 0 < model["threshold"] < 1


def test_every_tick_of_a_learned_check_points_to_its_evidence() -> None:
    checked = 0
    for raw in _parts():
        kind = PartKind(raw["part"])
        story = StoryPart(kind, draft=raw["draft"])
        report = build_report(Narrative(title="t", pace_wpm=125, parts={kind: story}), 125)
        for check in learned._models():
            if kind.value not in BY_ID[check].parts or check in learned._ABSENCE:
                continue
            finding = report.finding(check, kind)
            if finding.ok:
                checked += 1
                assert finding.spans, (raw["id"], check)
                assert all(report.span_text(s).strip() for s in finding.spans)
    assert checked > 300


def test_a_withheld_tick_says_what_was_found_and_why_it_is_not_enough() -> None:
    withheld = []
    for raw in _parts():
        draft = prepared(raw["draft"])
        for check in learned._models():
            spec = BY_ID[check]
            if raw["part"] not in spec.parts or draft.words < learned.MIN_WORDS:
                continue
            verdict = spec.rule(Context(part=raw["part"], draft=draft))
            if verdict.status != "ok":
                continue
            after = learned.adjust(check, draft, raw["part"], verdict)
            if after.status == "suggest":
                withheld.append((check, after))
    assert withheld, "the model never withholds a tick on the corpus"
    for check, verdict in withheld:
        assert "as a whole" in verdict.reason or "Looked for" in verdict.reason, check
        assert verdict.hint


def test_a_short_draft_is_left_to_the_rules() -> None:
    draft = prepared("We need you to sign up for one Saturday shift by Friday.")
    assert draft.words < learned.MIN_WORDS
    verdict = Verdict.suggest("rule hint")
    assert learned.adjust("ask", draft, "now", verdict) is verdict


def test_a_tick_needs_a_sentence_with_the_checks_own_cue() -> None:
    # A long Now with no ask anywhere: whatever the model thinks, there is nothing to point to.
    text = ("The waiting list for the memory clinic has grown every month since March. " * 8)
    draft = prepared(text)
    assert learned.best_sentence(draft, "ask", {"w:wait": 5.0}, learned.FAMILIES["now"]) is None


# A Now whose way there is told without any of the hope rule's cues, and whose ask has a date.
_QUIET_HOPE = (
    "Our library van stops at nine villages and it is booked solid every Tuesday. "
    "The council has said the van goes at the end of the financial year. "
    "Over in Aldbury the parish took their van on, with volunteers driving it on Saturdays. "
    "Twice as many books went out the next year and the parish paid for the diesel out of its own "
    "precept. "
    "There is a meeting of the parish council in the village hall on the ninth. "
    "Please come to it on the ninth and put your name down to drive one Saturday."
)


def _judge(monkeypatch, check: str, weights: dict[str, float], threshold: float = 0.6) -> None:
    model = {"mode": "judge", "threshold": threshold, "veto": threshold, "weights": weights}
    monkeypatch.setattr(learned, "_models", lambda: {check: model})


def test_a_judged_tick_points_to_the_sentence_that_weighs_most(monkeypatch) -> None:
    draft = prepared(_QUIET_HOPE)
    _judge(monkeypatch, "hope", {"bias": 3.0, "w:parish": 0.5, "w:twic": 1.0})
    after = learned.adjust("hope", draft, "now", Verdict.suggest("rule hint"))
    assert after.status == "ok"
    assert after.hits[0].text.startswith("Twice as many books went out the next year")
    assert "Twice as many books" in after.reason


def test_a_judged_tick_is_not_given_when_no_sentence_weighs_towards_it(monkeypatch) -> None:
    draft = prepared(_QUIET_HOPE)
    _judge(monkeypatch, "hope", {"bias": 3.0})
    verdict = Verdict.suggest("rule hint")
    assert learned.adjust("hope", draft, "now", verdict) is verdict


def test_the_ask_is_never_the_evidence_of_hope_or_urgency(monkeypatch) -> None:
    draft = prepared(_QUIET_HOPE)
    # Only the ask's words weigh: the ask may not be shown as the way there.
    _judge(monkeypatch, "hope", {"bias": 3.0, "w:pleas": 2.0, "w:driv": 2.0})
    after = learned.adjust("hope", draft, "now", Verdict.suggest("rule hint"))
    assert all(not h.text.startswith("Please come") for h in after.hits)


def test_a_judge_withholds_a_rule_tick_it_does_not_believe_and_says_why(monkeypatch) -> None:
    draft = prepared(_QUIET_HOPE)
    _judge(monkeypatch, "resume", {"bias": -3.0})
    after = learned.adjust("resume", draft, "now", Verdict.ok("It reads as a story."))
    assert after.status == "suggest"
    assert "as a whole" in after.reason and "“" not in after.reason
    _judge(monkeypatch, "too_many_moments", {"bias": -3.0})
    after = learned.adjust("too_many_moments", draft, "self", Verdict.ok("One moment."))
    assert after.status == "suggest" and "{" not in after.hint and "several" in after.hint


def test_a_flaw_the_rule_found_stands_against_the_judge(monkeypatch) -> None:
    text = (
        "My first year in the department went quickly. In October I answered phones in the "
        "press office. In December I sat in a court in Leeds. In March I stood on a flood bank "
        "in Hull. In May I watched a tribunal. In July I was back at a desk in London, and "
        "everything I had seen came back with me."
    )
    draft = prepared(text)
    _judge(monkeypatch, "specific_moment", {"bias": 5.0, "w:court": 1.0, "w:flood": 1.0})
    verdict = Verdict.suggest("rule hint")
    assert learned.adjust("specific_moment", draft, "self", verdict) is verdict


def test_a_judged_ask_points_only_to_a_sentence_that_speaks_to_the_listeners(monkeypatch) -> None:
    spoken = prepared(
        "Our mobile library reaches nine villages. The council plans to withdraw it next year. "
        "A parish to the north runs its own van with volunteer drivers, and it is busier than "
        "ever. The parish council meets in the village hall on the ninth of March at seven. "
        "If you can drive, I need you there on the ninth to put your name down for a Saturday."
    )
    _judge(monkeypatch, "ask", {"bias": 3.0, "w:parish": 2.0, "w:name": 0.5})
    after = learned.adjust("ask", spoken, "now", Verdict.suggest("rule hint"))
    # The parish sentences weigh more, but only the last one asks anything of anyone.
    assert after.status == "ok" and after.hits[0].text.startswith("If you can drive")
    unspoken = prepared(
        "Our mobile library reaches nine villages. The council plans to withdraw it next year. "
        "A parish to the north runs its own van with volunteer drivers, and it is busier than "
        "ever. The parish council meets in the village hall on the ninth of March at seven, "
        "and the clerk has put the van on the agenda for the first time in four years."
    )
    verdict = Verdict.suggest("rule hint")
    assert learned.adjust("ask", unspoken, "now", verdict) is verdict


def test_three_different_asks_stand_against_the_judge(monkeypatch) -> None:
    draft = prepared(
        "The food bank in the old chapel fed four hundred families last month and the shelves "
        "are bare by Thursday. The supermarket on the ring road has said it will give us its "
        "surplus if we can collect it every evening. So please sign the volunteer rota, "
        "donate a tin this week, and write to your councillor before the budget meeting."
    )
    _judge(monkeypatch, "ask", {"bias": 5.0, "w:sign": 1.0})
    verdict = learned.adjust("ask", draft, "now", rules_ask.ask(draft, "now"))
    assert verdict.status == "suggest"
    assert "3 different things" in verdict.reason


def test_hope_is_never_shown_by_the_cost_of_going_on_as_we_are(monkeypatch) -> None:
    draft = prepared(
        "Our baby room has eight cots and a waiting list of twenty. If nothing changes, the "
        "baby room closes by the summer and twelve families lose their places, because the "
        "funding rate has not moved in four years. The county has opened a grant for settings "
        "that can show parents want them. Please sign the letter on the table before you "
        "collect your child today."
    )
    _judge(monkeypatch, "hope", {"bias": 3.0, "w:noth": 3.0, "w:chang": 3.0, "w:grant": 0.5})
    after = learned.adjust("hope", draft, "now", Verdict.suggest("rule hint"))
    assert after.status == "ok" and after.hits[0].text.startswith("The county has opened a grant")


def test_a_judged_outcome_is_shown_after_the_choice(monkeypatch) -> None:
    draft = prepared(
        "The referral came in on a Friday at half past four, a boy of nine with bruises on his "
        "arms that his teacher had photographed. My manager said it could wait for Monday. "
        "I rang the duty social worker anyway and drove to the school with her. "
        "By seven that night he was with his aunt in Pendle, and the next week his father was "
        "charged. It was the first time I understood that the clock belongs to the child."
    )
    _judge(monkeypatch, "outcome", {"bias": 3.0, "f:time_anchor": 2.0})
    after = learned.adjust("outcome", draft, "self", Verdict.suggest("rule hint"))
    assert after.status == "ok"
    assert not after.hits[0].text.startswith("The referral came in")


def test_a_judged_choice_points_only_to_where_the_teller_acts(monkeypatch) -> None:
    draft = prepared(
        "The referral came in on a Friday at half past four, a boy of nine with bruises on his "
        "arms that his teacher had photographed. My manager said it could wait for Monday, and "
        "the office was emptying. Everyone agreed the weekend team would pick it up. "
        "The weekend team never rang, and on the Monday the case was closed as no further "
        "action, with the photographs still in the envelope on my desk."
    )
    # The words weigh towards a choice, but the teller never acts: nowhere to point.
    _judge(monkeypatch, "choice_point", {"bias": 5.0, "w:manag": 2.0, "w:agre": 2.0})
    verdict = Verdict.suggest("rule hint")
    assert learned.adjust("choice_point", draft, "self", verdict) is verdict


def test_a_cue_in_a_sentence_that_weighs_towards_the_rival_check_is_not_its_evidence(
    monkeypatch,
) -> None:
    # "next year" is an urgency cue, but its sentence is the result elsewhere (hope).
    draft = prepared(
        "Our library van stops at nine villages, and on a Tuesday it is booked solid. The "
        "council has said the van goes at the end of the financial year. Over in Aldbury the "
        "parish took their van on, with volunteers driving it. Twice as many books went out "
        "the next year, and the parish paid for the diesel. If you can drive, I need you in "
        "the village hall on the ninth to put your name down for one Saturday a month."
    )
    assert any(h.text == "next year" for h in draft.hits("urgency"))
    models = {
        "urgency": {"mode": "judge", "threshold": 0.6, "veto": 0.6,
                    "weights": {"bias": 3.0, "w:council": 1.0, "w:year": 0.5}},
        "hope": {"mode": "judge", "threshold": 0.6, "veto": 0.6,
                 "weights": {"bias": 3.0, "w:twic": 2.0, "w:book": 2.0}},
    }
    monkeypatch.setattr(learned, "_models", lambda: models)
    after = learned.adjust("urgency", draft, "now", Verdict.suggest("rule hint"))
    assert after.status == "ok"
    assert after.hits[0].text.startswith("The council has said the van goes")


def test_a_judged_story_not_a_cv_does_not_claim_no_roles_were_found(monkeypatch) -> None:
    draft = prepared(_QUIET_HOPE)
    _judge(monkeypatch, "resume", {"bias": 3.0})
    after = learned.adjust("resume", draft, "self", Verdict.suggest("reads like a CV"))
    assert after.status == "ok"
    assert "as a whole reads as a story" in after.reason
    assert "No run of jobs" not in after.reason
