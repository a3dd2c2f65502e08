"""A figure that is never cut: shown whole where it fits, else in short form (``$21.7B``, by
:func:`planner.numbers.formatting.compact`) with the whole figure first in its tooltip. Right-click
copies the whole figure.

A number cut at the edge reads as another number (``$21,728,467,0`` looks like millions). The
label asks its layout for the whole figure's width but can make do with the short form's: a
layout short of room shrinks it, and it then shows the short form.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QWidget

from planner.numbers.formatting import compact


class FigureLabel(QLabel):
    """``setText`` takes the whole figure and ``text()`` gives it back (``whole``), as a plain
    label's would to a script or a test; ``shown()`` is what is painted, the whole figure or
    ``short``, its short form."""

    def __init__(self, tip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = self.short = ""
        self.tip = self.shown_tip = tip
        self.setToolTip(tip)
        self.room: tuple[int, int] | None = None  # the width around the text and the height, for this font
        self.advances: dict[str, int] = {}  # the width of the whole figure and of its short form, in this font

    def setText(self, text: str) -> None:  # type: ignore[override]
        if text == self.whole:
            return
        self.whole, self.short = text, compact(text)
        self.advances = {}
        if not self.fit():  # the same short form for another figure: its whole width may differ
            self.updateGeometry()

    def text(self) -> str:  # type: ignore[override]
        return self.whole

    def shown(self) -> str:
        return super().text()

    def fit(self) -> bool:
        """Show the whole figure if it fits the label's width, else its short form; True if the text changed."""
        shown = self.whole
        if shown and self.advance(shown) > self.contentsRect().width():
            shown = self.short
        tip = self.tip if shown == self.whole else f"{self.whole}\n{self.tip}".rstrip()
        if tip != self.shown_tip:
            self.shown_tip = tip
            self.setToolTip(tip)
        if shown == super().text():
            return False
        super().setText(shown)
        return True

    def copy(self) -> None:
        from PySide6.QtWidgets import QApplication  # (the clipboard: not needed to start)

        QApplication.clipboard().setText(self.whole)

    def contextMenuEvent(self, event: Any) -> None:
        """Copy the whole figure (a plain label, not a selectable one: a selectable label lays its
        text out in a document on every change, 40 us a figure on every edit)."""
        from PySide6.QtWidgets import QMenu  # (not needed to start)

        if not self.whole:
            return
        menu = QMenu(self)
        menu.addAction(f"Copy {self.whole}", self.copy)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(event.globalPos())

    def size_of(self, text: str) -> QSize:
        """The size the label needs to show ``text`` on its line (its margins and frame included).

        The room around the text is measured once for the font, and each figure's width added."""
        if self.room is None:
            if not super().text():
                return QSize(self.fontMetrics().horizontalAdvance(text), super().sizeHint().height())
            hint = super().sizeHint()
            self.room = hint.width() - self.fontMetrics().horizontalAdvance(super().text()), hint.height()
        around, height = self.room
        return QSize(around + self.advance(text), height)

    def advance(self, text: str) -> int:
        """How wide ``text`` is in this font (each figure measured once: a new figure is measured
        for its fit, its size and its least size)."""
        found = self.advances.get(text)
        if found is None:
            found = self.advances[text] = self.fontMetrics().horizontalAdvance(text)
        return found

    def sizeHint(self) -> QSize:
        return self.size_of(self.whole)

    def minimumSizeHint(self) -> QSize:
        return self.size_of(self.short)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.room, self.advances = None, {}
            self.fit()
