"""The plan's health, always in view: the key figures, a verdict and warnings in plain words.

The value labels are named ``health.<figure>`` (tests and screen readers rely on it) and
show exactly what the engine computed, formatted by ``planner.numbers.formatting``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.advice.health import Alert, alerts, level, next_year_line, next_year_short, to_date_line, verdict
from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult
from planner.plan.validation import Validated
from ui.document import PlanDocument, follow_names
from ui.startup import set_enum
from ui.style import PANEL, opaque, repolish
from ui.widgets.fence import Fence
from ui.widgets.figure_label import FigureLabel
from ui.widgets.warning_button import WarningButton

Figure = tuple[str, str, Callable[[PlanResult], str], str]

FIGURES: tuple[Figure, ...] = (
    ("sales_ready_leads_needed", "Sales-ready leads needed",
     lambda r: fmt.count(r.demand.sales_ready_leads),
     "Sales-ready leads the revenue goal needs over the horizon"),
    ("sales_ready_leads_supplied", "Supplied, all months",
     lambda r: fmt.count(r.supply.sales_ready_leads),
     "Sales-ready leads the labor model and the programs supply over the whole plan, also in the last "
     "months, whose leads close next year"),
    ("gap", "Gap this year", lambda r: fmt.gap(r.gap.sales_ready_leads),
     "This year's gap: the sales-ready leads needed less those that come in time to close inside the plan "
     "(actuals where reported): a shortfall, or a surplus"),
    ("coverage", "Coverage this year", lambda r: fmt.percent(r.gap.coverage),
     "This year's coverage: the sales-ready leads that come in time to close inside the plan, divided by "
     "those needed"),
    ("cost", "Total cost", lambda r: fmt.money(r.supply.cost, r.currency),
     "People, fees and program budgets over the horizon"),
    ("cost_per_sales_ready_lead", "Cost per sales-ready lead",
     lambda r: fmt.money(r.supply.cost_per_sales_ready_lead, r.currency),
     "Total cost divided by the sales-ready leads supplied"),
    ("return", "Return on cost", lambda r: fmt.percent(r.supply.return_on_cost),
     "Return on cost: the gross margin on the revenue the plan's leads are projected to win, less the "
     "plan's cost, divided by its cost (228% means each dollar spent brings back $2.28 of margin)"),
)  # fmt: skip


PANEL_WIDTH = 276


class GrowingScroll(QScrollArea):
    """As tall as its content, up to the room the panel has left; it scrolls only past that."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        height = 0
        if inner is not None:
            width = self.viewport().width() if self.isVisible() else PANEL_WIDTH - 40
            height = inner.heightForWidth(width)
            height = height if height >= 0 else inner.sizeHint().height()
        return QSize(super().sizeHint().width(), height + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 60)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():  # the warnings wrap anew: as tall as they now need
            self.updateGeometry()


