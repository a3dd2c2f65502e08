"""The monthly demand table (read only): what each month needs, as the engine computed it.

A carry-over month (its leads close after the plan: ``in_time`` False) is marked as next year's
start, shaded as the monthly chart shades it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from planner.numbers import formatting as fmt
from planner.numbers.results import MonthResult
from ui.document import PlanDocument
from ui.models.rows_model import changed_runs
from ui.style import NEXT_YEAR_SHADE

Index = QModelIndex | QPersistentModelIndex
NEXT_YEAR_BRUSH = QBrush(QColor(NEXT_YEAR_SHADE))
NEXT_YEAR_TIP = "Leads made this month close after the plan: they build next year's start, not this year's number"

COLUMNS: tuple[tuple[str, str], ...] = (
    ("label", "Month"),
    ("demand_share", "Share of\nthe year"),
    ("raw_leads_needed", "Raw\nleads"),
    ("qualified_leads_needed", "Qualified\nleads"),
    ("sales_ready_leads_needed", "Sales-ready\nleads"),
    ("opportunities_needed", "Oppor-\ntunities"),  # (two lines: the columns share a laptop's width)
    ("wins_needed", "Wins"),
)


def cell_text(month: MonthResult, key: str) -> str:
    value = getattr(month, key)
    if key == "label":
        return value if month.in_time else f"{value} (next year)"
    if key == "demand_share":
        return fmt.percent(value, 1)
    return fmt.count(value, 1)


class DemandModel(QAbstractTableModel):
    def __init__(self, document: PlanDocument) -> None:
        super().__init__(document)
        self.document = document
        self.months = document.result.months
        document.changed.connect(self.refresh)

    def refresh(self) -> None:
        months = self.document.result.months
        if len(months) != len(self.months):
            self.beginResetModel()
            self.months = months
            self.endResetModel()
        elif months != self.months:
            old, self.months = self.months, months
            for first, last in changed_runs(old, months):
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.months)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def display_text(self, row: int, column: int) -> str:
        """The text a cell shows (``table_fit`` reads it without a trip through Qt)."""
        return cell_text(self.months[row], COLUMNS[column][0]) if row < len(self.months) else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_text(self.months[index.row()], key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "label":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if not self.months[index.row()].in_time:
            if role == Qt.ItemDataRole.BackgroundRole:
                return NEXT_YEAR_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole:
                return NEXT_YEAR_TIP
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None
