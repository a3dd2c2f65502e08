"""The fifth stage, the answers: this year, next year's start, revenue, the gap and the hires that
close it, month by month and quarter by quarter, and the plan against its actuals (PRODUCT.md, v3).

Each is worked out from the stages before it (demand, supply, the calendar, the known series): the
months and quarters are ``planner.numbers.timeline``'s, the hires ``planner.numbers.hiring``'s, the
actuals ``planner.numbers.actuals``'s.
"""

from __future__ import annotations

from typing import NamedTuple

from planner.numbers.actuals import actuals_result
from planner.numbers.funnel import ratio, srl_value
from planner.numbers.hiring import reps_to_close
from planner.numbers.known import Known
from planner.numbers.results import (
    ActualsResult,
    Demand,
    Gap,
    MonthResult,
    NextYearStart,
    QuarterResult,
    RevenueBridge,
    YearResult,
)
from planner.numbers.supply import PlanSupply
from planner.numbers.timeline import monthly, quarters
from planner.numbers.year import Calendar
from planner.plan.model import Plan


class Answers(NamedTuple):
    year: YearResult
    next_year_start: NextYearStart | None
    revenue: RevenueBridge
    gap: Gap
    months: tuple[MonthResult, ...]
    quarters: tuple[QuarterResult, ...]
    actuals: ActualsResult | None


def answers(
    plan: Plan, need: Demand, supplied: PlanSupply, cal: Calendar, known: Known, *, with_months: bool = True
) -> Answers:
    """The plan's answers (without months, quarters and actuals if asked: a scenario's totals)."""
    year = this_year(need, cal, known)
    revenue = revenue_by_month(plan, cal, known)
    months = monthly(plan, need, cal, known, supplied.by_month, supplied.costs, revenue) if with_months else ()
    reps, latest = reps_to_close(plan, year.gap, known.through)
    return Answers(
        year=year,
        next_year_start=next_year_start(cal, known),
        revenue=revenue_bridge(plan, cal, known, revenue[2]),
        gap=Gap(year.gap, year.coverage, reps, latest),
        months=months,
        quarters=quarters(plan, months),
        actuals=actuals_result(plan, months, year) if with_months else None,
    )


def this_year(need: Demand, cal: Calendar, known: Known) -> YearResult:
    """S against the known leads of the in-time months."""
    needed = need.sales_ready_leads
    expected = sum(known.series[: cal.in_time])
    first, last = (1, cal.in_time) if cal.in_time else (None, None)
    return YearResult(first, last, needed, expected, needed - expected, ratio(expected, needed))


def next_year_start(cal: Calendar, known: Known) -> NextYearStart | None:
    """The carry-over months added up (None when there is none: a cycle of 0)."""
    horizon = len(cal.needed)
    if cal.in_time >= horizon:
        return None
    needed, expected = sum(cal.needed[cal.in_time :]), sum(known.series[cal.in_time :])
    return NextYearStart(cal.in_time + 1, horizon, needed, expected, needed - expected)


def revenue_by_month(plan: Plan, cal: Calendar, known: Known) -> tuple[list[float], list[float], list[float]]:
    """(goal, pipeline, projected) by month: goal x u(m); the pipeline spread over its first
    p = min(max(c, 1), H) months; known(m - c) x V from month c + 1."""
    horizon, cycle, targets = plan.horizon, plan.targets.sales_cycle_months, plan.targets
    value = srl_value(targets)
    goal = [targets.revenue_goal * u for u in cal.season]
    p = min(max(cycle, 1), horizon)
    pipeline = [targets.pipeline_revenue / p if m <= p else 0.0 for m in range(1, horizon + 1)]
    projected = [known.series[m - 1 - cycle] * value if m > cycle else 0.0 for m in range(1, horizon + 1)]
    return goal, pipeline, projected


def revenue_bridge(plan: Plan, cal: Calendar, known: Known, projected: list[float]) -> RevenueBridge:
    """expected = pipeline + projected (in the horizon); gap = goal - expected (negative: a surplus);
    carried over: what the carry-over months' leads bring after the horizon."""
    goal, pipeline = plan.targets.revenue_goal, plan.targets.pipeline_revenue
    won = sum(projected)
    expected = pipeline + won
    carried = srl_value(plan.targets) * sum(known.series[cal.in_time :])
    return RevenueBridge(
        goal=goal, pipeline=pipeline, projected=won, expected=expected, gap=goal - expected, carried_over=carried
    )
