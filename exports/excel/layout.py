"""Where everything goes, worked out from the plan before any cell is written.

The sheets refer to each other (Labor's assigned shares read Channels, Channels' people-driven
rows read Labor's output, Monthly adds both up), so every row is fixed here first.
Months run across columns in the Labor and Channels grids (month m in column ``MONTH_COLUMN + m - 1``)
and down the rows of the Monthly sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model import Plan

SUMMARY = "Summary"
INPUTS = "Inputs"
LABOR = "Labor"
CHANNELS = "Channels"
MONTHLY = "Monthly"
SCENARIOS = "Scenarios"
METRICS = "Metrics"
REVIEW = "CEO review"
CHARTS = "Charts"
SHEET_ORDER = (SUMMARY, INPUTS, LABOR, CHANNELS, MONTHLY, SCENARIOS, METRICS, REVIEW, CHARTS)

MONTH_COLUMN = 4  # D: month 1 in the Labor and Channels grids
TABLE_HEADER = 4  # the header row of each sheet's first table


@dataclass(frozen=True)
class Block:
    """A table: a title row, a header row, ``count`` data rows and a total row."""

    title: int
    header: int
    first: int
    count: int

    @property
    def last(self) -> int:
        return self.first + self.count - 1

    @property
    def total(self) -> int:
        return self.first + self.count

    def row(self, index: int) -> int:
        return self.first + index

    @property
    def end(self) -> int:
        """The row after the block and one blank row."""
        return self.total + 2


def block_at(title: int, count: int) -> Block:
    return Block(title=title, header=title + 1, first=title + 2, count=count)


def stack(start: int, *counts: int) -> list[Block]:
    blocks = []
    for count in counts:
        block = block_at(start, count)
        blocks.append(block)
        start = block.end
    return blocks


# Inputs sheet: fixed rows
INPUT_BASICS = ("company", "title", "prepared_by", "prepared_for", "currency")
INPUTS_FIRST_MONTH_ROW = 10
INPUTS_HORIZON_ROW = 11
INPUTS_TARGETS_FIRST = 14  # nine targets, in names.INPUT_NAMES order
INPUTS_WEIGHTS_FIRST = 25  # Jan .. Dec
INPUTS_FUNNEL_FIRST = 39  # net new revenue, wins, opportunities, SRL, MQL, raw leads
INPUTS_VALUE_COLUMN = 2


@dataclass(frozen=True)
class Layout:
    horizon: int
    # Labor
    labor_inputs: Block
    labor_output: Block
    labor_cost: Block
    # Channels: programs (owner marketing) and people-driven, each in plan order
    program_indexes: tuple[int, ...]
    people_indexes: tuple[int, ...]
    program_inputs: Block
    people_inputs: Block
    program_raw: Block
    program_srl: Block
    program_cost: Block
    people_srl: Block
    people_cost: Block
    # Monthly
    months: Block

    @classmethod
    def for_plan(cls, plan: Plan) -> Layout:
        resources = len(plan.labor)
        programs = tuple(i for i, c in enumerate(plan.channels) if c.is_program)
        people = tuple(i for i, c in enumerate(plan.channels) if not c.is_program)
        labor = stack(TABLE_HEADER - 1, resources, resources, resources)
        p, q = len(programs), len(people)
        channels = stack(TABLE_HEADER - 1, p, q, p, p, p, q, q)
        return cls(
            horizon=plan.horizon,
            labor_inputs=labor[0],
            labor_output=labor[1],
            labor_cost=labor[2],
            program_indexes=programs,
            people_indexes=people,
            program_inputs=channels[0],
            people_inputs=channels[1],
            program_raw=channels[2],
            program_srl=channels[3],
            program_cost=channels[4],
            people_srl=channels[5],
            people_cost=channels[6],
            months=block_at(TABLE_HEADER - 1, plan.horizon),
        )

    def month_column(self, month: int) -> int:
        return MONTH_COLUMN + month - 1

    @property
    def last_month_column(self) -> int:
        return self.month_column(self.horizon)

    def resource_row(self, plan: Plan, resource_id: str) -> int | None:
        """The index of the resource with this id, or None."""
        return next((i for i, r in enumerate(plan.labor) if r.id == resource_id), None)
