"""The Monthly sheet: demand (seasonality and sales cycle), supply, gap, cumulative gap, cost
and won revenue by month, the quarters, and the plan's totals, which hold the named results.

Months run across the columns as on the Labor and Channels sheets (month 1 in column D, the
total in C). Month m needs S x u(m + c): u is the plan month's seasonality weight (looked up
by calendar month with INDEX) over the sum of the plan months' weights, and m + c wraps
around past the horizon (MOD with the named ``Horizon``). Won revenue in month m is the supply
of month m - c (wrapping the same way) x SRLToOpportunity x WinRate x DealSize.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter, cell, ref, row_span
from exports.excel.inputs_sheet import first_month_ref, weights_range
from exports.excel.layout import (
    CHANNELS,
    LABOR,
    MONTHLY,
    QUARTERS_HEADER,
    TOTAL_COLUMN,
    TOTALS_FIRST,
    LaborColumn,
    Layout,
    MonthlyRow,
    ProgramMonthRow,
    QuarterRow,
)
from exports.excel.names import define
from exports.excel.styles import AHEAD, COUNT, GAP, MONTH_LABEL, PERCENT, WEIGHT, Styles
from planner import formatting as fmt
from planner.hiring import CONTRACT_INSIDE_REP
from planner.model import Plan
from planner.supply import turnover_loss

NA = fmt.NOT_AVAILABLE
R = MonthlyRow
VALUE = 2  # the totals block's value column
LABELS = {
    R.MONTH: ("Plan month", ""),
    R.LABEL: ("Month", ""),
    R.QUARTER: ("Plan quarter", ""),
    R.WEIGHT: ("Seasonality weight", ""),
    R.SHARE: ("Share of demand", "%"),
    R.WINS: ("Wins needed", "wins"),
    R.OPPORTUNITIES: ("Opportunities needed", "opportunities"),
    R.NEEDED: ("Sales-ready leads needed", "leads"),
    R.QUALIFIED: ("Qualified leads needed", "leads"),
    R.RAW: ("Raw leads needed", "leads"),
    R.LABOR: ("Supplied by people (Labor)", "leads"),
    R.PROGRAMS: ("Supplied by programs (Channels)", "leads"),
    R.SUPPLIED: ("Sales-ready leads supplied", "leads"),
    R.GAP: ("Gap (needed − supplied)", "leads"),
    R.CUMULATIVE_GAP: ("Cumulative gap", "leads"),
    R.CUMULATIVE_NEEDED: ("Needed to date", "leads"),
    R.CUMULATIVE_SUPPLIED: ("Supplied to date", "leads"),
    R.COVERAGE: ("Coverage", "%"),
    R.COST: ("Cost", "money"),
    R.COST_PER_SRL: ("Cost per sales-ready lead", "money"),
    R.REVENUE: ("Won revenue", "money"),
    R.STATUS: ("Month status (short, late or covered)", ""),
    R.BEHIND: ("Behind plan (1) to date", ""),
    R.SUPPLYING: ("Anything supplied (1)", ""),
}
NEEDED = {R.WINS: "WinsNeeded", R.OPPORTUNITIES: "OpportunitiesNeeded", R.NEEDED: "SRLNeeded",
          R.QUALIFIED: "MQLNeeded", R.RAW: "LeadsNeeded"}  # fmt: skip
FORMATS = {R.SHARE: PERCENT, R.WEIGHT: WEIGHT, R.GAP: GAP, R.CUMULATIVE_GAP: AHEAD, R.COVERAGE: PERCENT,
           R.COST: "money", R.COST_PER_SRL: "money", R.REVENUE: "money", R.LABEL: MONTH_LABEL,
           R.MONTH: "0", R.QUARTER: "0", R.BEHIND: "0", R.SUPPLYING: "0", R.STATUS: "General"}  # fmt: skip
SUMMED = (R.SHARE, *NEEDED, R.LABOR, R.PROGRAMS, R.SUPPLIED, R.GAP, R.COST, R.REVENUE, R.BEHIND)
# the plan's totals: label, name (None: unnamed), format
TOTALS = (
    ("Sales-ready leads needed", None, COUNT),
    ("Sales-ready leads supplied", None, COUNT),
    ("Gap (sales-ready leads short)", "SRLGap", GAP),
    ("Coverage", None, PERCENT),
    ("Total cost", None, "money"),
    ("Cost per sales-ready lead", "CostPerSRL", "money"),
    ("Cost per opportunity", None, "money"),
    ("Projected revenue", "ProjectedRevenue", "money"),
    ("Return on cost", "ReturnOnCost", PERCENT),
    ("Expected revenue (pipeline + projected)", "ExpectedRevenue", "money"),
    ("Revenue gap (goal − expected)", "RevenueGap", '"$"#,##0;"surplus "#,##0;0'),
    ("Worst cumulative shortfall", "WorstShortfall", COUNT),
    ("Month of the worst shortfall", "WorstMonth", "General"),
    ("Months behind plan", "MonthsBehind", "0"),
    ("First month behind plan", "FirstBehind", "0"),
    ("Last month behind plan", "LastBehind", "0"),
    ("First month anything is supplied", "FirstSupplyMonth", "0"),
    ("Timing (short, late or on_track)", "TimingStatus", "General"),
    ("Inside reps to close the gap", "InsideRepsToCloseGap", "0"),
)
STATUS_FILLS = {"short": "F4CCCC", "late": "FCE4B6", "covered": "D9EAD3"}


def totals_row(label: str) -> int:
    return TOTALS_FIRST + [t[0] for t in TOTALS].index(label)


def month_ref(layout: Layout, row: int) -> str:
    """All the months of one row of the Monthly sheet, from another sheet."""
    return row_span(row, layout.month_column(1), layout.last_month_column, sheet=MONTHLY)


def write_monthly(sheet: Worksheet, styles: Styles, plan: Plan, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Month by month: sales-ready leads needed vs supplied",
        "Formulas of the Inputs, Labor and Channels sheets. Demand follows seasonality and "
        "the sales cycle: leads needed this month become wins a sales cycle later.",
    )
    first, last = layout.month_column(1), layout.last_month_column
    w.text(R.MONTH, 1, "Plan month", "header")
    w.text(R.MONTH, 2, "Unit", "header")
    w.text(R.MONTH, TOTAL_COLUMN, "Total", "header")
    for row, (label, unit) in LABELS.items():
        if row != R.MONTH:
            w.text(row, 1, label, "bold" if row in (R.NEEDED, R.SUPPLIED, R.GAP, R.CUMULATIVE_GAP) else "label")
            w.text(row, 2, plan.basics.currency if unit == "money" else unit, "note")
    for m in range(1, layout.horizon + 1):
        write_month(w, plan, layout, layout.month_column(m), m)
    for row in SUMMED:
        number_format = FORMATS.get(row, COUNT)
        w.formula(row, TOTAL_COLUMN, f'=IFERROR(SUM({row_span(row, first, last)}),"{NA}")', "total", number_format)
    total = TOTAL_COLUMN
    w.formula(
        R.COVERAGE, total, f'=IFERROR({cell(R.SUPPLIED, total)}/{cell(R.NEEDED, total)},"{NA}")', "total", PERCENT
    )
    w.formula(
        R.COST_PER_SRL, total, f'=IFERROR({cell(R.COST, total)}/{cell(R.SUPPLIED, total)},"{NA}")', "total", "money"
    )
    define(sheet.parent, "SRLSupplied", MONTHLY, R.SUPPLIED, total)
    define(sheet.parent, "TotalCost", MONTHLY, R.COST, total)
    status_formats(sheet, layout)
    write_quarters(w, layout)
    write_totals(w, plan, layout)
    w.widths({1: "label", 2: "number", **{c: "number" for c in range(TOTAL_COLUMN, last + 1)}})
    sheet.freeze_panes = cell(R.LABEL, first)


def write_month(w: SheetWriter, plan: Plan, layout: Layout, column: int, m: int) -> None:
    def at(row: int) -> str:
        return cell(row, column)

    def whole(row: int) -> str:
        return row_span(row, layout.month_column(1), layout.last_month_column)

    first = layout.month_column(1)
    month = cell(R.MONTH, column, fix_row=True)
    w.number(R.MONTH, column, m, "header", "0")
    w.formula(R.LABEL, column, f"=EDATE({first_month_ref()},{month}-1)", "bold", MONTH_LABEL)
    w.formula(R.QUARTER, column, f"=INT(({month}-1)/3)+1", fmt="0")
    w.formula(R.WEIGHT, column, f"=INDEX({weights_range()},MONTH({at(R.LABEL)}))", fmt=WEIGHT)
    weights = whole(R.WEIGHT)
    w.formula(
        R.SHARE,
        column,
        f"=IF(SUM({weights})>0,INDEX({weights},MOD({month}-1+SalesCycleMonths,Horizon)+1)/SUM({weights}),0)",
        fmt=PERCENT,
    )
    for row, name in NEEDED.items():
        w.formula(row, column, f'=IFERROR({name}*{at(R.SHARE)},"{NA}")', fmt=COUNT)
    w.formula(
        R.LABOR, column, "=" + grid_sum(column, LABOR, layout.labor_output.first, layout.labor_output.last), fmt=COUNT
    )
    w.formula(
        R.PROGRAMS,
        column,
        "=" + programs_in_month(layout, column, ProgramMonthRow.SRL),
        fmt=COUNT,
    )
    w.formula(R.SUPPLIED, column, f"={at(R.LABOR)}+{at(R.PROGRAMS)}", "bold", COUNT)
    w.formula(R.GAP, column, f'=IFERROR({at(R.NEEDED)}-{at(R.SUPPLIED)},"{NA}")', fmt=GAP)
    to_date = f"{cell(R.GAP, first, fix_column=True)}:{at(R.GAP)}"
    w.formula(R.CUMULATIVE_GAP, column, f'=IFERROR(SUM({to_date}),"{NA}")', "bold", AHEAD)
    needed_to_date = f"{cell(R.NEEDED, first, fix_column=True)}:{at(R.NEEDED)}"
    supplied_to_date = f"{cell(R.SUPPLIED, first, fix_column=True)}:{at(R.SUPPLIED)}"
    w.formula(R.CUMULATIVE_NEEDED, column, f'=IFERROR(SUM({needed_to_date}),"{NA}")', fmt=COUNT)
    w.formula(R.CUMULATIVE_SUPPLIED, column, f"=SUM({supplied_to_date})", fmt=COUNT)
    w.formula(R.COVERAGE, column, f'=IFERROR({at(R.SUPPLIED)}/{at(R.NEEDED)},"{NA}")', fmt=PERCENT)
    labor_cost = grid_sum(column, LABOR, layout.labor_cost.first, layout.labor_cost.last)
    program_cost = programs_in_month(layout, column, ProgramMonthRow.COST)
    w.formula(R.COST, column, f"={labor_cost}+{program_cost}", fmt="money")
    w.formula(R.COST_PER_SRL, column, f'=IFERROR({at(R.COST)}/{at(R.SUPPLIED)},"{NA}")', fmt="money")
    supplied = whole(R.SUPPLIED)
    w.formula(
        R.REVENUE,
        column,
        f"=INDEX({supplied},MOD({month}-1-SalesCycleMonths,Horizon)+1)*SRLToOpportunity*WinRate*DealSize",
        fmt="money",
    )
    gap, cumulative = f"N({at(R.GAP)})", f"N({at(R.CUMULATIVE_GAP)})"
    w.formula(R.STATUS, column, f'=IF({gap}>0.5,"short",IF({cumulative}>0.5,"late","covered"))', "centered")
    w.formula(R.BEHIND, column, f"=IF({cumulative}>0.5,1,0)", fmt="0")
    w.formula(R.SUPPLYING, column, f"=IF({at(R.SUPPLIED)}>0,1,0)", fmt="0")


def grid_sum(column: int, sheet: str, first: int, last: int) -> str:
    """SUM of this month's column of a grid on another sheet (0 for an empty grid)."""
    if last < first:
        return "0"
    return f"SUM({cell(first, column, sheet=sheet)}:{cell(last, column)})"


