"""Step 8, Track: what really happened each month against the plan, and where the year ends at this pace.

The grid takes typed figures, a block pasted from a spreadsheet (Ctrl+V) and Delete to clear;
every change is one undo step of ``plan.actuals`` and is autosaved like any other edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from planner import formatting as fmt
from planner import health
from planner.results import PlanResult
from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.actuals_model import ACTUAL_COLUMNS, ActualsModel
from ui.pages.page import Page

ROW_HEIGHT = 34


class ActualsTable(QTableView):
    """The grid: spreadsheet keys for a block of cells (paste, copy, delete)."""

    def __init__(self, model: ActualsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actuals = model
        self.setModel(model)
        self.setObjectName("actuals")
        self.setAccessibleName("Actuals by month")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(64)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        model.modelReset.connect(self.fit_height)
        self.setCurrentIndex(model.index(0, ACTUAL_COLUMNS[0]))
        self.fit_height()

    def fit_height(self) -> None:
        """Every month in view: the page scrolls, not the grid."""
        rows = self.model().rowCount()
        scroll = self.horizontalScrollBar().sizeHint().height()
        two_lines = 2 * self.horizontalHeader().fontMetrics().lineSpacing() + 14
        header = max(self.horizontalHeader().sizeHint().height(), two_lines)
        self.setFixedHeight(header + rows * ROW_HEIGHT + scroll + 2 * self.frameWidth() + 2)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height()  # the header's height is known once the style is applied

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.actuals.clear(self.selectedIndexes())
        else:
            super().keyPressEvent(event)

    def paste(self, text: str | None = None) -> bool:
        """Paste ``text`` (the clipboard's by default) from the current cell on."""
        current = self.currentIndex()
        if not current.isValid():
            current = self.model().index(0, ACTUAL_COLUMNS[0])
        if text is None:
            text = QGuiApplication.clipboard().text()
        return self.actuals.paste(current.row(), current.column(), text)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.actuals.copy_text(self.selectedIndexes()))


def standing_text(result: PlanResult) -> str:
    """Where the plan stands on its actuals, in a sentence or two ('' before any)."""
    actual = result.actuals
    if actual is None:
        return "No actuals yet: type each month's figures as the month closes, or paste them from a spreadsheet."
    parts = []
    to_date = health.to_date_line(result)
    if to_date:
        parts.append(
            f"{to_date[0].upper()}{to_date[1:]}. At this pace the year brings "
            f"{fmt.count(actual.forecast_sales_ready_leads)} of the {fmt.count(result.demand.sales_ready_leads)} "
            f"needed ({fmt.percent(actual.forecast_coverage)})."
        )
    if actual.revenue is not None and actual.revenue_vs_goal is not None:
        versus = actual.revenue_vs_goal
        gap = (
            f"{fmt.money(-versus, result.currency)} behind the goal"
            if versus < 0
            else f"{fmt.money(versus, result.currency)} ahead of the goal"
        )
        parts.append(
            f"Revenue to {health.month_label(result, actual.revenue_through_month)}: "
            f"{fmt.money(actual.revenue, result.currency)} against "
            f"{fmt.money(actual.revenue_goal_to_date, result.currency)}, {gap}."
        )
    return " ".join(parts)


class TrackPage(Page):
    title = "Track"
    key = "track"
    intro = (
        "Once the year starts, enter what really happened each month: sales-ready leads, opportunities, "
        "wins, revenue and cost. Beside each figure: the plan's figure for the month and the variance, "
        "red where behind, green where ahead. A month not reported stays empty."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.standing = QLabel()
        self.standing.setObjectName("track.standing")
        self.standing.setProperty("role", "finding-title")
        self.standing.setWordWrap(True)
        self.body.addWidget(self.standing)

        self.model = ActualsModel(document)
        self.table = ActualsTable(self.model)
        self.body.addWidget(self.table)
        tip = QLabel(
            "Type in the actual columns, paste a block copied from a spreadsheet (Ctrl+V: its columns fill the "
            "actual columns from the selected one, left to right), Delete clears. Ctrl+Z undoes."
        )
        tip.setProperty("role", "hint")
        tip.setWordWrap(True)
        self.body.addWidget(tip)
        self.message = QLabel()
        self.message.setObjectName("track.message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.body.addWidget(self.message)
        self.model.problem.connect(self.show_problem)

        self.section("Plan vs actual", "Sales-ready leads added up month by month, and the forecast at this pace.")
        self.chart = ChartSlot("ui.charts.actuals", "ActualsChart", lambda c: c.show_result(document.result),
                               height=380)  # fmt: skip
        self.body.addWidget(self.chart)
        document.changed.connect(self.chart.refresh)
        document.changed.connect(self.refresh)
        self.refresh()
        self.finish()

    def refresh(self) -> None:
        self.standing.setText(standing_text(self.document.result))

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
