"""An edit repaints only what changed: charts update their series in place, skip what the edit left
as it was, and wait while off screen; tables say which cells changed, never reset on a number."""

from __future__ import annotations

from typing import Any

from PySide6.QtTest import QSignalSpy

from planner.sample import sample_plan
from tests.ui.helpers import model_spies
from ui.document import PlanDocument
from ui.main_window import MainWindow
from ui.models.actuals_model import ACTUAL_COLUMNS, PLAN_COLUMNS, ActualsModel, actual_column
from ui.models.channels_model import ChannelsModel
from ui.models.labor_model import LaborModel
from ui.models.running_totals_model import RunningTotalsModel

LABOR, CHANNELS, TRACK = 3, 4, 7
LEADS = actual_column("sales_ready_leads")


def settle(qtbot: Any) -> None:
    for _ in range(3):
        qtbot.wait(5)


def open_step(window: MainWindow, qtbot: Any, step: int) -> Any:
    window.resize(1366, 768)
    window.go_to_step(step)
    settle(qtbot)
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


def test_a_typed_actual_repaints_its_own_cell_and_its_variance(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    model = ActualsModel(document)
    resets, changes = QSignalSpy(model.modelReset), QSignalSpy(model.dataChanged)
    assert model.setData(model.index(2, LEADS), "20")
    assert resets.count() == 0
    assert spans(changes) == [(2, 2, LEADS, LEADS), (2, 2, LEADS + 2, LEADS + 2)]  # March's leads and variance
    assert model.data(model.index(2, LEADS + 2)) == "−13"  # 20 - 33.3 needed


def test_the_labor_chart_updates_its_bar_sets_and_demand_line_in_place(window: MainWindow, qtbot: Any) -> None:
    page = open_step(window, qtbot, LABOR)
    page.ensureWidgetVisible(page.chart)
    settle(qtbot)
    chart = page.chart.build()
    sets, demand = list(chart.sets), chart.demand
    supply_sets = [bar_set for bar_set in sets if bar_set.label() != "Short of demand"]
    assert supply_sets
    touched = [QSignalSpy(bar_set.valuesAdded) for bar_set in supply_sets]
    touched += [QSignalSpy(bar_set.valueChanged) for bar_set in supply_sets]
    replaced = QSignalSpy(demand.pointsReplaced)
    before = bar_values(chart)
    window.document.set_value("targets.win_rate", 0.2, merge=False)  # 400 leads needed become 500
    settle(qtbot)
    assert chart.sets == sets and chart.demand is demand  # the same objects, their values replaced
    assert replaced.count() == 1
    assert demand.points()[0].y() == 500 / 12
    # the supply is as it was: its bars are not touched, only the shortfall on top of them grows
    assert sum(spy.count() for spy in touched) == 0
    after = bar_values(chart)
    assert {name: values for name, values in after.items() if name != "Short of demand"} == {
        name: values for name, values in before.items() if name != "Short of demand"
    }
    assert after["Short of demand"] != before["Short of demand"]


def test_a_chart_scrolled_out_of_view_waits_and_catches_up_when_scrolled_into_it(
    window: MainWindow, qtbot: Any
) -> None:
    page = open_step(window, qtbot, CHANNELS)
    slot = page.mix_chart
    chart = slot.build()
    page.verticalScrollBar().setValue(0)
    settle(qtbot)
    assert not slot.on_screen()  # below the table and the supply chart at 1366 x 768
    slices = list(chart.pie.slices())
    before = chart.legend_label.names()
    window.document.set_value("labor[0].headcount", 3, merge=False)
    settle(qtbot)
    assert slot.stale and chart.legend_label.names() == before  # not redrawn out of view
    page.ensureWidgetVisible(slot)
    settle(qtbot)
    assert not slot.stale
    assert chart.pie.slices() == slices  # the same slices, updated in place
    # 3 reps make 3 x 114 = 342; outbound phone takes 70%: 239.4 of 342 + 60 trade shows = 402 (60%)
    assert chart.legend_label.names()[0] == "Outbound phone: 239 (60%)"


def test_a_chart_on_a_page_not_shown_redraws_only_when_its_page_is_shown(window: MainWindow, qtbot: Any) -> None:
    page = open_step(window, qtbot, LABOR)
    chart = page.chart.build()
    before = bar_values(chart)
    open_step(window, qtbot, CHANNELS)
    window.document.set_value("labor[0].headcount", 3, merge=False)
    settle(qtbot)
    assert page.chart.stale
    assert bar_values(chart) == before  # nothing drawn while the Labor step is not on screen
    open_step(window, qtbot, LABOR)
    assert not page.chart.stale
    after = bar_values(chart)
    # the inside reps' 30% not given to a channel: 2 people x 9.5 a month x 30% = 5.7, with 3 people 8.55
    inside = next(name for name in after if name.startswith("Inside"))
    assert after[inside] != before[inside]
    assert max(after[inside]) == max(before[inside]) * 3 / 2


def test_the_track_chart_replaces_only_the_lines_an_edit_moved(window: MainWindow, qtbot: Any) -> None:
    page = open_step(window, qtbot, TRACK)
    page.ensureWidgetVisible(page.chart)
    settle(qtbot)
    chart = page.chart.build()
    lines = dict(chart.lines)
    spies = {name: QSignalSpy(series.pointsReplaced) for name, series in lines.items()}
    page.table.paste("20")  # January's sales-ready leads
    settle(qtbot)
    assert chart.lines == lines  # the same series
    assert {name: spy.count() for name, spy in spies.items()} == {
        "Needed (plan)": 0,
        "Supplied (plan)": 0,
        "Actual": 1,
        "Forecast at this pace": 1,
    }
    assert chart.points("Actual") == [(0.0, 20.0)]
    assert page.table.currentIndex().column() in ACTUAL_COLUMNS
