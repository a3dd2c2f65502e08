"""Needed against supplied, added up month by month: where the lines cross is where the plan catches up.

The area between the lines is shaded in the months the plan is behind (the engine's timing),
amber for a plan that is late, red for one that is short (``planner.advice.health.level``). The
carry-over months, whose leads close next year, are shaded grey behind as next year's start.
"""

from __future__ import annotations

from PySide6.QtCharts import QAreaSeries, QBarCategoryAxis, QLineSeries
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QWidget

from planner.advice.health import behind_phrase, level
from planner.numbers import formatting as fmt
from planner.numbers.cumulative import cumulative_months
from planner.numbers.results import PlanResult
from ui import palette
from ui.charts.base import ChartView
from ui.charts.monthly import short_labels
from ui.charts.next_year import NEXT_YEAR, CarryOverBand, carry_over
from ui.style import ERROR, FAIR, GOOD, NEXT_YEAR_SHADE

BEHIND = "Behind"
SHADES = {"poor": ERROR, "fair": FAIR, "good": GOOD, "none": GOOD}


def behind_area(needed: list[float], supplied: list[float]) -> tuple[list[QPointF], list[QPointF]]:
    """The upper and lower edges of the area where needed is above supplied, meeting where the lines cross."""
    upper: list[QPointF] = []
    lower: list[QPointF] = []
    for m, (n, s) in enumerate(zip(needed, supplied, strict=True)):
        if m > 0:
            before = needed[m - 1] - supplied[m - 1]
            now = n - s
            if (before > 0) != (now > 0) and before != now:
                t = before / (before - now)  # where the lines cross between the two months
                y = needed[m - 1] + t * (n - needed[m - 1])
                upper.append(QPointF(m - 1 + t, y))
                lower.append(QPointF(m - 1 + t, y))
        upper.append(QPointF(m, n))
        lower.append(QPointF(m, min(n, s)))
    return upper, lower


def behind_bands(behind: list[int], top: float) -> list[QPointF]:
    """The top edge of bands over the behind months (0-based), full height over each run of them."""
    points: list[QPointF] = []
    runs: list[list[int]] = []
    for month in behind:
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    for run in runs:
        left, right = run[0] - 0.5, run[-1] + 0.5
        points += [QPointF(left, 0), QPointF(left, top), QPointF(right, top), QPointF(right, 0)]
    return points


class CumulativeChart(ChartView):
    """Two running totals and the shaded shortfall between them."""

    def __init__(self, name: str = "chart.cumulative", parent: QWidget | None = None) -> None:
        super().__init__("Sales-ready leads from the first month: needed against supplied", name, parent)
        chart = self.chart()
        self.x_axis = QBarCategoryAxis()
        self.month_axis = self.x_axis
        self.y_axis = self.number_axis("Sales-ready leads")
        # the behind months as light bands, and the shortfall itself between the two lines
        self.band_top, self.band_bottom = QLineSeries(), QLineSeries()
        self.band = QAreaSeries(self.band_top, self.band_bottom)
        self.band.setName(BEHIND)
        self.band.setPen(QPen(Qt.PenStyle.NoPen))
        self.upper, self.lower = QLineSeries(), QLineSeries()
        self.area = QAreaSeries(self.upper, self.lower)
        self.area.setName("Short so far")
        self.area.setPen(QPen(Qt.PenStyle.NoPen))
        self.needed, self.supplied = QLineSeries(), QLineSeries()
        self.needed.setName("Needed, added up")
        self.supplied.setName("Supplied, added up")
        for series, color in ((self.needed, palette.NEEDED), (self.supplied, palette.SUPPLIED)):
            pen = QPen(QColor(color))
            pen.setWidth(3)
            series.setPen(pen)
            series.setPointsVisible(True)
        for series in (self.band, self.area, self.needed, self.supplied):
            chart.addSeries(series)
        for axis, side in ((self.x_axis, Qt.AlignmentFlag.AlignBottom), (self.y_axis, Qt.AlignmentFlag.AlignLeft)):
            self.axis_font(axis)
            chart.addAxis(axis, side)
            for series in (self.band, self.area, self.needed, self.supplied):
                series.attachAxis(axis)
        self.next_year = CarryOverBand(chart, self.needed)  # behind the lines and the grid
        self.shade = ""  # the colour of the shortfall shown

    def show_result(self, result: PlanResult) -> None:
        months = cumulative_months(result)
        self.show_month_labels(short_labels(result))
        needed = [m.needed for m in months]
        supplied = [m.supplied for m in months]
        self.set_line(self.needed, needed)
        self.set_line(self.supplied, supplied)
        behind = any(m.behind for m in months)
        upper, lower = behind_area(needed, supplied) if behind else ([], [])
        self.set_points(self.upper, upper)
        self.set_points(self.lower, lower)
        color = SHADES.get(level(result), ERROR)
        if color != self.shade:
            self.shade = color
            for series, alpha in ((self.area, 140), (self.band, 45)):
                shade = QColor(color)
                shade.setAlpha(alpha)
                series.setBrush(shade)
        entries = [(self.needed.name(), palette.NEEDED), (self.supplied.name(), palette.SUPPLIED)]
        if behind:
            entries += [(self.area.name(), color), (self.band.name(), QColor(color).lighter(160).name())]
        later = carry_over(result)
        self.next_year.show(later)
        if later:
            entries.append((NEXT_YEAR, NEXT_YEAR_SHADE))
        self.legend_label.set_entries(entries)
        self.y_axis.show_span(0, max([*needed, *supplied, 1.0]), self.tick_room(self.y_axis))
        top = self.y_axis.ticks[-1]
        self.set_points(self.band_top, behind_bands([m.month - 1 for m in months if m.behind], top))
        self.set_points(self.band_bottom, [QPointF(-0.5, 0), QPointF(len(months) - 0.5, 0)])
        timing = behind_phrase(result)
        worst = result.timing.worst_shortfall
        self.describe(
            f"Needed {fmt.count(needed[-1] if needed else 0)} and supplied {fmt.count(supplied[-1] if supplied else 0)} "
            f"sales-ready leads by the last month"
            + (f"; {timing}, {fmt.count(worst)} short at worst" if timing else "; never behind")
        )
