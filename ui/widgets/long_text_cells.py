"""The table cells' editor without Qt's 32,767-character limit (see ``ui.widgets.long_text``);
loaded with the first table, not with the first screen."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.widgets.long_text import allow_long_text


class LongTextDelegate(QStyledItemDelegate):
    """The default delegate, whose line editors take any length of text."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            allow_long_text(editor)
        return editor


def long_text_cells(view: QAbstractItemView) -> None:
    """Cells of ``view`` edited without a length limit (column delegates set later still apply)."""
    view.setItemDelegate(LongTextDelegate(view))
