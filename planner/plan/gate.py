"""One gate for every value that enters a plan: the checks of opening a file, where the value enters.

Typed in an input or a table, pasted, set by the schedule editor, imported or recovered: a value
goes into the plan only if the plan that results is one the file format accepts (each field's
Spec, the lists' sizes, and a row's own months: an end month not before its start, months inside
the plan). So a plan in memory always saves to a file that opens again. Only what changed is
read again: the row an edit touches, or the rows of a list that are not the same objects as
before (adding one channel to ten thousand checks one).
"""

from __future__ import annotations

from typing import Any

from planner.plan import checks
from planner.plan.checks import Problem
from planner.plan.model import ITEM_TYPES, Channel, LaborResource, Plan
from planner.plan.paths import get_value, parse_path, set_value
from planner.plan.serialize import object_problems

MAX_SCHEDULE_ENTRIES = checks.MAX_SCHEDULE_ENTRIES


def entry_problems(plan: Plan, path: str, value: Any) -> list[Problem]:
    """What the file would refuse once ``path`` is set to ``value`` in ``plan`` (empty: it may enter)."""
    steps = parse_path(path)
    section = steps[0]
    assert isinstance(section, str)
    try:
        changed = set_value(plan, path, value)
    except (KeyError, IndexError, TypeError) as error:
        return [Problem(path, f"is not a part of the plan ({error})")]
    cls = ITEM_TYPES.get((Plan, section))
    new = getattr(changed, section)
    if cls is None or not isinstance(new, tuple):  # a section of one object (targets, basics, ...)
        # only the horizon moves a row's months out of the plan: a name typed in Basics reads no row
        return _object(cls, new, section) + (_months(changed) if path == "basics.horizon_months" else [])
    old = getattr(plan, section)
    if len(new) > checks.MAX_ROWS:
        return [Problem(section, f"A plan holds at most {checks.MAX_ROWS:,} rows here")]
    rows = [(i, row) for i, row in enumerate(new) if i >= len(old) or row is not old[i]]
    found = []
    for i, row in rows:
        found += _object(cls, row, f"{section}[{i}]")
        found += _row_months(row, f"{section}[{i}]", changed.horizon)
    return found


def value_problems(plan: Plan, path: str, value: Any) -> list[Problem]:
    """``entry_problems``, or none when the value is already the plan's."""
    try:
        if get_value(plan, path) == value:
            return []
    except (KeyError, IndexError, TypeError):
        pass
    return entry_problems(plan, path, value)


def _object(cls: type | None, obj: Any, path: str) -> list[Problem]:
    return object_problems(cls, obj, path) if cls is not None else []


def _months(plan: Plan) -> list[Problem]:
    """A change of the horizon leaves no row's own months outside it (asked first, in the app)."""
    found = []
    for section in ("labor", "channels", "actuals"):
        for i, row in enumerate(getattr(plan, section)):
            found += _row_months(row, f"{section}[{i}]", plan.horizon)
    return found


def _row_months(row: Any, path: str, horizon: int) -> list[Problem]:
    """A row's own months: an end not before its start, a schedule of at most MAX_SCHEDULE_ENTRIES
    spends inside the plan, actuals inside the plan."""
    found = []
    name = getattr(row, "name", "") or getattr(row, "id", "") or "this row"
    if isinstance(row, LaborResource | Channel) and row.end_month is not None and row.end_month < row.start_month:
        found.append(
            Problem(
                f"{path}.end_month",
                f"“{name}” ends in month {row.end_month}, before it starts (month {row.start_month})",
            )
        )
    if isinstance(row, Channel):
        if len(row.schedule) > MAX_SCHEDULE_ENTRIES:
            found.append(
                Problem(
                    f"{path}.schedule",
                    f"“{name}” has {len(row.schedule):,} scheduled spends; a program holds at most "
                    f"{MAX_SCHEDULE_ENTRIES:,}",
                )
            )
        found += [
            Problem(
                f"{path}.schedule[{i}].month",
                f"A spend of “{name}” is in month {s.month}, after the plan's last month ({horizon})",
            )
            for i, s in enumerate(row.schedule[:MAX_SCHEDULE_ENTRIES])
            if s.month > horizon
        ]
    month = getattr(row, "month", None)
    if path.startswith("actuals") and isinstance(month, int) and month > horizon:
        found.append(Problem(f"{path}.month", f"Actuals for month {month} are after the plan's last month ({horizon})"))
    return found
