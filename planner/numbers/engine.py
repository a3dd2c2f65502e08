"""The calculation engine: PRODUCT.md's plan model v3 (v1's "how many", v2's "when", v3's calendar).

``compute(plan)`` is the one function the app, the exports and the command line call; it returns an
immutable :class:`PlanResult`. Pure Python, no Qt. ``compute_core`` is a pipeline in the order of
the math, each stage a module of its own, called once, that never calls back here:

1. demand (``funnel``): the leads the revenue goal needs;
2. supply (``supply``): resources and channels by month;
3. the calendar (``year``): the in-time and carry-over months and what each needs;
4. the known series (``known``): the actuals through the last reported month, the plan's supply after;
5. the answers (``answers``): this year, next year's start, revenue, the gap and the hires that
   close it, months and quarters, the plan against its actuals;
6. the verdict (``verdict``): short, late or on track, and when.
"""

from __future__ import annotations

from collections.abc import Iterator

from planner.numbers.answers import answers
from planner.numbers.funnel import EPSILON, demand, ratio
from planner.numbers.known import known_series
from planner.numbers.results import Deferred, PlanResult, ScenarioResult, SensitivityRow
from planner.numbers.scenarios import apply_overrides
from planner.numbers.supply import PREVIOUS, Cache, supply
from planner.numbers.verdict import timing
from planner.numbers.year import calendar
from planner.plan.model import Plan

__all__ = ["EPSILON", "Cache", "Reuse", "compute", "compute_core", "demand", "ratio"]


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
    cache: Cache = {PREVIOUS: reuse.last} if reuse is not None else {}  # type: ignore[dict-item]
    base = compute_core(plan, cache)
    cache.pop(PREVIOUS, None)  # (a chain of caches would keep every plan typed)
    if reuse is not None:
        reuse.last = cache

    def scenarios() -> Iterator[ScenarioResult]:
        for s in plan.scenarios:
            moved = apply_overrides(plan, s.overrides)
            yield ScenarioResult(s.name, dict(s.overrides), compute_core(moved, cache, with_months=False))

    def moves() -> tuple[SensitivityRow, ...]:
        from planner.numbers.sensitivity import sensitivity  # (read after the first paint, if ever)

        return sensitivity(plan, base, lambda moved: compute_core(moved, cache, with_months=False))

    # the what-ifs are worked out when first read (a what-if view, an export, the command line)
    return base._replace(
        scenarios=Deferred(scenarios),
        sensitivity=Deferred(moves),
    )


def compute_core(plan: Plan, cache: Cache | None = None, *, with_months: bool = True) -> PlanResult:
    """The plan's figures, without its scenarios and sensitivity (nor months, quarters and actuals if
    asked: a scenario's totals, timing and revenue bridge are still there). ``cache``: the resources'
    and channels' figures already worked out (``planner.numbers.supply.cached``)."""
    need = demand(plan.targets)
    supplied = supply(plan, cache)
    cal = calendar(plan, need)
    known = known_series(plan, cal, supplied.by_month)
    found = answers(plan, need, supplied, cal, known, with_months=with_months)
    verdict = timing(cal, known, found.year.gap)
    return PlanResult(
        currency=plan.basics.currency,
        horizon=plan.horizon,
        demand=need,
        supply=supplied.totals,
        gap=found.gap,
        months=found.months,
        resources=supplied.resources,
        channels=supplied.channels,
        quarters=found.quarters,
        timing=verdict,
        revenue=found.revenue,
        actuals=found.actuals,
        year=found.year,
        next_year_start=found.next_year_start,
        targets=plan.targets,
    )
