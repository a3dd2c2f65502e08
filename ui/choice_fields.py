"""Inputs of the later steps bound to one field of the plan, named by its path: a choice
from a list (combo box), a set of choices (check boxes) and free text over several lines.

Apart from ``ui.fields`` (the line inputs of the first screen) so that start-up does not
load Qt's combo box, group box and text editor classes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QWidget

from ui import values
from ui.document import PlanDocument
from ui.fields import describe, is_history_key


class BoundCombo(QComboBox):
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
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        index = self.findData(self.document.value(self.path))
        if index != self.currentIndex():
            self._updating = True
            self.setCurrentIndex(index)
            self._updating = False

    def _on_index(self, index: int) -> None:
        if not self._updating and index >= 0:
            self.document.set_value(self.path, self.itemData(index), f"Change {self.label}")


class BoundTextArea(QPlainTextEdit):
    """Free text over several lines (the diagnosis notes)."""

    def __init__(self, document: PlanDocument, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.path = path
        self.setObjectName(path)
        label = values.field_spec(path).label
        describe(self, label, label)
        self.setTabChangesFocus(True)
        self._label = label
        self._updating = False
        self.textChanged.connect(self._on_text)
        document.changed.connect(self.refresh)
        self.refresh()

    def event(self, event: QEvent) -> bool:
        if is_history_key(event):
            event.ignore()  # the plan's Undo/Redo, as in every other field
            return False
        return super().event(event)

    def refresh(self) -> None:
        value = self.document.value(self.path)
        if not self._updating and self.toPlainText() != value:
            self._updating = True
            self.setPlainText(value)
            self._updating = False

    def _on_text(self) -> None:
        if not self._updating:
            self._updating = True
            self.document.set_value(self.path, self.toPlainText(), f"Change {self._label}")
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
