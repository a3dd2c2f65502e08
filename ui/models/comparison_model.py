"""The two tables of File → Compare with…: the inputs that changed (before and after), and the
plan's answers before and after. Read-only; the dialog hands them each new comparison (``show``).

The values are written as the sentence writes them (``planner.compare.words.value_text``): a win
rate as 25%, a month as its calendar month, a schedule as its total.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.compare.changes import Change, Driver
from planner.compare.comparison import Answers, Comparison
from planner.compare.words import value_text
from planner.numbers import formatting as fmt
from planner.numbers.status import word
from planner.plan.model import Actual, Channel, LaborResource, Targets
from planner.plan.serialize import specs

Index = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
RECORDS: dict[str, type] = {"target": Targets, "labor": LaborResource, "channel": Channel}
ROW_KINDS = {"labor": "a resource", "channel": "a channel"}
ACTUAL_FIGURES = ("sales_ready_leads", "opportunities", "wins", "revenue", "cost")


def field_label(kind: str, field: str) -> str:
    """An input's name as its field is labelled ("Head count"; "Activity calculator")."""
    record = RECORDS.get(kind)
    spec = dict(specs(record)).get(field) if record is not None else None
    return spec.label if spec is not None else field.replace("_", " ").capitalize()


def actual_text(actual: dict[str, Any] | None, currency: str) -> str:
    """A month's actuals in words: "29 sales-ready leads, 4 wins, $120,000 revenue" ("none")."""
    if not actual:
        return "none"
    labels = dict(specs(Actual))
    said = []
    for name in ACTUAL_FIGURES:
        value = actual.get(name)
        if value is None:
            continue
        shown = fmt.money(value, currency) if labels[name].kind == "money" else fmt.count(value)
        said.append(f"{shown} {labels[name].label.removeprefix('Actual ').lower()}")
    return ", ".join(said) or "none"


def change_row(driver: Driver, change: Change, comparison: Comparison) -> tuple[str, str, str]:
    """One changed input as the table shows it: what, before, after."""
    if driver.kind == "actuals":
        month = int(change.path.split(".")[1])
        labels = comparison.month_labels
        when = labels[month - 1] if 0 < month <= len(labels) else f"month {month}"
        return (
            f"Actuals, {when}",
            actual_text(change.before, comparison.currency),
            actual_text(change.after, comparison.currency),
        )
    if not change.field:  # a whole row added or removed
        what = f"{driver.label} ({ROW_KINDS.get(driver.kind, driver.kind)})"
        return (what, "not in the plan", "added") if change.before is None else (what, "in the plan", "removed")
    what = driver.label if driver.kind == "target" else f"{driver.label}: {field_label(driver.kind, change.field)}"
    before = value_text(driver.kind, change.field, change.before, comparison)
    after = value_text(driver.kind, change.field, change.after, comparison)
    return what, before, after


class TextTableModel(QAbstractTableModel):
    """A read-only table of text, filled anew by ``show``."""

    headers: tuple[str, ...] = ()
    right_from = 99  # the first column of figures (aligned right)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cells: list[tuple[str, ...]] = []

    def fill(self, cells: list[tuple[str, ...]]) -> None:
        if cells != self.cells:
            self.beginResetModel()
            self.cells = cells
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def display_text(self, row: int, column: int) -> str:
        return self.cells[row][column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self.right_from:
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ChangesModel(TextTableModel):
    """Every input that changed, in the plan's order: targets, labor, channels, actuals."""

    headers = ("Input", "Before", "Now")

    def show(self, comparison: Comparison | None) -> None:
        rows = [] if comparison is None else [
            change_row(driver, change, comparison) for driver in comparison.drivers for change in driver.changes
        ]  # fmt: skip
        self.fill(rows)


def money_gap(value: float, currency: str) -> str:
    """A revenue gap: "$1,194,000", or "$50,000 surplus" when the plan brings more than the goal."""
    return f"{fmt.money(-value, currency)} surplus" if value < -0.5 else fmt.money(max(value, 0.0), currency)


def reps(value: int | None) -> str:
    return "none closes it" if value is None else f"{value:,}"


ANSWERS: tuple[tuple[str, Callable[[Answers, str], str]], ...] = (
    ("Status", lambda a, _c: word(a.status)),
    ("This year's gap (sales-ready leads)", lambda a, _c: fmt.gap(a.year_gap)),
    ("Revenue gap", lambda a, c: money_gap(a.revenue_gap, c)),
    ("Total cost", lambda a, c: fmt.money(a.cost, c)),
    ("Cost per sales-ready lead", lambda a, c: fmt.money(a.cost_per_sales_ready_lead, c)),
    ("Inside reps to close the gap", lambda a, _c: reps(a.inside_reps_to_close_gap)),
    ("Latest start month", lambda a, _c: a.latest_start_label or "none"),
)


class AnswersModel(TextTableModel):
    """The plan's answers in the older version and in the open plan, side by side."""

    headers = ("Answer", "Before", "Now")
    right_from = 1

    def show(self, comparison: Comparison | None) -> None:
        if comparison is None:
            self.fill([])
            return
        c = comparison.currency
        self.fill([(label, said(comparison.before, c), said(comparison.after, c)) for label, said in ANSWERS])
