"""What the charts share: large readable type, a white background, stacked monthly bars.

Only ``ui/charts`` imports QtCharts, so the app starts without loading it until a chart
is first built.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from ui.style import SERIES

TITLE_SIZE = 15
LABEL_SIZE = 12
MAX_SERIES = 8  # more contributors than this are added up as "Others"


def font(size: int, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(size + 2)
    result.setBold(bold)
    return result


def nice_maximum(value: float) -> float:
    """A round top for a value axis (1, 2, 2.5, 5 x a power of ten) above ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** len(str(int(value))) / 10 if value >= 1 else 1.0
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value * 1.05:
            return step * power
    return 10 * power


def top_contributors(
    rows: Sequence[tuple[str, Sequence[float]]], limit: int = MAX_SERIES
) -> list[tuple[str, list[float]]]:
    """The largest rows by total; the rest added up as one "Others" row. Empty rows dropped."""
    kept = [(name, list(values)) for name, values in rows if sum(values) > 0]
    if len(kept) <= limit:
        return kept
    kept.sort(key=lambda row: -sum(row[1]))
    head, tail = kept[: limit - 1], kept[limit - 1 :]
    others = [sum(column) for column in zip(*(values for _, values in tail), strict=True)]
    return [*head, ("Others", others)]


class ChartView(QChartView):
    """A chart with the app's look; subclasses fill it from a PlanResult."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(font(TITLE_SIZE, bold=True))
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(8, 8, 8, 8))
        chart.legend().setFont(font(LABEL_SIZE))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QColor("white"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(300)

    def set_type_size(self, title: int, labels: int) -> None:
        """Larger (or smaller) type for the title, the axes and the legend."""
        self.chart().setTitleFont(font(title, bold=True))
        for axis in self.chart().axes():
            axis.setLabelsFont(font(labels))
            axis.setTitleFont(font(labels))
        self.chart().legend().setFont(font(labels - 1))

    def axis_font(self, axis: QValueAxis | QBarCategoryAxis) -> None:
        axis.setLabelsFont(font(LABEL_SIZE))
        axis.setTitleFont(font(LABEL_SIZE))


class StackedMonthsChart(ChartView):
    """Stacked bars by month (one set per contributor), reused while the contributors stay."""

    def __init__(self, title: str, name: str, y_title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, name, parent)
        self.y_title = y_title
        self.bars = QStackedBarSeries()
        self.chart().addSeries(self.bars)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setTitleText(y_title)
        self.y_axis.setLabelFormat("%.0f")
        for axis, side in ((self.x_axis, Qt.AlignmentFlag.AlignBottom), (self.y_axis, Qt.AlignmentFlag.AlignLeft)):
            self.axis_font(axis)
            self.chart().addAxis(axis, side)
            self.bars.attachAxis(axis)
        self.sets: list[QBarSet] = []
        self.set_names: list[str] = []
        self.categories: list[str] = []

    def show_months(self, labels: list[str], rows: list[tuple[str, list[float]]],
                    colors: dict[str, str] | None = None) -> None:  # fmt: skip
        if labels != self.categories:
            self.categories = labels
            self.x_axis.setCategories(labels)
            self.x_axis.setLabelsAngle(-90 if len(labels) > 18 else 0)
        names = [name for name, _ in rows]
        if names != self.set_names:
            self.bars.clear()
            self.sets = []
            for index, name in enumerate(names):
                bar_set = QBarSet(name)
                color = (colors or {}).get(name, SERIES[index % len(SERIES)])
                bar_set.setColor(QColor(color))
                bar_set.setBorderColor(QColor(color))
                self.sets.append(bar_set)
            self.bars.append(self.sets)
            self.set_names = names
        for bar_set, (_, values) in zip(self.sets, rows, strict=True):
            if bar_set.count() != len(values):
                bar_set.remove(0, bar_set.count())
                bar_set.append(values)
            else:
                for month, value in enumerate(values):
                    if bar_set.at(month) != value:
                        bar_set.replace(month, value)
        self.chart().legend().setVisible(bool(rows))
