"""Month by month, added up from the first month (read only): needed and supplied so far, and how far behind.

The figures are ``planner.numbers.cumulative``'s arrangement of the engine's months; a month the timing
counts as behind is coloured as the plan is judged (``planner.advice.health.level``). A carry-over month
(its leads close next year) is not judged: it is muted and its label says "next year".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from planner.advice.health import level
from planner.numbers import formatting as fmt
from planner.numbers.cumulative import CumulativeMonth, cumulative_months
from planner.numbers.results import PlanResult
from ui.document import PlanDocument
from ui.models.quarters_model import LEVEL_COLORS, NEXT_YEAR_TIP, column_header
from ui.style import GOOD, MUTED
from ui.widgets.follow import Follower

Index = QModelIndex | QPersistentModelIndex

COLUMNS: tuple[tuple[str, str], ...] = (
    ("Month", "The plan month"),
    ("Needed so far", "Sales-ready leads needed from the plan's first month to this one"),
    ("Supplied so far", "Sales-ready leads supplied from the plan's first month to this one"),
    ("Short so far", "Needed so far minus supplied so far: how far behind (or ahead) the plan is"),
)


def cell_text(month: CumulativeMonth, column: int, in_time: bool = True) -> str:
    if column == 0:
        return month.label if in_time else f"{month.label} (next year)"
    if column == 1:
        return fmt.count(month.needed)
    if column == 2:
        return fmt.count(month.supplied)
    return fmt.shortfall(month.gap)


def in_time(result: PlanResult) -> tuple[bool, ...]:
    """Whether each month's leads close inside the plan (False: a carry-over month, next year's start)."""
    return tuple(m.in_time for m in result.months)


class RunningTotalsModel(QAbstractTableModel):
    def __init__(self, document: PlanDocument, shown: Callable[[], bool] = lambda: True) -> None:
        super().__init__(document)
        self.document = document
        self.follower = Follower(self.refresh, shown)  # (``ui.widgets.follow``)
        self.months = cumulative_months(document.result)
        self.in_time = in_time(document.result)
        self.shade = level(document.result)
        document.changed.connect(self.follower.follow)

    def refresh(self) -> None:
        months, shade = cumulative_months(self.document.result), level(self.document.result)
        timely = in_time(self.document.result)
        if len(months) != len(self.months):
            self.beginResetModel()
            self.months, self.shade, self.in_time = months, shade, timely
            self.endResetModel()
        elif months != self.months or shade != self.shade or timely != self.in_time:
            self.months, self.shade, self.in_time = months, shade, timely
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.months)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def display_text(self, row: int, column: int) -> str:
        """The text a cell shows (``table_fit`` reads it without a trip through Qt)."""
        return cell_text(self.months[row], column, self.in_time[row]) if row < len(self.months) else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.months):
            return None
        month, column = self.months[index.row()], index.column()
        timely = self.in_time[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_text(month, column, timely)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            if not timely:
                return QColor(MUTED)
            return QColor(LEVEL_COLORS.get(self.shade, GOOD) if month.behind else GOOD)
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[column][1] if timely else f"{COLUMNS[column][1]}. {NEXT_YEAR_TIP}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_header(COLUMNS, section, orientation, role)
