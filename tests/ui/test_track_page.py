"""The Track step: type, paste and clear actuals month by month, against the plan, with one undo per edit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit

from planner.plan.model import Actual
from planner.plan.recovery import RecoveryStore
from tests.planner.recovery_helpers import ended_process
from tests.ui.helpers import once_shown, type_in_cell
from ui.main_window import MainWindow
from ui.models.actuals_model import AHEAD_BACKGROUND, BEHIND_BACKGROUND, actual_column
from ui.pages.track import TrackPage

LEADS, OPPORTUNITIES, WINS = actual_column("sales_ready_leads"), actual_column("opportunities"), actual_column("wins")
REVENUE = actual_column("revenue")


def track(window: MainWindow, qtbot: Any) -> TrackPage:
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    page = window.page(window.current_step())
    assert isinstance(page, TrackPage)
    return page


def cell(page: TrackPage, row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> Any:
    return page.model.data(page.model.index(row, column), role)


def erase_cell(qtbot: Any, page: TrackPage, row: int, column: int) -> None:
    """Open the cell's editor, erase its text and press Enter."""
    page.table.setCurrentIndex(page.model.index(row, column))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = page.table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != QAbstractItemView.State.EditingState)


def test_ctrl_8_opens_track_after_review_and_export(window: MainWindow, qtbot: Any) -> None:
    page = track(window, qtbot)
    assert window.current_step() == 7
    assert window.navigator.currentItem().text().endswith("Track")
    assert page.table.isVisible()
    # the sample plan needs 400 leads this year, made Jan-Sep (v3, a 3-month cycle): 44 in January. The plan
    # expects 5 leads in January (the trade shows; the reps start in February): 5 x 60% = 3 opportunities;
    # and wins closing in January: the pipeline's $600,000 over its first 3 months, $200,000 / $40,000 = 5
    assert [cell(page, 0, c) for c in (LEADS + 1, OPPORTUNITIES + 1, WINS + 1)] == ["44", "3", "5"]
    assert cell(page, 0, LEADS) == ""  # not reported: empty, not 0
    assert page.findChild(QLabel, "track.standing").text().startswith("No actuals yet")


def test_typing_an_actual_shows_the_variance_red_when_behind_and_green_when_ahead(
    window: MainWindow, qtbot: Any
) -> None:
    page = track(window, qtbot)
    type_in_cell(qtbot, page.table, 0, LEADS, "20")
    type_in_cell(qtbot, page.table, 1, LEADS, "50")
    assert window.document.plan.actuals == (
        Actual(month=1, sales_ready_leads=20),
        Actual(month=2, sales_ready_leads=50),
    )
    # 44.4 needed a month (v3: 400 over Jan-Sep). Jan: 20 - 44.4 = -24.4, behind; Feb: 50 - 44.4 = +5.6, ahead
    assert cell(page, 0, LEADS + 2) == "−24"
    assert cell(page, 1, LEADS + 2) == "+5.6"
    background = Qt.ItemDataRole.BackgroundRole
    assert cell(page, 0, LEADS + 2, background).color().name() == BEHIND_BACKGROUND
    assert cell(page, 1, LEADS + 2, background).color().name() == AHEAD_BACKGROUND
    assert cell(page, 2, LEADS + 2, background) is None  # March not reported: no colour
    assert "short of what the month needs" in cell(page, 0, LEADS + 2, Qt.ItemDataRole.ToolTipRole)
    # 70 to Feb 2027 against 88.9 needed: 19 short
    assert "70 sales-ready leads to Feb 2027 against 89 needed, 19 short" in page.standing.text()
    assert window.windowTitle().endswith("*")


