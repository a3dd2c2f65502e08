"""A new first month or horizon keeps the actuals in their calendar months.

Actuals are facts about calendar months (March's leads), stored by plan month: moving the plan's
first month from January to April would relabel January-March's actuals as April-June. So a new
first month shifts them by the months it moves, and a shorter horizon says which actuals would
fall outside the plan before anything is dropped (the app asks; the command line refuses).
"""

from __future__ import annotations

import dataclasses
from typing import NamedTuple

from planner.plan.model import Actual, Plan
from planner.plan.months import first_calendar_month


class Rescheduled(NamedTuple):
    plan: Plan
    dropped: tuple[Actual, ...]  # actuals that fall outside the plan (by their month in the old plan)
    note: str  # what moved, in words ('' when nothing did)


def months_between(old_start: str, new_start: str) -> int | None:
    """How many months the new first month is after the old one (None when either is not a month)."""
    old_month, old_year = first_calendar_month(old_start)
    new_month, new_year = first_calendar_month(new_start)
    if old_year is None or new_year is None:
        return None
    return (new_year - old_year) * 12 + new_month - old_month


def with_start_month(plan: Plan, start: str) -> Rescheduled:
    """The plan starting in ``start``, each actual moved to the plan month of its calendar month."""
    shift = months_between(plan.basics.start_month, start)
    basics = dataclasses.replace(plan.basics, start_month=start)
    if not shift or not plan.actuals:
        return Rescheduled(dataclasses.replace(plan, basics=basics), (), "")
    inside = [a for a in plan.actuals if 1 <= a.month - shift <= plan.horizon]
    dropped = tuple(a for a in plan.actuals if a not in inside)
    kept = tuple(dataclasses.replace(a, month=a.month - shift) for a in inside)
    moved = dataclasses.replace(plan, basics=basics, actuals=kept)
    way = "earlier" if shift > 0 else "later"
    note = (
        f"The actuals keep their calendar months: each is now {abs(shift)} plan "
        f"{'month' if abs(shift) == 1 else 'months'} {way}."
    )
    if dropped:
        note += f" {len(dropped)} {'month' if len(dropped) == 1 else 'months'} of actuals fall outside the plan."
    return Rescheduled(moved, dropped, note)


def with_horizon(plan: Plan, horizon: int) -> Rescheduled:
    """The plan over ``horizon`` months, without the actuals after it (``dropped`` says which)."""
    dropped = tuple(a for a in plan.actuals if a.month > horizon)
    basics = dataclasses.replace(plan.basics, horizon_months=horizon)
    kept = tuple(a for a in plan.actuals if a.month <= horizon)
    note = ""
    if dropped:
        months = ", ".join(str(a.month) for a in dropped)
        note = f"The actuals of plan {'month' if len(dropped) == 1 else 'months'} {months} are after month {horizon}."
    return Rescheduled(dataclasses.replace(plan, basics=basics, actuals=kept), dropped, note)
