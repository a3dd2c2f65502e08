"""What the charts share: large readable type, a white background, stacked monthly bars.

A chart never cuts a label: its title and its legend are word-wrapping labels above and below
the plot (``title_label``, ``legend_label``, laid out by :class:`ui.charts.slot.ChartSlot`),
value axes have round ticks written ``1k``/``10k`` (:class:`NumberAxis`), and month labels
turn upright, or show every other month, when they would run into each other.

Only ``ui/charts`` imports QtCharts, so the app starts without loading it until a chart
is first built.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QSizePolicy, QWidget

from planner.numbers.axis import nice_ticks
from ui.charts.ticks import short_number
from ui.palette import SOURCES

TITLE_SIZE = 15
LABEL_SIZE = 12
MAX_SERIES = 8  # more contributors than this are added up as "Others" (planner.numbers.breakdown.top_with_others)
FEW_BARS = 3  # a bar set with more values changed than this is refilled, not replaced value by value
LegendEntry = tuple[str, str]  # (name, colour)


def font(size: int, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(size + 2)
    result.setBold(bold)
    return result


@functools.cache
def label_metrics(size: int) -> QFontMetrics:
    """The measures of the axes' labels at ``size`` (the same for every chart: made once)."""
    return QFontMetrics(font(size))


def chart_title_label(title: str, name: str) -> QLabel:
    """A chart's title above it: wraps instead of being cut."""
    label = QLabel(title)
    label.setObjectName(f"{name}.title")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    size_label(label, TITLE_SIZE, bold=True)
    return label


def size_label(label: QLabel, size: int, bold: bool = False) -> None:
    """The label's type size (by stylesheet: the app's stylesheet would override a font set in code)."""
    label.setFont(font(size, bold))
    weight = "font-weight: 600;" if bold else ""
    label.setStyleSheet(f"background: white; padding: 2px 8px; font-size: {size + 2}px; {weight}")