def programs_in_month(layout: Layout, column: int, measure: ProgramMonthRow) -> str:
    """All programs' sales-ready leads or cost in this month's column: the grid's column summed,
    or the one row that adds them up when there are no per-program grids."""
    if layout.program_months is not None:
        return cell(layout.program_months.row(measure), column, sheet=CHANNELS)
    grid = layout.program_srl if measure is ProgramMonthRow.SRL else layout.program_cost
    assert grid is not None
    return grid_sum(column, CHANNELS, grid.first, grid.last)


def status_formats(sheet: Worksheet, layout: Layout) -> None:
    """Red for short months, amber for late (covered, but behind to date), green for covered:
    on the month labels, the gap and the cumulative gap, following the live status row."""
    first, last = layout.month_column(1), layout.last_month_column
    status = cell(R.STATUS, first, fix_row=True)
    for row in (R.LABEL, R.GAP, R.CUMULATIVE_GAP, R.STATUS):
        target = f"{cell(row, first)}:{cell(row, last)}"
        for word, colour in STATUS_FILLS.items():
            sheet.conditional_formatting.add(
                target,
                FormulaRule(
                    formula=[f'{status}="{word}"'],
                    fill=PatternFill("solid", start_color=colour, end_color=colour),
                    font=Font(bold=word == "short"),
                ),
            )


