"""A step not shown is told nothing of an edit: it catches up as it is shown, or when read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QLineEdit, QTableView

from planner.plan.sample import sample_plan
from ui.document import PlanDocument
from ui.main_window import MainWindow
from ui.step_pages import PAGES, StepPages
from ui.widgets.step_document import StepDocument

TARGETS, LABOR = 2, 3


def headcount_column(model: Any) -> int:
    return [column.field for column in model.columns].index("headcount")


class FirstPaint(QObject):
    """What a table's first row said when its view was first painted."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table, self.names = table, []
        table.viewport().installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.names.append(self.table.model().index(0, 0).data())
        return False


def visit_every_step(window: MainWindow) -> None:
    for step in range(len(PAGES)):
        window.go_to_step(step)


def test_once_every_step_was_visited_an_edit_reaches_only_the_step_shown(window: MainWindow) -> None:
    visit_every_step(window)
    window.go_to_step(TARGETS)
    steps = [window.stack.page(step).document for step in range(len(PAGES))]
    assert all(isinstance(step, StepDocument) for step in steps)
    told = [QSignalSpy(step.changed) for step in steps]
    window.document.set_value("targets.win_rate", 0.5, merge=False)
    assert [spy.count() for spy in told] == [1 if step == TARGETS else 0 for step in range(len(PAGES))]


def test_a_step_shown_again_shows_the_edits_made_while_it_was_hidden_before_it_is_painted(
    window: MainWindow, qtbot: Any
) -> None:
    window.go_to_step(LABOR)
    table = window.findChild(QTableView, "labor")
    window.go_to_step(TARGETS)
    window.document.set_value("labor[0].headcount", 5, merge=False)
    window.document.set_value("labor[0].name", "Closers")  # (a name: text, no new figures)
    painted = FirstPaint(table)
    window.go_to_step(LABOR)
    qtbot.waitUntil(lambda: bool(painted.names))
    assert painted.names[0] == "Closers"  # the first paint shows the plan as it is
    model = table.model()
    assert window.document.plan.labor[0].headcount == 5
    assert model.index(0, headcount_column(model)).data() == "5"


def test_names_typed_while_a_step_is_hidden_reach_it_once_each_in_order(window: MainWindow) -> None:
    window.go_to_step(LABOR)
    step = window.stack.page(LABOR).document
    window.go_to_step(TARGETS)
    texts = QSignalSpy(step.text_changed)
    for name in ("C", "Cl", "Closers"):
        window.document.set_value("labor[0].name", name)
    window.document.set_value("channels[0].name", "Phone")
    assert texts.count() == 0
    window.go_to_step(LABOR)
    assert [texts.at(i)[0] for i in range(texts.count())] == ["labor[0].name", "channels[0].name"]


def test_an_input_of_a_hidden_step_read_by_a_script_gives_the_plans_value(window: MainWindow) -> None:
    win_rate = window.findChild(QLineEdit, "targets.win_rate")
    window.go_to_step(0)
    window.document.set_value("targets.win_rate", 0.4, merge=False)
    assert not win_rate.isVisible()
    assert win_rate.text() == "40"


def test_a_page_looked_up_by_a_script_is_up_to_date(window: MainWindow) -> None:
    page = window.page(LABOR)
    window.go_to_step(0)
    window.document.set_value("labor[0].headcount", 7, merge=False)
    model = window.page(LABOR).model
    assert page.isHidden() and model.index(0, headcount_column(model)).data() == "7"


def test_a_step_shown_by_its_stack_alone_catches_up_before_any_of_it_is_shown(qtbot: Any) -> None:
    document = PlanDocument(sample_plan())
    stack = StepPages(document, lambda _index, _page: None)
    qtbot.addWidget(stack)
    stack.resize(1200, 700)
    stack.show()
    qtbot.waitExposed(stack)
    page = stack.page(LABOR)
    table = page.findChild(QTableView, "labor")
    stack.setCurrentIndex(TARGETS)
    document.set_value("labor[0].name", "Closers")
    told_while_shown: list[bool] = []
    page.document.text_changed.connect(lambda _path: told_while_shown.append(page.isVisible()))
    painted = FirstPaint(table)
    stack.setCurrentIndex(LABOR)
    qtbot.waitUntil(lambda: bool(painted.names))
    assert told_while_shown == [False]  # (no view of it drawn, or about to be, with what it missed)
    assert painted.names[0] == "Closers"
