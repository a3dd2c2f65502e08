"""Inputs of the later steps bound to one field of the plan, named by its path: a choice
from a list (combo box), a set of choices (check boxes) and free text over several lines.

Apart from ``ui.widgets.fields`` (the line inputs of the first screen) so that start-up does not
load Qt's combo box, group box and text editor classes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QWidget

from ui import values
from ui.document import PlanDocument
from ui.widgets.fields import describe, is_history_key
from ui.widgets.follow import Follower, ShownInput
from ui.widgets.wheel_guard import GuardedCombo


class BoundCombo(ShownInput, GuardedCombo):
    """One choice from a closed vocabulary (or any fixed list of values)."""

    def __init__(
        self,
        document: PlanDocument,
        path: str,
        choices: dict[Any, str] | None = None,
        *,
        label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        spec = values.field_spec(path)
        self.label = label or spec.label
        for key, text in (choices if choices is not None else spec.choices or {}).items():
            self.addItem(text, key)
        self.setObjectName(path)
        describe(self, self.label, self.label)
        self._updating = False
        self.currentIndexChanged.connect(self._on_index)
        self.follower = Follower(self.refresh, self.isVisible)  # follows the plan while shown
        document.changed.connect(self.follower.follow)
        self.refresh()

    def refresh(self) -> None:
        index = self.findData(self.document.value(self.path))
        if index != QComboBox.currentIndex(self):
            self._updating = True
            self.setCurrentIndex(index)
            self._updating = False

    # what is read is the plan's choice, even on a step not shown (``ui.widgets.follow``)
    def currentIndex(self) -> int:  # type: ignore[override]
        self.catch_up()
        return super().currentIndex()

    def currentText(self) -> str:  # type: ignore[override]
        self.catch_up()
        return super().currentText()

    def currentData(self, role: int = Qt.ItemDataRole.UserRole) -> Any:  # type: ignore[override]
        self.catch_up()
        return super().currentData(role)

    def _on_index(self, index: int) -> None:
        if not self._updating and index >= 0:
            self.document.set_value(self.path, self.itemData(index), f"Change {self.label}")


class BoundTextArea(QPlainTextEdit):
    """Free text over several lines (the diagnosis notes).

    A key press costs the same in a note of ten characters or of a million: the text is held
    by the document (``PlanDocument.hold``) and read once, when typing pauses
    (``COMMIT_MS``), when the field loses focus, before Undo, or when anyone reads the plan.
    The commits of one stretch of typing merge into one undo step.
    """

    COMMIT_MS = 400

    def __init__(self, document: PlanDocument, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        self.setObjectName(path)
        label = values.field_spec(path).label
        describe(self, label, label)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # the plan's history is the only one (no second copy of the text)
        self._label = label
        self._updating = False
        self._shown: str | None = None  # the value last shown or committed (compared by identity first)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.COMMIT_MS)
        self.timer.timeout.connect(self.commit)
        self.textChanged.connect(self._on_text)
        document.changed.connect(self.refresh)
        document.text_changed.connect(self._on_text_edit)
        self.refresh()

    def event(self, event: QEvent) -> bool:
        if is_history_key(event):
            self.commit()  # what was typed is the step Undo takes back
            event.ignore()  # the plan's Undo/Redo, as in every other field
            return False
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

    def _on_text_edit(self, path: str) -> None:
        if path == self.path:
            self.refresh()

    def refresh(self) -> None:
        value = self.document.value(self.path)
        if self._updating or value == self._shown:  # the same object: no comparison of the text
            return
        self.timer.stop()
        self.document.drop_held(self.path)  # the plan changed under the typing (undo, open)
        self._updating = True
        try:
            self.setPlainText(value)
        finally:
            self._updating = False
        self._shown = value

    def _on_text(self) -> None:
        if not self._updating:
            self.document.hold(self.path, self._read, f"Change {self._label}")
            self.timer.start()

    def _read(self) -> str:
        self.timer.stop()
        self._shown = self.toPlainText()
        return self._shown

    def commit(self) -> None:
        """Store the typed text in the plan now (one undo step with the rest of this typing)."""
        self.timer.stop()
        self._updating = True
        try:
            self.document.commit_held(self.path)
        finally:
            self._updating = False


class BoundChoices(QGroupBox):
    """A set of vocabulary keys as check boxes (the marketing activities)."""

    def __init__(
        self,
        document: PlanDocument,
        path: str,
        groups: dict[str, dict[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        self.setObjectName(path)
        spec = values.field_spec(path)
        describe(self, spec.label, spec.label)
        self.order = list(spec.choices or {})
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(24)
        for column, (title, choices) in enumerate(groups.items()):
            heading = QLabel(title)
            heading.setProperty("role", "subheading")
            grid.addWidget(heading, 0, column)
            for row, (key, text) in enumerate(choices.items(), start=1):
                box = QCheckBox(text)
                box.setObjectName(f"{path}.{key}")
                describe(box, text, f"{title}: {text}")
                box.toggled.connect(self._on_toggled)
                grid.addWidget(box, row, column)
                self.boxes[key] = box
        grid.setRowStretch(grid.rowCount(), 1)
        self._updating = False
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        chosen = set(self.document.value(self.path))
        self._updating = True
        for key, box in self.boxes.items():
            box.setChecked(key in chosen)
        self._updating = False

    def _on_toggled(self) -> None:
        if self._updating:
            return
        chosen = tuple(k for k in self.order if k in self.boxes and self.boxes[k].isChecked())
        kept = tuple(k for k in self.document.value(self.path) if k not in self.boxes)
        self.document.set_value(self.path, chosen + kept, "Change marketing activities", merge=False)
