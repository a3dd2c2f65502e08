"""Placeholder main window until the walk-through lands."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from planner.sample import sample_plan
from ui.document import PlanDocument


def create_window(path: str | None = None, *, sample: bool = False) -> QMainWindow:
    document = PlanDocument.open(path) if path else PlanDocument(sample_plan())
    window = QMainWindow()
    window.setWindowTitle(f"Lead Planner — {document.display_name}")
    window.setCentralWidget(QLabel(f"{document.plan.basics.company}: the walk-through is coming."))
    return window
