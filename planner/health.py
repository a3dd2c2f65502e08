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
    found = [Alert(p.message, p.path) for p in validate(plan)]
    labor_index = {r.id: i for i, r in enumerate(plan.labor)}
    for figures in result.resources:
        unassigned = 1 - figures.assigned_share
        if unassigned > EPSILON and figures.total_output > 0:
            name = figures.name or figures.id
            found.append(
                Alert(
                    f"{fmt.percent(unassigned)} of the capacity of {name} is not assigned to a channel",
                    f"labor[{labor_index[figures.id]}]",
                )
            )
    first = result.first_supply_month
    if first is None:
        found.append(
            Alert("Nothing supplies sales-ready leads yet: add people in the labor model or a program channel")
        )
    elif first > 1:
        found.append(Alert(f"No one develops leads before month {first}"))
    needed, gap = result.demand.sales_ready_leads, result.gap
    if needed <= 0:
        found.append(
            Alert(
                "The current pipeline already covers the revenue goal: no new sales-ready leads are needed",
                "targets.pipeline_revenue",
            )
        )
    elif gap.coverage is not None and gap.coverage < 1 - EPSILON:
        found.append(
            Alert(
                f"Coverage is {fmt.percent(gap.coverage)}: the plan is {fmt.count(gap.sales_ready_leads)} sales-ready leads short"
            )
        )
    if result.supply.return_on_cost is not None and result.supply.return_on_cost < 0:
        found.append(Alert("The plan costs more than the gross margin its leads are projected to bring in"))
    return found


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
