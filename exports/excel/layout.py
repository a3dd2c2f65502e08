"""Where everything goes, worked out from the plan before any cell is written.

The sheets refer to each other (Labor's assigned shares read Channels, Channels' people-driven
rows read Labor's output, Monthly adds both up), so every row is fixed here first.
Months run across columns on every sheet: month m sits in column ``MONTH_COLUMN + m - 1``
(D for month 1) in the Labor and Channels grids and on the Monthly sheet alike.

Every column a formula refers to has a name here (``LaborColumn.HEADCOUNT``,
``MonthlyRow.SUPPLIED``); formulas build their references from these names, never from
letters typed into strings. ``WIDTHS`` is the one place a kind of column gets its width.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from planner.plan.model import Plan

COVER = "Contents"
SUMMARY = "Summary"
INPUTS = "Inputs"
LABOR = "Labor"
CHANNELS = "Channels"
MONTHLY = "Monthly"
SCENARIOS = "Scenarios"
METRICS = "Metrics"
REVIEW = "CEO review"
TRACKER = "Tracker"
AT_EXPORT = "As written at export"
CHECKS = "Checks"
CHARTS = "Charts"
SINCE = "Since last review"  # only when the export is given the last review's plan: after the Summary
SHEET_ORDER = (
    COVER, SUMMARY, INPUTS, LABOR, CHANNELS, MONTHLY, SCENARIOS, METRICS, REVIEW, TRACKER, AT_EXPORT, CHECKS, CHARTS
)  # fmt: skip

MONTH_COLUMN = 4  # month 1 on the Labor, Channels and Monthly sheets
TOTAL_COLUMN = 3  # the total over the months, left of month 1
NAME_COLUMN = 1
TABLE_HEADER = 4  # the header row of each sheet's first table

# widths by the kind of column: the one place a column's width is decided
# ("figure": a column of counts that may read "12,345 surplus"; "gap money": one that may read
# "$1,234,567 surplus": wide enough that a surplus never shows as ###; "tag", "owner", "sentence",
# "wide sentence", "paragraph": columns of wrapped text). A sheet meant to be
# read on one page across is at most 140 wide (``exports.excel.printing``: 75% of A4 landscape).
WIDTHS = {"name": 34, "short": 10, "tag": 14, "owner": 20, "kind": 24, "number": 13, "figure": 16, "gap money": 22,
          "sentence": 34, "wide sentence": 40, "label": 44, "paragraph": 44, "text": 52, "long": 70, "source": 70,
          "note": 100}  # fmt: skip


class LaborColumn(IntEnum):
    """The Labor sheet's input table."""

    NAME = 1
    ID = 2
    KIND = 3
    HEADCOUNT = 4
    START = 5
    END = 6
    RAMP = 7
    PER_PERSON = 8
    COST = 9
    FEE = 10
    ATTRITION = 11
    VACANCY = 12
    LAST = 13  # the end month used (the horizon where END is blank)
    LOSS = 14  # share of output lost to turnover
    PAID = 15  # share of seats paid (empty seats are not)
    TOTAL_OUTPUT = 16
    TOTAL_COST = 17
    COST_PER_SRL = 18
    ASSIGNED = 19
    UNASSIGNED = 20


class ProgramColumn(IntEnum):
    """The Channels sheet's program table."""

    NAME = 1
    TYPE = 2
    BUDGET = 3
    PER_LEAD = 4
    START = 5
    END = 6
    OWN_RATE = 7
    RATE = 8
    LAST = 9  # the end month used
    SCHEDULED = 10  # 1 when a schedule replaces the monthly budget
    RAW_TOTAL = 11
    SRL_TOTAL = 12
    COST_TOTAL = 13
    COST_PER_SRL = 14
    PLAN_RATE_RAW = 15
    OWN_RATE_SRL = 16
    NUMBER = 17  # the program's number, which its schedule rows name


class PeopleColumn(IntEnum):
    """The Channels sheet's people-driven table."""

    NAME = 1
    TYPE = 2
    OWNER = 3
    SHARE = 4
    SRL_TOTAL = 5
    COST_TOTAL = 6
    COST_PER_SRL = 7
    OWNER_NAME = 8


class ScheduleColumn(IntEnum):
    """The Channels sheet's schedule of one-off spends."""

    NAME = 1
    NUMBER = 2  # the program's number
    MONTH = 3
    BUDGET = 4
    # only without per-program grids (``Layout.program_grids`` False):
    POSITION = 5  # the program's position in the program table (0: no such program)
    RAW = 6  # raw leads the spend buys at the program's cost per lead
    SRL = 7  # those raw leads x the program's rate


class CompactColumn(IntEnum):
    """The program table's extra columns when there are no per-program grids (many programs):
    the per-month figures of a program spending its budget, from which the months are summed."""

    MONTHS = 18  # months on budget: from the start month to the last month of the budget
    RAW_A_MONTH = 19
    SRL_A_MONTH = 20


class ProgramMonthRow(IntEnum):
    """The rows of all programs by month when there are no per-program grids (offsets from the first)."""

    COST = 0
    RAW = 1
    SRL = 2


