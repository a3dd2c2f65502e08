"""The reverse funnel (raw leads -> wins) as horizontal bars, and the channel mix as a pie."""

from __future__ import annotations

from PySide6.QtCharts import QPieSeries, QPieSlice
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult
from ui import palette
from ui.charts.bar_rows import BarRow, BarRowsChart
from ui.charts.base import ChartView
from ui.charts.monthly import TopSupply

STAGES = (
    ("raw_leads", "Raw leads"),
    ("qualified_leads", "Qualified leads"),
    ("sales_ready_leads", "Sales-ready leads"),
    ("opportunities", "Opportunities"),
    ("wins", "Wins"),
)  # top to bottom: the funnel reads from raw leads down to wins


class FunnelChart(BarRowsChart):
    """What the revenue goal needs at each stage, working back from wins; bar lengths on a log
    scale so that a few wins show beside thousands of raw leads."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("The reverse funnel: what the goal needs", "chart.funnel", "log",
                         "Bar lengths on a log scale", parent)  # fmt: skip

    def show_result(self, result: PlanResult) -> None:
        numbers = [getattr(result.demand, key) for key, _ in STAGES]
        rows = [
            BarRow(label, ((value, palette.STAGE),), fmt.count(value))
            for (_, label), value in zip(STAGES, numbers, strict=True)
        ]
        self.show_rows(rows)
        self.setAccessibleDescription("; ".join(f"{row.label} {row.note}" for row in rows))


class ChannelMixChart(ChartView):
    """Where the sales-ready leads come from, by channel (with capacity not assigned)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Channel mix: sales-ready leads by channel", "chart.channel_mix", parent)
        self.pie = QPieSeries()
        self.pie.setHoleSize(0.35)
        self.chart().addSeries(self.pie)
        self.setMinimumHeight(220)
        self.shown: list[tuple[str, float]] = []
        self.supply = TopSupply(7)

    def show_result(self, result: PlanResult) -> None:
        rows = self.supply.rows(result, "channel")
        totals = [(name, sum(values)) for name, values in rows]
        if totals == self.shown:
            return
        self.shown = totals
        if self.pie.count() != len(totals):  # slices are kept and updated in place while their number stays
            self.pie.clear()
            for _ in totals:
                piece = QPieSlice("", 0.0)
                piece.setLabelVisible(False)
                self.pie.append(piece)
        whole = sum(v for _, v in totals) or 1.0
        colours = palette.colours_of(result, [name for name, _ in totals])  # a channel's colour, every chart
        for piece, (name, value) in zip(self.pie.slices(), totals, strict=True):
            piece.setLabel(f"{name}: {fmt.count(value)} ({fmt.percent(value / whole)})")
            piece.setValue(value)
            if piece.color().name().lower() != colours[name].lower():
                piece.setColor(QColor(colours[name]))
        self.legend_label.set_entries([(piece.label(), piece.color().name()) for piece in self.pie.slices()])
        self.setAccessibleDescription("; ".join(f"{n}: {fmt.count(v)}" for n, v in totals))
