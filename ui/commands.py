"""Undoable edits of the plan. Each stores plan paths with their old and new values."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from planner.plan.model import Plan
from planner.plan.paths import get_value


class Applies(Protocol):
    """What a command changes: the open plan (``ui.document.PlanDocument``)."""

    @property
    def plan(self) -> Plan: ...

    def apply(self, path: str, value: Any) -> None: ...


SET_VALUE_ID = 1


class SetValueCommand(QUndoCommand):
    """Set one field (or a whole list) of the plan; typing in one field merges into one step."""

    def __init__(self, document: Applies, path: str, value: Any, text: str, *, merge: bool = True) -> None:
        super().__init__(text)
        self.document = document
        self.path = path
        self.old = get_value(document.plan, path)
        self.new = value
        self.merge = merge

    def id(self) -> int:
        return SET_VALUE_ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand) or other.path != self.path or not other.merge:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)  # retyped back to the old value: no step, not modified
        return True

    def redo(self) -> None:
        self.document.apply(self.path, self.new)

    def undo(self) -> None:
        self.document.apply(self.path, self.old)


class SetValuesCommand(QUndoCommand):
    """Several fields of the plan changed together: one step to undo and redo."""

    def __init__(self, document: Applies, changes: list[tuple[str, Any]], text: str) -> None:
        super().__init__(text)
        self.document = document
        self.changes = [(path, get_value(document.plan, path), new) for path, new in changes]

    def redo(self) -> None:
        for path, _old, new in self.changes:
            self.document.apply(path, new)

    def undo(self) -> None:
        for path, old, _new in reversed(self.changes):
            self.document.apply(path, old)
