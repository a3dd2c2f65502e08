"""Closing this year's gap with inside reps hired now (PRODUCT.md, plan model v3).

A hire starts no earlier than s0 (month 1 for a plan made ahead of its year; after the last
actual month plus the time a seat takes to fill once the year has begun), ramps over the plan's
``new_hire_ramp_months``, and counts only the leads it makes in the in-time months. Every
sentence or option that proposes hiring uses these rules (the engine, goal seek, the memo).
"""

from __future__ import annotations

import math

from planner.numbers import status
from planner.numbers.funnel import EPSILON, ratio
from planner.numbers.supply import turnover_loss
from planner.plan.model import LaborResource, Plan

# PRODUCT.md: "q 12, a 0, v 1 where it has none" (a public contract, kept here even if the app's
# defaults for a new row change)
CONTRACT_INSIDE_REP = LaborResource(
    id="inside", kind="inside", srl_per_person_month=12, ramp_months=3, attrition_rate=0.0, vacancy_months=1
)


def first_inside(plan: Plan) -> LaborResource:
    """The plan's first inside resource, or an inside rep as PRODUCT.md defines it."""
    return next((r for r in plan.labor if r.kind == "inside"), CONTRACT_INSIDE_REP)


def earliest_start(plan: Plan, through: int) -> int:
    """s0: month 1 before any actual (``through`` 0), else M + 1 + ceil(v): nobody is hired in the
    past, and a new seat takes as long to fill as an empty one."""
    if through <= 0:
        return 1
    return through + 1 + math.ceil(first_inside(plan).vacancy_months - EPSILON)


def last_in_time_month(plan: Plan) -> int:
    """H - c: the last month whose leads close inside the horizon (0 when none does)."""
    return max(0, plan.horizon - plan.targets.sales_cycle_months)


def ramped_months(months: int, ramp: int) -> float:
    """min(1, 1/(k+1)) + min(1, 2/(k+1)) + .. over ``months`` months: full months a ramping hire works."""
    if months <= 0:
        return 0.0
    if months <= ramp + 1:
        return months * (months + 1) / (2 * (ramp + 1))
    return (ramp + 2) / 2 + months - ramp - 1


def hire_delivery(plan: Plan, start: int) -> float:
    """r(s): what one inside rep hired in month ``start`` adds to this year, the sum over the
    in-time months m >= s of q x min(1, (m - s + 1)/(k + 1)) x (1 - loss), k the new hire's ramp."""
    rep, k = first_inside(plan), plan.targets.new_hire_ramp_months
    kept = 1 - turnover_loss(rep.attrition_rate, rep.vacancy_months, k)
    return rep.srl_per_person_month * kept * ramped_months(last_in_time_month(plan) - start + 1, k)


def reps_to_close(plan: Plan, year_gap: float, through: int) -> tuple[int | None, int | None]:
    """(inside reps to close this year's gap, the latest month they may start and still close it).

    0 reps (and no month) without a gap over half a lead; None reps when no hire made now can
    close it (r(s0) = 0)."""
    if not status.is_short(year_gap):
        return 0, None
    s0 = earliest_start(plan, through)
    people = ratio(year_gap, hire_delivery(plan, s0))
    if people is None or people <= 0:  # no hire adds a lead in time (or more reps than a number can hold)
        return None, None
    reps = math.ceil(people - EPSILON)
    latest = s0
    for month in range(s0 + 1, last_in_time_month(plan) + 1):
        if reps * hire_delivery(plan, month) < year_gap - status.TOLERANCE:
            break
        latest = month
    return reps, latest
