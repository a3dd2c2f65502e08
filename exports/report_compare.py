"""The report's "Since the last review": this plan against the last review's (issue 32).

A line on the memo's page (the sentence the app and the command line say), then a section: the
answers before and after, the waterfall from this year's gap then to the gap now (each driver's
move, ``together`` last), the table of the moves in leads and money, and the changed inputs.
"""

from __future__ import annotations

from exports import svg_waterfall as waterfall
from exports.comparison_rows import (
    EffectRow,
    change_rows,
    effect_rows,
    memo_line,
)
from exports.report_memo import whole
from exports.report_model import Table
from planner.compare.comparison import Comparison
from planner.compare.words import TOGETHER_TEXT, answer_rows, signed, signed_money
from planner.numbers import formatting as fmt

CHART_DRIVERS = 10  # the waterfall's bars of drivers; the smaller ones are one bar, "N other changes"


def since_view(comparison: Comparison, since: str) -> dict[str, object]:
    c = comparison.currency
    then = f"at the last review ({since})" if since else "at the last review"
    answers = Table(
        "The answers then and now",
        ("Answer", "Last review" + (f", {since}" if since else ""), "Now"),
        answer_rows(comparison),  # as the app and the command line say them
    )
    view: dict[str, object] = {"line": memo_line(comparison, since), "answers": answers, "changed": comparison.changed}
    if not comparison.changed:
        return view
    effects = effect_rows(comparison)
    view["attribution"] = Table(
        "What moved the gaps, driver by driver (each change applied alone to the last review's plan)",
        ("What changed", "This year's gap (sales-ready leads)", "Revenue gap"),
        [(e.text, signed(e.srl_said), signed_money(e.revenue_said, c)) for e in effects],
        foot=("Total move", signed(comparison.year_gap_move), signed_money(comparison.revenue_gap_move, c)),
    )
    view["changes"] = Table(
        "The inputs that changed",
        ("Input", "Before", "After"),
        [tuple(row) for row in change_rows(comparison)],
        text_columns=3,
    )
    view["chart"] = waterfall.waterfall(
        "chart-since",
        f"This year's gap {then} and now, and what moved it",
        steps(comparison, effects, since),
        tick_text=whole,
        unit="This year's gap, sales-ready leads",
    )
    view["caption"] = (
        "Each bar after the first is one change's move of this year's gap, applied alone to the last review's "
        f"plan: red grows the gap, blue shrinks it. \u201c{TOGETHER_TEXT}\u201d is what the single changes do not "
        "explain, so the moves end at the gap now."
    )
    return view


def steps(comparison: Comparison, effects: list[EffectRow], since: str) -> list[waterfall.Step]:
    """The gap then, each driver's move (the smallest beyond ``CHART_DRIVERS`` as one bar), together, the gap now."""
    moves, together = effects[:-1], effects[-1]
    shown = moves if len(moves) <= CHART_DRIVERS else moves[: CHART_DRIVERS - 1]
    rest = moves[len(shown) :]
    found = [
        waterfall.Step(f"Gap on {since}" if since else "Gap at the last review", *_total(comparison.before.year_gap))
    ]
    found += [waterfall.Step(e.text, e.srl_gap, signed(e.srl_said)) for e in shown]
    if rest:
        move, said = sum(e.srl_gap for e in rest), sum(e.srl_said for e in rest)
        found.append(waterfall.Step(f"{len(rest)} other changes", move, signed(said)))
    found.append(waterfall.Step("Together", together.srl_gap, signed(together.srl_said)))
    found.append(waterfall.Step("Gap now", *_total(comparison.after.year_gap)))
    return found


def _total(gap: float) -> tuple[float, str, bool]:
    return gap, fmt.gap(gap), True
