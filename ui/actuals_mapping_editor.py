"""The mapping of a record export, as the person sets it in the import dialog: the stage column
(with the values it holds), and per figure whether it is counted, in the month of which date
and at which stage values; and the column holding the amount of a win."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from planner.actuals_import import Mapping, Rule
from planner.actuals_mapping import COUNTED, FIGURE_LABELS
from planner.csv_read import CsvTable
from ui.wheel_guard import GuardedCombo

NO_COLUMN = "(none)"


class MappingEditor(QGroupBox):
    """Widgets named ``import.<figure>.count|date|values``, ``import.stage_column``, ``import.amount_column``."""

    changed = Signal()  # any part of the mapping changed

    def __init__(self, table: CsvTable, mapping: Mapping, parent: QWidget | None = None) -> None:
        super().__init__("Which rows count as what", parent)
        self.table = table
        grid = QGridLayout(self)
        columns = list(self.table.header)
        optional = [NO_COLUMN, *columns]
        grid.addWidget(QLabel("Stage column"), 0, 0)
        self.stage_combo = self._combo("import.stage_column", optional, mapping.stage_column, "Stage column")
        grid.addWidget(self.stage_combo, 0, 1, 1, 2)
        self.stages_hint = QLabel()
        self.stages_hint.setObjectName("import.stages")
        self.stages_hint.setWordWrap(True)
        self.stages_hint.setTextFormat(Qt.TextFormat.PlainText)
        grid.addWidget(self.stages_hint, 1, 1, 1, 2)
        grid.addWidget(QLabel("Counts as"), 2, 0)
        grid.addWidget(QLabel("in the month of"), 2, 1)
        values_label = QLabel("when the stage is one of")
        values_label.setToolTip("Stage values, comma-separated; left empty, every row with that date counts")
        grid.addWidget(values_label, 2, 2)
        self.rule_widgets: dict[str, tuple[QCheckBox, QComboBox, QLineEdit]] = {}
        default_date = next(iter(mapping.rules.values())).date_column if mapping.rules else columns[0]
        for row, figure in enumerate(COUNTED, start=3):
            rule = mapping.rules.get(figure)
            check = QCheckBox(FIGURE_LABELS[figure])
            check.setObjectName(f"import.{figure}.count")
            check.setChecked(rule is not None)
            check.toggled.connect(self.changed)
            date = self._combo(
                f"import.{figure}.date", columns, rule.date_column if rule else default_date, f"Date of {figure}"
            )
            values = QLineEdit(", ".join(rule.values) if rule else "")
            values.setObjectName(f"import.{figure}.values")
            values.setAccessibleName(f"Stage values that count as {FIGURE_LABELS[figure].lower()}")
            values.setPlaceholderText("every row with a date")
            values.textChanged.connect(self.changed)
            grid.addWidget(check, row, 0)
            grid.addWidget(date, row, 1)
            grid.addWidget(values, row, 2)
            self.rule_widgets[figure] = (check, date, values)
        grid.addWidget(QLabel("Amount of a win"), 6, 0)
        self.amount_combo = self._combo("import.amount_column", optional, mapping.amount_column, "Amount column")
        grid.addWidget(self.amount_combo, 6, 1, 1, 2)
        self.stage_combo.currentIndexChanged.connect(self._show_stages)
        self.rule_widgets["wins"][0].toggled.connect(self.amount_combo.setEnabled)
        self.amount_combo.setEnabled(self.rule_widgets["wins"][0].isChecked())
        self._show_stages()

    def _combo(self, name: str, choices: list[str], chosen: str, accessible: str) -> QComboBox:
        combo = GuardedCombo()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItems(choices)
        combo.setCurrentText(chosen if chosen in choices else choices[0])
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def mapping(self) -> Mapping:
        """The mapping as the person set it."""
        stage = self.stage_combo.currentText()
        amount = self.amount_combo.currentText() if self.amount_combo.isEnabled() else NO_COLUMN
        rules = {
            figure: Rule(date.currentText(), tuple(v.strip() for v in values.text().split(",") if v.strip()))
            for figure, (check, date, values) in self.rule_widgets.items()
            if check.isChecked()
        }
        return Mapping("" if stage == NO_COLUMN else stage, "" if amount == NO_COLUMN else amount, rules)

    def _show_stages(self, *_args: Any) -> None:
        stage = self.stage_combo.currentText()
        if stage == NO_COLUMN:
            self.stages_hint.setText("No stage column: a row counts wherever its date is filled in.")
            return
        at = self.table.column(stage)
        counts = Counter(row[at].strip() for row in self.table.rows)
        shown = ", ".join(f"{value or '(empty)'} ({count:,})" for value, count in counts.most_common(12))
        self.stages_hint.setText(f"Its values: {shown}{' …' if len(counts) > 12 else ''}")
