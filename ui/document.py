"""The open plan: its data, its computed result, its undo stack and its file.

One PlanDocument is created per window and handed to every view (no globals). Views
read ``document.plan`` and ``document.result`` and change the plan only through
``document.set_value`` (undoable); the document recomputes through the engine once per
change and emits ``changed``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.engine import compute
from planner.model import Plan
from planner.paths import get_value, set_value
from planner.plan_file import Fingerprint, PlanFileError, read_plan, write_plan
from planner.results import PlanResult
from ui.commands import SetValueCommand


class FileChangedOnDisk(PlanFileError):
    """The file was changed by someone else since it was opened or saved here."""


class PlanDocument(QObject):
    changed = Signal()  # the plan (and so its result) changed
    file_changed = Signal()  # the path or the saved/unsaved state changed

    def __init__(self, plan: Plan, path: str | Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._result = compute(plan)
        self.path: Path | None = Path(path) if path else None
        self.fingerprint = Fingerprint.of(self.path) if self.path else None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_changed.emit()

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def result(self) -> PlanResult:
        return self._result

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def value(self, path: str) -> Any:
        return get_value(self._plan, path)

    def set_value(self, path: str, value: Any, text: str | None = None, *, merge: bool = True) -> None:
        """Change one field or list of the plan, as one undoable step."""
        if get_value(self._plan, path) == value:
            return
        self.undo_stack.push(SetValueCommand(self, path, value, text or f"Change {path}", merge=merge))

    def apply(self, path: str, value: Any) -> None:
        """Set a value without recording it (the undo commands call this)."""
        self.replace_plan(set_value(self._plan, path, value))

    def replace_plan(self, plan: Plan) -> None:
        self._plan = plan
        self._result = compute(plan)
        self.changed.emit()

    def load(self, plan: Plan, path: str | Path | None = None) -> None:
        """Start over on another plan (New, Open): a clean file and an empty undo history."""
        self.undo_stack.clear()
        self.path = Path(path) if path else None
        self.fingerprint = Fingerprint.of(self.path) if self.path else None
        self.replace_plan(plan)
        self.undo_stack.setClean()
        self.file_changed.emit()

    def mark_modified(self) -> None:
        """Unsaved though nothing was edited here (a recovered plan): saving is the only way back to clean."""
        self.undo_stack.resetClean()
        self.file_changed.emit()

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None) -> PlanDocument:
        """Raises PlanFileError with a message for people when the file can't be opened."""
        return cls(read_plan(path).plan, path, parent)

    def changed_on_disk(self) -> bool:
        """Someone else wrote the file since we opened or saved it."""
        return self.path is not None and self.fingerprint != Fingerprint.of(self.path)

    def save(self, path: str | Path | None = None, *, overwrite_changes: bool = False) -> None:
        """Raises PlanFileError when the file can't be written (the plan stays unsaved), and
        FileChangedOnDisk when saving over a file someone else changed, unless told to overwrite."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("save needs a path for an untitled plan")
        if target == self.path and not overwrite_changes and self.changed_on_disk():
            raise FileChangedOnDisk(f"“{target.name}” was changed by someone else since you opened it.")
        write_plan(self._plan, target)
        self.path = target
        self.fingerprint = Fingerprint.of(target)
        self.undo_stack.setClean()
        self.file_changed.emit()
