"""The review's ways to lose a plan in the app, each ending with the plan safe and a message in plain words."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QTableView

from planner.plan import safe_write
from planner.plan.plan_file import read_plan, write_plan
from planner.plan.recovery import RecoveryStore
from planner.plan.sample import sample_plan
from tests.planner.recovery_helpers import ended_process
from tests.ui.conftest import Dialogs
from tests.ui.helpers import field, type_in_cell
from ui import files
from ui.app import start
from ui.main_window import MainWindow


def started(qtbot: Any, *args: str) -> MainWindow:
    """The window as the ``leadplanner`` command starts it, once it has asked about recovery."""
    window = start(list(args))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.recovery_offered)
    return window


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def with_company(name: str) -> Any:
    plan = sample_plan()
    return dataclasses.replace(plan, basics=dataclasses.replace(plan.basics, company=name))


# --- 1. recovery never saves over the wrong file ---------------------------------------------
def crash_in(folder: Path, recovery: Path, typed: str) -> None:
    """Open gui1.leadplan from ``folder`` (a relative path, as typed), edit, and be killed."""
    os.chdir(folder)
    saved_at = dt.datetime(2026, 3, 2, 21, 47, tzinfo=dt.UTC)
    RecoveryStore(recovery, "crashed", ended_process()).write(with_company(typed), Path("gui1.leadplan"), saved_at)


def test_recovering_from_another_folder_saves_to_the_file_that_was_open_not_a_namesake(
    qtbot: Any, tmp_path: Path, recovery_folder: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, other = tmp_path / "mine", tmp_path / "other"
    mine.mkdir(), other.mkdir()
    write_plan(sample_plan(), mine / "gui1.leadplan")
    write_plan(with_company("Someone else's plan"), other / "gui1.leadplan")
    theirs = (other / "gui1.leadplan").read_bytes()
    monkeypatch.chdir(mine)
    crash_in(mine, recovery_folder, "Typed before the crash")
    monkeypatch.chdir(other)  # started again from the other folder

    dialogs.answer = files.RECOVER
    window = started(qtbot)
    assert window.document.path == mine / "gui1.leadplan"
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert read_plan(mine / "gui1.leadplan").plan.basics.company == "Typed before the crash"
    assert (other / "gui1.leadplan").read_bytes() == theirs


def test_a_plan_whose_file_changed_since_the_crash_is_recovered_as_new_and_saving_asks_where(
    qtbot: Any, tmp_path: Path, recovery_folder: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_plan(sample_plan(), tmp_path / "gui1.leadplan")
    monkeypatch.chdir(tmp_path)
    crash_in(tmp_path, recovery_folder, "Typed before the crash")
    write_plan(with_company("Replaced meanwhile"), tmp_path / "gui1.leadplan")  # someone else's version now
    replaced = (tmp_path / "gui1.leadplan").read_bytes()

    dialogs.answer = files.RECOVER
    window = started(qtbot)
    assert window.document.path is None and window.document.is_modified
    assert window.document.plan.basics.company == "Typed before the crash"
    assert "has changed since" in window.statusBar().currentMessage()
    dialogs.save_path = ""  # Ctrl+S asks where (and the person cancels)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert (tmp_path / "gui1.leadplan").read_bytes() == replaced
    dialogs.save_path = str(tmp_path / "gui1 (recovered)")
    assert window.save()
    assert read_plan(tmp_path / "gui1 (recovered).leadplan").plan.basics.company == "Typed before the crash"
    assert (tmp_path / "gui1.leadplan").read_bytes() == replaced


# --- 13. two running instances ------------------------------------------------------------------
def test_a_second_window_never_offers_or_deletes_the_live_autosave_of_the_first(
    qtbot: Any, recovery_folder: Path, sample_file: Path, dialogs: Dialogs
) -> None:
    first = started(qtbot, str(sample_file))
    first.document.set_value("basics.company", "Typed in the first window")
    first.go_to_step(1)
    assert first.autosaver.wait()
    dialogs.answer = files.DISCARD_RECOVERY
    second = started(qtbot, str(sample_file))
    assert dialogs.texts("question") == []
    assert second.autosaver.store.id != first.autosaver.store.id
    assert first.autosaver.store.saved().load().basics.company == "Typed in the first window"


# --- 2. a lone surrogate never makes saving fail -------------------------------------------------
def test_a_lone_surrogate_is_saved_and_autosaved_as_a_replacement_character(
    window: MainWindow, sample_file: Path, dialogs: Dialogs
) -> None:
    window.document.set_value("basics.company", "Acme \udc00 Fasteners")
    window.go_to_step(1)
    assert window.autosaver.wait()
    assert window.autosaver.store.saved().load().basics.company == "Acme \ufffd Fasteners"
    assert window.save()
    assert dialogs.messages == []
    assert read_plan(sample_file).plan.basics.company == "Acme \ufffd Fasteners"
    assert temp_files(sample_file.parent) == []


def test_a_failed_save_says_so_in_the_status_bar_and_a_dialog_and_leaves_no_temporary_file(
    window: MainWindow, sample_file: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.document.set_value("basics.company", "Typed")

    def rename_fails(*_args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_write.os, "replace", rename_fails)
    assert not window.save()
    [(kind, title, message)] = dialogs.messages
    assert (kind, title) == ("warning", "The plan was not saved")
    assert "No space left on device" in message
    assert window.statusBar().currentMessage().startswith("The plan was not saved. Could not save “sample.leadplan”")
    assert temp_files(sample_file.parent) == []
    assert window.document.is_modified


# --- 3. symbolic links ------------------------------------------------------------------------------
def test_saving_a_plan_opened_through_a_link_writes_the_linked_file_and_keeps_the_link(
    qtbot: Any, tmp_path: Path, sample_file: Path
) -> None:
    link = tmp_path / "shortcut.leadplan"
    link.symlink_to(sample_file)
    window = started(qtbot, str(link))
    window.document.set_value("basics.company", "Through the link")
    assert window.save()
    assert link.is_symlink() and link.resolve() == sample_file
    assert read_plan(sample_file).plan.basics.company == "Through the link"


# --- 4. long text is never cut ---------------------------------------------------------------------
def test_one_backspace_in_a_field_of_100000_characters_removes_one_character(window: MainWindow, qtbot: Any) -> None:
    window.document.set_value("basics.company", "x" * 100_000)
    company = field(window, "basics.company")
    assert len(company.text()) == 100_000
    company.setFocus()
    company.end(False)
    qtbot.keyClick(company, Qt.Key.Key_Backspace)
    assert len(window.document.plan.basics.company) == 99_999


def test_editing_a_long_channel_name_in_the_table_keeps_it_whole(window: MainWindow, qtbot: Any) -> None:
    long_name = "n" * 40_000
    window.document.set_value("channels[1].name", long_name)
    window.go_to_step(4)
    view = window.findChild(QTableView, "channels")
    view.setCurrentIndex(view.model().index(1, 0))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit) and len(editor.text()) == 40_000
    editor.end(False)
    qtbot.keyClicks(editor, "!")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.plan.channels[1].name == long_name + "!")


# --- 5. renaming and removing rows that scenarios change ------------------------------------------
def test_renaming_a_channel_renames_its_scenario_overrides_in_one_undo_step(window: MainWindow, qtbot: Any) -> None:
    window.document.set_value("scenarios[0].overrides", {"win_rate": 0.3, "channels.Trade shows.monthly_budget": 9000})
    window.go_to_step(4)
    view = window.findChild(QTableView, "channels")
    steps = window.document.undo_stack.count()
    type_in_cell(qtbot, view, 1, 0, "Expos")
    assert window.document.plan.channels[1].name == "Expos"
    assert window.document.plan.scenarios[0].overrides == {"win_rate": 0.3, "channels.Expos.monthly_budget": 9000}
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.result.scenarios[0].supply.cost != window.document.result.supply.cost  # still applies
    window.document.undo_stack.undo()
    assert window.document.plan.channels[1].name == "Trade shows"
    assert "channels.Trade shows.monthly_budget" in window.document.plan.scenarios[0].overrides


def test_removing_a_channel_that_a_scenario_changes_asks_first_and_removes_the_change_with_it(
    window: MainWindow, qtbot: Any, dialogs: Dialogs
) -> None:
    window.document.set_value("scenarios[0].overrides", {"win_rate": 0.3, "channels.Trade shows.monthly_budget": 9000})
    window.go_to_step(4)
    view = window.findChild(QTableView, "channels")
    view.setCurrentIndex(view.model().index(1, 0))
    remove = window.findChild(QPushButton, "channels.remove")

    dialogs.answer = files.Button.Cancel
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    [question] = dialogs.texts("question")
    assert "“Stretch”" in question and "channel “Trade shows”" in question
    assert len(window.document.plan.channels) == 2

    dialogs.answer = files.Button.Yes
    steps = window.document.undo_stack.count()
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert [c.name for c in window.document.plan.channels] == ["Outbound phone"]
    assert window.document.plan.scenarios[0].overrides == {"win_rate": 0.3}
    assert window.document.undo_stack.count() == steps + 1
    window.document.undo_stack.undo()
    assert len(window.document.plan.channels) == 2
    assert "channels.Trade shows.monthly_budget" in window.document.plan.scenarios[0].overrides


# --- 11. a pipe never hangs the app ---------------------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_opening_a_named_pipe_is_refused_at_once(window: MainWindow, tmp_path: Path, dialogs: Dialogs) -> None:
    pipe = tmp_path / "pipe.leadplan"
    os.mkfifo(pipe)
    assert not window.load_file(str(pipe))
    [message] = dialogs.texts("warning")
    assert "not a file saved on disk" in message
