"""No silent changes from the mouse wheel: a drop-down, spin box or slider changes with the
wheel only once it has focus (clicked or tabbed to). Scrolling over one that has not
scrolls the page instead.

One event filter on the application, installed once (:func:`install`), covers every such
widget, present and future; it also gives them ``StrongFocus`` (focus by click or Tab, not
by the wheel, which is QComboBox's default ``WheelFocus``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from ui.startup import set_enum

# by class name (QObject.inherits), so start-up imports none of these classes: PySide6 builds
# every enum of a class when its Python class is first imported
GUARDED = ("QComboBox", "QAbstractSpinBox", "QAbstractSlider")


def guarded(watched: QObject) -> bool:
    return watched.isWidgetType() and any(map(watched.inherits, GUARDED)) and not watched.inherits("QScrollBar")


def guard(widget: QObject) -> None:
    set_enum(widget, "focusPolicy", "StrongFocus")  # by name: start-up does not build Qt's enums


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and guarded(watched):
            guard(watched)
        elif kind == QEvent.Type.Wheel and guarded(watched) and not watched.hasFocus():  # type: ignore[attr-defined]
            event.ignore()  # ignored and filtered: Qt hands the wheel on to the parent (the page scrolls)
            return True
        return False


def install(app: QCoreApplication | None = None) -> WheelGuard | None:
    """The application's wheel guard, installed on the first call (later calls return it).

    Widgets already polished (the first screen, when it is installed after the first paint)
    are guarded at once; later ones as they are polished.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        return None
    found = app.findChild(WheelGuard, "wheel_guard")
    if found is None:
        found = WheelGuard(app)
        found.setObjectName("wheel_guard")
        app.installEventFilter(found)
        for widget in app.allWidgets():  # type: ignore[attr-defined]
            if guarded(widget):
                guard(widget)
    return found
