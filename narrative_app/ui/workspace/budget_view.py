"""UI: the live time budget: each story's and the whole narrative's estimated time vs target.

Bars are green, amber or red from ``text.timing.budget_state``, in palette-derived colours,
and every state is also said in words, so colour is never the only signal. Updates while the
user types, at most a few times a second, recounting only the story whose text changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from narrative_app.domain import PART_ORDER, PartKind
from narrative_app.method.presets import format_seconds
from narrative_app.text.timing import (
    BudgetState,
    Estimate,
    TextStats,
    budget_state,
    seconds_for,
    text_stats,
    total_estimate,
)
from narrative_app.ui.widgets.common import make_muted, state_colour

if TYPE_CHECKING:
    from narrative_app.ui.controller import NarrativeController

UPDATE_MS = 150


class StatsCache:
    """Word statistics per story, recounted only when that story's draft changed."""

    def __init__(self) -> None:
        self._cache: dict[PartKind, tuple[str, TextStats]] = {}

    def stats(self, kind: PartKind, draft: str) -> TextStats:
        cached = self._cache.get(kind)
        if cached is not None and (cached[0] is draft or cached[0] == draft):
            return cached[1]
        result = text_stats(draft)
        self._cache[kind] = (draft, result)
        return result

    def estimate(self, kind: PartKind, draft: str, target: int, pace: float) -> Estimate:
        stats = self.stats(kind, draft)
        return Estimate(words=stats.words, seconds=seconds_for(stats, pace), target_seconds=target,
                        gaps=stats.gaps)


def state_words(estimate: Estimate) -> str:
    """The state in plain words (never colour alone)."""
    state = estimate.state
    if state is BudgetState.NONE:
        return BudgetView.tr_static("no target")
    if state is BudgetState.GREEN:
        return BudgetView.tr_static("within time")
    over = format_seconds(estimate.seconds - estimate.target_seconds)
    if state is BudgetState.AMBER:
        return BudgetView.tr_static("just over, by {over}").format(over=over)
    return BudgetView.tr_static("over by {over}").format(over=over)


def time_text(estimate: Estimate) -> str:
    if estimate.target_seconds <= 0:
        return format_seconds(estimate.seconds)
    return BudgetView.tr_static("{spent} of {target}").format(
        spent=format_seconds(estimate.seconds), target=format_seconds(estimate.target_seconds)
    )


class BudgetBar(QWidget):
    """A thin bar: filled to the estimate, with a tick where the target is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._state = BudgetState.NONE
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(120, 8)

    def set_value(self, estimate: Estimate) -> None:
        target = estimate.target_seconds
        # The track shows up to 125% of the target so "over" is visibly past the tick.
        scale = target * 1.25 if target > 0 else max(estimate.seconds, 1.0)
        self._fraction = max(0.0, min(1.0, estimate.seconds / scale))
        self._state = estimate.state
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = rect.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Midlight)
                         if palette.color(QPalette.ColorRole.Base).lightness() >= 128
                         else palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(rect, radius, radius)
        if self._fraction > 0:
            fill = QRectF(rect)
            fill.setWidth(max(rect.height(), rect.width() * self._fraction))
            painter.setBrush(state_colour(palette, self._state))
            painter.drawRoundedRect(fill, radius, radius)
        if self._state is not BudgetState.NONE:
            x = rect.left() + rect.width() / 1.25
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawLine(int(x), 0, int(x), self.height())
        painter.end()


class _Row:
    def __init__(self, parent: QWidget, name: str, *, bold: bool = False) -> None:
        self.name = QLabel(name, parent)
        self.state = make_muted(QLabel(parent))  # made before the time: read as seen
        self.state.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.time = QLabel(parent)
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.bar = BudgetBar(parent)
        if bold:
            for label in (self.name, self.time):
                font = label.font()
                font.setBold(True)
                label.setFont(font)
        self.estimate = Estimate(0, 0.0, 0)


class BudgetView(QWidget):
    """Per-story and total speaking time against the targets, updated as the user types."""

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._cache = StatsCache()
        self.setAccessibleName(self.tr("Time budget"))
        heading = QLabel(self.tr("Time"), self)
        font = heading.font()
        font.setWeight(font.Weight.DemiBold)
        heading.setFont(font)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self._rows: dict[PartKind | None, _Row] = {}
        line = 0
        for kind in (*PART_ORDER, None):
            name = kind.title.replace("Story of ", "") if kind else self.tr("Total")
            row = _Row(self, self.tr(name), bold=kind is None)
            self._rows[kind] = row
            grid.addWidget(row.name, line, 0)
            grid.addWidget(row.state, line, 1)
            grid.addWidget(row.time, line, 2)
            grid.addWidget(row.bar, line + 1, 0, 1, 3)
            grid.setRowMinimumHeight(line + 2, 6)
            line += 3
        grid.setColumnStretch(1, 1)
        self.pace_label = make_muted(QLabel(self))
        self.pace_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(self.pace_label)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UPDATE_MS)
        self._timer.timeout.connect(self.refresh)
        controller.narrativeOpened.connect(self.refresh)
        for signal in (controller.narrativeChanged, controller.metaChanged,
                       controller.runsChanged):
            signal.connect(self._schedule)
        self.refresh()

    @staticmethod
    def tr_static(text: str) -> str:
        return QCoreApplication.translate("BudgetView", text)

    def _schedule(self, *_args: object) -> None:
        # Not restarted while typing: updates come at most every UPDATE_MS, never starve.
        if not self._timer.isActive():
            self._timer.start()

    def refresh(self, *_args: object) -> None:
        """Recompute every row now from the controller's current narrative."""
        self._timer.stop()
        narrative = self._controller.current
        pace = float(self._controller.effective_pace()) if narrative else 0.0
        estimates: dict[PartKind, Estimate] = {}
        for kind in PART_ORDER:
            if narrative is None:
                estimates[kind] = Estimate(0, 0.0, 0)
                continue
            part = narrative.parts[kind]
            estimates[kind] = self._cache.estimate(kind, part.draft, part.target_seconds, pace)
        total = total_estimate(
            list(estimates.values()), pace, sum(e.target_seconds for e in estimates.values())
        )
        shown: list[tuple[PartKind | None, Estimate]] = [*estimates.items(), (None, total)]
        for row_kind, estimate in shown:
            self._show(self._rows[row_kind], estimate)
        if narrative is None:
            self.pace_label.setText(self.tr("Open a narrative to see its timing."))
        else:
            measured = round(pace) != int(narrative.pace_wpm)
            template = (self.tr("At your rehearsed pace of {wpm} words a minute.") if measured
                        else self.tr("At {wpm} words a minute."))
            self.pace_label.setText(template.format(wpm=round(pace)))

    def _show(self, row: _Row, estimate: Estimate) -> None:
        row.estimate = estimate
        row.time.setText(time_text(estimate))
        row.state.setText(state_words(estimate))
        row.bar.set_value(estimate)
        summary = f"{row.name.text()}: {row.time.text()}, {row.state.text()}"
        for widget in (row.bar, row.time):
            widget.setAccessibleName(summary)
            widget.setToolTip(summary)

    # ------------------------------------------------------------- for tests
    def state(self, kind: PartKind | None = None) -> BudgetState:
        """The state shown for a story (None: the total)."""
        row = self._rows[kind]
        return budget_state(row.estimate.seconds, row.estimate.target_seconds)

    def texts(self, kind: PartKind | None = None) -> tuple[str, str]:
        """(time text, state words) as shown for a story (None: the total)."""
        row = self._rows[kind]
        return row.time.text(), row.state.text()
