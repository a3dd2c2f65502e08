"""The Track grid: one row per plan month; per stage, the actual (typed), the plan and the variance.

The actual cells edit ``plan.actuals`` through the document: one typed cell, one pasted block
or one cleared selection is one undoable change of the whole list (``with_figures``). An empty
cell is a month not reported (None), never 0. The figure each actual is compared with and the
variance come from :mod:`planner.advice.tracking` (sales-ready leads against the leads needed, the
other stages against the plan, wins and revenue from one model); the headers say which
("vs needed", "vs plan"), and the variance is coloured red behind, green ahead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from planner.advice import tracking
from planner.numbers import formatting as fmt
from planner.numbers.results import MonthResult
from planner.plan.model import Spec, Targets
from ui import values
from ui.charts.ticks import short_labels
from ui.document import PlanDocument
from ui.models.rows_model import changed_runs
from ui.style import ERROR, GOOD, MUTED
from ui.widgets.follow import Follower

Index = QModelIndex | QPersistentModelIndex
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
EDIT = int(Qt.ItemDataRole.EditRole)

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
# the roles a view asks for each cell it paints, as plain ints (comparing Qt's enums costs more)
BACKGROUND, FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
ALIGNMENT, TOOLTIP = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ToolTipRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
PLAN_BRUSH = QBrush(QColor(PLAN_BACKGROUND))
MUTED_COLOR = QColor(MUTED)
STATE_BRUSHES = {"behind": QBrush(QColor(BEHIND_BACKGROUND)), "ahead": QBrush(QColor(AHEAD_BACKGROUND))}
STATE_COLORS = {"behind": QColor(ERROR), "ahead": QColor(GOOD)}
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
EDITABLE, NO_FLAGS = READ_ONLY | Qt.ItemFlag.ItemIsEditable, Qt.ItemFlag.NoItemFlags
MAX_PASTE_CELLS = 60 * 5 * 4  # more than a plan can hold: a pasted document, not a block of figures


class Cell(NamedTuple):
    text: str
    background: QBrush | None
    foreground: QColor | None


class Column(NamedTuple):
    stage: tracking.Stage
    part: str  # ACTUAL, PLAN or VARIANCE


COLUMNS: tuple[Column, ...] = tuple(Column(stage, part) for stage in tracking.STAGES for part in PARTS)
ACTUAL_COLUMNS: tuple[int, ...] = tuple(i for i, c in enumerate(COLUMNS) if c.part == ACTUAL)
PLAN_COLUMNS: tuple[int, ...] = tuple(i for i, c in enumerate(COLUMNS) if c.part == PLAN)


def header(column: Column) -> str:
    """The stage over ``actual``, ``needed`` and ``vs needed`` for sales-ready leads, ``plan`` and
    ``vs plan`` for the other stages (``planner.advice.tracking``: what each actual is compared with)."""
    compared = column.stage.compared_with  # tracking.NEEDED or tracking.PLAN
    part = {ACTUAL: "actual", PLAN: compared, VARIANCE: f"vs {compared}"}[column.part]
    return f"{SHORT_NAMES[column.stage.figure]}\n{part}"


# what each stage's plan figure is, in the headers' tool tips (planner.advice.tracking's model)
PLAN_MEANS = {
    "sales_ready_leads": "the sales-ready leads the goal needs in the month",
    "opportunities": "the opportunities the month's sales-ready leads make at the plan's rate (actual leads where "
    "reported, the plan's after)",
    "wins": "the deals the plan expects to close in the month: its revenue plan divided by the deal size",
    "revenue": "the revenue the plan expects to win in the month: the current pipeline, then the leads of a sales "
    "cycle earlier",
    "cost": "the plan's cost of the month",
}


# a variance in words, against what the month needs or against the plan
NEEDED_WORDS = {"behind": "short of what the month needs", "ahead": "more than the month needs", "even": "as needed"}
PLAN_WORDS = {"behind": "behind the plan", "ahead": "ahead of the plan", "even": "on the plan"}


def header_tip(column: Column) -> str:
    stage, compared = column.stage, column.stage.compared_with
    return {
        ACTUAL: f"Actual {stage.label.lower()} (type, paste or clear)",
        PLAN: f"{stage.label} {compared}: {PLAN_MEANS[stage.figure]}",
        VARIANCE: f"{stage.label} against the {compared}: actual minus {compared} (red behind, green ahead)",
    }[column.part]


HEADERS: tuple[str, ...] = tuple(header(c) for c in COLUMNS)
HEADER_TIPS: tuple[str, ...] = tuple(header_tip(c) for c in COLUMNS)


def actual_column(figure: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.part == ACTUAL and c.stage.figure == figure)


def signed(value: float, stage: tracking.Stage, currency: str) -> str:
    text = fmt.money(abs(value), currency) if stage.kind == "money" else fmt.count(abs(value))
    if text in ("0", fmt.money(0, currency)):
        return text
    return ("+" if value > 0 else "−") + text


def changed_columns(
    old: MonthResult,
    new: MonthResult,
    old_targets: Targets | None,
    new_targets: Targets | None,
    plan_in_variance: bool = False,
) -> tuple[tuple[int, int], ...]:
    """The (first, last) column spans whose cells differ between two versions of a month: a plan
    figure moves its plan cell, and its variance where the month has an actual (or always, while
    the variance cells show the plan's figure under the variance)."""
    changed: list[int] = []
    for index, stage in enumerate(tracking.STAGES):
        actual = tracking.actual_figure(new, stage)
        before = tracking.actual_figure(old, stage)
        plan_moved = tracking.plan_figure(old, stage, old_targets) != tracking.plan_figure(new, stage, new_targets)
        column = index * len(PARTS)
        if actual != before:
            changed.append(column)
        if plan_moved:
            changed.append(column + 1)
        if actual != before or (plan_moved and (actual is not None or plan_in_variance)):
            changed.append(column + 2)
    spans: list[tuple[int, int]] = []
    for column in changed:
        if spans and spans[-1][1] == column - 1:
            spans[-1] = (spans[-1][0], column)
        else:
            spans.append((column, column))
    return tuple(spans)


def rates(targets: Targets | None) -> tuple[float, ...]:
    """The rates the plan's opportunities and wins follow (``planner.advice.tracking.plan_figure``)."""
    return () if targets is None else (targets.srl_to_opportunity, targets.deal_size)


class ActualsModel(QAbstractTableModel):
    problem = Signal(str)  # a refused edit or paste, in plain words ("" when one succeeded)

    def __init__(self, document: PlanDocument, shown: Callable[[], bool] = lambda: True) -> None:
        super().__init__(document)
        self.document = document
        self.follower = Follower(self.refresh, shown)  # (``ui.widgets.follow``)
        self.months: tuple[MonthResult, ...] = document.result.months
        self.targets: Targets | None = document.result.targets  # the rates the plan's figures follow
        self.row_labels = short_labels(document.result)
        self.shown_currency = document.plan.basics.currency
        self.cells: dict[int, list[Cell | None]] = {}  # row -> its cells as shown, worked out when painted
        # the plan's figure under each variance ("−19" over "of 48"): the grid shows what each actual is
        # compared with without three columns a stage, so it fits a laptop's width
        self.plan_in_variance = False
        document.changed.connect(self.follower.follow)

    def show_plan(self, shown: bool) -> None:
        """The plan's figure under each variance, or not."""
        if shown == self.plan_in_variance:
            return
        self.plan_in_variance = shown
        self.cells.clear()
        if self.months:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.months) - 1, len(COLUMNS) - 1))

    # --- reading -----------------------------------------------------------------------
    def refresh(self) -> None:
        months = self.document.result.months
        if len(months) != len(self.months):
            self.beginResetModel()
            self.months = months
            self.targets = self.document.result.targets
            self.row_labels = short_labels(self.document.result)
            self.cells.clear()
            self.endResetModel()
            return
        old, self.months = self.months, months
        old_targets, targets = self.targets, self.document.result.targets
        self.targets = targets
        if months and months[0].label != old[0].label:  # a new first month
            self.row_labels = short_labels(self.document.result)
        currency = self.currency
        every = months and currency != self.shown_currency
        self.shown_currency = currency
        if every:
            self.cells.clear()
            self.dataChanged.emit(self.index(0, 0), self.index(len(months) - 1, len(COLUMNS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(months) - 1)
            return
        # only the months whose figures moved (every month when a rate the plan's figures follow did)
        runs = changed_runs(old, months) if rates(old_targets) == rates(targets) else [(0, len(months) - 1)]
        for first, last in runs:
            spans: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []  # rows with the same cells changed
            for row in range(first, last + 1):
                columns = changed_columns(old[row], months[row], old_targets, targets, self.plan_in_variance)
                if columns:
                    self.cells.pop(row, None)
                    if spans and spans[-1][1] == row - 1 and spans[-1][2] == columns:
                        spans[-1] = (spans[-1][0], row, columns)
                    else:
                        spans.append((row, row, columns))
            for top, bottom, columns in spans:
                for left, right in columns:
                    self.dataChanged.emit(self.index(top, left), self.index(bottom, right))
            if old[first].label != months[first].label or old[last].label != months[last].label:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    def row_cells(self, row: int) -> list[Cell | None]:
        """The row's cells as shown (text, background, text colour), each worked out when first read."""
        cells = self.cells.get(row)
        if cells is None:
            cells = self.cells[row] = [None] * len(COLUMNS)
        return cells

    def cell(self, row: int, column: int) -> Cell:
        cells = self.row_cells(row)
        cell = cells[column]
        if cell is None:
            month, part = self.months[row], COLUMNS[column].part
            text = self.text(month, column)
            if part == PLAN:
                cell = Cell(text, PLAN_BRUSH, MUTED_COLOR)
            elif part == VARIANCE:
                state = self.standing(row, column)
                cell = Cell(text, STATE_BRUSHES.get(state), STATE_COLORS.get(state, MUTED_COLOR))
            else:
                cell = Cell(text, None, None)
            cells[column] = cell
        return cell

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
            return self.show(tracking.plan_figure(month, stage, self.targets), stage)
        if part == ACTUAL:
            actual = tracking.actual_figure(month, stage)
            return "" if actual is None else self.show(actual, stage)
        shown = self.variance_text(month, column)
        if not self.plan_in_variance:
            return shown
        plan = f"of {self.show(tracking.plan_figure(month, stage, self.targets), stage)}"
        return f"{shown}\n{plan}" if shown else plan

    def variance_text(self, month: MonthResult, column: int) -> str:
        """The variance alone: actual minus the figure it is compared with ('' before an actual)."""
        variance = tracking.variance(month, COLUMNS[column].stage, self.targets)
        return "" if variance is None else signed(variance, COLUMNS[column].stage, self.currency)

    def standing(self, row: int, column: int) -> str:
        stage = COLUMNS[column].stage
        return tracking.standing(tracking.variance(self.months[row], stage, self.targets), stage)

    def describe(self, row: int, column: int) -> str:
        """The cell in words, for tool tips and screen readers."""
        month, stage = self.months[row], COLUMNS[column].stage
        plan = self.show(tracking.plan_figure(month, stage, self.targets), stage)
        needed = stage.compared_with == tracking.NEEDED
        planned = "needed" if needed else "planned"
        actual = tracking.actual_figure(month, stage)
        if actual is None:
            return f"{stage.label}, {month.label}: not reported yet; {plan} {planned}"
        variance = tracking.variance(month, stage, self.targets)
        assert variance is not None
        state = self.standing(row, column)
        said = (NEEDED_WORDS if needed else PLAN_WORDS)[state]
        return (
            f"{stage.label}, {month.label}: actual {self.show(actual, stage)} against {plan} {planned}, "
            f"{signed(variance, stage, self.currency)}, {said}"
        )

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = index.row()
        if row < 0 or row >= len(self.months):
            return None
        column = index.column()
        if role == DISPLAY:
            return self.cell(row, column).text
        if role == BACKGROUND:
            return self.cell(row, column).background
        if role == FOREGROUND:
            return self.cell(row, column).foreground
        if role == ALIGNMENT:
            return RIGHT
        if role == EDIT:
            stage, part = COLUMNS[column]
            return (
                values.show(self.spec(column), tracking.actual_figure(self.months[row], stage))
                if part == ACTUAL
                else None
            )
        if role in (TOOLTIP, ACCESSIBLE):
            return self.describe(row, column)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if section >= len(self.months):
                return None
            if role == DISPLAY:
                return self.row_labels[section]  # "Jan", or "Jan 27" when the plan spans years
            return self.months[section].label if role in (TOOLTIP, ACCESSIBLE) else None
        if role == DISPLAY:
            return HEADERS[section]
        if role in (TOOLTIP, ACCESSIBLE):
            return HEADER_TIPS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        column = index.column()
        if column < 0:
            return NO_FLAGS
        return EDITABLE if COLUMNS[column].part == ACTUAL else READ_ONLY

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
                elif COLUMNS[c].part == VARIANCE:  # the variance alone (a cell of one line)
                    cells.append(self.variance_text(self.months[r], c))
                else:
                    cells.append(str(self.data(self.index(r, c), DISPLAY)))
            lines.append("\t".join(cells))
        return "\n".join(lines)
