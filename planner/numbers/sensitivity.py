"""Sensitivity: each driver moved by -20%, -10%, +10% and +20%.

Every driver but the sales cycle moves the totals linearly (a head count scales its resource's
output and cost, a budget its program's leads and cost, a conversion rate the programs that use
the plan's rates), so the moved totals are worked out from the base result's breakdowns instead
of recomputing the plan for each move: this year's expected leads (plan model v3) move by the
part's leads in the in-time months after the last actual. The sales cycle moves which months are
in time, so its moves are recomputed. A test checks every move against recomputing in full.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from planner.numbers.funnel import ratio, sales_ready_needed
from planner.numbers.results import PlanResult, SensitivityMove, SensitivityRow
from planner.numbers.scenarios import TARGET_FIELDS
from planner.plan.model import Plan

CHANGES = (-0.2, -0.1, 0.1, 0.2)
DEMAND_DRIVERS = ("revenue_goal", "pipeline_revenue", "deal_size", "win_rate", "srl_to_opportunity")
PROGRAM_RATE_DRIVERS = ("lead_to_mql", "mql_to_srl")

# a driver: (override name, label, base value, how a moved value changes (needed, this year's expected,
# supplied over the horizon, cost))
Totals = tuple[float, float, float, float]
Driver = tuple[str, str, float, Callable[[float], Totals]]


def moved_value(spec_kind: str, value: float, change: float) -> float:
    moved = value * (1 + change)
    if spec_kind == "rate":
        return min(moved, 1.0)
    if spec_kind == "int":
        return round(moved)
    return moved


def drivers(plan: Plan, base: PlanResult, recompute: Callable[[Plan], PlanResult]) -> list[Driver]:
    targets = plan.targets
    needed, supplied, cost = base.demand.sales_ready_leads, base.supply.sales_ready_leads, base.supply.cost
    expected = base.year.sales_ready_leads_expected
    # the months a moved supply changes this year's expected leads in: after the actuals, in time
    after = base.actuals.through_month if base.actuals is not None and base.actuals.through_month else 0
    in_time = base.year.last_month or 0

    def this_year(series: Sequence[float]) -> float:
        return sum(series[after:in_time])

    found: list[Driver] = []

    values = {name: getattr(targets, name) for name in DEMAND_DRIVERS}

    def demand_with(name: str) -> Callable[[float], Totals]:
        def moved(value: float) -> Totals:
            return sales_ready_needed(**{**values, name: value}), expected, supplied, cost

        return moved

    for name in DEMAND_DRIVERS:
        found.append((name, TARGET_FIELDS[name].label, getattr(targets, name), demand_with(name)))

    programs = [c for c in base.channels if c.uses_plan_rates]
    program_srl = sum(c.total_sales_ready_leads for c in programs)
    program_year = sum(this_year(c.sales_ready_leads) for c in programs)
    for name in PROGRAM_RATE_DRIVERS:
        base_value = getattr(targets, name)
        found.append(
            (
                name,
                TARGET_FIELDS[name].label,
                base_value,
                lambda v, b=base_value: (
                    needed,
                    expected + program_year * (v / b - 1),
                    supplied + program_srl * (v / b - 1),
                    cost,
                ),
            )
        )

    def with_cycle(value: float) -> Totals:  # the cycle moves which months are in time: recomputed
        moved = recompute(dataclasses.replace(plan, targets=dataclasses.replace(targets, sales_cycle_months=value)))
        return needed, moved.year.sales_ready_leads_expected, supplied, cost

    found.append(
        ("sales_cycle_months", TARGET_FIELDS["sales_cycle_months"].label, targets.sales_cycle_months, with_cycle)
    )
    for resource, figures in zip(plan.labor, base.resources, strict=True):
        name = resource.name or resource.id
        out = figures.total_output
        for field, label, value, scale_cost in (
            ("headcount", "Head count", resource.headcount, figures.total_cost),
            ("srl_per_person_month", "Output per person", resource.srl_per_person_month, figures.total_fees),
        ):
            found.append(
                (
                    f"labor.{resource.id}.{field}",
                    f"{label}: {name}",
                    value,
                    _linear((needed, expected, supplied, cost), (this_year(figures.output), out, scale_cost), value),
                )
            )
    for channel, figures in zip(plan.channels, base.channels, strict=True):
        if not channel.is_program or not channel.monthly_budget or not channel.cost_per_lead:
            continue
        srl, spend = figures.total_sales_ready_leads, figures.total_cost
        found.append(
            (
                f"channels.{channel.name}.monthly_budget",
                f"Monthly budget: {channel.name}",
                channel.monthly_budget,
                _linear(
                    (needed, expected, supplied, cost),
                    (this_year(figures.sales_ready_leads), srl, spend),
                    channel.monthly_budget,
                ),
            )
        )
        per_lead, year_srl = channel.cost_per_lead, this_year(figures.sales_ready_leads)
        found.append(
            (
                f"channels.{channel.name}.cost_per_lead",
                f"Cost per lead: {channel.name}",
                per_lead,
                lambda v, p=per_lead, s=srl, y=year_srl: (
                    needed,
                    expected + y * (p / v - 1),
                    supplied + s * (p / v - 1),
                    cost,
                ),
            )
        )
    return found


def _linear(base: Totals, part: tuple[float, float, float], base_value: float) -> Callable[[float], Totals]:
    """A driver whose part of the supply (this year's, all of it) and cost scales with its value."""
    needed, expected, supplied, cost = base
    part_year, part_srl, part_cost = part

    def moved(value: float) -> Totals:
        factor = value / base_value - 1 if base_value else 0.0
        return needed, expected + part_year * factor, supplied + part_srl * factor, cost + part_cost * factor

    return moved


def sensitivity(plan: Plan, base: PlanResult, recompute: Callable[[Plan], PlanResult]) -> tuple[SensitivityRow, ...]:
    """``recompute``: the engine without what-ifs, for the sales cycle's moves."""
    base_needed = base.demand.sales_ready_leads
    base_coverage = base.gap.coverage
    base_cpl = base.supply.cost_per_sales_ready_lead
    rows = []
    for name, label, value, move in drivers(plan, base, recompute):
        kind = TARGET_FIELDS[name].kind if name in TARGET_FIELDS else "number"
        moves = []
        for change in CHANGES:
            moved = moved_value(kind, value, change)
            needed, expected, supplied, cost = move(moved)
            coverage = ratio(expected, needed)  # this year's coverage, as the gap's
            per_srl = ratio(cost, supplied)
            moves.append(
                SensitivityMove(
                    change=change,
                    value=moved,
                    sales_ready_leads_needed=needed,
                    coverage=coverage,
                    cost_per_sales_ready_lead=per_srl,
                    sales_ready_leads_needed_change=needed - base_needed,
                    coverage_change=_difference(coverage, base_coverage),
                    cost_per_sales_ready_lead_change=_difference(per_srl, base_cpl),
                )
            )
        impact = max((abs(m.coverage_change or 0.0) for m in moves), default=0.0)
        rows.append(SensitivityRow(name, label, value, tuple(moves), impact))
    rows.sort(key=lambda row: -row.impact)
    return tuple(rows)


def _difference(new: float | None, old: float | None) -> float | None:
    return None if new is None or old is None else new - old
