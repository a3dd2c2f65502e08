"""The Checks sheet: sums that must read 0, so a reader can trust the months add up.

Each check compares two independent routes to one figure (the Monthly rows against the Labor
and Channels grids' totals, the months against the named totals, the quarters against the
months, and plan model v3's rules: the in-time months' needed add up to SRLNeeded, the revenue by
month to what this year's leads are worth, the revenue gap to this year's gap in money), rounded
so that a correct workbook shows exactly 0.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter, cell, ref, row_span
from exports.excel.layout import (
    CHANNELS,
    LABOR,
    MONTHLY,
    QUARTERS_HEADER,
    TOTAL_COLUMN,
    LaborColumn,
    Layout,
    MonthlyRow,
    ProgramColumn,
    ProgramMonthRow,
    QuarterRow,
)
from exports.excel.styles import Styles

R = MonthlyRow


def checks(layout: Layout) -> list[tuple[str, str]]:
    """(what is checked, the formula that must be 0)."""

    def months(row: int, sheet: str = MONTHLY) -> str:
        return row_span(row, layout.month_column(1), layout.last_month_column, sheet=sheet)

    labor_rows, program_rows = layout.labor_inputs.count, len(layout.program_indexes)
    by_people = months(layout.labor_output.total, LABOR) if labor_rows else None
    by_programs = months(programs_row(layout), CHANNELS) if program_rows else None
    parts = [p for p in (by_people, by_programs) if p]
    supply_sources = "+".join(parts) if parts else "0"
    people_total = ref(layout.labor_inputs.total, LaborColumn.TOTAL_OUTPUT, sheet=LABOR) if labor_rows else "0"
    people_cost = ref(layout.labor_inputs.total, LaborColumn.TOTAL_COST, sheet=LABOR) if labor_rows else "0"
    program_total = ref(layout.program_inputs.total, ProgramColumn.SRL_TOTAL, sheet=CHANNELS) if program_rows else "0"
    program_cost = ref(layout.program_inputs.total, ProgramColumn.COST_TOTAL, sheet=CHANNELS) if program_rows else "0"
    quarter_total = {
        offset: ref(QUARTERS_HEADER + offset, TOTAL_COLUMN, sheet=MONTHLY)
        for offset in (QuarterRow.NEEDED, QuarterRow.SUPPLIED, QuarterRow.COST)
    }
    in_time = months(R.IN_TIME)
    # the cumulative gap of the last in-time month, and of the last month (0 before month 1)
    at_year_end = f"INDEX({months(R.CUMULATIVE_GAP)},InTimeMonths)"
    year_end = f"IF(InTimeMonths=0,0,{at_year_end})"
    last_cumulative = f"INDEX({months(R.CUMULATIVE_GAP)},Horizon)"
    return [
        (
            "Each month's supply = people (Labor) + programs (Channels)",
            f"=ROUND(SUMPRODUCT(ABS({months(R.SUPPLIED)}-({supply_sources}))),6)",
        ),
        (
            "Each month's gap = needed − supplied",
            f"=ROUND(SUMPRODUCT(ABS({months(R.GAP)}-({months(R.NEEDED)}-{months(R.SUPPLIED)}))),6)",
        ),
        (
            "The in-time months' needed add up to SRLNeeded (none when no month is in time)",
            f"=IF(InTimeMonths=0,0,ROUND(SUMPRODUCT({months(R.NEEDED)},{in_time})-SRLNeeded,6))",
        ),
        (
            "The in-time months' cumulative gap ends at this year's gap (SRLGap)",
            f"=IF(InTimeMonths=0,0,ROUND({at_year_end}-SRLGap,6))",
        ),
        (
            "The carry-over months' cumulative gap adds up to next year's start (NextYearStartGap)",
            f"=ROUND({last_cumulative}-{year_end}-NextYearStartGap,6)",
        ),
        (
            "The months' supply adds up to the resources' and programs' totals",
            f"=ROUND(SUM({months(R.SUPPLIED)})-({people_total}+{program_total}),6)",
        ),
        (
            "The months' cost adds up to the resources' and programs' totals",
            f"=ROUND(SUM({months(R.COST)})-({people_cost}+{program_cost}),4)",
        ),
        (
            "Revenue won by month adds up to this year's expected leads x the revenue of a lead",
            f"=ROUND(SUM({months(R.REVENUE)})-YearSRLExpected*SRLValue,2)",
        ),
        (
            "Revenue by month: pipeline + won adds up to ExpectedRevenue",
            f"=ROUND(SUM({months(R.PIPELINE)})+SUM({months(R.REVENUE)})-ExpectedRevenue,2)",
        ),
        (
            "The revenue goal by month adds up to RevenueGoal (when the months have any weight)",
            f"=IF(SUM({months(R.WEIGHT)})>0,ROUND(SUM({months(R.REVENUE_GOAL)})-RevenueGoal,2),0)",
        ),
        (
            "RevenueGap = SRLGap x the revenue of a lead, when the goal exceeds the pipeline",
            "=IF(RevenueGoal>PipelineRevenue,ROUND(RevenueGap-SRLGap*SRLValue,2),0)",
        ),
        (
            "CarriedOverRevenue = next year's start's expected leads x the revenue of a lead",
            "=ROUND(CarriedOverRevenue-NextYearStartExpected*SRLValue,2)",
        ),
        (
            "The quarters' needed add up to the months'",
            f"=ROUND({quarter_total[QuarterRow.NEEDED]}-SUM({months(R.NEEDED)}),6)",
        ),
        ("The quarters' supply adds up to SRLSupplied", f"=ROUND({quarter_total[QuarterRow.SUPPLIED]}-SRLSupplied,6)"),
        ("The quarters' cost adds up to TotalCost", f"=ROUND({quarter_total[QuarterRow.COST]}-TotalCost,4)"),
        (
            "Expected revenue = pipeline + won this year",
            "=ROUND(ExpectedRevenue-(PipelineRevenue+YearProjectedRevenue),2)",
        ),
        ("Revenue gap = goal − expected", "=ROUND(RevenueGap-(RevenueGoal-ExpectedRevenue),2)"),
    ]


def programs_row(layout: Layout) -> int:
    """The Channels row of all programs' sales-ready leads by month: the grid's total row, or
    the row that adds them up without per-program grids."""
    if layout.program_months is not None:
        return layout.program_months.row(ProgramMonthRow.SRL)
    assert layout.program_srl is not None
    return layout.program_srl.total


def write_checks(sheet: Worksheet, styles: Styles, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading("Checks: every line must read 0", "Two routes to the same figure; anything but 0 means a broken formula.")
    w.header(4, ["Check", "Difference"])
    found = checks(layout)
    for row, (label, formula) in enumerate(found, 5):
        w.text(row, 1, label, "label")
        w.formula(row, 2, formula, "result", "0.######")
    total = 5 + len(found)
    w.text(total, 1, "All checks (must read 0)", "total")
    w.formula(total, 2, f"=SUMPRODUCT(ABS({ref(5, 2)}:{ref(total - 1, 2)}))", "total", "0.######")
    red = PatternFill("solid", start_color="F4CCCC", end_color="F4CCCC")
    sheet.conditional_formatting.add(
        f"{cell(5, 2)}:{cell(total, 2)}", FormulaRule(formula=[f"{cell(5, 2)}<>0"], fill=red)
    )
    w.widths({1: "long", 2: "number"})
