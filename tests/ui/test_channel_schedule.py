"""Programs, plan model v2: an end month and an event schedule typed as text in the channels table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QTableView

from planner.plan.model import ScheduledSpend
from planner.plan.recovery import RecoveryStore
from planner.plan.sample import sample_plan
from tests.planner.recovery_helpers import ended_process
from tests.ui.helpers import health, type_in_cell
from ui.autosave import Autosaver
from ui.document import PlanDocument
from ui.main_window import MainWindow

TRADE_SHOWS = 1


def channels_view(window: MainWindow) -> QTableView:
    window.go_to_step(4)
    return window.findChild(QTableView, "channels")


def column(view: QTableView, field: str) -> int:
    return view.model().column_of(field)


def test_typing_a_schedule_replaces_the_monthly_budget_and_moves_the_health_panel(
    window: MainWindow, qtbot: Any
) -> None:
    view = channels_view(window)
    model = view.model()
    type_in_cell(qtbot, view, TRADE_SHOWS, column(view, "schedule"), "Mar 24k; Sep 24k")
    shows = window.document.plan.channels[TRADE_SHOWS]
    assert shows.schedule == (ScheduledSpend(month=3, budget=24000), ScheduledSpend(month=9, budget=24000))
    assert model.index(TRADE_SHOWS, column(view, "schedule")).data() == "Mar 24,000; Sep 24,000"
    assert model.index(TRADE_SHOWS, column(view, "monthly_budget")).data() == "By schedule"
    tip = model.index(TRADE_SHOWS, column(view, "monthly_budget")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("The event schedule replaces the monthly budget")
    # each show: 24,000 / 120 = 200 raw leads x 25% x 40% = 20 sales-ready leads; two of them instead
    # of 5 a month: 228 + 40 = 268 for 165,000 + 48,000
    assert health(window, "sales_ready_leads_supplied") == "268"
    assert health(window, "cost") == "$213,000"
    # this year (v3, a 3-month cycle) is the leads of Jan-Sep: the reps' 6 + 12 + 18 + 5 x 24 = 156 and both
    # shows' 40: 196 of 400
    assert health(window, "gap") == "204"  # short
    window.findChild(QAction, "edit.undo").trigger()
    assert window.document.plan.channels[TRADE_SHOWS].schedule == ()
    assert model.index(TRADE_SHOWS, column(view, "monthly_budget")).data() == "$6,000"
    assert health(window, "sales_ready_leads_supplied") == "288"


def test_two_shows_in_one_month_add_up(window: MainWindow, qtbot: Any) -> None:
    view = channels_view(window)
    type_in_cell(qtbot, view, TRADE_SHOWS, column(view, "schedule"), "March 12,000; March 12,000")
    # 24,000 in March: 200 raw leads, 20 sales-ready leads
    assert health(window, "sales_ready_leads_supplied") == "248"
    assert window.document.result.months[2].sales_ready_leads_supplied == 20 + 12  # and the reps' 12


def test_a_schedule_month_outside_the_plan_is_refused_with_a_message(window: MainWindow, qtbot: Any) -> None:
    view = channels_view(window)
    type_in_cell(qtbot, view, TRADE_SHOWS, column(view, "schedule"), "Mar 2028 5,000")
    message = window.findChild(QLabel, "channels.message")
    assert message.isVisible()
    assert message.text() == "Row 2: March 2028 is outside the plan (Jan 2027 to Dec 2027)"
    assert window.document.plan.channels[TRADE_SHOWS].schedule == ()
    type_in_cell(qtbot, view, TRADE_SHOWS, column(view, "schedule"), "Dec 5,000")
    assert not message.isVisible()


def test_a_people_driven_channel_has_no_schedule(window: MainWindow) -> None:
    model = channels_view(window).model()
    index = model.index(0, model.column_of("schedule"))
    assert index.data() == "—"
    assert not (model.flags(index) & Qt.ItemFlag.ItemIsEditable)


def test_a_program_end_month_stops_its_budget(window: MainWindow, qtbot: Any) -> None:
    view = channels_view(window)
    type_in_cell(qtbot, view, TRADE_SHOWS, column(view, "end_month"), "6")
    assert window.document.plan.channels[TRADE_SHOWS].end_month == 6
    # 5 a month for 6 months instead of 12: 228 + 30, and 6 x 6,000 of budget
    assert health(window, "sales_ready_leads_supplied") == "258"
    assert health(window, "cost") == "$201,000"
    window.findChild(QAction, "edit.undo").trigger()
    assert window.document.plan.channels[TRADE_SHOWS].end_month is None


def test_the_saved_file_holds_the_schedule_and_the_end_month(window: MainWindow, qtbot: Any) -> None:
    view = channels_view(window)
    type_in_cell(qtbot, view, TRADE_SHOWS, column(view, "schedule"), "Mar 25k, Sep 25k")
    type_in_cell(qtbot, view, TRADE_SHOWS, column(view, "end_month"), "11")
    assert window.save()
    saved = json.loads(window.document.path.read_text(encoding="utf-8"))["channels"][TRADE_SHOWS]
    assert saved["schedule"] == [{"month": 3, "budget": 25000}, {"month": 9, "budget": 25000}]
    assert saved["end_month"] == 11


def test_an_unsaved_schedule_is_autosaved_and_recovered(tmp_path: Path) -> None:
    document = PlanDocument(sample_plan())
    saver = Autosaver(document, RecoveryStore(tmp_path / "recovery", "crashed", ended_process()))
    schedule = (ScheduledSpend(month=3, budget=25000),)
    document.set_value(f"channels[{TRADE_SHOWS}].schedule", schedule, "Change Event schedule")
    document.set_value("labor[0].attrition_rate", 0.3, "Change Attrition")
    saver.autosave_now()
    assert saver.wait()
    [found] = RecoveryStore(tmp_path / "recovery", "next").leftovers()
    recovered = found.load()
    assert recovered.channels[TRADE_SHOWS].schedule == schedule
    assert recovered.labor[0].attrition_rate == 0.3


def schedule_field(window: MainWindow, row: int) -> QLineEdit:
    view = channels_view(window)
    view.setCurrentIndex(view.model().index(row, 0))
    return window.findChild(QLineEdit, "schedule_editor.text")


def test_the_selected_programs_schedule_is_typed_in_a_wide_field(window: MainWindow, qtbot: Any) -> None:
    field = schedule_field(window, TRADE_SHOWS)
    assert field.isEnabled() and field.text() == ""
    field.setFocus()
    qtbot.keyClicks(field, "March 25,000; September 25,000")
    assert window.document.plan.channels[TRADE_SHOWS].schedule == ()  # applied on Enter, not while typing
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.document.plan.channels[TRADE_SHOWS].schedule == (
        ScheduledSpend(month=3, budget=25000),
        ScheduledSpend(month=9, budget=25000),
    )
    # each show: 25,000 / 120 = 208.3 raw leads x 25% x 40% = 20.8; 228 + 41.7 = 269.7, for 165,000 + 50,000
    assert health(window, "sales_ready_leads_supplied") == "270"
    assert health(window, "cost") == "$215,000"
    assert field.text() == "Mar 25,000; Sep 25,000"
    assert window.findChild(QAction, "edit.undo").text().replace("&", "") == (
        "Undo Change event schedule of “Trade shows”"
    )
    window.findChild(QAction, "edit.undo").trigger()
    assert field.text() == "" and health(window, "sales_ready_leads_supplied") == "288"


def test_a_schedule_the_field_cannot_read_is_refused_and_the_plan_keeps_its_own(window: MainWindow, qtbot: Any) -> None:
    field = schedule_field(window, TRADE_SHOWS)
    field.setFocus()
    qtbot.keyClicks(field, "Mar 25k; Spe 25k")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    message = window.findChild(QLabel, "schedule_editor.message")
    assert message.isVisible()
    assert message.text() == "“Spe” is not a month; type a month and an amount, like March 25,000; September 25,000"
    assert window.document.plan.channels[TRADE_SHOWS].schedule == ()
    field.selectAll()
    qtbot.keyClicks(field, "Mar 25k; Sep 25k")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not message.isVisible()
    assert len(window.document.plan.channels[TRADE_SHOWS].schedule) == 2


def test_a_people_driven_channel_cannot_take_a_schedule_in_the_field(window: MainWindow) -> None:
    field = schedule_field(window, 0)
    assert not field.isEnabled()


def test_a_programs_name_and_typed_text_show_as_text_never_markup(window: MainWindow, qtbot: Any) -> None:
    window.document.set_value(f"channels[{TRADE_SHOWS}].name", "<b>Shows</b>")
    field = schedule_field(window, TRADE_SHOWS)
    intro = window.findChild(QGroupBox, "schedule_editor").findChildren(QLabel)[0]
    assert intro.textFormat() == Qt.TextFormat.PlainText and "“<b>Shows</b>”" in intro.text()
    field.setFocus()
    qtbot.keyClicks(field, "<i>Mar</i> 5k")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    message = window.findChild(QLabel, "schedule_editor.message")
    assert message.textFormat() == Qt.TextFormat.PlainText
    assert message.text().startswith("“<i>Mar</i> 5k” is not a month and an amount")
