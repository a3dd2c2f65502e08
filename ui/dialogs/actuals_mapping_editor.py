"""What the person says about a CSV file in the import dialog.

- :class:`MappingEditor`, for a record export: the stage column (with the values it holds), and
  per figure whether it is counted, in the month of which date and at which stage values; and
  the column holding the amount of a win (asked, not guessed, when more than one could be).
- :class:`ColumnsEditor`, for a monthly-totals file: which column holds the month and each
  figure. Where more than one column could hold a figure ("SQLs" and "SQLs (cumulative)"), the
  combo box says "Choose a column…" until the person picks one: nothing is chosen silently.
- :class:`OnlyRowsEditor`, for both: keep only the rows whose value in a column is one of some
  values (Deal Type = New Business), so renewals do not count against a net-new goal.
"""

from __future__ import annotations

from collections import Counter
from operator import itemgetter
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from planner.actuals_import.csv_read import CsvTable
from planner.actuals_import.importer import Mapping, Rule, TotalsColumns
from planner.actuals_import.mapping import COUNTED, FIGURE_LABELS, FIGURES, amount_candidates
from ui.widgets.wheel_guard import GuardedCombo

NO_COLUMN = "(none)"
NOT_IMPORTED = "(not imported)"
EVERY_ROW = "(every row)"
CHOOSE = "Choose a column…"
SHOWN_VALUES = 12  # the most common values of a column shown under it


def _combo(name: str, choices: list[str], chosen: str, accessible: str) -> QComboBox:
    combo = GuardedCombo()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.addItems(choices)
    combo.setCurrentText(chosen if chosen in choices else choices[0])
    return combo


