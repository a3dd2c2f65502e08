"""The labor model's table: the people who develop leads, one resource a row."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.numbers import formatting as fmt
from planner.plan import defaults, vocab
from planner.plan.model import LaborResource
from ui import values
from ui.models.rows_model import Column, RowsModel, copy_name
from ui.style import MUTED
from ui.widgets.range_hints import range_words

COLUMNS = (
    Column("name", "Name", "What you call this group of people"),
    Column("kind", "Kind", "Field reps (prospecting part-time), inside reps or an outsourced team", always=True),
    Column("headcount", "Head\ncount", "How many people", numeric=True),
    Column("start_month", "Start\nmonth", "The plan month (1, 2, ...) they start", numeric=True, detail=True),
    Column("end_month", "End\nmonth", "The last plan month they work (a contract that ends); empty: to the plan's end",
           numeric=True, detail=True),
    Column("ramp_months", "Ramp\n(months)", "Months to reach full productivity", numeric=True, detail=True),
    Column("srl_per_person_month", "Sales-ready\nleads a month\nper person",
           "Sales-ready leads one person makes in a month at full productivity", numeric=True),
    Column("cost_per_person_month", "Cost a\nmonth per\nperson",
           "What one person costs a month, paid while ramping", numeric=True),
    Column("fee_per_srl", "Fee per\nsales-ready\nlead", "A fee per sales-ready lead (outsourced teams)",
           numeric=True, detail=True),
    Column("attrition_rate", "Attrition\n(a year)",
           "The share of seats that turn over in a year, as a percentage: 30 means 30%", numeric=True, detail=True),
    Column("vacancy_months", "Vacancy\n(months)",
           "Months a seat stays empty before its replacement starts (then ramps like a new hire)", numeric=True,
           detail=True),
    Column("", "Sales-ready\nleads\nsupplied", "Sales-ready leads this resource makes over the plan", numeric=True),
    Column("", "Total\ncost", "What this resource costs over the plan", numeric=True),
)  # fmt: skip


SHORT_KINDS = {"field": "Field reps", "inside": "Inside reps", "outsourced": "Outsourced"}
NEW_NAMES = {"field": "Field reps", "inside": "Inside reps", "outsourced": "Outsourced team"}
DEFAULTS_FOR = {"field": "field reps", "inside": "inside reps", "outsourced": "an outsourced team"}
KIND_FIELDS = ("ramp_months", "srl_per_person_month", "cost_per_person_month")
IN_SEAT = "labor.in_seat.ramp_months"  # a team already in seat: no ramp
TURNOVER_FIELDS = {"attrition_rate": "labor.attrition_rate", "vacancy_months": "labor.vacancy_months"}


def default_key(kind: str, field: str) -> str | None:
    """The key of a field's cited default for a resource of this kind (None: no default)."""
    if field in KIND_FIELDS and kind in vocab.LABOR_KINDS:
        return f"labor.{kind}.{field}"
    return TURNOVER_FIELDS.get(field)


def field_hint(kind: str, field: str) -> str:
    """``Default 1: rule of thumb: an agency's team is trained already`` ('' without a default)."""
    key = default_key(kind, field)
    return values.hint_source(f"labor[0].{field}", key) if key else ""


def kind_defaults_text(kind: str, currency: str) -> str:
    """The defaults a new resource of this kind starts from; attrition's and vacancy's with their sources."""
    if kind not in vocab.LABOR_KINDS:
        return ""
    ramp, output, cost = (defaults.labor_default(kind, name) for name in KIND_FIELDS)
    attrition, vacancy = defaults.default("labor.attrition_rate"), defaults.default("labor.vacancy_months")
    assert attrition is not None and vacancy is not None
    ramp_text = f"a {int(ramp)}-month ramp for new hires (none for a team already in seat)" if ramp else "no ramp"
    return (
        f"Defaults for {DEFAULTS_FOR[kind]}: {ramp_text}, {fmt.count(output)} sales-ready leads and "
        f"{fmt.money(cost, currency)} a person-month (a cell's tooltip gives the source). "
        f"Attrition: {attrition.source}; type 30 for 30% a year. Vacancy: {vacancy.source}."
    )


def kind_sources_text(kind: str) -> str:
    """Where each default of this kind comes from, a line each."""
    return "\n".join(field_hint(kind, name) for name in (*KIND_FIELDS, *TURNOVER_FIELDS) if field_hint(kind, name))


def new_id(taken: set[str], kind: str) -> str:
    """A short id no other resource uses (``inside``, ``inside2``, ...)."""
    base = kind if kind in vocab.LABOR_KINDS else "team"
    candidate, number = base, 1
    while candidate in taken or candidate == vocab.MARKETING_OWNER:
        number += 1
        candidate = f"{base}{number}"
    return candidate


