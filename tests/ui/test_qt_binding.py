"""The Qt binding keeps Python's books: PySide6 6.12.0 dropped a reference to None on every
call of a method that returns nothing, so on Python 3.11 the app aborted ("deallocating
None") after a few thousand such calls, a few hundred keystrokes. pyproject pins 6.11.x."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel


def test_calls_that_return_nothing_leave_none_alone(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 50
