"""Step 4, Labor model: who develops leads, and how many each person makes (with a calculator)."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

from planner.benchmarks.library import FIGURES
from planner.numbers import formatting as fmt
from planner.numbers.supply import activity_output
from planner.plan import defaults, vocab
from planner.plan.model import Activity, LaborResource
from ui import values
from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.delegates import ChoiceDelegate
from ui.models.labor_model import DEFAULTS_FOR, IN_SEAT, LaborModel, kind_defaults_text, kind_sources_text
from ui.pages.capacity_notes import CapacityNotes
from ui.pages.page import Page, follow_figures
from ui.pages.table_editor import TableEditor
from ui.widgets.fields import BoundLineEdit, describe
from ui.widgets.follow import Follower, ShownInput
from ui.widgets.range_hints import range_words, ranges_sentence

ACTIVITY_FIELDS = ("working_days", "dials_per_day", "connect_rate", "conversation_to_srl")


class ActivityField(BoundLineEdit):
    """A calculator input: a change also fills the resource's sales-ready leads per person-month."""

    def commit(self, value: Any) -> None:
        row_path, _, name = self.path.partition(".activity.")
        resource = self.document.value(row_path)
        activity = dataclasses.replace(resource.activity or Activity(), **{name: value})
        changed = dataclasses.replace(
            resource, activity=activity, srl_per_person_month=round(activity_output(activity), 4)
        )
        self.document.set_value(row_path, changed, f"Change {self.spec.label} of {resource.name}")


def basis_text(kind: str) -> str:
    """Which figure the calculator starts from and why, for a resource of this kind: one story with
    the kinds' default outputs (``planner.plan.defaults``: 20 days x 60 dials x 10% x 10% = 12)."""
    days, dials = defaults.WORKING_DAYS, defaults.DIALS_PER_DAY
    connect, booked = fmt.percent(defaults.CONNECT_RATE), fmt.percent(defaults.CONVERSATION_TO_SRL)
    output = fmt.count(defaults.CALCULATOR_OUTPUT)
    start = (
        f"The calculator starts from an inside rep's typical month: {days} calling days × {dials} dials a day × "
        f"{connect} connect × {booked} of conversations booked = {output} sales-ready leads"
    )
    if kind == "field":
        own = fmt.count(defaults.labor_default("field", "srl_per_person_month"))
        return (
            f"{start}, full time. A field rep prospects about a fifth of the time, hence their default of {own} a "
            "month: type the days they really call. Each figure's source is in its tooltip."
        )
    if kind == "outsourced":
        own = fmt.count(defaults.labor_default("outsourced", "srl_per_person_month"))
        return (
            f"{start}, an in-house rep's default. An outsourced team's default is {own}, a little under it: type "
            "the agency's own figures. Each figure's source is in its tooltip."
        )
    return f"{start}, the inside reps' default output. Each figure's source is in its tooltip."


