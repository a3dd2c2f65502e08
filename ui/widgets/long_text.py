"""Text inputs without Qt's 32,767-character limit.

A ``QLineEdit`` holds at most 32,767 characters unless told otherwise: a longer text is cut
as soon as it is shown in one, and one Backspace stores the cut text in the plan. Every
line input of the app (the bound fields, and table cells through ``ui.widgets.long_text_cells``) is
given a limit no plan file can reach, so a long text is edited whole.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

TEXT_LIMIT = 2**31 - 1  # Qt's largest; a plan file (at most 50 MB) never holds a longer text


def allow_long_text(editor: QLineEdit) -> QLineEdit:
    editor.setMaxLength(TEXT_LIMIT)
    return editor
