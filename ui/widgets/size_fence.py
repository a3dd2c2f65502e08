"""A fence around a part of a page whose text changes with every edit (the Review & export
step's key figures).

Qt lays out the whole page again whenever a label's text changes, even when the label needs
no more room: the label asks its layout again, the layout its widget, and so on up to the
scrolled page, whose relayout measures every wrapped label, table and chart on it (2-4 ms on
the Review & export step, and then a repaint of all of it). The fence holds one widget and
passes the request on only when the widget's height changes. On a page (``keep_room``) it
passes on only a need for more room: while the page is shown it keeps the height it was
given when a figure needs less (a line fewer in the verdict), so what is below does not jump
up and down as a number is typed, and it gives the room back when the page is laid out anew
(another width, the page shown again). The health panel, always in view, fits at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QSizePolicy, QWidget


class SizeFence(QWidget):
    """Shows ``inner`` over its whole area; its relayouts stop here unless its height changes
    (with ``keep_room``: unless it needs more room)."""

    def __init__(self, inner: QWidget, parent: QWidget | None = None, *, keep_room: bool = True) -> None:
        super().__init__(parent)
        self.inner = inner
        self.keep_room = keep_room
        inner.setParent(self)
        policy = QSizePolicy(inner.sizePolicy())
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.given = QSize(0, 0)  # the room the page gave it last

    def need(self, width: int) -> int:
        inner = self.inner
        return inner.heightForWidth(width) if inner.hasHeightForWidth() else inner.sizeHint().height()

    def sizeHint(self) -> QSize:
        return QSize(self.inner.sizeHint().width(), self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        return self.inner.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        need = self.need(width)
        return max(need, self.given.height()) if self.keep_room and width == self.given.width() else need

    def resizeEvent(self, event: Any) -> None:
        self.inner.setGeometry(self.rect())
        self.given = self.size()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.given = QSize(0, 0)  # shown again: as tall as it needs

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the inner widget's hints may have changed
            least, need, height = self.inner.minimumSizeHint(), self.need(self.width()), self.height()
            fits = need <= height if self.keep_room else need == height
            if not fits or least.width() > self.width() or least.height() > height:
                self.updateGeometry()  # the page makes room (or, without keep_room, takes it back)
            return True
        return super().event(event)
