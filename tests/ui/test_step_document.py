"""A step not shown does no work on an edit: it catches up as it is shown, or when read.

"No work" is seen as a view sees it: the tables of a hidden step are not told of a change (their
models emit nothing a view would repaint from) until the step is shown, and then before it is painted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QWidget

from planner.plan.sample import sample_plan
from tests.ui.helpers import run_what_is_due
from ui.document import PlanDocument
from ui.main_window import MainWindow
from ui.step_pages import PAGES, StepPages

TARGETS, LABOR, REVIEW = 2, 3, 6


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


def repaints(page: QWidget) -> list[QSignalSpy]:
    """Spies on what tells the views of ``page``'s tables to repaint: a model's changed cells, its
    reset, its new layout."""
    models = {id(view.model()): view.model() for view in page.findChildren(QTableView) if view.model() is not None}
    return [
        QSignalSpy(signal)
        for model in models.values()
        for signal in (model.dataChanged, model.modelReset, model.layoutChanged)
    ]


def test_once_every_step_was_visited_an_edit_reaches_only_the_step_shown(window: MainWindow, qtbot: Any) -> None:
    visit_every_step(window)
    window.go_to_step(TARGETS)
    pages = [window.stack.widget(step) for step in range(len(PAGES))]
    spies = [repaints(page) for page in pages]
    with_tables = [step for step in range(len(PAGES)) if spies[step]]
    assert TARGETS in with_tables and len(with_tables) >= 5  # (the steps whose work can be seen in a table)
    needed = window.findChild(QLabel, "review.needed")  # the Review step's figures at a glance
    before = needed.text()
    window.document.set_value("targets.win_rate", 0.5, merge=False)  # 400 sales-ready leads needed become 200
    run_what_is_due(qtbot)
    told = [sum(spy.count() for spy in spies[step]) > 0 for step in with_tables]
    assert told == [step == TARGETS for step in with_tables]
    assert needed.text() == before == "400"  # not worked out while its step is hidden
    window.go_to_step(REVIEW)
    assert needed.text() == "200"  # ... and before the step is seen


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


def test_a_name_typed_while_its_step_is_hidden_reaches_its_cell_once_not_once_a_key(
    window: MainWindow, qtbot: Any
) -> None:
    window.go_to_step(LABOR)
    table = window.findChild(QTableView, "labor")
    model = table.model()
    window.go_to_step(TARGETS)
    changed = QSignalSpy(model.dataChanged)
    for name in ("C", "Cl", "Closers"):
        window.document.set_value("labor[0].name", name)
    run_what_is_due(qtbot)
    assert changed.count() == 0  # hidden: nothing repainted
    window.go_to_step(LABOR)
    assert model.index(0, 0).data() == "Closers"
    name_cell = [i for i in range(changed.count()) if changed.at(i)[0].row() <= 0 <= changed.at(i)[1].row()
                 and changed.at(i)[0].column() <= 0 <= changed.at(i)[1].column()]  # fmt: skip
    assert len(name_cell) == 1  # the name as it is now, once


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
    table.model().dataChanged.connect(lambda *_args: told_while_shown.append(table.isVisible()))
    painted = FirstPaint(table)
    stack.setCurrentIndex(LABOR)
    qtbot.waitUntil(lambda: bool(painted.names))
    assert True not in told_while_shown  # (no view of it drawn, or about to be, with what it missed)
    assert painted.names[0] == "Closers"
