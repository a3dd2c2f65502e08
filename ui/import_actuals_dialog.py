"""File → Import actuals…: a CSV file's actuals into the plan, previewed month by month first.

A monthly-totals file needs no questions. A record export (one row per lead or deal) is
mapped here: which date puts a row in a month, which stage values count as sales-ready
leads, opportunities or wins, which column is a win's amount. The mapping (and the date
order) is remembered per file header. The import is one undo step; over actuals already in
the plan it asks whether to replace or merge them. Large files are counted off the UI thread.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner import formatting as fmt
from planner.actuals_import import (
    ActualsImportError,
    AmbiguousDates,
    ImportResult,
    Mapping,
    Rule,
    guess_mapping,
    import_actuals,
    merge_actuals,
    read_csv,
    totals_columns,
)
from planner.actuals_mapping import COUNTED, FIGURE_LABELS
from planner.csv_read import DELIMITER_NAMES, CsvTable
from ui.document import PlanDocument

CSV_FILTER = "CSV files (*.csv *.txt *.tsv);;All files (*)"
SETTINGS_GROUP = "actualsImport"
NO_COLUMN = "(none)"
BACKGROUND_ROWS = 5_000  # files with more rows are counted off the UI thread
MONEY = ("revenue", "cost")
Outcome = ImportResult | AmbiguousDates | str  # a str: why the file cannot be imported so


def header_key(header: tuple[str, ...]) -> str:
    """The settings key of a file's header: the same export from the same CRM finds its mapping."""
    return hashlib.sha256("\x1f".join(header).encode("utf-8")).hexdigest()[:24]


