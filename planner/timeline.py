"""The plan in time (PRODUCT.md's plan model v2): months, quarters, the timing verdict, revenue.

Demand by month follows the seasonality shifted by the sales cycle; the cumulative gap says
how far behind the plan is at the end of each month; a lead supplied in month m is won a
sales cycle later (wrapping like demand), so the won revenue adds up to the projected revenue.
"""

from __future__ import annotations

from planner.actuals import actuals_by_month
from planner.funnel import HALF_A_LEAD, ratio, srl_value
from planner.model import Plan
from planner.months import MONTH_NAMES, first_calendar_month, month_labels, season_shares
from planner.results import (
    LATE,
    ON_TRACK,
    SHORT,
    Demand,
    MonthResult,
    QuarterResult,
    RevenueBridge,
    Timing,
)

WORST_TOLERANCE = 1e-6


def demand_shares(plan: Plan) -> list[float]:
    """u(m + c) for each plan month: the share of the horizon's demand needed in month m."""
    shares, horizon = season_shares(plan), plan.horizon
    cycle = plan.targets.sales_cycle_months
    return [shares[(m + cycle) % horizon] for m in range(horizon)]


def won_revenue(plan: Plan, supplied: list[float]) -> list[float]:
    """revenue(m) = supplied(((m - 1 - c) mod H) + 1) x srl_to_opportunity x win_rate x deal_size."""
    horizon, cycle, value = plan.horizon, plan.targets.sales_cycle_months, srl_value(plan.targets)
    return [supplied[(m - cycle) % horizon] * value for m in range(horizon)]


def monthly(
    plan: Plan, need: Demand, shares: list[float], supplied: list[float], costs: list[float], cumulative: list[float]
) -> tuple[MonthResult, ...]:
    labels = month_labels(plan)
    revenue = won_revenue(plan, supplied)
    actual = actuals_by_month(plan)
    months = []
    for m, u in enumerate(shares):
        needed = need.sales_ready_leads * u
        gap = needed - supplied[m]
        reported = actual.get(m + 1)
        srl = reported.sales_ready_leads if reported is not None else None
        months.append(
            MonthResult(
                month=m + 1,
                label=labels[m],
                demand_share=u,
                wins_needed=need.wins * u,
                opportunities_needed=need.opportunities * u,
                sales_ready_leads_needed=needed,
                qualified_leads_needed=need.qualified_leads * u,
                raw_leads_needed=need.raw_leads * u,
                sales_ready_leads_supplied=supplied[m],
                gap=gap,
                coverage=ratio(supplied[m], needed),
                cost=costs[m],
                cost_per_sales_ready_lead=ratio(costs[m], supplied[m]),
                projected_revenue=revenue[m],
                cumulative_gap=cumulative[m],
                actual_sales_ready_leads=srl,
                variance=None if srl is None else srl - needed,
                actual=reported,
            )
        )
    return tuple(months)


def quarter_label(plan: Plan, first: int, last: int) -> str:
    """``Jan–Mar 2027`` (``Nov 2027–Jan 2028`` across a year; ``Months 1–3`` without a calendar)."""
    start, year = first_calendar_month(plan.basics.start_month)
    if year is None:
        return f"Month {first}" if first == last else f"Months {first}–{last}"

    def name(month: int) -> tuple[str, int]:
        index = start + month - 1
        return MONTH_NAMES[index % 12], year + index // 12

    (a, a_year), (b, b_year) = name(first), name(last)
    if first == last:
        return f"{a} {a_year}"
    return f"{a}–{b} {b_year}" if a_year == b_year else f"{a} {a_year}–{b} {b_year}"


def quarters(plan: Plan, months: tuple[MonthResult, ...]) -> tuple[QuarterResult, ...]:
    found = []
    for first in range(0, len(months), 3):
        block = months[first : first + 3]
        found.append(
            QuarterResult(
                first_month=block[0].month,
                last_month=block[-1].month,
                label=quarter_label(plan, block[0].month, block[-1].month),
                sales_ready_leads_needed=sum(m.sales_ready_leads_needed for m in block),
                sales_ready_leads_supplied=sum(m.sales_ready_leads_supplied for m in block),
                gap=sum(m.gap for m in block),
                cost=sum(m.cost for m in block),
            )
        )
    return tuple(found)


def cumulative_gaps(needed: list[float], supplied: list[float]) -> list[float]:
    """cumulative_gap(m) = sum over i <= m of needed(i) - supplied(i)."""
    found, running = [], 0.0
    for n, s in zip(needed, supplied, strict=True):
        running += n - s
        found.append(running)
    return found


def timing(cumulative: list[float], total_gap: float) -> Timing:
    """short (the year's gap is over half a lead), late (covered, but behind at some point) or on_track."""
    worst = max(0.0, max(cumulative, default=0.0))
    worst_month = None
    if worst > WORST_TOLERANCE:
        worst_month = next(m for m, gap in enumerate(cumulative, 1) if gap >= worst - WORST_TOLERANCE)
    behind = tuple(m for m, gap in enumerate(cumulative, 1) if gap > HALF_A_LEAD)
    if total_gap > HALF_A_LEAD:
        status = SHORT
    elif worst > HALF_A_LEAD:
        status = LATE
    else:
        status = ON_TRACK
    return Timing(status, worst, worst_month, behind)


def revenue_bridge(plan: Plan, projected: float) -> RevenueBridge:
    """expected = pipeline + projected; gap = goal - expected (negative: a surplus)."""
    goal, pipeline = plan.targets.revenue_goal, plan.targets.pipeline_revenue
    expected = pipeline + projected
    return RevenueBridge(goal=goal, pipeline=pipeline, projected=projected, expected=expected, gap=goal - expected)
