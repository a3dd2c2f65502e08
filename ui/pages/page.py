"""What every step's page shares: a title, a short explanation and rows of labelled inputs."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.plan.edits import is_result_text
from ui import values
from ui.document import PlanDocument
from ui.startup import set_enum
from ui.widgets.fields import BoundLineEdit, CurrencyLabel
from ui.widgets.follow import Follower


def follow_figures(document: PlanDocument, follower: Follower) -> None:
    """``follower`` follows the figures, and the names they show (a chart's legend); never other
    text (typing a note redraws nothing)."""
    document.changed.connect(follower.follow)
    document.text_changed.connect(lambda path: follower.follow() if is_result_text(path) else None)


class Page(QScrollArea):
    """One step of the walk-through; scrolls when the window is small."""

    title = ""
    intro = ""
    key = ""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName(f"step.{self.key}")
        self.setAccessibleName(self.title)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # the page's width never changes as its content grows past the window's height (a note
        # shown, a table's rows): its tables keep their columns and rows while the person works
        set_enum(self, "verticalScrollBarPolicy", "ScrollBarAlwaysOn")  # (by name: see ui.startup)
        body = QWidget()
        body.setProperty("role", "page")
        self.setWidget(body)
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(24, 20, 24, 28)
        self.body.setSpacing(16)
        heading = QLabel(self.title)
        heading.setProperty("role", "page-title")
        self.body.addWidget(heading)
        if self.intro:
            intro = QLabel(self.intro)
            intro.setProperty("role", "intro")
            intro.setWordWrap(True)
            self.body.addWidget(intro)
        # the page's own redraw (``redraw``) follows the plan while the page is shown
        self.follower = Follower(self.redraw, self.isVisible)
        self.watched: list[Follower] = []  # parts caught up when scrolled into view (``watch``)

    def watch(self, follower: Follower) -> None:
        """``follower`` catches up when the page is shown, scrolled or resized (charts' slots
        watch their scroll area themselves)."""
        if follower not in self.watched:
            self.watched.append(follower)

    def reveal(self) -> None:
        """What was left behind while out of view, now scrolled (or resized, or shown) into view."""
        for follower in self.watched:
            follower.catch_up()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.reveal()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.reveal()

    def section(self, title: str, text: str = "") -> QLabel:
        heading = QLabel(title)
        heading.setProperty("role", "section")
        self.body.addWidget(heading)
        if text:
            note = QLabel(text)
            note.setProperty("role", "intro")
            note.setWordWrap(True)
            self.body.addWidget(note)
        return heading

    def finish(self) -> None:
        self.body.addStretch(1)

    def setVisible(self, visible: bool) -> None:
        if visible:  # what changed while another step was shown reaches the views before they are
            self.document.catch_up()  # shown, and so before they are painted (``ui.widgets.follow``)
        super().setVisible(visible)

    # what a page redraws itself follows the plan while it is shown, and catches up when shown
    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.follower.read()
        self.reveal()

    def redraw(self) -> None:
        """Redraw what is expensive (charts); pages that have some override it."""


class FieldGrid(QGridLayout):
    """Rows of label | [currency] input [unit] | hint, with the field's message under it."""

    def __init__(self, document: PlanDocument) -> None:
        super().__init__()
        self.document = document
        self.setHorizontalSpacing(12)
        self.setVerticalSpacing(6)
        self.setColumnStretch(2, 1)
        self.fields: dict[str, BoundLineEdit] = {}
        self.hints: dict[str, QLabel] = {}  # the hint beside each field that has one
        self.rows: dict[str, int] = {}

    def add(self, path: str, *, label: str | None = None, hint: str | None = None,
            width: int = 160) -> BoundLineEdit:  # fmt: skip
        field = BoundLineEdit(self.document, path, hint=hint)
        spec = field.spec
        row = self.rowCount()
        name = QLabel(label or spec.label)
        name.setProperty("role", "field-label")
        name.setBuddy(field)
        name.setWordWrap(True)
        name.setMinimumWidth(180)
        set_enum(name, "alignment", "AlignLeft|AlignTop")
        field.setMinimumWidth(width)
        field.setMaximumWidth(max(width, 420) if spec.kind == "text" else width + 40)
        editor = QHBoxLayout()
        editor.setSpacing(6)
        if spec.kind == "money":
            editor.addWidget(CurrencyLabel(self.document))
        editor.addWidget(field)
        unit = values.unit_of(spec)
        if unit:
            unit_label = QLabel(unit)
            unit_label.setProperty("role", "unit")
            editor.addWidget(unit_label)
        editor.addStretch(1)
        column = QVBoxLayout()  # keeps the input at the top of a row made tall by its hint
        column.addLayout(editor)
        column.addStretch(1)
        self.addWidget(name, row, 0)
        self.addLayout(column, row, 1)
        self.rows[path] = row
        shown_hint = values.hint(path) if hint is None else hint
        if shown_hint:
            self.hint_label(path).setText(shown_hint)
            self.hints[path].setToolTip(values.hint_source(path) or shown_hint)  # the full citation
        self.addWidget(field.message_label, row + 1, 1, 1, 2)
        self.fields[path] = field
        return field

    def hint_label(self, path: str) -> QLabel:
        """The hint beside the field at ``path`` (made empty if it has none yet: a range shown later)."""
        if path not in self.hints:
            label = QLabel()
            label.setObjectName(f"{path}.hint")
            label.setProperty("role", "hint")
            label.setWordWrap(True)
            set_enum(label, "alignment", "AlignLeft|AlignTop")
            self.addWidget(label, self.rows[path], 2)
            self.hints[path] = label
        return self.hints[path]
