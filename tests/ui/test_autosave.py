"""Autosave writes unsaved work for recovery and clears it once the plan is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.recovery import RecoveryStore
from planner.sample import sample_plan
from ui.autosave import Autosaver
from ui.document import PlanDocument


def test_unsaved_work_is_autosaved_and_recovered_as_typed(tmp_path: Path, qapp: Any) -> None:
    document = PlanDocument(sample_plan())
    saver = Autosaver(document, RecoveryStore(tmp_path / "recovery", "crashed"))
    document.set_value("targets.deal_size", 55_000)
    saver.autosave_now()
    [found] = RecoveryStore(tmp_path / "recovery", "next").leftovers()
    assert found.load() == document.plan


def test_nothing_is_autosaved_without_changes_and_saving_clears_it(tmp_path: Path, qapp: Any) -> None:
    document = PlanDocument(sample_plan())
    store = RecoveryStore(tmp_path / "recovery", "me")
    saver = Autosaver(document, store)
    saver.autosave_now()
    assert not store.plan_path.exists()
    document.set_value("basics.company", "Changed")
    saver.autosave_now()
    assert store.plan_path.exists()
    document.save(tmp_path / "plan.leadplan")
    assert not store.plan_path.exists()


def test_a_clean_exit_leaves_nothing_to_recover(tmp_path: Path, qapp: Any) -> None:
    document = PlanDocument(sample_plan())
    store = RecoveryStore(tmp_path / "recovery", "me")
    saver = Autosaver(document, store)
    document.set_value("basics.company", "Changed")
    saver.autosave_now()
    saver.finish()
    assert RecoveryStore(tmp_path / "recovery", "other").leftovers() == []


def test_the_autosave_timer_runs_in_the_event_loop(tmp_path: Path, qtbot: Any, monkeypatch: Any) -> None:
    import ui.autosave

    monkeypatch.setattr(ui.autosave, "AUTOSAVE_MS", 20)
    document = PlanDocument(sample_plan())
    store = RecoveryStore(tmp_path / "recovery", "me")
    saver = Autosaver(document, store)
    document.set_value("basics.company", "Changed")
    qtbot.waitUntil(store.plan_path.exists, timeout=2000)  # written by the timer, not by a call
    saver.finish()
