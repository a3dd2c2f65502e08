"""The scenario editor: the list of scenarios (add, rename, duplicate, delete) and the
overrides of the selected one, each a target, rate, head count or budget of the base plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.numbers.scenarios import override_names, override_spec
from planner.plan.edits import is_result_text
from planner.plan.model import same_objects
from ui import values
from ui.document import PlanDocument
from ui.models.scenarios_model import OverrideChoicesModel, OverridesModel, ScenarioListModel
from ui.widgets.long_text_cells import long_text_cells
from ui.widgets.table_fit import TableFit
from ui.widgets.wheel_guard import GuardedCombo


def button(text: str, name: str, tip: str) -> QPushButton:
    result = QPushButton(text)
    result.setObjectName(name)
    result.setToolTip(tip)
    result.setAccessibleName(tip)
    return result


class ScenariosPanel(QWidget):
    """The scenarios, and the overrides of the one chosen; these follow the plan while
    ``shown()`` (the owner's check that the panel is in view)."""

    def __init__(
        self, document: PlanDocument, shown: Callable[[], bool] = lambda: True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("scenarios.editor")
        self.names = ScenarioListModel(document)
        self.overrides = OverridesModel(document, shown)
        self.edits = self.names.edits

        self.list = QListView()
        self.list.setObjectName("scenarios.list")
        self.list.setAccessibleName("Scenarios")
        self.list.setModel(self.names)
        long_text_cells(self.list)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setMinimumWidth(180)
        self.list.setMaximumWidth(220)
        self.list.setFixedHeight(7 * 34)
        self.list.setSpacing(2)

        self.add_button = button("Add", "scenarios.add", "Add a scenario")
        self.rename_button = button("Rename", "scenarios.rename", "Rename the selected scenario (F2)")
        self.duplicate_button = button("Duplicate", "scenarios.duplicate", "Add a copy of the selected scenario")
        self.delete_button = button("Delete", "scenarios.delete", "Delete the selected scenario (Ctrl+Z undoes)")
        self.add_button.clicked.connect(lambda: self.add_scenario())
        self.rename_button.clicked.connect(self.start_rename)
        self.duplicate_button.clicked.connect(self.duplicate_scenario)
        self.delete_button.clicked.connect(self.delete_scenario)

        self.table = QTableView()
        self.table.setObjectName("scenarios.overrides")
        self.table.setAccessibleName("The selected scenario's changes")
        self.table.setModel(self.overrides)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table_fit = TableFit(self.table, (0,), fill=0)  # names wrap, values whole
        self.table.setFixedHeight(5 * 34 + 40)

        self.choice = GuardedCombo()
        self.choice.setObjectName("scenarios.override_name")
        self.choice.setAccessibleName("What the scenario changes")
        self.choice.setMinimumWidth(200)
        # sized by a typical label, not by measuring every choice (a plan of 10,000 channels has 60,000)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.choice.setMinimumContentsLength(32)
        self.choices = OverrideChoicesModel(document)
        self.choice.setModel(self.choices)
        self.choice.view().setUniformItemSizes(True)  # type: ignore[attr-defined]
        self.choice.currentIndexChanged.connect(self.show_unit)
        self.value = QLineEdit()
        self.value.setObjectName("scenarios.override_value")
        self.value.setAccessibleName("The scenario's value")
        self.value.setMinimumWidth(110)
        self.value.setMaximumWidth(180)
        self.value.returnPressed.connect(self.add_override)
        self.unit = QLabel()
        self.unit.setProperty("role", "unit")
        self.set_button = button("Set", "scenarios.override_add", "Set this value in the selected scenario")
        self.set_button.clicked.connect(self.add_override)
        self.remove_button = button("Remove change", "scenarios.override_remove", "Remove the selected change")
        self.remove_button.clicked.connect(self.remove_override)

        self.message = QLabel()
        self.message.setObjectName("scenarios.message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.names.problem.connect(self.show_problem)
        self.overrides.problem.connect(self.show_problem)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for widget in (self.add_button, self.rename_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addStretch(1)
        entry = QHBoxLayout()
        entry.setSpacing(8)
        entry.addWidget(self.choice, 1)
        entry.addWidget(self.value)
        entry.addWidget(self.unit)
        entry.addWidget(self.set_button)
        right = QVBoxLayout()
        right.setSpacing(8)
        self.heading = QLabel()
        self.heading.setProperty("role", "subheading")
        self.heading.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove_button)
        right.addLayout(top)
        right.addWidget(self.table)
        right.addLayout(entry)
        right.addWidget(self.message)
        right.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addLayout(left)
        row.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(buttons)
        layout.addLayout(row)

        self.list.selectionModel().currentRowChanged.connect(lambda current, _: self.show_scenario(current.row()))
        self.names.modelReset.connect(self.keep_selection)
        self._choice_names: list[str] | None = None
        self._choices_from: tuple[object, ...] = ()  # the resources and channels they came from
        self._choices_stale = True
        document.changed.connect(self.schedule_choices)
        document.text_changed.connect(self._on_text_edit)
        self.fill_choices()
        self.select(0)

    def _on_text_edit(self, path: str) -> None:
        if is_result_text(path):  # a renamed resource or channel is named in the choices
            self._choice_names = None
            self.schedule_choices()
            if path.startswith("scenarios["):
                self.show_scenario(self.current_row())

    def schedule_choices(self) -> None:
        """The list of what a scenario can change follows the plan while shown, else when shown."""
        self._choices_stale = True
        if self.isVisible():
            self.fill_choices()

    def showEvent(self, event: Any) -> None:
        if self._choices_stale:
            self.fill_choices()
        super().showEvent(event)

    def catch_up(self) -> None:
        """The overrides of the scenario shown, if the plan changed while they were out of view."""
        self.overrides.follower.catch_up()

    # --- selection ---------------------------------------------------------------------
    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        row = min(row, self.names.rowCount() - 1)
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.list.selectionModel().setCurrentIndex(self.names.index(row), flags)
        self.show_scenario(row)

    def keep_selection(self) -> None:
        self.select(max(self.overrides.row, 0))

    def show_scenario(self, row: int) -> None:
        self.overrides.show_scenario(row)
        scenarios = self.document.plan.scenarios
        has = 0 <= row < len(scenarios)
        for widget in (self.rename_button, self.duplicate_button, self.delete_button, self.set_button,
                       self.remove_button, self.choice, self.value, self.table):  # fmt: skip
            widget.setEnabled(has)
        if has:
            self.heading.setText(f"What “{scenarios[row].name}” changes")
        else:
            self.heading.setText("No scenarios yet: add one to try a what-if without touching the base plan")

    # --- scenarios ---------------------------------------------------------------------
    def add_scenario(self, name: str = "Scenario", overrides: dict[str, float] | None = None) -> int:
        row = self.edits.add(name, overrides)
        self.select(row)
        return row

    def start_rename(self) -> None:
        if self.current_row() >= 0:
            self.list.edit(self.list.currentIndex())

    def rename_scenario(self, row: int, name: str) -> bool:
        return self.names.setData(self.names.index(row), name)

    def duplicate_scenario(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.select(self.edits.duplicate(row))

    def delete_scenario(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.edits.delete(row)
            self.select(max(0, row - 1))

    # --- overrides ---------------------------------------------------------------------
    def fill_choices(self) -> None:
        self._choices_stale = False
        plan = self.document.plan
        made_from = (plan.labor, plan.channels)  # (the names come from these alone; an edit elsewhere keeps them)
        if self._choice_names is not None and same_objects(made_from, self._choices_from):
            return
        self._choices_from = made_from
        names = override_names(plan)
        if names == self._choice_names:
            return
        self._choice_names = names
        kept = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choices.set_names(names)
        self.choice.setCurrentIndex(max(0, names.index(kept)) if kept in names else 0)
        self.choice.blockSignals(False)
        self.show_unit()

    def show_unit(self) -> None:
        spec = override_spec(self.document.plan, self.choice.currentData() or "")
        self.unit.setText(values.unit_of(spec) if spec else "")
        self.value.setPlaceholderText("like 20" if spec and spec.kind in values.RATE_KINDS else "")

    def choose(self, name: str) -> None:
        index = self.choice.findData(name)
        if index >= 0:
            self.choice.setCurrentIndex(index)

    def add_override(self) -> None:
        name = self.choice.currentData()
        if name and self.overrides.set_override(name, self.value.text()):
            self.value.clear()

    def remove_override(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.overrides.remove_override(index.row())

    def show_problem(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
