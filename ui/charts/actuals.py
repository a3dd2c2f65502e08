"""Plan vs actual by month, cumulative: the leads needed, the plan's supply, the actuals and the forecast.

The forecast starts at the last month with actual sales-ready leads and adds the plan's supply
after it (PRODUCT.md, "Actuals"); the figures come from :func:`planner.advice.tracking.cumulative`.
The series are made once and updated in place with ``replace``, only when their points change.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QWidget

from planner.advice import tracking
from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult
from ui import palette
from ui.charts.base import ChartView
from ui.charts.monthly import short_labels

# name, colour, width, dashed, points
LINES: tuple[tuple[str, str, int, bool, bool], ...] = (
    ("Needed (plan)", palette.NEEDED, 3, False, False),
    ("Supplied (plan)", palette.SUPPLIED, 2, True, False),
    ("Actual", palette.ACTUAL, 4, False, True),
    ("Forecast at this pace", palette.FORECAST, 3, True, False),
)


class ActualsChart(ChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sales-ready leads to date: plan vs actual", "chart.actuals", parent)
        self.x_axis = QBarCategoryAxis()
        self.month_axis = self.x_axis
        self.y_axis = self.number_axis("Sales-ready leads, cumulative")
        for axis, side in ((self.x_axis, Qt.AlignmentFlag.AlignBottom), (self.y_axis, Qt.AlignmentFlag.AlignLeft)):
            self.axis_font(axis)
            self.chart().addAxis(axis, side)
        self.lines: dict[str, QLineSeries] = {}
        for name, colour, width, dashed, points in LINES:
            series = QLineSeries()
            series.setName(name)
            pen = QPen(QColor(colour))
            pen.setWidth(width)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            series.setPen(pen)
            series.setPointsVisible(points)
            self.chart().addSeries(series)
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
            self.lines[name] = series

    def points(self, name: str) -> list[tuple[float, float]]:
        """A series' points (month index, value), for tests and the description."""
        return [(p.x(), p.y()) for p in self.lines[name].points()]

    def _set(self, name: str, values: Sequence[float], first: int = 0) -> None:
        self.set_line(self.lines[name], values, first)

    def show_result(self, result: PlanResult) -> None:
        self.show_month_labels(short_labels(result))
        figures = tracking.cumulative(result)
        names = [name for name, *_ in LINES]
        self._set(names[0], figures.needed)
        self._set(names[1], figures.supplied)
        self._set(names[2], figures.actual)
        self._set(names[3], figures.forecast, first=max(0, len(figures.actual) - 1))
        if self.lines[names[3]].isVisible() != bool(figures.forecast):
            self.lines[names[3]].setVisible(bool(figures.forecast))
        self.legend_label.set_entries([(name, colour) for name, colour, *_ in LINES if self.lines[name].isVisible()])
        top = max([*figures.needed, *figures.supplied, *figures.actual, *figures.forecast, 0.0])
        self.y_axis.show_span(0, top, self.tick_room(self.y_axis))
        self.describe(self.description(result, figures))

    @staticmethod
    def description(result: PlanResult, figures: tracking.Cumulative) -> str:
        needed = figures.needed[-1] if figures.needed else 0.0
        if not figures.actual:
            return f"No actual sales-ready leads yet; the plan needs {fmt.count(needed)} over the year"
        through = result.months[len(figures.actual) - 1].label
        return (
            f"{fmt.count(figures.actual[-1])} actual sales-ready leads to {through} against "
            f"{fmt.count(figures.needed[len(figures.actual) - 1])} needed; at this pace "
            f"{fmt.count(figures.forecast[-1])} of the {fmt.count(needed)} needed over the year"
        )
