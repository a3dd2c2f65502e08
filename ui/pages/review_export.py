"""Step 7, Review & export: the plan at a glance, its charts, the what-ifs, and the exports."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.advice.health import verdict
from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult
from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.whatif_models import ScenariosModel, SensitivityModel
from ui.pages.goal_seek_panel import GoalSeekPanel
from ui.pages.page import Page, follow_figures
from ui.pages.scenarios_panel import ScenariosPanel
from ui.style import opaque
from ui.widgets.fence import Fence
from ui.widgets.figure_label import FigureLabel
from ui.widgets.follow import on_screen
from ui.widgets.table_fit import TableFit

EAGER_WHATIFS_UP_TO = 1000  # resources and channels: a bigger plan fills its what-if tables when scrolled to

GLANCE: tuple[tuple[str, str, Callable[[PlanResult], str]], ...] = (
    ("needed", "Sales-ready leads needed", lambda r: fmt.count(r.demand.sales_ready_leads)),
    ("supplied", "Sales-ready leads supplied, all months", lambda r: fmt.count(r.supply.sales_ready_leads)),
    ("coverage", "Coverage this year", lambda r: fmt.percent(r.gap.coverage)),
    ("reps", "Inside reps to close the gap", lambda r: reps_figure(r)),
    ("cost", "Total cost", lambda r: fmt.money(r.supply.cost, r.currency)),
    ("per_srl", "Cost per sales-ready lead", lambda r: fmt.money(r.supply.cost_per_sales_ready_lead, r.currency)),
    ("revenue", "Revenue from all its leads", lambda r: fmt.money(r.supply.projected_revenue, r.currency)),
    ("return", "Return on cost", lambda r: fmt.percent(r.supply.return_on_cost)),
)
GLANCE_TIPS = {
    "supplied": "All the sales-ready leads the plan supplies, also in the last months, whose leads close next year",
    "coverage": "This year's coverage: the sales-ready leads that come in time to close inside the plan, over those needed",
    "revenue": "The revenue all the plan's sales-ready leads win, also those that close after the horizon",
    "per_srl": "Total cost divided by the sales-ready leads supplied",
    "return": "Return on cost: the gross margin on the projected revenue, less the cost, divided by the cost",
    "reps": "Inside reps hired now (ramping as a new hire does) it would take to close this year's gap; "
    "“None in time” when no hire made now closes it: a new rep's leads would close after the year",
}


def reps_figure(result: PlanResult) -> str:
    """The inside reps that close this year's gap; in words when no hire made now can (never "0" or "n/a")."""
    reps = result.gap.inside_reps_to_close_gap
    return "None in time" if reps is None else fmt.count(reps)


