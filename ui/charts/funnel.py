"""The reverse funnel (raw leads -> wins) as horizontal bars, and the channel mix as a pie."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QHorizontalBarSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner import formatting as fmt
from planner.results import PlanResult
from ui.charts.base import LABEL_SIZE, ChartView, font, nice_maximum, top_contributors
from ui.charts.monthly import supply_by_channel
from ui.style import ACCENT, SERIES

STAGES = (
    ("wins", "Wins"),
    ("opportunities", "Opportunities"),
    ("sales_ready_leads", "Sales-ready leads"),
    ("qualified_leads", "Qualified leads"),
    ("raw_leads", "Raw leads"),
)  # bottom to top: the funnel reads from raw leads down to wins


class FunnelChart(ChartView):
    """What the revenue goal needs at each stage, working back from wins."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("The reverse funnel: what the goal needs", "chart.funnel", parent)
        self.series = QHorizontalBarSeries()
        self.series.setBarWidth(0.7)
        self.bars = QBarSet("Needed over the horizon")
        self.bars.setColor(QColor(ACCENT))
        self.bars.setBorderColor(QColor(ACCENT))
        self.bars.append([0.0] * len(STAGES))
        self.series.append(self.bars)
        self.series.setLabelsVisible(False)
        self.chart().addSeries(self.series)
        self.categories = QBarCategoryAxis()
        self.values = QValueAxis()
        self.values.setLabelFormat("%.0f")
        self.axis_font(self.categories)
        self.axis_font(self.values)
        self.chart().addAxis(self.categories, Qt.AlignmentFlag.AlignLeft)
        self.chart().addAxis(self.values, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.categories)
        self.series.attachAxis(self.values)
        self.chart().legend().setVisible(False)
        self.setMinimumHeight(280)

    def show_result(self, result: PlanResult) -> None:
        numbers = [getattr(result.demand, key) for key, _ in STAGES]
        labels = [f"{label}  {fmt.count(value)}" for (_, label), value in zip(STAGES, numbers, strict=True)]
        self.categories.setCategories(labels)
        for index, value in enumerate(numbers):
            self.bars.replace(index, value)
        self.values.setRange(0, nice_maximum(max(numbers)))
        self.values.applyNiceNumbers()
        self.setAccessibleDescription("; ".join(reversed(labels)))


class ChannelMixChart(ChartView):
    """Where the sales-ready leads come from, by channel (with capacity not assigned)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Channel mix: sales-ready leads by channel", "chart.channel_mix", parent)
        self.pie = QPieSeries()
        self.pie.setHoleSize(0.35)
        self.chart().addSeries(self.pie)
        self.chart().legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.shown: list[tuple[str, float]] = []

    def show_result(self, result: PlanResult) -> None:
        rows = top_contributors([(name, values) for name, values in supply_by_channel(result)], 7)
        totals = [(name, sum(values)) for name, values in rows]
        if totals == self.shown:
            return
        self.shown = totals
        self.pie.clear()
        whole = sum(v for _, v in totals) or 1.0
        for index, (name, value) in enumerate(totals):
            share = fmt.percent(value / whole)
            piece = QPieSlice(f"{name}: {fmt.count(value)} ({share})", value)
            piece.setColor(QColor(SERIES[index % len(SERIES)]))
            piece.setLabelFont(font(LABEL_SIZE))
            piece.setLabelVisible(False)
            self.pie.append(piece)
        self.chart().legend().setVisible(bool(totals))
        self.setAccessibleDescription("; ".join(f"{n}: {fmt.count(v)}" for n, v in totals))
