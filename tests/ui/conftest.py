"""Fixtures for driving the app: a window on the sample file, settings in a temporary folder,
and message boxes and file dialogs that answer without a person (and record what was asked)."""

from __future__ import annotations

import json
import runpy
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.plan.sample import sample_text
from ui.main_window import MainWindow, create_window


@dataclass
class Dialogs:
    """What the app asked or told, and how the fake person answers."""

    messages: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, text)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard
    save_path: str = ""
    open_path: str = ""

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.messages if kind is None or k == kind]


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path) -> Iterator[Path]:
    """Window geometry and recent files go to a temporary folder, never the user's."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def figures_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test plan's figures are worked out as each number is typed, however busy the machine.

    The app sends a plan's figures to the background once computing them took longer than a
    keystroke may wait (``ui.document.BACKGROUND_AFTER_SECONDS``) twice in a row: a plan of
    thousands of channels. A loaded machine can pause a small plan's computation that long, and
    a test reading a figure right after typing would then read the last one. The tests of the
    background set a document's ``background_after`` themselves (``test_responsive.py``)."""
    import ui.document

    monkeypatch.setattr(ui.document, "BACKGROUND_AFTER_SECONDS", 3600.0)


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    fake = Dialogs()

    def recorder(kind: str, answer: Any = None) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kw: Any) -> Any:
            fake.messages.append((kind, title, text))
            return fake.answer if answer is None else answer

        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "question", recorder("question"))
    monkeypatch.setattr(QMessageBox, "warning", recorder("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", recorder("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", recorder("information", QMessageBox.StandardButton.Close))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (fake.save_path, "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (fake.open_path, "")))
    return fake


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.leadplan"
    path.write_text(sample_text(), encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot: Any, sample_file: Path) -> MainWindow:
    """The app on a copy of the sample plan, shown and active, as a person would see it."""
    main = create_window(str(sample_file))
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitExposed(main)
    return main


def wide_plan(folder: Path) -> Path:
    """Issue 18's plan: a $4.8M goal, 6 resources, 8 channels (the README's wide screenshots)."""
    take = runpy.run_path(str(Path(__file__).parents[2] / "docs" / "screenshots" / "take.py"))
    path = folder / "six-by-eight.leadplan"
    path.write_text(json.dumps(take["six_by_eight"]()), encoding="utf-8")
    return path


@pytest.fixture
def wide(qtbot: Any, tmp_path: Path) -> MainWindow:
    main = create_window(str(wide_plan(tmp_path)))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
