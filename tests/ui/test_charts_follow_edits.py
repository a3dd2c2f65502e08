"""An edit repaints only what changed: charts update their series in place, skip what the edit left
as it was, and wait while off screen; tables say which cells changed, never reset on a number."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QTableView, QWidget

from planner.numbers.status import is_short
from planner.plan.sample import sample_plan
from tests.ui.helpers import PaintedRegion, at_size, in_sight, model_spies, once_shown, run_what_is_due
from ui.document import PlanDocument
from ui.main_window import MainWindow
from ui.models.actuals_model import ACTUAL_COLUMNS, COLUMNS, PLAN_COLUMNS, ActualsModel, actual_column
from ui.models.channels_model import ChannelsModel
from ui.models.labor_model import LaborModel
from ui.models.running_totals_model import RunningTotalsModel

LABOR, CHANNELS, TRACK = 3, 4, 7
LEADS = actual_column("sales_ready_leads")


def open_step(window: MainWindow, qtbot: Any, step: int) -> Any:
    at_size(window, qtbot, 1366, 768)
    window.go_to_step(step)
    return window.page(step)


def bar_values(chart: Any) -> dict[str, list[float]]:
    return {bar_set.label(): [bar_set.at(m) for m in range(bar_set.count())] for bar_set in chart.sets}


def spans(spy: QSignalSpy) -> list[tuple[int, int, int, int]]:
    """(first row, last row, first column, last column) of each dataChanged a spy caught."""
    return [(spy.at(i)[0].row(), spy.at(i)[1].row(), spy.at(i)[0].column(), spy.at(i)[1].column())
            for i in range(spy.count())]  # fmt: skip


def test_a_win_rate_edit_repaints_no_labor_or_channel_row_and_only_the_plans_track_cells(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    models = {
        "labor": LaborModel(document),
        "channels": ChannelsModel(document),
        "actuals": ActualsModel(document),
        "running totals": RunningTotalsModel(document),
    }
    resets, changes = model_spies(models)
    document.set_value("targets.win_rate", 0.3, merge=False)
    assert {name: spy.count() for name, spy in resets.items()} == dict.fromkeys(models, 0)
    # a win rate moves the demand, not what the people and programs supply: their rows stay as painted
    assert changes["labor"].count() == 0
    assert changes["channels"].count() == 0
    # no actuals yet: only each month's plan figures moved (opportunities and wins needed, and so on),
    # never an actual or a variance cell (empty before and after)
    changed = spans(changes["actuals"])
    assert changed
    assert {first for _, _, first, last in changed if first == last} == {first for _, _, first, _ in changed}
    assert {column for _, _, column, _ in changed} <= set(PLAN_COLUMNS)
    assert min(top for top, *_ in changed) == 0 and max(bottom for _, bottom, *_ in changed) == 11
    assert changes["running totals"].count() > 0  # needed so far moved


def test_a_typed_actual_repaints_its_cells_and_the_plan_figures_its_leads_move(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    model = ActualsModel(document)
    resets, changes = QSignalSpy(model.modelReset), QSignalSpy(model.dataChanged)
    assert model.setData(model.index(2, LEADS), "20")
    assert resets.count() == 0
    # March's leads and their variance; the plan's opportunities of the months whose known leads moved
    # (January and February now count 0, as months before the last reported one without an actual, and
    # March 20); the plan's wins and revenue of April to June, when those leads close (a 3-month cycle)
    opps, wins, revenue = (PLAN_COLUMNS[i] for i in (1, 2, 3))
    assert spans(changes) == [
        (0, 1, opps, opps),
        (2, 2, LEADS, LEADS),
        (2, 2, LEADS + 2, LEADS + 2),
        (2, 2, opps, opps),
        (3, 5, wins, wins),
        (3, 5, revenue, revenue),
    ]
    assert model.data(model.index(2, LEADS + 2)) == "−24"  # 20 - 44.4 needed (v3: 400 over Jan-Sep)


def test_the_labor_chart_updates_its_bar_sets_and_demand_line_in_place(window: MainWindow, qtbot: Any) -> None:
    page = open_step(window, qtbot, LABOR)
    page.ensureWidgetVisible(page.chart)
    chart = page.chart.build()
    sets, demand, short = list(chart.sets), chart.demand, chart.short
    assert sets and "Short of demand" not in [bar_set.label() for bar_set in sets]  # red on top, not in the stack
    touched = [QSignalSpy(bar_set.valuesAdded) for bar_set in sets]
    touched += [QSignalSpy(bar_set.valueChanged) for bar_set in sets]
    replaced = QSignalSpy(demand.pointsReplaced)
    before, blocks_before = bar_values(chart), list(short.blocks)
    window.document.set_value("targets.win_rate", 0.2, merge=False)  # 400 leads needed become 500
    qtbot.waitUntil(lambda: replaced.count() > 0)  # redrawn (on the next turn of the event loop)
    run_what_is_due(qtbot)
    assert chart.sets == sets and chart.demand is demand and chart.short is short  # the same objects
    assert replaced.count() == 1
    assert demand.points()[0].y() == pytest.approx(500 / 9)  # v3, a 3-month cycle: this year's leads are made Jan-Sep
    # the supply is as it was: its bars (and the base of the red blocks) are not touched, only the
    # shortfall on top of them grows, to what the engine says
    assert sum(spy.count() for spy in touched) == 0
    assert bar_values(chart) == before
    assert [base for base, _ in short.blocks] == [base for base, _ in blocks_before]
    months = window.document.result.months
    short_of = [m.gap if is_short(m.gap) else 0.0 for m in months]  # (planner.numbers.status: over half a lead)
    assert chart.shortfall == short_of != [top - base for base, top in blocks_before]
    tops = [m.sales_ready_leads_supplied + gap for m, gap in zip(months, short_of, strict=True)]
    assert [top for _, top in short.blocks] == tops


def test_a_new_win_rate_repaints_the_band_the_demand_moved_through_not_the_red_blocks_down_to_the_supply(
    window: MainWindow, qtbot: Any
) -> None:
    page = open_step(window, qtbot, LABOR)
    page.ensureWidgetVisible(page.chart)
    chart = page.chart.build()
    painted = PaintedRegion(chart.viewport())
    qtbot.waitUntil(lambda: bool(painted.rects))  # drawn once
    painted.regions.clear()
    window.document.set_value("targets.win_rate", 0.26, merge=False)  # (QtCharts repaints the whole
    qtbot.waitUntil(lambda: bool(painted.rects))  # chart on the first change of a line after it was first drawn)
    run_what_is_due(qtbot)
    painted.regions.clear()
    window.document.set_value("targets.win_rate", 0.24, merge=False)  # 42.7 leads a month become 46.3
    # January's block runs from its supply (5, from the trade shows) up to the demand (v3: 416.7 over the
    # nine months Jan-Sep): the strip around the demand is repainted, not the block down to its base
    qtbot.waitUntil(lambda: chart.short.blocks[0] == (5, 400 * 0.25 / 0.24 / 9))
    qtbot.waitUntil(lambda: bool(painted.rects))
    run_what_is_due(qtbot)
    january_base = chart.chart().mapToPosition(QPointF(0, 5), chart.bars).y()
    demand_top = chart.chart().mapToPosition(QPointF(0, 400 * 0.25 / 0.24 / 9), chart.bars).y()
    assert painted.rects and painted.rects[-1].top() <= demand_top
    assert painted.rects[-1].bottom() < january_base - 40


def test_a_chart_scrolled_out_of_view_waits_and_catches_up_when_scrolled_into_it(
    window: MainWindow, qtbot: Any
) -> None:
    page = open_step(window, qtbot, CHANNELS)
    slot = page.mix_chart
    chart = slot.build()
    page.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: not in_sight(slot, page))  # below the table and the supply chart at 1366 x 768
    slices = list(chart.pie.slices())
    before = chart.legend_label.names()
    window.document.set_value("labor[0].headcount", 3, merge=False)
    run_what_is_due(qtbot)
    assert chart.legend_label.names() == before  # not redrawn out of view
    page.ensureWidgetVisible(slot)
    # 3 reps make 3 x 114 = 342; outbound phone takes 70%: 239.4 of 342 + 60 trade shows = 402 (60%)
    phone = "Outbound phone: 239 (60%)"
    assert once_shown(qtbot, lambda: chart.legend_label.names()[0], phone) == phone  # redrawn once in sight
    assert chart.pie.slices() == slices  # the same slices, updated in place


def test_a_chart_on_a_page_not_shown_redraws_only_when_its_page_is_shown(window: MainWindow, qtbot: Any) -> None:
    page = open_step(window, qtbot, LABOR)
    chart = page.chart.build()
    before = bar_values(chart)
    open_step(window, qtbot, CHANNELS)
    window.document.set_value("labor[0].headcount", 3, merge=False)
    run_what_is_due(qtbot)
    assert bar_values(chart) == before  # nothing drawn while the Labor step is not on screen
    open_step(window, qtbot, LABOR)  # the Labor step is told when it is shown
    qtbot.waitUntil(lambda: bar_values(chart) != before)
    after = bar_values(chart)
    # the inside reps' 30% not given to a channel: 2 people x 9.5 a month x 30% = 5.7, with 3 people 8.55
    inside = next(name for name in after if name.startswith("Inside"))
    assert after[inside] != before[inside]
    assert max(after[inside]) == max(before[inside]) * 3 / 2


def test_the_track_chart_replaces_only_the_lines_an_edit_moved(window: MainWindow, qtbot: Any) -> None:
    page = open_step(window, qtbot, TRACK)
    page.ensureWidgetVisible(page.chart)
    chart = page.chart.build()
    lines = dict(chart.lines)
    spies = {name: QSignalSpy(series.pointsReplaced) for name, series in lines.items()}
    page.table.paste("20")  # January's sales-ready leads
    qtbot.waitUntil(lambda: chart.points("Actual") == [(0.0, 20.0)])
    run_what_is_due(qtbot)
    assert chart.lines == lines  # the same series
    assert {name: spy.count() for name, spy in spies.items()} == {
        "Needed (plan)": 0,
        "Supplied (plan)": 0,
        "Actual": 1,
        "Forecast at this pace": 1,
    }
    assert chart.points("Actual") == [(0.0, 20.0)]
    assert page.table.currentIndex().column() in ACTUAL_COLUMNS


def test_the_track_grid_waits_while_another_step_is_shown_and_catches_up_when_shown(
    window: MainWindow, qtbot: Any
) -> None:
    window.go_to_step(7)
    model = window.findChild(QTableView, "actuals").model()
    leads_needed = next(i for i in PLAN_COLUMNS if COLUMNS[i].stage.figure == "sales_ready_leads")
    wins_plan = next(i for i in PLAN_COLUMNS if COLUMNS[i].stage.figure == "wins")
    before = model.index(0, leads_needed).data(), model.index(3, wins_plan).data()
    window.go_to_step(2)
    changes = QSignalSpy(model.dataChanged)
    window.document.set_value("targets.win_rate", 0.5, merge=False)
    run_what_is_due(qtbot)
    assert changes.count() == 0  # hidden: no cell worked out again
    window.go_to_step(7)
    qtbot.waitUntil(lambda: changes.count() > 0)  # shown: its cells catch up
    # January's leads needed and April's planned wins (January's leads closing: 5 x 60% x 50%) read as a
    # grid made afresh reads them
    fresh = ActualsModel(window.document)
    after = model.index(0, leads_needed).data(), model.index(3, wins_plan).data()
    assert after == (fresh.index(0, leads_needed).data(), fresh.index(3, wins_plan).data())
    assert after[0] != before[0] and after[1] != before[1]


def test_the_supply_chart_keeps_its_scale_while_typing_and_fits_figures_past_it_or_under_half(
    window: MainWindow, qtbot: Any
) -> None:
    page = open_step(window, qtbot, 6)
    chart = page.findChild(QWidget, "chart.demand_supply")
    axis = chart.y_axis
    # 44.4 sales-ready leads needed a month (v3: 400 over Jan-Sep) against a scale of 0 to 50
    assert (axis.min(), axis.max()) == (0, 50)
    window.document.set_value("targets.win_rate", 0.3)  # 37.0 a month: the bars move, the scale holds
    assert once_shown(qtbot, lambda: round(chart.demand.at(0).y(), 1), 37.0) == 37.0
    assert (axis.min(), axis.max()) == (0, 50)
    window.document.set_value("targets.win_rate", 0.15)  # 74.1 a month: past the top, a taller scale (steps of 20)
    assert once_shown(qtbot, lambda: round(chart.demand.at(0).y(), 1), 74.1) == 74.1
    assert axis.max() == 80
    # 12.3 needed, 29 supplied (24 + 5 from May): under half of 80, fitted again
    window.document.set_value("targets.win_rate", 0.9)
    assert once_shown(qtbot, lambda: round(chart.demand.at(0).y(), 1), 12.3) == 12.3
    assert axis.max() == 30
