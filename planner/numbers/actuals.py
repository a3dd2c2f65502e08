"""The plan against its actuals (PRODUCT.md, plan model v2 and v3, "Actuals").

M is the last month with actual sales-ready leads (months before it without one count as 0):
to date, the actual leads against the leads needed (v3's needed), and the forecast at this pace,
this year's expected leads (the known series over the in-time months). Revenue to date is judged against the goal spread by
the seasonality (not shifted by the sales cycle) up to the last month with actual revenue.
"""

from __future__ import annotations

from planner.numbers.results import ActualsResult, MonthResult, YearResult
from planner.plan.model import Actual, Plan
from planner.plan.months import season_shares


def actuals_by_month(plan: Plan) -> dict[int, Actual]:
    return {actual.month: actual for actual in plan.actuals}


def last_month_with(plan: Plan, figure: str) -> int | None:
    return max((a.month for a in plan.actuals if getattr(a, figure) is not None), default=None)


def actuals_result(plan: Plan, months: tuple[MonthResult, ...], year: YearResult) -> ActualsResult | None:
    """None when the plan has no actuals; a figure with nothing actual to compare is None."""
    if not plan.actuals:
        return None
    through = last_month_with(plan, "sales_ready_leads")
    leads = needed = variance = forecast = coverage = None
    if through is not None:
        leads = sum(m.actual_sales_ready_leads or 0.0 for m in months[:through])
        needed = sum(m.sales_ready_leads_needed for m in months[:through])
        variance = leads - needed
        forecast, coverage = year.sales_ready_leads_expected, year.coverage
    revenue_through = last_month_with(plan, "revenue")
    revenue = goal_to_date = versus = None
    if revenue_through is not None:
        revenue = sum(a.revenue for a in plan.actuals if a.revenue is not None and a.month <= revenue_through)
        goal_to_date = plan.targets.revenue_goal * sum(season_shares(plan)[:revenue_through])
        versus = revenue - goal_to_date
    return ActualsResult(
        through_month=through,
        sales_ready_leads=leads,
        needed_to_date=needed,
        variance=variance,
        forecast_sales_ready_leads=forecast,
        forecast_coverage=coverage,
        revenue=revenue,
        revenue_goal_to_date=goal_to_date,
        revenue_vs_goal=versus,
        revenue_through_month=revenue_through,
    )