class LegendLabel(QLabel):
    """The series of a chart as coloured squares and full names, wrapping onto more lines."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}.legend")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        size_label(self, LABEL_SIZE)
        self.entries: list[LegendEntry] = []

    def set_entries(self, entries: Sequence[LegendEntry]) -> None:
        entries = list(entries)
        if entries == self.entries:
            return
        self.entries = entries
        shown = [
            f'<span style="color:{color}; font-size:large">&#9632;</span>&nbsp;{escape(name).replace(" ", "&nbsp;")}'
            for name, color in entries
        ]
        self.setText(" &nbsp; ".join(shown))  # a plain space between entries: the line may break there
        self.setAccessibleName("Legend: " + ", ".join(name for name, _ in entries))
        self.setVisible(bool(entries))

    def names(self) -> list[str]:
        return [name for name, _ in self.entries]


HOLD_ABOVE = 0.5  # a value axis keeps its scale while its figures reach at least this share of its top


class NumberAxis(QCategoryAxis):
    """A value axis with round ticks (1, 2, 2.5 or 5 x a power of ten), labelled 500, 1k, 10k, 1.5M."""

    def __init__(self, signed: bool = False) -> None:
        super().__init__()
        self.signed = signed
        self.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.span: tuple[float, float] = (0.0, 1.0)
        self.most = 5
        self.ticks: list[float] = []

    def show_span(self, low: float, high: float, most: int | None = None) -> None:
        """Ticks from ``low`` (0 or a negative mirror of ``high``) up past ``high``, ``most`` steps at most.

        From 0 up, the scale holds while the figures stay under its top and over half of it: typing
        a win rate or dragging a slider then moves the bars against a fixed scale (the change shows,
        and QtCharts does not lay out the whole chart again for a new axis)."""
        holds = low == 0 and self.ticks[:1] == [0] and HOLD_ABOVE * self.ticks[-1] <= high <= self.ticks[-1]
        self.span = (low, high)
        if holds and (most or self.most) == self.most:
            return
        self.most = most or self.most
        if low < 0:
            reach = nice_ticks(max(abs(low), high), max(1, self.most // 2))
            ticks = [-v for v in reversed(reach[1:])] + reach
        else:
            ticks = nice_ticks(high, self.most)
        if ticks == self.ticks:
            return
        self.ticks = ticks
        for label in list(self.categoriesLabels()):
            self.remove(label)
        self.setStartValue(ticks[0])
        for value in ticks:
            self.append(short_number(value, signed=self.signed), value)
        self.setRange(ticks[0], ticks[-1])

    def labels(self) -> list[str]:
        return list(self.categoriesLabels())


class ChartView(QChartView):
    """A chart with the app's look; subclasses fill it from a PlanResult."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 8, 4))
        chart.legend().setVisible(False)  # drawn below, by legend_label, which wraps
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        super().__init__(chart, parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.title_label = chart_title_label(title, name)
        self.legend_label = LegendLabel(name)
        self.legend_label.hide()
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # an edit repaints one rectangle around what moved (a line spans the plot anyway) rather than
        # a region of many small ones: the supply chart's repaint after a new win rate went from
        # 2.6-2.9 ms to 1.4-1.6 ms (large plan)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setBackgroundBrush(QColor("white"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(240)
        self.label_size = LABEL_SIZE
        self.number_axes: list[NumberAxis] = []
        self.month_axis: QBarCategoryAxis | None = None  # months along the bottom, fitted to the width
        self.month_labels: list[str] = []
        self.categories: list[str] = []
        self.shown_points: dict[int, tuple[object, ...]] = {}  # id(series) -> what it shows

    def set_line(self, series: QXYSeries, values: Sequence[float], first: float = 0) -> None:
        """The series' points (first + i, value), replaced in place, and only when they changed:
        an edit that leaves a line as it was costs the chart no new layout or repaint."""
        shown = (first, *values)
        if self.shown_points.get(id(series)) != shown:
            self.shown_points[id(series)] = shown
            series.replace([QPointF(first + i, v) for i, v in enumerate(values)])

    def describe(self, text: str) -> None:
        """The chart in words, for screen readers (set only when it changes)."""
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    def set_points(self, series: QXYSeries, points: Sequence[QPointF]) -> None:
        """Like :meth:`set_line`, for points at any x (an area's edges)."""
        shown = tuple(v for point in points for v in (point.x(), point.y()))
        if self.shown_points.get(id(series)) != shown:
            self.shown_points[id(series)] = shown
            series.replace(list(points))

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.setAccessibleName(title)

    def set_type_size(self, title: int, labels: int) -> None:
        """Larger (or smaller) type for the title, the axes and the legend."""
        self.label_size = labels
        size_label(self.title_label, title, bold=True)
        for axis in self.chart().axes():
            axis.setLabelsFont(font(labels))
            axis.setTitleFont(font(labels))
        size_label(self.legend_label, labels - 1)
        self.fit_axes()

    def axis_font(self, axis: QValueAxis | QBarCategoryAxis) -> None:
        axis.setLabelsFont(font(LABEL_SIZE))
        axis.setTitleFont(font(LABEL_SIZE))

    def number_axis(self, title: str = "", signed: bool = False) -> NumberAxis:
        axis = NumberAxis(signed)
        if title:
            axis.setTitleText(title)
        self.axis_font(axis)
        self.number_axes.append(axis)
        return axis

    def tick_room(self, axis: NumberAxis) -> int:
        """How many steps fit along the axis without labels running together."""
        metrics = label_metrics(self.label_size)
        plot = self.chart().plotArea()
        if axis.orientation() == Qt.Orientation.Vertical:
            length, per_label = plot.height() or self.height() * 0.7, metrics.height() * 2.2
        else:
            length, per_label = plot.width() or self.width() * 0.7, metrics.horizontalAdvance("+00.0k") * 1.6
        return int(max(2, min(6, length // per_label)))

    def fit_axes(self) -> None:
        for axis in self.number_axes:
            axis.show_span(*axis.span, most=self.tick_room(axis))
        self.fit_months()

    def show_month_labels(self, labels: list[str]) -> None:
        """The months along the bottom axis (``month_axis``), fitted to the width."""
        if labels != self.month_labels:
            self.month_labels = labels
            self.categories = []
            self.fit_months()

    def fit_months(self) -> None:
        """Month labels upright when they do not fit side by side; every other one when even that is too tight."""
        labels, axis = self.month_labels, self.month_axis
        if not labels or axis is None:
            return
        metrics = label_metrics(self.label_size)
        room = (self.chart().plotArea().width() or self.width() * 0.8) / len(labels)
        widest = max(metrics.horizontalAdvance(label) for label in labels) + 6
        angle, every = 0, 1
        if widest > room:
            angle = -90
            every = max(1, -(-(metrics.height() + 2) // max(1, int(room))))
        shown = thinned(labels, every)
        if axis.labelsAngle() != angle:
            axis.setLabelsAngle(angle)
        if shown != self.categories:
            self.categories = shown
            axis.setCategories(shown)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_axes()


def thinned(labels: list[str], every: int) -> list[str]:
    """Every ``every``-th label kept; the others blank (distinct blanks: categories must differ)."""
    if every <= 1:
        return labels
    return [label if index % every == 0 else "\u200b" * (index + 1) for index, label in enumerate(labels)]


class StackedMonthsChart(ChartView):
    """Stacked bars by month (one set per contributor), reused while the contributors stay."""

    def __init__(self, title: str, name: str, y_title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, name, parent)
        self.y_title = y_title
        self.bars = QStackedBarSeries()
        self.chart().addSeries(self.bars)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = self.number_axis(y_title)
        for axis, side in ((self.x_axis, Qt.AlignmentFlag.AlignBottom), (self.y_axis, Qt.AlignmentFlag.AlignLeft)):
            self.axis_font(axis)
            self.chart().addAxis(axis, side)
            self.bars.attachAxis(axis)
        self.month_axis = self.x_axis
        self.sets: list[QBarSet] = []
        self.set_entries: list[LegendEntry] = []  # the sets' names and colours, for the legend
        self.set_names: list[str] = []
        self.set_values: list[tuple[float, ...]] = []  # what each set shows
        self.extra_legend: list[LegendEntry] = []  # lines drawn over the bars (demand)
        self.trailing_legend: list[LegendEntry] = []  # what is drawn on top of the bars (the shortfall)

    def show_months(self, labels: list[str], rows: list[tuple[str, list[float]]],
                    colors: dict[str, str] | None = None) -> None:  # fmt: skip
        self.show_month_labels(labels)
        names = [name for name, _ in rows]
        if names != self.set_names:
            self.bars.clear()
            self.sets = []
            for index, name in enumerate(names):
                bar_set = QBarSet(name)
                color = (colors or {}).get(name, SOURCES[index % len(SOURCES)])
                bar_set.setColor(QColor(color))
                bar_set.setPen(QPen(Qt.PenStyle.NoPen))  # filled only: an outline adds 15-20% to each repaint
                self.sets.append(bar_set)
            self.bars.append(self.sets)
            self.set_names = names
            self.set_values = []
            self.set_entries = [(s.label(), s.color().name()) for s in self.sets]
        elif colors and any(
            colors.get(s.label(), e[1]) != e[1] for s, e in zip(self.sets, self.set_entries, strict=True)
        ):
            for bar_set in self.sets:  # the same sources in another order of the plan: each keeps its colour
                bar_set.setColor(QColor(colors.get(bar_set.label(), bar_set.color().name())))
            self.set_entries = [(s.label(), s.color().name()) for s in self.sets]
        if len(self.set_values) != len(self.sets):
            self.set_values = [()] * len(self.sets)
        for index, (bar_set, (_, values)) in enumerate(zip(self.sets, rows, strict=True)):
            values = tuple(values)
            if values == self.set_values[index]:
                continue  # (a set the edit left as it was: no call into the chart)
            shown = self.set_values[index] if len(self.set_values[index]) == bar_set.count() else ()
            moved = [month for month, (old, new) in enumerate(zip(shown, values, strict=False)) if old != new]
            if len(shown) == len(values) and len(moved) <= FEW_BARS:
                for month in moved:
                    bar_set.replace(month, values[month])
            else:  # each replace() costs QtCharts ~30 us; a refill is two calls (0.1 ms for 36 values)
                bar_set.remove(0, bar_set.count())
                bar_set.append(list(values))
            self.set_values[index] = values
        entries = [*self.extra_legend, *self.set_entries, *self.trailing_legend]
        self.legend_label.set_entries(entries if rows or self.trailing_legend else [])