def read_only_table(name: str, title: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(title)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(34)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view


class Glance(QFrame):
    """The verdict and the key figures in large type, in a fence (``fence``, added to the page in
    its place): laid out again only when one of them needs other room (``ui.widgets.fence``)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setProperty("role", "card")
        self.setObjectName("review.glance")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        self.verdict = QLabel()
        self.verdict.setObjectName("review.verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setProperty("role", "finding-title")
        opaque(self.verdict, "white")  # (the verdict and the figures change with every edit: each repaints alone)
        layout.addWidget(self.verdict)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(10)
        self.figures: dict[str, QLabel] = {}
        for index, (key, label, _) in enumerate(GLANCE):
            value = FigureLabel(GLANCE_TIPS.get(key, ""))
            value.setObjectName(f"review.{key}")
            value.setProperty("role", "big-figure")
            opaque(value, "white")
            value.setAccessibleName(label)
            name = QLabel(label)
            name.setToolTip(GLANCE_TIPS.get(key, ""))
            name.setProperty("role", "big-figure-name")
            name.setWordWrap(True)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(value)
            cell.addWidget(name)
            grid.addLayout(cell, index // 4, index % 4)
            self.figures[key] = value
        for column in range(4):  # equal columns: a figure's new width moves no other, nor wraps a name anew
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        layout.addStretch(1)  # the room its fence keeps while a figure needs less goes below the figures
        self.fence = Fence(self, watch=[self.verdict, *self.figures.values()])
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        result = self.document.result
        self.verdict.setText(verdict(result))
        for key, _, show in GLANCE:
            self.figures[key].setText(show(result))
        self.fence.fit()


class ReviewExportPage(Page):
    title = "Review & export"
    key = "review_export"
    intro = "The plan at a glance, what changes it most, and the files for the CEO."

    export_requested = Signal(str)  # "xlsx" or "html"

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        exports = QHBoxLayout()
        exports.setSpacing(12)
        for kind, text, tip in (
            ("xlsx", "Export Excel workbook…", "A workbook with live formulas the CEO can change (Ctrl+E)"),
            ("html", "Export HTML report…", "A report that opens in any browser, prints and forwards (Ctrl+Shift+E)"),
        ):
            button = QPushButton(text)
            button.setObjectName(f"export.{kind}")
            button.setProperty("role", "primary")
            button.setToolTip(tip)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(lambda _c=False, k=kind: self.export_requested.emit(k))
            exports.addWidget(button)
        exports.addStretch(1)
        self.body.addLayout(exports)

        self.glance = Glance(document)
        self.body.addWidget(self.glance.fence)  # its figures change on every edit: not the page's layout

        self.charts: list[ChartSlot] = []
        for module, cls, kwargs, height in (
            ("ui.charts.monthly", "DemandSupplyChart", {"by": "resource"}, 380),
            ("ui.charts.monthly", "RevenueChart", {}, 360),  # the pipeline, then the leads, against the goal
            ("ui.charts.monthly", "CostChart", {}, 340),
        ):
            slot = ChartSlot(module, cls, lambda c: c.show_result(document.result), kwargs=kwargs, height=height)
            self.body.addWidget(slot)
            self.charts.append(slot)
        row = QHBoxLayout()
        row.setSpacing(16)
        for cls in ("FunnelChart", "ChannelMixChart"):
            slot = ChartSlot("ui.charts.funnel", cls, lambda c: c.show_result(document.result), height=320)
            row.addWidget(slot)
            self.charts.append(slot)
        self.body.addLayout(row)
        for slot in self.charts:  # each redraws while on screen, else when it comes into view
            follow_figures(document, slot.follower)

        self.section(
            "Scenarios",
            "A scenario changes some of the plan's numbers by name (a win rate, a head count, a budget) "
            "and is compared with the base plan, which it never changes. Double-click a name to rename it.",
        )
        self.scenario_editor = ScenariosPanel(document, lambda: on_screen(self.scenario_editor.table, self.viewport()))
        self.watch(self.scenario_editor.overrides.follower)
        self.body.addWidget(self.scenario_editor)
        self.scenarios = read_only_table("scenarios", "Scenarios side by side")
        self.scenarios.setModel(ScenariosModel(document, lambda: on_screen(self.scenarios, self.viewport())))
        self.scenarios_fit = TableFit(self.scenarios, (0,), fill=None)
        self.scenarios.setMinimumHeight(7 * 34 + 40)
        self.body.addWidget(self.scenarios)
        self.add_chart("ui.charts.whatif", "ScenarioChart", 380)

        self.section(
            "What closes the gap",
            "What one change would have to be, on its own, for the plan to supply every sales-ready lead "
            "this year needs (the leads that close within the plan). Keep a rate or a budget as a scenario "
            "to compare it; hires start in a month of their own, so they are added to the plan (Ctrl+Z undoes).",
        )
        self.goal_seek = GoalSeekPanel(document, lambda: on_screen(self.goal_seek, self.viewport()))
        self.watch(self.goal_seek.follower)
        self.body.addWidget(self.goal_seek)

        self.section(
            "Sensitivity",
            "Each driver moved by 10% and 20% either way, and the coverage the plan would have. "
            "The drivers that change it most come first; hover a cell for the details.",
        )
        self.sensitivity = read_only_table("sensitivity", "Sensitivity")
        self.sensitivity.setModel(SensitivityModel(document, lambda: on_screen(self.sensitivity, self.viewport())))
        # the numbers as wide as they need, the drivers' names the rest (wrapping, never cut); a plan
        # of thousands of drivers (two for each program) gets two-line rows, not each one measured
        self.sensitivity_fit = TableFit(self.sensitivity, (0,), fill=0, beyond=2)
        self.sensitivity.setMinimumHeight(360)
        self.body.addWidget(self.sensitivity)
        self.add_chart("ui.charts.whatif", "TornadoChart", 460)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.finish()
        # the what-if tables follow the plan while in view, and catch up when scrolled into view
        # (or when the page is shown again)
        for table in (self.scenarios, self.sensitivity):
            self.watch(table.model().follower)

    def showEvent(self, event: object) -> None:
        # a plan of thousands of channels (20,000 drivers: a second's work) catches its what-if
        # tables up when they are scrolled to; a smaller plan at once, as the page is shown
        for table in (self.scenarios, self.sensitivity):
            if not self.big_plan() or on_screen(table, self.viewport()):
                table.model().follower.read()
        super().showEvent(event)

    def big_plan(self) -> bool:
        plan = self.document.plan
        return len(plan.labor) + len(plan.channels) > EAGER_WHATIFS_UP_TO

    def add_chart(self, module: str, cls: str, height: int) -> ChartSlot:
        slot = ChartSlot(
            module, cls, lambda c: c.show_result(self.document.result), height=height, wait_off_screen=self.big_plan
        )
        self.body.addWidget(slot)
        self.charts.append(slot)
        follow_figures(self.document, slot.follower)
        return slot
