"""The last stage, the verdict: short, late or on track, the worst month and the months behind.

PRODUCT.md, plan model v3, "Timing", by the rules of ``planner.numbers.status``: from this year's
gap and the cumulative gap of the in-time months.
"""

from __future__ import annotations

from planner.numbers import status
from planner.numbers.known import Known
from planner.numbers.results import Timing
from planner.numbers.year import Calendar


def timing(cal: Calendar, known: Known, year_gap: float) -> Timing:
    """The worst cumulative shortfall of an in-time month, when, the months behind, and the status."""
    in_time = known.cumulative[: cal.in_time]
    worst = max(0.0, max(in_time, default=0.0))
    worst_month = None
    if worst > status.WORST_TOLERANCE:
        worst_month = next(m for m, gap in enumerate(in_time, 1) if gap >= worst - status.WORST_TOLERANCE)
    behind = tuple(m for m, gap in enumerate(in_time, 1) if status.is_behind(gap))
    return Timing(status.status_of(year_gap, worst), worst, worst_month, behind)
