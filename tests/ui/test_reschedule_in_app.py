"""The first month and the horizon keep the actuals in their calendar months (never lose a plan)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar

from planner.plan.model import Actual
from planner.plan.plan_file import write_plan
from planner.plan.sample import sample_plan
from tests.ui.conftest import Dialogs
from tests.ui.helpers import field, retype
from ui import files
from ui.main_window import MainWindow, create_window


def window_with_actuals(qtbot: Any, tmp_path: Path, months: tuple[int, ...]) -> MainWindow:
    plan = sample_plan()
    plan = dataclasses.replace(plan, actuals=tuple(Actual(month=m, sales_ready_leads=10 * m) for m in months))
    path = tmp_path / "with-actuals.leadplan"
    write_plan(plan, path)
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_moving_the_first_month_earlier_moves_the_actuals_with_it_in_one_undo_step(qtbot: Any, tmp_path: Path) -> None:
    window = window_with_actuals(qtbot, tmp_path, (1, 2, 3))
    retype(qtbot, field(window, "basics.start_month"), "2026-10")
    assert window.document.plan.basics.start_month == "2026-10"
    # January-March 2027 are now plan months 4-6
    assert [(a.month, a.sales_ready_leads) for a in window.document.plan.actuals] == [(4, 10), (5, 20), (6, 30)]
    assert "3 plan months later" in window.findChild(QStatusBar).currentMessage()
    window.document.undo_stack.undo()
    assert window.document.plan.basics.start_month == "2027-01"
    assert [a.month for a in window.document.plan.actuals] == [1, 2, 3]


def test_cutting_the_horizon_below_an_actual_asks_first_and_cancel_keeps_it(
    qtbot: Any, tmp_path: Path, dialogs: Dialogs
) -> None:
    window = window_with_actuals(qtbot, tmp_path, (8, 10, 11))
    horizon = field(window, "basics.horizon_months")
    retype(qtbot, horizon, "9")
    assert window.document.plan.basics.horizon_months == 12  # not while typing
    message = window.findChild(QLabel, "basics.horizon_months.message").text()
    assert "months 10, 11 are after month 9" in message and "Press Enter" in message
    dialogs.answer = files.Button.Cancel
    qtbot.keyClick(horizon, Qt.Key.Key_Return)
    [question] = dialogs.texts("question")
    assert "Remove them and shorten the plan?" in question
    assert window.document.plan.basics.horizon_months == 12
    assert [a.month for a in window.document.plan.actuals] == [8, 10, 11]
    dialogs.answer = files.Button.Yes
    qtbot.keyClick(horizon, Qt.Key.Key_Return)
    assert window.document.plan.basics.horizon_months == 9
    assert [a.month for a in window.document.plan.actuals] == [8]
    window.document.undo_stack.undo()
    assert window.document.plan.basics.horizon_months == 12
    assert [a.month for a in window.document.plan.actuals] == [8, 10, 11]


def test_moving_the_first_month_past_an_actual_is_refused_with_what_to_do(qtbot: Any, tmp_path: Path) -> None:
    window = window_with_actuals(qtbot, tmp_path, (1, 2, 3))
    retype(qtbot, field(window, "basics.start_month"), "2027-03")
    assert window.document.plan.basics.start_month == "2027-01"
    message = window.findChild(QLabel, "basics.start_month.message").text()
    assert "2 months of actuals fall outside the plan" in message and "Track" in message
