"""No silent changes from the mouse wheel: a drop-down or slider changes with the wheel only
once it has focus (clicked or tabbed to). Scrolling over one that has not scrolls the page
instead.

The app's drop-downs and sliders are these classes (a test walks every step and checks that
none is a plain one). They take focus by click or Tab, not by the wheel (``StrongFocus``,
where QComboBox's default is ``WheelFocus``), and an unfocused one ignores the wheel, which
Qt then hands on to its parent: the page scrolls.

They override the wheel only: an event filter on the whole application did the same, but it
ran Python for every event of every widget (about 0.7 ms of each edit on the Review & export
step of a large plan).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QSlider, QWidget


class WheelGuarded:
    """Mixin (before the Qt class): the wheel changes the widget only while it has focus."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()  # Qt hands the wheel on to the parent (the page scrolls)


class GuardedCombo(WheelGuarded, QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class GuardedSlider(WheelGuarded, QSlider):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
