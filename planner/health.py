"""The plan's health in plain words: the warnings beside the figures, and a one-line verdict."""

from __future__ import annotations

from typing import NamedTuple

from planner import formatting as fmt
from planner import status as st
from planner.checks import Problem
from planner.funnel import EPSILON
from planner.model import Plan
from planner.results import LATE, SHORT, PlanResult
from planner.validation import validate


class Alert(NamedTuple):
    message: str
    path: str = ""  # the plan field it is about, where there is one


def alerts(plan: Plan, result: PlanResult, problems: list[Problem] | None = None) -> list[Alert]:
    """The warnings, most important first: whether the plan covers the goal and when, then the
    inputs to fix (``problems``: ``validate(plan)`` unless given), then bookkeeping. Capacity not
    assigned to a channel still counts as supply: it is a warning only when it is over a quarter
    of the plan's supply (else a note on the labor model's page)."""
    coverage: list[Alert] = []
    needed, gap = result.demand.sales_ready_leads, result.gap
    if plan.targets.revenue_goal <= 0:
        coverage.append(Alert("Start here: type the new-logo revenue goal on Targets", "targets.revenue_goal"))
    elif needed <= 0:
        coverage.append(
            Alert(
                "The current pipeline already covers the revenue goal: no new sales-ready leads are needed",
                "targets.pipeline_revenue",
            )
        )
    elif result.timing.status == SHORT:
        coverage.append(
            Alert(
                f"Coverage is {fmt.percent(gap.coverage)}: the plan is {fmt.shortfall(gap.sales_ready_leads)} "
                "of the sales-ready leads needed"
            )
        )
    elif result.timing.status == LATE:
        timing = result.timing
        coverage.append(
            Alert(
                f"The plan is {behind_phrase(result)}: {fmt.count(timing.worst_shortfall)} sales-ready leads short "
                f"at worst, in {month_label(result, timing.worst_month)}; start people or programs earlier"
            )
        )
    first = result.first_supply_month
    if first is None:
        coverage.append(
            Alert("Nothing supplies sales-ready leads yet: add people in the labor model or a program channel")
        )
    elif first > 1:
        coverage.append(Alert(f"No one develops leads before month {first}"))
    inputs = [Alert(p.message, p.path) for p in (validate(plan) if problems is None else problems)]
    bookkeeping: list[Alert] = []
    if result.supply.return_on_cost is not None and result.supply.return_on_cost < 0:
        bookkeeping.append(Alert("The plan costs more than the gross margin its leads are projected to bring in"))
    labor_index = {r.id: i for i, r in enumerate(plan.labor)}
    supply = result.supply.sales_ready_leads
    for figures in result.resources:
        unassigned = 1 - figures.assigned_share
        if unassigned > EPSILON and unassigned * figures.total_output > UNASSIGNED_WARNING * supply:
            name = figures.name or figures.id
            bookkeeping.append(
                Alert(
                    f"{fmt.percent(unassigned)} of the capacity of {name} is not assigned to a channel "
                    "(it counts as supply, but no channel says where it goes)",
                    f"labor[{labor_index[figures.id]}]",
                )
            )
    return coverage + inputs + bookkeeping


UNASSIGNED_WARNING = 0.25  # capacity not assigned to a channel is a warning above this share of the supply


def standing(result: PlanResult) -> str:
    """short, late or on_track: the engine's one status (``planner.status``), with or without actuals."""
    return result.timing.status


def level(result: PlanResult) -> str:
    """The colour of the coverage and gap figures: good (on track), fair (late), poor (short), none."""
    if result.demand.sales_ready_leads <= 0:
        return "none"
    return st.level(result.timing.status)


def month_label(result: PlanResult, month: int | None) -> str:
    return result.months[month - 1].label if month and 0 < month <= len(result.months) else f"month {month}"


def behind_phrase(result: PlanResult) -> str:
    """``behind every month``, ``behind from Mar 2027`` or ``behind until May 2027``."""
    behind = result.timing.behind_months
    if not behind:
        return ""
    if len(behind) == len(result.months):
        return "behind every month"
    if behind[0] == 1 and behind[-1] < len(result.months):
        return f"behind until {month_label(result, behind[-1] + 1)}"
    return f"behind from {month_label(result, behind[0])}"


def verdict(result: PlanResult) -> str:
    """The plan in one sentence, beginning with Short, Late or On track (the health panel's contract)."""
    needed, supplied = result.demand.sales_ready_leads, result.supply.sales_ready_leads
    if needed <= 0:
        if result.revenue.goal <= 0:
            return "On track: no revenue goal yet. Enter the new-logo revenue goal and the deal size in Targets."
        return "On track: the current pipeline covers the revenue goal; no new sales-ready leads are needed."
    if result.actuals is not None and result.actuals.forecast_sales_ready_leads is not None:
        return _verdict_at_this_pace(result)
    status, coverage = result.timing.status, fmt.percent(result.gap.coverage)
    supplies = f"the plan supplies {fmt.count(supplied)} of the {fmt.count(needed)} sales-ready leads needed"
    if status == SHORT:
        reps = result.gap.inside_reps_to_close_gap
        closing = (
            f" Hiring {reps:,} more inside {'rep' if reps == 1 else 'reps'} in the first month would close it."
            if reps
            else ""
        )
        timing = behind_phrase(result)
        return (
            f"Short: {supplies} ({coverage} coverage), {fmt.shortfall(result.gap.sales_ready_leads)}"
            f"{'; ' + timing if timing else ''}.{closing}"
        )
    if status == LATE:
        timing = result.timing
        return (
            f"Late: covered over the year ({coverage} coverage), but {behind_phrase(result)}: "
            f"{fmt.count(timing.worst_shortfall)} sales-ready leads short at worst, "
            f"in {month_label(result, timing.worst_month)}."
        )
    surplus = result.gap.sales_ready_leads
    extra = f"; {fmt.shortfall(surplus)}" if st.is_surplus(surplus) else ""
    per_lead = fmt.money(result.supply.cost_per_sales_ready_lead, result.currency)
    return f"On track: {supplies} ({coverage} coverage) at {per_lead} each{extra}."


def _verdict_at_this_pace(result: PlanResult) -> str:
    actual = result.actuals
    assert actual is not None and actual.forecast_sales_ready_leads is not None
    needed = result.demand.sales_ready_leads
    forecast = actual.forecast_sales_ready_leads
    coverage = fmt.percent(actual.forecast_coverage)
    to_date = to_date_line(result)
    state = standing(result)
    if state == SHORT:
        return f"Short at this pace: {coverage} of the year's sales-ready leads, {fmt.shortfall(needed - forecast)} ({to_date})."
    if state == LATE:
        return f"Late: at this pace the year is covered ({coverage}), but {to_date}."
    return f"On track at this pace: {coverage} of the year's sales-ready leads ({to_date})."


def to_date_line(result: PlanResult) -> str:
    """``41 sales-ready leads to Mar 2027 against 60 needed, 19 short`` ('' without actuals)."""
    actual = result.actuals
    if actual is None or actual.through_month is None or actual.sales_ready_leads is None:
        return ""
    assert actual.needed_to_date is not None and actual.variance is not None
    return (
        f"{fmt.count(actual.sales_ready_leads)} sales-ready leads to {month_label(result, actual.through_month)} "
        f"against {fmt.count(actual.needed_to_date)} needed, {fmt.shortfall(-actual.variance)}"
    )