class MonthlyRow(IntEnum):
    """The Monthly sheet: one row per measure, one column per month (total in column C)."""

    MONTH = 4  # the plan month number (the header row)
    LABEL = 5
    QUARTER = 6
    IN_TIME = 7  # 1 in an in-time month (its leads close inside the horizon), 0 in a carry-over month
    WEIGHT = 8
    WEIGHT_AHEAD = 9  # the seasonality weight of the month a sales cycle later (when its leads close)
    SHARE = 10  # the month's share of its year's demand (this year's, or next year's start)
    WINS = 11
    OPPORTUNITIES = 12
    NEEDED = 13
    QUALIFIED = 14
    RAW = 15
    LABOR = 16
    PROGRAMS = 17
    SUPPLIED = 18
    GAP = 19
    KNOWN = 20  # actual sales-ready leads to the last reported month (Tracker), the plan's supply after
    CUMULATIVE_GAP = 21  # needed - known, added up
    CUMULATIVE_NEEDED = 22
    CUMULATIVE_KNOWN = 23
    COVERAGE = 24
    COST = 25
    COST_PER_SRL = 26
    REVENUE_GOAL = 27
    PIPELINE = 28  # the pipeline closing in the month (spread over the first sales cycle)
    REVENUE = 29  # won from the leads known a sales cycle earlier
    STATUS = 30
    BEHIND = 31  # 1 in an in-time month whose cumulative gap exceeds the tolerance
    AT_WORST = 32  # 1 in an in-time month at the worst shortfall (within the worst tolerance)
    SUPPLYING = 33  # 1 where anything is supplied
    HIRE = 34  # what one inside rep hired to start in the month adds to this year (r(s))


class QuarterRow(IntEnum):
    """The quarters block under the months (offsets from its header row)."""

    LABEL = 0
    NEEDED = 1
    SUPPLIED = 2
    GAP = 3
    COST = 4


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


# Up to this many program channels, each has its own rows of spend, raw leads and sales-ready
# leads by month on the Channels sheet; beyond it (a plan of thousands of programs, whose grids
# would be millions of formulas), one row a month adds all programs up (``ProgramMonthRow``).
MAX_PROGRAM_GRIDS = 500

# Inputs sheet: fixed rows
INPUT_BASICS = ("company", "title", "prepared_by", "prepared_for", "currency")
INPUTS_FIRST_MONTH_ROW = 10
INPUTS_HORIZON_ROW = 11
INPUTS_TARGETS_FIRST = 14  # ten targets, in names.INPUT_NAMES order
INPUTS_WEIGHTS_FIRST = 25  # Jan .. Dec
INPUTS_FUNNEL_FIRST = 39  # net new revenue, wins, opportunities, SRL, MQL, raw leads, value of a lead
INPUTS_RULES_FIRST = 48  # Lead Planner's rules the formulas read: the status tolerance, ...
INPUTS_VALUE_COLUMN = 2

# Monthly sheet: the quarters and the plan's totals below the months
QUARTERS_HEADER = MonthlyRow.HIRE + 3
TOTALS_FIRST = QUARTERS_HEADER + len(QuarterRow) + 3


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
    schedule: Block
    # per-program grids by month (None without them: then ``program_months`` adds all up)
    program_raw: Block | None
    program_srl: Block | None
    program_cost: Block | None
    program_months: Block | None
    people_srl: Block
    people_cost: Block

    @classmethod
    def for_plan(cls, plan: Plan) -> Layout:
        resources = len(plan.labor)
        programs = tuple(i for i, c in enumerate(plan.channels) if c.is_program)
        people = tuple(i for i, c in enumerate(plan.channels) if not c.is_program)
        entries = sum(len(plan.channels[i].schedule) for i in programs)
        labor = stack(TABLE_HEADER - 1, resources, resources, resources)
        p, q = len(programs), len(people)
        grids = p <= MAX_PROGRAM_GRIDS  # else one row a month for all programs (ProgramMonthRow)
        month_rows = (p, p, p) if grids else (len(ProgramMonthRow),)
        channels = stack(TABLE_HEADER - 1, p, q, max(entries, 1), *month_rows, q, q)
        programs_by_month = channels[3 : 3 + len(month_rows)]
        people_srl, people_cost = channels[-2:]
        return cls(
            horizon=plan.horizon,
            labor_inputs=labor[0],
            labor_output=labor[1],
            labor_cost=labor[2],
            program_indexes=programs,
            people_indexes=people,
            program_inputs=channels[0],
            people_inputs=channels[1],
            schedule=channels[2],
            program_raw=programs_by_month[0] if grids else None,
            program_srl=programs_by_month[1] if grids else None,
            program_cost=programs_by_month[2] if grids else None,
            program_months=None if grids else programs_by_month[0],
            people_srl=people_srl,
            people_cost=people_cost,
        )

    @property
    def program_grids(self) -> bool:
        """Whether each program has its own rows by month (up to ``MAX_PROGRAM_GRIDS`` programs)."""
        return self.program_months is None

    def month_column(self, month: int) -> int:
        return MONTH_COLUMN + month - 1

    @property
    def last_month_column(self) -> int:
        return self.month_column(self.horizon)

    @property
    def quarters(self) -> int:
        return (self.horizon + 2) // 3

    def resource_row(self, plan: Plan, resource_id: str) -> int | None:
        """The index of the resource with this id, or None."""
        return next((i for i, r in enumerate(plan.labor) if r.id == resource_id), None)
