"""A table over one list of the plan (``labor``, ``channels``, ``metrics``), edited through the document.

Each column is a field of the list's items; a cell edit parses the typed text like the
bound inputs do (percentages, money with separators) and becomes one undoable change of
``<list>[row].<field>``. An invalid value is refused with a message (``problem``) and the
plan keeps its value. Rows are added, removed and duplicated as whole-list changes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from planner.plan.model import Spec, same_objects
from ui import values
from ui.document import PlanDocument
from ui.override_edits import edit_cell, remove_rows

Index = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole


def short(text: str, limit: int = 40) -> str:
    """A name short enough for the Edit menu."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


COPY = re.compile(r"^(?P<name>.*) \(copy(?: \d+)?\)$")


def copy_name(name: str, taken: Collection[str]) -> str:
    """A copy's name: "Webinars (copy)", then "Webinars (copy 2)" (a copy of a copy too), none taken."""
    found = COPY.match(name)
    base = found.group("name") if found else name
    candidate, number = f"{base} (copy)".strip(), 2
    while candidate in taken:
        candidate, number = f"{base} (copy {number})".strip(), number + 1
    return candidate


def changed_runs(old: tuple[Any, ...], new: tuple[Any, ...]) -> list[tuple[int, int]]:
    """(first, last) rows of each run of items that are not the same objects as before."""
    runs: list[tuple[int, int]] = []
    start = -1
    for row, (a, b) in enumerate(zip(old, new, strict=True)):
        if a is not b and a != b:
            if start < 0:
                start = row
        elif start >= 0:
            runs.append((start, row - 1))
            start = -1
    if start >= 0:
        runs.append((start, len(new) - 1))
    return runs


@dataclass(frozen=True)
class Column:
    field: str  # the item's field, or "" for a computed column
    header: str
    tip: str = ""
    numeric: bool = False
    detail: bool = False  # a secondary column, shown on the table's second tab (``column_sets``)
    always: bool = False  # shown on both tabs, as the name is


