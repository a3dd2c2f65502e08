"""No silent changes from the mouse wheel: a drop-down, spin box or slider changes with the
wheel only once it has focus (clicked or tabbed to). Scrolling over one that has not
scrolls the page instead.

One event filter on the application, installed once (:func:`install`), covers every such
widget, present and future; it also gives them ``StrongFocus`` (focus by click or Tab, not
by the wheel, which is QComboBox's default ``WheelFocus``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QScrollBar, QWidget

from ui.startup import set_enum

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED) and not isinstance(watched, QScrollBar):
            set_enum(watched, "focusPolicy", "StrongFocus")  # by name: start-up does not build Qt's enums
        elif kind == QEvent.Type.Wheel and isinstance(watched, GUARDED) and not isinstance(watched, QScrollBar):
            assert isinstance(watched, QWidget)
            if not watched.hasFocus():
                # ignored and filtered: Qt hands the wheel on to the parent (the page scrolls)
                event.ignore()
                return True
        return False


def install(app: QCoreApplication | None = None) -> WheelGuard | None:
    """The application's wheel guard, installed on the first call (later calls return it)."""
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    guard = app.findChild(WheelGuard, "wheel_guard")
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheel_guard")
        app.installEventFilter(guard)
    return guard
