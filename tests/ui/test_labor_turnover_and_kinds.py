"""Labor, plan model v2: an end month, attrition and vacancy typed in the table; kinds with their defaults."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from tests.ui.helpers import health, type_in_cell
from ui.main_window import MainWindow
from ui.style import FAIR


def labor_view(window: MainWindow) -> QTableView:
    window.go_to_step(3)
    return window.findChild(QTableView, "labor")


def column(view: QTableView, field: str) -> int:
    return view.model().column_of(field)


def add_by_kind(window: MainWindow, kind: str) -> None:
    """Add by kind ▸ ``kind``: "field", "inside.in_seat", "inside.new", "outsourced.in_seat" ..."""
    button = window.findChild(QPushButton, "labor.add_kind")
    assert button is not None and button.isVisible()
    [action] = [a for a in button.menu().actions() if a.objectName() == f"labor.add.{kind}"]
    action.trigger()


def test_typing_an_attrition_rate_moves_the_health_panel_and_undo_takes_it_back(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    type_in_cell(qtbot, view, 0, column(view, "attrition_rate"), "30")  # typed as a percentage
    assert window.document.plan.labor[0].attrition_rate == 0.3
    assert view.model().index(0, column(view, "attrition_rate")).data() == "30%"
    # 30% a year: 2.5% of the seats turn over a month, each away 1 month and then ramping 3 (half lost):
    # loss = 2.5% x (1 + 1.5) = 6.25%; the reps' 228 become 213.75, plus the trade shows' 60 = 273.75
    assert health(window, "sales_ready_leads_supplied") == "274"
    # an empty seat is not paid: 15,000 x (1 - 2.5% x 1) = 14,625 x 11 months + 72,000 of trade shows
    assert health(window, "cost") == "$232,875"
    # this year (v3, a 3-month cycle) is the leads of Jan-Sep: the reps' 6, 12, 18, then 5 x 24 = 156 x 93.75%
    # = 146.25, and the trade shows' 9 x 5 = 45: 191.25 of 400, 208.75 short
    assert health(window, "gap") == "209"
    window.findChild(QAction, "edit.undo").trigger()
    assert window.document.plan.labor[0].attrition_rate == 0
    assert health(window, "sales_ready_leads_supplied") == "288"


def test_an_attrition_of_100_percent_is_refused_with_a_message(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    type_in_cell(qtbot, view, 0, column(view, "attrition_rate"), "100")
    assert window.findChild(QLabel, "labor.message").text() == (
        "Row 1: Attrition must be 0% or more and less than 100%; you entered 100%"
    )
    assert window.document.plan.labor[0].attrition_rate == 0


def test_an_end_month_stops_output_and_cost_after_it(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    assert view.model().index(0, column(view, "end_month")).data() == "12"  # none: to the plan's last month
    type_in_cell(qtbot, view, 0, column(view, "end_month"), "9")
    assert window.document.plan.labor[0].end_month == 9
    # months 2-9 only: 6 + 12 + 18 + 5 x 24 = 156 from the reps, + 60 from the trade shows
    assert health(window, "sales_ready_leads_supplied") == "216"
    assert health(window, "cost") == "$192,000"  # 8 months x 15,000 + 72,000
    type_in_cell(qtbot, view, 0, column(view, "vacancy_months"), "2")
    assert window.document.plan.labor[0].vacancy_months == 2
    window.findChild(QAction, "edit.undo").trigger()
    window.findChild(QAction, "edit.undo").trigger()
    assert window.document.plan.labor[0].end_month is None
    assert health(window, "sales_ready_leads_supplied") == "288"


def test_adding_an_outsourced_team_gets_the_outsourced_defaults_and_their_sources(
    window: MainWindow, qtbot: Any
) -> None:
    view = labor_view(window)
    add_by_kind(window, "outsourced.new")
    added = window.document.plan.labor[1]
    assert (added.kind, added.name, added.id) == ("outsourced", "Outsourced team 2", "outsourced")
    assert (added.ramp_months, added.srl_per_person_month, added.cost_per_person_month) == (1, 10, 6000)
    assert (added.attrition_rate, added.vacancy_months) == (0, 1)
    assert view.currentIndex().row() == 1
    # one person, 10 a month with a 1-month ramp from month 1: 5 + 11 x 10 = 115, added to 288
    assert health(window, "sales_ready_leads_supplied") == "403"
    note = window.findChild(QLabel, "labor.defaults").text()
    assert note.startswith(
        "Defaults for an outsourced team: a 1-month ramp for new hires (none for a team already in seat), "
        "10 sales-ready leads and $6,000 a person-month"
    )
    assert "Attrition: none unless you enter it; SDR turnover runs 30-34% a year" in note
    sources = window.findChild(QLabel, "labor.defaults").toolTip()
    assert "Default $6,000: Growtoro agency pricing" in sources
    tip = view.model().index(1, column(view, "attrition_rate")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Default 0%: none unless you enter it; SDR turnover runs 30-34% a year" in tip
    tip = view.model().index(1, column(view, "cost_per_person_month")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Default $6,000: Growtoro agency pricing" in tip
    add_by_kind(window, "field")
    field = window.document.plan.labor[2]
    assert (field.kind, field.ramp_months, field.srl_per_person_month, field.cost_per_person_month) == (
        "field",
        0,
        2,
        2500,
    )
    assert window.document.undo_stack.undoText() == "Add resource"


def test_a_new_kind_brings_its_defaults_but_keeps_what_was_typed(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    model = view.model()
    qtbot.mouseClick(window.findChild(QPushButton, "labor.add"), Qt.MouseButton.LeftButton)
    assert model.setData(model.index(1, column(view, "kind")), "field")
    added = window.document.plan.labor[1]
    assert (added.name, added.ramp_months, added.srl_per_person_month, added.cost_per_person_month) == (
        "Field reps 2",
        0,
        2,
        2500,
    )
    # the sample's reps: a ramp of 3 and 12 a month are the inside defaults, 7,500 a month was typed
    assert model.setData(model.index(0, column(view, "kind")), "outsourced")
    reps = window.document.plan.labor[0]
    assert (reps.name, reps.ramp_months, reps.srl_per_person_month, reps.cost_per_person_month) == (
        "Inside lead development reps",
        1,
        10,
        7500,
    )
    window.findChild(QAction, "edit.undo").trigger()  # one step brings the kind and its defaults back
    assert window.document.plan.labor[0].kind == "inside" and window.document.plan.labor[0].ramp_months == 3


def test_the_verdict_reads_late_for_the_sample_plus_an_agency_from_the_first_month(
    window: MainWindow, qtbot: Any
) -> None:
    view = labor_view(window)
    add_by_kind(window, "outsourced.in_seat")  # an agency already working: no ramp
    assert window.document.plan.labor[1].ramp_months == 0
    type_in_cell(qtbot, view, 1, column(view, "headcount"), "3")
    # 3 x 10 = 30 a month from January. This year (v3, a 3-month cycle) is the leads of Jan-Sep, each month
    # needing 400 / 9 = 44.4. January 30 + 5 (trade shows) = 35, February 35 + 6 (reps ramping from month 2)
    # = 41, March 35 + 12 = 47, April 35 + 18 = 53, then 59: the running gap is 9.4, 12.9, 10.3, 1.8, then
    # -12.8. Covered this year (35 + 41 + 47 + 53 + 5 x 59 = 471 of 400, 118%), but behind to April, caught up in May
    assert health(window, "sales_ready_leads_supplied") == "648"  # 288 + 3 x 10 x 12
    assert window.findChild(QLabel, "health.verdict").text() == (
        "Late: by Sep 2027 the plan covers this year (118% coverage), but behind through Apr 2027, caught up in May "
        "2027: "
        "13 sales-ready leads short at worst, in Feb 2027."
    )
    assert window.health.values["coverage"].property("level") == "fair"
    # the quarters on the Targets step: Q1 ends 10 short (amber), Q2 ends 27 ahead
    window.go_to_step(2)
    quarters = window.findChild(QTableView, "targets.quarters").model()
    # Q1: 3 x 44.4 = 133 needed, 35 + 41 + 47 = 123 supplied; cost: the reps 2 x 7,500 x 2 months, the
    # trade shows 3 x 6,000, the agency 3 x 6,000 x 3 months = 30,000 + 18,000 + 54,000
    assert [quarters.index(0, c).data() for c in range(6)] == [
        "Jan–Mar 2027", "133", "123", "10 short", "10 short", "$102,000",
    ]  # fmt: skip
    assert quarters.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) == QColor(FAIR)
    # April to June: 53 + 59 + 59 = 171 supplied against 133.3: 37.7 ahead, 10.3 - 37.7 = 27 surplus
    assert quarters.index(1, 4).data() == "27 surplus"


def test_the_saved_file_holds_the_new_labor_fields(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    type_in_cell(qtbot, view, 0, column(view, "end_month"), "10")
    type_in_cell(qtbot, view, 0, column(view, "attrition_rate"), "34")
    type_in_cell(qtbot, view, 0, column(view, "vacancy_months"), "1.5")
    assert window.save()
    saved = json.loads(window.document.path.read_text(encoding="utf-8"))
    assert saved["version"] == 3
    resource = saved["labor"][0]
    assert (resource["end_month"], resource["attrition_rate"], resource["vacancy_months"]) == (10, 0.34, 1.5)


def test_a_resource_added_by_kind_is_asked_already_in_seat_or_new_hires_and_ramps_as_it_says(
    window: MainWindow, qtbot: Any
) -> None:
    labor_view(window)
    menu = window.findChild(QPushButton, "labor.add_kind").menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Field reps (prospecting part-time): no ramp",
        "Inside reps already in seat: no ramp",
        "Inside reps, new hires: a 3-month ramp",
        "Outsourced team already working: no ramp",
        "Outsourced team, new: a 1-month ramp",
    ]
    tips = {a.objectName(): a.toolTip() for a in menu.actions()}
    assert tips["labor.add.inside.in_seat"].startswith("Default 0: a team already in seat is past its ramp")
    assert tips["labor.add.inside.new"].startswith("Default 3: Bridge Group research via Elevate: SDR ramp")
    assert tips["labor.add.outsourced.new"] == "Default 1: rule of thumb: an agency's team is trained already"
    add_by_kind(window, "inside.in_seat")
    add_by_kind(window, "inside.new")
    in_seat, hires = window.document.plan.labor[1:]
    assert (in_seat.kind, in_seat.ramp_months, hires.kind, hires.ramp_months) == ("inside", 0, "inside", 3)
    # a rep in seat from month 1 makes 12 a month all year: 144; a new hire ramps 3, 6, 9, then 12: 18 + 9 x 12
    figures = {r.name: r.total_output for r in window.document.result.resources}
    assert figures["Inside reps 2"] == 144
    assert figures["Inside reps 3"] == 126
    assert "Add by kind" in window.findChild(QPushButton, "labor.add").toolTip()


def test_the_activity_calculator_says_which_figure_it_starts_from_and_why(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    basis = window.findChild(QLabel, "activity_calculator.basis")
    view.setCurrentIndex(view.model().index(0, 0))  # the sample's inside reps
    assert basis.text().startswith(
        "The calculator starts from an inside rep's typical month: 20 calling days × 60 dials a day × 10% connect "
        "× 10% of conversations booked = 12 sales-ready leads, the inside reps' default output."
    )
    # the same 12 the inside rep's default output is, and its source says so
    tip = view.model().index(0, view.model().column_of("srl_per_person_month")).data(Qt.ItemDataRole.ToolTipRole)
    assert "the activity calculator's defaults give the same 12" in tip
    add_by_kind(window, "field")
    assert "A field rep prospects about a fifth of the time, hence their default of 2 a month" in basis.text()
