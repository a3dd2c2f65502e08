"""The plan in time, on the Targets and Channels steps: its quarters and the running totals.

A table of plan quarters (needed, supplied, the quarter's gap, how far behind at its end, cost)
and a chart of needed against supplied added up from the first month, with the months behind
shaded. Both show the engine's figures; the object names carry the step's key
(``targets.quarters``, ``chart.channels_cumulative``) so each step's copy can be found.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.quarters_model import QuartersModel


class TimingView(QWidget):
    def __init__(self, document: PlanDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{key}.timing")
        self.model = QuartersModel(document)
        self.table = QTableView()
        self.table.setObjectName(f"{key}.quarters")
        self.table.setAccessibleName("The plan by quarter")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(80)
        self.model.modelReset.connect(self.fit_height)
        self.chart = ChartSlot(
            "ui.charts.cumulative", "CumulativeChart", lambda c: c.show_result(document.result),
            kwargs={"name": f"chart.{key}_cumulative"}, height=320,
        )  # fmt: skip
        document.changed.connect(self.chart.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.table)
        layout.addWidget(self.chart)
        self.fit_height()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_height()  # the rows' height is known once the style applies

    def fit_height(self) -> None:
        """Every quarter in view without a scroll bar (a 5-year plan has 20)."""
        self.table.resizeRowsToContents()
        rows = self.table.verticalHeader().length() or self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth() + 2)