class RowsModel(QAbstractTableModel):
    problem = Signal(str)  # a refused edit, in plain words ("" when an edit succeeded)

    list_path = ""
    item_name = "row"
    columns: tuple[Column, ...] = ()
    column_sets: tuple[str, ...] = ()  # the tabs' titles: the main columns, then the secondary ones

    def __init__(self, document: PlanDocument) -> None:
        super().__init__(document)
        self.document = document
        self.items: tuple[Any, ...] = self.document.value(self.list_path)
        self.shown_figures: tuple[Any, ...] | None = self.computed_figures()  # what the computed columns show
        self.figures_made_from: tuple[Any, ...] = self.figures_from()
        self.shown_context: tuple[Any, ...] = self.context()
        document.changed.connect(self.refresh)
        document.text_changed.connect(self._on_text_edit)

    # --- reading -----------------------------------------------------------------------
    def _on_text_edit(self, path: str) -> None:
        if path.startswith(f"{self.list_path}["):
            self.refresh(figures=False)

    def refresh(self, figures: bool = True) -> None:
        """Say which cells changed: the rows whose item changed, and the computed columns
        when the figures did (``dataChanged``; a reset only when rows came or went)."""
        items = self.document.value(self.list_path)
        context, self.shown_context = self.shown_context, self.context()
        if len(items) != len(self.items):
            self.beginResetModel()
            self.items = items
            self.endResetModel()
            return
        old, self.items = self.items, items
        last = self.columnCount() - 1
        # an edit replaces only the items it changes: the others are the same objects
        for first, end in changed_runs(old, items):
            self.dataChanged.emit(self.index(first, 0), self.index(end, last))
        if context != self.shown_context and self.rowCount():  # every row shows it
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, last))
        computed = [c for c, column in enumerate(self.columns) if not column.field]
        if figures and computed and self.rowCount():
            made_from, self.figures_made_from = self.figures_made_from, self.figures_from()
            if made_from and same_objects(made_from, self.figures_made_from):
                return  # (a win rate leaves the engine's resources and channels as they were)
            shown, self.shown_figures = self.shown_figures, self.computed_figures()
            runs = [(0, self.rowCount() - 1)]
            if shown is not None and self.shown_figures is not None and len(shown) == len(self.shown_figures):
                runs = changed_runs(shown, self.shown_figures)  # only the rows whose figures moved
            for first, end in runs:
                self.dataChanged.emit(self.index(first, min(computed)), self.index(end, max(computed)))

    def context(self) -> tuple[Any, ...]:
        """What the cells show beside their own item: the currency of money, the plan's first month
        (a schedule is shown by calendar month) and its last (an open end shows it). A change
        repaints every row."""
        plan = self.document.plan
        return (plan.basics.currency, plan.basics.start_month, plan.horizon)

    def figures_from(self) -> tuple[Any, ...]:
        """What the computed columns are made of (the engine's rows for this list, the currency):
        the same objects after an edit mean the same figures, with nothing worked out. Empty: unknown."""
        return ()

    def computed_figures(self) -> tuple[Any, ...] | None:
        """What the computed columns show, row by row, to tell which rows an edit changed
        (None: unknown, every row is repainted)."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def column_of(self, field: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == field)

    def spec(self, column: int) -> Spec:
        return values.field_spec(f"{self.list_path}[0].{self.columns[column].field}")

    def cell_path(self, row: int, column: int) -> str:
        return f"{self.list_path}[{row}].{self.columns[column].field}"

    def applies(self, item: Any, field: str) -> bool:
        """False where a field means nothing for this item (a program channel's share)."""
        return True

    def computed(self, row: int, column: int) -> str:
        """The text of a computed (read-only) column."""
        return ""

    def display(self, item: Any, column: int) -> str:
        field = self.columns[column].field
        spec = self.spec(column)
        value = getattr(item, field)
        if spec.kind == "choice" and spec.choices:
            return spec.choices.get(value, value)
        return values.show_in_table(spec, value, self.document.plan.basics.currency)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.items):
            return None
        row, column = index.row(), index.column()
        item, field = self.items[row], self.columns[column].field
        applies = not field or self.applies(item, field)
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            if not field:
                return self.computed(row, column)
            return self.display(item, column) if applies else "—"
        if role == EDIT and field:
            spec = self.spec(column)
            value = getattr(item, field)
            return value if spec.kind == "choice" else values.show(spec, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[column].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.columns[column].tip or self.columns[column].header
            if field and not self.columns[column].numeric and applies:
                return f"{self.display(item, column)}\n{tip}"  # the whole text of a cell too narrow for it
            return tip
        if role == Qt.ItemDataRole.ForegroundRole and not applies:
            from PySide6.QtGui import QColor

            return QColor("#9aa3ad")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == DISPLAY:
                return self.columns[section].header
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].tip or self.columns[section].header
        elif role == DISPLAY:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        field = self.columns[index.column()].field
        if field and self.applies(self.items[index.row()], field):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # --- editing -----------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, column = index.row(), index.column()
        spec = self.spec(column)
        parsed = self.parse(spec, value)
        if not parsed.ok:
            self.problem.emit(f"Row {row + 1}: {parsed.message}")
            return False
        text = f"Change {spec.label} of {self.described(row)}"
        refused = edit_cell(
            self.document, self.list_path, row, self.columns[column].field, parsed.value, text
        )  # (renames overrides too); refused: what the file would not accept (an end before the start)
        self.problem.emit(f"Row {row + 1}: {refused[0].message}" if refused else "")
        return not refused

    def parse(self, spec: Spec, value: Any) -> values.Parsed:
        if spec.kind == "choice":
            choices = spec.choices or {}
            by_label = {label: key for key, label in choices.items()}
            key = by_label.get(value, value)
            if key in choices:
                return values.Parsed(key)
            return values.Parsed(message=f"{spec.label} must be one of {', '.join(choices.values())}")
        if value is None:
            value = ""
        elif not isinstance(value, str):
            # a number set by a script is in the plan's own units (a rate of 0.2 is 20%)
            number = value
            if spec.kind in values.RATE_KINDS and isinstance(number, int | float) and number <= 1:
                number = number * 100
            value = str(number)
        return values.parse(spec, value, self.document.plan.basics.currency)

    # --- rows --------------------------------------------------------------------------
    def new_item(self, row: int) -> Any:
        raise NotImplementedError

    def copy_item(self, item: Any) -> Any:
        taken = {getattr(other, "name", "") for other in self.items}
        return dataclasses.replace(item, name=copy_name(getattr(item, "name", ""), taken))

    def set_items(self, items: tuple[Any, ...], text: str) -> None:
        self.document.set_value(self.list_path, tuple(items), text, merge=False)

    def described(self, row: int) -> str:
        """The row as an undo step names it: channel “Trade shows”."""
        name = short(getattr(self.items[row], "name", ""))
        return f"{self.item_name} “{name}”" if name else f"{self.item_name} {row + 1}"

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or not 0 <= row <= len(self.items) or count < 1:
            return False
        items = list(self.items)
        for offset in range(count):
            items.insert(row + offset, self.new_item(row + offset))
        self.set_items(tuple(items), f"Add {self.item_name}" if count == 1 else f"Add {count} {self.item_name}s")
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count < 1 or row + count > len(self.items):
            return False
        text = f"Remove {self.described(row)}" if count == 1 else f"Remove {count} {self.item_name}s"
        remove_rows(
            self.document, self.list_path, self.items[:row] + self.items[row + count :], text
        )  # (and overrides)
        return True

    def duplicate_row(self, row: int) -> int:
        """Add a copy of the row below it; returns the copy's row."""
        copy = self.copy_item(self.items[row])
        text = f"Duplicate {self.described(row)}"
        self.set_items((*self.items[: row + 1], copy, *self.items[row + 1 :]), text)
        return row + 1

    def move_row(self, row: int, step: int) -> int:
        """Move a row up (step -1) or down (+1); returns where it is now (unchanged at an end)."""
        target = row + step
        if not (0 <= row < len(self.items) and 0 <= target < len(self.items)):
            return row
        items = list(self.items)
        items[row], items[target] = items[target], items[row]
        self.set_items(tuple(items), f"Move {self.described(row)} {'up' if step < 0 else 'down'}")
        return target
