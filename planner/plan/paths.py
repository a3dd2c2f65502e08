"""Read and change a plan by the dotted path of its file (``labor[1].headcount``).

The plan is immutable: ``set_value`` returns a new plan. The app's inputs are named by
these paths, and its undo commands store a path with the old and new values.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Any

from planner.plan.model import Plan, Spec

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


@functools.lru_cache(maxsize=4096)
def parse_path(path: str) -> tuple[str | int, ...]:
    """``labor[1].headcount`` -> ("labor", 1, "headcount"); cached: the app reads paths on every edit."""
    steps: list[str | int] = []
    for part in path.split("."):
        matches = list(_STEP.finditer(part))
        if not matches or "".join(m.group(0) for m in matches) != part:
            raise KeyError(f"not a plan path: {path}")
        for match in matches:
            steps.append(match.group(1) if match.group(1) else int(match.group(2)))
    return tuple(steps)


def get_value(plan: Plan, path: str) -> Any:
    node: Any = plan
    for step in parse_path(path):
        node = node[step] if isinstance(step, int) else _get(node, step)
    return node


def _get(node: Any, name: str) -> Any:
    if isinstance(node, dict):
        return node[name]
    if not dataclasses.is_dataclass(node) or name not in _field_names(type(node)):
        raise KeyError(name)
    return getattr(node, name)


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    """A record's field names (looked up for every bound input on every edit: read once a class)."""
    return frozenset(f.name for f in dataclasses.fields(cls))


def set_value(plan: Plan, path: str, value: Any) -> Plan:
    return _set(plan, parse_path(path), value)


def _set(node: Any, steps: tuple[str | int, ...], value: Any) -> Any:
    if not steps:
        return value
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        items = list(node)
        items[step] = _set(items[step], rest, value)
        return tuple(items)
    if isinstance(node, dict):
        return {**node, step: _set(node.get(step), rest, value)}
    return dataclasses.replace(node, **{step: _set(_get(node, step), rest, value)})


def spec_at(path: str) -> Spec | None:
    """The Spec of the field a path names (list indexes don't matter)."""
    from planner.plan.model import ITEM_TYPES

    cls: type = Plan
    found: Spec | None = None
    previous = ""
    for step in parse_path(path):
        if isinstance(step, int):
            continue
        if found is not None:
            if (cls, previous) not in ITEM_TYPES:
                return None
            cls = ITEM_TYPES[(cls, previous)]
        fields = {f.name: f for f in dataclasses.fields(cls)}
        if step not in fields or "spec" not in fields[step].metadata:
            return None
        found, previous = fields[step].metadata["spec"], step
    return found
