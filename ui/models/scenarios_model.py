"""The plan's scenarios as the editor shows them: their names, and each one's overrides.

Every change goes through ``document.set_value("scenarios", ...)`` as one undoable step.
A scenario's overrides are typed like the plan's own inputs (rates as percentages, money
with separators) and checked with the plan's messages before they are kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from planner.numbers.scenarios import TARGET_FIELDS, check_overrides, override_spec
from planner.plan.model import Plan, Scenario
from planner.plan.paths import get_value
from ui import values
from ui.document import PlanDocument, follow_names
from ui.models.rows_model import changed_runs, copy_name
from ui.widgets.follow import Follower

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
# an override as shown: its label, the base plan's value, the scenario's, and the currency they are shown in
OverrideRow = tuple[str, Any, float, str]
EDIT = Qt.ItemDataRole.EditRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def override_label(plan: Plan, name: str) -> str:
    """``win_rate`` -> "Win rate"; ``labor.ldr.headcount`` -> "Head count: Inside lead development reps"."""
    spec = override_spec(plan, name)
    if spec is None:
        return name
    if name in TARGET_FIELDS:
        return spec.label
    section, _, rest = name.partition(".")
    key, _, _field = rest.rpartition(".")
    if section == "labor":
        resource = next(r for r in plan.labor if r.id == key)
        return f"{spec.label}: {resource.name or resource.id}"
    return f"{spec.label}: {key}"


def base_value(plan: Plan, name: str) -> Any:
    """The base plan's value of an override name (None if it points nowhere)."""
    if name in TARGET_FIELDS:
        return getattr(plan.targets, name)
    section, _, rest = name.partition(".")
    key, _, field = rest.rpartition(".")
    if section == "labor":
        index = next((i for i, r in enumerate(plan.labor) if r.id == key), None)
        return None if index is None else get_value(plan, f"labor[{index}].{field}")
    if section == "channels":
        index = next((i for i, c in enumerate(plan.channels) if c.name == key), None)
        return None if index is None else get_value(plan, f"channels[{index}].{field}")
    return None


def shown(plan: Plan, name: str, value: Any) -> str:
    spec = override_spec(plan, name)
    return values.show_in_table(spec, value, plan.basics.currency) if spec else str(value)


