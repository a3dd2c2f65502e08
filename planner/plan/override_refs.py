"""Scenario overrides that point at a resource or a channel, kept in step with renames and removals.

An override names a resource by its id (``labor.<id>.headcount``) and a channel by its name
(``channels.<name>.monthly_budget``). Renaming the row renames its overrides; removing the
row removes them. A name another row still carries (two channels of the same name) keeps
its overrides, since they still point at that row.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from planner.plan.model import Plan, Scenario

KEY_FIELD = {"labor": "id", "channels": "name"}  # the field an override names a row by


def _target(name: str) -> tuple[str, str] | None:
    section, dot, rest = name.partition(".")
    key, dot2, _field = rest.rpartition(".")
    return (section, key) if dot and dot2 and section in KEY_FIELD else None


def _keys(rows: tuple[Any, ...], section: str) -> set[str]:
    return {getattr(row, KEY_FIELD[section]) for row in rows}


def pointing_at(plan: Plan, section: str, keys: set[str]) -> list[tuple[str, str]]:
    """(scenario name, override name) of every override pointing at a row keyed ``keys``."""
    return [
        (scenario.name, name)
        for scenario in plan.scenarios
        for name in scenario.overrides
        if (target := _target(name)) is not None and target[0] == section and target[1] in keys
    ]


def renamed(plan: Plan, section: str, old: str, new: str, rows_after: tuple[Any, ...]) -> tuple[Scenario, ...]:
    """The scenarios with overrides of ``old`` renamed to ``new`` (unless a row is still called ``old``)."""
    if old == new or old in _keys(rows_after, section):
        return plan.scenarios
    prefix = f"{section}.{old}."

    def rename(name: str) -> str:
        return f"{section}.{new}.{name[len(prefix) :]}" if _target(name) == (section, old) else name

    return _rebuild(plan, lambda overrides: {rename(n): v for n, v in overrides.items()})


def without(plan: Plan, section: str, removed: set[str], rows_after: tuple[Any, ...]) -> tuple[Scenario, ...]:
    """The scenarios without the overrides of rows no longer in ``rows_after``."""
    gone = removed - _keys(rows_after, section)
    if not gone:
        return plan.scenarios

    def keep(name: str) -> bool:
        target = _target(name)
        return target is None or target[0] != section or target[1] not in gone

    return _rebuild(plan, lambda overrides: {n: v for n, v in overrides.items() if keep(n)})


def _rebuild(plan: Plan, change: Any) -> tuple[Scenario, ...]:
    scenarios = []
    for scenario in plan.scenarios:
        overrides = change(scenario.overrides)
        scenarios.append(
            scenario
            if list(overrides.items()) == list(scenario.overrides.items())
            else dataclasses.replace(scenario, overrides=overrides)
        )
    changed = any(a is not b for a, b in zip(scenarios, plan.scenarios, strict=True))
    return tuple(scenarios) if changed else plan.scenarios
