"""What closes the gap, in time: hires counted with their ramp and hire month, catch-up spends.

Goal seek (``planner.goal_seek``) answers "what must X be over the year"; this module adds
*when*: how many inside reps hired by which month close the year, how many it takes to stop
being behind at all, and what one-off program spend catches up the worst month. Every option
is checked by recomputing the plan with it, and carries its cost.
"""

from __future__ import annotations

import dataclasses
import math
from typing import NamedTuple

from planner import formatting as fmt
from planner.engine import compute_core
from planner.funnel import EPSILON
from planner.hiring import first_inside
from planner.model import Channel, Plan, ScheduledSpend
from planner.results import LATE, SHORT, PlanResult
from planner.status import TOLERANCE as HALF_A_LEAD
from planner.supply import program_rate, resource_result

EXTRA_ID = "extra-inside-reps"


class Option(NamedTuple):
    goal: str  # "year" (close the year's gap) or "behind" (never be behind)
    sentence: str  # "hire 1 more inside rep by Apr 2027 (+$93,500)"
    cost: float  # the extra cost over the horizon
    month: int  # the month the hire or spend starts
    plan: Plan  # the plan with the option applied (what the check recomputed)


def extra_reps(plan: Plan, people: int, month: int) -> Plan:
    """The plan with ``people`` more inside reps like its first one, hired in ``month``."""
    like = first_inside(plan)
    hire = dataclasses.replace(like, id=EXTRA_ID, name="Extra inside reps", headcount=people, start_month=month)
    return dataclasses.replace(plan, labor=(*plan.labor, hire))


def one_rep(plan: Plan, month: int) -> tuple[float, float, tuple[float, ...]]:
    """(output over the horizon, cost over the horizon, output by month) of one rep hired in ``month``."""
    like = dataclasses.replace(first_inside(plan), headcount=1, start_month=month)
    figures = resource_result(like, plan.horizon, 1.0)
    return figures.total_output, figures.total_cost, figures.output


def _label(result: PlanResult, month: int) -> str:
    return result.months[month - 1].label if 0 < month <= len(result.months) else f"month {month}"


def _reps(people: int) -> str:
    return f"{people} more inside {'rep' if people == 1 else 'reps'}"


def close_the_year(plan: Plan, result: PlanResult) -> Option | None:
    """The fewest inside reps that close the year's gap, and the latest month they may start."""
    gap = result.gap.sales_ready_leads
    if gap <= HALF_A_LEAD:
        return None
    output, _, _ = one_rep(plan, 1)
    if output <= 0:
        return None
    people = math.ceil(gap / output - EPSILON)
    latest = 1
    for month in range(2, plan.horizon + 1):
        later, _, _ = one_rep(plan, month)
        if people * later < gap - HALF_A_LEAD:
            break
        latest = month
    return _checked(plan, result, "year", people, latest)


def stop_being_behind(plan: Plan, result: PlanResult) -> Option | None:
    """The inside reps hired in the first month that keep the plan from ever being behind."""
    if result.timing.status not in (SHORT, LATE):
        return None
    _, _, by_month = one_rep(plan, 1)
    needed = 0.0
    running = 0.0
    for month, rep in zip(result.months, by_month, strict=True):
        running += rep
        if month.cumulative_gap > HALF_A_LEAD:
            if running <= 0:
                return None
            needed = max(needed, (month.cumulative_gap - HALF_A_LEAD) / running)
    if needed <= 0:
        return None
    return _checked(plan, result, "behind", math.ceil(needed - EPSILON), 1)


def _checked(plan: Plan, result: PlanResult, goal: str, people: int, month: int) -> Option | None:
    moved = extra_reps(plan, people, month)
    after = compute_core(moved)
    done = after.gap.sales_ready_leads <= HALF_A_LEAD if goal == "year" else not after.timing.behind_months
    if not done:
        return None
    cost = after.supply.cost - result.supply.cost
    when = f"by {_label(result, month)}" if goal == "year" else f"in {_label(result, month)}"
    sentence = f"hire {_reps(people)} {when} (+{fmt.money(cost, plan.basics.currency)})"
    return Option(goal, sentence, cost, month, moved)


def catch_up_spend(plan: Plan, result: PlanResult) -> Option | None:
    """A one-off spend on the cheapest program, in the first month behind, that ends being behind."""
    if not result.timing.behind_months:
        return None
    programs = [
        (c.cost_per_lead / program_rate(c, plan.targets), c)
        for c in plan.channels
        if c.is_program and c.cost_per_lead and program_rate(c, plan.targets) > 0
    ]
    if not programs:
        return None
    per_lead, cheapest = min(programs, key=lambda pair: pair[0])
    first = result.timing.behind_months[0]
    spend = math.ceil(result.timing.worst_shortfall * per_lead / 100) * 100
    burst = Channel(
        name=f"{cheapest.name} (catch-up)",
        type=cheapest.type,
        owner=cheapest.owner,
        cost_per_lead=cheapest.cost_per_lead,
        lead_to_srl=cheapest.lead_to_srl,
        schedule=(ScheduledSpend(month=first, budget=spend),),
    )
    moved = dataclasses.replace(plan, channels=(*plan.channels, burst))
    if compute_core(moved).timing.behind_months:
        return None
    currency = plan.basics.currency
    sentence = f"spend a one-off {fmt.money(spend, currency)} on {cheapest.name} in {_label(result, first)}"
    return Option("behind", sentence, float(spend), first, moved)


def options(plan: Plan, result: PlanResult) -> tuple[Option, ...]:
    """Every timed option that closes the gap or ends being behind, checked by the engine."""
    found = [close_the_year(plan, result), stop_being_behind(plan, result), catch_up_spend(plan, result)]
    return tuple(option for option in found if option is not None)


def timing_sentence(plan: Plan, result: PlanResult) -> str:
    """What closes the gap, with timing, in sentences a CEO reads in one go ('' when nothing is behind)."""
    found = options(plan, result)
    year = [o.sentence for o in found if o.goal == "year"]
    behind = [o.sentence for o in found if o.goal == "behind"]
    parts = []
    if year:
        parts.append(f"To close the year: {year[0]}.")
    if behind:
        first = _label(result, result.timing.behind_months[0])
        parts.append(f"To stop being behind from {first}: {', or '.join(behind)}.")
    if not parts and result.timing.status in (SHORT, LATE):
        parts.append("No single hire or spend closes the gap in time: combine several, or lower the goal.")
    return " ".join(parts)
