"""The supply-against-demand chart: the shortfall in red on top of each month's bar, the same
series updated in place with the engine's figures, and its legend whole."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QLabel

from ui.main_window import MainWindow

REVIEW = 6


def xy(points: list[QPointF]) -> list[tuple[float, float]]:
    return [(point.x(), point.y()) for point in points]


def test_the_red_blocks_sit_on_each_short_months_bar_and_nowhere_else() -> None:
    from ui.charts.monthly import shortfall_edges

    # month 0: 10 supplied, 5 short; month 1: 20 supplied, not short; bars half a month wide
    top, bottom = shortfall_edges([10.0, 20.0], [5.0, 0.0], 0.5)
    assert xy(top) == [(-0.25, 10), (-0.25, 15), (0.25, 15), (0.25, 10), (0.75, 20), (1.25, 20)]
    assert xy(bottom) == [(-0.25, 10), (0.25, 10), (0.75, 20), (1.25, 20)]


def red_heights(chart: Any) -> list[float]:
    """Each month's red block, as tall as the top edge stands above the bottom one at the bar's left side."""
    top, bottom = xy(chart.short.upperSeries().points()), xy(chart.short.lowerSeries().points())
    lefts = {x: y for x, y in bottom[::2]}  # (left, right) per month
    heights = dict.fromkeys(lefts, 0.0)
    for x, y in top:
        if x in lefts:
            heights[x] = max(heights[x], y - lefts[x])
    return [heights[x] for x in sorted(heights)]


def test_review_and_export_redraws_the_chart_in_place_with_the_engines_figures(window: MainWindow, qtbot: Any) -> None:
    window.resize(1366, 768)
    window.go_to_step(REVIEW)
    slot = window.page(REVIEW).charts[0]
    qtbot.waitUntil(lambda: slot.chart is not None and not slot.stale)
    chart = slot.chart
    sets, demand, short = list(chart.sets), chart.demand, chart.short
    for rate in (0.5, 0.2, 0.3):  # 200, 500 and 333 sales-ready leads needed
        window.document.set_value("targets.win_rate", rate, merge=False)
        qtbot.waitUntil(lambda: not slot.stale)
        months = window.document.result.months
        assert chart.sets == sets and chart.demand is demand and chart.short is short  # same series
        assert [point.y() for point in demand.points()] == [m.sales_ready_leads_needed for m in months]
        stacked = [sum(bar_set.at(month) for bar_set in sets) for month in range(len(months))]
        assert stacked == pytest.approx([m.sales_ready_leads_supplied for m in months])
        assert red_heights(chart) == pytest.approx([max(0.0, m.gap) for m in months])
    # another head count moves the supply of every month: the same bar sets, refilled with the engine's figures
    before = stacked
    window.document.set_value("labor[0].headcount", 3, merge=False)
    qtbot.waitUntil(lambda: not slot.stale)
    months = window.document.result.months
    assert chart.sets == sets
    stacked = [sum(bar_set.at(month) for bar_set in sets) for month in range(len(months))]
    assert sum(a != b for a, b in zip(stacked, before, strict=True)) > 3
    assert stacked == pytest.approx([m.sales_ready_leads_supplied for m in months])
    assert red_heights(chart) == pytest.approx([max(0.0, m.gap) for m in months])
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: not slot.stale)
    # 333 needed and 288 supplied: short in some months, and said so in the legend, last
    legend = window.findChild(QLabel, "chart.demand_supply.legend")
    assert legend.names()[0] == "Needed" and legend.names()[-1] == "Short of demand"
    assert legend.height() >= legend.heightForWidth(legend.width())  # whole, never cut


def test_a_plan_short_in_no_month_has_no_red_and_no_shortfall_in_its_legend(window: MainWindow, qtbot: Any) -> None:
    window.resize(1366, 768)
    window.go_to_step(REVIEW)
    slot = window.page(REVIEW).charts[0]
    # $100,000 beyond the pipeline: 2.5 deals, 10 opportunities, 16.7 sales-ready leads (1.4 a month)
    window.document.set_value("targets.revenue_goal", 700_000, merge=False)
    qtbot.waitUntil(lambda: slot.chart is not None and not slot.stale)
    assert red_heights(slot.chart) == [0.0] * 12
    assert "Short of demand" not in window.findChild(QLabel, "chart.demand_supply.legend").names()


def test_the_key_figures_and_verdict_stay_whole_as_they_change(window: MainWindow, qtbot: Any) -> None:
    window.resize(1366, 768)
    window.go_to_step(REVIEW)
    labels = [window.findChild(QLabel, f"review.{key}") for key in ("verdict", "needed", "supplied", "revenue")]
    for rate in (0.05, 0.5, 0.01, 0.3):  # figures a digit longer and shorter, the verdict a line longer
        window.document.set_value("targets.win_rate", rate, merge=False)

        def whole() -> bool:
            for label in labels:
                need = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
                if label.height() < need or (not label.wordWrap() and label.width() < label.sizeHint().width()):
                    return False
            return True

        qtbot.waitUntil(whole)
