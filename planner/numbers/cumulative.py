"""The plan's months added up from its first month: needed against supplied, for the charts.

Arranges the engine's monthly figures only (``MonthResult``); the difference of the two
running totals is the engine's ``cumulative_gap``, and a month is behind when the timing says so.
"""

from __future__ import annotations

from typing import NamedTuple

from planner.numbers.results import PlanResult


class CumulativeMonth(NamedTuple):
    month: int
    label: str
    needed: float  # sales-ready leads needed, months 1..m
    supplied: float  # sales-ready leads supplied, months 1..m
    gap: float  # the engine's cumulative gap (needed - supplied)
    behind: bool  # one of result.timing.behind_months


def cumulative_months(result: PlanResult) -> list[CumulativeMonth]:
    behind = set(result.timing.behind_months)
    found, needed, supplied = [], 0.0, 0.0
    for month in result.months:
        needed += month.sales_ready_leads_needed
        supplied += month.sales_ready_leads_supplied
        found.append(
            CumulativeMonth(month.month, month.label, needed, supplied, month.cumulative_gap, month.month in behind)
        )
    return found
