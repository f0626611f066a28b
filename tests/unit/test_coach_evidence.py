"""Coach: every tick is earned by the right sentence, and a suggestion says what was looked
for (issue 13). The drafts are the team's own, written after the failures a new user met."""

from __future__ import annotations

import json

import pytest

from narrative_app.coach.report import build_report, report_to_json
from narrative_app.domain import Narrative, PartKind, StoryPart

NO_CHOICE_SELF = (
    "It was a cold Tuesday in March, and the staff room smelled of burnt toast and wet coats. "
    "My colleague Sam had just handed in her notice after six years on the team. He asked me "
    "if I was leaving too. I stood by the window and watched the rain on the car park. I said "
    "no. Three weeks later I went off sick with stress."
)
LATE_CHOICE = (
    "\n\nWhen I came back in May, the first file on my desk was a boy of seven who had been "
    "moved four times. I decided then that no child of mine would wait a week for a call "
    "back, and I rang his foster carer that afternoon."
)
PLAIN_HOPE = (
    "Right now, families in this borough wait six weeks for a social worker. But we can fix "
    "this ourselves. From January, every family can have a named back-up worker who knows "
    "them. I'm asking each of you to sign up as a back-up worker today."
)
PLAIN_URGENCY = (
    "By next spring, if we keep going like this, we will have burnt out half the team. I'm "
    "asking each of you to sign up as a back-up worker today."
)


def report_for(kind: PartKind, text: str):
    narrative = Narrative(title="t", pace_wpm=125, parts={kind: StoryPart(kind, draft=text)})
    return build_report(narrative, 125)


def finding(kind: PartKind, text: str, check: str):
    return report_for(kind, text).finding(check, kind)


def evidence(kind: PartKind, text: str, check: str) -> list[str]:
    report = report_for(kind, text)
    return [report.span_text(s) for s in report.finding(check, kind).spans]


def test_a_self_with_no_choice_and_no_learning_gets_neither_tick():
    report = report_for(PartKind.SELF, NO_CHOICE_SELF)
    assert report.finding("choice_point", "self").status == "suggest"
    assert report.finding("outcome", "self").status == "suggest"
    done = [f for f in report.findings_for("self") if f.ok]
    assert len(done) < 9


def test_the_choice_tick_points_to_the_real_choice_written_later():
    spans = evidence(PartKind.SELF, NO_CHOICE_SELF + LATE_CHOICE, "choice_point")
    assert spans and all("I said no" not in s for s in spans)
    assert any(s.startswith("I decided then that no child of mine") for s in spans)


def test_off_sick_with_stress_is_not_a_feeling():
    result = finding(PartKind.SELF, NO_CHOICE_SELF, "emotion")
    assert result.status == "suggest"
    assert result.reason.startswith("Looked for your own feeling")


def test_a_colleagues_decision_is_not_the_tellers_choice():
    text = (
        "The ward was short by three nurses that night and I was frightened. My manager "
        "decided to close the bay, and she rang the site team herself."
    )
    assert finding(PartKind.SELF, text, "choice_point").status == "suggest"


def test_plain_hope_with_a_plan_and_a_date_is_found():
    result = finding(PartKind.NOW, PLAIN_HOPE, "hope")
    assert result.status == "ok"
    assert "From January, every family can have a named back-up worker" in result.reason


@pytest.mark.parametrize(
    "text",
    [
        "Imagine instead a team where nobody covers alone.",
        "I wish there were a plan. There isn't.",
    ],
)
def test_a_wish_alone_is_not_hope(text: str):
    result = finding(PartKind.NOW, text, "hope")
    assert result.status == "suggest"
    assert result.reason


def test_plain_urgency_as_a_date_and_a_cost_is_found():
    result = finding(PartKind.NOW, PLAIN_URGENCY, "urgency")
    assert result.status == "ok"
    spans = evidence(PartKind.NOW, PLAIN_URGENCY, "urgency")
    assert any("burnt out half the team" in s for s in spans)


def test_a_negated_deadline_is_not_urgency():
    text = "There's no deadline on this, and nothing bad happens if we leave it a while."
    assert finding(PartKind.NOW, text, "urgency").status == "suggest"


def test_every_finding_in_the_json_report_has_a_plain_reason():
    narrative = Narrative(
        title="t",
        values=["Reliability"],
        parts={
            PartKind.SELF: StoryPart(PartKind.SELF, draft=NO_CHOICE_SELF + LATE_CHOICE),
            PartKind.US: StoryPart(PartKind.US, draft=""),
            PartKind.NOW: StoryPart(PartKind.NOW, draft=PLAIN_HOPE),
        },
    )
    data = json.loads(json.dumps(report_to_json(build_report(narrative, 125))))
    assert data["checks"]
    for item in data["checks"]:
        assert {"check", "part", "status", "hint", "spans", "reason"} <= set(item)
        assert isinstance(item["reason"], str) and item["reason"].strip(), item["check"]
        if item["status"] == "suggest" and not item["spans"]:
            assert item["reason"] != item["hint"]
