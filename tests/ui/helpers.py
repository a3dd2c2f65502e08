"""Small steps a person takes in the app, for the tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTableView, QWidget

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
    qtbot.wait(1)  # let a previous editor close
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
