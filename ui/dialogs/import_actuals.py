"""File → Import actuals…: a CSV file's actuals into the plan, previewed month by month first.

The file is read off the UI thread from its first byte (a pool worker, progress and results
through signals): a folder, a device or a pipe is refused by its type before anything is opened,
and a file over 200 MB by its size, so the window never waits on a file. A monthly-totals file
shows which column holds what (and asks where more than one column could hold a figure); a
record export (one row per lead or deal) is mapped here: which date puts a row in a month, which
stage values count as sales-ready leads, opportunities or wins, which column is a win's amount.
Both may keep only some rows (Deal Type = New Business). When the file does not say whether
``52.000`` is thousands, or ``03/04/2027`` day first, the dialog asks. What the person said is
remembered per file header. The import is one undo step; over actuals already in the plan it asks
whether to replace or merge them. Large files are counted off the UI thread too. Every message
shows file names and the file's text as plain text, never as markup.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSettings, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.actuals_import.csv_read import DELIMITER_NAMES, CsvTable, ReadCancelled, check_file, read_csv, read_file
from planner.actuals_import.importer import (
    ActualsImportError,
    AmbiguousColumns,
    AmbiguousDates,
    AmbiguousNumbers,
    ImportResult,
    Mapping,
    TotalsColumns,
    guess_mapping,
    import_actuals,
    merge_actuals,
    totals_columns,
)
from ui.dialogs.actuals_mapping_editor import ColumnsEditor, MappingEditor, OnlyRowsEditor
from ui.document import PlanDocument
from ui.models.actuals_preview_model import PreviewModel

CSV_FILTER = "CSV files (*.csv *.txt *.tsv);;All files (*)"
SETTINGS_GROUP = "actualsImport"
BACKGROUND_ROWS = 5_000  # files with more rows are counted off the UI thread
READ_SHARE = 0.3  # of the progress bar: reading the bytes; the rest is splitting them into rows
Outcome = ImportResult | AmbiguousDates | AmbiguousNumbers | AmbiguousColumns | str  # a str: why it cannot be imported
NOT_IMPORTED_TITLE = "Actuals were not imported"


def header_key(header: tuple[str, ...]) -> str:
    """The settings key of a file's header: the same export from the same CRM finds its mapping."""
    return hashlib.sha256("\x1f".join(header).encode("utf-8")).hexdigest()[:24]


