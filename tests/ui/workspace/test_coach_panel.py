"""Coach panel: the checklist the user sees, its clicks, and the debounced rebuild."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from narrative_app.coach.report import build_report
from narrative_app.domain import Narrative, PartKind, StoryPart
from narrative_app.ui.workspace.coach_panel import DEBOUNCE_MS, CoachPanel

CV_SELF = (
    "I qualified as a nurse in 2001 and worked in intensive care in Bristol. In 2007 I was "
    "promoted to ward manager, and in 2013 I moved into a matron post in Cardiff. In 2019 I "
    "was appointed Director of Nursing, with a team of four hundred staff."
)
STORY_SELF = (
    "It was a wet Thursday night in February, my third week on the ward. The corridor smelled "
    "of bleach and the heating clanked. Mrs Owen was crying quietly, frightened that nobody "
    "would come. I was scared of falling behind. I could have checked her drip and moved on. "
    "Instead I sat on her bed and held her cold hand. I learned that ten minutes can be the job."
)
THREE_ASKS = (
    "The library closes in June. Please sign the petition, share it with friends, come to the "
    "meeting on Thursday and donate if you can."
)


def narrative(self_text: str = "", now: str = "") -> Narrative:
    return Narrative(
        parts={
            PartKind.SELF: StoryPart(PartKind.SELF, draft=self_text, target_seconds=120),
            PartKind.NOW: StoryPart(PartKind.NOW, draft=now, target_seconds=60),
        }
    )


def texts(panel: CoachPanel) -> list[str]:
    return [item.text() for item in panel.items()]


@pytest.fixture
def panel(qtbot) -> CoachPanel:
    widget = CoachPanel()
    qtbot.addWidget(widget)
    widget.resize(360, 600)
    return widget


def test_placeholder_before_any_report(panel: CoachPanel) -> None:
    assert panel.items() == []
    assert panel.accessibleName() == "Coach"


def test_shows_one_story_and_the_whole_narrative(panel: CoachPanel) -> None:
    panel.set_report(build_report(narrative(CV_SELF)), PartKind.SELF)
    shown = texts(panel)
    assert (
        "This part reads a little like a CV. Could one of those years become a single scene?"
        in (line.removeprefix("•  ") for line in shown)
    )
    assert "Whole narrative" in shown
    assert not any("Why now" in line or "ask" in line.lower() for line in shown)
    assert len(shown) == 9 + 1 + 4  # Self's checks, a heading, the whole-narrative checks
    assert panel._title.text() == "Coach: Story of Self"
    assert "words, about 0:" in panel._timing.text()
    assert "of 2:00" in panel._timing.text()


def test_done_items_get_a_quiet_tick_and_suggestions_their_hint(panel: CoachPanel) -> None:
    report = build_report(narrative(STORY_SELF))
    panel.set_report(report, PartKind.SELF)
    rows = {
        panel.finding_at(i).check: panel.items()[i]
        for i in range(len(panel.items()))
        if panel.finding_at(i) is not None and panel.finding_at(i).part == "self"
    }
    moment = rows["specific_moment"]
    assert moment.text() == "✓  One specific moment"
    assert moment.data(Qt.ItemDataRole.AccessibleTextRole) == "Done: One specific moment"
    quiet = panel.palette().color(QPalette.ColorRole.PlaceholderText)
    assert moment.foreground().color() == quiet
    # Story of Now has a minute set aside but nothing written: a suggestion, with its hint.
    row = next(
        i for i in range(len(panel.items())) if (f := panel.finding_at(i)) and f.check == "length"
    )
    assert (
        panel.items()[row].text() == "•  Story of Now has 1:00 set aside but nothing written yet."
    )
    assert panel.items()[row].foreground().color() == panel.palette().color(QPalette.ColorRole.Text)


def test_clicking_a_finding_emits_its_spans_in_turn(panel: CoachPanel, qtbot) -> None:
    n = narrative(STORY_SELF + " The ICS and the PCN agreed.")
    panel.set_report(build_report(n), PartKind.SELF)
    row = next(
        i for i in range(len(panel.items())) if (f := panel.finding_at(i)) and f.check == "jargon"
    )
    finding = panel.finding_at(row)
    assert finding.status == "suggest" and len(finding.spans) == 2
    with qtbot.waitSignal(panel.spanActivated) as first:
        panel.activate_row(row)
    part, start, end = first.args
    assert part == "self" and n.parts[PartKind.SELF].draft[start:end] == "ICS"
    with qtbot.waitSignal(panel.spanActivated) as second:
        panel.activate_row(row)
    assert n.parts[PartKind.SELF].draft[second.args[1] : second.args[2]] == "PCN"


def test_mouse_click_on_a_row_emits(panel: CoachPanel, qtbot) -> None:
    n = narrative(STORY_SELF)
    panel.set_report(build_report(n), PartKind.SELF)
    panel.show()
    row = next(
        i
        for i in range(len(panel.items()))
        if (f := panel.finding_at(i)) and f.check == "choice_point"
    )
    rect = panel._list.visualItemRect(panel._list.item(row))
    with qtbot.waitSignal(panel.spanActivated) as blocker:
        qtbot.mouseClick(panel._list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    part, start, end = blocker.args
    assert part == "self"
    assert n.parts[PartKind.SELF].draft[start:end].startswith("Instead I sat on her bed")


def test_findings_without_spans_emit_nothing(panel: CoachPanel, qtbot) -> None:
    panel.set_report(build_report(narrative("")), PartKind.SELF)
    emitted = []
    panel.spanActivated.connect(lambda *args: emitted.append(args))
    for row in range(len(panel.items())):
        panel.activate_row(row)
    assert emitted == []


def test_schedule_debounces_and_builds_the_latest_text(panel: CoachPanel, qtbot) -> None:
    n = narrative(CV_SELF)
    built = []
    panel.reportReady.connect(built.append)
    panel.set_part(PartKind.SELF)
    for _ in range(5):  # a burst of keystrokes
        panel.schedule(n, 125)
    assert panel.is_pending() and built == []
    n.parts[PartKind.SELF].draft = STORY_SELF  # the user fixed the text before the pause
    with qtbot.waitSignal(panel.reportReady, timeout=DEBOUNCE_MS * 5):
        pass
    assert len(built) == 1
    assert built[0].finding("resume", "self").status == "ok"
    assert "✓  A story, not a CV" in texts(panel)


def test_typing_three_asks_draws_the_suggestion_and_fixing_clears_it(
    panel: CoachPanel, qtbot
) -> None:
    n = narrative(now=THREE_ASKS)
    panel.set_part(PartKind.NOW)
    panel.schedule(n)
    qtbot.waitUntil(lambda: any("4 things" in t for t in texts(panel)), timeout=1000)
    n.parts[
        PartKind.NOW
    ].draft = "The library closes in June. Will you come to the meeting on Thursday?"
    panel.schedule(n)
    qtbot.waitUntil(lambda: "✓  One clear ask" in texts(panel), timeout=1000)


def test_flush_builds_now(panel: CoachPanel) -> None:
    panel.schedule(narrative(CV_SELF))
    panel.flush()
    assert not panel.is_pending()
    assert panel.report is not None and panel.report.parts[PartKind.SELF].words > 0


def test_measured_pace_reaches_the_report(panel: CoachPanel) -> None:
    panel.set_part(PartKind.SELF)
    panel.schedule(narrative(" ".join(["word"] * 200)), 100)
    panel.flush()
    assert panel.report.pace_wpm == 100
    assert "at 100 words a minute" in panel._timing.text()


def test_all_parts_when_no_story_is_chosen(panel: CoachPanel) -> None:
    panel.set_report(build_report(narrative(CV_SELF, THREE_ASKS)), None)
    shown = texts(panel)
    for heading in ("Story of Self", "Story of Us", "Story of Now", "Whole narrative"):
        assert heading in shown
    assert "suggestions" in panel._list.accessibleName()


def test_dark_palette_recolours_done_items(panel: CoachPanel) -> None:
    panel.set_report(build_report(narrative(STORY_SELF)), PartKind.SELF)
    dark = QPalette(panel.palette())
    dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#9aa0a6"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8eaed"))
    panel.setPalette(dark)
    done = next(i for i in panel.items() if i.text().startswith("✓"))
    todo = next(i for i in panel.items() if i.text().startswith("•"))
    assert done.foreground().color() == QColor("#9aa0a6")
    assert todo.foreground().color() == QColor("#e8eaed")


def test_an_empty_story_says_nothing_written_once_not_once_per_check(panel: CoachPanel) -> None:
    panel.set_report(build_report(narrative("")), None)
    shown = texts(panel)
    empty = "•  Nothing written here yet. Start with a few sentences and the coach will listen in."
    assert shown.count(empty) == 3  # once under each story, not 9 times nor again below
    row = shown.index(empty)
    tooltip = panel.items()[row].toolTip()
    assert "One specific moment" in tooltip and "Sensory detail" in tooltip
    assert panel._list.accessibleName().endswith(", 5 suggestions")  # the rows a user hears


def test_a_story_page_says_nothing_written_once_not_again_for_the_whole(panel: CoachPanel):
    panel.set_report(build_report(narrative("")), PartKind.SELF)
    shown = texts(panel)
    empty = "•  Nothing written here yet. Start with a few sentences and the coach will listen in."
    assert shown.count(empty) == 1
    assert shown.index("Whole narrative") > shown.index(empty)
