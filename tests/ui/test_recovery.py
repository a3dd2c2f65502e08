"""Autosave in the window, and the plan a crash left behind offered back at the next start."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.plan.plan_file import read_plan
from planner.plan.recovery import RecoveryStore
from planner.plan.sample import sample_plan
from tests.planner.recovery_helpers import ended_process
from tests.ui.conftest import Dialogs
from tests.ui.helpers import field, retype, run_what_is_due
from ui import files
from ui.app import start
from ui.autosave import AUTOSAVE_MS
from ui.main_window import MainWindow, create_window


def open_window(qtbot: Any, *args: str, **kwargs: Any) -> MainWindow:
    """The window as ``leadplanner [PLAN]`` starts it (with kwargs: as create_window makes it)."""
    window = create_window(*args, **kwargs) if kwargs else start(list(args))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    if not kwargs:
        qtbot.waitUntil(lambda: window.recovery_offered)  # asked once the window is on screen
    return window


def crash_with(folder: Path, original: Path | None, **typed: Any) -> Any:
    """What a session killed mid-work leaves: its last autosave of the plan as typed."""
    plan = sample_plan()
    plan = replace(plan, basics=replace(plan.basics, **typed))
    saved_at = dt.datetime(2026, 3, 2, 21, 47, tzinfo=dt.UTC)
    RecoveryStore(folder, "crashed", ended_process()).write(plan, original, now=saved_at)
    return plan


def test_typed_work_is_autosaved_on_a_step_change_and_every_30_seconds(
    window: MainWindow, qtbot: Any, recovery_folder: Path, sample_file: Path
) -> None:
    assert window.autosaver.timer.isActive() and window.autosaver.timer.interval() == AUTOSAVE_MS == 30_000
    retype(qtbot, field(window, "basics.company"), "Typed tonight")
    assert not list(recovery_folder.iterdir())
    window.go_to_step(1)
    assert window.autosaver.wait()
    leftover = window.autosaver.store.saved()
    assert leftover is not None
    assert leftover.load().basics.company == "Typed tonight"
    assert leftover.original == sample_file
    window.go_to_step(2)
    retype(qtbot, field(window, "targets.deal_size"), "1")
    window.autosaver.timer.timeout.emit()  # thirty seconds later
    assert window.autosaver.wait()
    assert window.autosaver.store.saved().load().targets.deal_size == 1


def test_saving_and_a_clean_exit_leave_nothing_to_recover(
    window: MainWindow, qtbot: Any, recovery_folder: Path
) -> None:
    retype(qtbot, field(window, "basics.company"), "Typed tonight")
    window.go_to_step(1)
    assert window.autosaver.wait() and list(recovery_folder.iterdir())
    assert window.save()
    assert not list(recovery_folder.iterdir())
    retype(qtbot, field(window, "basics.title"), "Another change")
    window.go_to_step(0)
    assert window.autosaver.wait() and list(recovery_folder.iterdir())
    window.close()
    window.findChild(QMessageBox, "close.question").button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not list(recovery_folder.iterdir())


def test_after_a_crash_the_next_start_offers_the_typed_plan_back_unsaved(
    qtbot: Any, recovery_folder: Path, sample_file: Path, dialogs: Dialogs
) -> None:
    typed = crash_with(recovery_folder, sample_file, company="Typed before the crash")
    dialogs.answer = files.RECOVER
    window = open_window(qtbot)
    [question] = dialogs.texts("question")
    assert "Recover sample.leadplan, autosaved 2026-03-0" in question  # the local time of 21:47 UTC
    assert window.document.plan == typed
    assert window.document.is_modified
    assert window.document.path == sample_file
    assert window.windowTitle() == "Lead Planner — sample.leadplan*"
    assert field(window, "basics.company").text() == "Typed before the crash"
    # the crashed session's copy is now this session's: still there if this one crashes too
    assert [path.stem for path in recovery_folder.glob("*.json")] == [window.autosaver.store.id]
    assert window.autosaver.store.saved().load() == typed
    assert read_plan(sample_file).plan == sample_plan()  # the file itself waits for Save
    assert window.save()
    assert read_plan(sample_file).plan == typed
    assert not window.document.is_modified


def test_a_crashed_untitled_plan_is_recovered_untitled(qtbot: Any, recovery_folder: Path, dialogs: Dialogs) -> None:
    typed = crash_with(recovery_folder, None, company="Never saved")
    dialogs.answer = files.RECOVER
    window = open_window(qtbot)
    assert "Recover an untitled plan" in dialogs.texts("question")[0]
    assert window.document.plan == typed and window.document.path is None
    assert window.windowTitle() == "Lead Planner — Untitled*"


def test_later_keeps_the_autosave_and_discard_deletes_it(
    qtbot: Any, recovery_folder: Path, sample_file: Path, dialogs: Dialogs
) -> None:
    crash_with(recovery_folder, sample_file, company="Typed before the crash")
    dialogs.answer = files.RECOVER_LATER
    later = open_window(qtbot, str(sample_file))
    assert later.document.plan == sample_plan() and not later.document.is_modified
    assert [r.id for r in RecoveryStore(recovery_folder, "x").leftovers()] == ["crashed"]
    dialogs.answer = files.DISCARD_RECOVERY
    discarded = open_window(qtbot, str(sample_file))
    assert discarded.document.plan == sample_plan()
    assert len(dialogs.texts("question")) == 2
    assert not (recovery_folder / "crashed.leadplan").exists()
    assert not (recovery_folder / "crashed.json").exists()


def test_a_folder_that_cannot_be_autosaved_to_is_said_once_in_the_status_bar(
    qtbot: Any, tmp_path: Path, sample_file: Path, dialogs: Dialogs
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    window = open_window(qtbot, str(sample_file), recovery_folder=blocked / "recovery")
    failures: list[str] = []
    window.autosaver.failed.connect(failures.append)
    retype(qtbot, field(window, "basics.company"), "Typed")
    for step in (1, 2, 3):
        window.go_to_step(step)
        assert window.autosaver.wait()
        qtbot.waitUntil(lambda: len(failures) == 1)  # said from the worker, on the UI thread
    window.autosaver.timer.timeout.emit()
    assert window.autosaver.wait()
    run_what_is_due(qtbot)  # (a failure the worker said would have reached the UI thread)
    assert len(failures) == 1
    assert window.statusBar().currentMessage().startswith("Autosave failed: Could not autosave")
    assert dialogs.messages == []  # no message box, let alone one every 30 seconds
    assert window.document.plan.basics.company == "Typed"


def test_the_questions_name_their_buttons_by_what_they_do(qtbot: Any, monkeypatch: Any) -> None:
    monkeypatch.undo()  # the real message boxes, answered by a timer below
    seen: list[list[str]] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(sorted(b.text() for b in box.buttons()))
        box.button(button).click()

    QTimer.singleShot(50, lambda: answer(files.RECOVER_LATER))
    assert files.ask_to_recover(None, "plan.leadplan, autosaved 2026-03-02 21:47") == files.RECOVER_LATER
    QTimer.singleShot(50, lambda: answer(files.SAVE_ELSEWHERE))
    assert files.ask_about_their_changes(None, "“plan.leadplan” was changed.") == files.SAVE_ELSEWHERE
    assert seen == [["Discard", "Later", "Recover"], ["Cancel", "Overwrite", "Save As…"]]


def test_a_window_made_by_a_script_never_stops_to_ask_about_recovery(
    qtbot: Any, recovery_folder: Path, dialogs: Dialogs
) -> None:
    crash_with(recovery_folder, None, company="Left by a crash")
    window = create_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    run_what_is_due(qtbot)  # (what the window does once shown)
    assert dialogs.texts("question") == []  # only the leadplanner command asks
    assert len(RecoveryStore(recovery_folder, "next").leftovers()) == 1


def test_a_recovery_file_with_a_value_a_plan_cannot_hold_is_recovered_with_every_edit_and_the_value_listed(
    qtbot: Any, recovery_folder: Path, sample_file: Path, dialogs: Dialogs
) -> None:
    crash_with(recovery_folder, sample_file, company="Typed before the crash")
    [autosaved] = [p for p in recovery_folder.iterdir() if p.suffix == ".leadplan"]
    data = json.loads(autosaved.read_text(encoding="utf-8"))
    data["channels"][1]["monthly_budget"] = 2_000_000_000_000  # stored by an older version, refused on open
    autosaved.write_text(json.dumps(data), encoding="utf-8")
    dialogs.answer = files.RECOVER
    window = open_window(qtbot)
    assert window.document.plan.basics.company == "Typed before the crash"  # the edits are not lost
    assert window.document.plan.channels[1].monthly_budget is None  # the refused value is not kept
    [listed] = [text for kind, title, text in dialogs.messages if title == "Some values were not recovered"]
    assert "channels[1].monthly_budget" in listed and "at most 1,000,000,000,000" in listed


def test_a_file_name_that_looks_like_markup_is_shown_as_written(
    window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    damaged = tmp_path / "<b>Q3 plan.leadplan"
    damaged.write_text("{not json", encoding="utf-8")
    assert not window.open_plan(str(damaged))
    [message] = dialogs.texts("warning")
    assert "&lt;b&gt;Q3 plan.leadplan" in message and "<b>" not in message
