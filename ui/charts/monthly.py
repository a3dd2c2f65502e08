"""Monthly charts: sales-ready leads needed vs supplied (stacked, with the gap, the carry-over
months shaded as next year's start), cost by month, and revenue by month against the goal."""

from __future__ import annotations

from PySide6.QtCharts import QLineSeries
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QWidget

from planner.advice.health import span_label
from planner.numbers import formatting as fmt
from planner.numbers import status
from planner.numbers.breakdown import supply_sources, top_with_others
from planner.numbers.results import PlanResult
from ui import palette
from ui.charts.base import MAX_SERIES, StackedMonthsChart
from ui.charts.next_year import NEXT_YEAR, CarryOverBand, carry_over
from ui.charts.shortfall import ShortfallBlocks
from ui.charts.ticks import short_labels

SHORT = "Short of demand"


def supply_by_resource(result: PlanResult) -> list[tuple[str, list[float]]]:
    """Each resource's output and each program's sales-ready leads, by month (adds to supply)."""
    return [(source.name, list(source.sales_ready_leads)) for source in supply_sources(result, "resource")]


def supply_by_channel(result: PlanResult) -> list[tuple[str, list[float]]]:
    """Each channel's sales-ready leads, and each resource's capacity no channel takes."""
    return [(source.name, list(source.sales_ready_leads)) for source in supply_sources(result, "channel")]


class TopSupply:
    """The largest sources of supply by month (``top_with_others``), worked out again only when
    the engine's resources or channels changed: an edit of the demand side (a win rate) leaves
    them equal, and the chart keeps what it shows."""

    def __init__(self, limit: int = MAX_SERIES) -> None:
        self.limit = limit
        self.key: tuple[object, ...] = ()
        self.top: list[tuple[str, list[float]]] = []

    def rows(self, result: PlanResult, by: str) -> list[tuple[str, list[float]]]:
        key = (by, result.resources, result.channels)  # all the sources are made of (equal tuples: same sources)
        if key != self.key:
            self.key = key
            sources = [(source.name, source.sales_ready_leads) for source in supply_sources(result, by)]
            self.top = top_with_others(sources, self.limit)
        return self.top