def write_quarters(w: SheetWriter, layout: Layout) -> None:
    """Plan quarters (months 1-3, 4-6, ...; the last may be shorter), summed from the months."""
    title, header = QUARTERS_HEADER - 1, QUARTERS_HEADER
    w.text(title, 1, "Quarters (plan quarters: sums of their months)", "section")
    w.text(header, 1, "Quarter", "header")
    labels = {QuarterRow.NEEDED: "Sales-ready leads needed", QuarterRow.SUPPLIED: "Sales-ready leads supplied",
              QuarterRow.GAP: "Gap (needed − supplied)", QuarterRow.COST: "Cost"}  # fmt: skip
    for offset, label in labels.items():
        w.text(header + offset, 1, label, "label")
    quarters = row_span(R.QUARTER, layout.month_column(1), layout.last_month_column)
    for q in range(1, layout.quarters + 1):
        column = layout.month_column(q)
        number = cell(title, column, fix_row=True)
        w.number(title, column, q, "note", "0")
        first_month = f"EDATE({first_month_ref()},3*({number}-1))"
        last_month = f"EDATE({first_month_ref()},MIN(3*{number},Horizon)-1)"
        w.formula(header, column, f'=TEXT({first_month},"mmm")&"–"&TEXT({last_month},"mmm yyyy")', "header")
        for offset, row, number_format in (
            (QuarterRow.NEEDED, R.NEEDED, COUNT),
            (QuarterRow.SUPPLIED, R.SUPPLIED, COUNT),
            (QuarterRow.COST, R.COST, "money"),
        ):
            values = row_span(row, layout.month_column(1), layout.last_month_column)
            w.formula(
                header + offset, column, f'=IFERROR(SUMIF({quarters},{number},{values}),"{NA}")', fmt=number_format
            )
        needed, supplied = cell(header + QuarterRow.NEEDED, column), cell(header + QuarterRow.SUPPLIED, column)
        w.formula(header + QuarterRow.GAP, column, f'=IFERROR({needed}-{supplied},"{NA}")', "bold", GAP)
    for offset in (QuarterRow.NEEDED, QuarterRow.SUPPLIED, QuarterRow.GAP, QuarterRow.COST):
        row = header + offset
        values = row_span(row, layout.month_column(1), layout.month_column(layout.quarters))
        number_format = {QuarterRow.GAP: GAP, QuarterRow.COST: "money"}.get(offset, COUNT)
        w.formula(row, TOTAL_COLUMN, f'=IFERROR(SUM({values}),"{NA}")', "total", number_format)
    w.text(header, TOTAL_COLUMN, "Total", "header")


