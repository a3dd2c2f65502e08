"""The questions asked about files (message boxes) and the file dialogs' filter.

Loaded on the first question, not at start-up (Qt's dialog classes take time to load);
the settings and the recent files list are in ``ui.settings``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtGui import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

PLAN_FILTER = "Lead plans (*.leadplan);;All files (*)"

Button = QMessageBox.StandardButton
# the answers of the questions below (standard buttons, shown with these words)
OVERWRITE, SAVE_ELSEWHERE = Button.Save, Button.SaveAll
RECOVER, RECOVER_LATER, DISCARD_RECOVERY = Button.Yes, Button.No, Button.Discard


def choose_plan_to_open(parent: QWidget, folder: str) -> str:
    """The plan file the person picks, or "" when they cancel."""
    return QFileDialog.getOpenFileName(parent, "Open a plan", folder, PLAN_FILTER)[0]


def choose_where_to_save(parent: QWidget, suggested: str) -> str:
    """Where the person saves the plan (always a .leadplan file), or "" when they cancel."""
    path = QFileDialog.getSaveFileName(parent, "Save the plan as", suggested, PLAN_FILTER)[0]
    return with_suffix(path) if path else ""


def with_suffix(path: str) -> str:
    """A plan's file name always ends in .leadplan."""
    return path if path.lower().endswith(".leadplan") else f"{path}.leadplan"


def ask_to_save(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel before the open plan is replaced."""
    buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    return QMessageBox.question(
        parent,
        "Unsaved changes",
        plain(f"“{name}” has changes that are not saved. Save them first?"),
        buttons,
        QMessageBox.StandardButton.Save,
    )


def plain(text: str) -> str:
    """A message box's text shown as the characters it holds: a file named ``<b>Q3 export.csv`` or a
    plan's own words that look like markup are escaped (message boxes read markup on their own)."""
    if not Qt.mightBeRichText(text):
        return text
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, plain(message))


def ask(parent: QWidget, title: str, text: str, buttons: dict[Button, str], default: Button) -> Button:
    """A question with standard buttons that say what they do ("Recover", "Later")."""

    def relabel() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.text() == shown:
            for button, label in buttons.items():
                if label and box.button(button) is not None:
                    box.button(button).setText(label)

    shown = plain(text)
    QTimer.singleShot(0, relabel)  # runs once the box is up (a static question can't be relabelled before)
    combined = Button.NoButton
    for button in buttons:
        combined |= button
    return QMessageBox.question(parent, title, shown, combined, default)


def ask_about_their_changes(parent: QWidget, message: str) -> Button:
    """OVERWRITE, SAVE_ELSEWHERE or Cancel when the file changed on disk since it was opened."""
    return ask(
        parent,
        "Changed by someone else",
        f"{message} Overwrite their changes with yours, or save yours as another file?",
        {OVERWRITE: "Overwrite", SAVE_ELSEWHERE: "Save As…", Button.Cancel: ""},
        Button.Cancel,
    )


def ask_to_recover(parent: QWidget, description: str) -> Button:
    """RECOVER, DISCARD_RECOVERY or RECOVER_LATER for a plan a crashed session left unsaved."""
    return ask(
        parent,
        "Recover unsaved work?",
        f"Lead Planner closed without saving this plan. Recover {description}?\n\n"
        "Discard deletes the autosaved copy; Later keeps it for the next start.",
        {RECOVER: "Recover", DISCARD_RECOVERY: "Discard", RECOVER_LATER: "Later"},
        RECOVER,
    )