class DemandSupplyChart(StackedMonthsChart):
    """Supply stacked by contributor, the shortfall on top in red, demand as a line, and the
    carry-over months (whose leads close next year) shaded behind as next year's start.

    The shortfall is one item over the bars (a block on each month's bar, as wide as it,
    ``ui.charts.shortfall``), not a bar set in the stack: a new win rate moves only the demand
    and the blocks' tops, and the chart repaints the band they moved through, without laying out
    every bar of the stack again."""

    def __init__(self, by: str = "resource", name: str = "chart.demand_supply",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        title = "Sales-ready leads by month: supply against demand"
        super().__init__(title, name, "Sales-ready leads", parent)
        self.by = by
        self.next_year = CarryOverBand(self.chart(), self.bars)  # behind the bars and the grid
        self.short = ShortfallBlocks(self.chart(), self.bars, palette.SHORT)  # over the bars, under the line
        self.shortfall: list[float] = []  # what the red blocks show, month by month
        self.demand = QLineSeries()
        self.demand.setName("Needed")
        pen = QPen(QColor(palette.NEEDED))
        pen.setWidth(3)
        self.demand.setPen(pen)
        self.demand.setPointsVisible(True)
        self.chart().addSeries(self.demand)
        self.demand.attachAxis(self.x_axis)
        self.demand.attachAxis(self.y_axis)
        self.extra_legend = [("Needed", palette.NEEDED)]
        self.supply = TopSupply()

    def show_result(self, result: PlanResult) -> None:
        rows = list(self.supply.rows(result, self.by))
        needed = [m.sales_ready_leads_needed for m in result.months]
        supplied = [m.sales_ready_leads_supplied for m in result.months]
        # a month is short as planner.numbers.status judges a gap: less than half a lead is none
        short = [m.gap if status.is_short(m.gap) else 0.0 for m in result.months]
        later = carry_over(result)
        self.trailing_legend = [(NEXT_YEAR, palette.NEXT_YEAR)] if later else []
        if any(short):
            self.trailing_legend.append((SHORT, palette.SHORT))
        self.next_year.show(later)
        self.show_months(short_labels(result), rows, palette.colours_of(result, [name for name, _ in rows]))
        self.set_line(self.demand, needed)
        top = max([*needed, *(s + g for s, g in zip(supplied, short, strict=True)), 0.0])
        self.y_axis.show_span(0, top, self.tick_room(self.y_axis))
        self.short.show(supplied, short, self.bars.barWidth())  # (on the scale just set)
        self.shortfall = short
        ahead = f"; {span_label(result, later[0], later[-1])} build next year's start (shaded)" if later else ""
        self.describe(
            f"Needed {sum(needed):,.0f} and supplied {sum(supplied):,.0f} sales-ready leads over "
            f"{result.horizon} months{ahead}"
        )


class CostChart(StackedMonthsChart):
    """What the plan spends each month: people and fees by resource, budgets by program."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Cost by month", "chart.cost", "Cost", parent)

    def show_result(self, result: PlanResult) -> None:
        rows = top_with_others(((source.name, source.cost) for source in supply_sources(result)), MAX_SERIES)
        self.y_axis.setTitleText(f"Cost ({result.currency})" if result.currency else "Cost")
        self.show_months(short_labels(result), rows, palette.colours_of(result, [name for name, _ in rows]))
        top = max((sum(values[m] for _, values in rows) for m in range(result.horizon)), default=0)
        self.y_axis.show_span(0, top, self.tick_room(self.y_axis))


PIPELINE, FROM_LEADS, GOAL = "From the current pipeline", "From the plan's sales-ready leads", "Revenue goal"
REVENUE_COLORS = {PIPELINE: palette.PIPELINE, FROM_LEADS: palette.FROM_LEADS}


class RevenueChart(StackedMonthsChart):
    """Revenue won each month against the goal's share of it: the pipeline closing over its first
    cycle, then the leads made a sales cycle earlier (the engine's ``pipeline_revenue`` and
    ``projected_revenue``), stacked; the goal by month (``revenue_goal``) as a line."""

    def __init__(self, name: str = "chart.revenue", parent: QWidget | None = None) -> None:
        super().__init__("Revenue by month against the goal", name, "Revenue", parent)
        self.goal = QLineSeries()
        self.goal.setName(GOAL)
        pen = QPen(QColor(palette.NEEDED))
        pen.setWidth(3)
        self.goal.setPen(pen)
        self.goal.setPointsVisible(True)
        self.chart().addSeries(self.goal)
        self.goal.attachAxis(self.x_axis)
        self.goal.attachAxis(self.y_axis)
        self.extra_legend = [(GOAL, palette.NEEDED)]

    def show_result(self, result: PlanResult) -> None:
        months = result.months
        pipeline = [m.pipeline_revenue for m in months]
        leads = [m.projected_revenue for m in months]
        goal = [m.revenue_goal for m in months]
        self.y_axis.setTitleText(f"Revenue ({result.currency})" if result.currency else "Revenue")
        rows = [(PIPELINE, pipeline), (FROM_LEADS, leads)]
        self.show_months(short_labels(result), rows, REVENUE_COLORS)
        self.set_line(self.goal, goal)
        top = max([*goal, *(p + v for p, v in zip(pipeline, leads, strict=True)), 0.0])
        # a little room over the goal: its line is not drawn on the plot's top edge
        self.y_axis.show_span(0, top * 1.04, self.tick_room(self.y_axis))
        bridge, currency = result.revenue, result.currency
        gap = bridge.gap
        said = status.standing(
            gap,
            short=f"{fmt.money(gap, currency)} short of the goal",
            surplus=f"{fmt.money(-gap, currency)} above the goal",
            even="on the goal",
        )
        self.describe(
            f"Goal {fmt.money(bridge.goal, currency)}; the year brings {fmt.money(bridge.expected, currency)}: "
            f"{fmt.money(bridge.pipeline, currency)} from the current pipeline and "
            f"{fmt.money(bridge.projected, currency)} from the plan's sales-ready leads, {said}"
        )
