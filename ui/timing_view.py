"""The plan in time, on the Targets and Channels steps: its quarters and the running totals.

A table of plan quarters (needed, supplied, the quarter's gap, how far behind at its end, cost),
a chart of needed against supplied added up from the first month, with the months behind
shaded, and the same running totals month by month. All show the engine's figures; the object
names carry the step's key (``targets.quarters``, ``chart.channels_cumulative``) so each step's
copy can be found.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.quarters_model import QuartersModel
from ui.models.running_totals_model import RunningTotalsModel

CELL_PADDING = 16  # a cell's margins, its focus frame and the grid line


class TimingView(QWidget):
    def __init__(self, document: PlanDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.timing")
        self.model = QuartersModel(document, self.isVisible)
        self.table = read_only_table(self.model, f"{key}.quarters", "The plan by quarter")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # fitted by fit_quarter_names
        header.setMinimumSectionSize(80)
        self.model.modelReset.connect(self.fit_height)
        self.model.modelReset.connect(self.fit_quarter_names)
        self.model.dataChanged.connect(self.fit_quarter_names)  # (a new start month renames them)
        self.chart = ChartSlot(
            "ui.charts.cumulative", "CumulativeChart", lambda c: c.show_result(document.result),
            kwargs={"name": f"chart.{key}_cumulative"}, height=320,
        )  # fmt: skip
        document.changed.connect(self.chart.refresh)
        self.months_model = RunningTotalsModel(document, self.isVisible)
        self.months = read_only_table(self.months_model, f"{key}.running_totals", "Month by month, added up")
        # columns sized from the longest texts by fit_months, not measured cell by cell on every edit
        self.months.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.months.horizontalHeader().setStretchLastSection(True)
        self.months.setMaximumWidth(620)
        self.months_model.modelReset.connect(self.fit_height)
        self.months_model.modelReset.connect(self.fit_months)
        self.months_model.dataChanged.connect(self.fit_months)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.table)
        layout.addWidget(self.chart)
        layout.addWidget(self.months)
        self.fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        self.model.catch_up()  # the tables follow the plan only while shown
        self.months_model.catch_up()
        super().showEvent(event)
        self.fit_height()  # the rows' height is known once the style applies
        self.fit_months()
        self.fit_quarter_names()

    def fit_quarter_names(self) -> None:
        """The quarters' names whole (their first column), measured once per set of quarters, not per edit."""
        if not self.table.isVisible():
            return
        metrics, model = self.table.fontMetrics(), self.model
        names = [str(model.index(row, 0).data() or "") for row in range(model.rowCount())]
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0) + CELL_PADDING
        width = max(self.table.horizontalHeader().sectionSizeHint(0), widest)
        if self.table.columnWidth(0) != width:
            self.table.setColumnWidth(0, width)

    def fit_months(self) -> None:
        """Each column of the running totals as wide as its header or its longest text (when shown)."""
        if not self.months.isVisible():
            return
        header, metrics = self.months.horizontalHeader(), self.months.fontMetrics()
        for column in range(self.months_model.columnCount()):
            text = metrics.horizontalAdvance(self.months_model.longest_text(column)) + CELL_PADDING
            width = max(header.sectionSizeHint(column), text)
            if self.months.columnWidth(column) != width:
                self.months.setColumnWidth(column, width)

    def fit_height(self) -> None:
        """Every quarter in view without a scroll bar (a 5-year plan has 20)."""
        for table, most in ((self.table, 20), (self.months, 12)):  # a longer plan's months scroll
            table.resizeRowsToContents()
            shown = min(table.model().rowCount(), most)
            rows = sum(table.rowHeight(r) for r in range(shown)) or table.verticalHeader().defaultSectionSize()
            header = table.horizontalHeader().sizeHint().height()
            table.setFixedHeight(header + rows + 2 * table.frameWidth() + 2)


def read_only_table(model: QAbstractItemModel, name: str, title: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(title)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    return table
