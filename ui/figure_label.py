"""A figure that is never cut: shown whole where it fits, else in short form (``$21.7B``, by
:func:`planner.formatting.compact`) with the whole figure first in its tooltip.

A number cut at the edge reads as another number (``$21,728,467,0`` looks like millions). The
label asks its layout for the whole figure's width but can make do with the short form's: a
layout short of room shrinks it, and it then shows the short form.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QWidget

from planner.formatting import compact


class FigureLabel(QLabel):
    """``setText`` takes the whole figure; ``text()`` is what is shown; ``whole`` what was set."""

    def __init__(self, tip: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.whole = ""
        self.tip = tip
        self.setToolTip(tip)

    def setText(self, text: str) -> None:  # type: ignore[override]
        if text == self.whole:
            return
        self.whole = text
        if not self.fit():  # the same short form for another figure: its whole width may differ
            self.updateGeometry()

    def fit(self) -> bool:
        """Show the whole figure if it fits the label's width, else its short form; True if the text changed."""
        shown = self.whole
        if shown and self.fontMetrics().horizontalAdvance(shown) > self.contentsRect().width():
            shown = compact(shown)
        tip = self.tip if shown == self.whole else f"{self.whole}\n{self.tip}".rstrip()
        if tip != self.toolTip():
            self.setToolTip(tip)
        if shown == super().text():
            return False
        super().setText(shown)
        return True

    def width_of(self, text: str) -> int:
        """The width the label needs to show ``text`` whole (its margins and frame included)."""
        metrics = self.fontMetrics()
        room = super().sizeHint().width() - metrics.horizontalAdvance(super().text())
        return room + metrics.horizontalAdvance(text)

    def sizeHint(self) -> QSize:
        return QSize(self.width_of(self.whole), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.width_of(compact(self.whole)), super().minimumSizeHint().height())

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
