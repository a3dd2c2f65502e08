"""The event schedule of the program selected in the channels table, in a field wide enough to type it.

``March 25,000; September 25,000`` (or ``Mar 25k, Sep 25k``, or ``3: 25000``) is read by
``planner.plan.schedule_text`` when the person presses Enter or leaves the field, and stored as one
undoable change of ``channels[i].schedule``; text that is not a schedule is refused with its
message and the plan keeps its schedule.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from planner.plan.model import Channel
from planner.plan.schedule_text import EXAMPLE, ScheduleTextError, parse_schedule, schedule_text
from ui.document import PlanDocument
from ui.style import repolish
from ui.widgets.fields import describe


class ScheduleEditor(QGroupBox):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__("Event schedule", parent)
        self.setObjectName("schedule_editor")
        self.document = document
        self.row = -1
        self.intro = QLabel()
        self.intro.setProperty("role", "intro")
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the program's name: text, never markup
        self.field = QLineEdit()
        self.field.setObjectName("schedule_editor.text")
        self.field.setPlaceholderText(EXAMPLE)
        self.field.setMinimumWidth(360)
        describe(
            self.field,
            "Event schedule",
            f"Months and amounts, like {EXAMPLE}, Mar 25k, Sep 25k or 3: 25000. Press Enter to apply.",
        )
        self.field.editingFinished.connect(self.apply)
        self.message = QLabel()
        self.message.setObjectName("schedule_editor.message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # it may quote what was typed
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.intro)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        document.changed.connect(self.refresh)
        self.show_row(-1)

    def channel(self) -> Channel | None:
        channels = self.document.plan.channels
        return channels[self.row] if 0 <= self.row < len(channels) else None

    def show_row(self, row: int) -> None:
        self.row = row
        self.show_message("")
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        channel = self.channel()
        program = channel is not None and channel.is_program
        self.field.setEnabled(program)
        if channel is None:
            self.intro.setText("Select a marketing program in the table to give it an event schedule.")
        elif not program:
            self.intro.setText(
                f"“{channel.name}” is people-driven. Event schedules are for marketing programs "
                "(choose Marketing as the owner)."
            )
        else:
            self.intro.setText(
                f"One-off spends of “{channel.name}” (trade shows, a campaign burst): type months and amounts, "
                f"like {EXAMPLE} or Mar 25k, Sep 25k, and press Enter. A schedule replaces the monthly budget; "
                "empty it to go back to the monthly budget."
            )
        if force or not (self.field.hasFocus() and self.message.isVisible()):
            self.field.setText(schedule_text(channel.schedule, self.document.plan) if program and channel else "")

    def apply(self) -> None:
        channel = self.channel()
        if channel is None or not channel.is_program:
            return
        try:
            schedule = parse_schedule(self.field.text(), self.document.plan)
        except ScheduleTextError as error:
            self.show_message(str(error))
            return
        name = channel.name or f"channel {self.row + 1}"
        refused = self.document.set_value(
            f"channels[{self.row}].schedule", schedule, f"Change event schedule of “{name}”", merge=False
        )
        self.show_message(refused[0].message if refused else "")  # (the plan keeps its schedule)
        if not refused:
            self.refresh(force=True)

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.field.setProperty("invalid", bool(message))
        repolish(self.field)
