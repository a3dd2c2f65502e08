"""A small bar chart of the twelve seasonality weights, January to December."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner.months import MONTH_NAMES
from ui.charts.base import ChartView, nice_maximum
from ui.style import ACCENT


class SeasonalityChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Seasonality weights", "chart.seasonality", parent)
        self.series = QBarSeries()
        self.bars = QBarSet("Weight")
        self.bars.setColor(QColor(ACCENT))
        self.bars.append([1.0] * 12)
        self.series.append(self.bars)
        self.chart().addSeries(self.series)
        months = QBarCategoryAxis()
        months.setCategories([name[0] for name in MONTH_NAMES])
        self.values = QValueAxis()
        self.values.setLabelFormat("%.1f")
        self.values.setTickCount(3)
        for axis, side in ((months, Qt.AlignmentFlag.AlignBottom), (self.values, Qt.AlignmentFlag.AlignLeft)):
            self.axis_font(axis)
            self.chart().addAxis(axis, side)
            self.series.attachAxis(axis)
        self.chart().legend().setVisible(False)
        self.chart().setTitle("")
        self.setMinimumHeight(160)
        self.setMaximumHeight(200)

    def show_weights(self, weights: tuple[float, ...]) -> None:
        for index, weight in enumerate(weights[:12]):
            self.bars.replace(index, float(weight))
        self.values.setRange(0, nice_maximum(max(weights[:12], default=1)))
        self.values.applyNiceNumbers()