def _hint(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the file's values are data, never markup
    return label


def values_held(table: CsvTable, column: str) -> str:
    """The most common values of a column with their counts: ``closedwon (4), closedlost (2)``."""
    counts: Counter[str] = Counter()
    for value, count in Counter(map(itemgetter(table.column(column)), table.rows)).items():
        counts[value.strip()] += count
    shown = ", ".join(f"{value or '(empty)'} ({count:,})" for value, count in counts.most_common(SHOWN_VALUES))
    return f"{shown}{' …' if len(counts) > SHOWN_VALUES else ''}"


class MappingEditor(QGroupBox):
    """Widgets named ``import.<figure>.count|date|values``, ``import.stage_column``, ``import.amount_column``."""

    changed = Signal()  # any part of the mapping changed

    def __init__(
        self, table: CsvTable, mapping: Mapping, remembered: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__("Which rows count as what", parent)
        self.table = table
        grid = QGridLayout(self)
        columns = list(self.table.header)
        optional = [NO_COLUMN, *columns]
        grid.addWidget(QLabel("Stage column"), 0, 0)
        self.stage_combo = self._combo("import.stage_column", optional, mapping.stage_column, "Stage column")
        grid.addWidget(self.stage_combo, 0, 1, 1, 2)
        self.stages_hint = _hint("import.stages")
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
        # several columns could be the amount (Amount, Amount in company currency): asked, unless said before
        self.amounts = amount_candidates(columns)
        ask = len(self.amounts) > 1 and not remembered
        self.amount_combo = self._combo(
            "import.amount_column", [CHOOSE, *optional] if ask else optional, CHOOSE if ask else mapping.amount_column,
            "Amount column",
        )  # fmt: skip
        grid.addWidget(self.amount_combo, 6, 1, 1, 2)
        self.stage_combo.currentIndexChanged.connect(self._show_stages)
        self.rule_widgets["wins"][0].toggled.connect(self.amount_combo.setEnabled)
        self.amount_combo.setEnabled(self.rule_widgets["wins"][0].isChecked())
        self._show_stages()

    def _combo(self, name: str, choices: list[str], chosen: str, accessible: str) -> QComboBox:
        combo = _combo(name, choices, chosen, accessible)
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
        return Mapping("" if stage == NO_COLUMN else stage, "" if amount in (NO_COLUMN, CHOOSE) else amount, rules)

    def unanswered(self) -> list[str]:
        """What the person must still say before the file can be imported."""
        if self.amount_combo.isEnabled() and self.amount_combo.currentText() == CHOOSE:
            names = ", ".join(f"“{name}”" for name in self.amounts)
            return [f"More than one column could be the amount of a win ({names}): choose one (or none)."]
        return []

    def _show_stages(self, *_args: Any) -> None:
        stage = self.stage_combo.currentText()
        if stage == NO_COLUMN:
            self.stages_hint.setText("No stage column: a row counts wherever its date is filled in.")
            return
        self.stages_hint.setText(f"Its values: {values_held(self.table, stage)}")


class ColumnsEditor(QGroupBox):
    """Which column of a monthly-totals file holds the month and each figure: combo boxes named
    ``import.column.month`` and ``import.column.<figure>``."""

    changed = Signal()

    def __init__(
        self, table: CsvTable, found: TotalsColumns, chosen: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__("Which column holds what", parent)
        self.table = table
        grid = QGridLayout(self)
        columns = list(table.header)
        self.combos: dict[str, QComboBox] = {}
        month = chosen.get("month") or (found.month[0] if len(found.month) == 1 else "")
        rows: list[tuple[str, str, list[str], str]] = [
            ("month", "Month", ([] if month else [CHOOSE]) + columns, month or CHOOSE)
        ]
        for figure in FIGURES:
            candidates = found.figures.get(figure, ())
            if figure in chosen:
                pick = chosen[figure] or NOT_IMPORTED
            elif len(candidates) == 1:
                pick = candidates[0]
            else:
                pick = CHOOSE if candidates else NOT_IMPORTED
            choices = ([CHOOSE] if pick == CHOOSE else []) + [NOT_IMPORTED, *columns]
            rows.append((figure, FIGURE_LABELS[figure], choices, pick))
        for row, (what, label, choices, pick) in enumerate(rows):
            combo = _combo(f"import.column.{what}", choices, pick, f"Column of {label.lower()}")
            combo.currentIndexChanged.connect(self.changed)
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(combo, row, 1)
            self.combos[what] = combo
        self.hint = _hint("import.columns.hint")
        grid.addWidget(self.hint, len(rows), 0, 1, 2)
        self.changed.connect(self._show_hint)
        self._show_hint()

    def columns(self) -> dict[str, str]:
        """what -> the column chosen ("" for a figure not imported); a question left open is left out."""
        chosen = {}
        for what, combo in self.combos.items():
            text = combo.currentText()
            if text != CHOOSE:
                chosen[what] = "" if text == NOT_IMPORTED else text
        return chosen

    def _show_hint(self) -> None:
        open_ = [FIGURE_LABELS.get(w, "the month").lower() for w, c in self.combos.items() if c.currentText() == CHOOSE]
        self.hint.setText(
            f"More than one column could hold {', '.join(open_)}: choose one for each above." if open_ else ""
        )
        self.hint.setVisible(bool(open_))


class OnlyRowsEditor(QGroupBox):
    """Keep only the rows whose value in a column is one of some values: ``import.only.column``,
    ``import.only.values`` and the values the column holds, ``import.only.held``."""

    changed = Signal()

    def __init__(self, table: CsvTable, only: dict[str, tuple[str, ...]], parent: QWidget | None = None) -> None:
        super().__init__("Only some rows", parent)
        self.table = table
        grid = QGridLayout(self)
        column, values = next(iter(only.items()), (EVERY_ROW, ()))
        grid.addWidget(QLabel("Keep only rows whose"), 0, 0)
        self.column_combo = _combo("import.only.column", [EVERY_ROW, *table.header], column, "Keep only rows by")
        self.column_combo.currentIndexChanged.connect(self._column_changed)
        grid.addWidget(self.column_combo, 0, 1)
        grid.addWidget(QLabel("is one of"), 0, 2)
        self.values = QLineEdit(", ".join(values))
        self.values.setObjectName("import.only.values")
        self.values.setAccessibleName("Values a row must have to count")
        self.values.setPlaceholderText("New Business, Upsell")
        self.values.setToolTip("Comma-separated; e.g. Deal Type is New Business, so renewals do not count")
        self.values.textChanged.connect(self.changed)
        grid.addWidget(self.values, 0, 3)
        self.held = _hint("import.only.held")
        grid.addWidget(self.held, 1, 1, 1, 3)
        self._column_changed()

    def _column_changed(self, *_args: Any) -> None:
        column = self.column_combo.currentText()
        every = column == EVERY_ROW
        self.values.setEnabled(not every)
        self.held.setText("" if every else f"Its values: {values_held(self.table, column)}")
        self.held.setVisible(not every)
        self.changed.emit()

    def only(self) -> dict[str, tuple[str, ...]]:
        column = self.column_combo.currentText()
        if column == EVERY_ROW:
            return {}
        return {column: tuple(v.strip() for v in self.values.text().split(",") if v.strip())}