class HealthPanel(QFrame):
    """Figures and warnings of the open plan; updated on every change of the document."""

    alert_activated = Signal(str)  # the plan path a clicked warning is about

    def __init__(self, document: PlanDocument, parent: QWidget | None = None, *, warnings_later: bool = False) -> None:
        super().__init__(parent)
        self.document = document
        self.validated = Validated()  # the plan's problems, worked out again only when their inputs change
        self.setObjectName("health")
        self.setAccessibleName("Plan health")
        self.setFixedWidth(PANEL_WIDTH)  # never moves the page beside it as its numbers change

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        title = QLabel("Plan health")
        title.setProperty("role", "panel-title")
        layout.addWidget(title)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.values: dict[str, QLabel] = {}
        for row, (key, label, _, tip) in enumerate(FIGURES):
            name = QLabel(label)
            name.setProperty("role", "figure-name")
            name.setWordWrap(True)
            name.setToolTip(tip)
            value = FigureLabel(tip)
            value.setObjectName(f"health.{key}")
            value.setProperty("role", "figure")
            opaque(value, PANEL)  # (a new figure repaints itself alone: the figures change with every edit)
            set_enum(value, "alignment", "AlignRight|AlignVCenter")
            value.setAccessibleName(label)
            name.setBuddy(value)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.setColumnStretch(0, 1)
        # the figures and the verdict change with every edit: laid out again only when one needs
        # other room (``ui.widgets.fence``)
        figures = QWidget()
        column = QVBoxLayout(figures)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addLayout(grid)

        self.verdict = QLabel()
        self.verdict.setObjectName("health.verdict")
        self.verdict.setProperty("role", "verdict")
        self.verdict.setWordWrap(True)
        column.addWidget(self.verdict)
        # next year's start: the last months' leads close after the plan (hidden without a sales cycle)
        self.next_year = QLabel()
        self.next_year.setObjectName("health.next_year")
        self.next_year.setProperty("role", "next-year")
        self.next_year.setWordWrap(True)
        self.next_year.setAccessibleName("Next year's start")
        self.next_year.hide()
        column.addWidget(self.next_year)
        column.addStretch(1)
        self.figures = Fence(figures, keep_room=False, watch=[*self.values.values(), self.verdict, self.next_year])
        layout.addWidget(self.figures)
        self.to_date = QLabel()  # the actuals against the plan, to date (hidden until there are actuals)
        self.to_date.setObjectName("health.to_date")
        self.to_date.setProperty("role", "hint")
        self.to_date.setWordWrap(True)
        self.to_date.setAccessibleName("To date")
        self.to_date.hide()
        layout.addWidget(self.to_date)

        layout.addStretch(1)
        self.warning_labels: list[WarningButton] = []
        self.warning_texts: list[QLabel] = []
        self.shown_alerts: list[Alert] = []
        self.warnings_box: QWidget | None = None
        if not warnings_later:  # else the window adds them (``add_warnings``) once it is on screen
            self._make_warnings_list()

        document.changed.connect(self.refresh)
        follow_names(document, self.refresh)  # a warning names a resource or a channel
        self.refresh()

    def add_warnings(self) -> None:
        """The warnings of a panel made with ``warnings_later`` (the ``leadplanner`` command
        shows them a frame after the rest of the window); once."""
        if self.warnings_box is None:
            self._make_warnings_list()
            self.show_alerts(alerts(self.document.plan, self.document.result, self.validated(self.document.plan)))

    def _make_warnings_list(self) -> None:
        """The warnings' heading and list, above the panel's bottom stretch."""
        layout = self.layout()
        at = layout.count() - 1  # before the stretch
        heading = QLabel("Warnings")
        heading.setProperty("role", "subheading")
        layout.insertWidget(at, heading)
        self.warnings_box = QWidget()
        self.warnings_box.setObjectName("health.warnings")
        self.warnings_layout = QVBoxLayout(self.warnings_box)
        self.warnings_layout.setContentsMargins(0, 0, 0, 0)
        self.warnings_layout.setSpacing(8)
        scroll = GrowingScroll()
        scroll.setObjectName("health.warnings_scroll")
        scroll.setWidget(self.warnings_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        set_enum(scroll, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        self.warnings_scroll = scroll
        self.warnings_height = -1  # the list's height when last laid out
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.insertWidget(at + 1, scroll)

    def refresh(self) -> None:
        result = self.document.result
        show_figures(self.values, result)
        self.verdict.setText(verdict(result))
        ahead = next_year_line(result)
        self.next_year.setText(ahead)
        if self.next_year.isHidden() == bool(ahead):
            self.next_year.setVisible(bool(ahead))
        warned = "fair" if next_year_short(result) else ""  # a short start is warned of in amber
        if self.next_year.property("level") != warned:
            self.next_year.setProperty("level", warned)
            repolish(self.next_year)
        self.figures.fit()
        line = to_date_text(result)
        self.to_date.setText(line)
        self.to_date.setVisible(bool(line))
        if self.warnings_box is not None:  # else they are worked out when the list is made
            self.show_alerts(alerts(self.document.plan, result, self.validated(self.document.plan)))

    def show_alerts(self, found: list[Alert]) -> None:
        if found == self.shown_alerts:
            return
        shown, self.shown_alerts = self.shown_alerts, found
        relayout = False  # the list needs another height: a warning came, went, or needs another line
        while len(self.warning_labels) < len(found):
            button = WarningButton()
            button.clicked.connect(self._on_warning_clicked)
            self.warnings_layout.addWidget(button)
            self.warning_labels.append(button)
            self.warning_texts.append(button.words)
            relayout = True
        for index, button in enumerate(self.warning_labels):
            if index < len(found):
                alert = found[index]
                if index < len(shown) and shown[index] == alert:
                    continue  # the same warning in the same place: nothing to redo
                relayout = button.set_message(alert.message) or relayout
                button.setToolTip("Go to the step this is about" if alert.path else alert.message)
                button.setProperty("path", alert.path)
                if button.isHidden():
                    button.show()
                    relayout = True
            elif not button.isHidden():
                button.hide()
                relayout = True
        if relayout:
            height = self.warnings_scroll.sizeHint().height()
            if height != self.warnings_height:  # as tall as the warnings, up to the room left
                self.warnings_height = height
                self.warnings_scroll.updateGeometry()
        # new warnings read from their first line, never from the middle of one the list was scrolled to
        self.warnings_scroll.verticalScrollBar().setValue(0)

    def warnings(self) -> list[str]:
        """The warnings shown now, in order (for people reading tests and for screen readers)."""
        return [a.message for a in self.shown_alerts]

    def _on_warning_clicked(self) -> None:
        path = self.sender().property("path") if self.sender() else ""
        if path:
            self.alert_activated.emit(path)


def to_date_text(result: PlanResult) -> str:
    """``To date: 41 sales-ready leads to Mar 2027 against 60 needed, 19 short. At this pace: 95% of the year.``"""
    line = to_date_line(result)
    if not line:
        return ""
    coverage = result.actuals.forecast_coverage if result.actuals else None
    pace = f" At this pace: {fmt.percent(coverage)} of this year's sales-ready leads." if coverage is not None else ""
    return f"To date: {line}.{pace}"


def show_figures(labels: dict[str, QLabel], result: PlanResult) -> None:
    """The health figures in their labels, coverage and gap coloured as the verdict judges the plan."""
    for key, _, show, _ in FIGURES:
        labels[key].setText(show(result))
    shade = level(result)  # the verdict's own judgement: good on track, fair late, poor short
    for key in ("coverage", "gap"):
        label = labels[key]
        if label.property("level") != shade:
            label.setProperty("level", shade)
            repolish(label)
