"""Text inputs without Qt's 32,767-character limit.

A ``QLineEdit`` holds at most 32,767 characters unless told otherwise: a longer text is cut
as soon as it is shown in one, and one Backspace stores the cut text in the plan. Every
line input of the app (the bound fields, and table cells through ``LongTextDelegate``) is
given a limit no plan file can reach, so a long text is edited whole.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

TEXT_LIMIT = 2**31 - 1  # Qt's largest; a plan file (at most 50 MB) never holds a longer text


def allow_long_text(editor: QLineEdit) -> QLineEdit:
    editor.setMaxLength(TEXT_LIMIT)
    return editor


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
