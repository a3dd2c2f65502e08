"""Page 1 of the report: the memo for the CEO (``planner.memo``), formatted for the page.

The words and figures are ``planner.memo``'s, shared with the workbook's Summary sheet;
this module only formats the money and draws the small cumulative chart.
"""

from __future__ import annotations

from exports import svg_charts as charts
from planner import formatting as fmt
from planner.memo import Memo
from planner.results import PlanResult


def whole(value: float) -> str:
    """A count of leads as a whole number (tables whose columns subtract)."""
    text = f"{round(value):,}"
    return "0" if text == "-0" else text


def memo_view(memo: Memo, result: PlanResult) -> dict[str, object]:
    c = result.currency
    bridge = [(line.label, fmt.money(line.amount, c), line.note, line.total) for line in memo.bridge]
    labels = [label for label, _, _ in memo.cumulative]
    needed = [n for _, n, _ in memo.cumulative]
    supplied = [s for _, _, s in memo.cumulative]
    description = "Sales-ready leads needed and supplied to date: " + "; ".join(
        f"{label}: {whole(n)} needed, {whole(s)} supplied" for label, n, s in memo.cumulative
    )
    chart = charts.cumulative(
        "chart-cumulative",
        "Sales-ready leads needed vs supplied, to date",
        labels,
        needed,
        supplied,
        unit="Sales-ready leads, to date",
        tick_text=whole,
        description=description + ".",
    )
    return {
        "status": memo.status,
        "verdict": memo.verdict,
        "bridge": bridge,
        "chart": chart,
        "options": memo.options,
        "decisions": memo.decisions,
    }
