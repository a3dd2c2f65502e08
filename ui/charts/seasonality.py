"""A small bar chart of the twelve seasonality weights, January to December (twelve distinct labels)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner.plan.months import MONTH_NAMES
from ui.charts.base import ChartView
from ui.palette import STAGE


class SeasonalityChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Seasonality weights by calendar month", "chart.seasonality", parent)
        self.series = QBarSeries()
        self.bars = QBarSet("Weight")
        self.bars.setColor(QColor(STAGE))
        self.bars.setBorderColor(QColor(STAGE))
        self.bars.append([1.0] * 12)
        self.series.append(self.bars)
        self.chart().addSeries(self.series)
        self.months = QBarCategoryAxis()
        self.months.setCategories(list(MONTH_NAMES))
        self.values = self.number_axis()
        for axis, side in ((self.months, Qt.AlignmentFlag.AlignBottom), (self.values, Qt.AlignmentFlag.AlignLeft)):
            self.axis_font(axis)
            self.chart().addAxis(axis, side)
            self.series.attachAxis(axis)
        self.title_label.hide()  # the section heading above says what it is
        self.setMinimumHeight(170)
        self.setMaximumHeight(220)

    def show_weights(self, weights: tuple[float, ...]) -> None:
        for index, weight in enumerate(weights[:12]):
            if self.bars.at(index) != float(weight):
                self.bars.replace(index, float(weight))
        self.values.show_span(0, max(weights[:12], default=1) * 1.05, 2)

    def tick_room(self, axis: object) -> int:
        return 2

    def labels(self) -> list[str]:
        return list(self.months.categories())

    def tallest_month(self) -> str:
        """The label under the highest bar."""
        values = [self.bars.at(i) for i in range(self.bars.count())]
        return self.labels()[values.index(max(values))]
