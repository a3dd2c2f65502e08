"""The plan by quarter (read only): needed, supplied, the quarter's gap, how far behind at its end, cost.

Every figure is the engine's (``result.quarters``, the months' ``cumulative_gap``); a quarter
that ends behind is coloured as the plan's timing judges it (``planner.advice.health.level``). A quarter
that ends in a carry-over month (its leads close next year) is not judged: it is muted and says
it builds next year's start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from planner.advice.health import level
from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult, QuarterResult
from ui.document import PlanDocument
from ui.style import ERROR, FAIR, GOOD, MUTED
from ui.widgets.follow import Follower

Index = QModelIndex | QPersistentModelIndex
LEVEL_COLORS = {"good": GOOD, "fair": FAIR, "poor": ERROR}

Cell = Callable[[PlanResult, QuarterResult], str]
NEXT_YEAR_TIP = "Its leads close after the plan: it builds next year's start, not this year's number"

COLUMNS: tuple[tuple[str, str, Cell], ...] = (
    ("Quarter", "The plan's quarter (months 1-3, 4-6, ...) and its calendar months", lambda r, q: q.label),
    ("Needed", "Sales-ready leads the quarter needs",
     lambda r, q: fmt.count(q.sales_ready_leads_needed)),
    ("Supplied", "Sales-ready leads the people and programs supply in the quarter",
     lambda r, q: fmt.count(q.sales_ready_leads_supplied)),
    ("Quarter's\ngap", "Needed minus supplied within the quarter", lambda r, q: fmt.shortfall(q.gap)),
    ("Behind at\nits end", "Needed minus supplied from the plan's first month to the quarter's last",
     lambda r, q: fmt.shortfall(r.months[q.last_month - 1].cumulative_gap)),
    ("Cost", "People, fees and program spend in the quarter", lambda r, q: fmt.money(q.cost, r.currency)),
)  # fmt: skip
GAP_COLUMNS = (4,)  # how far behind the plan is: coloured as the timing judges it


def column_header(columns: tuple[tuple[Any, ...], ...], section: int, orientation: Qt.Orientation, role: int) -> Any:
    """A read-only table's column header: (name, tooltip, ...) of ``columns``."""
    if orientation == Qt.Orientation.Horizontal:
        if role == Qt.ItemDataRole.DisplayRole:
            return columns[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return columns[section][1]
    return None


def shown_figures(result: PlanResult) -> tuple[object, ...]:
    """Everything a cell reads from the result: the quarters, the timing (the colours), the currency
    (the cost column), and each quarter's last month: its running gap ("Behind at its end", which
    actuals move without moving a quarter's planned figures) and whether it carries over."""
    ends = [result.months[q.last_month - 1] for q in result.quarters]
    return (
        result.quarters,
        result.timing,
        result.currency,
        tuple((month.cumulative_gap, month.in_time) for month in ends),
    )


class QuartersModel(QAbstractTableModel):
    def __init__(self, document: PlanDocument, shown: Callable[[], bool] = lambda: True) -> None:
        super().__init__(document)
        self.document = document
        self.follower = Follower(self.refresh, shown)  # (``ui.widgets.follow``)
        self.result = document.result
        document.changed.connect(self.follower.follow)

    def refresh(self) -> None:
        result = self.document.result
        if len(result.quarters) != len(self.result.quarters):
            self.beginResetModel()
            self.result = result
            self.endResetModel()
        elif shown_figures(result) != shown_figures(self.result):
            self.result = result
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        else:
            self.result = result

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.result.quarters)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def next_year(self, quarter: QuarterResult) -> bool:
        """The quarter ends in a carry-over month: its running gap includes next year's start."""
        return not self.result.months[quarter.last_month - 1].in_time

    def behind(self, quarter: QuarterResult) -> bool:
        """The plan is behind at the end of the quarter (its last month is one of the timing's behind months)."""
        return quarter.last_month in self.result.timing.behind_months

    def display_text(self, row: int, column: int) -> str:
        """The text a cell shows (``table_fit`` reads it without a trip through Qt)."""
        quarters = self.result.quarters
        return COLUMNS[column][2](self.result, quarters[row]) if row < len(quarters) else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.result.quarters):
            return None
        quarter, column = self.result.quarters[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[column][2](self.result, quarter)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in GAP_COLUMNS:
            if self.next_year(quarter):
                return QColor(MUTED)
            shade = level(self.result) if self.behind(quarter) else "good"
            return QColor(LEVEL_COLORS.get(shade, GOOD))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{COLUMNS[column][1]}. {NEXT_YEAR_TIP}" if self.next_year(quarter) else COLUMNS[column][1]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return column_header(COLUMNS, section, orientation, role)
