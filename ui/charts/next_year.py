"""The carry-over months, shaded as next year's start (plan model v3).

A lead made in one of the last ``sales_cycle_months`` months closes after the plan: those months
build next year, not this year's number. A monthly chart marks them with a light band behind the
bars, from the first carry-over month to the last month, and says so in its legend ("Next year's
start"). The band is one item we paint, under the grid and the bars, repainted only when the
months it covers or the plot move (an edit of a rate does not touch it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QAbstractSeries, QChart
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem

from planner.numbers.results import PlanResult
from ui.style import NEXT_YEAR_SHADE

NEXT_YEAR = "Next year's start"
BAND_Z = 0.5  # above the plot's background (0), under the grid (1), the axes and the series


def carry_over(result: PlanResult) -> tuple[int, ...]:
    """The carry-over months (1-based): those whose leads close after the plan (``in_time`` False)."""
    return tuple(m.month for m in result.months if not m.in_time)


class CarryOverBand(QGraphicsItem):
    """A band behind the months ``first``..``last`` (1-based) of a chart's categories."""

    def __init__(self, chart: QChart, series: QAbstractSeries, color: str = NEXT_YEAR_SHADE) -> None:
        super().__init__(chart)  # (the chart's coordinates)
        self.chart, self.series = chart, series
        self.setZValue(BAND_Z)
        self.brush = QBrush(QColor(color))
        self.months: tuple[int, ...] = ()
        self.area = QRectF(chart.plotArea())
        chart.plotAreaChanged.connect(self._on_plot_area)

    def _on_plot_area(self, area: QRectF) -> None:
        self.prepareGeometryChange()
        self.area = QRectF(area)

    def show(self, months: tuple[int, ...]) -> None:
        """Shade ``months`` (1-based, consecutive, the last months of the plan); none when empty."""
        if months != self.months:
            self.months = months
            self.update()

    def band(self) -> QRectF:
        """Where the band is painted, in the chart's coordinates (empty without carry-over months)."""
        if not self.months:
            return QRectF()
        origin = self.chart.mapToPosition(QPointF(0, 0), self.series)
        step = self.chart.mapToPosition(QPointF(1, 0), self.series).x() - origin.x()
        left = origin.x() + (self.months[0] - 1.5) * step
        right = origin.x() + (self.months[-1] - 0.5) * step
        return QRectF(QPointF(left, self.area.top()), QPointF(right, self.area.bottom())).intersected(self.area)

    def boundingRect(self) -> QRectF:
        return self.area

    def paint(self, painter: QPainter, _option: Any, _widget: Any = None) -> None:
        band = self.band()
        if band.isEmpty():
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.brush)
        painter.drawRect(band)
