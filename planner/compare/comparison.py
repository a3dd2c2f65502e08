"""Two versions of a plan compared: the answers before and after, and what moved them, driver by driver.

Attribution: each driver (a target, a labor row, a channel, the actuals) is applied alone to the
older plan and the engine measures how far it moves this year's gap and the revenue gap. What the
single moves do not explain (two changes that act on each other) is one last line, ``together``,
so the lines add up to the whole move. The lines are sorted by the size of their move.
"""

from __future__ import annotations

from typing import NamedTuple

from planner.compare.changes import TOGETHER, Change, Driver, drivers, grouped
from planner.numbers.engine import compute_core
from planner.numbers.results import PlanResult
from planner.numbers.supply import Cache
from planner.plan.model import Plan


class CompareError(Exception):
    """Two plans that cannot be compared, in words for the person."""


class Answers(NamedTuple):
    """A plan's answers, as its summary gives them."""

    status: str
    year_gap: float
    revenue_gap: float
    cost: float
    cost_per_sales_ready_lead: float | None
    inside_reps_to_close_gap: int | None
    latest_start_month: int | None
    latest_start_label: str  # the calendar month of latest_start_month ("" when there is none)


class Effect(NamedTuple):
    """One driver's move of this year's gap (sales-ready leads) and of the revenue gap (money)."""

    driver: str  # targets.win_rate, labor.<id>, channels.<name>, actuals, or together
    label: str
    srl_gap: float
    revenue_gap: float


class Comparison(NamedTuple):
    currency: str
    before: Answers
    after: Answers
    changes: tuple[Change, ...]
    drivers: tuple[Driver, ...]
    attribution: tuple[Effect, ...]  # sorted by size, ``together`` last; empty when nothing changed
    month_labels: tuple[str, ...]  # the plan months' calendar labels (both plans have the same)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def year_gap_move(self) -> float:
        return self.after.year_gap - self.before.year_gap

    @property
    def revenue_gap_move(self) -> float:
        return self.after.revenue_gap - self.before.revenue_gap


def answers_of(result: PlanResult) -> Answers:
    gap = result.gap
    month = gap.latest_start_month
    label = result.months[month - 1].label if month and 0 < month <= len(result.months) else ""
    return Answers(
        result.timing.status,
        result.year.gap,
        result.revenue.gap,
        result.supply.cost,
        result.supply.cost_per_sales_ready_lead,
        gap.inside_reps_to_close_gap,
        month,
        label,
    )


def comparable(old: Plan, new: Plan) -> None:
    """Raise CompareError when the two plans do not describe the same months in the same money."""
    a, b = old.basics, new.basics
    if a.currency != b.currency:
        raise CompareError(
            f"The two plans are in different currencies ({a.currency or 'none'} and {b.currency or 'none'}), "
            "so their money cannot be compared. Compare two versions of the same plan."
        )
    if a.horizon_months != b.horizon_months or a.start_month != b.start_month:
        raise CompareError(
            f"The two plans cover different months (from {a.start_month} for {a.horizon_months} months, and from "
            f"{b.start_month} for {b.horizon_months} months), so their months cannot be compared one by one. "
            "Compare two versions of the same plan's year."
        )


MOST_MEASURED = 40  # rows measured one by one; past it, the rest of a kind are measured together


def row_move(driver: Driver, before: PlanResult, after: PlanResult) -> float:
    """How far a row's own supply moved (sales-ready leads over the horizon): what decides which rows
    are measured one by one when there are too many to run the engine for each."""
    kind = "resources" if driver.kind == "labor" else "channels"
    moved = 0.0
    for i, j, _ in driver.rows:
        old = getattr(before, kind)[i] if i is not None else None
        new = getattr(after, kind)[j] if j is not None else None
        total = "total_output" if kind == "resources" else "total_sales_ready_leads"
        moved += abs((getattr(new, total) if new else 0.0) - (getattr(old, total) if old else 0.0))
    return moved


def measured(found: list[Driver], before: PlanResult, after: PlanResult) -> list[Driver]:
    """The drivers the engine measures alone: every target and the actuals, and the rows whose own
    supply moved most, ``MOST_MEASURED`` of them; the other rows of a kind are one driver ("12 other
    channels"). The changes are listed in full all the same."""
    rows = [d for d in found if d.kind in ("labor", "channel")]
    if len(rows) <= MOST_MEASURED:
        return found
    ranked = sorted(rows, key=lambda d: -row_move(d, before, after))
    alone = {d.key for d in ranked[:MOST_MEASURED]}
    rest = [d for d in found if d.kind not in ("labor", "channel") or d.key in alone]
    for kind in ("labor", "channel"):
        others = [d for d in ranked[MOST_MEASURED:] if d.kind == kind]
        if others:
            rest.append(grouped(others, kind))
    return rest


def compare(old: Plan, new: Plan) -> Comparison:
    """What changed from ``old`` to ``new`` and how much each change moved the answer.
    Both plans must be valid; raises CompareError when they cover different months or money."""
    comparable(old, new)
    # one cache for every run: a version with one change shares the older plan's other rows, so
    # only the changed rows are worked out again (the plans outlive the cache, so no id is reused)
    cache: Cache = {}
    before_result, after_result = compute_core(old, cache), compute_core(new, cache)
    before, after = answers_of(before_result), answers_of(after_result)
    found = drivers(old, new)
    effects: list[Effect] = []
    for driver in measured(found, before_result, after_result):
        alone = answers_of(compute_core(driver.apply(old), cache, with_months=False))
        effects.append(
            Effect(driver.key, driver.label, alone.year_gap - before.year_gap, alone.revenue_gap - before.revenue_gap)
        )
    effects.sort(key=lambda e: (-abs(e.srl_gap), -abs(e.revenue_gap)))
    if effects:
        srl_move = after.year_gap - before.year_gap
        revenue_move = after.revenue_gap - before.revenue_gap
        effects.append(
            Effect(
                TOGETHER,
                "Together",
                srl_move - sum(e.srl_gap for e in effects),
                revenue_move - sum(e.revenue_gap for e in effects),
            )
        )
    return Comparison(
        new.basics.currency,
        before,
        after,
        tuple(change for driver in found for change in driver.changes),
        tuple(found),
        tuple(effects),
        tuple(m.label for m in after_result.months),
    )