class PreviewModel(QAbstractTableModel):
    """The monthly totals an import will put in the plan: a row a month, a column a figure."""

    def __init__(self, currency: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.rows: list[tuple[str, dict[str, float]]] = []
        self.figures: tuple[str, ...] = ()

    def show(self, result: ImportResult | None) -> None:
        self.beginResetModel()
        self.rows = [(result.labels[m], result.months[m]) for m in sorted(result.months)] if result else []
        self.figures = result.figures() if result else ()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.figures)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        label, values = self.rows[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if index.column() == 0:
            return label
        figure = self.figures[index.column() - 1]
        value = values.get(figure)
        if value is None:
            return ""  # not reported: left empty, not 0
        return fmt.money(value, self.currency, decimals=2 if value % 1 else 0) if figure in MONEY else fmt.count(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return "Month" if section == 0 else FIGURE_LABELS[self.figures[section - 1]]


class _Signals(QObject):
    done = Signal(int, object)  # generation, Outcome


class _Count(QRunnable):
    """An import worked out on a pool thread (plain Python over immutable inputs)."""

    def __init__(self, generation: int, work: Any, signals: _Signals) -> None:
        super().__init__()
        self.generation, self.work, self.signals = generation, work, signals

    def run(self) -> None:
        self.signals.done.emit(self.generation, self.work())


class ImportActualsDialog(QDialog):
    def __init__(
        self, document: PlanDocument, table: CsvTable, name: str, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document, self.table, self.name, self.settings = document, table, name, settings
        self.setObjectName("import_actuals")
        self.setWindowTitle(f"Import actuals — {name}")
        self.resize(800, 720)
        self.outcome: Outcome = ""
        self.generation = 0
        self.signals = _Signals()  # no parent: a count still running when the dialog closes has it to emit on
        self.signals.done.connect(self._counted)
        plan = document.plan
        self.start_month, self.horizon = plan.basics.start_month, plan.horizon
        remembered = self._remembered()
        # the order said for this header before: taken only when this file's dates do not say
        order = remembered.get("day_first")
        self.remembered_order: bool | None = order if isinstance(order, bool) else None
        self.day_first: bool | None = None
        self.totals = totals_columns(table)

        layout = QVBoxLayout(self)
        about = QLabel(self._about())
        about.setObjectName("import.about")
        about.setWordWrap(True)
        layout.addWidget(about)
        self.mapping_box = self._mapping_box(self._first_mapping(remembered))
        self.mapping_box.setVisible(self.totals is None)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self._order_box())
        self.preview = PreviewModel(plan.basics.currency, self)
        view = QTableView()
        view.setObjectName("import.preview")
        view.setAccessibleName("Monthly totals the import will put in the plan")
        view.setModel(self.preview)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.setMinimumHeight(150)
        layout.addWidget(view, 1)
        self.report = QLabel()
        self.report.setObjectName("import.report")
        self.report.setWordWrap(True)
        self.report.setTextFormat(Qt.TextFormat.PlainText)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("Import")
        self.import_button.setObjectName("import.ok")
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.import_into_plan)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.recount)
        self.recount()

    # --- what the file is ------------------------------------------------------------------
    def _about(self) -> str:
        t = self.table
        kind = (
            f"Monthly totals: months in “{self.totals[0]}”, "
            + ", ".join(f"{FIGURE_LABELS[f].lower()} in “{c}”" for f, c in self.totals[1].items())
            if self.totals
            else "One row per lead or deal: say below which rows count as what, in the month of which date."
        )
        return (
            f"{self.name}: {len(t.rows):,} rows, {len(t.header)} columns "
            f"({t.encoding}, {DELIMITER_NAMES.get(t.delimiter, t.delimiter)}-separated).\n{kind}"
        )

    def _remembered(self) -> dict[str, Any]:
        stored = self.settings.value(f"{SETTINGS_GROUP}/{header_key(self.table.header)}", "")
        try:
            data = json.loads(stored) if isinstance(stored, str) and stored else {}
        except json.JSONDecodeError:
            return {}
        return data if isinstance(data, dict) else {}

    def _first_mapping(self, remembered: dict[str, Any]) -> Mapping:
        try:
            mapping = Mapping.from_data(remembered["mapping"])
            if not mapping.problems(self.table.header):
                return mapping
        except (KeyError, ValueError):
            pass
        return guess_mapping(self.table.header) or Mapping()

    # --- the mapping -----------------------------------------------------------------------
    def _combo(self, name: str, choices: list[str], chosen: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItems(choices)
        combo.setCurrentText(chosen if chosen in choices else choices[0])
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _mapping_box(self, mapping: Mapping) -> QGroupBox:
        box = QGroupBox("Which rows count as what")
        grid = QGridLayout(box)
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
            check.toggled.connect(self._changed)
            date = self._combo(
                f"import.{figure}.date", columns, rule.date_column if rule else default_date, f"Date of {figure}"
            )
            values = QLineEdit(", ".join(rule.values) if rule else "")
            values.setObjectName(f"import.{figure}.values")
            values.setAccessibleName(f"Stage values that count as {FIGURE_LABELS[figure].lower()}")
            values.setPlaceholderText("every row with a date")
            values.textChanged.connect(self._changed)
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
        return box

    def mapping(self) -> Mapping | None:
        """The mapping the person set, or None for a monthly-totals file."""
        if self.totals is not None:
            return None
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

    # --- the date order --------------------------------------------------------------------
    def _order_box(self) -> QWidget:
        self.order_box = QGroupBox("Dates")
        column = QVBoxLayout(self.order_box)
        row = QHBoxLayout()
        self.question = QLabel()
        self.question.setObjectName("import.question")
        self.question.setWordWrap(True)
        self.day_first_button = QRadioButton("Day first (15/03/2027)")
        self.day_first_button.setObjectName("import.day_first")
        self.month_first_button = QRadioButton("Month first (3/15/2027)")
        self.month_first_button.setObjectName("import.month_first")
        self.day_first_button.toggled.connect(lambda on: on and self._set_order(True))
        self.month_first_button.toggled.connect(lambda on: on and self._set_order(False))
        column.addWidget(self.question)
        column.addLayout(row)
        row.addWidget(self.day_first_button)
        row.addWidget(self.month_first_button)
        row.addStretch(1)
        self.order_box.setVisible(False)
        return self.order_box

    def _set_order(self, day_first: bool) -> None:
        self.day_first = day_first
        self.recount()

    # --- counting --------------------------------------------------------------------------
    def _changed(self, *_args: Any) -> None:
        self.import_button.setEnabled(False)
        self.timer.start()

    def recount(self) -> None:
        """Work out the preview again: at once for a small file, on a pool thread for a large one."""
        self.timer.stop()
        self.generation += 1
        self.import_button.setEnabled(False)
        mapping = self.mapping()
        problems = mapping.problems(self.table.header) if mapping is not None else []
        if problems:
            self._counted(self.generation, "\n".join(problems))
            return
        table, start, horizon, order, name = self.table, self.start_month, self.horizon, self.day_first, self.name

        def work() -> Outcome:
            try:
                return import_actuals(table, start, horizon, mapping=mapping, day_first=order, name=name)
            except ActualsImportError as error:
                return str(error)

        if len(table.rows) <= BACKGROUND_ROWS:
            self._counted(self.generation, work())
        else:
            self.report.setText("Counting…")
            QThreadPool.globalInstance().start(_Count(self.generation, work, self.signals))

    def _counted(self, generation: int, outcome: Outcome) -> None:
        if generation != self.generation:
            return  # the mapping changed since: a newer count is on its way
        self.outcome = outcome
        if isinstance(outcome, AmbiguousDates):
            self.question.setText(outcome.question)
            self.order_box.setVisible(True)
            if self.remembered_order is not None and self.day_first is None:
                button = self.day_first_button if self.remembered_order else self.month_first_button
                button.setChecked(True)  # as answered for this header before; recounts
                return
            self.preview.show(None)
            self.report.setText("Say whether the dates are day first or month first to see the months.")
        elif isinstance(outcome, ImportResult):
            self.preview.show(outcome)
            self.report.setText("\n".join(outcome.summary_lines()))
        else:
            self.preview.show(None)
            self.report.setText(outcome)
        self.import_button.setEnabled(isinstance(outcome, ImportResult))

    @property
    def ready(self) -> bool:
        return not self.timer.isActive() and self.import_button.isEnabled()

    # --- importing -------------------------------------------------------------------------
    def import_into_plan(self) -> None:
        """Put the previewed months in the plan (one undo step); ask first over existing actuals."""
        if not isinstance(self.outcome, ImportResult):
            return
        existing = self.document.plan.actuals
        mode = "replace"
        if existing:
            from ui import files

            answer = files.ask(
                self,
                "The plan has actuals",
                f"The plan already has actuals for {len(existing)} month{'s' if len(existing) != 1 else ''}. "
                "Replace them all with this file's, or merge (this file's figures replace those of the same "
                "months, every other figure is kept)?",
                {files.Button.Yes: "Replace", files.Button.No: "Merge", files.Button.Cancel: ""},
                files.Button.No,
            )
            if answer == files.Button.Cancel:
                return
            mode = "replace" if answer == files.Button.Yes else "merge"
        actuals = merge_actuals(existing, self.outcome.months, mode)
        self.document.set_value("actuals", actuals, f"Import actuals from {self.name}", merge=False)
        self._remember()
        self.accept()

    def _remember(self) -> None:
        mapping = self.mapping()
        data = {"mapping": mapping.to_data() if mapping else None, "day_first": self.day_first}
        self.settings.setValue(f"{SETTINGS_GROUP}/{header_key(self.table.header)}", json.dumps(data))


def import_actuals_from_file(
    parent: QWidget, document: PlanDocument, settings: QSettings, path: str | None = None
) -> ImportActualsDialog | None:
    """Ask for a CSV file and open the import dialog on it (window-modal, not blocking);
    a file that cannot be read is explained and nothing changes."""
    from ui import files

    if not path:
        folder = str(document.path.parent) if document.path else ""
        path = QFileDialog.getOpenFileName(parent, "Import actuals from a CSV file", folder, CSV_FILTER)[0]
        if not path:
            return None
    name = Path(path).name
    try:
        table = read_csv(Path(path).read_bytes(), name)
    except ActualsImportError as error:
        files.show_error(parent, "Actuals were not imported", str(error))
        return None
    except OSError as error:
        files.show_error(parent, "Actuals were not imported", f"“{name}” could not be read: {error.strerror or error}.")
        return None
    dialog = ImportActualsDialog(document, table, name, settings, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
