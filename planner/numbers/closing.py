"""What closes the gap, in time: hires counted by v3's hiring rules, catch-up spends.

Goal seek (``planner.numbers.goal_seek``) answers "what must X be for the year"; this module adds
*when*: how many inside reps hired to start by which month close this year's gap (the engine's own
answer, ``planner.numbers.hiring``: no earlier than s0, the plan's new-hire ramp, only the leads that close
this year), how many it takes to stop being behind, and what one-off program spend catches up the
worst month. Every option is checked by recomputing the plan with it (``planner.numbers.status`` judges),
and carries the full cost of what it adds. Nothing starts before s0 once there are actuals.
"""

from __future__ import annotations

import dataclasses
import math
from typing import NamedTuple

from planner.numbers import formatting as fmt
from planner.numbers import hiring
from planner.numbers import status as st
from planner.numbers.engine import compute_core
from planner.numbers.funnel import EPSILON, ratio
from planner.numbers.goal_seek import label_of, new_people, through
from planner.numbers.results import PlanResult
from planner.numbers.supply import program_rate, resource_result
from planner.plan.model import Channel, Plan, ScheduledSpend

EXTRA_ID = "extra-inside-reps"


class Option(NamedTuple):
    goal: str  # "year" (close this year's gap) or "behind" (never be behind from s0 on)
    sentence: str  # "hire 3 inside reps to start by Feb 2027 (+$247,500)"
    cost: float  # the full cost of what it adds, over the horizon
    month: int  # the month the hire or spend starts (for "year": the latest month the hires may start)
    plan: Plan  # the plan with the option applied (what the check recomputed)


def extra_reps(plan: Plan, people: int, month: int) -> Plan:
    """The plan with ``people`` new inside reps like its first one (PRODUCT.md's q, a and v where it
    has none), hired in ``month`` and ramping over the plan's new-hire ramp."""
    hire = new_people(plan, hiring.first_inside(plan), people, month, EXTRA_ID)
    return dataclasses.replace(plan, labor=(*plan.labor, hire))


def one_rep(plan: Plan, month: int) -> tuple[float, float, tuple[float, ...]]:
    """(output over the horizon, cost over the horizon, output by month) of one new inside rep hired in ``month``."""
    figures = resource_result(new_people(plan, hiring.first_inside(plan), 1, month, EXTRA_ID), plan.horizon, 1.0)
    return figures.total_output, figures.total_cost, figures.output


def _reps(people: int) -> str:
    return f"{people:,} inside {'rep' if people == 1 else 'reps'}"


def close_the_year(plan: Plan, result: PlanResult) -> Option | None:
    """The engine's inside reps that close this year's gap, hired to start by the latest month that
    still closes it (None when the year is not short, or when no hire made now closes it)."""
    reps, latest = result.gap.inside_reps_to_close_gap, result.gap.latest_start_month
    if not st.is_short(result.gap.sales_ready_leads) or reps is None or latest is None:
        return None
    return _checked(plan, result, "year", reps, latest)


def no_hire_closes_the_year(result: PlanResult) -> bool:
    """This year is short and no hire made now adds a lead that closes in time (PRODUCT.md: null reps)."""
    return st.is_short(result.gap.sales_ready_leads) and result.gap.inside_reps_to_close_gap is None


def stop_being_behind(plan: Plan, result: PlanResult) -> Option | None:
    """The inside reps hired at s0 that keep the plan from being behind in any in-time month from s0 on."""
    if result.timing.status == st.ON_TRACK:
        return None
    first = hiring.earliest_start(plan, through(result))
    _, _, by_month = one_rep(plan, first)
    needed = 0.0
    running = 0.0
    for month, rep in zip(result.months, by_month, strict=True):
        running += rep
        if month.month < first or not month.in_time or not st.is_behind(month.cumulative_gap):
            continue
        reps = ratio(month.cumulative_gap - st.TOLERANCE, running) if running > 0 else None
        if reps is None:  # none in time, or more reps than a number can hold
            return None
        needed = max(needed, reps)
    if needed <= 0:
        return None
    return _checked(plan, result, "behind", math.ceil(needed - EPSILON), first)


