"""Typing never waits on the engine, and a number edit tells the tables which cells changed."""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QPlainTextEdit

import ui.document
from planner.plan.plan_file import read_plan
from planner.plan.sample import sample_plan
from tests.ui.helpers import at_size, field, model_spies, retype, run_what_is_due
from ui.document import BACKGROUND_AFTER_SECONDS, PlanDocument
from ui.main_window import MainWindow
from ui.models.channels_model import ChannelsModel
from ui.models.demand_model import DemandModel
from ui.models.labor_model import LaborModel
from ui.models.text_list_model import TextListModel
from ui.models.whatif_models import ScenariosModel, SensitivityModel


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every plan the document hands to the engine from now on."""
    calls: list[object] = []
    real = ui.document.compute

    def counting(plan: Any, reuse: Any = None) -> Any:
        calls.append(plan)
        return real(plan, reuse)

    monkeypatch.setattr(ui.document, "compute", counting)
    return calls


def notes_of(window: MainWindow) -> QPlainTextEdit:
    window.go_to_step(1)
    notes = window.findChild(QPlainTextEdit, "diagnosis.notes")
    assert notes is not None
    return notes


def test_typing_a_company_name_and_notes_does_not_call_the_engine(
    window: MainWindow, qtbot: Any, engine_calls: list[object]
) -> None:
    figures_changed: list[bool] = []
    window.document.changed.connect(lambda: figures_changed.append(True))
    retype(qtbot, field(window, "basics.company"), "Acme Bolts & Nuts")
    notes = notes_of(window)
    notes.setFocus()
    qtbot.keyClicks(notes, "Reps drop prospecting first.")
    assert window.document.plan.basics.company == "Acme Bolts & Nuts"
    assert window.document.plan.diagnosis.notes == "Reps drop prospecting first."
    assert engine_calls == []
    assert figures_changed == []


def test_a_number_still_recomputes_once_per_edit(window: MainWindow, qtbot: Any, engine_calls: list[object]) -> None:
    window.go_to_step(2)
    retype(qtbot, field(window, "targets.win_rate"), "30")
    assert len(engine_calls) == 2  # "3" then "30"
    assert window.document.plan.targets.win_rate == pytest.approx(0.3)


def test_typing_100_characters_in_a_note_is_one_undo_step_and_undo_takes_it_back(
    window: MainWindow, qtbot: Any
) -> None:
    notes = notes_of(window)
    notes.setFocus()
    before = window.document.undo_stack.count()
    typed = "".join("abcdefghij"[i % 10] for i in range(100))
    qtbot.keyClicks(notes, typed)
    assert window.document.plan.diagnosis.notes == typed
    assert window.document.undo_stack.count() == before + 1
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.diagnosis.notes == ""
    assert notes.toPlainText() == ""


def test_typing_in_a_long_note_reads_the_text_once_not_once_a_key(window: MainWindow, qtbot: Any) -> None:
    long_note = ("Interview notes: lists are stale, nobody owns lead development.\n" * 1600)[:100_000]
    window.document.set_value("diagnosis.notes", long_note, "Paste notes", merge=False)
    notes = notes_of(window)
    notes.setFocus()
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    read: list[int] = []
    real_read = notes.toPlainText

    def counting_read() -> str:
        text = real_read()
        read.append(len(text))
        return text

    notes.toPlainText = counting_read  # type: ignore[method-assign]
    tracemalloc.start()
    try:
        qtbot.keyClicks(notes, "x" * 100)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == []  # typing copies nothing, whatever the length of the note
    # 100 copies of a 100,000-character note would be 10 MB; typing allocates far less than one
    assert peak < 100_000
    assert window.document.plan.diagnosis.notes == long_note + "x" * 100  # read once, now
    assert read == [100_100]


def test_text_held_by_the_notes_is_saved_even_before_typing_pauses(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    notes = notes_of(window)
    notes.setFocus()
    qtbot.keyClicks(notes, "Saved at once")
    window.document.save(tmp_path / "saved.leadplan")
    assert read_plan(tmp_path / "saved.leadplan").plan.diagnosis.notes == "Saved at once"


def test_renaming_a_channel_does_not_recompute_but_the_result_shows_the_new_name(
    qtbot: Any, engine_calls: list[object]
) -> None:
    document = PlanDocument(sample_plan())
    engine_calls.clear()
    with qtbot.waitSignal(document.text_changed):
        document.set_value("channels[1].name", "Trade shows EMEA")
    assert engine_calls == []
    assert document.result.channels[1].name == "Trade shows EMEA"  # recomputed when read
    assert len(engine_calls) == 1


def test_renaming_a_channel_a_scenario_overrides_recomputes(qtbot: Any, engine_calls: list[object]) -> None:
    document = PlanDocument(sample_plan())
    document.set_value("scenarios[0].overrides", {"channels.Trade shows.monthly_budget": 9000.0}, merge=False)
    engine_calls.clear()
    with qtbot.waitSignal(document.changed):
        document.set_value("channels[1].name", "Trade shows EMEA")  # the override no longer names it
    assert len(engine_calls) == 1


def test_a_number_edit_tells_the_tables_which_rows_changed_without_a_reset(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    models = {
        "channels": ChannelsModel(document),
        "labor": LaborModel(document),
        "demand": DemandModel(document),
        "scenarios": ScenariosModel(document),
        "sensitivity": SensitivityModel(document),
    }
    resets, changes = model_spies(models)
    document.set_value("channels[1].monthly_budget", 9000, merge=False)
    # the what-if tables catch up right after the edit's repaint (the health panel comes first)
    qtbot.waitUntil(lambda: changes["scenarios"].count() > 0 and changes["sensitivity"].count() > 0)
    run_what_is_due(qtbot)
    assert {name: spy.count() for name, spy in resets.items()} == dict.fromkeys(models, 0)
    counts = {name: spy.count() for name, spy in changes.items()}
    assert counts["labor"] == 0  # a program's budget moves no resource's figures: no labor row repainted
    assert all(count > 0 for name, count in counts.items() if name != "labor"), counts
    # the channels' table: the edited row, then the computed columns (supply, cost per SRL) of the
    # rows whose figures moved: only the trade shows' (outbound phone's supply is as it was)
    first, last = changes["channels"].at(0)[0], changes["channels"].at(0)[1]
    assert (first.row(), last.row()) == (1, 1)
    computed_first, computed_last = changes["channels"].at(1)[0], changes["channels"].at(1)[1]
    computed = [c for c, column in enumerate(models["channels"].columns) if not column.field]  # supply, cost
    assert (computed_first.column(), computed_last.column()) == (computed[0], computed[-1])
    assert (computed_first.row(), computed_last.row()) == (1, 1)
    assert changes["channels"].count() == 2


def test_a_text_edit_tells_only_its_list_and_no_figures_table(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    document.set_value("review.risks", ("Key account at risk", "Hiring late"), merge=False)
    risks = TextListModel(document, "review.risks")
    scenarios = ScenariosModel(document)
    risk_changes, figure_changes = QSignalSpy(risks.dataChanged), QSignalSpy(scenarios.dataChanged)
    document.set_value("review.risks[1]", "Hiring is late", merge=False)
    assert risk_changes.count() == 1
    assert (risk_changes.at(0)[0].row(), risk_changes.at(0)[1].row()) == (1, 1)
    assert figure_changes.count() == 0
    assert risks.data(risks.index(1)) == "Hiring is late"


def test_a_number_typed_in_a_very_large_plan_returns_at_once_and_the_figures_follow(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    document.background_after = 0  # as if its figures took longer than a keystroke may
    before = document.result
    with qtbot.waitSignal(document.changed, timeout=10_000):
        document.set_value("targets.win_rate", 0.3)
        assert document.plan.targets.win_rate == 0.3
        assert document.result is before  # the last figures, until the new ones arrive
        assert document.figures_pending
    assert not document.figures_pending
    # win rate 30%: opportunities 60 / 0.3, sales-ready leads / 0.6
    assert document.result.demand.sales_ready_leads == pytest.approx(60 / 0.3 / 0.6)


def test_one_slow_computation_of_a_small_plan_does_not_send_its_figures_to_the_background(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    document.background_after = BACKGROUND_AFTER_SECONDS  # the app's line (tests.ui.conftest moves it far off)
    document.timed(0.001)  # a quick computation (whatever this machine took to open the plan) ...
    document.timed(0.08)  # ... then one pause (the garbage collector, a busy machine) in the last one
    assert not document.computes_slowly
    document.set_value("targets.win_rate", 0.3)
    assert not document.figures_pending  # worked out at once, as a small plan's are
    assert document.result.demand.sales_ready_leads == pytest.approx(60 / 0.3 / 0.6)
    document.before_seconds = document.compute_seconds = 0.08  # slow twice in a row: a big plan
    assert document.computes_slowly
    document.before_seconds, document.compute_seconds = 0.001, 0.25  # once, but far slower
    assert document.computes_slowly
    document.timed(0.08)
    document.timed(0.08)
    assert document.slow
    document.timed(0.03)  # a little under the line after slow ones: still slow (no back and forth)
    assert document.slow and document.computes_slowly
    document.timed(0.02)  # under half of it: back to computing at once
    assert not document.computes_slowly


def test_figures_of_a_plan_typed_over_before_they_arrive_are_dropped(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    document.background_after = 0
    arrivals: list[float] = []
    document.changed.connect(lambda: arrivals.append(document.result.demand.sales_ready_leads))
    document.set_value("targets.win_rate", 0.3)
    document.set_value("targets.win_rate", 0.4)
    qtbot.waitUntil(lambda: not document.figures_pending, timeout=10_000)
    assert arrivals == [pytest.approx(60 / 0.4 / 0.6)]
    document.undo_stack.undo()  # undone in the background too
    qtbot.waitUntil(lambda: not document.figures_pending, timeout=10_000)
    assert document.result.demand.sales_ready_leads == pytest.approx(400)


@pytest.mark.parametrize("step", [0, 3, 4, 6])
def test_what_the_screen_shows_after_edits_is_what_a_fresh_paint_of_the_window_shows(
    window: MainWindow, qtbot: Any, step: int
) -> None:
    """Each edit repaints only what it changed (figures that fill their own background, the band
    of the chart the demand moved through): no pixel of an earlier paint may be left behind."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    at_size(window, qtbot, 1366, 768)
    window.go_to_step(step)
    run_what_is_due(qtbot)
    document = window.document
    for rate, heads in ((0.3, 0), (0.22, 0), (0.26, 3), (0.4, 0), (0.2, 1), (0.25, 2)):  # up, down, a new supply
        document.set_value("targets.win_rate", rate, merge=False)
        if heads:
            document.set_value("labor[0].headcount", heads, merge=False)
        run_what_is_due(qtbot)  # each edit's repaint done before the next
    shown = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
    fresh = window.grab().toImage()
    form = QImage.Format.Format_RGB32
    assert shown.convertToFormat(form) == fresh.convertToFormat(form)
