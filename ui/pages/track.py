"""Step 8, Track: what really happened each month against the plan, and where the year ends at this pace.

The grid takes typed figures, a block pasted from a spreadsheet (Ctrl+V) and Delete to clear;
every change is one undo step of ``plan.actuals`` and is autosaved like any other edit.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from planner.advice import health
from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult
from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.actuals_model import ACTUAL_COLUMNS, HEADERS, PLAN_COLUMNS, ActualsModel
from ui.pages.page import Page

ROW_HEIGHT = 34
MIN_COLUMN, MAX_COLUMN = 60, 140
CELL_PADDING = 12  # the cell's margins and the grid line
SECTION_PADDING = 4  # a header section's padding a side (6 in ui.style): ten columns fit a laptop's width
HEADER_PADDING = 2 * SECTION_PADDING + 2  # the header section's padding, its border and a pixel to spare


def header_font(font: QFont) -> QFont:
    """The type of the column headers as ui.style draws them (14 px, semibold)."""
    font = QFont(font)
    font.setPixelSize(14)
    font.setWeight(QFont.Weight.DemiBold)
    return font


class ActualsTable(QTableView):
    """The grid: spreadsheet keys for a block of cells (paste, copy, delete)."""

    def __init__(self, model: ActualsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actuals = model
        self.setModel(model)
        self.setObjectName("actuals")
        self.setAccessibleName("Actuals by month")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(False)
        # ten columns of figures fit a laptop's width
        self.setStyleSheet(
            f"QTableView {{ font-size: 14px; }} QHeaderView::section {{ padding: 4px {SECTION_PADDING}px; }}"
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        # widths set by fit_columns from the texts shown, not measured by Qt cell by cell on every edit
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(MIN_COLUMN)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.widths: list[int] = []  # the width each column needs for its header and its cells
        model.modelReset.connect(self.fit_height)
        model.modelReset.connect(self.fit_row_labels)
        model.modelReset.connect(self.refit)
        model.dataChanged.connect(self.cells_changed)
        self.setCurrentIndex(model.index(0, ACTUAL_COLUMNS[0]))
        self.show_plan(False)
        self.fit_row_labels()
        self.fit_height()

    def show_plan(self, shown: bool) -> None:
        """Show or hide the plan's figure under each variance ("−19" over "of 48"), in rows of two
        lines: three columns a stage would not fit a laptop's width. The plan's own columns stay
        in the model (for scripts), hidden."""
        for column in PLAN_COLUMNS:
            self.setColumnHidden(column, True)
        self.actuals.show_plan(shown)
        self.verticalHeader().setDefaultSectionSize(self.row_height())
        self.fit_height()
        self.refit()

    def row_height(self) -> int:
        """One line of figures, or two while the plan's figures are shown under the variances."""
        if not self.actuals.plan_in_variance:
            return ROW_HEIGHT
        return 2 * self.fontMetrics().lineSpacing() + 12

    def refit(self) -> None:
        """Columns fitted again now if shown, else when next shown."""
        self.widths = []
        if self.isVisible():
            self.fit_columns()

    def cells_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """Refit when a shown column's texts changed (a hidden plan column's do not matter)."""
        if any(not self.isColumnHidden(c) for c in range(top_left.column(), bottom_right.column() + 1)):
            self.refit()

    def needed_widths(self) -> list[int]:
        """Per column: its header's width, or its widest text's (with the cell's padding)."""
        metrics, model = self.fontMetrics(), self.actuals
        heading = QFontMetrics(header_font(self.horizontalHeader().font()))
        widths = []
        for column in range(model.columnCount()):
            if self.isColumnHidden(column):
                widths.append(0)
                continue
            texts = [line for row in range(model.rowCount()) for line in model.cell(row, column).text.split("\n")]
            longest = sorted(texts, key=len)[-3:]  # (figures: the longest are the widest)
            widest = max((metrics.horizontalAdvance(text) for text in longest), default=0) + CELL_PADDING
            title = max(heading.horizontalAdvance(line) for line in HEADERS[column].split("\n")) + HEADER_PADDING
            widths.append(max(title, widest, MIN_COLUMN))
        return widths

    def fit_columns(self) -> None:
        """Every shown column as wide as it needs, the room left shared out (up to MAX_COLUMN each):
        the grid fits the page without scrolling sideways wherever it can."""
        needed = self.needed_widths()
        if needed == self.widths and self.columnWidth(0) > 0:
            return
        self.widths = needed
        shown = [c for c in range(len(needed)) if not self.isColumnHidden(c)]
        room = self.viewport().width() - sum(needed[c] for c in shown)
        extra = max(0, room // max(1, len(shown)))
        for column in shown:
            width = max(needed[column], min(needed[column] + extra, MAX_COLUMN))
            if self.columnWidth(column) != width:
                self.setColumnWidth(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.widths = []
        self.fit_columns()

    def fit_row_labels(self) -> None:
        """The months' column as wide as its longest label ("Jan", "Jan 27") and the header's padding:
        Qt's own fit leaves room for a sort arrow the grid never shows, room its figures need."""
        labels = self.verticalHeader()
        metrics = QFontMetrics(header_font(labels.font()))
        model = self.model()
        texts = [str(model.headerData(row, Qt.Orientation.Vertical) or "") for row in range(model.rowCount())]
        width = max((metrics.horizontalAdvance(text) for text in texts), default=0) + HEADER_PADDING
        if labels.width() != width:
            labels.setFixedWidth(width)

    def fit_height(self) -> None:
        """Every month in view: the page scrolls, not the grid."""
        rows = self.model().rowCount()
        scroll = self.horizontalScrollBar().sizeHint().height()
        two_lines = 2 * self.horizontalHeader().fontMetrics().lineSpacing() + 14
        header = max(self.horizontalHeader().sizeHint().height(), two_lines)
        self.setFixedHeight(header + rows * self.row_height() + scroll + 2 * self.frameWidth() + 2)

    def showEvent(self, event: QShowEvent) -> None:
        self.actuals.follower.read()  # edits made while another step was shown
        super().showEvent(event)
        self.verticalHeader().setDefaultSectionSize(self.row_height())  # (in the type the style gives)
        self.fit_height()  # the header's height is known once the style is applied
        self.fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.actuals.clear(self.selectedIndexes())
        else:
            super().keyPressEvent(event)

    def paste(self, text: str | None = None) -> bool:
        """Paste ``text`` (the clipboard's by default) from the current cell on."""
        current = self.currentIndex()
        if not current.isValid():
            current = self.model().index(0, ACTUAL_COLUMNS[0])
        if text is None:
            text = QGuiApplication.clipboard().text()
        return self.actuals.paste(current.row(), current.column(), text)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.actuals.copy_text(self.selectedIndexes()))


def standing_text(result: PlanResult) -> str:
    """Where the plan stands on its actuals, in a sentence or two ('' before any)."""
    actual = result.actuals
    if actual is None:
        return (
            "No actuals yet: type each month's figures as the month closes, paste them from a spreadsheet, or "
            "import them from a CSV file."
        )
    parts = []
    to_date = health.to_date_line(result)
    if to_date:
        parts.append(
            f"{to_date[0].upper()}{to_date[1:]}. At this pace the year brings "
            f"{fmt.count(actual.forecast_sales_ready_leads)} of the {fmt.count(result.demand.sales_ready_leads)} "
            f"needed ({fmt.percent(actual.forecast_coverage)})."
        )
    if actual.revenue is not None and actual.revenue_vs_goal is not None:
        versus = actual.revenue_vs_goal
        gap = (
            f"{fmt.money(-versus, result.currency)} behind the goal"
            if versus < 0
            else f"{fmt.money(versus, result.currency)} ahead of the goal"
        )
        parts.append(
            f"Revenue to {health.month_label(result, actual.revenue_through_month)}: "
            f"{fmt.money(actual.revenue, result.currency)} against "
            f"{fmt.money(actual.revenue_goal_to_date, result.currency)}, {gap}."
        )
    return " ".join(parts)


class TrackPage(Page):
    title = "Track"
    key = "track"
    import_requested = Signal()  # the Import button: the window opens File → Import actuals…
    intro = (
        "Once the year starts, enter what really happened each month: sales-ready leads, opportunities, "
        "wins, revenue and cost. Beside each figure: how far it is from what the month needs (sales-ready "
        "leads) or from what the plan expects (the other stages; wins and revenue in the month they close), "
        "red where behind, green where ahead. A month not reported stays empty."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.standing = QLabel()
        self.standing.setObjectName("track.standing")
        self.standing.setProperty("role", "finding-title")
        self.standing.setWordWrap(True)
        self.body.addWidget(self.standing)

        self.model = ActualsModel(document, shown=lambda: self.table.isVisible())
        self.table = ActualsTable(self.model)
        # the plan's own figures are a click away, so the grid fits a laptop's width
        self.show_plan = QCheckBox("Show the needed and planned figures")
        self.show_plan.setObjectName("track.show_plan")
        self.show_plan.setAccessibleName("Show the figure each actual is compared with")
        self.show_plan.setToolTip(
            "Show, under each difference, what the actual is compared with: the sales-ready leads the month "
            "needs (“−19 of 48”), and what the plan expects of the other stages"
        )
        self.show_plan.toggled.connect(self.table.show_plan)
        # the same action as File → Import actuals…, where the actuals are
        self.import_button = QPushButton("Import from a CSV file…")
        self.import_button.setObjectName("track.import")
        self.import_button.setToolTip(
            "Import the months' figures from a CSV file exported from your CRM or a spreadsheet (File → Import "
            "actuals…): each month and figure is previewed before anything changes"
        )
        self.import_button.setAccessibleName("Import actuals from a CSV file")
        self.import_button.clicked.connect(self.import_requested)
        options = QHBoxLayout()
        options.addWidget(self.import_button)
        options.addStretch(1)
        options.addWidget(self.show_plan)
        self.body.addLayout(options)
        self.body.addWidget(self.table)
        tip = QLabel(
            "Type in the actual columns, paste a block copied from a spreadsheet (Ctrl+V: its columns fill the "
            "actual columns from the selected one, left to right), Delete clears. Ctrl+Z undoes."
        )
        tip.setProperty("role", "hint")
        tip.setWordWrap(True)
        self.body.addWidget(tip)
        self.message = QLabel()
        self.message.setObjectName("track.message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.hide()
        self.body.addWidget(self.message)
        self.model.problem.connect(self.show_problem)

        self.section("Plan vs actual", "Sales-ready leads added up month by month, and the forecast at this pace.")
        self.chart = ChartSlot("ui.charts.actuals", "ActualsChart", lambda c: c.show_result(document.result),
                               height=380)  # fmt: skip
        self.body.addWidget(self.chart)
        document.changed.connect(self.chart.follower.follow)
        document.changed.connect(self.follower.follow)  # the standing sentence: now if shown, else when shown
        self.redraw()
        self.finish()

    def redraw(self) -> None:
        self.standing.setText(standing_text(self.document.result))

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
