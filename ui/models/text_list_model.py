"""A list of short texts of the plan (``review.risks``), one editable line a row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ui import values
from ui.document import PlanDocument
from ui.models.rows_model import short

Index = QModelIndex | QPersistentModelIndex


class TextListModel(QAbstractListModel):
    def __init__(self, document: PlanDocument, path: str) -> None:
        super().__init__(document)
        self.document = document
        self.path = path
        self.label = values.field_spec(path).label
        self.items: tuple[str, ...] = document.value(path)
        document.changed.connect(self.refresh)
        document.text_changed.connect(self._on_text_edit)

    def _on_text_edit(self, path: str) -> None:
        if path == self.path or path.startswith(f"{self.path}["):
            self.refresh()

    def refresh(self) -> None:
        items = self.document.value(self.path)
        if len(items) != len(self.items):
            self.beginResetModel()
            self.items = items
            self.endResetModel()
        elif items != self.items:
            old, self.items = self.items, items
            for row in (row for row, (a, b) in enumerate(zip(old, items, strict=True)) if a != b):
                self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.items[index.row()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value or "").strip()
        if not text:  # an emptied line goes away
            return self.removeRows(index.row(), 1)
        self.document.set_value(f"{self.path}[{index.row()}]", text, f"Change {self.label.lower()}", merge=False)
        return True

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or not 0 <= row <= len(self.items) or count < 1:
            return False
        items = (*self.items[:row], *(["New item"] * count), *self.items[row:])
        self.document.set_value(self.path, items, f"Add to {self.label.lower()}", merge=False)
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or row < 0 or count < 1 or row + count > len(self.items):
            return False
        items = self.items[:row] + self.items[row + count :]
        what = f"“{short(self.items[row])}”" if count == 1 else f"{count} items"
        self.document.set_value(self.path, items, f"Remove {what} from {self.label.lower()}", merge=False)
        return True
