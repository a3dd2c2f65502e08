"""One gate: what the file would refuse never enters the plan, however it is typed, and a save always reopens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QStatusBar, QTableView

from planner.plan.model import Actual, ScheduledSpend
from planner.plan.plan_file import dumps_plan, parse_plan, read_plan
from planner.plan.sample import sample_plan
from tests.ui.helpers import type_in_cell
from ui.document import PlanDocument
from ui.main_window import MainWindow

TRADE_SHOWS = 1


def test_a_two_trillion_spend_typed_in_the_schedule_editor_is_refused_and_the_plan_saves_and_reopens(
    window: MainWindow, qtbot: Any, sample_file: Path
) -> None:
    window.go_to_step(4)
    window.findChild(QTableView, "channels").selectRow(TRADE_SHOWS)
    field = window.findChild(QLineEdit, "schedule_editor.text")
    field.setFocus()
    qtbot.keyClicks(field, "Sep 2,000,000,000,000")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    message = window.findChild(QLabel, "schedule_editor.message")
    assert message.isVisible() and "at most 1,000,000,000,000" in message.text()
    assert window.document.plan.channels[TRADE_SHOWS].schedule == ()
    assert window.save()
    assert read_plan(sample_file).plan == window.document.plan


def test_an_end_month_before_the_start_is_refused_in_the_labor_table_with_a_message(
    window: MainWindow, qtbot: Any
) -> None:
    window.go_to_step(3)
    view = window.findChild(QTableView, "labor")
    type_in_cell(qtbot, view, 0, view.model().column_of("end_month"), "1")  # the reps start in month 2
    assert window.document.plan.labor[0].end_month is None
    said = window.findChild(QStatusBar).currentMessage() + window.findChild(QLabel, "labor.message").text()
    assert "ends in month 1, before it starts (month 2)" in said


money = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**15), 10**15), st.just(10**400))
months = st.integers(-2, 70)
edits = st.one_of(
    st.tuples(st.just("targets.win_rate"), st.floats(-1, 2)),
    st.tuples(st.just("targets.revenue_goal"), money),
    st.tuples(st.just("targets.new_hire_ramp_months"), months),
    st.tuples(st.just("basics.horizon_months"), months),
    st.tuples(st.just("labor[0].end_month"), st.one_of(st.none(), months)),
    st.tuples(st.just("labor[0].headcount"), money),
    st.tuples(
        st.just("channels[1].schedule"),
        st.lists(st.builds(ScheduledSpend, month=months, budget=money), max_size=3).map(tuple),
    ),
    st.tuples(
        st.just("actuals"),
        st.lists(st.builds(Actual, month=months, sales_ready_leads=st.one_of(st.none(), money)), max_size=3).map(tuple),
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits, min_size=1, max_size=8))
def test_random_edits_through_the_document_never_make_a_plan_the_file_refuses(qapp: Any, steps: list) -> None:
    document = PlanDocument(sample_plan())
    for path, value in steps:
        document.set_value(path, value, merge=False)
        reopened = parse_plan(dumps_plan(document.plan))  # raises if the file would refuse it
        assert reopened.plan == document.plan
        document.undo_stack.undo()
        document.undo_stack.redo()
        assert parse_plan(dumps_plan(document.plan)).plan == document.plan
