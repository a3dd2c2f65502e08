"""The calculation engine: PRODUCT.md's plan model v3 (v1's "how many", v2's "when", v3's calendar).

``compute(plan)`` is the one function the app, the exports and the command line call;
it returns an immutable :class:`PlanResult`. Pure Python, no Qt. The pieces live beside it, in
the order of the math: ``funnel`` (demand), ``supply`` (resources and channels by month), ``year``
(in-time and carry-over months, the known series, this year, timing, revenue), ``hiring``
(closing the gap), ``status`` (short, late, on track), then ``timeline`` (months and quarters)
and ``actuals``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from planner.numbers import year
from planner.numbers.actuals import actuals_result
from planner.numbers.funnel import EPSILON, demand, ratio, srl_value
from planner.numbers.hiring import reps_to_close
from planner.numbers.results import Deferred, Gap, PlanResult, ScenarioResult, Supply
from planner.numbers.scenarios import apply_overrides
from planner.numbers.sensitivity import sensitivity
from planner.numbers.supply import channel_result, resource_result
from planner.numbers.timeline import monthly, quarters
from planner.plan.model import Plan, Targets

__all__ = ["EPSILON", "compute", "compute_core", "demand", "ratio"]
T = TypeVar("T")


def column_sums(rows: list[tuple[float, ...]], horizon: int) -> list[float]:
    return [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * horizon


class Reuse:
    """The resources and channels of one's last computation, for the next: an edit replaces only
    the objects on its path (the plan is immutable), so a new win rate finds every resource and
    channel result there. The open document holds one; a computation without it starts from
    nothing. Only the last cache is kept (it holds its sources, so an id in a key is never
    reused while it lives)."""

    def __init__(self) -> None:
        self.last: Cache = {}


def compute(plan: Plan, reuse: Reuse | None = None) -> PlanResult:
    """Everything the plan implies: demand, supply, gap, months, timing, breakdowns, scenarios, sensitivity.

    With ``reuse``, the resources and channels its last computation made from the same objects
    are taken from there (the figures are the same as from nothing)."""
    cache: Cache = {_PREVIOUS: reuse.last} if reuse is not None else {}  # type: ignore[dict-item]
    base = compute_core(plan, cache)
    cache.pop(_PREVIOUS, None)  # (a chain of caches would keep every plan typed)
    if reuse is not None:
        reuse.last = cache

    def scenarios() -> Iterator[ScenarioResult]:
        for s in plan.scenarios:
            moved = apply_overrides(plan, s.overrides)
            yield ScenarioResult(s.name, dict(s.overrides), compute_core(moved, cache, with_months=False))

    # the what-ifs are worked out when first read (a what-if view, an export, the command line)
    return base._replace(
        scenarios=Deferred(scenarios),
        sensitivity=Deferred(
            lambda: sensitivity(plan, base, lambda moved: compute_core(moved, cache, with_months=False))
        ),
    )


# Results of resources and channels already computed in this call of compute(), by the
# identity of their inputs: a scenario shares the base plan's unchanged resource and
# channel objects, so only what it overrides is computed again.
Cache = dict[tuple[object, ...], tuple[object, object]]
# ... and, under this key, those of the last computation (``Reuse``) while the plan's own figures
# are computed
_PREVIOUS = ("previous computation",)


def _cached(cache: Cache | None, key: tuple[object, ...], source: object, make: Callable[[], T]) -> T:
    if cache is None:
        return make()
    hit = cache.get(key)
    if hit is None and _PREVIOUS in cache:
        hit = cache[_PREVIOUS].get(key)  # type: ignore[union-attr]
        if hit is not None and hit[0] is source:
            cache[key] = hit
    if hit is not None and hit[0] is source:
        return hit[1]  # type: ignore[return-value]
    made = make()
    cache[key] = (source, made)
    return made


def compute_core(plan: Plan, cache: Cache | None = None, *, with_months: bool = True) -> PlanResult:
    """The plan's figures, without its scenarios and sensitivity (nor months and quarters if asked:
    a scenario's totals, timing and revenue bridge are still there)."""
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

    supplied = column_sums([*(r.output for r in resources), *(c.sales_ready_leads for c in programs)], horizon)
    costs = column_sums([*(r.cost for r in resources), *(c.cost for c in programs)], horizon)
    total_supplied, total_cost = sum(supplied), sum(costs)
    actual = {a.month: a.sales_ready_leads for a in plan.actuals}
    cal = year.calendar(plan, need, supplied, actual)
    this_year = year.this_year(need, cal)
    revenue = year.revenue_by_month(plan, cal)
    months = monthly(plan, need, cal, supplied, costs, revenue) if with_months else ()
    supply = totals_supply(targets, total_supplied, total_cost)
    reps, latest = reps_to_close(plan, this_year.gap, cal.through)
    return PlanResult(
        currency=plan.basics.currency,
        horizon=horizon,
        demand=need,
        supply=supply,
        gap=Gap(this_year.gap, this_year.coverage, reps, latest),
        months=months,
        resources=resources,
        channels=channels,
        quarters=quarters(plan, months),
        timing=year.timing(cal, this_year.gap),
        revenue=year.revenue_bridge(plan, cal, revenue[2]),
        actuals=actuals_result(plan, months, this_year) if with_months else None,
        year=this_year,
        next_year_start=year.next_year_start(cal),
        targets=targets,
    )


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
