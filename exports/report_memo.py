"""Page 1 of the report: the memo for the CEO (``planner.advice.memo``), formatted for the page.

The words and figures are ``planner.advice.memo``'s, shared with the workbook's Summary sheet;
this module only formats the money and draws the small cumulative chart: the sales-ready leads
needed against those known (actual through the last reported month, planned after), added up,
with the carry-over months marked as next year's.
"""

from __future__ import annotations

from exports import svg_charts as charts
from planner.advice.memo import Memo
from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult


def whole(value: float) -> str:
    """A count of leads as a whole number (tables whose columns subtract)."""
    text = f"{round(value):,}"
    return "0" if text == "-0" else text


def memo_view(memo: Memo, result: PlanResult) -> dict[str, object]:
    c = result.currency
    bridge = [(line.label, fmt.money(line.amount, c), line.note, line.total) for line in memo.bridge if not line.aside]
    asides = [(line.label, fmt.money(line.amount, c), line.note) for line in memo.bridge if line.aside]
    months = memo.cumulative
    with_actuals = result.actuals is not None and bool(result.actuals.through_month)
    known = "Known to date" if with_actuals else "Supplied to date"
    carry_over = next((i for i, m in enumerate(months) if not m.in_time), None)
    description = (
        "Sales-ready leads needed and "
        + ("known (actual, then planned)" if with_actuals else "supplied")
        + " to date: "
        + "; ".join(
            f"{m.label}: {whole(m.needed)} needed, {whole(m.known)} {'known' if with_actuals else 'supplied'}"
            + ("" if m.in_time else " (next year's start)")
            for m in months
        )
    )
    chart = charts.cumulative(
        "chart-cumulative",
        "Sales-ready leads needed vs " + ("known" if with_actuals else "supplied") + ", to date",
        [m.label for m in months],
        [m.needed for m in months],
        [m.known for m in months],
        unit="Sales-ready leads, to date",
        tick_text=whole,
        description=description + ".",
        supplied_name=known,
        next_year_from=carry_over,
    )
    caption = "Where the solid line is below the dashed one, the plan is behind; the shaded area is the cumulative gap."
    if with_actuals:
        caption += " The solid line is the actual leads to the last reported month, then the plan's."
    if carry_over is not None:
        caption += (
            f" The grey band ({months[carry_over].label} on) is next year's start: those months' leads close "
            "next year and do not count toward this year's gap."
        )
    return {
        "status": memo.status,
        "verdict": memo.verdict,
        "next_year": memo.next_year,
        "bridge": bridge,
        "asides": asides,
        "chart": chart,
        "caption": caption,
        "options": memo.options,
        "decisions": memo.decisions,
        "assumptions": memo.assumptions,  # "assumptions to check": one line per figure outside its range
    }
