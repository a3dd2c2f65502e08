"""Autosave writes unsaved work for recovery and clears it once the plan is saved."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from planner.plan.model import Plan
from planner.plan.recovery import RecoveryStore
from planner.plan.sample import sample_plan
from tests.planner.recovery_helpers import ended_process
from ui.autosave import Autosaver
from ui.document import PlanDocument


def test_unsaved_work_is_autosaved_and_recovered_as_typed(tmp_path: Path, qapp: Any) -> None:
    document = PlanDocument(sample_plan())
    saver = Autosaver(document, RecoveryStore(tmp_path / "recovery", "crashed", ended_process()))
    document.set_value("targets.deal_size", 55_000)
    saver.autosave_now()
    assert saver.wait()
    [found] = RecoveryStore(tmp_path / "recovery", "next").leftovers()
    assert found.load() == document.plan


def test_nothing_is_autosaved_without_changes_and_saving_clears_it(tmp_path: Path, qapp: Any) -> None:
    document = PlanDocument(sample_plan())
    store = RecoveryStore(tmp_path / "recovery", "me")
    saver = Autosaver(document, store)
    saver.autosave_now()
    assert saver.wait() and not store.plan_path.exists()
    document.set_value("basics.company", "Changed")
    saver.autosave_now()
    assert saver.wait() and store.plan_path.exists()
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


def test_autosave_runs_off_the_ui_thread_and_coalesces_requests_while_a_write_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    document = PlanDocument(sample_plan())
    store = RecoveryStore(tmp_path / "recovery", "me")
    saver = Autosaver(document, store)
    release = threading.Event()
    written: list[tuple[str, str]] = []
    finished: list[str] = []
    real_write = store.write

    def slow_write(plan: Plan, original: Path | None, **kwargs: Any) -> None:
        written.append((threading.current_thread().name, plan.basics.company))
        release.wait(30)  # (held until the UI thread has asked five times; the timeout only ends a hang)
        real_write(plan, original, **kwargs)
        finished.append(plan.basics.company[-1])

    monkeypatch.setattr(store, "write", slow_write)
    for number in range(1, 6):
        document.set_value("basics.company", "x" * 100_000 + str(number))
        saver.autosave_now()  # the first write is stuck: the others wait, newest first
    assert finished == []  # the UI thread asked five times while the disk had not finished once: it never waited
    release.set()
    assert saver.wait()
    assert {name for name, _ in written} == {"autosave"}  # the worker thread, not the UI's
    assert 1 <= len(written) <= 2 and written[-1][1].endswith("5")  # at most the running write and the newest
    assert store.saved().load().basics.company.endswith("5")


def test_saving_while_an_autosave_runs_leaves_nothing_to_recover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    document = PlanDocument(sample_plan())
    store = RecoveryStore(tmp_path / "recovery", "me")
    saver = Autosaver(document, store)
    started, release = threading.Event(), threading.Event()
    real_write = store.write

    def slow_write(*args: Any, **kwargs: Any) -> None:
        started.set()
        release.wait(10)
        real_write(*args, **kwargs)

    monkeypatch.setattr(store, "write", slow_write)
    document.set_value("basics.company", "Changed")
    saver.autosave_now()
    assert started.wait(10)
    threading.Timer(0.1, release.set).start()
    document.save(tmp_path / "plan.leadplan")  # clean: waits for the write, then removes it
    assert saver.wait()
    assert not store.plan_path.exists() and not store.meta_path.exists()


def test_the_autosave_timer_runs_in_the_event_loop(tmp_path: Path, qtbot: Any, monkeypatch: Any) -> None:
    import ui.autosave

    monkeypatch.setattr(ui.autosave, "AUTOSAVE_MS", 20)
    document = PlanDocument(sample_plan())
    store = RecoveryStore(tmp_path / "recovery", "me")
    saver = Autosaver(document, store)
    document.set_value("basics.company", "Changed")
    qtbot.waitUntil(store.plan_path.exists, timeout=10_000)  # written by the timer, not by a call
    saver.finish()
