"""Undoable edits of the plan. Each stores a plan path with its old and new value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from planner.paths import get_value

if TYPE_CHECKING:
    from ui.document import PlanDocument

SET_VALUE_ID = 1


class SetValueCommand(QUndoCommand):
    """Set one field (or a whole list) of the plan; typing in one field merges into one step."""

    def __init__(self, document: PlanDocument, path: str, value: Any, text: str, *, merge: bool = True) -> None:
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
