"""UI: the rehearsal history of the open narrative: a chart, a table of runs and your pace.

Everything comes from the store through the controller; the page refreshes when a run is
added (``runsChanged``) or another narrative is opened. The measured pace shown here is the
one the controller's ``effective_pace()`` feeds to the drafting time estimates; each run
says whether it counts towards it and why not (``rehearsal/pace.py``). Every time is judged
against that run's own target, in the timers' words and colours. A run can be deleted
(context menu or Delete) through the controller.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import PACE_RUNS, PART_ORDER, SPOKEN_WPM, RehearsalRun
from narrative_app.errors import NarrativeAppError
from narrative_app.method.presets import format_seconds
from narrative_app.rehearsal.display import TimeStatus, status_words, time_status
from narrative_app.rehearsal.pace import PaceReason, RunPace, pace_verdicts
from narrative_app.rehearsal.peer import feedback_questions
from narrative_app.ui.controller import NarrativeController
from narrative_app.ui.rehearsal.chart import RunChart
from narrative_app.ui.rehearsal.playback import RecordingMenu
from narrative_app.ui.rehearsal.speech_text import heard_pace
from narrative_app.ui.rehearsal.theme import status_colour
from narrative_app.ui.widgets.common import make_heading, make_muted
from narrative_app.ui.widgets.reflow import WrappedLabel


class RehearsalHistoryPage(QWidget):
    """Every kept run of the open narrative, newest first in the table."""

    rehearseRequested = Signal()

    COLUMNS = ("date", "self", "us", "now", "total", "view", "pace", "notes", "feedback",
               "heard")

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runs: list[RehearsalRun] = []
        self.verdicts: list[RunPace] = []
        # Made in the order they are seen, which is the order a screen reader reads them.
        self.heading = make_heading(QLabel(self.tr("Rehearsals"), self))
        self.rehearse_button = QPushButton(self.tr("Rehearse now"), self)
        self.rehearse_button.setToolTip(self.tr("Open the rehearsal view for this narrative"))
        self.rehearse_button.clicked.connect(self.rehearseRequested)
        self.pace_label = WrappedLabel("", self)  # wrapped labels grow with large text
        self.summary_label = make_muted(WrappedLabel("", self))
        self.chart = RunChart(self)
        self.legend = WrappedLabel(self.tr(
            "Each time is judged against that run's own target: within time, just over, or "
            "over. A dash on each bar marks the run's target."), self)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Self"), self.tr("Us"), self.tr("Now"), self.tr("Total"),
            self.tr("View"), self.tr("Pace"), self.tr("Notes"), self.tr("Feedback"),
            self.tr("Heard pace")])
        self.table.setAccessibleName(self.tr("Rehearsal runs, newest first"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_context_menu)
        self.delete_action = QAction(self.tr("Delete run..."), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.setToolTip(self.tr("Delete the selected run from the history"))
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.recordings = RecordingMenu(controller, self)
        self.recordings.message.connect(self.summary_label.setText)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The long texts share what is left and wrap, so the table fits without sideways
        # scrolling at 1366x768.
        for name in ("pace", "notes"):
            header.setSectionResizeMode(self.COLUMNS.index(name), QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.rehearse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pace_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.chart, 2)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 3)
        controller.runsChanged.connect(self._on_narrative_signal)
        controller.narrativeOpened.connect(self._on_narrative_signal)
        self.refresh()

    def _on_narrative_signal(self, _narrative_id: int) -> None:
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # state colours follow light and dark
            self._fill_table()
        elif event.type() == QEvent.Type.FontChange:
            self._keep_rows_in_view()

    def _keep_rows_in_view(self) -> None:
        """The table keeps room for a few runs however large the text, rather than being
        squeezed to its header on a small screen (the page scrolls instead)."""
        rows = max(2, min(4, self.table.rowCount()))
        row = max(self.table.verticalHeader().defaultSectionSize(),
                  self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader().sizeHint().height()
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setMinimumHeight(header + rows * row + scroll_bar
                                    + 2 * self.table.frameWidth())

    def refresh(self) -> None:
        narrative = self.controller.current
        self.runs, pace = [], None
        error = ""
        if narrative is not None and narrative.id is not None:
            try:
                self.runs = self.controller.list_runs(narrative.id)
                pace = self.controller.measured_pace(narrative.id)
            except NarrativeAppError as exc:
                error = str(exc)
        self.rehearse_button.setEnabled(narrative is not None)
        self.verdicts = pace_verdicts(self.runs)
        self._show_pace(pace, narrative.pace_wpm if narrative else None)
        self._show_summary(error)
        aims = {k: p.target_seconds for k, p in narrative.parts.items()} if narrative else {}
        self.chart.set_runs(self.runs, aims)
        self._fill_table()

    def _show_pace(self, measured: float | None, planned: int | None) -> None:
        counted = sum(1 for v in self.verdicts if v.counts)
        rule = self.tr(
            "A run counts when at least one part was told to the end (Page Down, not Esc) at "
            "a speaking pace of {low} to {high} words a minute; peer practice never counts. "
            "The latest {n} runs that count are used.").format(
            low=SPOKEN_WPM[0], high=SPOKEN_WPM[1], n=PACE_RUNS)
        if any(run.speech for run in self.runs):
            rule += " " + self.tr("The app has listened to some of your runs, so only those "
                                  "count: their pace is what it heard.")
        if measured:
            text = self.tr(
                "Your measured pace: {wpm} words per minute, from {count} of your kept runs. "
                "Time estimates while drafting now use it.").format(
                wpm=round(measured), count=counted)
        elif planned:
            text = self.tr(
                "Rehearse aloud once and your own pace will be measured; until then time "
                "estimates use {wpm} words per minute.").format(wpm=planned)
            if self.runs:
                text = self.tr("None of your kept runs counts towards your pace yet (see "
                               "the Pace column); until one does, time estimates use {wpm} "
                               "words per minute.").format(wpm=planned)
        else:
            self.pace_label.setText(self.tr("Open a narrative to see its rehearsals."))
            return
        self.pace_label.setText(f"{text} {rule}")

    def _heard_tip(self, run: RehearsalRun) -> str:
        if not run.speech:
            return self.tr("Not listened to")
        on_disk = self.tr("recording kept: right-click to play or delete") if (
            self.recordings.has(run)) else self.tr("no recording kept")
        return f"{run.notes}\n{on_disk}" if run.notes else on_disk

    def heard_trend(self) -> str:
        """The heard pace across listened runs, oldest first ('' without any)."""
        paces = [heard_pace(r.speech) for r in self.runs if heard_pace(r.speech)]
        if not paces:
            return ""
        return self.tr("Heard pace, oldest first: {paces}.").format(paces=" → ".join(paces[-6:]))

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
        text = text.format(count=len(self.runs), latest=format_seconds(latest.total_seconds),
                           target=format_seconds(target))
        self.summary_label.setText(" ".join(t for t in (text, self.heard_trend()) if t))

    def _cell(self, text: str, tip: str = "", state: TimeStatus = TimeStatus.NONE,
              align_right: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        if tip:
            item.setToolTip(tip)
        if state is not TimeStatus.NONE:
            item.setForeground(QBrush(status_colour(self.palette(), state)))
        if align_right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _time_cell(self, seconds: float, target: int, words: int | None = None
                   ) -> QTableWidgetItem:
        status = time_status(seconds, target)
        state = status_words(status, seconds, target, self.tr)
        tip = self.tr("Target {target}: {state}").format(target=format_seconds(target),
                                                        state=state)
        if words is not None:
            tip += self.tr(", {words} words").format(words=words)
        text = format_seconds(seconds)
        if status in (TimeStatus.CLOSE, TimeStatus.OVER):
            text = self.tr("{time} ({state})").format(
                time=text, state=self.tr("just over") if status is TimeStatus.CLOSE
                else self.tr("over"))
        return self._cell(text, tip, status, True)

    def _pace_text(self, verdict: RunPace) -> str:
        wpm = round(verdict.wpm) if verdict.wpm else 0
        return {
            PaceReason.COUNTS: self.tr("{wpm} a minute: counts").format(wpm=wpm),
            PaceReason.PEER: self.tr("not counted: peer practice"),
            PaceReason.ENDED_EARLY: self.tr("not counted: ended with Esc before a part was "
                                            "told to the end"),
            PaceReason.TOO_FAST: self.tr("not counted: too fast ({wpm} a minute)").format(
                wpm=wpm),
            PaceReason.TOO_SLOW: self.tr("not counted: too slow ({wpm} a minute)").format(
                wpm=wpm),
            PaceReason.OLDER: self.tr("not counted: older than the latest {n}").format(
                n=PACE_RUNS),
            PaceReason.NOT_HEARD: self.tr("not counted: timed by keys; heard runs are used"),
        }[verdict.reason]

    def _fill_table(self) -> None:
        prompts = {q.id: q.prompt for q in feedback_questions()}
        self.table.setRowCount(len(self.runs))
        rows = list(zip(self.runs, self.verdicts, strict=True))
        for row, (run, verdict) in enumerate(reversed(rows)):
            date = self._cell(run.started_at.strftime("%d %b %Y, %H:%M"))
            date.setData(Qt.ItemDataRole.UserRole, run.id)
            cells = [date]
            for kind in PART_ORDER:
                split = next((s for s in run.splits if s.part is kind), None)
                if split is None:
                    cells.append(self._cell("-"))
                    continue
                cells.append(self._time_cell(split.seconds, split.target_seconds, split.words))
            target = sum(s.target_seconds for s in run.splits)
            cells.append(self._time_cell(run.total_seconds, target))
            cells.append(self._cell(self._view_name(run.view)))
            cells.append(self._cell(self._pace_text(verdict), self._pace_text(verdict)))
            cells.append(self._cell(run.notes, run.notes))
            answers = "\n".join(f"{prompts.get(k, k)}: {v}" for k, v in run.feedback.items())
            cells.append(self._cell(self.tr("Yes") if answers else "", answers))
            cells.append(self._cell(heard_pace(run.speech), self._heard_tip(run)))
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        # "Heard pace" only once the app has listened to a run; until then it is always empty.
        self.table.setColumnHidden(self.COLUMNS.index("heard"),
                                   not any(run.speech for run in self.runs))
        self._keep_rows_in_view()

    # -- deleting a run ----------------------------------------------------------------------
    def _on_context_menu(self, point: QPoint) -> None:
        row = self.table.rowAt(point.y())
        if row < 0:
            return
        self.table.selectRow(row)
        self.menu = QMenu(self.table)
        self.menu.addAction(self.delete_action)
        run = self.selected_run()
        if run is not None:
            self.recordings.add_to(self.menu, run)
        self.menu.popup(self.table.viewport().mapToGlobal(point))

    def selected_run(self) -> RehearsalRun | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        run_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        return next((r for r in self.runs if r.id == run_id), None)

    def delete_selected(self) -> None:
        """Delete the selected run after asking; the history and the pace follow."""
        run = self.selected_run()
        if run is None or run.id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete run?"),
            self.tr("Delete the run of {date} ({total}) from the history? This cannot be "
                    "undone.").format(date=run.started_at.strftime("%d %b %Y, %H:%M"),
                                       total=format_seconds(run.total_seconds)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.controller.delete_run(run.id)
        except NarrativeAppError as error:
            self.summary_label.setText(self.tr("That run could not be deleted: {reason}")
                                       .format(reason=str(error)))

    def _view_name(self, view: str) -> str:
        return {
            "cues": self.tr("Cues"),
            "full": self.tr("Full text"),
            "memorise": self.tr("Memorise"),
            "teleprompter": self.tr("Teleprompter"),
            "peer": self.tr("Peer practice"),
        }.get(view, view)
