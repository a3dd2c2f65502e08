"""A table of plan rows with Add, Duplicate and Remove, and the message of a refused edit.

A table with more columns than a laptop's width holds shows them in two sets, on two tabs over
it (labor: output and cost, then start, ramp and turnover): the name, and the columns every set
shows (``Column.always``), on both. Columns and rows fit the room (``ui.widgets.table_fit``)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.rows_model import RowsModel
from ui.override_edits import confirm_removal, overrides_of_row
from ui.widgets.long_text_cells import long_text_cells
from ui.widgets.table_fit import TableFit

ROW_HEIGHT = 36


class TableEditor(QWidget):
    def __init__(self, model: RowsModel, name: str, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView()
        self.view.setObjectName(name)
        self.view.setAccessibleName(f"{noun.capitalize()}s")
        self.view.setModel(model)
        long_text_cells(self.view)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setAlternatingRowColors(True)
        # names wrap onto more lines rather than being cut (the whole text is in the tooltip too)
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.verticalHeader().setMinimumSectionSize(ROW_HEIGHT)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # room for two-digit row numbers from the start: the tenth row moves no column
        numbers = self.view.verticalHeader()
        numbers.setMinimumWidth(numbers.fontMetrics().horizontalAdvance("00") + 16)
        words = [c for c, column in enumerate(model.columns) if not column.numeric]
        self.fit = TableFit(self.view, words, fill=0, fitted=self.fit_height)

        self.add_button = QPushButton(f"Add {noun}")
        self.add_button.setObjectName(f"{name}.add")
        self.duplicate_button = QPushButton("Duplicate")
        self.duplicate_button.setObjectName(f"{name}.duplicate")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName(f"{name}.remove")
        self.up_button = QPushButton("Move up")
        self.up_button.setObjectName(f"{name}.up")
        self.down_button = QPushButton("Move down")
        self.down_button.setObjectName(f"{name}.down")
        for button, tip in (
            (self.add_button, f"Add a {noun} (Ctrl+Insert in the table)"),
            (self.duplicate_button, f"Add a copy of the selected {noun}"),
            (self.remove_button, f"Remove the selected {noun} (Delete in the table)"),
            (self.up_button, f"Move the selected {noun} up (Ctrl+Up in the table)"),
            (self.down_button, f"Move the selected {noun} down (Ctrl+Down in the table)"),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(tip)
        self.add_button.clicked.connect(self.add_row)
        self.duplicate_button.clicked.connect(self.duplicate_row)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        QShortcut(QKeySequence("Ctrl+Insert"), self.view, self.add_row,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.remove_row,
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        QShortcut(QKeySequence("Ctrl+Up"), self.view, lambda: self.move_row(-1),
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip
        QShortcut(QKeySequence("Ctrl+Down"), self.view, lambda: self.move_row(1),
                  context=Qt.ShortcutContext.WidgetShortcut)  # fmt: skip

        self.message = QLabel()
        self.message.setObjectName(f"{name}.message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        model.problem.connect(self.show_problem)
        model.modelReset.connect(self.update_buttons)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        # the secondary columns (Column.detail) on a tab of their own, so the table fits a laptop's width
        self.tabs = QTabBar()
        self.tabs.setObjectName(f"{name}.columns")
        self.tabs.setAccessibleName("Columns shown")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(False)  # each tab's title whole
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        for title in model.column_sets:
            self.tabs.addTab(title)
        details = ", ".join(c.header.replace("\n", " ").lower() for c in model.columns if c.detail)
        if details:
            self.tabs.setTabToolTip(1, f"The {details} of each {noun}")
        self.tabs.currentChanged.connect(lambda index: self.show_details(index == 1))
        if not details:
            self.tabs.hide()  # (showing it here, before it has a parent, would open it as a window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(buttons)
        tabbed = QVBoxLayout()  # the tabs sit on the table they switch
        tabbed.setSpacing(0)
        tabbed.addWidget(self.tabs, 0, Qt.AlignmentFlag.AlignLeft)
        tabbed.addWidget(self.view)
        layout.addLayout(tabbed)
        layout.addWidget(self.message)
        self.view.selectionModel().currentRowChanged.connect(self.update_buttons)
        self.update_buttons()
        self.fit_height()
        self.show_details(False)

    def show_details(self, shown: bool) -> None:
        """The secondary columns (with the name and the columns always shown), or the others."""
        for column, spec in enumerate(self.model.columns):
            self.view.setColumnHidden(column, not (column == 0 or spec.always or spec.detail == shown))
        if self.tabs.currentIndex() != int(shown):
            self.tabs.setCurrentIndex(int(shown))
        self.fit.schedule()

    @property
    def details_shown(self) -> bool:
        return self.tabs.currentIndex() == 1

    def fit_height(self) -> None:
        """Rows as tall as their wrapped names (a plan of thousands of channels: one line each),
        and the table tall enough for them (at least three, at most twelve) without empty space."""
        count = self.model.rowCount()
        shown = sum(self.view.rowHeight(r) for r in range(min(count, 12))) + max(0, 3 - count) * ROW_HEIGHT
        header = self.view.horizontalHeader().sizeHint().height()
        scrollbar = self.view.horizontalScrollBar().sizeHint().height()
        self.view.setFixedHeight(header + shown + scrollbar + 4)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.view.selectionModel().setCurrentIndex(index, flags)
            self.view.scrollTo(index)
        self.update_buttons()

    def add_row(self) -> None:
        row = self.model.rowCount()
        if self.model.insertRows(row, 1):
            self.select_row(row)
            self.view.setFocus()

    def duplicate_row(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.select_row(self.model.duplicate_row(row))

    def remove_row(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        references = overrides_of_row(self.model.document, self.model.list_path, row)
        if references and not confirm_removal(self, self.model.described(row), references):
            return
        if self.model.removeRows(row, 1):
            self.select_row(min(row, self.model.rowCount() - 1))

    def move_row(self, step: int) -> None:
        row = self.current_row()
        if row >= 0:
            self.select_row(self.model.move_row(row, step))
            self.view.setFocus()

    def update_buttons(self) -> None:
        row = self.current_row()
        selected = row >= 0
        self.duplicate_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(selected and row < self.model.rowCount() - 1)

    def show_problem(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
