"""What moved this year's gap since the older version (File → Compare with…): one bar per driver,
largest first, "together" (what the single changes do not explain) last, then the move in all.

A bar to the right grew the gap (red: more short of demand), one to the left shrank it (blue);
each bar's note gives its move in sales-ready leads and in revenue, rounded as the sentence rounds
them (``planner.compare.words.shown_moves``). The bars add up, as a waterfall's steps do, to the
last row.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from planner.compare.comparison import Comparison
from planner.compare.words import effect_what, shown_moves, signed, signed_money
from ui import palette
from ui.charts.bar_rows import BarRow, BarRowsChart

# as the report's waterfall (exports/svg_waterfall.py): red grows the gap (short of demand), the supply's
# blue shrinks it (never red against green: a colour-blind reader tells them apart), grey the move in all
GREW, SHRANK, IN_ALL = palette.SHORT, palette.SUPPLIED, palette.OTHERS
IN_ALL_LABEL = "In all"


def colour(said: int) -> str:
    """A move as said: grew the gap (red), shrank it (blue), none (grey: a line that did not move)."""
    return GREW if said > 0 else SHRANK if said < 0 else IN_ALL


def attribution_rows(comparison: Comparison) -> list[BarRow]:
    """A row per driver (the engine's order: largest move first, together last), then the move in
    all; none when nothing changed."""
    if not comparison.attribution:
        return []
    currency, effects = comparison.currency, comparison.attribution
    leads = shown_moves([effect.srl_gap for effect in effects])  # as the sentence says them: they add up
    money = shown_moves([effect.revenue_gap for effect in effects])
    rows = [
        BarRow(
            effect_what(effect, comparison),
            ((effect.srl_gap, colour(said)),),
            f"{signed(said)} ({signed_money(paid, currency)})",
        )
        for effect, said, paid in zip(effects, leads, money, strict=True)
    ]
    move = comparison.year_gap_move
    note = f"{signed(move)} ({signed_money(comparison.revenue_gap_move, currency)})"
    return [*rows, BarRow(IN_ALL_LABEL, ((move, IN_ALL),), note)]


class AttributionChart(BarRowsChart):
    """Each change's move of this year's gap in sales-ready leads, sorted by size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("What moved this year's gap (sales-ready leads)", "chart.attribution", "diverging",
                         "Sales-ready leads", parent)  # fmt: skip
        assert self.legend_label is not None
        self.legend_label.set_entries([("Grew the gap", GREW), ("Shrank the gap", SHRANK), (IN_ALL_LABEL, IN_ALL)])
        self.setMinimumHeight(160)

    def show_comparison(self, comparison: Comparison | None) -> None:
        rows = [] if comparison is None else attribution_rows(comparison)
        self.show_rows(rows)
        self.setAccessibleDescription("; ".join(f"{row.label}: {row.note}" for row in rows))
