"""The two tables of File → Compare with…: the inputs that changed (before and after), and the
plan's answers before and after. Read-only; the dialog hands them each new comparison (``show``).

The values are written as the sentence writes them (``planner.compare.words.value_text``): a win
rate as 25%, a month as its calendar month, a schedule as its total.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.compare.comparison import Comparison
from planner.compare.words import answer_rows, change_row

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TextTableModel(QAbstractTableModel):
    """A read-only table of text, filled anew by ``show``."""

    headers: tuple[str, ...] = ()
    right_from = 99  # the first column of figures (aligned right)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cells: list[tuple[str, ...]] = []

    def fill(self, cells: list[tuple[str, ...]]) -> None:
        if cells != self.cells:
            self.beginResetModel()
            self.cells = cells
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def display_text(self, row: int, column: int) -> str:
        return self.cells[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.right_from:
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ChangesModel(TextTableModel):
    """Every input that changed, in the plan's order: targets, labor, channels, actuals."""

    headers = ("Input", "Before", "Now")

    def show(self, comparison: Comparison | None) -> None:
        rows = [] if comparison is None else [
            change_row(driver, change, comparison) for driver in comparison.drivers for change in driver.changes
        ]  # fmt: skip
        self.fill(rows)


class AnswersModel(TextTableModel):
    """The plan's answers in the older version and in the open plan, side by side."""

    headers = ("Answer", "Before", "Now")
    right_from = 1

    def show(self, comparison: Comparison | None) -> None:
        if comparison is None:
            self.fill([])
            return
        self.fill(answer_rows(comparison))
