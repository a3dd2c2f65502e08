"""The supply-against-demand chart: the shortfall in red on top of each month's bar, the same
series updated in place with the engine's figures, and its legend whole."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from tests.ui.helpers import at_size
from ui.main_window import MainWindow
from ui.style import GAP

REVIEW = 6


def test_the_red_blocks_sit_on_each_short_months_bar_and_nowhere_else() -> None:
    from ui.charts.shortfall import blocks_of

    # month 0: 10 supplied, 5 short; month 1: 20 supplied, not short
    assert blocks_of([10.0, 20.0], [5.0, 0.0]) == [(10, 15), (20, 20)]


def test_a_new_demand_repaints_the_strip_between_the_old_and_new_tops_and_a_new_supply_the_blocks_whole() -> None:
    from ui.charts.shortfall import moved

    # bars half a month wide; month 0's top rises from 15 to 18, month 1 stays, month 2's supply moves
    old, new = [(10, 15), (20, 20), (5, 30)], [(10, 18), (20, 20), (8, 30)]
    assert moved(old, new, 0.25) == [(-0.25, 0.25, 15, 18), (1.75, 2.25, 5, 30)]


def red_heights(chart: Any) -> list[float]:
    """Each month's red block, as tall as it is drawn."""
    return [top - base for base, top in chart.short.blocks]


def shows_the_plans_figures(window: MainWindow, slot: Any) -> bool:
    """The chart is drawn, its demand line the plan's figures as they are now (a chart redraws on
    the next turn of the event loop after an edit)."""
    if slot.chart is None:
        return False
    needed = [m.sales_ready_leads_needed for m in window.document.result.months]
    return [point.y() for point in slot.chart.demand.points()] == needed


def drawn(window: MainWindow, qtbot: Any) -> Any:
    """The Review step's demand-and-supply chart, once drawn with the plan's figures at 1366 x 768."""
    at_size(window, qtbot, 1366, 768)
    window.go_to_step(REVIEW)
    slot = window.page(REVIEW).charts[0]
    qtbot.waitUntil(lambda: shows_the_plans_figures(window, slot))
    return slot


def test_review_and_export_redraws_the_chart_in_place_with_the_engines_figures(window: MainWindow, qtbot: Any) -> None:
    slot = drawn(window, qtbot)
    chart = slot.chart
    sets, demand, short = list(chart.sets), chart.demand, chart.short
    for rate in (0.5, 0.2, 0.3):  # 200, 500 and 333 sales-ready leads needed
        window.document.set_value("targets.win_rate", rate, merge=False)
        qtbot.waitUntil(lambda: shows_the_plans_figures(window, slot))
        months = window.document.result.months
        assert chart.sets == sets and chart.demand is demand and chart.short is short  # same series
        assert [point.y() for point in demand.points()] == [m.sales_ready_leads_needed for m in months]
        stacked = [sum(bar_set.at(month) for bar_set in sets) for month in range(len(months))]
        assert stacked == pytest.approx([m.sales_ready_leads_supplied for m in months])
        assert red_heights(chart) == pytest.approx([max(0.0, m.gap) for m in months])
    # another head count moves the supply of every month: the same bar sets, refilled with the engine's figures
    before = stacked
    window.document.set_value("labor[0].headcount", 3, merge=False)
    months = window.document.result.months
    supplied = [m.sales_ready_leads_supplied for m in months]
    qtbot.waitUntil(
        lambda: [sum(bar_set.at(m) for bar_set in sets) for m in range(len(months))] == pytest.approx(supplied)
    )
    assert chart.sets == sets
    stacked = [sum(bar_set.at(month) for bar_set in sets) for month in range(len(months))]
    assert sum(a != b for a, b in zip(stacked, before, strict=True)) > 3
    assert stacked == pytest.approx([m.sales_ready_leads_supplied for m in months])
    assert red_heights(chart) == pytest.approx([max(0.0, m.gap) for m in months])
    window.document.undo_stack.undo()
    # 333 needed and 288 supplied: short in some months, and said so in the legend, last
    legend = window.findChild(QLabel, "chart.demand_supply.legend")
    qtbot.waitUntil(lambda: legend.names()[-1] == "Short of demand")
    assert legend.names()[0] == "Needed"
    qtbot.waitUntil(lambda: legend.height() >= legend.heightForWidth(legend.width()))  # whole, never cut, once laid out


def test_the_red_blocks_are_painted_over_the_bars_from_the_supply_up_to_the_demand(
    window: MainWindow, qtbot: Any
) -> None:
    slot = drawn(window, qtbot)
    chart = slot.chart
    image = chart.viewport().grab().toImage()

    def colour_at(month: float, leads: float) -> str:
        point = chart.mapFromScene(chart.chart().mapToPosition(QPointF(month, leads), chart.bars))
        return image.pixelColor(point).name()

    # January: 5 supplied (the trade shows), 44.4 needed (v3: 400 over Jan-Sep); the bar is red from 5 up to 44.4
    assert colour_at(0, 20) == colour_at(0, 40) == QColor(GAP).name()
    assert colour_at(0, 3) != QColor(GAP).name()  # the supply's own colour below it
    assert colour_at(0, 48) == "#ffffff"  # nothing above the demand
    assert colour_at(0.5, 20) != QColor(GAP).name()  # nor between the bars


def test_a_plan_short_in_no_month_has_no_red_and_no_shortfall_in_its_legend(window: MainWindow, qtbot: Any) -> None:
    slot = drawn(window, qtbot)
    # $100,000 beyond the pipeline: 2.5 deals, 10 opportunities, 16.7 sales-ready leads (1.4 a month)
    window.document.set_value("targets.revenue_goal", 700_000, merge=False)
    qtbot.waitUntil(lambda: shows_the_plans_figures(window, slot))
    assert red_heights(slot.chart) == [0.0] * 12
    assert "Short of demand" not in window.findChild(QLabel, "chart.demand_supply.legend").names()


def test_the_key_figures_and_verdict_stay_whole_as_they_change(window: MainWindow, qtbot: Any) -> None:
    at_size(window, qtbot, 1366, 768)
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
