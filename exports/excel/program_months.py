"""Programs by month without a grid per program: the Channels sheet of a plan with thousands of
program channels (more than ``layout.MAX_PROGRAM_GRIDS``).

Three grids of one row per program and one column per month made a plan of 10,000 channels a
workbook of 1.3 million formulas (20 s to write, and slow to open). Without them, every figure
stays a live formula of the same inputs:

- each program's row adds its months on budget (from the start month to the last month of
  the budget) and what a month on budget buys (raw and sales-ready leads), and its totals are
  those times the months on budget, or its schedule's spends when it has one;
- each schedule row finds its program (by number) and works out the leads its spend buys;
- one row a month adds all programs up (spend, raw leads, sales-ready leads): the programs on
  budget in that month (``SUMPRODUCT``) plus the schedule rows of that month (``SUMIFS``).

The Monthly sheet and the checks read those rows as they read the grids' total rows.
"""

from __future__ import annotations

from exports.excel import layout as layouts
from exports.excel.cells import SheetWriter, cell, row_span, span
from exports.excel.layout import TOTAL_COLUMN, CompactColumn, Layout, ProgramColumn, ProgramMonthRow, ScheduleColumn
from exports.excel.styles import COUNT

P, S, K = ProgramColumn, ScheduleColumn, CompactColumn
COMPACT_HEADERS = {
    K.MONTHS: "Months on budget",
    K.RAW_A_MONTH: "Raw leads a month on budget",
    K.SRL_A_MONTH: "Sales-ready leads a month on budget",
}
SCHEDULE_LOOKUP_HEADERS = {
    S.POSITION: "Program's row in the list (0: no such program)",
    S.RAW: "Raw leads",
    S.SRL: "Sales-ready leads",
}


def compact_note() -> str:
    """What the Channels sheet's note adds when it has no grid per program."""
    return (
        f" More than {layouts.MAX_PROGRAM_GRIDS:,} programs: rather than each program by month, each program's"
        " row gives its months on budget and what a month buys, and one block below adds all programs up by month."
    )


MONTH_ROWS = {
    ProgramMonthRow.COST: ("Spend (cost)", "money"),
    ProgramMonthRow.RAW: ("Raw leads", COUNT),
    ProgramMonthRow.SRL: ("Sales-ready leads", COUNT),
}


def program_totals(w: SheetWriter, layout: Layout, row: int) -> None:
    """One program's months on budget, what a month buys, and its totals over the plan."""
    schedule = layout.schedule
    spends = span(schedule.first, schedule.last, S.BUDGET)
    numbers = span(schedule.first, schedule.last, S.NUMBER)
    months = span(schedule.first, schedule.last, S.MONTH)
    start, last, budget = cell(row, P.START), cell(row, P.LAST), cell(row, P.BUDGET)
    on_budget, raw_a_month = cell(row, K.MONTHS), cell(row, K.RAW_A_MONTH)
    w.formula(row, K.MONTHS, f"=MAX(0,{last}-MAX(1,{start})+1)", fmt="0")
    w.formula(row, K.RAW_A_MONTH, f"=IFERROR({budget}/{cell(row, P.PER_LEAD)},0)", fmt=COUNT)
    w.formula(row, K.SRL_A_MONTH, f"={raw_a_month}*{cell(row, P.RATE)}", fmt=COUNT)
    scheduled = f'SUMIFS({spends},{numbers},{cell(row, P.NUMBER)},{months},">=1",{months},"<="&Horizon)'
    cost = f"=IF({cell(row, P.SCHEDULED)}=1,{scheduled},N({budget})*{on_budget})"
    w.formula(row, P.COST_TOTAL, cost, fmt="money")
    w.formula(row, P.RAW_TOTAL, f"=IFERROR({cell(row, P.COST_TOTAL)}/{cell(row, P.PER_LEAD)},0)", fmt=COUNT)
    w.formula(row, P.SRL_TOTAL, f"={cell(row, P.RAW_TOTAL)}*{cell(row, P.RATE)}", fmt=COUNT)


def schedule_leads(w: SheetWriter, layout: Layout, row: int) -> None:
    """A schedule row's program (its position by number) and the leads its spend buys."""
    inputs = layout.program_inputs
    position, raw = cell(row, S.POSITION), cell(row, S.RAW)
    w.formula(
        row, S.POSITION, f"=IFERROR(MATCH({cell(row, S.NUMBER)},{span(inputs.first, inputs.last, P.NUMBER)},0),0)"
    )
    per_lead = f"INDEX({span(inputs.first, inputs.last, P.PER_LEAD)},{position})"
    w.formula(row, S.RAW, f"=IF({position}=0,0,IFERROR({cell(row, S.BUDGET)}/{per_lead},0))", fmt=COUNT)
    rate = f"INDEX({span(inputs.first, inputs.last, P.RATE)},{position})"
    w.formula(row, S.SRL, f"=IF({position}=0,0,{raw}*{rate})", fmt=COUNT)


def write_program_months(w: SheetWriter, layout: Layout) -> None:
    """All programs' spend, raw leads and sales-ready leads in each month."""
    from exports.excel.labor_sheet import start_grid

    block = layout.program_months
    assert block is not None
    count = len(layout.program_indexes)
    start_grid(w, layout, block, f"All {count:,} program channels by month", ["Measure", "", "Total"])
    inputs, schedule = layout.program_inputs, layout.schedule

    def programs(column: int) -> str:
        return span(inputs.first, inputs.last, column)

    def entries(column: int) -> str:
        return span(schedule.first, schedule.last, column)

    bought = {  # per program a month on budget, per schedule row
        ProgramMonthRow.COST: (P.BUDGET, S.BUDGET),
        ProgramMonthRow.RAW: (K.RAW_A_MONTH, S.RAW),
        ProgramMonthRow.SRL: (K.SRL_A_MONTH, S.SRL),
    }
    first_month, last_month = layout.month_column(1), layout.last_month_column
    for offset, (label, number_format) in MONTH_ROWS.items():
        row = block.row(offset)
        w.text(row, 1, label, "label")
        style = w.styles.array("formula", number_format)
        a_month, entry = bought[offset]
        # a schedule row with no such program buys no leads, and its spend is not counted either
        known = f',{entries(S.POSITION)},">0"' if offset is ProgramMonthRow.COST else ""
        for m in range(1, layout.horizon + 1):
            column = layout.month_column(m)
            month = cell(block.title, column, fix_row=True)
            on_budget = f"({programs(P.SCHEDULED)}=0)*({programs(P.START)}<={month})*({programs(P.LAST)}>={month})"
            scheduled = f"SUMIFS({entries(entry)},{entries(S.MONTH)},{month}{known})"
            w.put_formula(row, column, f"=SUMPRODUCT({on_budget},{programs(a_month)})+{scheduled}", style)
        w.formula(row, TOTAL_COLUMN, f"=SUM({row_span(row, first_month, last_month)})", "total", number_format)


def program_month_row(layout: Layout, measure: ProgramMonthRow) -> int:
    """The Channels row that holds all programs' ``measure`` by month (without per-program grids)."""
    assert layout.program_months is not None
    return layout.program_months.row(measure)