def show_plain_warning(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A warning whose text is shown as it is: a file named ``<b>Q3 export.csv`` is not bold."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("import.warning")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # window-modal over the window, without blocking it
    return box


class _Signals(QObject):
    done = Signal(int, object)  # generation, Outcome


class _Count(QRunnable):
    """An import worked out on a pool thread (plain Python over immutable inputs)."""

    def __init__(self, generation: int, work: Any, signals: _Signals) -> None:
        super().__init__()
        self.generation, self.work, self.signals = generation, work, signals

    def run(self) -> None:
        self.signals.done.emit(self.generation, self.work())


class _ReadSignals(QObject):
    progress = Signal(float)  # the share done, 0 to 1
    read = Signal(object)  # the CsvTable
    failed = Signal(str)  # why the file cannot be imported


class _Read(QRunnable):
    """The file read and split into rows on a pool thread, a chunk at a time; stops when cancelled."""

    def __init__(self, path: str, name: str, signals: _ReadSignals, cancel: threading.Event) -> None:
        super().__init__()
        self.path, self.name, self.signals, self.cancel = path, name, signals, cancel

    def run(self) -> None:
        signals, cancelled = self.signals, self.cancel.is_set
        try:
            data = read_file(self.path, lambda share: signals.progress.emit(share * READ_SHARE), cancelled)
            table = read_csv(
                data, self.name, lambda share: signals.progress.emit(READ_SHARE + share * (1 - READ_SHARE)), cancelled
            )
        except ReadCancelled:
            return
        except ActualsImportError as error:
            signals.failed.emit(str(error))
            return
        except MemoryError:
            signals.failed.emit(f"“{self.name}” is too large to read on this computer; split the export.")
            return
        except Exception as error:  # the dialog must never wait on a read that died
            signals.failed.emit(f"“{self.name}” could not be read: {error}.")
            return
        signals.read.emit(table)


class ImportActualsDialog(QDialog):
    def __init__(self, document: PlanDocument, path: str, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.path, self.settings = document, path, settings
        self.name = name = Path(path).name
        self.table: CsvTable | None = None
        self.setObjectName("import_actuals")
        self.setWindowTitle(f"Import actuals — {name}")
        self.resize(820, 760)
        self.outcome: Outcome = ""
        self.generation = 0
        self.signals = _Signals()  # no parent: a count still running when the dialog closes has it to emit on
        self.signals.done.connect(self._counted)
        plan = document.plan
        self.start_month, self.horizon = plan.basics.start_month, plan.horizon
        self.day_first: bool | None = None
        self.decimal_comma: bool | None = None
        self.totals: TotalsColumns | None = None
        self.mapping_box: MappingEditor | None = None
        self.columns_box: ColumnsEditor | None = None
        self.only_box: OnlyRowsEditor | None = None

        self.layout_ = QVBoxLayout(self)
        self.about = QLabel(f"Reading {name}…")
        self.about.setObjectName("import.about")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.about)
        self.progress = QProgressBar()
        self.progress.setObjectName("import.progress")
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName(f"Reading {name}")
        self.layout_.addWidget(self.progress)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body.setVisible(False)
        self.layout_.addWidget(self.body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("Import")
        self.import_button.setObjectName("import.ok")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.import_into_plan)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.recount)
        self.finished.connect(self._stop_reading)
        self._start_reading()

    # --- reading the file, off the UI thread ------------------------------------------------------
    def _start_reading(self) -> None:
        self.cancel = threading.Event()
        self.read_signals = _ReadSignals()  # no parent: a read still running when the dialog closes emits on it
        self.read_signals.progress.connect(self._read_progress)
        self.read_signals.read.connect(self._read)
        self.read_signals.failed.connect(self._read_failed)
        QThreadPool.globalInstance().start(_Read(self.path, self.name, self.read_signals, self.cancel))

    def _stop_reading(self, *_args: Any) -> None:
        self.cancel.set()

    @property
    def reading(self) -> bool:
        return self.table is None

    def _read_progress(self, share: float) -> None:
        self.progress.setValue(round(share * 100))

    def _read_failed(self, message: str) -> None:
        parent = self.parentWidget()
        self.reject()
        show_plain_warning(parent, NOT_IMPORTED_TITLE, message)

    def _read(self, table: CsvTable) -> None:
        self.table = table
        self.progress.setVisible(False)
        remembered = self._remembered()
        # the answers given for this header before: taken only when this file does not say
        order, comma = remembered.get("day_first"), remembered.get("decimal_comma")
        self.remembered_order: bool | None = order if isinstance(order, bool) else None
        self.remembered_comma: bool | None = comma if isinstance(comma, bool) else None
        self.totals = totals_columns(table)
        first, from_memory = self._first_mapping(remembered)
        self.about.setText(self._about())
        layout = self.body_layout
        if self.totals is not None:
            self.columns_box = ColumnsEditor(table, self.totals, first.columns)
            self.columns_box.changed.connect(self._changed)
            layout.addWidget(self.columns_box)
        else:
            self.mapping_box = MappingEditor(table, first, remembered=from_memory)
            self.mapping_box.changed.connect(self._changed)
            layout.addWidget(self.mapping_box)
        self.only_box = OnlyRowsEditor(table, first.only)
        self.only_box.changed.connect(self._changed)
        layout.addWidget(self.only_box)
        layout.addWidget(self._numbers_box())
        layout.addWidget(self._order_box())
        self.preview = PreviewModel(self.document.plan.basics.currency, self)
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
        self.body.setVisible(True)
        self.recount()

    # --- what the file is ------------------------------------------------------------------
    def _about(self) -> str:
        t = self.table
        assert t is not None
        kind = (
            "Monthly totals: one row a month. Check below which column holds what."
            if self.totals is not None
            else "One row per lead or deal: say below which rows count as what, in the month of which date."
        )
        return (
            f"{self.name}: {len(t.rows):,} rows, {len(t.header)} columns "
            f"({t.encoding}, {DELIMITER_NAMES.get(t.delimiter, t.delimiter)}-separated).\n{kind}"
        )

    def _remembered(self) -> dict[str, Any]:
        assert self.table is not None
        stored = self.settings.value(f"{SETTINGS_GROUP}/{header_key(self.table.header)}", "")
        try:
            data = json.loads(stored) if isinstance(stored, str) and stored else {}
        except json.JSONDecodeError:
            return {}
        return data if isinstance(data, dict) else {}

    def _first_mapping(self, remembered: dict[str, Any]) -> tuple[Mapping, bool]:
        """The mapping said for this header before (and True), else the guess (and False)."""
        assert self.table is not None
        try:
            mapping = Mapping.from_data(remembered["mapping"])
            if not mapping.choice_problems(self.table.header) and (
                self.totals is not None or not mapping.problems(self.table.header)
            ):
                return mapping, True
        except (KeyError, ValueError):
            pass
        return (None if self.totals is not None else guess_mapping(self.table.header)) or Mapping(), False

    def mapping(self) -> Mapping:
        """What the person set: the mapping of a record export, or the columns of a monthly-totals
        file; and the rows to keep."""
        only = self.only_box.only() if self.only_box else {}
        if self.columns_box is not None:
            return Mapping(columns=self.columns_box.columns(), only=only)
        assert self.mapping_box is not None
        mapping = self.mapping_box.mapping()
        return Mapping(mapping.stage_column, mapping.amount_column, mapping.rules, only=only)

    # --- the questions: decimal mark and date order -----------------------------------------
    def _numbers_box(self) -> QWidget:
        self.numbers_box = QGroupBox("Numbers")
        column = QVBoxLayout(self.numbers_box)
        self.numbers_question = QLabel()
        self.numbers_question.setObjectName("import.numbers_question")
        self.numbers_question.setWordWrap(True)
        self.numbers_question.setTextFormat(Qt.TextFormat.PlainText)
        self.comma_button = QRadioButton("A comma is the decimal mark (1.234,56)")
        self.comma_button.setObjectName("import.decimal_comma")
        self.point_button = QRadioButton("A point is the decimal mark (1,234.56)")
        self.point_button.setObjectName("import.decimal_point")
        self.comma_button.toggled.connect(lambda on: on and self._set_decimal(True))
        self.point_button.toggled.connect(lambda on: on and self._set_decimal(False))
        row = QHBoxLayout()
        row.addWidget(self.comma_button)
        row.addWidget(self.point_button)
        row.addStretch(1)
        column.addWidget(self.numbers_question)
        column.addLayout(row)
        self.numbers_box.setVisible(False)
        return self.numbers_box

    def _set_decimal(self, comma: bool) -> None:
        self.decimal_comma = comma
        self.recount()

    def _order_box(self) -> QWidget:
        self.order_box = QGroupBox("Dates")
        column = QVBoxLayout(self.order_box)
        row = QHBoxLayout()
        self.question = QLabel()
        self.question.setObjectName("import.question")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
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
        if self.table is None:
            return
        self.generation += 1
        self.import_button.setEnabled(False)
        mapping = self.mapping()
        problems = mapping.choice_problems(self.table.header)
        if self.mapping_box is not None:
            problems = self.mapping_box.unanswered() + mapping.problems(self.table.header)
        if problems:
            self._counted(self.generation, "\n".join(problems))
            return
        table, start, horizon, name = self.table, self.start_month, self.horizon, self.name
        order, comma = self.day_first, self.decimal_comma

        def work() -> Outcome:
            try:
                return import_actuals(
                    table, start, horizon, mapping=mapping, day_first=order, decimal_comma=comma, name=name
                )
            except ActualsImportError as error:
                return str(error)
            except MemoryError:
                return f"“{name}” is too large to import on this computer; split the export."

        if len(table.rows) <= BACKGROUND_ROWS:
            self._counted(self.generation, work())
        else:
            self.report.setText("Counting…")
            QThreadPool.globalInstance().start(_Count(self.generation, work, self.signals))

    def _counted(self, generation: int, outcome: Outcome) -> None:
        if generation != self.generation:
            return  # the mapping changed since: a newer count is on its way
        self.outcome = outcome
        if isinstance(outcome, AmbiguousNumbers):
            self.numbers_question.setText(outcome.question)
            self.numbers_box.setVisible(True)
            if self.remembered_comma is not None and self.decimal_comma is None:
                button = self.comma_button if self.remembered_comma else self.point_button
                button.setChecked(True)  # as answered for this header before; recounts
                return
            self.preview.show(None)
            self.report.setText("Say which is the decimal mark to see the months.")
        elif isinstance(outcome, AmbiguousDates):
            self.question.setText(outcome.question)
            self.order_box.setVisible(True)
            if self.remembered_order is not None and self.day_first is None:
                button = self.day_first_button if self.remembered_order else self.month_first_button
                button.setChecked(True)  # as answered for this header before; recounts
                return
            self.preview.show(None)
            self.report.setText("Say whether the dates are day first or month first to see the months.")
        elif isinstance(outcome, AmbiguousColumns):
            self.preview.show(None)
            self.report.setText(f"{outcome.question} Choose the column above.")
        elif isinstance(outcome, ImportResult):
            self.preview.show(outcome)
            self.report.setText("\n".join(outcome.summary_lines()))
        else:
            self.preview.show(None)
            self.report.setText(outcome)
        self.import_button.setEnabled(isinstance(outcome, ImportResult))

    @property
    def ready(self) -> bool:
        return self.table is not None and not self.timer.isActive() and self.import_button.isEnabled()

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
                "Replace all of them with the file's, or add the file's figures and keep the others? Where the "
                "plan and the file both have a month's figure, the file's is kept.",
                {
                    files.Button.Yes: "Replace all actuals with the file's",
                    files.Button.No: "Add the file's figures, keep the others",
                    files.Button.Cancel: "",
                },
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
        assert self.table is not None
        data = {"mapping": self.mapping().to_data(), "day_first": self.day_first, "decimal_comma": self.decimal_comma}
        self.settings.setValue(f"{SETTINGS_GROUP}/{header_key(self.table.header)}", json.dumps(data))


def import_actuals_from_file(
    parent: QWidget, document: PlanDocument, settings: QSettings, path: str | None = None
) -> ImportActualsDialog | None:
    """Ask for a CSV file and open the import dialog on it (window-modal, not blocking), which reads
    it off the UI thread; a folder, a device, a pipe or a file too large is refused by its type and
    size at once (nothing is opened), explained in plain text, and nothing changes."""
    if not path:
        folder = str(document.path.parent) if document.path else ""
        path = QFileDialog.getOpenFileName(parent, "Import actuals from a CSV file", folder, CSV_FILTER)[0]
        if not path:
            return None
    try:
        check_file(path)
    except ActualsImportError as error:
        show_plain_warning(parent, NOT_IMPORTED_TITLE, str(error))
        return None
    dialog = ImportActualsDialog(document, path, settings, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
