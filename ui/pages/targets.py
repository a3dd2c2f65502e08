"""Step 3, Targets: the revenue goal and the funnel's rates, the reverse funnel, seasonality."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QTableView,
    QWidget,
)

from planner.benchmarks.library import FIGURES
from planner.plan.model import Spec
from planner.plan.months import MONTH_NAMES
from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.demand_model import DemandModel
from ui.pages.page import FieldGrid, Page
from ui.timing_view import TimingView
from ui.widgets.fields import BoundLineEdit
from ui.widgets.range_hints import RangeHints
from ui.widgets.table_fit import TableFit

FULL_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

HINTS = {
    "targets.revenue_goal": "New-logo: revenue from new customers (not renewals or upsells) over the horizon",
    "targets.deal_size": "Average first-year revenue of a new customer",
}


class TargetsPage(Page):
    title = "Targets"
    key = "targets"
    intro = (
        "How many sales-ready leads the goal needs, worked back from wins. Rates are "
        "percentages: type 20 for 20%. Each default shows where it comes from, and with an "
        "industry chosen on Basics, the range published for it."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.section("Revenue")
        grid = FieldGrid(document)
        for path in ("targets.revenue_goal", "targets.pipeline_revenue", "targets.deal_size"):
            grid.add(path, hint=HINTS.get(path), width=150)
        grid.add("targets.win_rate", width=80)
        grid.add("targets.sales_cycle_months", width=80)
        # plan model v3: how a rep hired to close the gap ramps (the team in seat ramps as the labor model says)
        grid.add("targets.new_hire_ramp_months", width=80)
        grid.add("targets.gross_margin", width=80)
        self.body.addLayout(grid)

        self.section("The funnel's conversion rates")
        rates = FieldGrid(document)
        for path in ("targets.lead_to_mql", "targets.mql_to_srl", "targets.srl_to_opportunity"):
            rates.add(path, width=80)
        self.body.addLayout(rates)
        self.fields = {**grid.fields, **rates.fields}
        # with an industry chosen, each rate shows its published range under its default's hint
        ranged = {}
        for fields in (grid, rates):
            for path in fields.fields:
                if path in FIGURES:
                    label = fields.hint_label(path)
                    ranged[path] = (label, label.text(), label.toolTip())
        self.ranges = RangeHints(document, ranged)

        self.funnel = ChartSlot("ui.charts.funnel", "FunnelChart", lambda c: c.show_result(document.result), height=300)
        self.body.addWidget(self.funnel)

        self.section(
            "Seasonality",
            "How busy each calendar month is, relative to the others (1 = an average month). "
            "Demand is spread over the plan's months by these weights, shifted by the sales cycle.",
        )
        weights = QGridLayout()
        weights.setHorizontalSpacing(4)
        for month, name in enumerate(MONTH_NAMES):
            label = QLabel(name)
            field = BoundLineEdit(
                document, f"targets.seasonality[{month}]", hint="",
                spec=Spec("weights", f"{FULL_MONTHS[month]} seasonality weight"),
            )  # fmt: skip
            field.setFixedWidth(52)
            label.setBuddy(field)
            weights.addWidget(label, 0, month)
            weights.addWidget(field, 1, month)
            weights.addWidget(field.message_label, 2 + month, 0, 1, 12)
            self.fields[field.path] = field
        weights.setColumnStretch(12, 1)
        self.body.addLayout(weights)
        self.seasonality = ChartSlot(
            "ui.charts.seasonality", "SeasonalityChart",
            lambda c: c.show_weights(document.plan.targets.seasonality), height=160,
        )  # fmt: skip
        self.seasonality.setMaximumHeight(220)
        self.body.addWidget(self.seasonality)

        self.section(
            "Demand by month",
            "What each month needs, so the wins land inside the plan. The last months, as many as the sales "
            "cycle is long, build next year's start: their leads close after the plan (shaded).",
        )
        self.demand_table = QTableView()
        self.demand_table.setObjectName("demand")
        self.demand_table.setAccessibleName("Demand by month")
        self.demand_table.setModel(DemandModel(document))
        self.demand_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.demand_table.verticalHeader().hide()
        # every column as wide as it needs ("Sep 2027 (next year)"), the room left shared out
        self.demand_fit = TableFit(self.demand_table, (0,), fill=None)
        self.demand_table.setMinimumHeight(360)
        self.demand_table.setAlternatingRowColors(True)
        self.body.addWidget(self.demand_table)

        self.section(
            "By quarter and over time",
            "Covering the year is not enough if the leads come too late: the plan is behind in a month "
            "when the leads needed so far are more than the leads supplied so far.",
        )
        self.timing = TimingView(document, "targets")
        self.body.addWidget(self.timing)
        self.finish()
        document.changed.connect(self.funnel.follower.follow)
        document.changed.connect(self.seasonality.follower.follow)