def unique_name(wanted: str, taken: list[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``(3)``... when a scenario already has that name."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted} ({number})" in taken:
        number += 1
    return f"{wanted} ({number})"


def parse_override(plan: Plan, name: str, text: str) -> values.Parsed:
    """What ``text`` means for the override ``name``, or the message saying what is expected."""
    spec = override_spec(plan, name)
    if spec is None:
        return values.Parsed(message=f"“{name}” is not a target, a resource's field or a channel's field")
    parsed = values.parse(spec, text, plan.basics.currency)
    if not parsed.ok:
        return parsed
    if parsed.value is None:
        return values.Parsed(message=f"{spec.label} needs a value")
    problems = check_overrides(plan, {name: parsed.value}, "scenario")
    return values.Parsed(message=problems[0].message) if problems else parsed


class ScenarioEdits:
    """The undoable changes of the plan's list of scenarios."""

    def __init__(self, document: PlanDocument) -> None:
        self.document = document

    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        return self.document.plan.scenarios

    def names(self) -> list[str]:
        return [s.name for s in self.scenarios]

    def replace(self, scenarios: tuple[Scenario, ...], text: str) -> None:
        self.document.set_value("scenarios", tuple(scenarios), text, merge=False)

    def add(self, name: str = "Scenario", overrides: dict[str, float] | None = None) -> int:
        """A new scenario at the end; returns its row."""
        name = unique_name(name.strip() or "Scenario", self.names())
        self.replace((*self.scenarios, Scenario(name=name, overrides=dict(overrides or {}))), f"Add scenario {name}")
        return len(self.scenarios) - 1

    def rename(self, row: int, name: str) -> str:
        """ "" when renamed, else why not."""
        name = name.strip()
        old = self.scenarios[row]
        if not name:
            return "A scenario needs a name"
        if name == old.name:
            return ""
        if name in self.names():
            return f"There is already a scenario called “{name}”"
        # by its path: a name is text, so renaming does not recompute the plan
        self.document.set_value(f"scenarios[{row}].name", name, f"Rename scenario {old.name} to {name}", merge=False)
        return ""

    def duplicate(self, row: int) -> int:
        source = self.scenarios[row]
        name = copy_name(source.name, self.names())
        copy = dataclasses.replace(source, name=name, overrides=dict(source.overrides))
        self.replace(
            (*self.scenarios[: row + 1], copy, *self.scenarios[row + 1 :]), f"Duplicate scenario {source.name}"
        )
        return row + 1

    def delete(self, row: int) -> None:
        name = self.scenarios[row].name
        self.replace(self.scenarios[:row] + self.scenarios[row + 1 :], f"Delete scenario {name}")

    def set_overrides(self, row: int, overrides: dict[str, float], text: str) -> None:
        items = list(self.scenarios)
        items[row] = dataclasses.replace(items[row], overrides=dict(overrides))
        self.replace(tuple(items), text)


class ScenarioListModel(QAbstractListModel):
    """The scenarios' names; editing a name renames the scenario."""

    problem = Signal(str)

    def __init__(self, document: PlanDocument) -> None:
        super().__init__(document)
        self.document = document
        self.edits = ScenarioEdits(document)
        self.names = self.edits.names()
        document.changed.connect(self.refresh)
        document.text_changed.connect(self.refresh_text)

    def refresh_text(self, path: str) -> None:
        if path.startswith("scenarios["):
            self.refresh()

    def refresh(self) -> None:
        names = self.edits.names()
        if len(names) != len(self.names):
            self.beginResetModel()
            self.names = names
            self.endResetModel()
        elif names != self.names:
            old, self.names = self.names, names
            for row in (row for row, (a, b) in enumerate(zip(old, names, strict=True)) if a != b):
                self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.names):
            return None
        if role in (DISPLAY, EDIT, Qt.ItemDataRole.AccessibleTextRole):
            return self.names[index.row()] or "(no name)"
        if role == Qt.ItemDataRole.ToolTipRole:
            scenario = self.edits.scenarios[index.row()]
            plan = self.document.plan
            changes = [f"{override_label(plan, n)} = {shown(plan, n, v)}" for n, v in scenario.overrides.items()]
            return "; ".join(changes) or "No changes yet: the same as the base plan"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid():
            return False
        message = self.edits.rename(index.row(), str(value))
        self.problem.emit(message)
        return not message


class OverridesModel(QAbstractTableModel):
    """One scenario's overrides: what changes, the base plan's value, and the scenario's (editable).
    Follows the plan while ``shown()`` (its table in view), else when shown again."""

    problem = Signal(str)
    HEADERS = ("Changes", "Base plan", "In this scenario")

    def __init__(self, document: PlanDocument, shown: Callable[[], bool] = lambda: True) -> None:
        super().__init__(document)
        self.document = document
        self.follower = Follower(self.refresh, shown)  # (``ui.widgets.follow``)
        self.edits = ScenarioEdits(document)
        self.row = -1  # the scenario shown
        self.items: list[tuple[str, float]] = []
        self.rows_shown: tuple[OverrideRow, ...] = ()  # each row as shown
        document.changed.connect(self.follower.follow)
        follow_names(document, self.follower.follow)  # "Head count: Inside SDRs" follows the resource's new name

    def show_scenario(self, row: int) -> None:
        self.row = row
        self.beginResetModel()
        self.items = self.current_items()
        self.rows_shown = self.shown_values()
        self.endResetModel()

    def shown_values(self) -> tuple[OverrideRow, ...]:
        plan = self.document.plan
        currency = plan.basics.currency
        return tuple((override_label(plan, n), base_value(plan, n), value, currency) for n, value in self.items)

    def current_items(self) -> list[tuple[str, float]]:
        scenarios = self.document.plan.scenarios
        if not 0 <= self.row < len(scenarios):
            return []
        return list(scenarios[self.row].overrides.items())

    def refresh(self) -> None:
        items = self.current_items()
        if [n for n, _ in items] != [n for n, _ in self.items]:
            self.beginResetModel()
            self.items = items
            self.rows_shown = self.shown_values()
            self.endResetModel()
            return
        self.items = items
        shown, self.rows_shown = self.rows_shown, self.shown_values()
        for first, last in changed_runs(shown, self.rows_shown):  # (a win rate changes only its own row's base value)
            self.dataChanged.emit(self.index(first, 0), self.index(last, 2))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        plan = self.document.plan
        name, value = self.items[index.row()]
        column = index.column()
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return override_label(plan, name)
            return shown(plan, name, base_value(plan, name) if column == 1 else value)
        if role == EDIT and column == 2:
            spec = override_spec(plan, name)
            return values.show(spec, value) if spec else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Double-click to change the scenario's value" if column == 2 else name
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid() or index.column() != 2:
            return False
        name = self.items[index.row()][0]
        return self.set_override(name, str(value))

    def set_override(self, name: str, text: str) -> bool:
        """Add or change one override from the text typed; a refused value says why."""
        if not 0 <= self.row < len(self.document.plan.scenarios):
            self.problem.emit("Add a scenario first")
            return False
        plan = self.document.plan
        parsed = parse_override(plan, name, text)
        if not parsed.ok:
            self.problem.emit(parsed.message or "")
            return False
        self.problem.emit("")
        scenario = plan.scenarios[self.row]
        overrides = {**scenario.overrides, name: parsed.value}
        self.edits.set_overrides(self.row, overrides, f"Set {override_label(plan, name)} in {scenario.name}")
        return True

    def remove_override(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        plan = self.document.plan
        scenario = plan.scenarios[self.row]
        name = self.items[row][0]
        overrides = {n: v for n, v in scenario.overrides.items() if n != name}
        self.edits.set_overrides(self.row, overrides, f"Remove {override_label(plan, name)} from {scenario.name}")


class OverrideChoicesModel(QAbstractListModel):
    """What a scenario may change, for the combo box: each name's label is written when shown
    (a plan of 10,000 channels has 60,000 of them)."""

    def __init__(self, document: PlanDocument) -> None:
        super().__init__(document)
        self.document = document
        self.names: list[str] = []
        self.labels: dict[int, str] = {}

    def set_names(self, names: list[str]) -> None:
        self.beginResetModel()
        self.names, self.labels = names, {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.names):
            return None
        row = index.row()
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if row not in self.labels:
                self.labels[row] = override_label(self.document.plan, self.names[row])
            return self.labels[row]
        if role == Qt.ItemDataRole.UserRole:
            return self.names[row]
        return None
