"""The Track grid: one row per plan month; per stage, the actual (typed), the plan and the variance.

The actual cells edit ``plan.actuals`` through the document: one typed cell, one pasted block
or one cleared selection is one undoable change of the whole list (``with_figures``). An empty
cell is a month not reported (None), never 0. The plan's figure and the variance come from the
engine's months (:mod:`planner.tracking`); the variance is coloured red behind, green ahead.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from planner import formatting as fmt
from planner import tracking
from planner.model import Spec
from planner.results import MonthResult
from ui import values
from ui.document import PlanDocument
from ui.style import ERROR, GOOD, MUTED

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole

ACTUAL, PLAN, VARIANCE = "actual", "plan", "variance"
PARTS = (ACTUAL, PLAN, VARIANCE)
SHORT_NAMES = {
    "sales_ready_leads": "Leads",
    "opportunities": "Opps",
    "wins": "Wins",
    "revenue": "Revenue",
    "cost": "Cost",
}
BEHIND_BACKGROUND, AHEAD_BACKGROUND = "#fbe3e1", "#e0f2e6"
PLAN_BACKGROUND = "#f3f5f8"
MAX_PASTE_CELLS = 60 * 5 * 4  # more than a plan can hold: a pasted document, not a block of figures


class Column(NamedTuple):
    stage: tracking.Stage
    part: str  # ACTUAL, PLAN or VARIANCE


COLUMNS: tuple[Column, ...] = tuple(Column(stage, part) for stage in tracking.STAGES for part in PARTS)
ACTUAL_COLUMNS: tuple[int, ...] = tuple(i for i, c in enumerate(COLUMNS) if c.part == ACTUAL)


def actual_column(figure: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.part == ACTUAL and c.stage.figure == figure)


def signed(value: float, stage: tracking.Stage, currency: str) -> str:
    text = fmt.money(abs(value), currency) if stage.kind == "money" else fmt.count(abs(value))
    if text in ("0", fmt.money(0, currency)):
        return text
    return ("+" if value > 0 else "−") + text


class ActualsModel(QAbstractTableModel):
    problem = Signal(str)  # a refused edit or paste, in plain words ("" when one succeeded)

    def __init__(self, document: PlanDocument) -> None:
        super().__init__(document)
        self.document = document
        self.months: tuple[MonthResult, ...] = document.result.months
        document.changed.connect(self.refresh)

    # --- reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        months = self.document.result.months
        if len(months) != len(self.months):
            self.beginResetModel()
            self.months = months
            self.endResetModel()
            return
        self.months = months
        if months:
            self.dataChanged.emit(self.index(0, 0), self.index(len(months) - 1, len(COLUMNS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(months) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.months)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    @property
    def currency(self) -> str:
        return self.document.plan.basics.currency

    def spec(self, column: int) -> Spec:
        return values.field_spec(f"actuals[0].{COLUMNS[column].stage.figure}")

    def show(self, value: float, stage: tracking.Stage) -> str:
        return fmt.money(value, self.currency) if stage.kind == "money" else fmt.count(value)

    def text(self, month: MonthResult, column: int) -> str:
        stage, part = COLUMNS[column]
        if part == PLAN:
            return self.show(tracking.plan_figure(month, stage), stage)
        if part == ACTUAL:
            actual = tracking.actual_figure(month, stage)
            return "" if actual is None else self.show(actual, stage)
        variance = tracking.variance(month, stage)
        return "" if variance is None else signed(variance, stage, self.currency)

    def standing(self, row: int, column: int) -> str:
        stage = COLUMNS[column].stage
        return tracking.standing(tracking.variance(self.months[row], stage), stage)

    def describe(self, row: int, column: int) -> str:
        """The cell in words, for tool tips and screen readers."""
        month, stage = self.months[row], COLUMNS[column].stage
        plan = self.show(tracking.plan_figure(month, stage), stage)
        actual = tracking.actual_figure(month, stage)
        if actual is None:
            return f"{stage.label}, {month.label}: not reported yet; the plan holds {plan}"
        variance = tracking.variance(month, stage)
        assert variance is not None
        state = self.standing(row, column)
        said = {"behind": "behind the plan", "ahead": "ahead of the plan", "even": "on the plan"}[state]
        return (
            f"{stage.label}, {month.label}: actual {self.show(actual, stage)} against {plan} planned, "
            f"{signed(variance, stage, self.currency)}, {said}"
        )

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.months):
            return None
        row, column = index.row(), index.column()
        stage, part = COLUMNS[column]
        month = self.months[row]
        if role == DISPLAY:
            return self.text(month, column)
        if role == EDIT and part == ACTUAL:
            return values.show(self.spec(column), tracking.actual_figure(month, stage))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.describe(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if part == VARIANCE:
                state = self.standing(row, column)
                if state in ("behind", "ahead"):
                    return QBrush(QColor(BEHIND_BACKGROUND if state == "behind" else AHEAD_BACKGROUND))
            if part == PLAN:
                return QBrush(QColor(PLAN_BACKGROUND))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if part == VARIANCE:
                state = self.standing(row, column)
                return QColor({"behind": ERROR, "ahead": GOOD}.get(state, MUTED))
            if part == PLAN:
                return QColor(MUTED)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == DISPLAY and section < len(self.months):
                return self.months[section].label
            return None
        stage, part = COLUMNS[section]
        if role == DISPLAY:
            return f"{SHORT_NAMES[stage.figure]}\n{part}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return {
                ACTUAL: f"Actual {stage.label.lower()} (type, paste or clear)",
                PLAN: f"{stage.label} the plan holds for the month",
                VARIANCE: f"{stage.label}: actual minus plan",
            }[part]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return base | Qt.ItemFlag.ItemIsEditable if COLUMNS[index.column()].part == ACTUAL else base

    # --- editing -----------------------------------------------------------------------
    def parse(self, row: int, column: int, value: Any) -> values.Parsed:
        spec = self.spec(column)
        if value is None:
            value = ""
        elif not isinstance(value, str):
            value = str(value)
        parsed = values.parse(spec, value, self.currency)
        if parsed.ok:
            return parsed
        return values.Parsed(message=f"{self.months[row].label}: {parsed.message}")

    def change(self, changes: dict[tuple[int, str], float | None], text: str) -> None:
        actuals = tracking.with_figures(self.document.plan.actuals, changes)
        self.document.set_value("actuals", actuals, text, merge=False)

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, column = index.row(), index.column()
        parsed = self.parse(row, column, value)
        if not parsed.ok:
            self.problem.emit(parsed.message or "")
            return False
        self.problem.emit("")
        stage, month = COLUMNS[column].stage, self.months[row]
        verb = "Clear" if parsed.value is None else "Enter"
        self.change({(month.month, stage.figure): parsed.value}, f"{verb} {stage.label.lower()} for {month.label}")
        return True

    def clear(self, indexes: list[Index]) -> int:
        """Clear the actual cells among ``indexes`` in one undo step; returns how many were reported."""
        cells = {
            (self.months[i.row()].month, COLUMNS[i.column()].stage.figure)
            for i in indexes
            if i.isValid() and COLUMNS[i.column()].part == ACTUAL
        }
        reported = {
            (month, figure)
            for month, figure in cells
            if tracking.actual_figure(self.months[month - 1], tracking.BY_FIGURE[figure]) is not None
        }
        if reported:
            self.change(dict.fromkeys(reported), f"Clear {len(reported)} actual{'s' if len(reported) > 1 else ''}")
        return len(reported)

    def paste(self, row: int, column: int, text: str) -> bool:
        """Paste tab-separated cells (a block copied from a spreadsheet) from this cell on, as one undo step.

        The block's columns go to the actual columns from this one on (plan and variance are
        skipped, they are not typed); an empty cell clears. A value that is not a number refuses
        the whole paste with its month and the reason, and nothing changes.
        """
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        rows = [line.split("\t") for line in lines]
        if not rows or sum(len(r) for r in rows) > MAX_PASTE_CELLS:
            self.problem.emit("Nothing to paste: copy a block of figures from a spreadsheet" if not rows else
                              "Too much to paste: copy at most the figures of the plan's months")  # fmt: skip
            return False
        start = next(i for i, c in enumerate(ACTUAL_COLUMNS) if c >= column - PARTS.index(COLUMNS[column].part))
        targets = ACTUAL_COLUMNS[start:]
        width = max(len(r) for r in rows)
        if width > len(targets) or row + len(rows) > len(self.months):
            self.problem.emit(
                f"The block is {len(rows)} rows by {width} columns: from here the grid has room for "
                f"{len(self.months) - row} rows and {len(targets)} columns of actuals"
            )
            return False
        changes: dict[tuple[int, str], float | None] = {}
        for offset, cells in enumerate(rows):
            for position, cell in enumerate(cells):
                target = targets[position]
                parsed = self.parse(row + offset, target, cell.strip())
                if not parsed.ok:
                    self.problem.emit(parsed.message or "")
                    return False
                changes[(self.months[row + offset].month, COLUMNS[target].stage.figure)] = parsed.value
        self.problem.emit("")
        count = len(changes)
        self.change(changes, f"Paste {count} actual{'s' if count > 1 else ''}")
        return True

    def copy_text(self, indexes: list[Index]) -> str:
        """The selected cells as tab-separated text, the way a spreadsheet takes them."""
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for r in rows:
            cells = []
            for c in columns:
                if (r, c) not in chosen:
                    cells.append("")
                elif COLUMNS[c].part == ACTUAL:
                    cells.append(str(self.data(self.index(r, c), EDIT) or ""))
                else:
                    cells.append(str(self.data(self.index(r, c), DISPLAY)))
            lines.append("\t".join(cells))
        return "\n".join(lines)
