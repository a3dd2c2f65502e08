"""The preview of an import of actuals: the monthly totals it will put in the plan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from planner.actuals_import.importer import ImportResult
from planner.actuals_import.mapping import FIGURE_LABELS
from planner.numbers import formatting as fmt

MONEY = ("revenue", "cost")


class PreviewModel(QAbstractTableModel):
    """The monthly totals an import will put in the plan: a row a month, a column a figure."""

    def __init__(self, currency: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.rows: list[tuple[str, dict[str, float]]] = []
        self.figures: tuple[str, ...] = ()

    def show(self, result: ImportResult | None) -> None:
        self.beginResetModel()
        self.rows = [(result.labels[m], result.months[m]) for m in sorted(result.months)] if result else []
        self.figures = result.figures() if result else ()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.figures)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label, values = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if index.column() == 0:
            return label
        figure = self.figures[index.column() - 1]
        value = values.get(figure)
        if value is None:
            return ""  # not reported: left empty, not 0
        return fmt.money(value, self.currency, decimals=2 if value % 1 else 0) if figure in MONEY else fmt.count(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return "Month" if section == 0 else FIGURE_LABELS[self.figures[section - 1]]
