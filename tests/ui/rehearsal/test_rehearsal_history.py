"""The rehearsal history page: the table, the chart and the measured pace, from the store."""

from __future__ import annotations

from datetime import datetime, timedelta

from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.method.presets import apply_preset
from narrative_app.ui.rehearsal.chart import part_series
from narrative_app.ui.rehearsal.history import RehearsalHistoryPage


def _open(controller) -> int:
    n = Narrative(title="Why I stayed", pace_wpm=120)
    apply_preset(n, "linked_5")
    narrative_id = controller.create_narrative(n)
    assert controller.open_narrative(narrative_id)
    return narrative_id


def _run(narrative_id: int, day: int, seconds: tuple[float, float, float], **kw) -> RehearsalRun:
    kinds = (PartKind.SELF, PartKind.US, PartKind.NOW)
    targets = (120, 75, 105)
    words = (250, 150, 200)
    return RehearsalRun(
        narrative_id=narrative_id,
        started_at=datetime(2025, 3, 1, 9, 0) + timedelta(days=day),
        total_seconds=sum(seconds),
        splits=[PartSplit(k, s, t, w) for k, s, t, w in zip(kinds, seconds, targets, words,
                                                             strict=True)],
        **kw,
    )


def test_empty_history_invites_a_first_run(qtbot, controller):
    _open(controller)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 0
    assert "No rehearsals yet" in page.summary_label.text()
    assert "until then time estimates use 120 words per minute" in page.pace_label.text()
    assert page.chart.describe() == "No runs yet."


def test_runs_fill_the_table_newest_first_and_the_pace_is_shown(qtbot, controller):
    narrative_id = _open(controller)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    controller.add_run(_run(narrative_id, 0, (150, 90, 120), view="cues"))
    with qtbot.waitSignal(controller.runsChanged):
        controller.add_run(_run(narrative_id, 1, (120, 75, 105), view="peer",
                                notes="Slower in the Now",
                                feedback={"what_worked": "The stairs"}))
    rows = page.table_text()
    assert rows[0] == ["02 Mar 2025, 09:00", "2:00", "1:15", "1:45", "5:00", "Peer practice",
                       "Slower in the Now", "Yes"]
    assert rows[1][:5] == ["01 Mar 2025, 09:00", "2:30", "1:30", "2:00", "6:00"]
    assert "What worked: The stairs" in page.table.item(0, 7).toolTip()
    assert page.summary_label.text() == "2 runs kept. Latest: 5:00 against a target of 5:00."
    # 600 words in 660 s and 600 words in 600 s: the store's measured pace.
    pace = controller.store.measured_pace(narrative_id)
    assert pace is not None
    assert f"Your measured pace: {round(pace)} words per minute" in page.pace_label.text()
    assert controller.effective_pace() == pace
    assert "Story of Self: latest 2:00, target 2:00, over 2 runs" in page.chart.describe()


def test_chart_series_per_part_against_the_latest_target(qtbot):
    runs = [_run(1, 0, (150, 90, 120)), _run(1, 1, (110, 70, 100))]
    seconds, target = part_series(runs, PartKind.US)
    assert seconds == [90, 70]
    assert target == 75


def test_history_follows_the_open_narrative_and_paints(qtbot, controller):
    first = _open(controller)
    controller.add_run(_run(first, 0, (100, 60, 90)))
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    assert page.table.rowCount() == 1
    assert not page.chart.grab().isNull()
    _open(controller)  # a second narrative without runs
    assert page.table.rowCount() == 0
    requested = []
    page.rehearseRequested.connect(lambda: requested.append(True))
    page.rehearse_button.click()
    assert requested == [True]


def test_a_quick_run_paged_through_says_one_run_and_leaves_the_pace_alone(qtbot, controller):
    narrative_id = _open(controller)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.runsChanged):
        controller.add_run(_run(narrative_id, 0, (3, 2, 1)))  # 600 words in six seconds
    assert page.summary_label.text() == "1 run kept. Latest: 0:06 against a target of 5:00."
    assert controller.effective_pace() == 120  # still the planned pace, not 6,000 a minute
    assert "until then time estimates use 120 words per minute" in page.pace_label.text()
