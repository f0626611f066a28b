"""The rehearsal history page: the table, the chart and the measured pace, from the store."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.method.presets import apply_preset
from narrative_app.ui.rehearsal.chart import part_series
from narrative_app.ui.rehearsal.history import RehearsalHistoryPage
from tests.ui.rehearsal.shown import history_rows


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
    rows = history_rows(page)
    assert rows[0] == ["02 Mar 2025, 09:00", "2:00", "1:15", "1:45", "5:00", "Peer practice",
                       "120 a minute: counts", "Slower in the Now", "Yes", ""]
    assert rows[1][:5] == ["01 Mar 2025, 09:00", "2:30 (over)", "1:30 (over)",
                           "2:00 (just over)", "6:00 (over)"]
    assert "What worked: The stairs" in page.table.item(0, 8).toolTip()
    assert page.summary_label.text() == "2 runs kept. Latest: 5:00 against a target of 5:00."
    # 600 words in 660 s and 600 words in 600 s: the store's measured pace.
    pace = controller.store.measured_pace(narrative_id)
    assert pace is not None
    assert f"Your measured pace: {round(pace)} words per minute" in page.pace_label.text()
    assert controller.effective_pace() == pace
    assert ("Story of Self: latest 2:00 of 2:00, within time; 1 of 2 runs within their own "
            "target") in page.chart.describe()


def test_chart_series_per_part_with_each_runs_own_target(qtbot):
    runs = [_run(1, 0, (150, 90, 120)), _run(1, 1, (110, 70, 100))]
    seconds, targets = part_series(runs, PartKind.US)
    assert seconds == [90, 70]
    assert targets == [75, 75]


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
    assert "None of your kept runs counts towards your pace yet" in page.pace_label.text()
    assert "time estimates use 120 words per minute" in page.pace_label.text()
    assert history_rows(page)[0][6] == "not counted: too fast (6000 a minute)"


def test_each_run_is_judged_against_its_own_targets_after_a_peer_run(qtbot, controller):
    from narrative_app.rehearsal.display import TimeStatus
    from narrative_app.ui.rehearsal.chart import part_bars

    narrative_id = _open(controller)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    controller.add_run(_run(narrative_id, 0, (115, 70, 100)))  # within 2:00, 1:15, 1:45
    peer = _run(narrative_id, 1, (50, 30, 40), view="peer")
    peer.splits = [PartSplit(s.part, s.seconds, t, 0)
                   for s, t in zip(peer.splits, (48, 30, 42), strict=True)]  # a 2:00 slot
    controller.add_run(peer)
    bars = part_bars(page.runs, PartKind.SELF)
    assert [(b.target, b.status) for b in bars] == [(120, TimeStatus.WITHIN),
                                                    (48, TimeStatus.CLOSE)]
    assert history_rows(page)[1][1] == "1:55"  # the earlier run: within its own 2:00
    assert "Story of Self: latest 0:50 of 0:48, just over, by 0:02; 1 of 2 runs within" in (
        page.chart.accessibleDescription())
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    assert not page.chart.grab().isNull()


def test_the_chart_says_what_the_narrative_aims_at_now_not_a_peer_runs_slot(qtbot, controller):
    narrative_id = _open(controller)  # Linked 5:00: Self 2:00, Us 1:15, Now 1:45
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    controller.add_run(_run(narrative_id, 0, (115, 70, 100)))
    peer = _run(narrative_id, 1, (50, 30, 40), view="peer")
    peer.splits = [PartSplit(s.part, s.seconds, t, 0)
                   for s, t in zip(peer.splits, (48, 30, 42), strict=True)]
    with qtbot.waitSignal(controller.runsChanged):
        controller.add_run(peer)
    assert page.chart.caption(PartKind.SELF) == "Story of Self (now aiming at 2:00)"
    assert page.chart.caption(PartKind.NOW) == "Story of Now (now aiming at 1:45)"


def test_the_table_fits_its_width_and_hides_heard_pace_until_a_run_is_heard(qtbot, controller):
    narrative_id = _open(controller)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    page.resize(810, 600)  # the history's width in a 1366x768 window
    page.show()
    qtbot.waitExposed(page)
    controller.add_run(_run(narrative_id, 0, (150, 90, 120), notes="Slower in the Now, and "
                            "more of the stairs in the Self"))
    with qtbot.waitSignal(controller.runsChanged):
        controller.add_run(_run(narrative_id, 1, (3, 2, 1), view="peer"))
    heard = page.COLUMNS.index("heard")
    assert page.table.isColumnHidden(heard)
    QApplication.processEvents()  # the columns take their sizes from the new rows
    # Every column is seen without sideways scrolling.
    assert 0 < page.table.horizontalHeader().length() <= page.table.viewport().width()
    pace = page.table.item(0, page.COLUMNS.index("pace"))
    assert pace.toolTip() == pace.text() == "not counted: too fast (6000 a minute)"


def test_a_narrow_chart_shortens_its_captions_instead_of_cutting_them(qtbot, controller):
    narrative_id = _open(controller)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    with qtbot.waitSignal(controller.runsChanged):
        controller.add_run(_run(narrative_id, 0, (115, 70, 100)))
    chart = page.chart
    metrics = QFontMetricsF(chart._title_font())
    for width in (400.0, 226.0, 120.0):  # a wide window, 1280x820 beside the coach, tiny
        caption = chart.caption(PartKind.SELF, width)
        assert "2:00" in caption
        if width > 120:
            assert metrics.horizontalAdvance(caption) <= width, caption
    assert chart.caption(PartKind.SELF, 400.0) == "Story of Self (now aiming at 2:00)"
    assert chart.caption(PartKind.SELF, 226.0) == "Self, aiming at 2:00"


def _heard(narrative_id: int, day: int, wpm: float) -> RehearsalRun:
    run = _run(narrative_id, day, (100, 60, 90))
    run.speech = {"overall": {"words": 500, "wpm": wpm}, "parts": []}
    return run


def test_the_chart_draws_the_key_press_and_the_heard_pace_as_two_series(qtbot, controller):
    from narrative_app.rehearsal.pace import PacePoint
    from narrative_app.ui.rehearsal.chart import RunChart

    narrative_id = _open(controller)
    controller.add_run(_run(narrative_id, 0, (150, 90, 120)))  # 600 words in 6:00: 100 wpm
    controller.add_run(_run(narrative_id, 1, (3, 2, 1)))  # paged through: not a pace
    controller.add_run(_heard(narrative_id, 2, 142.4))
    controller.add_run(_run(narrative_id, 3, (120, 60, 60)))  # 600 words in 4:00: 150 wpm
    controller.add_run(_heard(narrative_id, 4, 131.0))
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    chart: RunChart = page.chart
    assert chart.pace.trend.keyed == [PacePoint(0, 100.0), PacePoint(3, 150.0)]
    assert chart.pace.trend.heard == [PacePoint(2, 142.4), PacePoint(4, 131.0)]
    # Told apart by more than colour: line style and marker, both named in the legend.
    styles = {s.key: (s.name, s.line, s.marker) for s in chart.pace.series}
    assert styles["keyed"][0] == "by key presses" and styles["heard"][0] == "heard"
    assert styles["keyed"][1:] != styles["heard"][1:]
    assert {styles["keyed"][2], styles["heard"][2]} == {"circle", "square"}
    chart.resize(1000, 240)
    panels = chart.panels()
    assert len(panels) == 4  # Self, Us, Now and the pace
    drawn = chart.pace.drawn(panels[-1], chart.fontMetrics())
    keyed, heard = drawn["keyed"], drawn["heard"]
    assert len(keyed) == 2 and len(heard) == 2
    # In run order left to right, in the pace panel, lined up one slot a run (five runs).
    slot = panels[-1].width() / 5
    assert [round((p.x() - panels[-1].x()) / slot - 0.5) for p in keyed] == [0, 3]
    assert [round((p.x() - panels[-1].x()) / slot - 0.5) for p in heard] == [2, 4]
    # Faster is higher: 150 above 142 above 131 above 100.
    assert keyed[1].y() < heard[0].y() < heard[1].y() < keyed[0].y()
    assert all(panels[-1].contains(p) for p in keyed + heard)
    description = chart.accessibleDescription()
    assert ("Pace in words a minute, oldest first: by key presses 100, 150; heard 142, 131; "
            "the usual band is 100 to 165.") in description
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    image = chart.grab().toImage()
    assert not image.isNull()
    # Something is painted where each heard marker sits (a filled square in the accent).
    accent = chart.palette().color(chart.palette().ColorRole.Highlight)
    for point in chart.pace.drawn(chart.panels()[-1], chart.fontMetrics())["heard"]:
        ratio = image.devicePixelRatio()
        pixel = image.pixelColor(int(point.x() * ratio), int(point.y() * ratio))
        assert pixel.rgb() == accent.rgb()


def test_without_a_believable_pace_the_chart_has_no_pace_panel(qtbot, controller):
    narrative_id = _open(controller)
    controller.add_run(_run(narrative_id, 0, (3, 2, 1)))
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    assert page.chart.pace.trend.empty
    assert len(page.chart.panels()) == 3
    assert "Pace: no run told at a believable pace yet." in page.chart.accessibleDescription()


def test_a_narrow_pace_panel_puts_its_legend_on_two_rows_instead_of_cutting_it(qtbot, controller):
    narrative_id = _open(controller)
    controller.add_run(_run(narrative_id, 0, (150, 90, 120)))
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    pace, metrics = page.chart.pace, page.chart.fontMetrics()
    wide = pace.legend_places(600.0, metrics)
    assert [row for _, row in wide] == [0, 0]
    narrow = 185.0  # the pace panel's width in the history at 1366x768
    places = pace.legend_places(narrow, metrics)
    for series, (x, _) in zip(pace.series, places, strict=True):
        assert x + 26 + metrics.horizontalAdvance(series.name) <= narrow, series.name
    assert [row for _, row in places] == [0, 1]
    # The plot starts below both rows.
    panel = QRectF(0, 0, narrow, 240)
    assert pace.plot_rect(panel, metrics).top() > pace.plot_rect(QRectF(0, 0, 600, 240),
                                                                 metrics).top()
