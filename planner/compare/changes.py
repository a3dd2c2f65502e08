"""What changed between two versions of a plan: the inputs, one by one, and the drivers they make.

Labor rows are matched by id (a renamed row is one row with a new name), channels by name (the
first "Webinars" of the older plan with the first of the newer, and so on). A *driver* is what
the attribution moves on its own: one target, one labor row, one channel, or the actuals. Only
the inputs of the plan's math count; who it is for, the notes, the metrics, the review lists and
the scenarios do not move the answer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

from planner.plan.model import Actual, Channel, LaborResource, Plan, Targets
from planner.plan.serialize import plan_to_data, specs

TOGETHER = "together"
ACTUALS = "actuals"


class Change(NamedTuple):
    """One input, before and after (None: the row was not there), as the plan file writes it."""

    path: str  # targets.win_rate, labor.<id>.headcount, labor.<id> (added or removed), channels.<name>.schedule
    driver: str  # the driver it belongs to: targets.win_rate, labor.<id>, channels.<name>, actuals
    field: str  # the field's name in its record ("" for a whole row added or removed)
    before: Any
    after: Any


class Driver(NamedTuple):
    """A part of the plan the attribution moves alone: its changes, and the older plan with only it applied."""

    key: str
    label: str  # what a CEO calls it: "Win rate", "Agency SDRs", "Webinars", "Actuals"
    kind: str  # target, labor, channel or actuals
    changes: tuple[Change, ...]
    apply: Callable[[Plan], Plan]
    # a row's: where it was in the older plan and is in the newer (None: not there), and the row after
    rows: tuple[tuple[int | None, int | None, Any], ...] = ()


def apply_rows(plan: Plan, attribute: str, rows: Sequence[tuple[int | None, int | None, Any]]) -> Plan:
    """The older plan with these rows as the newer plan has them: each changed row at its place,
    the removed ones taken out, the added ones last (in one pass: the places stay the older plan's)."""
    found = list(getattr(plan, attribute))
    removed = set()
    for i, _, after in rows:
        if i is None:
            found.append(after)
        elif after is None:
            removed.add(i)
        else:
            found[i] = after
    return dataclasses.replace(plan, **{attribute: tuple(r for k, r in enumerate(found) if k not in removed)})


def grouped(drivers: Sequence[Driver], kind: str) -> Driver:
    """Rows of one kind measured together: "12 other channels" (a plan with hundreds of changed rows
    is not run through the engine once a row)."""
    attribute = "labor" if kind == "labor" else "channels"
    rows = tuple(row for d in drivers for row in d.rows)
    what = "teams" if kind == "labor" else "channels"
    return Driver(
        attribute,
        f"{len(drivers):,} other {what}",
        "group",
        tuple(c for d in drivers for c in d.changes),
        lambda plan: apply_rows(plan, attribute, rows),
        rows,
    )


def _data(record: Any) -> dict[str, Any]:
    return plan_to_data(record)  # any record writes itself as the file does


def _field_changes(driver: str, before: Any, after: Any) -> list[Change]:
    """The fields of two records of one class that differ, as the file writes them."""
    old, new = _data(before), _data(after)
    found = []
    for name, _ in specs(type(before)):
        if name in ("id",):
            continue
        if old.get(name) != new.get(name):
            found.append(Change(f"{driver}.{name}", driver, name, old.get(name), new.get(name)))
    return found


def _targets(old: Plan, new: Plan) -> Iterator[Driver]:
    for name, _ in specs(Targets):
        before, after = getattr(old.targets, name), getattr(new.targets, name)
        if before == after:
            continue
        key = f"targets.{name}"
        change = Change(key, key, name, _value(before), _value(after))

        def apply(plan: Plan, name: str = name, after: Any = after) -> Plan:
            return dataclasses.replace(plan, targets=dataclasses.replace(plan.targets, **{name: after}))

        yield Driver(key, _label(Targets, name), "target", (change,), apply)


def _value(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _label(cls: type, name: str) -> str:
    return dict(specs(cls))[name].label


def matched_channels(old: Sequence[Channel], new: Sequence[Channel]) -> list[tuple[str, int | None, int | None]]:
    """(key, index in the older plan, index in the newer) for every channel of either: the n-th channel of
    a name in one plan is the n-th of that name in the other. The key is the name, with " (2)" for a
    second channel of the same name."""
    return _matched([c.name for c in old], [c.name for c in new])


def _matched(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, int | None, int | None]]:
    def keyed(names: Sequence[str]) -> dict[str, int]:
        seen: dict[str, int] = {}
        keys: dict[str, int] = {}
        for i, name in enumerate(names):
            seen[name] = seen.get(name, 0) + 1
            keys[name if seen[name] == 1 else f"{name} ({seen[name]})"] = i
        return keys

    before, after = keyed(old), keyed(new)
    order = list(after) + [key for key in before if key not in after]
    return [(key, before.get(key), after.get(key)) for key in order]


def _rows(
    kind: str, prefix: str, old: Sequence[Any], new: Sequence[Any], pairs: list[tuple[str, int | None, int | None]]
) -> Iterator[Driver]:
    """A driver for each row added, removed or changed; applied alone, the row takes the newer
    plan's value in the older plan (an added row goes last, a removed one is taken out)."""
    attribute = "labor" if kind == "labor" else "channels"
    for key, i, j in pairs:
        driver = f"{prefix}.{key}"
        before = old[i] if i is not None else None
        after = new[j] if j is not None else None
        if before is not None and after is not None:
            changes = _field_changes(driver, before, after)
            if not changes:
                continue
        else:
            changes = [
                Change(
                    driver,
                    driver,
                    "",
                    None if before is None else _data(before),
                    None if after is None else _data(after),
                )
            ]
        label = _row_name(after if after is not None else before)
        row = ((i, j, after),)

        def apply(plan: Plan, row: tuple[tuple[int | None, int | None, Any], ...] = row) -> Plan:
            return apply_rows(plan, attribute, row)

        yield Driver(driver, label, kind, tuple(changes), apply, row)


def _row_name(row: LaborResource | Channel) -> str:
    if isinstance(row, LaborResource):
        return row.name or row.id
    return row.name or "an unnamed channel"


def _actuals(old: Plan, new: Plan) -> Iterator[Driver]:
    before = {a.month: a for a in old.actuals}
    after = {a.month: a for a in new.actuals}
    changes: list[Change] = []
    for month in sorted(before.keys() | after.keys()):
        b, a = before.get(month), after.get(month)
        if b == a:
            continue
        path = f"{ACTUALS}.{month}"
        changes.append(Change(path, ACTUALS, "", _actual(b), _actual(a)))
    if changes:

        def apply(plan: Plan) -> Plan:
            return dataclasses.replace(plan, actuals=new.actuals)

        yield Driver(ACTUALS, "Actuals", "actuals", tuple(changes), apply)


def _actual(actual: Actual | None) -> dict[str, Any] | None:
    return None if actual is None else _data(actual)


def drivers(old: Plan, new: Plan) -> list[Driver]:
    """Every driver that changed, in the plan's order: targets, labor, channels, actuals."""
    labor = _matched([r.id for r in old.labor], [r.id for r in new.labor])
    return [
        *_targets(old, new),
        *_rows("labor", "labor", old.labor, new.labor, labor),
        *_rows("channel", "channels", old.channels, new.channels, matched_channels(old.channels, new.channels)),
        *_actuals(old, new),
    ]
