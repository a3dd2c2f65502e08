"""The plan against its actuals, stage by stage and month by month (PRODUCT.md, "Actuals").

What the Track step, the CEO review and the exports show beside each actual, and what it is
compared with (``Stage.compared_with``):

- **Sales-ready leads, vs needed**: the leads the month needs (plan model v3's ``needed``).
- **Opportunities, wins, revenue and cost, vs plan**: what the plan expects that month, one model
  for every stage, by the month a stage happens. A lead made in month m becomes an opportunity in
  month m and, a sales cycle c later, a win and its revenue in month m + c:

  - opportunities(m) = known(m) x srl_to_opportunity (the month's known leads: the actual
    sales-ready leads through the last reported month, the plan's after, as the engine's);
  - revenue(m) = pipeline_revenue(m) + projected_revenue(m), the engine's revenue by month: the
    pipeline closing in its first cycle, then known(m - c) x V (V the revenue of a lead);
  - wins(m) = revenue(m) / deal_size: the pipeline's deals and the leads' wins closing that
    month, so the wins plan times the deal size is always the revenue plan;
  - cost(m): the plan's cost of the month.

The variance is actual - plan (where an actual exists) and says whether that is behind or ahead.
Cost runs the other way: spending more than the plan is behind. To date, a stage is judged up to
the last month with an actual of that stage (months before it without one count as 0, as for
sales-ready leads).
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from planner.numbers.cumulative import cumulative_months
from planner.numbers.results import MonthResult, PlanResult
from planner.numbers.status import TOLERANCE
from planner.plan.model import ACTUAL_FIGURES, Actual, Targets

NEEDED, PLAN = "needed", "plan"  # what a stage's actual is compared with


class Stage(NamedTuple):
    figure: str  # the Actual's field (ACTUAL_FIGURES)
    label: str
    compared_with: str  # NEEDED (what the goal needs) or PLAN (what the plan expects)
    kind: str  # "count" or "money"
    more_is_better: bool = True  # False for cost: above the plan is behind


STAGES: tuple[Stage, ...] = (
    Stage("sales_ready_leads", "Sales-ready leads", NEEDED, "count"),
    Stage("opportunities", "Opportunities", PLAN, "count"),
    Stage("wins", "Wins", PLAN, "count"),  # closing in the month: revenue / deal size
    Stage("revenue", "Revenue", PLAN, "money"),  # won in the month: the pipeline's, then the leads'
    Stage("cost", "Cost", PLAN, "money", more_is_better=False),
)
assert tuple(s.figure for s in STAGES) == ACTUAL_FIGURES
BY_FIGURE = {stage.figure: stage for stage in STAGES}


def planned_revenue(month: MonthResult) -> float:
    """What the plan expects to win in the month: the pipeline closing then, and the leads' revenue."""
    return month.pipeline_revenue + month.projected_revenue


def plan_figure(month: MonthResult, stage: Stage, targets: Targets | None) -> float:
    """The figure the stage's actual is compared with in the month (``targets``: the plan's rates,
    ``PlanResult.targets``; without them, opportunities and wins are 0)."""
    figure = stage.figure
    if figure == "sales_ready_leads":
        return month.sales_ready_leads_needed
    if figure == "revenue":
        return planned_revenue(month)
    if figure == "cost":
        return month.cost
    if targets is None:
        return 0.0
    if figure == "opportunities":
        return month.known_sales_ready_leads * targets.srl_to_opportunity
    return planned_revenue(month) / targets.deal_size if targets.deal_size > 0 else 0.0


def actual_figure(month: MonthResult, stage: Stage) -> float | None:
    return None if month.actual is None else getattr(month.actual, stage.figure)


def variance(month: MonthResult, stage: Stage, targets: Targets | None) -> float | None:
    """actual - plan (or needed) for the month; None where nothing was reported."""
    actual = actual_figure(month, stage)
    return None if actual is None else actual - plan_figure(month, stage, targets)


def standing(value: float | None, stage: Stage) -> str:
    """``behind``, ``ahead``, ``even`` or ``""`` (nothing reported) for a variance of the stage."""
    if value is None:
        return ""
    better = value if stage.more_is_better else -value
    if better < -TOLERANCE:
        return "behind"
    return "ahead" if better > TOLERANCE else "even"


class StageToDate(NamedTuple):
    stage: Stage
    through_month: int  # the last month with an actual of this stage
    actual: float
    plan: float
    variance: float  # actual - plan, months 1..through_month

    @property
    def standing(self) -> str:
        return standing(self.variance, self.stage)


def last_reported(result: PlanResult, stage: Stage) -> int | None:
    return max((m.month for m in result.months if actual_figure(m, stage) is not None), default=None)


def to_date(result: PlanResult, stage: Stage) -> StageToDate | None:
    """The stage's actuals against the plan up to its last reported month; None before any."""
    through = last_reported(result, stage)
    if through is None:
        return None
    months = result.months[:through]
    actual = sum(actual_figure(m, stage) or 0.0 for m in months)
    plan = sum(plan_figure(m, stage, result.targets) for m in months)
    return StageToDate(stage, through, actual, plan, actual - plan)


def months_behind(result: PlanResult) -> list[MonthResult]:
    """The months whose actual sales-ready leads fell short of the leads needed."""
    return [m for m in result.months if m.variance is not None and m.variance < -TOLERANCE]


class Cumulative(NamedTuple):
    """Sales-ready leads added up month by month: the plan, the actuals and the forecast."""

    needed: tuple[float, ...]  # every month
    supplied: tuple[float, ...]  # every month
    actual: tuple[float, ...]  # months 1..M (empty without actual sales-ready leads)
    forecast: tuple[float, ...]  # months M..H: the actuals to M, then the plan's supply after it


def cumulative(result: PlanResult) -> Cumulative:
    months = cumulative_months(result)
    needed, supplied = [m.needed for m in months], [m.supplied for m in months]
    actual: list[float] = []
    through = result.actuals.through_month if result.actuals is not None else None
    forecast: list[float] = []
    if through is not None:
        running = 0.0
        for m in result.months[:through]:
            running += m.actual_sales_ready_leads or 0.0
            actual.append(running)
        forecast.append(running)
        for m in result.months[through:]:
            running += m.sales_ready_leads_supplied
            forecast.append(running)
    return Cumulative(tuple(needed), tuple(supplied), tuple(actual), tuple(forecast))


def with_figures(actuals: tuple[Actual, ...], changes: dict[tuple[int, str], float | None]) -> tuple[Actual, ...]:
    """The actuals with ``(month, figure) -> value`` set (None clears a figure), in month order.

    An entry whose figures are all cleared is removed: a month not reported stays empty, never 0.
    """
    by_month = {a.month: a for a in actuals}
    for (month, figure), value in changes.items():
        entry = by_month.get(month) or Actual(month=month)
        by_month[month] = dataclasses.replace(entry, **{figure: value})
    return tuple(
        entry
        for month, entry in sorted(by_month.items())
        if any(getattr(entry, figure) is not None for figure in ACTUAL_FIGURES)
    )
