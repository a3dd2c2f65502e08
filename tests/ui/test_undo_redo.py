"""Every edit can be undone and redone, across steps, with the Edit menu saying what."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QPlainTextEdit, QPushButton, QTableView

from planner.plan.model import Scenario
from tests.ui.helpers import field, retype, type_in_cell
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def click(qtbot: Any, window: MainWindow, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select_row(window: MainWindow, name: str, row: int) -> QTableView:
    view = window.findChild(QTableView, name)
    view.setCurrentIndex(view.model().index(row, 0))
    view.setFocus()
    return view


def undo_text(window: MainWindow) -> str:
    return window.findChild(QAction, "edit.undo").text().replace("&", "")


def redo_text(window: MainWindow) -> str:
    return window.findChild(QAction, "edit.redo").text().replace("&", "")


def edit_across_the_steps(window: MainWindow, qtbot: Any) -> list[str]:
    """A person's evening: fields, table rows and lists on five steps; returns the undo texts."""
    texts = []
    window.go_to_step(0)
    retype(qtbot, field(window, "basics.company"), "Acme Bolts")
    texts.append(undo_text(window))
    window.go_to_step(2)
    retype(qtbot, field(window, "targets.win_rate"), "30")
    texts.append(undo_text(window))
    window.go_to_step(3)
    click(qtbot, window, "labor.add")
    texts.append(undo_text(window))
    type_in_cell(qtbot, window.findChild(QTableView, "labor"), 1, 2, "4")
    texts.append(undo_text(window))
    view = select_row(window, "labor", 1)
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    texts.append(undo_text(window))
    window.go_to_step(4)
    select_row(window, "channels", 0)
    click(qtbot, window, "channels.duplicate")
    texts.append(undo_text(window))
    select_row(window, "channels", 0)
    click(qtbot, window, "channels.down")
    texts.append(undo_text(window))
    select_row(window, "channels", 2)
    click(qtbot, window, "channels.remove")
    texts.append(undo_text(window))
    window.go_to_step(5)
    click(qtbot, window, "metrics.add")
    texts.append(undo_text(window))
    click(qtbot, window, "review.risks.add")
    texts.append(undo_text(window))
    risks = window.findChild(QListView, "review.risks")
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Key account churning")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: risks.state() != QListView.State.EditingState)
    texts.append(undo_text(window))
    return texts


def test_edits_across_the_steps_undo_back_to_the_original_and_redo_to_the_edited_plan(
    window: MainWindow, qtbot: Any
) -> None:
    original = window.document.plan
    first_channel = original.channels[0].name
    texts = edit_across_the_steps(window, qtbot)
    assert texts == [
        "Undo Change Company",
        "Undo Change Win rate",
        "Undo Add resource",
        "Undo Change Head count of resource “Inside reps 2”",
        "Undo Move resource “Inside reps 2” up",
        f"Undo Duplicate channel “{first_channel}”",
        f"Undo Move channel “{first_channel}” down",
        "Undo Remove channel “Trade shows”",  # the sample's second channel, third after the copy
        "Undo Add metric",
        "Undo Add to risks",
        "Undo Change risks",
    ]
    edited = window.document.plan
    assert edited != original
    assert [r.name for r in edited.labor] == ["Inside reps 2", "Inside lead development reps"]
    assert edited.labor[0].headcount == 4
    assert edited.review.risks == ("Key account churning",)
    assert window.windowTitle().endswith("*")

    window.go_to_step(0)  # the history survives switching steps
    steps = window.document.undo_stack.count()
    assert steps == len(texts)
    for _ in range(steps):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.document.plan == original
    assert not window.document.is_modified
    assert field(window, "basics.company").text() == original.basics.company
    assert window.findChild(QTableView, "labor").model().rowCount() == len(original.labor)

    for _ in range(steps):
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.plan == edited
    assert field(window, "basics.company").text() == "Acme Bolts"


def test_ctrl_z_in_a_field_undoes_the_plan_not_only_the_field(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(2)
    retype(qtbot, field(window, "targets.deal_size"), "60000")
    retype(qtbot, field(window, "targets.win_rate"), "50")
    rate = field(window, "targets.win_rate")
    assert rate.hasFocus()
    qtbot.keyClick(rate, Qt.Key.Key_Z, CTRL)
    assert window.document.plan.targets.win_rate == 0.25
    assert rate.text() == "25"
    qtbot.keyClick(rate, Qt.Key.Key_Z, CTRL)  # the next undo goes on to the other field
    assert window.document.plan.targets.deal_size == 40_000
    qtbot.keyClick(rate, Qt.Key.Key_Y, CTRL)
    assert window.document.plan.targets.deal_size == 60_000
    assert redo_text(window) == "Redo Change Win rate"


def test_typing_notes_is_one_step_and_ctrl_z_in_the_notes_undoes_it(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(1)
    notes = window.findChild(QPlainTextEdit, "diagnosis.notes")
    before = window.document.plan.diagnosis.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Board wants 20% growth")
    assert window.document.undo_stack.count() == 1
    qtbot.keyClick(notes, Qt.Key.Key_Z, CTRL)
    assert window.document.plan.diagnosis.notes == before
    assert notes.toPlainText() == before


def test_move_up_and_down_are_disabled_at_the_ends_and_ctrl_down_moves_a_channel(
    window: MainWindow, qtbot: Any
) -> None:
    window.go_to_step(4)
    names = [c.name for c in window.document.plan.channels]
    assert len(names) >= 2
    view = select_row(window, "channels", 0)
    assert not window.findChild(QPushButton, "channels.up").isEnabled()
    assert window.findChild(QPushButton, "channels.down").isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)
    assert [c.name for c in window.document.plan.channels][:2] == [names[1], names[0]]
    assert view.currentIndex().row() == 1  # the selection follows the row
    window.document.undo_stack.undo()
    assert [c.name for c in window.document.plan.channels] == names
    select_row(window, "channels", len(names) - 1)
    assert not window.findChild(QPushButton, "channels.down").isEnabled()


def test_removing_a_review_item_names_it_and_undo_brings_it_back(window: MainWindow, qtbot: Any) -> None:
    window.document.set_value("review.issues", ("Pricing page down", "CRM access"), "Add issues")
    window.go_to_step(5)
    view = window.findChild(QListView, "review.issues")
    view.setCurrentIndex(view.model().index(0, 0))
    click(qtbot, window, "review.issues.remove")
    assert window.document.plan.review.issues == ("CRM access",)
    assert undo_text(window) == "Undo Remove “Pricing page down” from issues"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.document.plan.review.issues == ("Pricing page down", "CRM access")


def test_a_scenario_change_is_one_undoable_step(window: MainWindow, qtbot: Any) -> None:
    before = window.document.plan.scenarios
    changed = (*before, Scenario("Two more reps", {"labor.ldr.headcount": 4}))
    window.document.set_value("scenarios", changed, "Add scenario “Two more reps”", merge=False)
    assert len(window.document.result.scenarios) == len(before) + 1
    assert undo_text(window) == "Undo Add scenario “Two more reps”"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.document.plan.scenarios == before
    assert len(window.document.result.scenarios) == len(before)
