"""The step navigator on the left: the walk-through's steps, then Track, any one a click away."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from ui.startup import ACCESSIBLE_TEXT_ROLE, set_enum

STEPS: tuple[str, ...] = (
    "Basics",
    "Diagnosis",
    "Targets",
    "Labor model",
    "Channels",
    "Metrics & review",
    "Review & export",
    "Track",
)

# the step that shows the field a plan path names (a warning's "go there")
SECTION_STEPS = {
    "basics": 0,
    "diagnosis": 1,
    "targets": 2,
    "labor": 3,
    "channels": 4,
    "metrics": 5,
    "review": 5,
    "scenarios": 6,
    "actuals": 7,
}


def step_of_path(path: str) -> int | None:
    section = path.split(".")[0].split("[")[0]
    return SECTION_STEPS.get(section)


class StepNavigator(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName("Steps")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        set_enum(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        set_enum(self, "focusPolicy", "StrongFocus")
        for number, name in enumerate(STEPS, start=1):
            item = QListWidgetItem(f"{number}   {name}")
            item.setToolTip(f"{name} (Ctrl+{number})")
            item.setData(ACCESSIBLE_TEXT_ROLE, f"Step {number}: {name}")
            item.setSizeHint(QSize(200, 52))
            self.addItem(item)
        self.setCurrentRow(0)
        self.setFixedWidth(212)
