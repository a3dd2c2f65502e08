"""The fourth stage, the known series: what answers each month's need (PRODUCT.md, plan model v3).

The actual sales-ready leads through the last reported month M, the plan's supply after it; and
the cumulative gap, what is needed less what is known, added up from month 1.
"""

from __future__ import annotations

from typing import NamedTuple

from planner.numbers.year import Calendar
from planner.plan.model import Plan


class Known(NamedTuple):
    through: int  # M: the last month with actual sales-ready leads (0 when none)
    series: tuple[float, ...]  # actuals through M, the plan's supply after
    cumulative: tuple[float, ...]  # needed - known, added up from month 1


def known_series(plan: Plan, cal: Calendar, supplied: list[float]) -> Known:
    """The known series and the cumulative gap (a month before M without an actual counts 0)."""
    actual = {a.month: a.sales_ready_leads for a in plan.actuals}
    through = max((m for m, value in actual.items() if value is not None and m <= plan.horizon), default=0)
    known = [(actual.get(m + 1) or 0.0) if m < through else supplied[m] for m in range(plan.horizon)]
    cumulative, running = [], 0.0
    for n, k in zip(cal.needed, known, strict=True):
        running += n - k
        cumulative.append(running)
    return Known(through, tuple(known), tuple(cumulative))
