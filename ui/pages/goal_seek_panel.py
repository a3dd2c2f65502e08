"""Goal seek on the Review & export page: what one driver must be to close the gap, in a
sentence, and a button per answer: a new rate or budget is kept as a scenario (the base plan is
untouched); people hired (or a program's spend added) from a later month are rows a scenario
cannot hold, so they are added to the plan, as one undo step.

The answers come from ``planner.numbers.goal_seek`` and, with their timing (hire month, ramp,
catch-up spends), from ``planner.numbers.closing`` (each one checked by the engine); they are
worked out while the panel is in view (or when it is shown or scrolled to), not on every
edit made while it is hidden or scrolled out of view.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from planner.numbers.closing import timing_sentence
from planner.numbers.goal_seek import Answer, close_the_gap, sentence
from ui.document import PlanDocument, follow_names
from ui.models.scenarios_model import ScenarioEdits
from ui.style import repolish
from ui.widgets.follow import Follower


def scenario_name(answer: Answer) -> str:
    return f"Close the gap: {answer.label[:1].lower()}{answer.label[1:]}"


def adds_rows(answer: Answer) -> bool:
    """People or a program's spend added to the plan (from their start month), not a new value."""
    return bool(answer.labor or answer.channels)


def unique_ids(taken: set[str], added: tuple[Any, ...]) -> tuple[Any, ...]:
    """The added labor rows with ids no other row has (``inside-new``, ``inside-new-2``, ...)."""
    found = []
    for row in added:
        key, number = row.id, 2
        while key in taken:
            key, number = f"{row.id}-{number}", number + 1
        taken.add(key)
        found.append(dataclasses.replace(row, id=key))
    return tuple(found)


class GoalSeekPanel(QFrame):
    def __init__(
        self, document: PlanDocument, shown: Callable[[], bool] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.shown = shown or self.isVisible  # the answers follow the plan while shown (in view)
        self.edits = ScenarioEdits(document)
        self.setObjectName("goal_seek")
        self.setProperty("role", "card")
        self.answers: tuple[Answer, ...] = ()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        self.sentence = QLabel()
        self.sentence.setObjectName("goal_seek.sentence")
        self.sentence.setProperty("role", "finding-title")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.sentence)
        self.timing = QLabel()
        self.timing.setObjectName("goal_seek.timing")
        self.timing.setWordWrap(True)
        self.timing.setToolTip(
            "Hires counted with their ramp from the month they start; each option is checked by the engine"
        )
        self.timing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.timing)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(0, 1)
        layout.addLayout(self.grid)
        self.rows: list[tuple[QLabel, QPushButton]] = []
        # the answers follow the plan while in view, after the edit's repaint (``ui.widgets.follow``)
        self.follower = Follower(self.refresh, self.shown, later=True, owner=self)
        self.follower.behind = True
        document.changed.connect(self.follower.follow)
        follow_names(document, self.follower.follow)  # its sentences name the resources and channels

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.follower.read()

    def refresh(self) -> None:
        self.answers = close_the_gap(self.document.plan, self.document.result)
        self.sentence.setText(sentence(self.answers))
        timed = timing_sentence(self.document.plan, self.document.result)
        self.timing.setText(timed)
        self.timing.setVisible(bool(timed))
        while len(self.rows) < len(self.answers):
            row = len(self.rows)
            label = QLabel()
            label.setWordWrap(True)
            keep = QPushButton("Keep as scenario")
            keep.clicked.connect(lambda _c=False, i=row: self.keep(i))
            self.grid.addWidget(label, row, 0)
            self.grid.addWidget(keep, row, 1, Qt.AlignmentFlag.AlignRight)
            self.rows.append((label, keep))
        for index, (label, keep) in enumerate(self.rows):
            shown = index < len(self.answers)
            label.setVisible(shown)
            keep.setVisible(shown)
            if not shown:
                continue
            answer = self.answers[index]
            label.setText(answer.sentence[:1].upper() + answer.sentence[1:])
            label.setProperty("role", "" if answer.reachable else "hint")
            repolish(label)
            keep.setObjectName(f"goal_seek.keep.{answer.driver}")
            keep.setEnabled(answer.reachable)
            rows = adds_rows(answer)
            keep.setText("Add to the plan" if rows else "Keep as scenario")
            if not answer.reachable:
                keep.setToolTip("Not reachable with this driver alone")
            elif rows:
                keep.setToolTip(
                    "Add these people or this spend to the plan, from the month they start (Ctrl+Z takes them "
                    "out again): a scenario changes the plan's numbers, not its rows"
                )
            else:
                keep.setToolTip(
                    f"Add a scenario “{scenario_name(answer)}” with this change; the base plan stays as it is"
                )
            keep.setAccessibleName(
                f"Add “{answer.sentence}” to the plan" if rows else f"Keep “{answer.sentence}” as a scenario"
            )

    def keep(self, index: int) -> int:
        """Add a scenario with the answer's change, and return its row among the scenarios; or, for
        people or spend added from a month on, add them to the plan (one undo step) and return -1."""
        self.follower.read()
        answer = self.answers[index]
        if adds_rows(answer):
            self.add_to_plan(answer)
            return -1
        return self.edits.add(scenario_name(answer), answer.overrides)

    def add_to_plan(self, answer: Answer) -> None:
        """The answer's people (ids made unique) and programs appended to the plan's lists: one undo step."""
        text = f"Add {answer.sentence.split(' (cost')[0]}"
        both = bool(answer.labor and answer.channels)
        if both:
            self.document.undo_stack.beginMacro(text)
        try:
            if answer.labor:
                labor = self.document.plan.labor
                added = unique_ids({r.id for r in labor}, answer.labor)
                self.document.set_value("labor", (*labor, *added), text, merge=False)
            if answer.channels:
                channels = self.document.plan.channels
                self.document.set_value("channels", (*channels, *answer.channels), text, merge=False)
        finally:
            if both:
                self.document.undo_stack.endMacro()
