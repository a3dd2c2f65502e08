"""A renamed resource or channel is shown by its new name everywhere at once, with no other edit
needed to bring it through; a copy of a copy is numbered, not "(copy) (copy)"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QSlider, QTableView, QWidget

from planner.plan.model import Scenario
from tests.ui.helpers import run_what_is_due, type_in_cell
from ui.main_window import MainWindow
from ui.navigator import STEPS

OLD = "Inside lead development reps"
NEW = "Inside SDRs"


def shown_texts(page: QWidget, qtbot: Any) -> list[str]:
    """Every text a person can read on a step: labels, table cells and headers, chart legends; each
    part scrolled into view first (what follows the plan only in view catches up then)."""
    texts: list[str] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if hasattr(page, "ensureWidgetVisible"):
            page.ensureWidgetVisible(widget)
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, (QTableView, QListView)):
            run_what_is_due(qtbot)  # (a table that fills once in view, on the next turn of the event loop)
            model = widget.model()
            columns = model.columnCount() if isinstance(widget, QTableView) else 1
            texts += [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(columns)]
        legend = getattr(widget, "legend_label", None)
        if legend is not None:
            texts += legend.names()
    return texts


def test_a_resource_renamed_in_its_table_is_named_anew_on_every_step_and_in_presentation_mode(
    window: MainWindow, qtbot: Any
) -> None:
    window.resize(1366, 768)
    overrides = {"win_rate": 0.3, "labor.ldr.headcount": 3.0}
    window.document.set_value("scenarios", (Scenario(name="Stretch", overrides=overrides),), merge=False)
    named = set()
    for step in range(len(STEPS)):  # every step built and shown once, as a person who looked around
        window.go_to_step(step)
        if any(OLD in text for text in shown_texts(window.page(step), qtbot)):
            named.add(STEPS[step])
    assert {"Diagnosis", "Labor model", "Channels", "Metrics & review", "Review & export"} <= named
    window.go_to_step(3)
    type_in_cell(qtbot, window.findChild(QTableView, "labor"), 0, 0, NEW)  # the one edit
    assert window.document.plan.labor[0].name == NEW
    for step in range(len(STEPS)):
        window.go_to_step(step)
        texts = shown_texts(window.page(step), qtbot)
        stale = [text for text in texts if OLD in text and "Dedicated lead development reps" not in text]
        assert stale == [], STEPS[step]
    # the channel's owner, the scenario's change and the scorecard, by name
    window.go_to_step(4)
    channels = window.findChild(QTableView, "channels")
    assert channels.model().index(0, channels.model().column_of("owner")).data() == NEW
    window.go_to_step(6)
    changes = window.findChild(QTableView, "scenarios.overrides")
    assert f"Head count: {NEW}" in [changes.model().index(r, 0).data() for r in range(changes.model().rowCount())]
    window.go_to_step(5)
    metrics = window.findChild(QTableView, "metrics")
    assert f"Dials per person a week: {NEW}" in [metrics.model().index(r, 0).data() for r in range(12)]
    view = window.present()
    qtbot.waitExposed(view)
    assert view.findChild(QLabel, "present.headcount.name").text() == f"Head count: {NEW}"
    assert view.findChild(QSlider, "present.headcount").accessibleName() == f"Head count of {NEW}"
    view.close()


def test_the_note_of_capacity_not_assigned_names_the_resource_anew_while_on_its_step(
    window: MainWindow, qtbot: Any
) -> None:
    window.go_to_step(3)
    note = next(label for label in window.page(3).findChildren(QLabel) if "is not assigned" in label.text())
    assert OLD in note.text()
    type_in_cell(qtbot, window.findChild(QTableView, "labor"), 0, 0, NEW)
    assert f"of the capacity of {NEW} (" in note.text()


def test_a_copy_of_a_copy_is_numbered(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(4)
    table = window.page(4).table
    duplicate = window.findChild(QPushButton, "channels.duplicate")
    table.select_row(1)  # Trade shows
    qtbot.mouseClick(duplicate, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(duplicate, Qt.MouseButton.LeftButton)  # the copy is selected: a copy of the copy
    table.select_row(1)
    qtbot.mouseClick(duplicate, Qt.MouseButton.LeftButton)
    names = [c.name for c in window.document.plan.channels]
    assert names == ["Outbound phone", "Trade shows", "Trade shows (copy 3)", "Trade shows (copy)",
                     "Trade shows (copy 2)"]  # fmt: skip
    window.go_to_step(6)
    window.page(6).scenario_editor.select(0)
    window.findChild(QPushButton, "scenarios.duplicate").click()
    window.findChild(QPushButton, "scenarios.duplicate").click()
    assert [s.name for s in window.document.plan.scenarios] == ["Stretch", "Stretch (copy)", "Stretch (copy 2)"]


def test_a_renamed_scenario_heads_its_column_and_names_its_bars_at_once(window: MainWindow, qtbot: Any) -> None:
    window.resize(1366, 768)
    window.go_to_step(6)
    page = window.page(6)
    table = window.findChild(QTableView, "scenarios")
    page.ensureWidgetVisible(table)
    qtbot.waitUntil(lambda: table.model().columnCount() == 3)
    names = page.scenario_editor.names
    assert names.setData(names.index(0), "Stretch goal")  # the one edit
    # on the event loop's next turn, before the table is painted again
    qtbot.waitUntil(lambda: table.model().headerData(2, Qt.Orientation.Horizontal) == "Stretch goal", timeout=10_000)
    chart_slot = next(slot for slot in page.charts if slot.cls == "ScenarioChart")
    page.ensureWidgetVisible(chart_slot)
    qtbot.waitUntil(lambda: chart_slot.chart is not None)
    qtbot.waitUntil(lambda: any("Stretch goal" in label for label in chart_slot.chart.categories.categories()))
