"""What keeps start-up fast: the first screen is built without PySide6's ``Qt`` namespace.

Touching ``PySide6.QtCore.Qt`` for the first time (importing it, or a call that returns one
of its enums) builds its ~90 Python enums: about 20 ms, as long as the rest of our start-up.
So the modules of the first screen (window, navigator, Basics page, health panel, inputs)
set Qt enum properties by their names through Qt's property system, and the namespace is
built just after the window is on screen, before anyone can type
(``tests/ui/test_startup.py`` checks both). Everything built later uses ``Qt`` as usual.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

# Qt.ItemDataRole.AccessibleTextRole (a test checks it against Qt's)
ACCESSIBLE_TEXT_ROLE = 11


def stop_pyside_reading_sources() -> None:
    """Give Python its own ``__import__`` back from PySide6.

    Importing PySide6.QtCore replaces ``builtins.__import__`` with a hook that, after every
    later import, reads the new module's whole source (``inspect.getsource``) to see whether
    it uses PySide6, for PySide's opt-in ``from __feature__ import snake_case``. The app
    never opts in, and the hook costs ~4 ms of its start and a little on every lazy import
    (napari/napari#8584 reports the same). PySide keeps the original as
    ``builtins.__orig_import__``; where a version does not, nothing changes.
    """
    original = getattr(builtins, "__orig_import__", None)
    if original is not None:
        builtins.__import__ = original


def set_enum(widget: QObject, name: str, keys: str) -> None:
    """Set the enum property ``name`` by its keys' names: ``set_enum(label, "alignment",
    "AlignRight|AlignVCenter")`` does ``label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)``."""
    if not widget.setProperty(name, keys):
        raise ValueError(f"{type(widget).__name__} has no property {name} with the value {keys!r}")


class _FirstPaint(QObject):
    """Waits for a widget's first paint, then calls what was asked, in order (one filter a
    widget: PySide6 calls a Python event filter for every event the widget gets)."""

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.then: list[Callable[[], None]] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            watched._first_paint = None  # type: ignore[attr-defined]  # a later call waits for the next paint
            for then in self.then:
                QTimer.singleShot(0, then)
            self.deleteLater()
        return False


def after_first_paint(widget: QObject, then: Callable[[], None]) -> None:
    """Call ``then`` once ``widget`` has been painted for the first time (the user sees it)."""
    waiter = getattr(widget, "_first_paint", None)
    if waiter is None:
        waiter = _FirstPaint(widget)
        widget._first_paint = waiter  # type: ignore[attr-defined]
    waiter.then.append(then)


def warm_up() -> None:
    """Build the ``Qt`` namespace now, so the first keystroke or step change does not pay it."""
    from PySide6.QtCore import Qt

    Qt.AlignmentFlag  # noqa: B018 (the attribute lookup is the point)
