"""Supply grouped by where it comes from, for the charts, the report and the channel editor.

One function each, so the app's charts and the exports group the engine's figures the same
way; nothing here computes plan math, it only arranges the engine's results.
"""

from __future__ import annotations

from typing import NamedTuple

from planner.numbers.funnel import EPSILON
from planner.numbers.results import PlanResult

UNASSIGNED = "not assigned"


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