def test_pasting_a_block_of_three_columns_by_twelve_months_is_one_undo_step(window: MainWindow, qtbot: Any) -> None:
    page = track(window, qtbot)
    before = window.document.undo_stack.count()
    block = "".join(f"{30 + m}\t{18 + m}\t{4}\r\n" for m in range(12))  # as a spreadsheet copies it
    QGuiApplication.clipboard().setText(block)
    page.table.setCurrentIndex(page.model.index(0, LEADS))
    qtbot.keyClick(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    actuals = window.document.plan.actuals
    assert len(actuals) == 12
    assert actuals[0] == Actual(month=1, sales_ready_leads=30, opportunities=18, wins=4)
    assert actuals[11] == Actual(month=12, sales_ready_leads=41, opportunities=29, wins=4)
    assert window.document.undo_stack.count() == before + 1
    assert window.document.undo_stack.undoText() == "Paste 36 actuals"
    # the paste skipped the plan and variance columns: the opportunities went to their actual column
    assert cell(page, 11, OPPORTUNITIES) == "29"
    window.findChild(QAction, "edit.undo").trigger()
    assert window.document.plan.actuals == ()
    assert cell(page, 11, OPPORTUNITIES) == ""


def test_a_bad_value_in_a_pasted_block_changes_nothing_and_says_where(window: MainWindow, qtbot: Any) -> None:
    page = track(window, qtbot)
    page.table.setCurrentIndex(page.model.index(0, LEADS))
    assert not page.table.paste("30\t18\n31\tmany\n")
    assert window.document.plan.actuals == ()
    assert page.message.isVisible()
    assert page.message.text().startswith("Feb 2027:")


def test_clearing_a_cell_leaves_the_month_empty_not_zero(window: MainWindow, qtbot: Any) -> None:
    page = track(window, qtbot)
    type_in_cell(qtbot, page.table, 2, LEADS, "25")
    type_in_cell(qtbot, page.table, 2, REVENUE, "$120,000")
    assert window.document.plan.actuals == (Actual(month=3, sales_ready_leads=25, revenue=120_000),)
    erase_cell(qtbot, page, 2, LEADS)
    assert window.document.plan.actuals == (Actual(month=3, revenue=120_000),)
    assert window.document.result.months[2].actual_sales_ready_leads is None
    assert cell(page, 2, LEADS) == "" and cell(page, 2, LEADS + 2) == ""
    # Delete on the selection clears the rest: an entry with no figures left is removed
    page.table.setCurrentIndex(page.model.index(2, REVENUE))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert window.document.plan.actuals == ()
    assert window.document.result.actuals is None


def test_a_typed_actual_is_autosaved_for_recovery(window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    page = track(window, qtbot)
    window.autosaver.store = RecoveryStore(tmp_path / "recovery", "crashed", ended_process())
    type_in_cell(qtbot, page.table, 0, OPPORTUNITIES, "12")
    window.autosaver.autosave_now()
    assert window.autosaver.wait()
    [found] = RecoveryStore(tmp_path / "recovery", "next").leftovers()
    assert found.load().actuals == (Actual(month=1, opportunities=12),)


def test_the_chart_shows_the_actuals_to_date_and_the_forecast_from_the_last_actual_month(
    window: MainWindow, qtbot: Any
) -> None:
    page = track(window, qtbot)
    page.table.setCurrentIndex(page.model.index(0, LEADS))
    page.table.paste("20\n30\n41")
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: page.chart.chart is not None)
    chart = page.chart.chart
    actual = [(0, 20), (1, 50), (2, 91)]
    assert once_shown(qtbot, lambda: chart.points("Actual"), actual) == actual  # (drawn when scrolled to)
    forecast = chart.points("Forecast at this pace")
    supplied = [m.sales_ready_leads_supplied for m in window.document.result.months]
    assert forecast[0] == (2, 91)
    assert forecast[-1] == (11, pytest.approx(91 + sum(supplied[3:])))
    # this year at this pace: the leads to September (the last whose deals close by December, v3):
    # 91 + 23 + 5 x 29 = 259
    assert forecast[6] == (8, pytest.approx(259))
    assert forecast[6][1] == pytest.approx(window.document.result.actuals.forecast_sales_ready_leads)
    # 400 this year (Jan-Sep) and 125 for next year's start (Oct-Dec: $3M / $6,000 a lead / 12 x 3)
    assert chart.points("Needed (plan)")[-1] == (11, pytest.approx(525))


def test_a_word_typed_as_an_actual_is_refused_with_a_message(window: MainWindow, qtbot: Any) -> None:
    page = track(window, qtbot)
    type_in_cell(qtbot, page.table, 0, WINS, "lots")
    assert window.document.plan.actuals == ()
    assert page.message.text().startswith("Jan 2027:")


def test_presentation_mode_shows_plan_vs_actual_once_there_are_actuals(window: MainWindow, qtbot: Any) -> None:
    view = window.present()
    qtbot.waitExposed(view)
    line = view.findChild(QLabel, "present.actuals")
    assert not line.isVisible()
    # 20 + 30 leads to Feb against 88.9 needed (v3: 400 over Jan-Sep); revenue 240,000 against
    # 3,000,000 x 2/12 = 500,000
    window.document.set_value(
        "actuals",
        (Actual(month=1, sales_ready_leads=20, revenue=90_000), Actual(month=2, sales_ready_leads=30, revenue=150_000)),
    )
    assert line.isVisible()
    assert line.text().startswith(
        "Plan vs actual: Actual revenue to Feb 2027: $240,000 against $500,000 of the goal to date, $260,000 behind"
    )
    assert "50 sales-ready leads to Feb 2027 against 89 needed, 39 short" in line.text()
    # the verdict is the health panel's, word for word: the engine's status with the actuals
    assert view.findChild(QLabel, "present.verdict").text() == window.health.verdict.text()
    assert view.findChild(QLabel, "present.verdict").text().startswith("Short at this pace")
    view.close()


def test_copying_cells_gives_tab_separated_text_a_spreadsheet_takes(window: MainWindow, qtbot: Any) -> None:
    page = track(window, qtbot)
    page.table.setCurrentIndex(page.model.index(0, LEADS))
    page.table.paste("20\t10\n30\t15")
    selection = page.table.selectionModel()
    top, bottom = page.model.index(0, LEADS), page.model.index(1, LEADS + 1)
    selection.select(QItemSelection(top, bottom), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "20\n30"  # the plan's column is hidden: not copied
    page.show_plan.setChecked(True)  # the figure needed under each difference: "−24" over "of 44"
    variance = page.model.index(1, LEADS + 2)
    selection.select(QItemSelection(top, variance), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    # the actual, then the difference alone (20 - 44.4, 30 - 44.4): a cell a line, as a spreadsheet takes it
    assert QGuiApplication.clipboard().text() == "20\t−24\n30\t−14"
