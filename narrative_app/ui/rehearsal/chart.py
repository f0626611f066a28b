"""UI: a small chart of per-part times and of the pace across rehearsal runs.

One panel per part (Self, Us, Now); one bar per run, oldest on the left, each judged against
that run's own target (a peer-practice run's 1:00 slot never re-judges the others) and
marked with a dash at it. Bars are green within, amber just over and red over: the timers'
``time_status``. A last panel (``pace_chart.PacePanel``) draws the pace across the same runs:
by key presses, and as heard when the app listened. Painted with QPainter from the palette,
so the app needs nothing beyond PySide6-Essentials; the accessible description says the same
in words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from narrative_app.domain import PART_ORDER, PartKind, RehearsalRun
from narrative_app.method.presets import format_seconds
from narrative_app.rehearsal.display import TimeStatus, status_words, time_status
from narrative_app.rehearsal.pace import pace_trend
from narrative_app.ui.rehearsal.pace_chart import PacePanel
from narrative_app.ui.rehearsal.theme import status_colour

MAX_RUNS = 12


def part_series(runs: Sequence[RehearsalRun], kind: PartKind) -> tuple[list[float], list[int]]:
    """Seconds for one part in each run (0 when the run did not include it) and that run's
    own target for the part (0 when it had none)."""
    seconds: list[float] = []
    targets: list[int] = []
    for run in runs:
        split = next((s for s in run.splits if s.part is kind), None)
        seconds.append(split.seconds if split else 0.0)
        targets.append(split.target_seconds if split else 0)
    return seconds, targets


@dataclass(frozen=True)
class Bar:
    """One run's time for a part, judged against that run's own target."""

    seconds: float
    target: int
    status: TimeStatus


def part_bars(runs: Sequence[RehearsalRun], kind: PartKind) -> list[Bar]:
    seconds, targets = part_series(runs, kind)
    return [Bar(s, t, time_status(s, t)) for s, t in zip(seconds, targets, strict=True)]


class RunChart(QWidget):
    """Per-part times across the latest runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runs: list[RehearsalRun] = []
        self._aims: dict[PartKind, int] = {}
        self.pace = PacePanel(pace_trend([]), 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Chart of part times and pace across runs"))

    def minimumSizeHint(self) -> QSize:
        """Room for three caption lines, the bars and the axis text at any text size."""
        return QSize(160, max(160, self.fontMetrics().height() * 11))

    def sizeHint(self) -> QSize:
        return QSize(800, 220)

    def set_runs(self, runs: Sequence[RehearsalRun],
                 aims: Mapping[PartKind, int] | None = None) -> None:
        """``aims``: the narrative's targets now, for the captions (a peer-practice run's
        short slot is that run's own target, not what the speaker is aiming at)."""
        self._runs = list(runs)[-MAX_RUNS:]
        self._aims = dict(aims or {})
        self.pace = PacePanel(pace_trend(self._runs), len(self._runs))
        self.setAccessibleDescription(self.describe())
        self.update()

    def kinds(self) -> list[PartKind]:
        used = [k for k in PART_ORDER if any(s.part is k for r in self._runs for s in r.splits)]
        return used or list(PART_ORDER)

    def describe(self) -> str:
        if not self._runs:
            return self.tr("No runs yet.")
        lines = []
        for kind in self.kinds():
            bars = part_bars(self._runs, kind)
            latest, target = bars[-1].seconds, bars[-1].target
            within = sum(1 for bar in bars if bar.status is TimeStatus.WITHIN)
            lines.append(self.tr(
                "{part}: latest {latest} of {target}, {state}; {within} of {n} runs within "
                "their own target").format(
                part=kind.title, latest=format_seconds(latest), target=format_seconds(target),
                state=status_words(time_status(latest, target), latest, target, self.tr),
                within=within, n=len(bars)))
        return "; ".join(lines) + ". " + self.pace.describe() + "."

    def caption(self, kind: PartKind, width: float = 0.0) -> str:
        """A panel's title: the part, and the narrative's target for it now; shortened
        ("Self, aiming at 2:00") where ``width`` pixels cannot hold the whole of it."""
        aim = self._aims.get(kind, 0)
        short = kind.title.removeprefix("Story of ")
        if not aim:
            choices = [kind.title, short]
        else:
            target = format_seconds(aim)
            choices = [self.tr("{part} (now aiming at {target})").format(part=kind.title,
                                                                         target=target),
                       self.tr("{part}, aiming at {target}").format(part=short, target=target),
                       self.tr("{part}: {target}").format(part=short, target=target)]
        if width <= 0:
            return choices[0]
        metrics = QFontMetricsF(self._title_font())
        return next((c for c in choices if metrics.horizontalAdvance(c) <= width), choices[-1])

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        return font

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if not self._runs:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Your part times will appear here after your first run."))
            painter.end()
            return
        for kind, rect in zip(self.kinds(), self.panels(), strict=False):
            self._paint_panel(painter, rect, kind, text, muted)
        if not self.pace.trend.empty:
            self.pace.paint(painter, self.panels()[-1], palette, self.fontMetrics())
        painter.end()

    def panels(self) -> list[QRectF]:
        """The panels' rectangles, left to right: each part's, then the pace's if any."""
        count = len(self.kinds()) + (0 if self.pace.trend.empty else 1)
        gap = 24.0
        width = (self.width() - gap * (count - 1)) / count
        return [QRectF(i * (width + gap), 0, width, self.height()) for i in range(count)]

    def _paint_panel(self, painter: QPainter, rect: QRectF, kind: PartKind, text: QColor,
                     muted: QColor) -> None:
        palette = self.palette()
        seconds, targets = part_series(self._runs, kind)
        metrics = self.fontMetrics()
        line = metrics.height()
        painter.setFont(self._title_font())
        painter.setPen(text)
        caption = self.caption(kind, rect.width())
        # A caption still too wide for its panel (large text, a narrow window) wraps.
        title_metrics = QFontMetrics(self._title_font())
        needed = title_metrics.boundingRect(
            QRectF(rect.x(), rect.y(), rect.width(), line * 3).toRect(),
            int(Qt.TextFlag.TextWordWrap), caption).height()
        lines = min(3, max(1, -(-needed // title_metrics.height())))
        painter.drawText(QRectF(rect.x(), rect.y(), rect.width(), line * lines),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, caption)
        painter.setFont(self.font())
        plot = QRectF(rect.x(), rect.y() + line * (lines + 0.6), rect.width(),
                      rect.height() - line * (lines + 2))
        top = max([max(targets) * 1.3, *seconds, 1.0]) * 1.05
        painter.setPen(QPen(muted, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        slot = plot.width() / max(len(seconds), 1)
        bar = max(3.0, slot * 0.62)
        for j, one in enumerate(part_bars(self._runs, kind)):
            value, target = one.seconds, one.target
            height = plot.height() * value / top
            x = plot.x() + j * slot + (slot - bar) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(status_colour(palette, one.status) if target
                             else palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(QRectF(x, plot.bottom() - height, bar, height))
            if target:  # this run's own target, a dash across its bar
                y = plot.bottom() - plot.height() * target / top
                painter.setPen(QPen(text, 2.0))
                painter.drawLine(QPointF(x - bar * 0.15, y), QPointF(x + bar * 1.15, y))
        painter.setPen(muted)
        latest = self.tr("latest {time}").format(time=format_seconds(seconds[-1]))
        painter.drawText(QRectF(rect.x(), plot.bottom() + 2, rect.width(), line),
                         Qt.AlignmentFlag.AlignRight, latest)
        first = self.tr("run 1") if len(self._runs) < MAX_RUNS else self.tr("older")
        painter.drawText(QRectF(rect.x(), plot.bottom() + 2, rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft, first)