class ActivityCalculator(ShownInput, QGroupBox):
    """Working days x dials a day x connect rate x conversations that become sales-ready leads."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__("Activity calculator", parent)
        self.setObjectName("activity_calculator")
        self.document = document
        self.row = -1
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "intro")
        grid.addWidget(self.intro, 0, 0, 1, 4)
        self.fields: dict[str, ActivityField] = {}
        for column, name in enumerate(ACTIVITY_FIELDS):
            path = f"labor[0].activity.{name}"
            spec = values.field_spec(path)
            field = ActivityField(document, path, hint=values.hint_source(path, f"activity.{name}"))
            field.setFixedWidth(110)
            label = QLabel(spec.label + (" (%)" if spec.kind in values.RATE_KINDS else ""))
            label.setWordWrap(True)
            label.setBuddy(field)
            grid.addWidget(label, 1, column)
            grid.addWidget(field, 2, column)
            grid.addWidget(field.message_label, 3, column)
            self.fields[name] = field
        self.result = QLabel()
        self.result.setProperty("role", "big-figure-name")
        self.result.setWordWrap(True)
        grid.addWidget(self.result, 4, 0, 1, 3)
        self.basis = QLabel()  # which figure it starts from, and why: the kinds' default outputs
        self.basis.setObjectName("activity_calculator.basis")
        self.basis.setProperty("role", "hint")
        self.basis.setWordWrap(True)
        grid.addWidget(self.basis, 5, 0, 1, 5)
        self.use_button = QPushButton("Use the calculator for this resource")
        self.use_button.setObjectName("activity_calculator.use")
        describe(self.use_button, "Use the calculator", "Fill sales-ready leads per person-month from the activity")
        self.use_button.clicked.connect(self.use_calculator)
        grid.addWidget(self.use_button, 4, 3)
        grid.setColumnStretch(4, 1)
        self.follower = Follower(self.refresh, self.isVisible)  # follows the plan while shown
        document.changed.connect(self.follower.follow)  # (on another step: when shown again)
        document.text_changed.connect(lambda path: self.refresh() if path.startswith("labor[") else None)
        self.show_row(-1)

    def resource(self) -> LaborResource | None:
        labor = self.document.plan.labor
        return labor[self.row] if 0 <= self.row < len(labor) else None

    def show_row(self, row: int) -> None:
        self.row = row
        for name, field in self.fields.items():
            field.set_path(f"labor[{max(row, 0)}].activity.{name}")
        self.refresh()

    def refresh(self) -> None:
        resource = self.resource()
        active = resource is not None and resource.activity is not None
        for field in self.fields.values():
            field.setEnabled(active)
            if not active:
                default = getattr(Activity(), field.path.rsplit(".", 1)[1])
                field.show_value(default)  # the defaults, greyed, until the calculator is used
        self.use_button.setVisible(resource is not None and not active)
        self.basis.setText(basis_text(resource.kind if resource is not None else "inside"))
        if resource is None:
            self.intro.setText("Select a resource in the table to work out its output from its activity.")
            self.result.setText("")
            return
        name = resource.name or resource.id
        activity = resource.activity or Activity()
        output = fmt.count(activity_output(activity), 1)
        if active:
            self.intro.setText(f"{name}: each change here fills in their sales-ready leads per person-month.")
            self.result.setText(f"= {output} sales-ready leads per person-month")
        else:
            self.intro.setText(
                f"{name} has its output typed in the table. With the typical activity below it would be "
                f"{output} sales-ready leads per person-month; use the calculator to work it out from their own "
                "activity."
            )
            self.result.setText("")

    def use_calculator(self) -> None:
        resource = self.resource()
        if resource is None:
            return
        activity = resource.activity or Activity()
        changed = dataclasses.replace(
            resource, activity=activity, srl_per_person_month=round(activity_output(activity), 4)
        )
        self.document.set_value(
            f"labor[{self.row}]", changed, f"Use the activity calculator for {resource.name}", merge=False
        )


class LaborPage(Page):
    title = "Labor model"
    key = "labor"
    intro = (
        "The people who develop leads. Dedicated lead development reps, in-house or outsourced, "
        "out-perform field reps prospecting part-time. Rates are percentages; double-click a "
        "cell or start typing to change it."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.defaults_shown: tuple[Any, ...] = ()  # (kind, currency, industry, library) of the defaults note
        self.model = LaborModel(document)
        self.table = TableEditor(self.model, "labor", "resource")
        self.view = self.table.view
        self.view.setItemDelegateForColumn(
            self.model.column_of("kind"), ChoiceDelegate(lambda: dict(vocab.LABOR_KINDS), self.view)
        )
        self.body.addWidget(self.table)
        ramp, source = ramp_words("inside", False)
        tip = (f"Add inside reps, new hires with {ramp} (Ctrl+Insert in the table); “Add by kind” adds a team "
               f"already in seat, with no ramp, or another kind.\n{source}")  # fmt: skip
        self.table.add_button.setToolTip(tip)
        self.notes = CapacityNotes(document)
        self.body.addWidget(self.notes)
        self.add_kind = add_kind_button(self.model, self.table)
        self.defaults_note = QLabel()
        self.defaults_note.setObjectName("labor.defaults")
        self.defaults_note.setProperty("role", "hint")
        self.defaults_note.setWordWrap(True)
        kinds = QHBoxLayout()
        kinds.setSpacing(12)
        kinds.addWidget(self.add_kind, 0, Qt.AlignmentFlag.AlignTop)
        kinds.addWidget(self.defaults_note, 1)
        self.body.addLayout(kinds)

        self.calculator = ActivityCalculator(document)
        self.body.addWidget(self.calculator)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _: self._follow(current.row()))
        self.model.modelReset.connect(lambda: self._follow(self.table.current_row()))

        self.chart = ChartSlot(
            "ui.charts.monthly", "DemandSupplyChart", lambda c: c.show_result(document.result),
            kwargs={"by": "resource", "name": "chart.labor_supply"}, height=360,
        )  # fmt: skip
        self.body.addWidget(self.chart)
        follow_figures(document, self.chart.follower)
        document.changed.connect(lambda: self._show_defaults(self.table.current_row()))
        self._show_defaults(-1)
        self.finish()

    def _follow(self, row: int) -> None:
        self.calculator.show_row(row)
        self._show_defaults(row)

    def _show_defaults(self, row: int) -> None:
        """The defaults of the selected resource's kind, and with an industry chosen, the ranges published for it."""
        plan = self.document.plan
        kind = plan.labor[row].kind if 0 <= row < len(plan.labor) else "inside"
        industry = plan.basics.industry
        shown = (kind, plan.basics.currency, industry, self.document.library if industry else None)
        if shown == self.defaults_shown:
            return  # (an edit elsewhere: the note stays as it is)
        self.defaults_shown = shown
        figures = tuple(f for f in FIGURES if f.startswith(f"labor.{kind}."))
        published = ranges_sentence(self.document, figures, DEFAULTS_FOR.get(kind, kind))
        text = kind_defaults_text(kind, plan.basics.currency)
        self.defaults_note.setText(f"{text}\n{published}" if published else text)
        sources = [range_words(self.document, f).source for f in figures] if published else []
        self.defaults_note.setToolTip("\n".join(filter(None, (kind_sources_text(kind), *sources))))


