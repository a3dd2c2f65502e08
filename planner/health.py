"""The plan's health in plain words: the warnings beside the figures, and a one-line verdict."""

from __future__ import annotations

from typing import NamedTuple

from planner import formatting as fmt
from planner.engine import EPSILON
from planner.model import Plan
from planner.results import PlanResult
from planner.validation import validate


class Alert(NamedTuple):
    message: str
    path: str = ""  # the plan field it is about, where there is one


def alerts(plan: Plan, result: PlanResult) -> list[Alert]:
    """The warnings, most important first: whether the plan covers the goal and when, then the
    inputs to fix, then bookkeeping. Capacity not assigned to a channel still counts as supply:
    it is a warning only when it is over a quarter of the plan's supply (else a note on the
    labor model's page)."""
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
    elif gap.coverage is not None and gap.coverage < 1 - EPSILON:
        coverage.append(
            Alert(
                f"Coverage is {fmt.percent(gap.coverage)}: the plan is {fmt.count(gap.sales_ready_leads)} sales-ready leads short"
            )
        )
    first = result.first_supply_month
    if first is None:
        coverage.append(
            Alert("Nothing supplies sales-ready leads yet: add people in the labor model or a program channel")
        )
    elif first > 1:
        coverage.append(Alert(f"No one develops leads before month {first}"))
    inputs = [Alert(p.message, p.path) for p in validate(plan)]
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


def verdict(result: PlanResult) -> str:
    """The plan in one sentence, for the health panel, the report and the workbook."""
    c = result.currency
    needed, supplied = result.demand.sales_ready_leads, result.supply.sales_ready_leads
    per_lead = fmt.money(result.supply.cost_per_sales_ready_lead, c)
    if needed <= 0:
        return "The current pipeline covers the revenue goal: no new sales-ready leads are needed."
    coverage = fmt.percent(result.gap.coverage)
    if supplied >= needed - EPSILON:
        return (
            f"On track: the plan supplies {fmt.count(supplied)} of the {fmt.count(needed)} sales-ready leads needed "
            f"({coverage} coverage) at {per_lead} each."
        )
    reps = result.gap.inside_reps_to_close_gap
    closing = f"; {reps} more inside {'rep' if reps == 1 else 'reps'} would close the gap" if reps else ""
    return (
        f"Short: the plan supplies {fmt.count(supplied)} of the {fmt.count(needed)} sales-ready leads needed "
        f"({coverage} coverage), {fmt.count(result.gap.sales_ready_leads)} short{closing}."
    )
