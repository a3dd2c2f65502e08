"""The main window: the walk-through, the health panel beside it, files, undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from planner.plan.plan_file import read_plan
from planner.plan.sample import sample_plan
from tests.ui.helpers import field, health, retype
from ui import create_window
from ui.main_window import MainWindow
from ui.navigator import STEPS

# one input on each step, which must be visible once the step is shown
STEP_INPUTS = (
    "basics.company",
    "diagnosis.challenges.reps_lack_time",
    "targets.win_rate",
    "labor",
    "channels",
    "step.metrics_review",
    "scenarios",
    "actuals",
)


def test_create_window_opens_the_plan_file_it_is_given(window: MainWindow, sample_file: Path) -> None:
    assert window.document.plan == sample_plan()
    assert window.windowTitle() == "Lead Planner — sample.leadplan"
    assert field(window, "basics.company").text() == "Acme Fasteners"


def test_typing_a_win_rate_updates_the_health_panel(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(2)
    retype(qtbot, field(window, "targets.win_rate"), "30")
    # 2,400,000 net new / 40,000 = 60 wins; / 30% = 200 opportunities; / 60% = 333.3 leads
    assert window.document.plan.targets.win_rate == pytest.approx(0.30)
    assert health(window, "sales_ready_leads_needed") == "333"
    assert health(window, "sales_ready_leads_supplied") == "288"
    # v3, a 3-month cycle: this year is the leads of Jan-Sep, 5 + 11 + 17 + 23 + 5 x 29 = 201 of them
    assert health(window, "gap") == "132"  # 333.3 - 201
    assert health(window, "coverage") == "60%"  # 201 / 333.3


def test_every_step_is_reachable_with_ctrl_1_to_8(window: MainWindow, qtbot: Any) -> None:
    for number in (7, 3, 1, 8, 5, 2, 6, 4):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_step() == number - 1
        assert window.navigator.currentRow() == number - 1
        assert window.findChild(QWidget, STEP_INPUTS[number - 1]).isVisible()


def test_next_and_back_walk_the_steps_in_order(window: MainWindow, qtbot: Any) -> None:
    assert not window.back_button.isEnabled()
    for number in range(1, len(STEPS)):
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        assert window.current_step() == number
    assert not window.next_button.isEnabled()
    assert window.next_button.text() == "Next  ›"
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current_step() == len(STEPS) - 2
    assert window.next_button.text() == "Next: Track  ›"
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.next_button.text() == "Next: Review && export  ›"  # && shows one &


def test_clicking_a_step_in_the_navigator_shows_it(window: MainWindow, qtbot: Any) -> None:
    item = window.navigator.item(3)
    rect = window.navigator.visualItemRect(item)
    qtbot.mouseClick(window.navigator.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_step() == 3
    assert window.findChild(QWidget, "labor").isVisible()


def test_ctrl_s_then_reopen_gives_the_same_plan(window: MainWindow, qtbot: Any, sample_file: Path) -> None:
    retype(qtbot, field(window, "basics.company"), "Acme Bolts")
    window.go_to_step(2)
    retype(qtbot, field(window, "targets.win_rate"), "22.5")
    assert window.windowTitle() == "Lead Planner — sample.leadplan*"
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.windowTitle() == "Lead Planner — sample.leadplan"
    assert read_plan(sample_file).plan == window.document.plan
    reopened = create_window(str(sample_file))
    qtbot.addWidget(reopened)
    assert reopened.document.plan == window.document.plan
    assert reopened.document.plan.basics.company == "Acme Bolts"
    assert reopened.document.plan.targets.win_rate == pytest.approx(0.225)


def test_saving_an_untitled_plan_asks_for_a_name_and_adds_the_suffix(qtbot: Any, tmp_path: Path, dialogs: Any) -> None:
    window = create_window(None, sample=True)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Lead Planner — Untitled"
    dialogs.save_path = str(tmp_path / "acme")
    assert window.save()
    assert (tmp_path / "acme.leadplan").exists()
    assert window.windowTitle() == "Lead Planner — acme.leadplan"
    assert read_plan(tmp_path / "acme.leadplan").plan == sample_plan()


def test_a_file_that_cannot_be_opened_is_explained_and_a_blank_plan_opens(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    broken = tmp_path / "broken.leadplan"
    broken.write_text("{not json", encoding="utf-8")
    window = create_window(str(broken))
    qtbot.addWidget(window)
    assert window.document.plan.basics.company == ""
    assert window.windowTitle() == "Lead Planner — Untitled"
    [message] = dialogs.texts("warning")
    assert "broken.leadplan" in message and "not valid JSON" in message


def test_new_with_unsaved_changes_asks_and_cancel_keeps_the_plan(window: MainWindow, qtbot: Any, dialogs: Any) -> None:
    retype(qtbot, field(window, "basics.company"), "Changed")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.new_plan()
    assert len(dialogs.texts("question")) == 1
    assert window.document.plan.basics.company == "Changed"
    dialogs.answer = QMessageBox.StandardButton.Discard
    window.new_plan()
    assert window.document.plan.basics.company == ""
    assert field(window, "basics.company").text() == ""
    assert window.windowTitle() == "Lead Planner — Untitled"
    assert not window.document.undo_stack.canUndo()


def test_new_from_the_sample_is_an_untitled_copy(window: MainWindow) -> None:
    window.new_plan()
    window.new_from_sample()
    assert window.document.plan == sample_plan()
    assert window.document.path is None
    assert health(window, "sales_ready_leads_needed") == "400"


def test_open_reads_the_chosen_file_and_remembers_it(
    qtbot: Any, tmp_path: Path, sample_file: Path, dialogs: Any
) -> None:
    window = create_window(None)
    qtbot.addWidget(window)
    dialogs.open_path = str(sample_file)
    assert window.open_plan()
    assert window.document.plan == sample_plan()
    assert window.windowTitle() == "Lead Planner — sample.leadplan"
    assert window.recent.paths() == [str(sample_file.resolve())]
    # a second window sees the recent file: the list lives in the settings
    other = create_window(None)
    qtbot.addWidget(other)
    other._fill_recent_menu()
    assert next(a.text() for a in other.recent_menu.actions()) == "sample.leadplan"


def test_window_geometry_is_remembered(qtbot: Any, settings_folder: Path) -> None:
    first = create_window(None)
    qtbot.addWidget(first)
    first.show()
    first.move(40, 30)
    first.resize(1100, 700)
    stored = first.saveGeometry()
    first.close()
    assert any(settings_folder.rglob("*.ini"))
    second = create_window(None)
    qtbot.addWidget(second)
    assert second.settings.value("window/geometry") == stored
    assert second.height() == 700  # (the offscreen test screen is too narrow to keep the width)


def test_undo_and_redo_follow_the_edits(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(2)
    retype(qtbot, field(window, "targets.win_rate"), "50")
    assert health(window, "sales_ready_leads_needed") == "200"
    undo = window.findChild(type(window.step_actions[0]), "edit.undo")
    assert undo.text() == "&Undo Change Win rate"
    window.document.undo_stack.undo()  # typing "5" then "0" was one step
    assert window.document.plan.targets.win_rate == 0.25
    assert field(window, "targets.win_rate").text() == "25"
    assert health(window, "sales_ready_leads_needed") == "400"
    assert window.windowTitle() == "Lead Planner — sample.leadplan"
    window.document.undo_stack.redo()
    assert field(window, "targets.win_rate").text() == "50"


def test_closing_with_unsaved_changes_asks_first(window: MainWindow, qtbot: Any) -> None:
    retype(qtbot, field(window, "basics.company"), "Changed")
    window.close()
    assert window.isVisible()  # still open: the question is waiting
    box = window.findChild(QMessageBox, "close.question")
    assert box is not None and "sample.leadplan" in box.text()
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_every_input_has_an_accessible_name_and_a_tooltip(window: MainWindow) -> None:
    inputs = [w for w in window.findChildren(QLineEdit) if "." in w.objectName()]
    assert len(inputs) > 30
    for widget in window.findChildren(QWidget):
        name = widget.objectName()
        if name.split(".")[0].split("[")[0] in ("basics", "diagnosis", "targets", "labor") and (
            isinstance(widget, QLineEdit)
            or widget.metaObject().className() in ("QComboBox", "QPlainTextEdit", "QCheckBox")
        ):
            assert widget.accessibleName(), name
            assert widget.toolTip(), name


def test_saving_over_a_file_someone_else_changed_asks_first(
    window: MainWindow, qtbot: Any, sample_file: Path, dialogs: Any
) -> None:
    retype(qtbot, field(window, "basics.company"), "Ours")
    sample_file.write_text(sample_file.read_text(encoding="utf-8").replace("Acme", "Theirs"), encoding="utf-8")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not window.save()
    assert "Theirs" in sample_file.read_text(encoding="utf-8")
    assert "changed by someone else" in dialogs.texts("question")[0]
    dialogs.answer = QMessageBox.StandardButton.Save
    assert window.save()
    assert read_plan(sample_file).plan.basics.company == "Ours"
