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
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRunnable,
    QSettings,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.actuals_import import (
    ActualsImportError,
    AmbiguousDates,
    ImportResult,
    Mapping,
    guess_mapping,
    import_actuals,
    merge_actuals,
    read_csv,
    totals_columns,
)
from planner.actuals_mapping import FIGURE_LABELS
from planner.csv_read import DELIMITER_NAMES, CsvTable
from ui.actuals_mapping_editor import MappingEditor
from ui.document import PlanDocument
from ui.models.actuals_preview_model import PreviewModel

CSV_FILTER = "CSV files (*.csv *.txt *.tsv);;All files (*)"
SETTINGS_GROUP = "actualsImport"
BACKGROUND_ROWS = 5_000  # files with more rows are counted off the UI thread
Outcome = ImportResult | AmbiguousDates | str  # a str: why the file cannot be imported so


def header_key(header: tuple[str, ...]) -> str:
    """The settings key of a file's header: the same export from the same CRM finds its mapping."""
    return hashlib.sha256("\x1f".join(header).encode("utf-8")).hexdigest()[:24]


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
        self.mapping_box = MappingEditor(table, self._first_mapping(remembered))
        self.mapping_box.changed.connect(self._changed)
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

    def mapping(self) -> Mapping | None:
        """The mapping the person set, or None for a monthly-totals file."""
        return None if self.totals is not None else self.mapping_box.mapping()

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
