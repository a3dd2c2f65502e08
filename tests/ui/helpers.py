"""Small steps a person takes in the app, for the tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit

from ui.main_window import MainWindow


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
