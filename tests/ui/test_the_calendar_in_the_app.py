"""The app shows the calendar (plan model v3), as a person drives it: the new hire's ramp typed on
Targets moves the reps to hire, the health panel says this year's answer and next year's start,
the charts shade the months that build next year, revenue by month against the goal, and the
Track grid says what each actual is compared with.

The sample plan: a $3M goal, $600K pipeline, $40K deals, 25% win rate, 60% of sales-ready leads
to opportunities, so a lead is worth V = 0.6 x 0.25 x $40,000 = $6,000 and the year needs
$2.4M / $6,000 = 400 leads. A 3-month sales cycle: the leads of Jan-Sep close this year (44.4 a
month), those of Oct-Dec next year ($3M / $6,000 / 12 = 41.7 a month, 125). Supply: 5 a month from
trade shows, and two inside reps from February ramping over 3 months (6, 12, 18, then 24): 5, 11,
17, 23, then 29 a month; this year 5 + 11 + 17 + 23 + 5 x 29 = 201, 199 short; next year's start
3 x 29 = 87 of 125.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QLabel, QTableView

from planner.advice import tracking
from planner.plan.model import LaborResource
from tests.ui.helpers import at_size, field, health, in_sight, retype, run_what_is_due
from ui.main_window import MainWindow
from ui.models.actuals_model import COLUMNS, PLAN_COLUMNS, actual_column
from ui.style import NEXT_YEAR_SHADE

TARGETS, REVIEW, TRACK = 2, 6, 7
RAMP = "targets.new_hire_ramp_months"


def verdict(window: MainWindow) -> str:
    return health(window, "verdict")


def reps_on_review(window: MainWindow) -> str:
    window.go_to_step(REVIEW)
    return window.findChild(QLabel, "review.reps").text()


def test_typing_a_new_hire_ramp_changes_the_reps_to_hire_and_undo_autosave_and_save_keep_it(
    window: MainWindow, qtbot: Any, sample_file: Path
) -> None:
    window.go_to_step(TARGETS)
    ramp = field(window, RAMP)
    assert ramp.text() == "3"
    # the cited default beside it, like every field's
    assert (
        window.findChild(QLabel, f"{RAMP}.hint").text() == "Default 3; a new SDR: a little over 3 months, Bridge Group"
    )
    # a rep hired in January ramps over 3 months: 12 x (1/4 + 2/4 + 3/4 + 6 full months) = 90 leads by
    # September: ceil(199 / 90) = 3; from February 3 x 78 = 234 still close it, from March 3 x 66 = 198 not
    assert "Hire 3 inside reps to start by Feb 2027 to close it." in verdict(window)
    assert reps_on_review(window) == "3"

    window.go_to_step(TARGETS)
    retype(qtbot, ramp, "0")
    assert window.document.plan.targets.new_hire_ramp_months == 0
    # no ramp: 12 x 9 months = 108 by September: ceil(199 / 108) = 2; from February 2 x 96 = 192 < 198.5
    assert "Hire 2 inside reps to start by Jan 2027 to close it." in verdict(window)
    assert reps_on_review(window) == "2"
    assert window.windowTitle().endswith("*")

    window.findChild(QAction, "edit.undo").trigger()
    assert window.document.plan.targets.new_hire_ramp_months == 3
    assert "Hire 3 inside reps to start by Feb 2027" in verdict(window)
    assert field(window, RAMP).text() == "3"
    window.findChild(QAction, "edit.redo").trigger()
    assert window.document.plan.targets.new_hire_ramp_months == 0
    assert reps_on_review(window) == "2"

    window.go_to_step(TARGETS)  # a step change autosaves what was typed
    assert window.autosaver.wait()
    assert window.autosaver.store.saved().load().targets.new_hire_ramp_months == 0

    assert window.save()
    saved = json.loads(sample_file.read_text(encoding="utf-8"))
    assert saved["version"] == 3
    assert saved["targets"]["new_hire_ramp_months"] == 0


def test_a_ramp_past_two_years_or_a_fraction_is_refused_with_a_message(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(TARGETS)
    ramp = field(window, RAMP)
    retype(qtbot, ramp, "30")  # "3" was valid on the way
    message = window.findChild(QLabel, f"{RAMP}.message")
    assert message.isVisible() and "24" in message.text()
    assert window.document.plan.targets.new_hire_ramp_months == 3
    retype(qtbot, ramp, "2.5")
    assert "whole number" in message.text()
    assert window.document.plan.targets.new_hire_ramp_months == 2  # "2" was valid on the way; "2.5" is not


def test_the_health_panel_says_this_years_answer_by_its_last_month_and_next_years_start(
    window: MainWindow, qtbot: Any
) -> None:
    next_year = window.findChild(QLabel, "health.next_year")
    assert verdict(window).startswith(
        "Short: by Sep 2027 the plan supplies 201 of the 400 sales-ready leads this year needs (50% coverage), "
        "199 short; behind every month."
    )
    assert next_year.isVisible()
    assert next_year.text() == (
        "Next year's start: Oct–Dec 2027 builds 87 of the 125 sales-ready leads next year's first months need, "
        "38 short."
    )
    window.go_to_step(TARGETS)
    cycle = field(window, "targets.sales_cycle_months")
    # a 4-month cycle: this year is the leads of Jan-Aug, 400 / 8 = 50 a month, 5 + 11 + 17 + 23 + 4 x 29 = 172
    # of them; Sep-Dec build next year's start: 4 x 41.7 = 167 needed, 4 x 29 = 116 made, 51 short
    retype(qtbot, cycle, "4")
    assert verdict(window).startswith(
        "Short: by Aug 2027 the plan supplies 172 of the 400 sales-ready leads this year needs (43% coverage)"
    )
    assert next_year.text() == (
        "Next year's start: Sep–Dec 2027 builds 116 of the 167 sales-ready leads next year's first months need, "
        "51 short."
    )
    assert next_year.property("level") == "fair"  # short: in amber
    # the agency of the late plan (3 x 10 a month from January) makes next year's start: 4 x 59 = 236 of 167
    agency = LaborResource(id="agency", name="Agency", kind="outsourced", headcount=3, start_month=1,
                           ramp_months=0, srl_per_person_month=10, cost_per_person_month=6000)  # fmt: skip
    window.document.set_value("labor", (*window.document.plan.labor, agency))
    assert next_year.text() == (
        "Next year's start: Sep–Dec 2027 builds 236 sales-ready leads, against the 167 next year's first months "
        "need, 69 surplus."
    )
    assert next_year.property("level") == ""
    window.findChild(QAction, "edit.undo").trigger()
    # no sales cycle: every lead closes this year (288 of 400), no month builds next year: the line goes
    retype(qtbot, cycle, "0")
    assert verdict(window).startswith(
        "Short: by Dec 2027 the plan supplies 288 of the 400 sales-ready leads this year needs (72% coverage)"
    )
    assert not next_year.isVisible() and next_year.text() == ""


def test_when_no_hire_made_now_can_close_the_year_it_is_said_in_words(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(TARGETS)
    retype(qtbot, field(window, "targets.sales_cycle_months"), "12")  # as long as the plan: no lead closes in it
    said = verdict(window)
    assert said.startswith("Short: no lead made in the plan closes by Dec 2027")
    assert "No hire made now closes this year's gap" in said
    assert reps_on_review(window) == "None in time"
    for wrong in ("0 reps", "n/a", "Hire 0"):
        assert wrong not in said


def review_chart(window: MainWindow, qtbot: Any, index: int) -> Any:
    at_size(window, qtbot, 1366, 768)
    window.go_to_step(REVIEW)
    page = window.page(REVIEW)
    slot = page.charts[index]
    page.ensureWidgetVisible(slot)
    qtbot.waitUntil(lambda: slot.chart is not None and in_sight(slot, page))
    run_what_is_due(qtbot)  # (drawn with the plan's figures)
    return slot.chart


def test_the_supply_chart_shades_the_months_that_build_next_year(window: MainWindow, qtbot: Any) -> None:
    chart = review_chart(window, qtbot, 0)
    assert chart.next_year.months == (10, 11, 12)  # Oct-Dec: their leads close next year
    legend = window.findChild(QLabel, "chart.demand_supply.legend")
    assert "Next year's start" in legend.names()
    assert "Oct–Dec 2027 build next year's start" in chart.accessibleDescription()
    qtbot.waitUntil(lambda: chart.viewport().isVisible() and not chart.viewport().size().isEmpty())
    run_what_is_due(qtbot)
    image = chart.viewport().grab().toImage()

    def colour_at(month: float, leads: float) -> str:
        point = chart.mapFromScene(chart.chart().mapToPosition(QPointF(month, leads), chart.bars))
        return image.pixelColor(point).name()

    # above the bars and the demand (44.4 in time, 41.7 after) and off the grid lines: shaded from October
    # (index 9) to December, white before
    assert colour_at(9, 47) == colour_at(10.4, 47) == colour_at(11, 47) == QColor(NEXT_YEAR_SHADE).name()
    assert colour_at(8, 47) == colour_at(2, 47) == "#ffffff"

    window.document.set_value("targets.sales_cycle_months", 0)  # every lead closes this year
    qtbot.waitUntil(lambda: chart.next_year.months == ())
    assert "Next year's start" not in legend.names()


def test_revenue_by_month_stacks_the_pipeline_then_the_leads_under_the_goal(window: MainWindow, qtbot: Any) -> None:
    chart = review_chart(window, qtbot, 1)
    assert chart.objectName() == "chart.revenue"
    bars = {bar_set.label(): [bar_set.at(m) for m in range(bar_set.count())] for bar_set in chart.sets}
    # the $600,000 pipeline closes over the first cycle (3 months); the leads of month m close in m + 3,
    # at $6,000 each: 5, 11, 17, 23, then 29 a month from January
    assert bars["From the current pipeline"] == pytest.approx([200_000] * 3 + [0] * 9)
    leads = [0, 0, 0, 30_000, 66_000, 102_000, 138_000, 174_000, 174_000, 174_000, 174_000, 174_000]
    assert bars["From the plan's sales-ready leads"] == pytest.approx(leads)
    assert [point.y() for point in chart.goal.points()] == pytest.approx([250_000] * 12)  # $3M x 1/12
    assert window.findChild(QLabel, "chart.revenue.legend").names() == [
        "Revenue goal",
        "From the current pipeline",
        "From the plan's sales-ready leads",
    ]
    # $600,000 + $1,206,000 = $1,806,000 of $3,000,000: $1,194,000 short (= 199 leads x $6,000)
    assert chart.accessibleDescription() == (
        "Goal $3,000,000; the year brings $1,806,000: $600,000 from the current pipeline and $1,206,000 from "
        "the plan's sales-ready leads, $1,194,000 short of the goal"
    )


def test_the_demand_table_marks_the_months_that_build_next_year(window: MainWindow) -> None:
    window.go_to_step(TARGETS)
    model = window.findChild(QTableView, "demand").model()
    assert model.index(8, 0).data() == "Sep 2027"
    assert model.index(9, 0).data() == "Oct 2027 (next year)"
    assert model.index(9, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == QColor(NEXT_YEAR_SHADE).name()
    assert "next year's start" in model.index(9, 4).data(Qt.ItemDataRole.ToolTipRole)


def test_the_track_headers_say_what_each_actual_is_compared_with(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(TRACK)
    page = window.page(TRACK)
    model = page.model

    def header(column: int) -> str:
        return model.headerData(column, Qt.Orientation.Horizontal).replace("\n", " ")

    shown = [header(c) for c in range(model.columnCount()) if not page.table.isColumnHidden(c)]
    assert shown == [
        "Leads actual", "Leads vs needed", "Opps actual", "Opps vs plan", "Wins actual", "Wins vs plan",
        "Revenue actual", "Revenue vs plan", "Cost actual", "Cost vs plan",
    ]  # fmt: skip
    page.show_plan.setChecked(True)
    assert [header(c) for c in PLAN_COLUMNS] == ["Leads needed", "Opps plan", "Wins plan", "Revenue plan", "Cost plan"]
    assert "needs" in model.headerData(PLAN_COLUMNS[0], Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    wins, revenue = PLAN_COLUMNS[2], PLAN_COLUMNS[3]
    # January: the pipeline's $200,000, 5 deals of $40,000; April: January's 5 leads closing, 5 x $6,000 =
    # $30,000, 0.75 of a deal
    assert (model.index(0, revenue).data(), model.index(0, wins).data()) == ("$200,000", "5")
    assert (model.index(3, revenue).data(), model.index(3, wins).data()) == ("$30,000", "0.8")
    # one model: the wins plan times the deal size is the revenue plan, every month
    targets = window.document.result.targets
    for month in window.document.result.months:
        planned_wins = tracking.plan_figure(month, tracking.BY_FIGURE["wins"], targets)
        planned_revenue = tracking.plan_figure(month, tracking.BY_FIGURE["revenue"], targets)
        assert planned_wins * 40_000 == pytest.approx(planned_revenue)

    # a typed January: 20 leads against the 44.4 needed, said as such
    page.table.setCurrentIndex(model.index(0, actual_column("sales_ready_leads")))
    assert page.table.paste("20")
    variance = actual_column("sales_ready_leads") + 2
    assert COLUMNS[variance].part == "variance"
    tip = model.index(0, variance).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == ("Sales-ready leads, Jan 2027: actual 20 against 44 needed, −24, short of what the month needs")
