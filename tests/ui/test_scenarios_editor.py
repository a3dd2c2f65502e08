"""The scenario editor on Review & export: add, rename, duplicate and delete scenarios, and
set what each one changes, without ever touching the base plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListView, QPushButton, QTableView

from tests.ui.helpers import in_sight, once_shown, run_what_is_due
from ui.main_window import MainWindow
from ui.pages.scenarios_panel import ScenariosPanel


def editor(window: MainWindow) -> ScenariosPanel:
    """The scenarios editor, scrolled into view."""
    window.resize(1366, 768)
    window.go_to_step(6)
    panel = window.findChild(ScenariosPanel, "scenarios.editor")
    assert panel is not None
    window.page(6).ensureWidgetVisible(panel.table)
    return panel


def click(qtbot: Any, window: MainWindow, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def names(window: MainWindow) -> list[str]:
    return [s.name for s in window.document.plan.scenarios]


def test_the_sample_scenario_is_listed_with_its_change(window: MainWindow) -> None:
    panel = editor(window)
    view = window.findChild(QListView, "scenarios.list")
    assert view.model().index(0, 0).data() == "Stretch"
    table = window.findChild(QTableView, "scenarios.overrides").model()
    assert [table.index(0, c).data() for c in range(3)] == ["Win rate", "25%", "30%"]
    assert panel.current_row() == 0


def test_adding_renaming_duplicating_and_deleting_a_scenario_is_saved_and_undoable(
    window: MainWindow, qtbot: Any, sample_file: Path
) -> None:
    panel = editor(window)
    click(qtbot, window, "scenarios.add")
    assert names(window) == ["Stretch", "Scenario"]
    assert panel.current_row() == 1
    assert panel.rename_scenario(1, "Hire two")
    assert names(window) == ["Stretch", "Hire two"]

    panel.choose("labor.ldr.headcount")
    window.findChild(QLineEdit, "scenarios.override_value").setText("4")
    click(qtbot, window, "scenarios.override_add")
    assert window.document.plan.scenarios[1].overrides == {"labor.ldr.headcount": 4}
    # four reps: 4 x 114 + 60 = 516 supplied (9.5 productive months x 12 each, plus the trade shows)
    assert round(window.document.result.scenarios[1].supply.sales_ready_leads) == 516
    assert window.document.plan.labor[0].headcount == 2  # the base plan keeps its two reps

    click(qtbot, window, "scenarios.duplicate")
    assert names(window) == ["Stretch", "Hire two", "Hire two (copy)"]
    assert window.document.plan.scenarios[2].overrides == {"labor.ldr.headcount": 4}
    click(qtbot, window, "scenarios.delete")
    assert names(window) == ["Stretch", "Hire two"]

    assert window.save()
    saved = json.loads(sample_file.read_text(encoding="utf-8"))
    assert saved["scenarios"] == [
        {"name": "Stretch", "overrides": {"win_rate": 0.3}},
        {"name": "Hire two", "overrides": {"labor.ldr.headcount": 4}},
    ]

    window.document.undo_stack.undo()  # the delete
    assert names(window) == ["Stretch", "Hire two", "Hire two (copy)"]
    for _ in range(4):  # duplicate, the head count, the rename, the add
        window.document.undo_stack.undo()
    assert names(window) == ["Stretch"]


def test_a_name_already_taken_is_refused_with_a_message(window: MainWindow, qtbot: Any) -> None:
    panel = editor(window)
    click(qtbot, window, "scenarios.add")
    assert not panel.rename_scenario(1, "Stretch")
    message = window.findChild(QLabel, "scenarios.message")
    assert message.isVisible()
    assert message.text() == "There is already a scenario called “Stretch”"
    assert names(window) == ["Stretch", "Scenario"]


def test_an_invalid_override_is_explained_and_not_kept(window: MainWindow, qtbot: Any) -> None:
    panel = editor(window)
    panel.choose("win_rate")
    value = window.findChild(QLineEdit, "scenarios.override_value")
    message = window.findChild(QLabel, "scenarios.message")
    value.setText("150")
    click(qtbot, window, "scenarios.override_add")
    assert message.isVisible()
    assert message.text() == "Win rate must be more than 0% and at most 100%; you entered 150%"
    value.setText("abc")
    click(qtbot, window, "scenarios.override_add")
    assert message.text() == "Win rate must be a percentage, like 20 for 20%; you typed “abc”"
    assert window.document.plan.scenarios[0].overrides == {"win_rate": 0.3}

    value.setText("35")
    click(qtbot, window, "scenarios.override_add")
    assert not message.isVisible()
    assert window.document.plan.scenarios[0].overrides == {"win_rate": 0.35}
    assert window.document.plan.targets.win_rate == 0.25


def test_the_choices_are_the_plans_targets_resources_and_channels_by_friendly_name(window: MainWindow) -> None:
    editor(window)
    choice = window.findChild(QComboBox, "scenarios.override_name")
    labels = {choice.itemData(i): choice.itemText(i) for i in range(choice.count())}
    assert labels["win_rate"] == "Win rate"
    assert labels["labor.ldr.headcount"] == "Head count: Inside lead development reps"
    assert labels["channels.Trade shows.monthly_budget"].endswith(": Trade shows")


def test_the_choices_follow_the_resources_and_channels_and_nothing_else(window: MainWindow) -> None:
    import dataclasses

    editor(window)
    choice = window.findChild(QComboBox, "scenarios.override_name")

    def choices() -> list[str]:
        return [choice.itemData(i) for i in range(choice.count())]

    before = choices()
    window.document.set_value("targets.win_rate", 0.4)  # a figure: the same choices
    assert choices() == before
    agency = dataclasses.replace(window.document.plan.labor[0], id="agency", name="Agency")
    window.document.set_value("labor", (*window.document.plan.labor, agency))
    assert "labor.agency.headcount" in choices() and set(before) < set(choices())
    window.document.undo_stack.undo()
    assert choices() == before


def test_a_budget_change_shows_in_the_side_by_side_table(window: MainWindow, qtbot: Any) -> None:
    panel = editor(window)
    click(qtbot, window, "scenarios.add")
    panel.choose("channels.Trade shows.monthly_budget")
    window.findChild(QLineEdit, "scenarios.override_value").setText("12,000")
    click(qtbot, window, "scenarios.override_add")
    side_by_side = window.findChild(QTableView, "scenarios")
    model = side_by_side.model()
    # the table follows the plan while in view, else as it is scrolled into view
    window.page(6).ensureWidgetVisible(side_by_side)

    def supplied() -> Any:
        rows = {model.index(r, 0).data(): model.index(r, 3).data() for r in range(model.rowCount())}
        return rows.get("Sales-ready leads supplied")

    # twice the budget: 100 raw leads x 10% = 10 sales-ready leads a month, 120 a year; 228 + 120
    assert once_shown(qtbot, supplied, "348") == "348"
    table = window.findChild(QTableView, "scenarios.overrides").model()
    assert [table.index(0, c).data() for c in (1, 2)] == ["$6,000", "$12,000"]


def test_a_new_base_win_rate_repaints_only_the_row_it_changes_in_the_scenarios_table(
    window: MainWindow, qtbot: Any
) -> None:
    from PySide6.QtTest import QSignalSpy

    panel = editor(window)
    panel.choose("labor.ldr.headcount")
    window.findChild(QLineEdit, "scenarios.override_value").setText("4")
    click(qtbot, window, "scenarios.override_add")  # Stretch: the win rate (row 0) and the head count (row 1)
    table = window.findChild(QTableView, "scenarios.overrides").model()
    assert [table.index(r, 0).data() for r in range(2)] == ["Win rate", "Head count: Inside lead development reps"]
    changed, reset = QSignalSpy(table.dataChanged), QSignalSpy(table.modelReset)
    window.document.set_value("targets.win_rate", 0.2)
    qtbot.waitUntil(lambda: changed.count() > 0)
    run_what_is_due(qtbot)
    assert reset.count() == 0 and changed.count() == 1
    first, last = changed.at(0)[0], changed.at(0)[1]
    assert (first.row(), last.row()) == (0, 0)
    assert [table.index(0, c).data() for c in (1, 2)] == ["20%", "30%"]


def test_the_overrides_table_waits_while_scrolled_out_of_view_and_catches_up_when_scrolled_to(
    window: MainWindow, qtbot: Any
) -> None:
    panel = editor(window)
    page = window.page(6)
    page.verticalScrollBar().setValue(0)  # the key figures at the top; the editor below the fold
    qtbot.waitUntil(lambda: not in_sight(panel.table, page))
    from PySide6.QtTest import QSignalSpy

    table = panel.table.model()
    changed = QSignalSpy(table.dataChanged)
    window.document.set_value("targets.win_rate", 0.2)
    run_what_is_due(qtbot)
    assert changed.count() == 0  # nothing worked out nor repainted
    page.ensureWidgetVisible(panel.table)
    qtbot.waitUntil(lambda: changed.count() > 0)
    run_what_is_due(qtbot)
    assert changed.count() == 1 and changed.at(0)[0].row() == 0
    assert table.index(0, 1).data() == "20%"  # the base plan's new win rate
