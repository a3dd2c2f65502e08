"""A warning of the health panel: its words, wrapped, on a button that goes to the step it is
about.

The coverage warning quotes the figures ("Coverage is 78%: the plan is 85 sales-ready leads
short"), so its words change with nearly every edit. A label laid out by the button asks Qt to
lay out the button, the list and the panel again on every change of its text, even when the
new words take the same lines (0.1-0.2 ms an edit, on every step). Here the words are placed
by the button and pinned to the size they need (a widget of fixed size asks no one for room):
new words in the same lines only repaint them, and words that need another line ask the list
for room once.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QMargins, QSize
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from ui.startup import set_enum

AROUND = QMargins(10, 8, 10, 8)  # between the button's edge and its words


@functools.cache
def wrapped() -> int:
    """The flags of words wrapped in their box from its top left (made once: each ``|`` of Qt's
    flags is a call into Python's enum)."""
    from PySide6.QtCore import Qt  # (its namespace is built after the first paint: see ui.startup)

    return int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class WarningButton(QPushButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "warning")
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        set_enum(self.words, "textFormat", "PlainText")  # a warning may quote a name the user typed
        self.words.move(AROUND.left(), AROUND.top())
        self.needed = -1  # the height its words need at their width

    def set_message(self, message: str) -> bool:
        """Show ``message``; True if it needs another height (the list then lays itself out again)."""
        self.ensurePolished()  # (a new one: measured in the style sheet's type, as it will be painted)
        self.words.setText(message)
        self.setAccessibleName(message)
        needed = self.text_height(self.words.width())
        if needed == self.needed:
            return False
        self.needed = needed
        self.updateGeometry()  # (the list gives it the room, and ``resizeEvent`` the words)
        return True

    def text_height(self, width: int) -> int:
        """The height of the words wrapped at ``width`` (the label's own ``heightForWidth`` would be
        at least its pinned height: a list that grew once would never shrink)."""
        return self.words.fontMetrics().boundingRect(0, 0, width, 100_000, wrapped(), self.words.text()).height()

    def words_width(self, width: int) -> int:
        return max(1, width - AROUND.left() - AROUND.right())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self.ensurePolished()
        return self.text_height(self.words_width(width)) + AROUND.top() + AROUND.bottom()

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > AROUND.left() + AROUND.right() else 200
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(AROUND.left() + AROUND.right() + 40, self.heightForWidth(self.width() or 200))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        width = self.words_width(self.width())
        needed = self.needed = self.text_height(width)
        self.words.setFixedSize(width, max(1, self.height() - AROUND.top() - AROUND.bottom()))
        if needed + AROUND.top() + AROUND.bottom() > self.height():  # narrower (a scroll bar came): another line
            self.updateGeometry()