def _caught_up(after: PlanResult, first: int) -> bool:
    """No in-time month from ``first`` on is behind."""
    return not any(month >= first for month in after.timing.behind_months)


def _checked(plan: Plan, result: PlanResult, goal: str, people: int, month: int) -> Option | None:
    moved = extra_reps(plan, people, month)
    after = compute_core(moved)
    done = not st.is_short(after.gap.sales_ready_leads) if goal == "year" else _caught_up(after, month)
    if not done:
        return None
    cost = after.supply.cost - result.supply.cost
    when = f"to start by {label_of(result, month)}" if goal == "year" else f"to start in {label_of(result, month)}"
    sentence = f"hire {_reps(people)} {when} (+{fmt.money(cost, plan.basics.currency)})"
    return Option(goal, sentence, cost, month, moved)


def catch_up_spend(plan: Plan, result: PlanResult) -> Option | None:
    """A one-off spend on the cheapest program, in the first month behind that is still to come
    (no earlier than s0), that ends being behind from then on."""
    behind = _behind_from(plan, result)
    if not behind:
        return None
    costs = ((ratio(c.cost_per_lead, program_rate(c, plan.targets)), c) for c in plan.channels if c.is_program)
    programs = [(cost, c) for cost, c in costs if cost]  # (None: no lead, or a sliver of one, for its money)
    if not programs:
        return None
    per_lead, cheapest = min(programs, key=lambda pair: pair[0])
    month = behind[0]
    worst = max(result.months[m - 1].cumulative_gap for m in behind)
    hundreds = worst * per_lead / 100 - EPSILON
    if not math.isfinite(hundreds):  # more than a number can hold
        return None
    spend = math.ceil(hundreds) * 100
    burst = Channel(
        name=f"{cheapest.name} (catch-up)",
        type=cheapest.type,
        owner=cheapest.owner,
        cost_per_lead=cheapest.cost_per_lead,
        lead_to_srl=cheapest.lead_to_srl,
        schedule=(ScheduledSpend(month=month, budget=spend),),
    )
    moved = dataclasses.replace(plan, channels=(*plan.channels, burst))
    if not _caught_up(compute_core(moved), month):
        return None
    currency = plan.basics.currency
    sentence = f"spend a one-off {fmt.money(spend, currency)} on {cheapest.name} in {label_of(result, month)}"
    return Option("behind", sentence, float(spend), month, moved)


def _behind_from(plan: Plan, result: PlanResult) -> list[int]:
    """The months behind that a hire or spend made now can still change (from s0 on)."""
    first = hiring.earliest_start(plan, through(result))
    return [m for m in result.timing.behind_months if m >= first]


def options(plan: Plan, result: PlanResult) -> tuple[Option, ...]:
    """Every timed option that closes this year's gap or ends being behind, checked by the engine."""
    found = [close_the_year(plan, result), stop_being_behind(plan, result), catch_up_spend(plan, result)]
    return tuple(option for option in found if option is not None)


def timing_sentence(plan: Plan, result: PlanResult) -> str:
    """What closes the gap, with timing, in sentences a CEO reads in one go ('' when nothing is behind)."""
    found = options(plan, result)
    year = [o.sentence for o in found if o.goal == "year"]
    behind = [o for o in found if o.goal == "behind"]
    parts = []
    if year:
        parts.append(f"To close this year's gap: {year[0]}.")
    elif no_hire_closes_the_year(result):
        parts.append("No hire made now closes this year's gap: its leads would not close in time.")
    if behind:
        start = hiring.earliest_start(plan, through(result))
        first = next(m for m in result.timing.behind_months if m >= start)
        parts.append(
            f"To stop being behind from {label_of(result, first)}: {', or '.join(o.sentence for o in behind)}."
        )
    if not parts and result.timing.status == st.SHORT:
        parts.append("No single hire or spend closes this year's gap: combine several, or lower the goal.")
    elif not parts and result.timing.status == st.LATE and _behind_from(plan, result):
        parts.append("No single hire or spend made from now on ends being behind: start people or programs earlier.")
    return " ".join(parts)
