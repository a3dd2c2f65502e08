"""The channels' table: where leads come from, people-driven or marketing programs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.numbers import formatting as fmt
from planner.numbers.breakdown import free_share
from planner.plan import vocab
from planner.plan.defaults import channel_cost_per_lead, default
from planner.plan.model import Channel
from planner.plan.schedule_text import ScheduleTextError, parse_schedule, schedule_text
from ui import values
from ui.models.rows_model import Column, RowsModel
from ui.style import MUTED
from ui.widgets.range_hints import range_words

COLUMNS = (
    Column("name", "Name", "What you call this channel"),
    Column("type", "Type", "The kind of channel", detail=True),
    Column("owner", "Owner", "A labor resource (people-driven) or Marketing (a program with a budget)"),
    Column("share", "Share", "The share of the owner's capacity this channel takes", numeric=True),
    Column("monthly_budget", "Budget\nper month", "A program's monthly budget", numeric=True),
    Column("schedule", "Event\nschedule",
           "One-off spends, typed as months and amounts: March 25,000; September 25,000 "
           "(or Mar 25k, Sep 25k, or 3: 25000). They replace the monthly budget; empty it to go back", detail=True),
    Column("cost_per_lead", "Cost per\nraw lead", "A program's cost per raw lead", numeric=True, detail=True),
    Column("start_month", "Start\nmonth", "The plan month (1, 2, ...) a program starts", numeric=True, detail=True),
    Column("end_month", "End\nmonth", "The last plan month of a program's monthly budget; empty: to the plan's end",
           numeric=True, detail=True),
    Column("lead_to_srl", "Own rate:\nraw lead to\nsales-ready",
           "The program's own rate from raw lead to sales-ready lead; empty uses the plan's rates",
           numeric=True, detail=True),
    Column("", "Sales-ready\nleads\nsupplied", "Sales-ready leads this channel brings over the plan", numeric=True),
    Column("", "Cost per\nsales-ready\nlead", "Cost per sales-ready lead of this channel", numeric=True),
)  # fmt: skip


def cost_per_lead_hint(channel_type: str) -> str:
    """The cited default cost per raw lead of a program of this type: "Default $50: Saber CPL ..."."""
    key = f"channels.{channel_type}.cost_per_lead"
    return values.hint_source("channels[0].cost_per_lead", key if default(key) else "channels.cost_per_lead")


PROGRAM_FIELDS = ("monthly_budget", "schedule", "cost_per_lead", "start_month", "end_month", "lead_to_srl")
BY_SCHEDULE = ("monthly_budget", "start_month", "end_month")  # what a schedule replaces
REPLACED = "By schedule"


class ChannelsModel(RowsModel):
    list_path = "channels"
    item_name = "channel"
    columns = COLUMNS
    column_sets = ("Supply and cost", "Type, schedule and timing")

    def _on_text_edit(self, path: str) -> None:
        super()._on_text_edit(path)
        if path.startswith("labor[") and self.rowCount():  # a renamed resource: the owner column shows it
            column = self.column_of("owner")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def context(self) -> tuple[Any, ...]:
        return (*super().context(), tuple((r.id, r.name) for r in self.document.plan.labor))  # (the owners)

    def owner_choices(self) -> dict[str, str]:
        """Owner keys and labels: each resource by name, then marketing."""
        choices = {r.id: r.name or r.id for r in self.document.plan.labor}
        choices[vocab.MARKETING_OWNER] = "Marketing (a program)"
        return choices

    def applies(self, item: Any, field: str) -> bool:
        if field == "share":
            return not item.is_program
        if field in PROGRAM_FIELDS:
            return item.is_program
        return True

    def display(self, item: Any, column: int) -> str:
        field = self.columns[column].field
        if field == "owner":
            return self.owner_choices().get(item.owner, f"{item.owner} (unknown)")
        if field == "schedule":
            return schedule_text(item.schedule, self.document.plan) or "—"
        if field in BY_SCHEDULE and item.schedule:
            return REPLACED  # the schedule's spends replace the monthly budget and its months
        if field == "end_month" and item.end_month is None:
            return str(self.document.plan.horizon)  # to the plan's last month
        return super().display(item, column)

    def data(self, index: Any, role: int = 0) -> Any:
        if index.isValid() and index.row() < len(self.items):
            item, field = self.items[index.row()], self.columns[index.column()].field
            if field == "schedule" and role == Qt.ItemDataRole.EditRole:
                return schedule_text(item.schedule, self.document.plan)
            muted = (field in BY_SCHEDULE and item.schedule) or (field == "end_month" and item.end_month is None)
            if item.is_program and muted and role == Qt.ItemDataRole.ForegroundRole:
                return QColor(MUTED)
            if item.is_program and field in BY_SCHEDULE and item.schedule and role == Qt.ItemDataRole.ToolTipRole:
                return "The event schedule replaces the monthly budget and its months; empty the schedule to use them"
            if field == "cost_per_lead" and item.is_program and role == Qt.ItemDataRole.ToolTipRole:
                published = range_words(self.document, f"channels.{item.type}.cost_per_lead")  # (an industry)
                hint = "\n".join(filter(None, (cost_per_lead_hint(item.type), published.line, published.source)))
                return f"{super().data(index, role)}\n{hint}"
        return super().data(index, role)

    def parse(self, spec: Any, value: Any) -> Any:
        if spec.label == "Event schedule":
            from ui.values import Parsed

            try:
                return Parsed(parse_schedule(str(value or ""), self.document.plan))
            except ScheduleTextError as error:
                return Parsed(message=str(error))
        if spec.label == "Owner":
            from ui.values import Parsed

            choices = self.owner_choices()
            by_label = {label: key for key, label in choices.items()}
            key = by_label.get(value, value)
            if key in choices:
                return Parsed(key)
            return Parsed(message="Owner must be one of the labor resources or Marketing")
        return super().parse(spec, value)

    def setData(self, index: Any, value: Any, role: int = 2) -> bool:
        """Changing the owner between people and marketing also fills in what the new kind needs; a
        program of a new type takes that type's cost per raw lead, unless its own was typed."""
        field = self.columns[index.column()].field if index.isValid() else ""
        if field in ("owner", "type") and role == 2:
            parsed = self.parse(self.spec(index.column()), value)
            if parsed.ok:
                change = self.change_owner if field == "owner" else self.change_type
                return change(index.row(), parsed.value)
        return super().setData(index, value, role)

    def change_type(self, row: int, kind: str) -> bool:
        """A new type; a program whose cost per raw lead is its old type's default (or none) takes
        the new type's cited default, one typed by the person stays (one undo step)."""
        import dataclasses

        item: Channel = self.items[row]
        if kind == item.type:
            return True
        changes: dict[str, Any] = {"type": kind}
        if item.is_program and item.cost_per_lead in (None, channel_cost_per_lead(item.type).value):
            changes["cost_per_lead"] = channel_cost_per_lead(kind).value
        self.problem.emit("")
        changed = dataclasses.replace(item, **changes)
        self.document.set_value(f"channels[{row}]", changed, f"Change type of {self.described(row)}", merge=False)
        return True

    def change_owner(self, row: int, owner: str) -> bool:
        import dataclasses

        item: Channel = self.items[row]
        if owner == item.owner:
            return True
        if owner == vocab.MARKETING_OWNER:
            default = channel_cost_per_lead(item.type).value
            changed = dataclasses.replace(
                item, owner=owner, share=None,
                monthly_budget=item.monthly_budget or 1000, cost_per_lead=item.cost_per_lead or default,
            )  # fmt: skip
        else:
            changed = dataclasses.replace(
                item, owner=owner, share=item.share if item.share is not None else self.free_share(owner),
                monthly_budget=None, cost_per_lead=None, lead_to_srl=None,
            )  # fmt: skip
        self.problem.emit("")
        self.document.set_value(f"channels[{row}]", changed, f"Change owner of {item.name}", merge=False)
        return True

    def free_share(self, owner: str) -> float:
        """What is left of a resource's capacity (all of it for a resource without channels), from the engine."""
        return round(free_share(self.document.result, owner), 6)

    def new_item(self, row: int) -> Channel:
        number = len(self.document.plan.channels) + 1
        for resource in self.document.plan.labor:
            free = self.free_share(resource.id)
            if free > 0:
                return Channel(name=f"Channel {number}", type="outbound_phone", owner=resource.id, share=free)
        return Channel(
            name=f"Channel {number}", type="other", owner=vocab.MARKETING_OWNER,
            monthly_budget=1000, cost_per_lead=channel_cost_per_lead("other").value,
        )  # fmt: skip

    def figures_from(self) -> tuple[Any, ...]:
        return (self.document.plan.basics, *self.document.result.channels)

    def computed_figures(self) -> tuple[Any, ...]:
        currency = self.document.plan.basics.currency
        return tuple(
            (c.total_sales_ready_leads, c.cost_per_sales_ready_lead, currency) for c in self.document.result.channels
        )

    def computed(self, row: int, column: int) -> str:
        results = self.document.result.channels
        if row >= len(results):
            return ""
        figures = results[row]
        if self.columns[column] is COLUMNS[-2]:  # supplied
            return fmt.count(figures.total_sales_ready_leads)
        return fmt.money(figures.cost_per_sales_ready_lead, self.document.plan.basics.currency)
