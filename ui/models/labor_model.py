"""The labor model's table: the people who develop leads, one resource a row."""

from __future__ import annotations

import dataclasses
from typing import Any

from planner import formatting as fmt
from planner import vocab
from planner.model import Activity, LaborResource
from planner.supply import activity_output
from ui.models.rows_model import Column, RowsModel

COLUMNS = (
    Column("name", "Name", "What you call this group of people"),
    Column("kind", "Kind", "Field reps (prospecting part-time), inside reps or an outsourced team"),
    Column("headcount", "Head\ncount", "How many people", numeric=True),
    Column("start_month", "Start\nmonth", "The plan month (1, 2, ...) they start", numeric=True, detail=True),
    Column("ramp_months", "Ramp\n(months)", "Months to reach full productivity", numeric=True, detail=True),
    Column("srl_per_person_month", "Sales-ready\nleads a month\nper person",
           "Sales-ready leads one person makes in a month at full productivity", numeric=True),
    Column("cost_per_person_month", "Cost a\nmonth per\nperson",
           "What one person costs a month, paid while ramping", numeric=True),
    Column("fee_per_srl", "Fee per\nsales-ready\nlead", "A fee per sales-ready lead (outsourced teams)",
           numeric=True, detail=True),
    Column("", "Sales-ready\nleads\nsupplied", "Sales-ready leads this resource makes over the plan", numeric=True),
    Column("", "Total\ncost", "What this resource costs over the plan", numeric=True),
)  # fmt: skip


SHORT_KINDS = {"field": "Field reps", "inside": "Inside reps", "outsourced": "Outsourced"}


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

    def new_item(self, row: int) -> LaborResource:
        taken = {r.id for r in self.document.plan.labor}
        number = len(self.document.plan.labor) + 1
        # its output comes from the activity calculator's defaults (shown under the table), so the two agree
        activity = Activity()
        return LaborResource(
            id=new_id(taken, "inside"), name=f"Inside reps {number}", kind="inside",
            activity=activity, srl_per_person_month=round(activity_output(activity), 4),
        )  # fmt: skip

    def copy_item(self, item: Any) -> LaborResource:
        taken = {r.id for r in self.document.plan.labor}
        return dataclasses.replace(item, id=new_id(taken, item.kind), name=f"{item.name} (copy)")

    def setData(self, index: Any, value: Any, role: int = 2) -> bool:
        """Typing the output by hand stops the activity calculator for that resource."""
        if index.isValid() and self.columns[index.column()].field == "srl_per_person_month":
            item = self.items[index.row()]
            parsed = self.parse(self.spec(index.column()), value)
            if item.activity is not None and parsed.ok:
                changed = dataclasses.replace(item, activity=None, srl_per_person_month=parsed.value)
                self.problem.emit("")
                self.document.set_value(f"labor[{index.row()}]", changed, f"Change output of {item.name}", merge=False)
                return True
        return super().setData(index, value, role)

    def display(self, item: Any, column: int) -> str:
        if self.columns[column].field == "kind":
            return SHORT_KINDS.get(item.kind, item.kind)
        return super().display(item, column)

    def computed(self, row: int, column: int) -> str:
        results = self.document.result.resources
        if row >= len(results):
            return ""
        figures = results[row]
        if self.columns[column] is COLUMNS[-2]:  # supplied
            return fmt.count(figures.total_output)
        return fmt.money(figures.total_cost, self.document.plan.basics.currency)