# who a resource added by kind is: (kind, already in seat, the menu's words); field reps have no ramp either way
ADDED = (
    ("field", False, "Field reps (prospecting part-time)"),
    ("inside", True, "Inside reps already in seat"),
    ("inside", False, "Inside reps, new hires"),
    ("outsourced", True, "Outsourced team already working"),
    ("outsourced", False, "Outsourced team, new"),
)


def ramp_words(kind: str, in_seat: bool) -> tuple[str, str]:
    """The ramp a resource added this way starts with, in words and with its source."""
    key = IN_SEAT if in_seat else f"labor.{kind}.ramp_months"
    months = int(defaults.value(key))
    said = f"a {months}-month ramp" if months else "no ramp"
    return said, values.hint_source("labor[0].ramp_months", key)


def add_kind_button(model: LaborModel, table: TableEditor) -> QPushButton:
    """ "Add by kind": field reps, inside reps or an outsourced team, already in seat (no ramp) or new
    hires (the kind's ramp), each with its defaults and their sources in the menu's tooltips."""
    button = QPushButton("Add by kind")
    button.setObjectName("labor.add_kind")
    describe(
        button, "Add a resource by kind",
        "Add field reps, inside reps or an outsourced team, already in seat (no ramp) or new hires, with its defaults",
    )  # fmt: skip
    menu = QMenu(button)
    menu.setToolTipsVisible(True)
    for kind, in_seat, words in ADDED:
        ramp, source = ramp_words(kind, in_seat)
        if in_seat:  # a line before each kind that asks: in seat or new hires
            menu.addSeparator()
        action = menu.addAction(f"{words}: {ramp}")
        action.setObjectName(f"labor.add.{kind}" + ("" if kind == "field" else ".in_seat" if in_seat else ".new"))
        action.setToolTip(source)
        action.triggered.connect(lambda _=False, k=kind, s=in_seat: table.select_row(model.add_resource(k, s)))
    button.setMenu(menu)
    return button
