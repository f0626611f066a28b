"""UI: the pace panel of the history chart: words a minute across runs, keyed and heard.

Two series over the same runs as the part panels (oldest on the left, one slot a run): the
key-press pace (draft words over the time between key presses) as a solid line with hollow
circles, and the pace the app heard as a dashed line with filled squares, so the two differ
by more than colour. A legend names them and a light band marks the usual pace of personal
speech. ``PacePanel`` only lays out and paints; ``RunChart`` owns it and says the same in
words. Colours from the palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QPen

from narrative_app.rehearsal.pace import PacePoint, PaceTrend
from narrative_app.ui.rehearsal.speech_text import USUAL_BAND

MARKER = 3.5  # half the marker's width


def _tr(text: str) -> str:
    return QCoreApplication.translate("PacePanel", text)


@dataclass(frozen=True)
class Series:
    """How one pace series is drawn, and its name in the legend."""

    key: str  # "keyed" or "heard"
    name: str
    line: Qt.PenStyle
    marker: str  # "circle" (hollow) or "square" (filled)


class PacePanel:
    """Lays out and paints the pace trend in a rectangle of the chart."""

    def __init__(self, trend: PaceTrend, runs: int) -> None:
        self.trend = trend
        self.runs = max(runs, 1)
        self.series = (
            Series("keyed", _tr("by key presses"), Qt.PenStyle.SolidLine, "circle"),
            Series("heard", _tr("heard"), Qt.PenStyle.DashLine, "square"),
        )

    def points_of(self, key: str) -> list[PacePoint]:
        return self.trend.keyed if key == "keyed" else self.trend.heard

    def scale(self) -> tuple[float, float]:
        """The lowest and highest words a minute on the panel (the usual band always shows)."""
        values = [p.wpm for p in (*self.trend.keyed, *self.trend.heard)]
        low = min([USUAL_BAND[0] - 20.0, *values])
        high = max([USUAL_BAND[1] + 20.0, *values])
        return low, high

    def y(self, plot: QRectF, wpm: float) -> float:
        low, high = self.scale()
        return plot.bottom() - plot.height() * (wpm - low) / (high - low)

    def geometry(self, plot: QRectF) -> dict[str, list[QPointF]]:
        """Where each series' points go in ``plot``: one slot a run, as the bars are."""
        slot = plot.width() / self.runs
        return {s.key: [QPointF(plot.x() + (p.run + 0.5) * slot, self.y(plot, p.wpm))
                        for p in self.points_of(s.key)] for s in self.series}

    def legend_places(self, width: float, metrics: QFontMetrics) -> list[tuple[float, int]]:
        """Where each legend entry starts: (x from the panel's left, row). An entry that would
        run past ``width`` starts a new row, so a narrow panel never cuts a name off."""
        places: list[tuple[float, int]] = []
        x, row = 0.0, 0
        for series in self.series:
            needed = 26 + metrics.horizontalAdvance(series.name)
            if x > 0 and x + needed > width:
                x, row = 0.0, row + 1
            places.append((x, row))
            x += needed + 14
        return places

    def plot_rect(self, rect: QRectF, metrics: QFontMetrics) -> QRectF:
        """The plotting area of a panel in ``rect``: below the title and the legend."""
        line = metrics.height()
        rows = 1 + max((row for _, row in self.legend_places(rect.width(), metrics)), default=0)
        top = rect.y() + line * (1.3 + 1.2 * rows)
        return QRectF(rect.x(), top, rect.width(), rect.bottom() - line * 1.4 - top)

    def drawn(self, rect: QRectF, metrics: QFontMetrics) -> dict[str, list[QPointF]]:
        """Each series' points as painted in a panel at ``rect``."""
        return self.geometry(self.plot_rect(rect, metrics))

    def paint(self, painter: QPainter, rect: QRectF, palette: QPalette,
              metrics: QFontMetrics) -> None:
        line = metrics.height()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        colours = {"keyed": text, "heard": palette.color(QPalette.ColorRole.Highlight)}
        body = painter.font()
        title = QFont(body)
        title.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title)
        painter.setPen(text)
        painter.drawText(QRectF(rect.x(), rect.y(), rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft, _tr("Pace, words a minute"))
        painter.setFont(body)
        legend_y = rect.y() + line * 1.2
        self._paint_legend(painter, QRectF(rect.x(), legend_y, rect.width(), line), colours,
                           palette, metrics)
        plot = self.plot_rect(rect, metrics)
        band = QRectF(plot.x(), self.y(plot, USUAL_BAND[1]), plot.width(),
                      self.y(plot, USUAL_BAND[0]) - self.y(plot, USUAL_BAND[1]))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRect(band)
        painter.setPen(muted)
        painter.drawText(band.adjusted(2, 0, -2, 0), Qt.AlignmentFlag.AlignRight
                         | Qt.AlignmentFlag.AlignTop,
                         _tr("usual {low}-{high}").format(low=USUAL_BAND[0],
                                                               high=USUAL_BAND[1]))
        painter.setPen(QPen(muted, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        geometry = self.geometry(plot)
        for series in self.series:
            self._paint_series(painter, geometry[series.key], series, colours[series.key],
                               palette)
        low, high = self.scale()
        painter.setPen(muted)
        for value, flag in ((high, Qt.AlignmentFlag.AlignTop), (low, Qt.AlignmentFlag.AlignBottom)):
            painter.drawText(plot.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignLeft | flag,
                             str(round(value)))

    def _paint_series(self, painter: QPainter, points: list[QPointF], series: Series,
                      colour: QColor, palette: QPalette) -> None:
        if not points:
            return
        pen = QPen(colour, 2.0)
        pen.setStyle(series.line)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(points) > 1:
            painter.drawPolyline(points)
        painter.setPen(QPen(colour, 1.5))
        for point in points:
            self._marker(painter, point, series, colour, palette)

    @staticmethod
    def _marker(painter: QPainter, at: QPointF, series: Series, colour: QColor,
                palette: QPalette) -> None:
        box = QRectF(at.x() - MARKER, at.y() - MARKER, 2 * MARKER, 2 * MARKER)
        if series.marker == "square":
            painter.setBrush(QBrush(colour))
            painter.drawRect(box)
        else:
            painter.setBrush(palette.color(QPalette.ColorRole.Window))
            painter.drawEllipse(box)

    def _paint_legend(self, painter: QPainter, row: QRectF, colours: dict[str, QColor],
                      palette: QPalette, metrics: QFontMetrics) -> None:
        places = self.legend_places(row.width(), metrics)
        for series, (offset, line) in zip(self.series, places, strict=True):
            x = row.x() + offset
            top = row.y() + line * row.height() * 1.2
            middle = top + row.height() / 2
            pen = QPen(colours[series.key], 2.0)
            pen.setStyle(series.line)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, middle), QPointF(x + 22, middle))
            painter.setPen(QPen(colours[series.key], 1.5))
            self._marker(painter, QPointF(x + 11, middle), series, colours[series.key], palette)
            painter.setPen(colours["keyed"])
            width = metrics.horizontalAdvance(series.name)
            painter.drawText(QRectF(x + 26, top, width + 4, row.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             series.name)

    def describe(self) -> str:
        """The pace trend in words, for the chart's accessible description."""
        if self.trend.empty:
            return _tr("Pace: no run told at a believable pace yet.")
        parts = []
        for series in self.series:
            points = self.points_of(series.key)
            if points:
                parts.append(_tr("{name} {paces}").format(
                    name=series.name, paces=", ".join(str(round(p.wpm)) for p in points)))
        return _tr("Pace in words a minute, oldest first: {series}; the usual band is "
                        "{low} to {high}").format(series="; ".join(parts), low=USUAL_BAND[0],
                                                  high=USUAL_BAND[1])
