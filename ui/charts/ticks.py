"""Short numbers for charts' axes: 1k, 2.5k, 10k, 1.5M; short month labels. (The round steps
themselves, 0, 250, 500, ..., are ``planner.numbers.axis``'s, shared with the report.)

No QtCharts here: the Track grid labels its months with :func:`short_labels` too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner.numbers.results import PlanResult


def short_number(value: float, signed: bool = False) -> str:
    """``950``, ``1k``, ``2.5k``, ``10k``, ``1.5M``; ``+5`` and ``-5`` when signed."""
    sign = "+" if signed and value > 0 else "-" if value < 0 else ""
    size = abs(value)
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= limit:
            shown = f"{size / limit:.1f}".rstrip("0").rstrip(".")
            return f"{sign}{shown}{suffix}"
    shown = f"{size:.2f}".rstrip("0").rstrip(".")
    return f"{sign}{shown or '0'}"


def short_labels(result: PlanResult) -> list[str]:
    """``Jan`` for a plan within one year, ``Jan 27`` when it spans years."""
    labels = [m.label for m in result.months]
    years = {label[-4:] for label in labels}
    if len(years) <= 1:
        return [label[:3] for label in labels]
    return [f"{label[:3]} {label[-2:]}" if label[-4:].isdigit() else label for label in labels]
