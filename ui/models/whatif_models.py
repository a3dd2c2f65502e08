"""Read-only tables of the what-ifs: the scenarios side by side, and the sensitivity of each driver."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult, SensitivityRow
from planner.numbers.scenarios import override_spec
from planner.plan.edits import is_result_text
from ui import values
from ui.document import PlanDocument
from ui.models.rows_model import changed_runs
from ui.widgets.follow import Follower

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

FIGURES: tuple[tuple[str, Callable[[PlanResult], str]], ...] = (
    ("Sales-ready leads needed", lambda r: fmt.count(r.demand.sales_ready_leads)),
    ("Sales-ready leads supplied", lambda r: fmt.count(r.supply.sales_ready_leads)),
    ("Gap", lambda r: fmt.gap(r.gap.sales_ready_leads)),
    ("Coverage", lambda r: fmt.percent(r.gap.coverage)),
    ("Total cost", lambda r: fmt.money(r.supply.cost, r.currency)),
    ("Cost per sales-ready lead", lambda r: fmt.money(r.supply.cost_per_sales_ready_lead, r.currency)),
    ("Return", lambda r: fmt.percent(r.supply.return_on_cost)),
)


class ResultTableModel(QAbstractTableModel):
    """A table rebuilt from the document's result while its table is ``shown()``: right after the
    edit's own repaint (the health panel first), several edits in a row once; else when it is
    caught up (``ui.widgets.follow``)."""

    def __init__(self, document: PlanDocument, shown: Callable[[], bool] = lambda: True) -> None:
        super().__init__(document)
        self.document = document
        self.cells: list[list[str]] = []
        self.headers: list[str] = []
        self.tips: list[list[str]] = []
        self.currency = document.result.currency
        self.follower = Follower(self.refresh, shown, later=True, owner=self)
        if shown():
            self.refresh()
        else:  # built below the fold (a plan of 10,000 channels has 20,000 drivers): when scrolled to
            self.follower.behind = True
        document.changed.connect(self.follower.follow)
        document.text_changed.connect(self._on_text_edit)

    def _on_text_edit(self, path: str) -> None:
        if is_result_text(path):  # a renamed scenario, resource or channel: the headers and labels show it
            self.follower.follow()

    def build(self) -> tuple[list[str], list[list[str]], list[list[str]]]:
        raise NotImplementedError

    def refresh(self) -> None:
        headers, cells, tips = self.build()
        if headers != self.headers or len(cells) != len(self.cells):
            self.beginResetModel()
            self.headers, self.cells, self.tips = headers, cells, tips
            self.endResetModel()
        elif cells != self.cells:
            old, self.cells, self.tips = self.cells, cells, tips
            for row, (before, after) in enumerate(zip(old, cells, strict=True)):
                changed = [column for column, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
                if changed:
                    self.dataChanged.emit(self.index(row, changed[0]), self.index(row, changed[-1]))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and self.tips:
            return self.tips[index.row()][index.column()] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ScenariosModel(ResultTableModel):
    """One row per figure; the base plan and each scenario side by side."""

    def build(self) -> tuple[list[str], list[list[str]], list[list[str]]]:
        result = self.document.result
        columns = [("Base plan", result, "The plan as entered")]
        for scenario in result.scenarios:
            changes = "; ".join(
                f"{name} = {self.override_text(name, value)}" for name, value in scenario.overrides.items()
            )
            columns.append((scenario.name or "Scenario", scenario.result, changes))
        headers = ["", *(name for name, _, _ in columns)]
        cells = [[label, *(show(r) for _, r, _ in columns)] for label, show in FIGURES]
        tips = [["", *(tip for _, _, tip in columns)] for _ in FIGURES]
        return headers, cells, tips

    def override_text(self, name: str, value: float) -> str:
        spec = override_spec(self.document.plan, name)
        return values.show_in_table(spec, value, self.document.plan.basics.currency) if spec else str(value)


def move_tip(row: SensitivityRow, index: int, currency: str) -> str:
    move = row.moves[index]
    return (
        f"{row.label} at {fmt.signed_percent(move.change)}: sales-ready leads needed "
        f"{fmt.count(move.sales_ready_leads_needed)}, coverage {fmt.percent(move.coverage)}, "
        f"cost per sales-ready lead {fmt.money(move.cost_per_sales_ready_lead, currency)}"
    )


class SensitivityModel(ResultTableModel):
    """Each driver moved -20% .. +20%: the coverage the plan would have, biggest impact first.

    A plan of 10,000 channels has 20,000 drivers: a row's text is written when it is shown, and
    an edit marks only the rows whose figures changed."""

    rows: tuple[SensitivityRow, ...] = ()

    def refresh(self) -> None:
        result = self.document.result
        rows = result.sensitivity
        changes = [m.change for m in rows[0].moves] if rows else [-0.2, -0.1, 0.1, 0.2]
        headers = ["Driver", "Now", *(f"Coverage\nat {fmt.signed_percent(c)}" for c in changes)]
        old, currency, self.currency = self.rows, self.currency, result.currency
        if headers != self.headers or len(rows) != len(old) or currency != self.currency:  # ("Now" shows money)
            self.beginResetModel()
            self.headers, self.rows, self.cells = headers, rows, [[] for _ in rows]
            self.endResetModel()
            return
        self.rows = rows
        for first, last in changed_runs(old, rows):
            for row in range(first, last + 1):
                self.cells[row] = []
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(headers) - 1))

    def row_cells(self, row: int) -> list[str]:
        cells = self.cells[row]
        if not cells:
            found = self.rows[row]
            spec = override_spec(self.document.plan, found.driver)
            now = values.show_in_table(spec, found.base_value, self.currency) if spec else fmt.count(found.base_value)
            cells = [found.label, now, *(fmt.percent(m.coverage) for m in found.moves)]
            self.cells[row] = cells
        return cells

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() < 2:
                return None
            return move_tip(self.rows[index.row()], index.column() - 2, self.currency)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.row_cells(index.row())[index.column()]
        return super().data(index, role)
