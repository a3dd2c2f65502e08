"""What-if charts: the base plan and its scenarios side by side, and the sensitivity tornado."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult, SensitivityRow
from ui import palette
from ui.charts.bar_rows import BarRow, BarRowsChart
from ui.charts.base import ChartView

TORNADO_ROWS = 10


def scenario_columns(result: PlanResult) -> list[tuple[str, PlanResult]]:
    """The base plan, then each scenario, by name."""
    return [("Base plan", result), *((s.name or "Scenario", s.result) for s in result.scenarios)]


def distinct(labels: list[str]) -> list[str]:
    """Category labels must differ: a repeated one gets a number."""
    seen: set[str] = set()
    result = []
    for label in labels:
        shown, number = label, 2
        while shown in seen:
            shown, number = f"{label} ({number})", number + 1
        seen.add(shown)
        result.append(shown)
    return result


def bar_set(name: str, color: str) -> QBarSet:
    bars = QBarSet(name)
    bars.setColor(QColor(color))
    bars.setBorderColor(QColor(color))
    return bars


class ScenarioChart(ChartView):
    """Sales-ready leads needed and supplied for the base plan and each scenario, with coverage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Scenarios side by side: sales-ready leads needed and supplied", "chart.scenarios", parent)
        self.series = QBarSeries()
        self.needed = bar_set("Needed", palette.NEEDED)
        self.supplied = bar_set("Supplied", palette.SUPPLIED)
        self.series.append([self.needed, self.supplied])
        self.series.setLabelsVisible(True)
        self.series.setLabelsFormat("@value")
        self.series.setLabelsPrecision(6)
        self.chart().addSeries(self.series)
        self.categories = QBarCategoryAxis()
        self.values = self.number_axis("Sales-ready leads")
        for axis, side in ((self.categories, Qt.AlignmentFlag.AlignBottom), (self.values, Qt.AlignmentFlag.AlignLeft)):
            self.axis_font(axis)
            self.chart().addAxis(axis, side)
            self.series.attachAxis(axis)
        self.legend_label.set_entries([("Needed", palette.NEEDED), ("Supplied", palette.SUPPLIED)])
        self.shown: list[tuple[str, float, float]] = []

    def show_result(self, result: PlanResult) -> None:
        columns = scenario_columns(result)
        rows = [(name, round(r.demand.sales_ready_leads), round(r.supply.sales_ready_leads)) for name, r in columns]
        labels = distinct([f"{name}<br>{fmt.percent(r.gap.coverage)} coverage" for name, r in columns])
        if rows == self.shown and labels == self.categories.categories():
            return
        self.shown = rows
        for bars, values in ((self.needed, [n for _, n, _ in rows]), (self.supplied, [s for _, _, s in rows])):
            if bars.count() != len(values):
                bars.remove(0, bars.count())
                bars.append([float(v) for v in values])
            for index, value in enumerate(values):  # in place while the scenarios stay
                if bars.at(index) != value:
                    bars.replace(index, float(value))
        self.categories.setCategories(labels)
        top = max([0.0, *(n for _, n, _ in rows), *(s for _, _, s in rows)])
        self.values.show_span(0, top, self.tick_room(self.values))
        self.setAccessibleDescription("; ".join(f"{name}: needed {n:,}, supplied {s:,}" for name, n, s in rows))


def tornado_rows(result: PlanResult, limit: int = TORNADO_ROWS) -> list[tuple[str, float, float]]:
    """The drivers that change coverage most (largest first): label, change at -20%, change at +20%
    (in percentage points of coverage)."""
    rows: list[tuple[str, float, float]] = []
    for row in result.sensitivity[:limit]:
        low, high = extreme_moves(row)
        rows.append((row.label, low, high))
    return rows


def extreme_moves(row: SensitivityRow) -> tuple[float, float]:
    by_change = {round(m.change, 2): m.coverage_change for m in row.moves}
    low, high = by_change.get(-0.2), by_change.get(0.2)
    return (low or 0.0) * 100, (high or 0.0) * 100


class TornadoChart(BarRowsChart):
    """Each driver moved 20% down and up: the change in coverage, biggest impact on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("What moves coverage most (each driver -20% and +20%)", "chart.tornado", "diverging",
                         "Change in coverage (percentage points)", parent)  # fmt: skip
        assert self.legend_label is not None
        self.legend_label.set_entries([(DOWN, DOWN_COLOR), (UP, UP_COLOR)])
        self.shown: list[tuple[str, float, float]] = []
        self.setMinimumHeight(300)

    def show_result(self, result: PlanResult) -> None:
        rows = tornado_rows(result)
        if rows == self.shown:
            return
        self.shown = rows
        self.show_rows(
            [BarRow(label, ((d, DOWN_COLOR), (u, UP_COLOR))) for label, d, u in zip(distinct([r[0] for r in rows]),
                                                                              (r[1] for r in rows), (r[2] for r in rows), strict=True)]
        )  # fmt: skip
        self.setAccessibleDescription("; ".join(f"{label}: {d:+.0f} to {u:+.0f} points" for label, d, u in rows))


DOWN, UP = "Driver 20% lower", "Driver 20% higher"
DOWN_COLOR, UP_COLOR = palette.LOWER, palette.HIGHER