class LaborModel(RowsModel):
    list_path = "labor"
    item_name = "resource"
    columns = COLUMNS
    column_sets = ("Output and cost", "Timing, fees and turnover")

    new_kind = "inside"  # the kind of the next row added (the page's "Add" menu sets it)
    new_in_seat = False  # ... and whether they are already in seat (no ramp) or new hires (the kind's ramp)

    def new_item(self, row: int) -> LaborResource:
        """A resource of ``new_kind`` with that kind's defaults (ramp, output, cost) and the turnover
        defaults; already in seat, no ramp."""
        kind = self.new_kind
        taken = {r.id for r in self.document.plan.labor}
        number = len(self.document.plan.labor) + 1
        ramp = int(defaults.value(IN_SEAT)) if self.new_in_seat else None  # None: the kind's own
        return LaborResource(id=new_id(taken, kind), name=f"{NEW_NAMES[kind]} {number}", kind=kind, ramp_months=ramp)

    def add_resource(self, kind: str, in_seat: bool = False) -> int:
        """Add a resource of ``kind`` at the end, already in seat or new hires, as one undo step; returns its row."""
        self.new_kind, self.new_in_seat, row = kind, in_seat, len(self.items)
        try:
            self.insertRows(row, 1)
        finally:
            self.new_kind, self.new_in_seat = "inside", False
        return row

    def change_kind(self, row: int, kind: str) -> None:
        """A new kind also brings its defaults, where the old kind's defaults (or name) were untouched."""
        item: LaborResource = self.items[row]
        if kind == item.kind:
            return
        changes: dict[str, Any] = {"kind": kind}
        for name in KIND_FIELDS:
            if item.kind in vocab.LABOR_KINDS and getattr(item, name) == defaults.labor_default(item.kind, name):
                changes[name] = defaults.labor_default(kind, name)
        old_name = NEW_NAMES.get(item.kind, "")
        if old_name and item.name.startswith(old_name) and item.name[len(old_name) :].strip().isdigit():
            changes["name"] = NEW_NAMES[kind] + item.name[len(old_name) :]
        self.problem.emit("")
        text = f"Change kind of {self.described(row)}"
        self.document.set_value(f"labor[{row}]", dataclasses.replace(item, **changes), text, merge=False)

    def copy_item(self, item: Any) -> LaborResource:
        taken = {r.id for r in self.document.plan.labor}
        names = {r.name for r in self.document.plan.labor}
        return dataclasses.replace(item, id=new_id(taken, item.kind), name=copy_name(item.name, names))

    def setData(self, index: Any, value: Any, role: int = 2) -> bool:
        """Typing the output by hand stops the activity calculator for that resource; a new kind brings its defaults."""
        if index.isValid() and role == 2 and self.columns[index.column()].field == "kind":
            parsed = self.parse(self.spec(index.column()), value)
            if parsed.ok:
                self.change_kind(index.row(), parsed.value)
                return True
        if index.isValid() and self.columns[index.column()].field == "srl_per_person_month":
            item = self.items[index.row()]
            parsed = self.parse(self.spec(index.column()), value)
            if item.activity is not None and parsed.ok:
                changed = dataclasses.replace(item, activity=None, srl_per_person_month=parsed.value)
                self.problem.emit("")
                self.document.set_value(f"labor[{index.row()}]", changed, f"Change output of {item.name}", merge=False)
                return True
        return super().setData(index, value, role)

    def data(self, index: Any, role: int = 0) -> Any:
        """A cell's tooltip adds the default for the row's kind, with its source."""
        found = super().data(index, role)
        if index.isValid() and index.row() < len(self.items) and self.columns[index.column()].field == "end_month":
            open_ended = self.items[index.row()].end_month is None
            if open_ended and role == Qt.ItemDataRole.DisplayRole:
                return str(self.document.plan.horizon)  # to the plan's last month, greyed
            if open_ended and role == Qt.ItemDataRole.ForegroundRole:
                return QColor(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.row() < len(self.items):
            kind, field = self.items[index.row()].kind, self.columns[index.column()].field
            published = range_words(self.document, f"labor.{kind}.{field}")  # with an industry chosen
            hint = "\n".join(filter(None, (field_hint(kind, field), published.line, published.source)))
            if hint:
                return f"{found}\n{hint}"
        return found

    def display(self, item: Any, column: int) -> str:
        if self.columns[column].field == "kind":
            return SHORT_KINDS.get(item.kind, item.kind)
        return super().display(item, column)

    def figures_from(self) -> tuple[Any, ...]:
        return (self.document.plan.basics, *self.document.result.resources)

    def computed_figures(self) -> tuple[Any, ...]:
        currency = self.document.plan.basics.currency
        return tuple((r.total_output, r.total_cost, currency) for r in self.document.result.resources)

    def computed(self, row: int, column: int) -> str:
        results = self.document.result.resources
        if row >= len(results):
            return ""
        figures = results[row]
        if self.columns[column] is COLUMNS[-2]:  # supplied
            return fmt.count(figures.total_output)
        return fmt.money(figures.total_cost, self.document.plan.basics.currency)
