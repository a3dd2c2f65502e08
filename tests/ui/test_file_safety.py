"""Files in the app: a refused file changes nothing, a failed save keeps the plan open and unsaved."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner.plan import plan_file
from planner.plan.plan_file import MAX_BYTES, PlanFileError, read_plan
from planner.plan.sample import sample_plan
from tests.planner.plans import plan_data
from tests.ui.conftest import Dialogs
from tests.ui.helpers import field, retype
from ui import files
from ui.main_window import MainWindow

SAMPLE_LABOR = {"id": "ldr", "name": "Inside reps", "kind": "inside", "headcount": 2}


def write(path: Path, content: bytes | str) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def make_huge(path: Path) -> Path:
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1)  # sparse: 50 MB on paper, nothing on the disk
    return path


REFUSED = {
    "damaged": (b'{"format": "leadplanner-plan", "version": 1, "targets": {"revenue_goal": 10,,}}', ["not valid JSON"]),
    "truncated": (b'{"format": "leadplanner-plan", "version": 1, "targets": {"reven', ["not valid JSON"]),
    "empty": (b"", ["is empty"]),
    "binary": (b"PK\x03\x04\x14\x00\x08\x00\x00\x00\xff\xfe\x00\x81", ["not a Lead Planner plan", "not a text file"]),
    "foreign": (b'{"format": "budget-sheet", "version": 1}', ["not a Lead Planner plan"]),
    "newer version": (
        json.dumps({**plan_data(), "version": 9}).encode(),
        ["newer Lead Planner", "version 9"],
    ),
    "invalid": (
        json.dumps(plan_data(labor=[{**SAMPLE_LABOR, "headcount": -3}])).encode(),
        ["labor[0].headcount", "Head count of “Inside reps” must be 0 or more; you entered -3"],
    ),
}


@pytest.mark.parametrize("kind", [*REFUSED, "over 50 MB"])
def test_a_file_that_is_not_a_usable_plan_is_refused_and_the_open_plan_stays(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialogs: Dialogs, kind: str
) -> None:
    retype(qtbot, field(window, "basics.company"), "Work in progress")
    before = window.document.plan
    if kind == "over 50 MB":
        path, expected = make_huge(tmp_path / "huge.leadplan"), ["huge.leadplan", "at most 50 MB"]
    else:
        content, expected = REFUSED[kind]
        path = write(tmp_path / f"{kind}.leadplan", content)
    on_disk = (path.stat().st_size, path.stat().st_mtime_ns)
    head = path.read_bytes()[:1000]
    dialogs.open_path = str(path)
    dialogs.answer = files.Button.Discard  # "save the work in progress first?" - no; and still it stays
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)

    assert len(dialogs.texts("question")) == 1
    [(kind_of_box, title, message)] = dialogs.messages[1:]
    assert (kind_of_box, title) == ("warning", "The plan was not opened")
    for words in expected:
        assert words in message
    assert window.document.plan == before and window.document.is_modified
    assert window.windowTitle() == "Lead Planner — sample.leadplan*"
    assert (path.stat().st_size, path.stat().st_mtime_ns) == on_disk
    assert path.read_bytes()[:1000] == head


def test_opening_asks_to_save_first_and_cancel_opens_nothing(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialogs: Dialogs
) -> None:
    other = write(tmp_path / "other.leadplan", plan_file.dumps_plan(sample_plan()))
    retype(qtbot, field(window, "basics.company"), "Work in progress")
    dialogs.open_path = str(other)
    dialogs.answer = files.Button.Cancel
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert "has changes that are not saved" in dialogs.texts("question")[0]
    assert window.document.plan.basics.company == "Work in progress"
    assert window.document.display_name == "sample.leadplan"


def test_an_older_version_opens_and_the_person_is_told_it_will_be_saved_in_the_new_one(
    window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    old = {
        "format": "leadplanner-plan",
        "version": 0,
        "targets": {"revenue_goal": 100_000, "deal_size": 10_000, "win_rate": 25, "srl_to_opportunity": 60},
        "resources": [{"id": "ldr", "kind": "inside", "headcount": 1}],
    }
    path = write(tmp_path / "draft.leadplan", json.dumps(old))
    assert window.open_plan(str(path))
    assert window.document.plan.targets.win_rate == 0.25
    notice = window.statusBar().currentMessage()
    assert "older Lead Planner (version 0)" in notice and "saved in the current format" in notice
    assert dialogs.messages == []  # a notice, not a box to click away
    assert window.save()
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == plan_file.VERSION == 3


def test_a_failed_save_says_why_and_keeps_the_plan_open_and_unsaved(
    window: MainWindow, qtbot: Any, sample_file: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    retype(qtbot, field(window, "basics.company"), "Typed tonight")
    before_on_disk = sample_file.read_bytes()

    def disk_full(path: Path, text: str, *, keep_backup: bool = False) -> None:
        raise PlanFileError(f"Could not save “{path.name}”: No space left on device.")

    monkeypatch.setattr(plan_file, "write_text_atomically", disk_full)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [(kind, title, message)] = dialogs.messages
    assert (kind, title) == ("warning", "The plan was not saved")
    assert message.startswith("Could not save “sample.leadplan”: No space left on device.")
    assert "still open, not saved" in message
    assert window.document.is_modified and window.windowTitle().endswith("*")
    assert window.document.plan.basics.company == "Typed tonight"
    assert sample_file.read_bytes() == before_on_disk


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_saving_into_a_read_only_folder_is_refused_with_a_message(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialogs: Dialogs
) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        dialogs.save_path = str(folder / "mine")
        assert not window.save_as()
        assert "Could not save “mine.leadplan”: Permission denied" in dialogs.texts("warning")[0]
        assert window.document.display_name == "sample.leadplan"
        assert not (folder / "mine.leadplan").exists()
    finally:
        folder.chmod(0o755)


def test_a_file_changed_by_someone_else_asks_overwrite_save_as_or_cancel(
    window: MainWindow, qtbot: Any, sample_file: Path, tmp_path: Path, dialogs: Dialogs
) -> None:
    retype(qtbot, field(window, "basics.company"), "Ours")
    theirs = sample_file.read_text(encoding="utf-8").replace("Acme", "Theirs")
    sample_file.write_text(theirs, encoding="utf-8")

    dialogs.answer = files.Button.Cancel
    assert not window.save()
    assert "was changed by someone else since you opened it" in dialogs.texts("question")[0]
    assert sample_file.read_text(encoding="utf-8") == theirs and window.document.is_modified

    dialogs.answer = files.SAVE_ELSEWHERE
    dialogs.save_path = str(tmp_path / "ours")
    assert window.save()
    assert read_plan(tmp_path / "ours.leadplan").plan.basics.company == "Ours"
    assert sample_file.read_text(encoding="utf-8") == theirs  # theirs is left alone
    assert window.document.display_name == "ours.leadplan" and not window.document.is_modified


def test_overwrite_replaces_their_changes_and_keeps_them_as_the_backup(
    window: MainWindow, qtbot: Any, sample_file: Path, dialogs: Dialogs
) -> None:
    retype(qtbot, field(window, "basics.company"), "Ours")
    theirs = sample_file.read_text(encoding="utf-8").replace("Acme", "Theirs")
    sample_file.write_text(theirs, encoding="utf-8")
    dialogs.answer = files.OVERWRITE
    assert window.save()
    assert read_plan(sample_file).plan.basics.company == "Ours"
    assert (sample_file.parent / "sample.leadplan.bak").read_text(encoding="utf-8") == theirs


def test_opening_another_file_then_saving_does_not_ask_about_someone_else(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialogs: Dialogs
) -> None:
    other = write(tmp_path / "other.leadplan", plan_file.dumps_plan(sample_plan()))
    assert window.open_plan(str(other))
    retype(qtbot, field(window, "basics.company"), "Changed")
    assert window.save()
    assert dialogs.texts("question") == []
    assert read_plan(other).plan.basics.company == "Changed"
