"""Short, late and on track: the one definition every verdict, colour, option and export uses.

PRODUCT.md, plan model v3, "Timing": the status is ``short`` when this year's gap exceeds half a
sales-ready lead, else ``late`` when the worst cumulative shortfall of an in-time month does,
else ``on_track``. Less than half a lead rounds to none, so what is shown ("0") and what is
said agree. No other module compares a gap with a threshold of its own: they ask here. The
workbook's formulas read the same tolerance from one named cell (``StatusTolerance``).
"""

from __future__ import annotations

SHORT, LATE, ON_TRACK = "short", "late", "on_track"
STATUSES = (SHORT, LATE, ON_TRACK)

TOLERANCE = 0.5  # less than half a sales-ready lead (or half a currency unit) is neither short nor ahead
WORST_TOLERANCE = 1e-6  # the worst month is the first within this of the worst shortfall

# the word each status begins with, wherever it is said (the app, the report, the workbook, the CLI)
WORDS = {SHORT: "Short", LATE: "Late", ON_TRACK: "On track"}
# the colour of a figure that carries the status: good, fair or poor
LEVELS = {ON_TRACK: "good", LATE: "fair", SHORT: "poor"}


def is_short(gap: float) -> bool:
    """A gap of more than half a lead: short of what is needed."""
    return gap > TOLERANCE


def is_surplus(gap: float) -> bool:
    """A gap below minus half a lead: more than is needed."""
    return gap < -TOLERANCE


def is_behind(cumulative_gap: float) -> bool:
    """A month whose cumulative gap exceeds half a lead is behind."""
    return cumulative_gap > TOLERANCE


def standing(gap: float, *, short: str, surplus: str, even: str) -> str:
    """What a gap is said as, wherever it is said: ``short`` past half a lead short (``is_short``),
    ``surplus`` past half a lead to spare (``is_surplus``), else ``even`` ("covered", "on the goal")."""
    return short if is_short(gap) else surplus if is_surplus(gap) else even


def status_of(year_gap: float, worst_shortfall: float) -> str:
    """short, late or on_track from this year's gap and the worst cumulative shortfall."""
    if is_short(year_gap):
        return SHORT
    if is_behind(worst_shortfall):
        return LATE
    return ON_TRACK


def word(status: str) -> str:
    """``Short``, ``Late`` or ``On track``."""
    return WORDS[status]


def level(status: str) -> str:
    return LEVELS[status]
