"""Small steps a person takes in the app, for the tests."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QWidget,
)

from ui.main_window import MainWindow


class PaintedRegion(QObject):
    """What a widget repaints, as its paint events say."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    @property
    def rects(self) -> list[QRect]:
        return [region.boundingRect() for region in self.regions]

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))
        return False


LAYOUT_TIMEOUT_MS = 10_000  # (a layout settles in milliseconds; the bound only ends a wait for one that never does)


def laid_out(qtbot: Any, problems: Callable[[], Any], timeout: int = LAYOUT_TIMEOUT_MS) -> Any:
    """What ``problems`` still finds once the layout has settled: asked again as the event loop runs
    (a busy machine lays a window out later than an idle one) until it finds nothing, and its last
    answer returned for the test to assert on. A condition waited for, never a fixed pause."""
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: not problems(), timeout=timeout)
    return problems()


def once_shown(qtbot: Any, read: Callable[[], Any], expected: Any, timeout: int = LAYOUT_TIMEOUT_MS) -> Any:
    """What ``read`` gives once it gives ``expected`` (a chart redrawn on the next turn of the event
    loop, a figure fitted to its label once laid out), or at the timeout, for the test's assertion to
    show what it gave instead."""
    with contextlib.suppress(qtbot.TimeoutError):
        qtbot.waitUntil(lambda: read() == expected, timeout=timeout)
    return read()


def run_what_is_due(qtbot: Any) -> None:
    """Let the event loop run what is already due (a chart's redraw queued by an edit, a table
    catching up, a layout asked for) and what that queues in turn: two markers queued behind them
    are waited for, not a length of time. Before asserting that something did *not* happen."""
    turns: list[int] = []
    QTimer.singleShot(0, lambda: (turns.append(1), QTimer.singleShot(0, lambda: turns.append(2))))
    qtbot.waitUntil(lambda: turns == [1, 2], timeout=LAYOUT_TIMEOUT_MS)


def at_size(window: QWidget, qtbot: Any, width: int, height: int) -> None:
    """Resize a shown window and wait until it has that size."""
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height), timeout=LAYOUT_TIMEOUT_MS)


def in_sight(widget: QWidget, page: QAbstractScrollArea) -> bool:
    """Some of ``widget`` shows in its page's view (not scrolled out of it), as a person sees it."""
    view = page.viewport()
    return widget.isVisible() and QRect(widget.mapTo(view, QPoint(0, 0)), widget.size()).intersects(view.rect())


def field(window: MainWindow, path: str) -> QLineEdit:
    found = window.findChild(QLineEdit, path)
    assert found is not None, f"no input named {path}"
    return found


def health(window: MainWindow, key: str) -> str:
    label = window.findChild(QLabel, f"health.{key}")
    assert label is not None, f"no health label {key}"
    return label.text()


def retype(qtbot: Any, line: QLineEdit, text: str) -> None:
    """Select all the field's text and type over it, key by key."""
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)


def type_in_cell(qtbot: Any, view: QTableView, row: int, column: int, text: str) -> None:
    """Select the cell, open its editor with F2, type over the text and press Enter."""
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)  # a previous editor closed
    run_what_is_due(qtbot)  # ... and gone
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next turn of the event loop
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def model_spies(models: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Spies on each model's ``modelReset`` and ``dataChanged``, by the models' names."""
    from PySide6.QtTest import QSignalSpy

    resets = {name: QSignalSpy(model.modelReset) for name, model in models.items()}
    return resets, {name: QSignalSpy(model.dataChanged) for name, model in models.items()}


CELL_MARGINS = 6  # Qt draws a cell's text 3 px in from each side


def header_room(view: QTableView, column: int) -> int:
    """The width a header section gives its text: the section's, less the padding its style sheet gives it."""
    header = view.horizontalHeader()
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.rect = QRect(0, 0, view.columnWidth(column), 40)
    option.section = column
    return header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header).width()


def header_metrics(view: QTableView) -> QFontMetrics:
    """The headers' type as ui.style draws them: 14 px, semibold."""
    font = QFont(view.font())
    font.setPixelSize(14)
    font.setWeight(QFont.Weight.DemiBold)
    return QFontMetrics(font)


def table_cuts(view: QTableView) -> list[str]:
    """What a person cannot read whole in ``view``: columns out of sight, headers and cells cut."""
    name, model, header = view.objectName(), view.model(), view.horizontalHeader()
    cuts: list[str] = []
    if header.length() > view.viewport().width() + 1:
        cuts.append(f"{name}: {header.length()} px of columns in {view.viewport().width()} px")
    heading, metrics = header_metrics(view), view.fontMetrics()
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        width = view.columnWidth(column)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for line in title.split("\n"):
            if heading.horizontalAdvance(line) > header_room(view, column):
                cuts.append(f"{name}: header {title!r} in {width} px")
        room = width - CELL_MARGINS
        for row in range(min(model.rowCount(), 100)):
            text = str(model.index(row, column).data() or "")
            if not text:
                continue
            lines = text.split("\n")
            if view.wordWrap():
                if any(metrics.horizontalAdvance(word) > room for word in text.split()):
                    cuts.append(f"{name}: a word of {text!r} in {width} px")
                flags = int(Qt.TextFlag.TextWordWrap)
                needed = metrics.boundingRect(QRect(0, 0, room, 100_000), flags, text).height()
            else:
                if any(metrics.horizontalAdvance(line) > room for line in lines):
                    cuts.append(f"{name}: {text!r} in {width} px")
                needed = len(lines) * metrics.lineSpacing()
            if needed > view.rowHeight(row):
                cuts.append(f"{name}: {text!r} needs {needed} px in a {view.rowHeight(row)} px row")
    return cuts
