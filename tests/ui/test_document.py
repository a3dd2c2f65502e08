"""The document: undoable edits, one recompute per change, safe saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from planner.plan.plan_file import PlanFileError, read_plan, write_plan
from planner.plan.sample import sample_plan
from ui.document import FileChangedOnDisk, PlanDocument


def test_typing_in_one_field_is_one_undo_step_and_undo_restores_the_numbers(qtbot: QtBot) -> None:
    document = PlanDocument(sample_plan())
    for value in (0.3, 0.31, 0.315):
        document.set_value("targets.win_rate", value, "Change Win rate")
    assert document.undo_stack.count() == 1
    # win rate 31.5%: O = 60 / 0.315, S = O / 0.6
    assert document.result.demand.sales_ready_leads == pytest.approx(60 / 0.315 / 0.6)
    with qtbot.waitSignal(document.changed):
        document.undo_stack.undo()
    assert document.plan.targets.win_rate == 0.25
    assert document.result.demand.sales_ready_leads == pytest.approx(400)
    document.undo_stack.redo()
    assert document.plan.targets.win_rate == 0.315


def test_saving_marks_the_document_clean_and_the_file_holds_the_plan(qtbot: QtBot, tmp_path: Path) -> None:
    document = PlanDocument(sample_plan())
    document.set_value("basics.company", "Acme Bolts")
    assert document.is_modified
    with qtbot.waitSignal(document.file_changed):
        document.save(tmp_path / "plan.leadplan")
    assert not document.is_modified
    assert read_plan(tmp_path / "plan.leadplan").plan.basics.company == "Acme Bolts"


def test_saving_over_a_file_someone_else_changed_asks_first(tmp_path: Path) -> None:
    path = tmp_path / "plan.leadplan"
    write_plan(sample_plan(), path)
    document = PlanDocument.open(path)
    document.set_value("basics.company", "Mine")
    path.write_text(path.read_text(encoding="utf-8").replace("Acme Fasteners", "Theirs!"), encoding="utf-8")
    with pytest.raises(FileChangedOnDisk):
        document.save()
    assert read_plan(path).plan.basics.company == "Theirs!"
    document.save(overwrite_changes=True)
    assert read_plan(path).plan.basics.company == "Mine"


def test_a_failed_save_leaves_the_plan_unsaved(tmp_path: Path) -> None:
    document = PlanDocument(sample_plan())
    document.set_value("basics.company", "Unsaved")
    with pytest.raises(PlanFileError):
        document.save(tmp_path / "no such folder" / "plan.leadplan")
    assert document.is_modified
    assert document.path is None
