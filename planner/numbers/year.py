"""This year's number as the calendar has it (PRODUCT.md, plan model v3).

A lead created in month m closes in month m + c (c the sales cycle). The *in-time months*
1..H - c make this year's number; the *carry-over months* after them start next year. Demand by
month does not wrap around the horizon: the in-time months' leads pay for the revenue of months
c + 1..H (S in all), and a carry-over month needs the leads that start next year at this year's
goal and seasonality. The *known* series is what answers: the actual sales-ready leads through
the last reported month, the plan's supply after it.
"""

from __future__ import annotations

from typing import NamedTuple

from planner.numbers import status
from planner.numbers.funnel import ratio, srl_value
from planner.numbers.results import Demand, NextYearStart, RevenueBridge, Timing, YearResult
from planner.plan.model import Plan
from planner.plan.months import first_calendar_month


class Calendar(NamedTuple):
    """The plan's months read against the calendar: what each needs, what is known, how far behind."""

    in_time: int  # the number of in-time months, H - c (0 when the cycle is as long as the horizon)
    shares: tuple[float, ...]  # each month's share of its year's demand (demand_shares)
    needed: tuple[float, ...]  # sales-ready leads needed by month
    known: tuple[float, ...]  # actuals through ``through``, the plan's supply after
    through: int  # M: the last month with actual sales-ready leads (0 when none)
    cumulative: tuple[float, ...]  # needed - known, added up from month 1


class Season(NamedTuple):
    """u(m) for every plan month m >= 1, also past the horizon: the seasonality weight of m's
    calendar month over the weights of plan months 1..H (0 when they add up to nothing)."""

    first: int  # the calendar month of plan month 1 (0 for January)
    by_calendar_month: tuple[float, ...]  # the 12 weights, each over the plan months' total

    def u(self, m: int) -> float:
        return self.by_calendar_month[(self.first + m - 1) % 12]


def season(plan: Plan) -> Season:
    first, _ = first_calendar_month(plan.basics.start_month)
    weights = plan.targets.seasonality
    total = sum(weights[(first + m) % 12] for m in range(plan.horizon))
    return Season(first, tuple(w / total if total > 0 else 0.0 for w in weights))


def in_time_months(plan: Plan) -> int:
    """H - c: the months whose leads close inside the horizon (none when c >= H)."""
    return max(0, plan.horizon - plan.targets.sales_cycle_months)


def demand_shares(plan: Plan, u: Season) -> list[float]:
    """Each month's share of the demand it belongs to: u(m + c) / U in time (U = u(c + 1) + .. +
    u(H); evenly when U is 0), so the in-time months add up to 1; u(m + c) in a carry-over month."""
    cycle, in_time = plan.targets.sales_cycle_months, in_time_months(plan)
    after = [u.u(m + cycle) for m in range(1, plan.horizon + 1)]
    spread = sum(after[:in_time])
    evenly = [1 / in_time] * in_time if in_time else []
    return ([share / spread for share in after[:in_time]] if spread > 0 else evenly) + after[in_time:]


def needed_by_month(plan: Plan, need: Demand, shares: list[float]) -> list[float]:
    """needed(m) = S x its share in time, (goal / V) x u(m + c) in a carry-over month: the leads that
    start next year at this year's goal and seasonality."""
    in_time = in_time_months(plan)
    per_goal = ratio(plan.targets.revenue_goal, srl_value(plan.targets)) or 0.0
    return [need.sales_ready_leads * share for share in shares[:in_time]] + [per_goal * s for s in shares[in_time:]]


def calendar(plan: Plan, need: Demand, supplied: list[float], actual: dict[int, float | None]) -> Calendar:
    """The months' demand, the known series and the cumulative gap (``actual``: month -> actual
    sales-ready leads, None where the month reports none)."""
    shares = demand_shares(plan, season(plan))
    needed = needed_by_month(plan, need, shares)
    through = max((m for m, value in actual.items() if value is not None and m <= plan.horizon), default=0)
    known = [
        (actual.get(m + 1) or 0.0) if m < through else supplied[m]  # a month before M without one counts 0
        for m in range(plan.horizon)
    ]
    cumulative, running = [], 0.0
    for n, k in zip(needed, known, strict=True):
        running += n - k
        cumulative.append(running)
    return Calendar(in_time_months(plan), tuple(shares), tuple(needed), tuple(known), through, tuple(cumulative))


def revenue_by_month(plan: Plan, cal: Calendar) -> tuple[list[float], list[float], list[float]]:
    """(goal, pipeline, projected) by month: goal x u(m); the pipeline spread over its first
    p = min(max(c, 1), H) months; known(m - c) x V from month c + 1."""
    horizon, cycle, targets = plan.horizon, plan.targets.sales_cycle_months, plan.targets
    u, value = season(plan), srl_value(targets)
    goal = [targets.revenue_goal * u.u(m) for m in range(1, horizon + 1)]
    p = min(max(cycle, 1), horizon)
    pipeline = [targets.pipeline_revenue / p if m <= p else 0.0 for m in range(1, horizon + 1)]
    projected = [cal.known[m - 1 - cycle] * value if m > cycle else 0.0 for m in range(1, horizon + 1)]
    return goal, pipeline, projected


def revenue_bridge(plan: Plan, cal: Calendar, projected: list[float]) -> RevenueBridge:
    """expected = pipeline + projected (in the horizon); gap = goal - expected (negative: a surplus);
    carried over: what the carry-over months' leads bring after the horizon."""
    goal, pipeline = plan.targets.revenue_goal, plan.targets.pipeline_revenue
    won = sum(projected)
    expected = pipeline + won
    carried = srl_value(plan.targets) * sum(cal.known[cal.in_time :])
    return RevenueBridge(
        goal=goal, pipeline=pipeline, projected=won, expected=expected, gap=goal - expected, carried_over=carried
    )


def this_year(need: Demand, cal: Calendar) -> YearResult:
    """S against the known leads of the in-time months."""
    needed = need.sales_ready_leads
    expected = sum(cal.known[: cal.in_time])
    first, last = (1, cal.in_time) if cal.in_time else (None, None)
    return YearResult(first, last, needed, expected, needed - expected, ratio(expected, needed))


def next_year_start(cal: Calendar) -> NextYearStart | None:
    """The carry-over months added up (None when there is none: a cycle of 0)."""
    horizon = len(cal.needed)
    if cal.in_time >= horizon:
        return None
    needed, expected = sum(cal.needed[cal.in_time :]), sum(cal.known[cal.in_time :])
    return NextYearStart(cal.in_time + 1, horizon, needed, expected, needed - expected)


def timing(cal: Calendar, year_gap: float) -> Timing:
    """The worst cumulative shortfall of an in-time month, when, the months behind, and the status."""
    in_time = cal.cumulative[: cal.in_time]
    worst = max(0.0, max(in_time, default=0.0))
    worst_month = None
    if worst > status.WORST_TOLERANCE:
        worst_month = next(m for m, gap in enumerate(in_time, 1) if gap >= worst - status.WORST_TOLERANCE)
    behind = tuple(m for m, gap in enumerate(in_time, 1) if status.is_behind(gap))
    return Timing(status.status_of(year_gap, worst), worst, worst_month, behind)
