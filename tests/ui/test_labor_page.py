"""The labor model's table and activity calculator, driven as a person would."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableView

from tests.ui.helpers import health, type_in_cell
from ui.main_window import MainWindow


def labor_view(window: MainWindow) -> QTableView:
    window.go_to_step(3)
    return window.findChild(QTableView, "labor")


def test_the_table_shows_the_sample_resource(window: MainWindow) -> None:
    model = labor_view(window).model()
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == [
        "Inside lead development reps",
        "Inside reps",
        "2",
        "2",
        "12",  # no end month: to the plan's last month
        "3",
        "12",
        "$7,500",
        "$0",
        "0%",
        "1",
        "228",
        "$165,000",
    ]


def test_adding_a_resource_through_the_table_adds_supply(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    qtbot.mouseClick(window.findChild(QPushButton, "labor.add"), Qt.MouseButton.LeftButton)
    labor = window.document.plan.labor
    assert len(labor) == 2 and view.model().rowCount() == 2
    assert labor[1].id not in ("ldr", "marketing") and labor[1].kind == "inside"
    # a new inside rep: 12 a month, 3-month ramp from month 1: 3 + 6 + 9 + 9 x 12 = 126 (unassigned)
    assert health(window, "sales_ready_leads_supplied") == "414"
    assert view.currentIndex().row() == 1
    type_in_cell(qtbot, view, 1, 2, "3")
    assert window.document.plan.labor[1].headcount == 3
    assert health(window, "sales_ready_leads_supplied") == "666"  # 288 + 3 x 126


def test_an_invalid_cell_is_refused_with_a_message(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    type_in_cell(qtbot, view, 0, 2, "-2")
    message = window.findChild(QLabel, "labor.message")
    assert message.isVisible()
    assert message.text() == "Row 1: Head count must be 0 or more; you entered -2"
    assert window.document.plan.labor[0].headcount == 2
    type_in_cell(qtbot, view, 0, view.model().column_of("cost_per_person_month"), "8,000")
    assert window.document.plan.labor[0].cost_per_person_month == 8000
    assert not message.isVisible()


def test_the_kind_is_chosen_from_a_list(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    index = view.model().index(0, 1)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Field reps prospecting part-time",
        "Inside lead development reps (in-house)",
        "Outsourced lead development team",
    ]
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    assert window.document.plan.labor[0].kind == "outsourced"


def test_duplicate_and_remove(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.mouseClick(window.findChild(QPushButton, "labor.duplicate"), Qt.MouseButton.LeftButton)
    labor = window.document.plan.labor
    assert [r.name for r in labor] == ["Inside lead development reps", "Inside lead development reps (copy)"]
    assert labor[1].id != labor[0].id and labor[1].headcount == labor[0].headcount
    qtbot.mouseClick(window.findChild(QPushButton, "labor.remove"), Qt.MouseButton.LeftButton)
    assert [r.name for r in window.document.plan.labor] == ["Inside lead development reps"]


def test_the_activity_calculator_fills_leads_per_person_month(window: MainWindow, qtbot: Any) -> None:
    view = labor_view(window)
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.mouseClick(window.findChild(QPushButton, "activity_calculator.use"), Qt.MouseButton.LeftButton)
    resource = window.document.plan.labor[0]
    # 20 days x 60 dials x 10% connect x 10% = 12, the inside rep's default output
    assert resource.srl_per_person_month == pytest.approx(12)
    dials = window.findChild(QLineEdit, "labor[0].activity.dials_per_day")
    assert dials.isEnabled() and dials.text() == "60"
    dials.selectAll()
    qtbot.keyClicks(dials, "45")
    # 20 x 45 x 10% x 10% = 9
    assert window.document.plan.labor[0].activity.dials_per_day == 45
    assert window.document.plan.labor[0].srl_per_person_month == pytest.approx(9)
    output = view.model().column_of("srl_per_person_month")
    assert view.model().index(0, output).data() == "9"
    # typing the output by hand in the table stops the calculator for that resource
    type_in_cell(qtbot, view, 0, output, "10")
    assert window.document.plan.labor[0].activity is None
    assert not dials.isEnabled()
