"""The table cells' editor without Qt's 32,767-character limit (see ``ui.long_text``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.long_text import allow_long_text


class LongTextDelegate(QStyledItemDelegate):
    """The default delegate, whose line editors take any length of text."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            allow_long_text(editor)
        return editor
