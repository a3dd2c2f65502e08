"""The second stage, supply: labor resources (ramp, end, attrition) and channels (shares, programs) by month.

Plan model v2 (PRODUCT.md): a resource works from its start month to its end month; each month
a/12 of its seats turn over, a replacement is away ``vacancy_months`` and then ramps like a new
hire, so output loses ``min(1, a/12 x (v + k/2))`` and payroll ``a/12 x v`` (empty seats are not
paid). A program spends its monthly budget from its start to its end month, or, when it has a
schedule, exactly the one-off spends listed there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TypeVar

from planner.numbers.funnel import ratio, srl_value
from planner.numbers.results import ChannelResult, ResourceResult, Supply
from planner.plan.model import Activity, Channel, LaborResource, Plan, Targets

T = TypeVar("T")

# Results of resources and channels already computed in one computation, by the identity of their
# inputs: a scenario shares the base plan's unchanged resource and channel objects, so only what it
# overrides is computed again. The key names everything the result is worked out from.
Cache = dict[tuple[object, ...], tuple[object, object]]
# ... and, under this key, those of the last computation (``planner.numbers.engine.Reuse``) while
# the plan's own figures are computed
PREVIOUS = ("previous computation",)


class PlanSupply(NamedTuple):
    """What the plan's resources and channels supply, one by one, month by month and in total."""

    resources: tuple[ResourceResult, ...]
    channels: tuple[ChannelResult, ...]
    by_month: list[float]  # sales-ready leads supplied
    costs: list[float]
    totals: Supply


def supply(plan: Plan, cache: Cache | None = None) -> PlanSupply:
    """Each resource and channel, then the month-by-month sums; from ``cache`` where its key is there."""
    targets, horizon = plan.targets, plan.horizon
    assigned: dict[str, float] = {}
    for channel in plan.channels:
        if not channel.is_program:
            assigned[channel.owner] = assigned.get(channel.owner, 0.0) + (channel.share or 0.0)
    resources = tuple(
        cached(
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
        cached(
            cache,
            ("channel", i, id(c), horizon, rates, id(owners.get(c.owner))),
            c,
            lambda i=i, c=c: channel_result(i, c, targets, horizon, owners),
        )
        for i, c in enumerate(plan.channels)
    )
    programs = [c for c in channels if c.is_program]
    by_month = column_sums([*(r.output for r in resources), *(c.sales_ready_leads for c in programs)], horizon)
    costs = column_sums([*(r.cost for r in resources), *(c.cost for c in programs)], horizon)
    return PlanSupply(resources, channels, by_month, costs, totals_supply(targets, sum(by_month), sum(costs)))


def cached(cache: Cache | None, key: tuple[object, ...], source: object, make: Callable[[], T]) -> T:
    """``make()``, or what it made for ``source`` under ``key`` in this computation or the last."""
    if cache is None:
        return make()
    hit = cache.get(key)
    if hit is None and PREVIOUS in cache:
        hit = cache[PREVIOUS].get(key)  # type: ignore[union-attr]
        if hit is not None and hit[0] is source:
            cache[key] = hit
    if hit is not None and hit[0] is source:
        return hit[1]  # type: ignore[return-value]
    made = make()
    cache[key] = (source, made)
    return made


def column_sums(rows: list[tuple[float, ...]], horizon: int) -> list[float]:
    return [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * horizon


def totals_supply(targets: Targets, supplied: float, cost: float) -> Supply:
    revenue = supplied * srl_value(targets)
    return Supply(
        sales_ready_leads=supplied,
        cost=cost,
        cost_per_sales_ready_lead=ratio(cost, supplied),
        cost_per_opportunity=ratio(cost, supplied * targets.srl_to_opportunity),
        projected_revenue=revenue,
        return_on_cost=ratio(revenue * targets.gross_margin - cost, cost),
    )


def activity_output(activity: Activity) -> float:
    """Sales-ready leads a person makes in a month: working days x dials x connect rate x conversion."""
    return activity.working_days * activity.dials_per_day * activity.connect_rate * activity.conversation_to_srl


def active_months(start: int, end: int | None, horizon: int) -> range:
    """The plan months (0-based) from ``start`` to ``end`` (the plan's last month when None)."""
    last = horizon if end is None else min(end, horizon)
    return range(max(start, 1) - 1, max(last, 0))


def productivity(resource: LaborResource, horizon: int) -> list[float]:
    """0 outside start..end, then min(1, (m - s + 1) / (k + 1)) from the start month."""
    start, ramp = resource.start_month, resource.ramp_months
    shares = [0.0] * horizon
    for m in active_months(start, resource.end_month, horizon):
        shares[m] = min(1.0, (m + 1 - start + 1) / (ramp + 1))
    return shares


def turnover_loss(attrition: float, vacancy: float, ramp: float) -> float:
    """The share of output lost to seats turning over: min(1, a/12 x (v + k/2))."""
    return min(1.0, attrition / 12 * (vacancy + ramp / 2))


def paid_share(attrition: float, vacancy: float) -> float:
    """The share of seats paid: max(0, 1 - a/12 x v)."""
    return max(0.0, 1 - attrition / 12 * vacancy)


def resource_result(resource: LaborResource, horizon: int, assigned: float) -> ResourceResult:
    ramp = productivity(resource, horizon)
    a, v, k = resource.attrition_rate, resource.vacancy_months, resource.ramp_months
    people_output = resource.headcount * resource.srl_per_person_month * (1 - turnover_loss(a, v, k))
    output = [people_output * p for p in ramp]
    payroll = resource.headcount * resource.cost_per_person_month * paid_share(a, v)
    fee = resource.fee_per_srl
    cost = [0.0] * horizon
    for m in active_months(resource.start_month, resource.end_month, horizon):
        cost[m] = payroll + fee * output[m]
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


def program_spend(channel: Channel, horizon: int) -> list[float]:
    """spend(m): the schedule's entries of month m when there is a schedule, else the monthly budget."""
    spend = [0.0] * horizon
    if channel.schedule:
        for entry in channel.schedule:
            if 1 <= entry.month <= horizon:
                spend[entry.month - 1] += entry.budget
        return spend
    budget = float(channel.monthly_budget or 0)
    for m in active_months(channel.start_month, channel.end_month, horizon):
        spend[m] = budget
    return spend


def program_rate(channel: Channel, targets: Targets) -> float:
    """Raw lead to sales-ready lead: the channel's own rate, or the plan's lead_to_mql x mql_to_srl."""
    return channel.lead_to_srl if channel.lead_to_srl is not None else targets.lead_to_mql * targets.mql_to_srl


def channel_result(
    index: int, channel: Channel, targets: Targets, horizon: int, owners: dict[str, ResourceResult]
) -> ChannelResult:
    zeros = (0.0,) * horizon
    if channel.is_program:
        spend = program_spend(channel, horizon)
        per_lead = channel.cost_per_lead
        rate = program_rate(channel, targets)
        raw = tuple([s / per_lead for s in spend]) if per_lead else zeros
        srl = tuple([r * rate for r in raw])
        cost = tuple(spend)
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
