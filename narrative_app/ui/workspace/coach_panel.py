"""UI: the coach panel beside the draft, a short checklist of what the coach noticed.

Layer: ui (Qt). Shows one story's checks plus the whole-narrative ones: done items with a
quiet tick and their label, suggestions with their one-line hint. Activating a finding (click,
Enter) emits ``spanActivated(part, start, end)`` with the next place in the text it is about,
so the draft editor can highlight it; activating it again moves to the next place.

Who computes the report: the panel does. Call ``schedule(narrative, pace_wpm)`` on every edit
(e.g. from ``NarrativeController.narrativeChanged``); it restarts a ~400 ms single-shot timer
and, once typing pauses, builds the report on the GUI thread (a few milliseconds for a long
narrative, see benchmarks/bench_coach.py), shows it and emits ``reportReady``. Callers that
already have a report can call ``set_report`` directly.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from narrative_app.coach.findings import OK, Finding
from narrative_app.coach.report import CoachReport, PartTiming, build_report
from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.method.presets import format_seconds
from narrative_app.ui.widgets.access import announce

DEBOUNCE_MS = 400
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_TEXT_MARGIN = 10  # the style's margins either side of an item's text
ROW_PADDING = 2


class FittingList(QListWidget):
    """A list whose suggestion rows are as tall as their wrapped text at the list's width now
    (a scroll bar appearing narrows the list after Qt sized the rows, cutting a line)."""

    def fit_rows(self) -> None:
        width = self.viewport().width() - 2 * self.spacing() - ROW_TEXT_MARGIN
        if width <= 0:
            return
        for row in range(self.count()):
            item = self.item(row)
            if item.data(FINDING_ROLE) is None:
                continue  # a heading keeps its own height
            metrics = QFontMetrics(item.font())
            rect = metrics.boundingRect(QRect(0, 0, width, 100_000),
                                        int(Qt.TextFlag.TextWordWrap), item.text())
            item.setSizeHint(QSize(0, rect.height() + ROW_PADDING))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()


class CoachPanel(QWidget):
    """The coach's checklist for the story being edited (and the whole narrative)."""

    spanActivated = Signal(str, int, int)  # part ("self"/"us"/"now"), start, end
    reportReady = Signal(object)  # the CoachReport just shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: CoachReport | None = None
        self._part: PartKind | None = None
        self._pending: tuple[Narrative, float | None] | None = None
        self._next_span: dict[tuple[str, str], int] = {}
        self._announced: tuple[str, int, int] | None = None  # the last verdict said aloud

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._build_pending)

        self._title = QLabel(self)
        title_font = QFont(self._title.font())
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._timing = QLabel(self)
        self._timing.setWordWrap(True)
        self._timing.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self._list = FittingList(self)
        self._list.setWordWrap(True)
        self._list.setTextElideMode(Qt.TextElideMode.ElideNone)  # a line wraps, never "..."
        self._list.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap on resize
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setUniformItemSizes(False)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._list.setFrameShape(QListWidget.Shape.StyledPanel)  # a 3:1 edge (1.4.11)
        self._list.setSpacing(2)
        self._list.itemActivated.connect(self._activate)
        self._list.itemClicked.connect(self._activate)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self._title)
        layout.addWidget(self._timing)
        layout.addWidget(self._list, 1)

        self.setAccessibleName(self.tr("Coach"))
        self.setAccessibleDescription(
            self.tr("What the coach noticed in this story. Activate a suggestion to find it.")
        )
        self._show_placeholder()

    # ------------------------------------------------------------------ public API

    @property
    def report(self) -> CoachReport | None:
        return self._report

    @property
    def part(self) -> PartKind | None:
        return self._part

    def schedule(self, narrative: Narrative, pace_wpm: float | None = None) -> None:
        """Rebuild the report once typing pauses (debounced; the latest call wins)."""
        self._pending = (narrative, pace_wpm)
        self._timer.start()

    def is_pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Build any scheduled report now (e.g. before switching narrative)."""
        if self._timer.isActive():
            self._timer.stop()
            self._build_pending()

    def set_part(self, part: PartKind | None) -> None:
        """Show another story's checks from the current report."""
        self._part = PartKind(part) if part is not None else None
        self._render()

    def set_report(self, report: CoachReport | None, part: PartKind | None = None) -> None:
        """Show ``part``'s checks and the whole-narrative ones (all stories when None)."""
        self._report = report
        self._part = PartKind(part) if part is not None else None
        self._next_span.clear()
        self._render()

    def items(self) -> list[QListWidgetItem]:
        return [self._list.item(i) for i in range(self._list.count())]

    def finding_at(self, row: int) -> Finding | None:
        item = self._list.item(row)
        return item.data(FINDING_ROLE) if item is not None else None

    def activate_row(self, row: int) -> None:
        item = self._list.item(row)
        if item is not None:
            self._list.setCurrentItem(item)
            self._activate(item)

    # ------------------------------------------------------------------ internals

    def _build_pending(self) -> None:
        if self._pending is None:
            return
        narrative, pace = self._pending
        self._pending = None
        report = build_report(narrative, pace)
        self.set_report(report, self._part)
        self.reportReady.emit(report)

    def _show_placeholder(self) -> None:
        self._title.setText(self.tr("Coach"))
        self._timing.setText(self.tr("Start writing and the coach will listen in."))
        self._list.clear()
        self._list.setAccessibleName(self.tr("Coach checklist"))

    def _render(self) -> None:
        report = self._report
        if report is None:
            self._show_placeholder()
            return
        self._list.clear()
        parts = [self._part] if self._part is not None else list(PART_ORDER)
        if self._part is not None:
            self._title.setText(self.tr("Coach: %s") % self._part.title)
            self._timing.setText(self._timing_text(report.parts[self._part], report.pace_wpm))
        else:
            self._title.setText(self.tr("Coach: whole narrative"))
            self._timing.setText(self._timing_text(report.total, report.pace_wpm))
        above: dict[str, QListWidgetItem] = {}
        for kind in parts:
            if len(parts) > 1:
                self._add_heading(kind.title)
            above.update(self._add_findings(report.findings_for(kind)))
        self._add_heading(self.tr("Whole narrative"))
        self._add_findings(report.findings_for(None), above)
        self._list.fit_rows()
        count = sum(
            1 for row in range(self._list.count())
            if (f := self.finding_at(row)) is not None and f.status != OK
        )
        self._list.setCurrentRow(-1)
        self._list.setAccessibleName(
            self.tr("%1 checklist, %2 suggestions")
            .replace("%1", self._title.text())
            .replace("%2", str(count))
        )
        self._announce_change(count)

    def _announce_change(self, suggestions: int) -> None:
        """Say when the coach's verdict on the same story changes (a check done, a new
        suggestion); switching stories or a re-run with the same result stays quiet."""
        done = sum(1 for row in range(self._list.count())
                   if (f := self.finding_at(row)) is not None and f.status == OK)
        state = (self._title.text(), done, suggestions)
        previous, self._announced = self._announced, state
        if previous is None or previous[0] != state[0] or previous == state:
            return
        announce(self, self.tr("%1: %2 done, %3 suggestions").replace("%1", state[0])
                 .replace("%2", str(done)).replace("%3", str(suggestions)))

    def _timing_text(self, timing: PartTiming, pace: float) -> str:
        if timing.words == 1:
            words = self.tr("1 word")
        else:
            words = self.tr("%1 words").replace("%1", str(timing.words))
        text = (
            self.tr("%1, about %2")
            .replace("%1", words)
            .replace("%2", format_seconds(timing.seconds))
        )
        if timing.target_seconds > 0:
            text += self.tr(" of %s") % format_seconds(timing.target_seconds)
        return text + self.tr(" at %s words a minute") % round(pace)

    def _add_heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(self._list.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setSizeHint(QSize(0, self.fontMetrics().height() + 12))
        self._list.addItem(item)

    def _add_findings(self, findings: list[Finding],
                      above: dict[str, QListWidgetItem] | None = None
                      ) -> dict[str, QListWidgetItem]:
        """One row per finding, except that a suggestion repeating one already shown in this
        group (an empty story gives every check the same "Nothing written here yet"), or in
        a story above (``above``, for the whole-narrative group), joins that row instead of
        filling the panel with copies. Returns the group's rows by hint."""
        shown: dict[str, QListWidgetItem] = dict(above or {})
        for finding in findings:
            if finding.status != OK and not finding.spans and finding.hint in shown:
                item = shown[finding.hint]
                item.setToolTip(item.toolTip() + "\n" + finding.label)
                continue
            item = self._add_finding(finding)
            if finding.status != OK and not finding.spans:
                item.setToolTip(self.tr("Still to check:") + "\n" + finding.label)
                shown[finding.hint] = item
        return shown

    def _add_finding(self, finding: Finding) -> QListWidgetItem:
        if finding.status == OK:
            text = f"✓  {finding.label}"
            spoken = self.tr("Done: %s") % finding.label
            role = QPalette.ColorRole.PlaceholderText
        else:
            text = f"•  {finding.hint}"
            spoken = (
                self.tr("Suggestion, %1: %2")
                .replace("%1", finding.label)
                .replace("%2", finding.hint)
            )
            role = QPalette.ColorRole.Text
        item = QListWidgetItem(text)
        item.setData(FINDING_ROLE, finding)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setForeground(self.palette().color(role))
        # The tooltip says why: what earned the tick, or what was looked for and not found.
        why = f"\n{finding.reason}" if finding.reason else ""
        if finding.status == OK:
            item.setToolTip(finding.hint + why)
        else:
            item.setToolTip((self.tr("Show me where") if finding.spans else finding.label) + why)
        self._list.addItem(item)
        return item

    def _activate(self, item: QListWidgetItem) -> None:
        finding: Finding | None = item.data(FINDING_ROLE)
        if finding is None or not finding.spans:
            return
        key = (finding.part, finding.check)
        index = self._next_span.get(key, 0) % len(finding.spans)
        self._next_span[key] = index + 1
        span = finding.spans[index]
        part = span.part or finding.part
        self.spanActivated.emit(part, span.start, span.end)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self._report is not None:
            self._render()  # item colours follow the new (light/dark) palette
