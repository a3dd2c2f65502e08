"""Help → About: the version, the licence, and the libraries inside with their versions."""

from __future__ import annotations

import platform
from importlib.metadata import version
from typing import Any

from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from planner.version import __version__
from ui.dialogs.about import AboutDialog, library_versions
from ui.main_window import MainWindow


def test_the_libraries_are_listed_with_the_versions_installed() -> None:
    found = {name: (found_version, licence) for name, found_version, licence in library_versions()}
    assert found["Python"] == (platform.python_version(), "PSF-2.0")
    assert found["Qt"] == (qVersion(), "LGPL-3.0")
    assert found["PySide6 (Qt for Python)"] == (version("PySide6-Essentials"), "LGPL-3.0")
    assert found["openpyxl"] == (version("openpyxl"), "MIT")
    assert found["Jinja2"][0] == version("Jinja2")
    assert "not found" not in {v for v, _ in found.values()}


def test_help_about_shows_the_version_licence_and_libraries(window: MainWindow, qtbot: Any) -> None:
    window.findChild(QAction, "help.about").trigger()
    dialog = window.about_dialog
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog)
    assert dialog.isVisible()
    text = dialog.findChild(QLabel, "about.text").text()
    assert f"Lead Planner {__version__}" in text
    assert "Licence:</b> Proprietary" in text
    assert f"<td>openpyxl</td><td>&nbsp;{version('openpyxl')}&nbsp;</td><td>MIT</td>" in text
    assert f"<td>Qt</td><td>&nbsp;{qVersion()}&nbsp;</td>" in text
