"""Table rows as tall as their wrapped text, in tables of any length.

Fitting a row measures every cell of it: a table of 20,000 rows (the sensitivity of a plan of
10,000 channels) took seconds. Up to ``FIT_ROWS`` rows each row fits its text; beyond, the rows
are given a fixed height. Rows are fitted again when the text column's width settles (the
window laid out or resized), once, not for each pixel.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableView

FIT_ROWS = 300


def two_lines(view: QTableView) -> int:
    """A row's height for two lines of the view's text."""
    return 2 * view.fontMetrics().lineSpacing() + 14


def fit_rows(view: QTableView, beyond: int | None = None) -> None:
    """Each row as tall as its text, up to ``FIT_ROWS`` rows; beyond, rows ``beyond`` pixels high
    (None: as they are)."""
    if view.model().rowCount() <= FIT_ROWS:
        view.resizeRowsToContents()
    elif beyond is not None:
        view.verticalHeader().setDefaultSectionSize(beyond)


def refit_when_resized(view: QTableView, column: int, refit: Callable[[], None]) -> QTimer:
    """Call ``refit`` once ``column``'s width has settled; the timer returned may be started by
    other changes too (a name typed)."""
    timer = QTimer(view)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(refit)
    view.horizontalHeader().sectionResized.connect(lambda moved, _old, _new: timer.start() if moved == column else None)
    return timer
