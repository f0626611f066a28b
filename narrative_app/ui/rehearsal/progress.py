"""UI: the rehearsal view's progress by part, a row of segments painted from the palette.

Each part gets a segment as wide as its share of the total target; the segment fills as the
part is told and turns red once it runs over. The same facts are given as text to screen
readers through the accessible description.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from narrative_app.method.presets import format_seconds
from narrative_app.rehearsal.engine import TimerState
from narrative_app.ui.rehearsal.theme import accent, muted, timer_colour


@dataclass(frozen=True)
class SegmentState:
    title: str
    elapsed: float
    target: int
    state: TimerState
    current: bool
    done: bool


class PartProgress(QWidget):
    """Progress through the parts of a telling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._segments: list[SegmentState] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(14)
        self.setAccessibleName(self.tr("Progress by part"))

    def sizeHint(self) -> QSize:
        return QSize(360, max(14, self.fontMetrics().height()))

    def set_segments(self, segments: list[SegmentState]) -> None:
        if self._key(segments) == self._key(self._segments):
            return  # repaint only when a whole second or a state has changed
        self._segments = list(segments)
        parts = [
            self.tr("{title}: {elapsed} of {target}").format(
                title=s.title, elapsed=format_seconds(s.elapsed), target=format_seconds(s.target)
            )
            for s in segments
        ]
        self.setAccessibleDescription("; ".join(parts))
        self.setToolTip("\n".join(parts))
        self.update()

    @staticmethod
    def _key(segments: list[SegmentState]) -> list[tuple[object, ...]]:
        return [(s.title, int(s.elapsed), s.target, s.state, s.current, s.done) for s in segments]

    def segments(self) -> list[SegmentState]:
        return list(self._segments)

    def paintEvent(self, _event: object) -> None:
        if not self._segments:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        gap = max(4.0, self.height() * 0.4)
        weights = [max(s.target, 0) for s in self._segments]
        if sum(weights) <= 0:
            weights = [1] * len(self._segments)
        usable = self.width() - gap * (len(self._segments) - 1)
        x = 0.0
        radius = self.height() / 4
        for segment, weight in zip(self._segments, weights, strict=True):
            width = usable * weight / sum(weights)
            rect = QRectF(x, 1, max(2.0, width), self.height() - 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Button))
            painter.drawRoundedRect(rect, radius, radius)
            share = 1.0 if segment.target <= 0 and segment.elapsed > 0 else 0.0
            if segment.target > 0:
                share = min(1.0, segment.elapsed / segment.target)
            if segment.done and segment.state is not TimerState.OVER:
                fill = muted(palette)
            elif segment.state is TimerState.OVER:
                fill = timer_colour(palette, TimerState.OVER)
            else:
                fill = accent(palette)
            if share > 0:
                painter.setBrush(fill)
                painter.drawRoundedRect(QRectF(rect.x(), rect.y(), rect.width() * share,
                                               rect.height()), radius, radius)
            if segment.current:
                pen = QPen(palette.color(QPalette.ColorRole.WindowText))
                pen.setWidthF(2.0)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 0, -1, 0), radius, radius)
            x += width + gap
        painter.end()
