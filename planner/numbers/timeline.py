"""The plan month by month and quarter by quarter, from the calendar (``planner.numbers.year``) and the known
series (``planner.numbers.known``): part of the answers (``planner.numbers.answers``)."""

from __future__ import annotations

from planner.numbers.actuals import actuals_by_month
from planner.numbers.funnel import ratio
from planner.numbers.known import Known
from planner.numbers.results import Demand, MonthResult, QuarterResult
from planner.numbers.year import Calendar
from planner.plan.model import Plan
from planner.plan.months import MONTH_NAMES, first_calendar_month, month_labels


def monthly(
    plan: Plan,
    need: Demand,
    cal: Calendar,
    known: Known,
    supplied: list[float],
    costs: list[float],
    revenue: tuple[list[float], list[float], list[float]],
) -> tuple[MonthResult, ...]:
    """Each month's figures: the plan's (supplied, gap, cost) beside the calendar's (needed), the known
    series' (known, cumulative gap) and revenue; every stage needed follows the sales-ready leads by the plan's ratios."""
    labels = month_labels(plan)
    targets = plan.targets
    actual = actuals_by_month(plan)
    goal, pipeline, projected = revenue
    months = []
    for m, needed in enumerate(cal.needed):
        opportunities = needed * targets.srl_to_opportunity
        qualified = needed / targets.mql_to_srl
        reported = actual.get(m + 1)
        srl = reported.sales_ready_leads if reported is not None else None
        months.append(
            MonthResult(
                month=m + 1,
                label=labels[m],
                demand_share=cal.shares[m],
                wins_needed=opportunities * targets.win_rate,
                opportunities_needed=opportunities,
                sales_ready_leads_needed=needed,
                qualified_leads_needed=qualified,
                raw_leads_needed=qualified / targets.lead_to_mql,
                sales_ready_leads_supplied=supplied[m],
                gap=needed - supplied[m],
                coverage=ratio(supplied[m], needed),
                cost=costs[m],
                cost_per_sales_ready_lead=ratio(costs[m], supplied[m]),
                projected_revenue=projected[m],
                cumulative_gap=known.cumulative[m],
                actual_sales_ready_leads=srl,
                variance=None if srl is None else srl - needed,
                actual=reported,
                known_sales_ready_leads=known.series[m],
                in_time=m < cal.in_time,
                revenue_goal=goal[m],
                pipeline_revenue=pipeline[m],
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
