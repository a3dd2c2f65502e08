"""The calculation engine: plan model v1 exactly as PRODUCT.md defines it.

``compute(plan)`` is the one function the app, the exports and the command line call;
it returns an immutable :class:`PlanResult`. Pure Python, no Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

from planner import defaults
from planner.model import Channel, LaborResource, Plan, Targets
from planner.months import month_labels, plan_month_weights
from planner.results import (
    ChannelResult,
    Demand,
    Gap,
    MonthResult,
    PlanResult,
    ResourceResult,
    ScenarioResult,
    Supply,
)
from planner.scenarios import apply_overrides

EPSILON = 1e-9
T = TypeVar("T")


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, or None ("not available") when the denominator is 0 (or tiny)."""
    if not denominator:
        return None
    value = numerator / denominator
    return value if math.isfinite(value) else None


def column_sums(rows: list[tuple[float, ...]], horizon: int) -> list[float]:
    return [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * horizon


def compute(plan: Plan) -> PlanResult:
    """Everything the plan implies: demand, supply, gap, months, breakdowns, scenarios, sensitivity."""
    from planner.sensitivity import sensitivity  # sensitivity reuses this module's core

    cache: Cache = {}
    base = compute_core(plan, cache)
    scenarios = tuple(
        ScenarioResult(
            s.name, dict(s.overrides), compute_core(apply_overrides(plan, s.overrides), cache, with_months=False)
        )
        for s in plan.scenarios
    )
    return base._replace(scenarios=scenarios, sensitivity=sensitivity(plan, base))


def demand(targets: Targets) -> Demand:
    net_new = max(targets.revenue_goal - targets.pipeline_revenue, 0)
    wins = net_new / targets.deal_size
    opportunities = wins / targets.win_rate
    sales_ready = opportunities / targets.srl_to_opportunity
    qualified = sales_ready / targets.mql_to_srl
    return Demand(
        net_new,
        wins,
        opportunities,
        sales_ready,
        qualified,
        qualified / targets.lead_to_mql,
        opportunities * targets.deal_size,
    )


def demand_shares(plan: Plan) -> list[float]:
    """u(m + c) for each plan month: the share of the horizon's demand needed in month m."""
    horizon = plan.horizon
    weights = plan_month_weights(plan)
    total = sum(weights)
    cycle = plan.targets.sales_cycle_months
    if total <= 0:
        return [0.0] * horizon
    return [weights[(m + cycle) % horizon] / total for m in range(horizon)]


def productivity(resource: LaborResource, horizon: int) -> list[float]:
    """0 before the start month, then min(1, (m - s + 1) / (k + 1))."""
    start, ramp = resource.start_month, resource.ramp_months
    before = min(start - 1, horizon)
    ramping = [(i + 1) / (ramp + 1) for i in range(min(ramp, horizon - before))]
    return [0.0] * before + ramping + [1.0] * (horizon - before - len(ramping))


def resource_result(resource: LaborResource, horizon: int, assigned: float) -> ResourceResult:
    ramp = productivity(resource, horizon)
    people_output = resource.headcount * resource.srl_per_person_month
    output = [people_output * p for p in ramp]
    payroll = float(resource.headcount * resource.cost_per_person_month)
    fee = resource.fee_per_srl
    before = min(resource.start_month - 1, horizon)
    if fee:
        cost = [0.0] * before + [payroll + fee * out for out in output[before:]]
    else:
        cost = [0.0] * before + [payroll] * (horizon - before)
    total_output, total_cost = sum(output), sum(cost)
    return ResourceResult(
        id=resource.id,
        name=resource.name,
        kind=resource.kind,
        productivity=tuple(ramp),
        output=tuple(output),
        cost=tuple(cost),
        total_output=total_output,
        total_cost=total_cost,
        total_fees=fee * total_output,
        cost_per_sales_ready_lead=ratio(total_cost, total_output),
        assigned_share=assigned,
        unassigned_output=max(0.0, 1 - assigned) * total_output,
    )


def channel_result(
    index: int, channel: Channel, targets: Targets, horizon: int, owners: dict[str, ResourceResult]
) -> ChannelResult:
    zeros = (0.0,) * horizon
    if channel.is_program:
        budget = float(channel.monthly_budget or 0)
        per_lead = channel.cost_per_lead
        raw_per_month = budget / per_lead if per_lead else 0.0
        rate = channel.lead_to_srl if channel.lead_to_srl is not None else targets.lead_to_mql * targets.mql_to_srl
        before, active = min(channel.start_month - 1, horizon), max(horizon - channel.start_month + 1, 0)
        raw = (0.0,) * before + (raw_per_month,) * active
        srl = (0.0,) * before + (raw_per_month * rate,) * active
        cost = (0.0,) * before + (budget,) * active
    else:
        owner = owners.get(channel.owner)
        share = channel.share or 0.0
        raw = zeros
        srl = tuple([share * out for out in owner.output]) if owner else zeros
        cost = tuple([share * c for c in owner.cost]) if owner else zeros
    total_srl, total_cost = sum(srl), sum(cost)
    return ChannelResult(
        index=index,
        name=channel.name,
        type=channel.type,
        owner=channel.owner,
        is_program=channel.is_program,
        uses_plan_rates=channel.is_program and channel.lead_to_srl is None,
        raw_leads=raw,
        sales_ready_leads=srl,
        cost=cost,
        total_raw_leads=sum(raw),
        total_sales_ready_leads=total_srl,
        total_cost=total_cost,
        cost_per_sales_ready_lead=ratio(total_cost, total_srl),
    )


# Results of resources and channels already computed in this call of compute(), by the
# identity of their inputs: a scenario shares the base plan's unchanged resource and
# channel objects, so only what it overrides is computed again.
Cache = dict[tuple[object, ...], tuple[object, object]]


def _cached(cache: Cache | None, key: tuple[object, ...], source: object, make: Callable[[], T]) -> T:
    if cache is None:
        return make()
    hit = cache.get(key)
    if hit is not None and hit[0] is source:
        return hit[1]  # type: ignore[return-value]
    made = make()
    cache[key] = (source, made)
    return made


def compute_core(plan: Plan, cache: Cache | None = None, *, with_months: bool = True) -> PlanResult:
    """The plan's figures, without its scenarios and sensitivity (and without months if asked)."""
    targets, horizon = plan.targets, plan.horizon
    need = demand(targets)

    assigned: dict[str, float] = {}
    for channel in plan.channels:
        if not channel.is_program:
            assigned[channel.owner] = assigned.get(channel.owner, 0.0) + (channel.share or 0.0)
    resources = tuple(
        _cached(
            cache,
            ("labor", id(r), horizon, assigned.get(r.id, 0.0)),
            r,
            lambda r=r: resource_result(r, horizon, assigned.get(r.id, 0.0)),
        )
        for r in plan.labor
    )
    owners = {r.id: r for r in resources}
    rates = (targets.lead_to_mql, targets.mql_to_srl)
    channels = tuple(
        _cached(
            cache,
            ("channel", i, id(c), horizon, rates, id(owners.get(c.owner))),
            c,
            lambda i=i, c=c: channel_result(i, c, targets, horizon, owners),
        )
        for i, c in enumerate(plan.channels)
    )
    programs = [c for c in channels if c.is_program]

    total_supplied = sum(r.total_output for r in resources) + sum(c.total_sales_ready_leads for c in programs)
    total_cost = sum(r.total_cost for r in resources) + sum(c.total_cost for c in programs)
    months = monthly(plan, need, resources, programs) if with_months else ()
    supply = totals_supply(targets, total_supplied, total_cost)
    return PlanResult(
        currency=plan.basics.currency,
        horizon=horizon,
        demand=need,
        supply=supply,
        gap=totals_gap(plan, need.sales_ready_leads, total_supplied),
        months=months,
        resources=resources,
        channels=channels,
    )


def monthly(
    plan: Plan, need: Demand, resources: tuple[ResourceResult, ...], programs: list[ChannelResult]
) -> tuple[MonthResult, ...]:
    horizon, targets = plan.horizon, plan.targets
    supplied = column_sums([*(r.output for r in resources), *(c.sales_ready_leads for c in programs)], horizon)
    costs = column_sums([*(r.cost for r in resources), *(c.cost for c in programs)], horizon)
    srl_value = targets.srl_to_opportunity * targets.win_rate * targets.deal_size
    labels = month_labels(plan)
    return tuple(
        MonthResult(
            month=m + 1,
            label=labels[m],
            demand_share=u,
            wins_needed=need.wins * u,
            opportunities_needed=need.opportunities * u,
            sales_ready_leads_needed=need.sales_ready_leads * u,
            qualified_leads_needed=need.qualified_leads * u,
            raw_leads_needed=need.raw_leads * u,
            sales_ready_leads_supplied=supplied[m],
            gap=need.sales_ready_leads * u - supplied[m],
            coverage=ratio(supplied[m], need.sales_ready_leads * u),
            cost=costs[m],
            cost_per_sales_ready_lead=ratio(costs[m], supplied[m]),
            projected_revenue=supplied[m] * srl_value,
        )
        for m, u in enumerate(demand_shares(plan))
    )


def totals_supply(targets: Targets, supplied: float, cost: float) -> Supply:
    revenue = supplied * targets.srl_to_opportunity * targets.win_rate * targets.deal_size
    return Supply(
        sales_ready_leads=supplied,
        cost=cost,
        cost_per_sales_ready_lead=ratio(cost, supplied),
        cost_per_opportunity=ratio(cost, supplied * targets.srl_to_opportunity),
        projected_revenue=revenue,
        return_on_cost=ratio(revenue * targets.gross_margin - cost, cost),
    )


def totals_gap(plan: Plan, needed: float, supplied: float) -> Gap:
    gap = needed - supplied
    return Gap(
        sales_ready_leads=gap,
        coverage=ratio(supplied, needed),
        inside_reps_to_close_gap=inside_reps_to_close(plan, gap),
    )


def inside_reps_to_close(plan: Plan, gap: float) -> int | None:
    """ceil(gap / (H x q)), q of the plan's first inside resource (or the default); 0 without a gap."""
    if gap <= EPSILON:
        return 0
    inside = next((r for r in plan.labor if r.kind == "inside"), None)
    per_person = inside.srl_per_person_month if inside else defaults.labor_default("inside", "srl_per_person_month")
    capacity = plan.horizon * per_person
    people = ratio(gap, capacity) if capacity > 0 else None
    return None if people is None else math.ceil(people - EPSILON)
