"""File → Compare with…: "Since the last review", what changed since an older version of the plan
and how much each change moved this year's gap.

The open plan is the newer version; the file picked is the older one, read once and kept. The
dialog is not modal: it follows the open plan, so an edit made while it is open is compared at
once (on the next turn of the event loop, a burst of edits once). It shows the engine's sentence
(``planner.compare.words.sentence``), the attribution as sorted bars, the plan's answers before
and now, and every input that changed. A file that cannot be compared (damaged, foreign, of a
newer version, not a valid plan, in another currency or over other months) is refused with a
message box and nothing changes; when the open plan itself cannot be compared the dialog says why.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.compare.comparison import CompareError, Comparison, comparable, compare
from planner.compare.words import sentence, since
from planner.plan.checks import Problem
from planner.plan.edits import is_result_text
from planner.plan.model import Plan
from planner.plan.plan_file import PlanFileError, read_plan
from planner.plan.validation import validate
from ui import files
from ui.charts.attribution import AttributionChart
from ui.document import PlanDocument
from ui.models.comparison_model import AnswersModel, ChangesModel
from ui.widgets.follow import Follower
from ui.widgets.table_fit import TableFit

NOT_COMPARED = "The plans were not compared"
TITLE = "Since the last review"


def problems_text(intro: str, problems: list[Problem]) -> str:
    """The first ten problems in words, one a line (what a person reads: not the plan's paths)."""
    listed = "\n".join(f"• {problem.message}" for problem in problems[:10])
    more = f"\n… and {len(problems) - 10} more" if len(problems) > 10 else ""
    return f"{intro}\n{listed}{more}"


def open_plan_problem(plan: Plan) -> str:
    """Why the open plan cannot be compared ("" when it can)."""
    problems = validate(plan)
    if problems:
        return problems_text("The open plan has problems to fix before it can be compared:", problems)
    return ""


class CompareDialog(QDialog):
    """The open plan (newer) against ``older``, read from ``path``; kept up to date with every edit."""

    def __init__(self, document: PlanDocument, older: Plan, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.older = document, older
        self.name = Path(path).name
        try:
            modified: float | None = os.stat(path).st_mtime
        except OSError:
            modified = None
        self.since = since(self.name, modified)
        self.comparison: Comparison | None = None
        self.setObjectName("compare")
        self.setWindowTitle(f"{TITLE} — {self.name}")
        self.setModal(False)
        self.resize(1220, 700)

        layout = QVBoxLayout(self)
        about = QLabel(f"The open plan compared with the older version “{self.name}”" +
                       (f" ({self.since})." if self.since else "."))  # fmt: skip
        about.setObjectName("compare.about")
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        about.setProperty("role", "hint")
        layout.addWidget(about)
        self.sentence = QLabel()
        self.sentence.setObjectName("compare.sentence")
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)  # the plan's names are text, never markup
        self.sentence.setWordWrap(True)
        self.sentence.setProperty("role", "verdict")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.sentence)

        # the chart on the left; the answers, then the inputs that changed, on the right
        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self.chart = AttributionChart()
        self.chart_column = QWidget()
        column = QVBoxLayout(self.chart_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.chart.title_label)
        column.addWidget(self.chart, 1)
        assert self.chart.legend_label is not None
        column.addWidget(self.chart.legend_label)
        body.addWidget(self.chart_column, 11)
        tables = QVBoxLayout()
        self.answers_model = AnswersModel(self)
        self.answers = self._table(self.answers_model, "compare.answers", "The plan's answers, before and now")
        self.answers_fit = TableFit(self.answers, (0,), fill=0, fitted=self._fit_answers)
        tables.addWidget(self.answers)
        self.changes_title = QLabel("The inputs that changed")
        self.changes_title.setProperty("role", "subheading")
        tables.addWidget(self.changes_title)
        self.changes_model = ChangesModel(self)
        self.changes = self._table(self.changes_model, "compare.changes", "The inputs that changed, before and now")
        self.changes_fit = TableFit(self.changes, (0, 1, 2), fill=0)
        tables.addWidget(self.changes, 1)
        body.addLayout(tables, 9)
        layout.addWidget(self.body, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.follower = Follower(self.refresh, self.isVisible, later=True, owner=self)
        document.changed.connect(self._plan_changed)  # (bound methods: disconnected when the dialog goes)
        document.text_changed.connect(self._text_changed)
        self.refresh()

    def _table(self, model: AnswersModel | ChangesModel, name: str, title: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setAccessibleName(title)
        view.setModel(model)
        view.verticalHeader().hide()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        return view

    def _fit_answers(self) -> None:
        """The answers' table as tall as its rows: the inputs that changed take the room left."""
        view = self.answers
        rows = sum(view.rowHeight(r) for r in range(self.answers_model.rowCount()))
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + rows + 2 * view.frameWidth() + 2)

    # --- following the open plan -------------------------------------------------------
    def _plan_changed(self) -> None:
        self.follower.follow()

    def _text_changed(self, path: str) -> None:
        if is_result_text(path):  # a renamed resource or channel: the rows name it
            self.follower.follow()

    def showEvent(self, event: object) -> None:
        self.follower.read()
        super().showEvent(event)  # type: ignore[arg-type]

    def refresh(self) -> None:
        """Compare the kept older version with the open plan as it is now."""
        plan = self.document.plan
        problem = open_plan_problem(plan)
        comparison: Comparison | None = None
        if not problem:
            try:
                comparison = compare(self.older, plan)
            except CompareError as error:
                problem = str(error)
            except Exception as error:  # a comparison must never take the app down
                problem = f"The plans could not be compared: {error}"
        self.comparison = comparison
        self.sentence.setText(problem or sentence(comparison, self.since))  # type: ignore[arg-type]
        changed = comparison is not None and comparison.changed
        self.body.setVisible(comparison is not None)
        self.chart_column.setVisible(changed)
        self.changes_title.setVisible(changed)
        self.changes.setVisible(changed)
        self.chart.show_comparison(comparison)
        self.answers_model.show(comparison)
        self.changes_model.show(comparison)

    def export_older(self) -> tuple[Plan, str] | None:
        """The older version and when it was made, for an export of the open plan (None while the
        dialog shows no comparison): the export compares again, with the plan it writes."""
        return (self.older, self.since) if self.comparison is not None else None


def compare_with_file(parent: QWidget, document: PlanDocument, path: str | None = None) -> CompareDialog | None:
    """Ask for the older version's file and open the comparison beside the window; a file that
    cannot be compared with the open plan is explained in a message box and nothing opens."""
    if not path:
        folder = str(document.path.parent) if document.path else ""
        path = QFileDialog.getOpenFileName(parent, "Compare with an older version of the plan", folder,
                                           files.PLAN_FILTER)[0]  # fmt: skip
        if not path:
            return None
    try:
        loaded = read_plan(path)
        if loaded.problems:
            raise PlanFileError(problems_text(f"“{Path(path).name}” is not a valid plan:", loaded.problems))
        problem = open_plan_problem(document.plan)
        if problem:
            raise CompareError(problem)
        comparable(loaded.plan, document.plan)
    except (PlanFileError, CompareError) as error:
        files.show_error(parent, NOT_COMPARED, str(error))
        return None
    dialog = CompareDialog(document, loaded.plan, path, parent)
    dialog.show()
    return dialog
