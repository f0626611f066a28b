"""UI: a small chart of per-part times across rehearsal runs, against each part's target.

One panel per part (Self, Us, Now); one bar per run, oldest on the left; a dashed line at the
part's target. Bars are green within the target, amber a little over and red well over, the
same states as the drafting budget. Painted with QPainter from the palette, so the app needs
nothing beyond PySide6-Essentials; the accessible description says the same in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from narrative_app.domain import PART_ORDER, PartKind, RehearsalRun
from narrative_app.method.presets import format_seconds
from narrative_app.text.timing import budget_state
from narrative_app.ui.rehearsal.theme import budget_colour

MAX_RUNS = 12


def part_series(runs: Sequence[RehearsalRun], kind: PartKind) -> tuple[list[float], int]:
    """Seconds for one part in each run (0 when the run did not include it) and its target.

    The target is the latest run's, since that is what the speaker is aiming at now.
    """
    seconds: list[float] = []
    target = 0
    for run in runs:
        split = next((s for s in run.splits if s.part is kind), None)
        seconds.append(split.seconds if split else 0.0)
        if split and split.target_seconds:
            target = split.target_seconds
    return seconds, target


class RunChart(QWidget):
    """Per-part times across the latest runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runs: list[RehearsalRun] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(160)
        self.setAccessibleName(self.tr("Chart of part times across runs"))

    def sizeHint(self) -> QSize:
        return QSize(640, 220)

    def set_runs(self, runs: Sequence[RehearsalRun]) -> None:
        self._runs = list(runs)[-MAX_RUNS:]
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
            seconds, target = part_series(self._runs, kind)
            lines.append(self.tr("{part}: latest {latest}, target {target}, over {n} runs").format(
                part=kind.title, latest=format_seconds(seconds[-1]),
                target=format_seconds(target), n=len(seconds)))
        return "; ".join(lines)

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
        kinds = self.kinds()
        gap = 24.0
        width = (self.width() - gap * (len(kinds) - 1)) / len(kinds)
        for i, kind in enumerate(kinds):
            rect = QRectF(i * (width + gap), 0, width, self.height())
            self._paint_panel(painter, rect, kind, text, muted)
        painter.end()

    def _paint_panel(self, painter: QPainter, rect: QRectF, kind: PartKind, text: object,
                     muted: object) -> None:
        palette = self.palette()
        seconds, target = part_series(self._runs, kind)
        metrics = self.fontMetrics()
        line = metrics.height()
        title_font = QFont(self.font())
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(text)
        caption = kind.title
        if target:
            caption = self.tr("{part} (target {target})").format(
                part=kind.title, target=format_seconds(target))
        painter.drawText(QRectF(rect.x(), rect.y(), rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft, caption)
        painter.setFont(self.font())
        plot = QRectF(rect.x(), rect.y() + line * 1.6, rect.width(), rect.height() - line * 3)
        top = max([target * 1.3, *seconds, 1.0]) * 1.05
        painter.setPen(QPen(muted, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        slot = plot.width() / max(len(seconds), 1)
        bar = max(3.0, slot * 0.62)
        for j, value in enumerate(seconds):
            height = plot.height() * value / top
            x = plot.x() + j * slot + (slot - bar) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(budget_colour(palette, budget_state(value, target)))
            painter.drawRect(QRectF(x, plot.bottom() - height, bar, height))
        if target:
            y = plot.bottom() - plot.height() * target / top
            pen = QPen(text, 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(muted)
        latest = self.tr("latest {time}").format(time=format_seconds(seconds[-1]))
        painter.drawText(QRectF(rect.x(), plot.bottom() + 2, rect.width(), line),
                         Qt.AlignmentFlag.AlignRight, latest)
        first = self.tr("run 1") if len(self._runs) < MAX_RUNS else self.tr("older")
        painter.drawText(QRectF(rect.x(), plot.bottom() + 2, rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft, first)
