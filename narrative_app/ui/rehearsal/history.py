"""UI: the rehearsal history of the open narrative: a chart, a table of runs and your pace.

Everything comes from the store through the controller; the page refreshes when a run is
added (``runsChanged``) or another narrative is opened. The measured pace shown here is the
one the controller's ``effective_pace()`` feeds to the drafting time estimates.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import PART_ORDER, RehearsalRun
from narrative_app.errors import NarrativeAppError
from narrative_app.method.presets import format_seconds
from narrative_app.rehearsal.peer import feedback_questions
from narrative_app.text.timing import BudgetState, budget_state
from narrative_app.ui.rehearsal.chart import RunChart
from narrative_app.ui.rehearsal.theme import budget_colour
from narrative_app.ui.widgets.common import make_heading, make_muted


class RehearsalHistoryPage(QWidget):
    """Every kept run of the open narrative, newest first in the table."""

    rehearseRequested = Signal()

    COLUMNS = ("date", "self", "us", "now", "total", "view", "notes", "feedback")

    def __init__(self, controller: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runs: list[RehearsalRun] = []
        self.heading = make_heading(QLabel(self.tr("Rehearsals"), self))
        self.pace_label = QLabel(self)
        self.pace_label.setWordWrap(True)
        self.summary_label = make_muted(QLabel(self))
        self.summary_label.setWordWrap(True)
        self.rehearse_button = QPushButton(self.tr("Rehearse now"), self)
        self.rehearse_button.setToolTip(self.tr("Open the rehearsal view for this narrative"))
        self.rehearse_button.clicked.connect(self.rehearseRequested)
        self.chart = RunChart(self)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Self"), self.tr("Us"), self.tr("Now"), self.tr("Total"),
            self.tr("View"), self.tr("Notes"), self.tr("Feedback")])
        self.table.setAccessibleName(self.tr("Rehearsal runs, newest first"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS.index("notes"), QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.rehearse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pace_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.table, 3)
        for name in ("runsChanged", "narrativeOpened"):
            signal = getattr(controller, name, None)
            if signal is not None:
                signal.connect(self._on_narrative_signal)
        self.refresh()

    def _on_narrative_signal(self, _narrative_id: int) -> None:
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # state colours follow light and dark
            self._fill_table()

    def refresh(self) -> None:
        narrative = getattr(self.controller, "current", None)
        store = self.controller.store
        self.runs, pace = [], None
        error = ""
        if narrative is not None and narrative.id is not None:
            try:
                self.runs = store.list_runs(narrative.id)
                pace = store.measured_pace(narrative.id)
            except NarrativeAppError as exc:
                error = str(exc)
        self.rehearse_button.setEnabled(narrative is not None)
        self._show_pace(pace, narrative.pace_wpm if narrative else None)
        self._show_summary(error)
        self.chart.set_runs(self.runs)
        self._fill_table()

    def _show_pace(self, measured: float | None, planned: int | None) -> None:
        if measured:
            self.pace_label.setText(self.tr(
                "Your measured pace: {wpm} words per minute, from your recent runs. Time "
                "estimates while drafting now use it.").format(wpm=round(measured)))
        elif planned:
            self.pace_label.setText(self.tr(
                "Rehearse aloud once and your own pace will be measured; until then time "
                "estimates use {wpm} words per minute.").format(wpm=planned))
        else:
            self.pace_label.setText(self.tr("Open a narrative to see its rehearsals."))

    def _show_summary(self, error: str) -> None:
        if error:
            self.summary_label.setText(error)
            return
        if not self.runs:
            self.summary_label.setText(self.tr(
                "No rehearsals yet. Tell your narrative aloud against the clock and each run "
                "you keep will appear here."))
            return
        latest = self.runs[-1]
        target = sum(s.target_seconds for s in latest.splits)
        if len(self.runs) == 1:
            text = self.tr("1 run kept. Latest: {latest} against a target of {target}.")
        else:
            text = self.tr("{count} runs kept. Latest: {latest} against a target of {target}.")
        self.summary_label.setText(text.format(
            count=len(self.runs), latest=format_seconds(latest.total_seconds),
            target=format_seconds(target)))

    def _cell(self, text: str, tip: str = "", state: BudgetState = BudgetState.NONE,
              align_right: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if tip:
            item.setToolTip(tip)
        if state in (BudgetState.AMBER, BudgetState.RED):
            item.setForeground(QBrush(budget_colour(self.palette(), state)))
        if align_right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _fill_table(self) -> None:
        prompts = {q.id: q.prompt for q in feedback_questions()}
        self.table.setRowCount(len(self.runs))
        for row, run in enumerate(reversed(self.runs)):
            cells = [self._cell(run.started_at.strftime("%d %b %Y, %H:%M"))]
            for kind in PART_ORDER:
                split = next((s for s in run.splits if s.part is kind), None)
                if split is None:
                    cells.append(self._cell("-"))
                    continue
                tip = self.tr("Target {target}, {words} words").format(
                    target=format_seconds(split.target_seconds), words=split.words)
                cells.append(self._cell(format_seconds(split.seconds), tip,
                                        budget_state(split.seconds, split.target_seconds), True))
            target = sum(s.target_seconds for s in run.splits)
            cells.append(self._cell(format_seconds(run.total_seconds),
                                    self.tr("Target {target}").format(
                                        target=format_seconds(target)),
                                    budget_state(run.total_seconds, target), True))
            cells.append(self._cell(self._view_name(run.view)))
            cells.append(self._cell(run.notes, run.notes))
            answers = "\n".join(f"{prompts.get(k, k)}: {v}" for k, v in run.feedback.items())
            cells.append(self._cell(self.tr("Yes") if answers else "", answers))
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)

    def _view_name(self, view: str) -> str:
        return {
            "cues": self.tr("Cues"),
            "full": self.tr("Full text"),
            "memorise": self.tr("Memorise"),
            "teleprompter": self.tr("Teleprompter"),
            "peer": self.tr("Peer practice"),
        }.get(view, view)

    def table_text(self) -> list[list[str]]:
        """The table as the user sees it (for tests and quick checks)."""
        return [
            [self.table.item(r, c).text() if self.table.item(r, c) else ""
             for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