def first_inside(plan: Plan, layout: Layout) -> tuple[str, str, str]:
    """(q, ramp, loss) of the plan's first inside resource, as cell references, or the inside defaults."""
    index = next((i for i, r in enumerate(plan.labor) if r.kind == "inside"), None)
    if index is None:
        rep = CONTRACT_INSIDE_REP
        loss = turnover_loss(rep.attrition_rate, rep.vacancy_months, rep.ramp_months)
        return repr(rep.srl_per_person_month), repr(rep.ramp_months), repr(loss)
    row = layout.labor_inputs.row(index)
    return tuple(ref(row, c, sheet=LABOR) for c in (LaborColumn.PER_PERSON, LaborColumn.RAMP, LaborColumn.LOSS))  # type: ignore[return-value]


def write_totals(w: SheetWriter, plan: Plan, layout: Layout) -> None:
    w.text(TOTALS_FIRST - 1, 1, "Plan totals and timing", "section")
    labels = row_span(R.LABEL, layout.month_column(1), layout.last_month_column)
    cumulative = row_span(R.CUMULATIVE_GAP, layout.month_column(1), layout.last_month_column)
    behind = row_span(R.BEHIND, layout.month_column(1), layout.last_month_column)
    supplying = row_span(R.SUPPLYING, layout.month_column(1), layout.last_month_column)
    months = row_span(R.MONTH, layout.month_column(1), layout.last_month_column)
    q, k, loss = first_inside(plan, layout)
    # what one rep hired in month 1 delivers over the horizon: q x sum of min(1, m / (k + 1)) x (1 - loss)
    ramped = f"IF(Horizon<{k}+1,Horizon*(Horizon+1)/(2*({k}+1)),Horizon-{k}/2)"
    per_rep = f"({q}*{ramped}*(1-{loss}))"
    formulas = {
        "Sales-ready leads needed": "=SRLNeeded",
        "Sales-ready leads supplied": "=SRLSupplied",
        "Gap (sales-ready leads short)": f'=IFERROR(SRLNeeded-SRLSupplied,"{NA}")',
        "Coverage": f'=IFERROR(SRLSupplied/SRLNeeded,"{NA}")',
        "Total cost": "=TotalCost",
        "Cost per sales-ready lead": f'=IFERROR(TotalCost/SRLSupplied,"{NA}")',
        "Cost per opportunity": f'=IFERROR(TotalCost/(SRLSupplied*SRLToOpportunity),"{NA}")',
        "Projected revenue": "=SRLSupplied*SRLToOpportunity*WinRate*DealSize",
        "Return on cost": f'=IFERROR((ProjectedRevenue*GrossMargin-TotalCost)/TotalCost,"{NA}")',
        "Expected revenue (pipeline + projected)": "=PipelineRevenue+ProjectedRevenue",
        "Revenue gap (goal − expected)": "=RevenueGoal-ExpectedRevenue",
        "Worst cumulative shortfall": f'=IFERROR(MAX(0,MAX({cumulative})),"{NA}")',
        "Month of the worst shortfall": (
            f'=IFERROR(IF(WorstShortfall<=0.000001,"",TEXT(INDEX({labels},MATCH(MAX({cumulative}),{cumulative},0)),"mmm yyyy")),"")'
        ),
        "Months behind plan": f"=SUM({behind})",
        "First month behind plan": f"=IFERROR(MATCH(1,{behind},0),0)",
        "Last month behind plan": f"=SUMPRODUCT(MAX({behind}*{months}))",
        "First month anything is supplied": f'=IFERROR(MATCH(1,{supplying},0),"")',
        "Timing (short, late or on_track)": (
            '=IFERROR(IF(SRLGap>0.5,"short",IF(WorstShortfall>0.5,"late","on_track")),"on_track")'
        ),
        "Inside reps to close the gap": (
            f'=IFERROR(IF(N(SRLGap)<=0.5,0,ROUNDUP(SRLGap/{per_rep}-0.000000001,0)),"{NA}")'
        ),
    }
    currency = w.styles.money.split("#")[0]
    for label, name, number_format in TOTALS:
        row = totals_row(label)
        if name == "RevenueGap":
            number_format = f'{currency}#,##0;"surplus "{currency}#,##0;0'
        w.text(row, 1, label, "label")
        w.formula(row, VALUE, formulas[label], "result", number_format)
        if name:
            define(w.sheet.parent, name, MONTHLY, row, VALUE)
