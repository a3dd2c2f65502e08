"""Supply grouped by where it comes from, for the charts, the report and the channel editor.

One function each, so the app's charts and the exports group the engine's figures the same
way; nothing here computes plan math, it only arranges the engine's results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from planner.numbers.funnel import EPSILON
from planner.numbers.results import PlanResult
from planner.numbers.series_colours import OTHERS_NAME

UNASSIGNED = "not assigned"
# supply by who delivers it: each kind of labor, then the marketing programs together
KIND_NAMES = {"field": "Field reps", "inside": "Inside reps", "outsourced": "Outsourced teams"}
PROGRAMS = "Marketing programs"


class Source(NamedTuple):
    name: str
    kind: str  # "resource", "program", "channel" or "unassigned"
    sales_ready_leads: tuple[float, ...]  # by month
    cost: tuple[float, ...]  # by month

    @property
    def total(self) -> float:
        return sum(self.sales_ready_leads)


def free_share(result: PlanResult, owner: str) -> float:
    """The share of a resource's capacity no channel takes yet (0 for an unknown owner)."""
    resource = next((r for r in result.resources if r.id == owner), None)
    return 0.0 if resource is None else max(0.0, 1 - resource.assigned_share)


def unassigned_sources(result: PlanResult) -> list[Source]:
    """Each resource's capacity no channel takes, by month (it still counts as supply)."""
    found = []
    for resource in result.resources:
        spare = max(0.0, 1 - resource.assigned_share)
        if spare > EPSILON and resource.total_output > 0:
            found.append(
                Source(
                    f"{resource.name or resource.id}: {UNASSIGNED}",
                    "unassigned",
                    tuple(spare * v for v in resource.output),
                    tuple(spare * c for c in resource.cost),
                )
            )
    return found


def supply_sources(result: PlanResult, by: str = "resource") -> list[Source]:
    """The plan's supply split by resource and program (``by="resource"``) or by channel and
    unassigned capacity (``by="channel"``); either way the sources add up to the supply by month."""
    if by == "channel":
        found = [
            Source(c.name or f"Channel {c.index + 1}", "channel", c.sales_ready_leads, c.cost) for c in result.channels
        ]
        return found + unassigned_sources(result)
    found = [Source(r.name or r.id, "resource", r.output, r.cost) for r in result.resources]
    found += [
        Source(c.name or "Program", "program", c.sales_ready_leads, c.cost) for c in result.channels if c.is_program
    ]
    return found


def _by_month(series: Iterable[Sequence[float]]) -> tuple[float, ...]:
    return tuple(sum(values) for values in zip(*series, strict=True))


def supply_by_kind(result: PlanResult) -> list[Source]:
    """The plan's supply by who delivers it: each kind of labor the plan has (field reps, inside reps,
    outsourced teams, in that order), then the marketing programs together; they add up to the supply
    by month."""
    found = []
    for kind, name in KIND_NAMES.items():
        resources = [r for r in result.resources if r.kind == kind]
        if resources:
            found.append(
                Source(name, "resource", _by_month(r.output for r in resources), _by_month(r.cost for r in resources))
            )
    programs = [c for c in result.channels if c.is_program]
    if programs:
        found.append(
            Source(
                PROGRAMS,
                "program",
                _by_month(c.sales_ready_leads for c in programs),
                _by_month(c.cost for c in programs),
            )
        )
    return found


def top_with_others(
    rows: Iterable[tuple[str, Sequence[float]]],
    limit: int,
    others: str | Callable[[int], str] = OTHERS_NAME,
    *,
    keep_empty: bool = False,
) -> list[tuple[str, list[float]]]:
    """The rows (a name and its values by month) with the largest totals, at most ``limit`` rows: past
    the limit, the largest ``limit - 1`` come first and the rest are added up month by month into one
    last row named ``others`` (or ``others(how many it adds up)``). Within the limit the rows keep
    their order. Rows adding up to nothing are dropped first, unless ``keep_empty``."""
    kept = [(name, list(values)) for name, values in rows if keep_empty or sum(values) > 0]
    if len(kept) <= limit:
        return kept
    kept.sort(key=lambda row: -sum(row[1]))
    head, tail = kept[: limit - 1], kept[limit - 1 :]
    name = others if isinstance(others, str) else others(len(tail))
    return [*head, (name, [sum(column) for column in zip(*(values for _, values in tail), strict=True)])]
