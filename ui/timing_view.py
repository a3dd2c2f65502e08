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
from PySide6.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget

from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.quarters_model import QuartersModel
from ui.models.running_totals_model import RunningTotalsModel
from ui.widgets.table_fit import TableFit


class TimingView(QWidget):
    def __init__(self, document: PlanDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.timing")
        self.model = QuartersModel(document, self.isVisible)
        self.table = read_only_table(self.model, f"{key}.quarters", "The plan by quarter")
        self.table_fit = TableFit(self.table, (), fill=None, fitted=self.fit_height)
        self.chart = ChartSlot(
            "ui.charts.cumulative", "CumulativeChart", lambda c: c.show_result(document.result),
            kwargs={"name": f"chart.{key}_cumulative"}, height=320,
        )  # fmt: skip
        document.changed.connect(self.chart.follower.follow)
        self.months_model = RunningTotalsModel(document, self.isVisible)
        self.months = read_only_table(self.months_model, f"{key}.running_totals", "Month by month, added up")
        self.months.setMaximumWidth(620)
        self.months_fit = TableFit(self.months, (), fill=None, fitted=self.fit_height)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.table)
        layout.addWidget(self.chart)
        layout.addWidget(self.months)
        self.fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        self.model.follower.read()  # the tables follow the plan only while shown (``ui.widgets.follow``)
        self.months_model.follower.read()
        super().showEvent(event)
        self.fit_height()  # the rows' height is known once the style applies

    def fit_height(self) -> None:
        """Every quarter in view without a scroll bar (a 5-year plan has 20)."""
        for table, most in ((self.table, 20), (self.months, 12)):  # a longer plan's months scroll
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
