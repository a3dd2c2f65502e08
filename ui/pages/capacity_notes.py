"""Notes under the labor table: capacity no channel takes, with a button that assigns it.

Capacity not assigned to a channel still counts as supply; the note says so and offers to
put it in a channel, instead of a warning in the health panel (which warns only when it is
over a quarter of the supply, see ``planner.advice.health.alerts``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from planner.numbers import formatting as fmt
from planner.numbers.engine import EPSILON
from planner.plan.model import Channel
from ui.document import PlanDocument, follow_names


def spare_capacity(document: PlanDocument) -> list[tuple[int, str, float, float]]:
    """(row, name, share not assigned, sales-ready leads it makes) of each resource with some."""
    found = []
    for row, figures in enumerate(document.result.resources):
        spare = 1 - figures.assigned_share
        if spare > EPSILON and figures.total_output > 0:
            found.append((row, figures.name or figures.id, spare, spare * figures.total_output))
    return found


class CapacityNotes(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labor.capacity_notes")
        self.document = document
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(0, 1)
        self.rows: list[tuple[QLabel, QPushButton]] = []
        self.shown: list[tuple[int, str, float, float]] = []
        document.changed.connect(self.refresh)
        follow_names(document, self.refresh)  # a renamed resource: its note says the new name
        self.refresh()

    def refresh(self) -> None:
        found = spare_capacity(self.document)
        if found == self.shown:
            return
        self.shown = found
        while len(self.rows) < len(found):
            index = len(self.rows)
            note = QLabel()
            note.setProperty("role", "hint")
            note.setWordWrap(True)
            button = QPushButton("Assign to a channel")
            button.clicked.connect(lambda _c=False, i=index: self.assign(i))
            self.grid.addWidget(note, index, 0)
            self.grid.addWidget(button, index, 1)
            self.rows.append((note, button))
        for index, (note, button) in enumerate(self.rows):
            visible = index < len(found)
            note.setVisible(visible)
            button.setVisible(visible)
            if visible:
                row, name, spare, leads = found[index]
                note.setText(
                    f"Note: {fmt.percent(spare)} of the capacity of {name} ({fmt.count(leads)} sales-ready leads) "
                    "is not assigned to a channel. It still counts as supply."
                )
                button.setObjectName(f"labor.assign.{row}")
                button.setToolTip(f"Add an outbound channel that takes the rest of the capacity of {name}")
        if not found:
            self.hide()
        elif self.parentWidget() is not None:  # (before it has a parent, show() would open a window)
            self.show()

    def assign(self, index: int) -> None:
        """Add a channel owned by the resource that takes the capacity left."""
        row, name, spare, _ = self.shown[index]
        resource = self.document.plan.labor[row]
        channel = Channel(name=f"{name}: outbound", type="outbound_phone", owner=resource.id, share=round(spare, 6))
        self.document.set_value(
            "channels", (*self.document.plan.channels, channel), f"Assign the rest of {name} to a channel", merge=False
        )
