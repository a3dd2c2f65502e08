"""Inputs bound to one field of the plan, named by its path (``targets.win_rate``).

Each input commits every valid edit to the document (typing in one field merges into one
undo step), marks an invalid one with a red border and a message that says what is
expected while the plan keeps its last valid value, and follows the document when it
changes (undo, open) without overwriting the text being typed. The combo box, check boxes
and text area of the later steps are in ``ui.widgets.choice_fields``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from planner.numbers import formatting
from planner.plan.model import Spec
from ui import values
from ui.document import PlanDocument
from ui.startup import set_enum
from ui.style import repolish
from ui.widgets.follow import Follower, ShownInput
from ui.widgets.long_text import allow_long_text

if TYPE_CHECKING:
    from PySide6.QtGui import QKeySequence

_UNKNOWN = object()


@functools.cache
def history_keys() -> tuple[QKeySequence, ...]:
    """Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y (made at the first key press: PySide6 takes ~1 ms to build
    the QKeySequence class, which the first paint does without)."""
    from PySide6.QtGui import QKeySequence

    return (QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y"))


def is_history_key(event: QEvent) -> bool:
    """Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, which belong to the plan's undo history, not one field's."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    from PySide6.QtGui import QKeySequence

    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in history_keys())


def describe(widget: QWidget, label: str, tip: str) -> None:
    """Screen readers read the accessible name; the tooltip shows the hint."""
    widget.setAccessibleName(label)
    widget.setToolTip(tip or label)
    widget.setAccessibleDescription(tip)


class BoundLineEdit(ShownInput, QLineEdit):
    """A text, number, rate (typed as a percentage), money or month field of the plan."""

    message_changed = Signal(str)  # "" when the text is valid again

    def __init__(
        self,
        document: PlanDocument,
        path: str,
        *,
        spec: Spec | None = None,
        hint: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.spec = spec or values.field_spec(path)
        self._path = path
        self._hint = values.hint_source(path) if hint is None else hint  # the full citation in the tooltip
        self._updating = False
        allow_long_text(self)  # (a QLineEdit cuts text at 32,767 characters)
        self.message = ""
        self.message_label = QLabel()
        self.message_label.setObjectName(f"{path}.message")
        self.message_label.setProperty("role", "error")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.set_path(path)
        if self.spec.kind in values.NUMBER_KINDS:
            set_enum(self, "alignment", "AlignRight|AlignVCenter")
        self.textChanged.connect(self._on_text)
        self.editingFinished.connect(self._on_finished)
        self.follower = Follower(self.refresh, self.isVisible)  # follows the plan while shown
        document.changed.connect(self.follower.follow)
        document.text_changed.connect(self._on_text_edit)
        self.refresh()

    def text(self) -> str:  # type: ignore[override]
        """The text shown, up to date with the plan even on a step not shown (scripts, tests)."""
        self.catch_up()
        return super().text()

    def _on_text_edit(self, path: str) -> None:
        if path == self._path:  # an edit of text (typing, undo) refreshes only its own field
            self.refresh()

    @property
    def path(self) -> str:
        return self._path

    def set_path(self, path: str) -> None:
        """Bind to another item of a list (the activity calculator follows the selection)."""
        self._path = path
        self._known: Any = _UNKNOWN  # the plan's value the text shows (compared by identity)
        self.setObjectName(path)
        describe(self, self.spec.label, self._tooltip())

    def _tooltip(self) -> str:
        unit = values.unit_of(self.spec)
        what = f"{self.spec.label}" + (f" ({unit})" if unit else "")
        if self.spec.kind in values.RATE_KINDS:
            what += ". Type a percentage: 20 means 20%"
        return "\n".join(filter(None, [what, self._hint]))

    def currency(self) -> str:
        return self.document.plan.basics.currency

    def _current(self) -> Any:
        try:
            return self.document.value(self._path)
        except (KeyError, IndexError, TypeError, AttributeError):
            return None

    def refresh(self) -> None:
        """Show the plan's value, unless the text already means it or is being fixed."""
        if self._updating:
            return
        current = self._current()
        if current is self._known and not self.message:  # the plan kept this field's value: nothing to do
            return
        parsed = values.parse(self.spec, self.text(), self.currency())
        if parsed.ok and parsed.value == current and self.text():
            self._known = current
            return
        if not parsed.ok and self.hasFocus():
            return
        self.show_value(current)

    def show_value(self, value: Any) -> None:
        self._updating = True
        self._known = value
        try:
            self.setText(values.show(self.spec, value))
            if not self.hasFocus():
                self.setCursorPosition(0)  # a long text shows its start
        finally:
            self._updating = False
        self._set_message("")

    def _on_text(self, text: str) -> None:
        if self._updating:
            return
        self._known = _UNKNOWN  # the text is what was typed now
        parsed = values.parse(self.spec, text, self.currency())
        self._set_message(parsed.message or "")
        if parsed.ok and parsed.value != self._current():
            self._updating = True
            try:
                self.commit(parsed.value)
            finally:
                self._updating = False

    def commit(self, value: Any, *, ask: bool = False) -> None:
        """Store a valid value in the plan (one undo step while typing in this field); a value the file
        would refuse (a horizon that leaves actuals out) stays typed, with the reason."""
        refused = self.document.set_value(self._path, value, f"Change {self.spec.label}", ask=ask)
        if refused:
            self._set_message(refused[0].message)

    def _on_finished(self) -> None:
        parsed = values.parse(self.spec, self.text(), self.currency())
        if parsed.ok and self.message and parsed.value != self._current():  # refused while typing: ask now
            self.commit(parsed.value, ask=True)
            if self.message:
                return
        if parsed.ok:
            self.show_value(self._current())

    def event(self, event: QEvent) -> bool:
        if is_history_key(event):
            event.ignore()  # let the window's Undo/Redo have it: one history for the whole plan
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtGui import QKeySequence

        if event.matches(QKeySequence.StandardKey.Cancel) and self.message:
            self.show_value(self._current())  # give up the invalid text: back to the plan's value
            return
        super().keyPressEvent(event)

    def _set_message(self, message: str) -> None:
        if message == self.message:
            return
        self.message = message
        self.setProperty("invalid", bool(message))
        repolish(self)
        self.message_label.setText(message)
        self.message_label.setVisible(bool(message))
        self.setToolTip(message or self._tooltip())
        self.setAccessibleDescription(message or self._hint)
        self.message_changed.emit(message)


class CurrencyLabel(QLabel):
    """The currency symbol in front of a money field, following the plan's currency."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setProperty("role", "unit")
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.setText(formatting.currency_symbol(self.document.plan.basics.currency).strip())
