"""A fence around a part whose texts change with every edit: the window is laid out again only
when the part needs other room.

Qt lays out the whole page again whenever a label's text changes, even when the new text takes
the same room: the label asks its layout, the layout its widget, and so on up to the scrolled
page, whose relayout measures every wrapped label, table and chart on it (2-4 ms on the Review &
export step, and then a repaint of all of it). A ``Fence`` holds one widget and passes the
request on only when the widget's height changes.

Options:

- ``keep_room`` (on a page): pass on only a need for *more* room. While the page is shown the
  fence keeps the height it was given when a figure needs less (a line fewer in the verdict), so
  what is below does not jump up and down as a number is typed; it gives the room back when the
  page is laid out anew (another width, the page shown again). The health panel, always in view,
  fits at once (``keep_room=False``).
- ``watch`` (labels inside the part): the part's own layout is switched off too (laying out the
  health panel's figures or the glance's grid cost 0.5-0.8 ms of each edit, more than painting
  them). The owner calls ``fit()`` after setting the texts; the part is laid out again only when a
  watched text needs other room (a verdict of another line count, a figure of another width), and
  when the fence is resized.

A figure inside is a ``ui.widgets.figure_label.FigureLabel``: shown whole where it fits, else in
short form, never cut.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

Need = tuple[int | bool, ...]  # (see ``need``)


def need(widget: QWidget) -> Need:
    """What ``widget`` needs of its room: the height it takes at its width if it wraps; else
    whether its size hint, and its least size, fit where it is. (A figure that gets narrower keeps
    its room; one that no longer fits, or a verdict of another line count, is laid out again.)"""
    if widget.isHidden():
        return ()
    if widget.hasHeightForWidth():
        return (widget.heightForWidth(widget.width()),)
    width, height = widget.width(), widget.height()
    hint, least = widget.sizeHint(), widget.minimumSizeHint()
    return (hint.width() <= width, hint.height() <= height, least.width() <= width, least.height() <= height)


class Fence(QWidget):
    """Shows ``inner`` over its whole area; relayouts stop here unless its height changes (with
    ``keep_room``: unless it needs more room). With ``watch``, ``inner``'s own layout runs only
    when ``fit()`` finds a watched label needing other room."""

    def __init__(
        self,
        inner: QWidget,
        parent: QWidget | None = None,
        *,
        keep_room: bool = True,
        watch: Iterable[QLabel] = (),
    ) -> None:
        super().__init__(parent)
        self.inner = inner
        self.keep_room = keep_room
        inner.setParent(self)
        policy = QSizePolicy(inner.sizePolicy())
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.given = QSize(0, 0)  # the room the page gave it last
        self.watched = list(watch)
        self.needs: list[Need] = []
        self.texts: list[str] = []  # what each watched label showed when its need was measured
        if self.watched:
            inner.layout().setEnabled(False)

    # --- the inner part's own layout (``watch``) ---------------------------------------------

    def relayout(self) -> None:
        """Lay the inner part out now (Qt's layout, enabled for the time it takes)."""
        layout = self.inner.layout()
        layout.setEnabled(True)
        layout.invalidate()
        layout.activate()
        layout.setEnabled(False)
        self.needs = [need(label) for label in self.watched]
        self.texts = [label.text() for label in self.watched]
        self.ask_for_room()  # (the part's hints may have changed: its texts, or the style's type)

    def fit(self) -> None:
        """After new texts: lay out again only if one of them needs other room (measured only for
        the texts that changed)."""
        if len(self.texts) != len(self.watched):
            self.relayout()
            return
        for index, label in enumerate(self.watched):
            text = label.text()
            if text == self.texts[index]:
                continue
            if need(label) != self.needs[index]:
                self.relayout()
                return
            self.texts[index] = text

    # --- the fence's own room --------------------------------------------------------------

    def need_height(self, width: int) -> int:
        inner = self.inner
        return inner.heightForWidth(width) if inner.hasHeightForWidth() else inner.sizeHint().height()

    def sizeHint(self) -> QSize:
        return QSize(self.inner.sizeHint().width(), self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        return self.inner.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self.need_height(width)
        return max(height, self.given.height()) if self.keep_room and width == self.given.width() else height

    def resizeEvent(self, event: Any) -> None:
        self.inner.setGeometry(self.rect())
        self.given = self.size()
        if self.watched:
            self.relayout()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.given = QSize(0, 0)  # shown again: as tall as it needs

    def ask_for_room(self) -> None:
        """The page (or panel) makes room if the part needs more (or, without ``keep_room``, other)."""
        least, height_needed, height = self.inner.minimumSizeHint(), self.need_height(self.width()), self.height()
        fits = height_needed <= height if self.keep_room else height_needed == height
        if not fits or least.width() > self.width() or least.height() > height:
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the inner part's hints may have changed
            self.ask_for_room()
            return True
        return super().event(event)
