"""The scorecard's table: the metrics generated from the plan, with the user's edits, then the user's own.

Editing a generated metric stores an override with its key in ``plan.metrics``
(``planner.advice.scorecard.edit_metric``), so it survives when the plan changes; editing one of the
user's own metrics changes ``metrics[i]`` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from planner.advice.scorecard import PERCENT, ScorecardMetric, edit_metric, format_target, reset_metric, scorecard
from planner.plan.edits import is_result_text
from planner.plan.model import Metric, Spec
from ui import values
from ui.document import PlanDocument
from ui.models.rows_model import changed_runs
from ui.widgets.follow import Follower

Index = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole

COLUMNS = (
    ("name", "Metric"),
    ("kind", "Kind"),
    ("target", "Target"),
    ("unit", "Unit"),
    ("owner", "Owner"),
    ("cadence", "Cadence"),
)


def target_spec(metric: ScorecardMetric) -> Spec:
    """A rate metric's target is typed as a percentage, the others as numbers."""
    if metric.unit == PERCENT:
        return Spec("rate", "Target")
    return Spec("number", "Target", optional=True)


class ScorecardModel(QAbstractTableModel):
    problem = Signal(str)

    def __init__(self, document: PlanDocument, shown: Callable[[], bool] = lambda: True) -> None:
        super().__init__(document)
        self.document = document
        self.follower = Follower(self.refresh, shown)  # (``ui.widgets.follow``)
        self.rows: tuple[ScorecardMetric, ...] = scorecard(document.plan, document.result)
        document.changed.connect(self.follower.follow)
        document.text_changed.connect(self._on_text_edit)

    def _on_text_edit(self, path: str) -> None:
        if path.startswith("metrics") or is_result_text(path):  # (a metric names its resource or channel)
            self.follower.follow()

    def refresh(self) -> None:
        rows = scorecard(self.document.plan, self.document.result)
        if len(rows) != len(self.rows) or [r.key for r in rows] != [r.key for r in self.rows]:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()
        elif rows != self.rows:
            old, self.rows = self.rows, rows
            for first, last in changed_runs(old, rows):
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def spec(self, column: int, metric: ScorecardMetric) -> Spec:
        field = COLUMNS[column][0]
        return target_spec(metric) if field == "target" else values.field_spec(f"metrics[0].{field}")

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        metric = self.rows[index.row()]
        field = COLUMNS[index.column()][0]
        value = getattr(metric, field)
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            if field == "target":
                return format_target(metric, self.document.plan.basics.currency) if value is not None else "—"
            spec = self.spec(index.column(), metric)
            return (spec.choices or {}).get(value, value) if spec.kind == "choice" else value
        if role == EDIT:
            return value if field in ("kind", "cadence") else values.show(self.spec(index.column(), metric), value)
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "target":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and metric.edited and index.column() == 0:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            where = (
                "Your own metric"
                if not metric.key
                else "Generated from the plan, changed by you"
                if metric.edited
                else "Generated from the plan"
            )
            return f"{metric.name}\n{where}" if index.column() == 0 else where  # the whole name, however narrow
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        metric = self.rows[index.row()]
        if COLUMNS[index.column()][0] == "kind" and metric.key:
            return base  # a generated metric's kind is what it measures
        return base | Qt.ItemFlag.ItemIsEditable

    def own_index(self, row: int) -> int:
        """The index in ``plan.metrics`` of the user's own metric shown in ``row``."""
        return self.rows[row].own  # an own metric may stand in a generated one's place

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        metric = self.rows[index.row()]
        field = COLUMNS[index.column()][0]
        spec = self.spec(index.column(), metric)
        if spec.kind == "choice":
            parsed = (
                values.Parsed(value)
                if value in (spec.choices or {})
                else values.Parsed(message=f"{spec.label} is not a choice")
            )
        else:
            parsed = values.parse(spec, "" if value is None else str(value), self.document.plan.basics.currency)
        if not parsed.ok:
            self.problem.emit(f"{metric.name}: {parsed.message}")
            return False
        self.problem.emit("")
        text = f"Change {spec.label.lower()} of {metric.name}"
        if metric.key:
            plan = edit_metric(self.document.plan, self.document.result, metric.key, **{field: parsed.value})
            self.document.set_value("metrics", plan.metrics, text, merge=False)
        else:
            self.document.set_value(f"metrics[{self.own_index(index.row())}].{field}", parsed.value, text, merge=False)
        return True

    # --- rows --------------------------------------------------------------------------
    def add_metric(self) -> int:
        metric = Metric(name="New metric", kind="outcome", unit="leads", cadence="monthly")
        self.document.set_value("metrics", (*self.document.plan.metrics, metric), "Add metric", merge=False)
        return len(self.rows) - 1

    def can_remove(self, row: int) -> bool:
        return 0 <= row < len(self.rows) and (not self.rows[row].key or self.rows[row].edited)

    def remove(self, row: int) -> None:
        """Remove the user's own metric, or undo the edits of a generated one."""
        metric = self.rows[row]
        if metric.key:
            plan = reset_metric(self.document.plan, metric.key)
            self.document.set_value("metrics", plan.metrics, f"Reset metric “{metric.name}”", merge=False)
        else:
            metrics = list(self.document.plan.metrics)
            del metrics[self.own_index(row)]
            self.document.set_value("metrics", tuple(metrics), f"Remove metric “{metric.name}”", merge=False)
