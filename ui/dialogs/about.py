"""Help → About: the version, the licence, and the libraries inside with their versions and licences."""

from __future__ import annotations

import platform
from html import escape
from importlib import metadata

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from planner.version import __version__

LICENCE = "Proprietary: © Lead Planner. All rights reserved."
# (name shown, distribution whose metadata holds its version, licence)
LIBRARIES = (
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0"),
    ("Shiboken6", "shiboken6", "LGPL-3.0"),
    ("openpyxl", "openpyxl", "MIT"),
    ("Jinja2", "Jinja2", "BSD-3-Clause"),
    ("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("et-xmlfile", "et_xmlfile", "MIT"),
)


def library_versions() -> list[tuple[str, str, str]]:
    """(name, version, licence) of Python, Qt and each library the app runs on.

    Versions come from the installed packages' metadata (the PyInstaller bundle carries it);
    one that cannot be found shows as "not found" rather than failing the dialog."""
    found = [("Python", platform.python_version(), "PSF-2.0"), ("Qt", qVersion(), "LGPL-3.0")]
    for name, distribution, licence in LIBRARIES:
        try:
            version = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            version = "not found"
        found.append((name, version, licence))
    return found


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>&nbsp;{escape(version)}&nbsp;</td><td>{escape(licence)}</td></tr>"
        for name, version, licence in library_versions()
    )
    return (
        f"<h2>Lead Planner {escape(__version__)}</h2>"
        "<p>Plan the leads that reach the revenue goal, and export the plan for the CEO.</p>"
        f"<p><b>Licence:</b> {escape(LICENCE)}</p>"
        "<p><b>Built with</b> (each under its own licence; Qt and PySide6 under the LGPL, "
        "whose source is at qt.io):</p>"
        f"<table>{rows}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, icon: QIcon | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle("About Lead Planner")
        row = QHBoxLayout()
        if icon is not None and not icon.isNull():
            picture = QLabel()
            picture.setPixmap(icon.pixmap(96, 96))
            picture.setObjectName("about.icon")
            row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(about_html())
        self.text.setObjectName("about.text")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setOpenExternalLinks(False)
        row.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(buttons)


def show_about(parent: QWidget) -> AboutDialog:
    """Help → About, modeless: it does not block the window behind it."""
    from PySide6.QtWidgets import QApplication

    dialog = AboutDialog(parent, QApplication.windowIcon())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
