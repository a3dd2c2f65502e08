"""The Monthly sheet: demand by month (seasonality and sales cycle), supply, gap and cost, and
the plan's totals, which hold the named result cells.

Month m needs S x u(m + c): u is the plan month's seasonality weight (looked up by calendar
month with INDEX) over the sum of the plan months' weights, and m + c wraps around past the
horizon (MOD), so changing SalesCycleMonths or a weight moves the months, not only the totals.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import layout as L
from exports.excel.cells import SheetWriter, col, span
from exports.excel.inputs_sheet import first_month_ref, weights_range
from exports.excel.names import define
from exports.excel.styles import COUNT, MONTH_LABEL, PERCENT, WEIGHT, Styles
from planner import defaults
from planner import formatting as fmt
from planner.model import Plan

NA = fmt.NOT_AVAILABLE
HEADERS = [
    "Plan month",
    "Month",
    "Seasonality weight",
    "Share of demand",
    "Wins needed",
    "Opportunities needed",
    "Sales-ready leads needed",
    "Qualified leads needed",
    "Raw leads needed",
    "Sales-ready leads supplied",
    "Gap",
    "Coverage",
    "Cost",
    "Cost per sales-ready lead",
    "Projected revenue",
]
NEEDED = {5: "WinsNeeded", 6: "OpportunitiesNeeded", 7: "SRLNeeded", 8: "MQLNeeded", 9: "LeadsNeeded"}
SUPPLIED, GAP, COVERAGE, COST, COST_PER_SRL, REVENUE = 10, 11, 12, 13, 14, 15
TOTALS = (  # label, name (None: unnamed), format
    ("Sales-ready leads needed", None, COUNT),
    ("Sales-ready leads supplied", None, COUNT),
    ("Gap (sales-ready leads short)", "SRLGap", COUNT),
    ("Coverage", None, PERCENT),
    ("Total cost", None, "money"),
    ("Cost per sales-ready lead", "CostPerSRL", "money"),
    ("Cost per opportunity", None, "money"),
    ("Projected revenue", "ProjectedRevenue", "money"),
    ("Return on cost", "ReturnOnCost", PERCENT),
    ("Inside reps to close the gap", None, "0"),
)


def totals_first_row(layout: L.Layout) -> int:
    return layout.months.end + 1


def totals_row(layout: L.Layout, label: str) -> int:
    return totals_first_row(layout) + [t[0] for t in TOTALS].index(label)


def write_monthly(sheet: Worksheet, styles: Styles, plan: Plan, layout: L.Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Month by month: sales-ready leads needed vs supplied",
        "Formulas of the Inputs, Labor and Channels sheets. Demand follows seasonality and "
        "the sales cycle: leads needed this month become wins a sales cycle later.",
    )
    block = layout.months
    w.header(block.header, HEADERS, lines=3)
    first, last, horizon = block.first, block.last, layout.horizon
    weights = span(first, last, 3)
    for m in range(1, horizon + 1):
        row = block.row(m - 1)
        w.number(row, 1, m, fmt="0")
        w.formula(row, 2, f"=EDATE({first_month_ref()},{m - 1})", fmt=MONTH_LABEL)
        w.formula(row, 3, f"=INDEX({weights_range()},MONTH(B{row}))", fmt=WEIGHT)
        w.formula(
            row,
            4,
            f"=IF(SUM({weights})>0,INDEX({weights},MOD(A{row}-1+SalesCycleMonths,{horizon})+1)/SUM({weights}),0)",
            fmt=PERCENT,
        )
        for column, name in NEEDED.items():
            w.formula(row, column, f'=IFERROR({name}*$D{row},"{NA}")', fmt=COUNT)
        month_column = col(layout.month_column(m))
        w.formula(
            row, SUPPLIED, "=" + supply_sum(layout, month_column, layout.labor_output, layout.program_srl), fmt=COUNT
        )
        w.formula(row, GAP, f'=IFERROR(G{row}-J{row},"{NA}")', fmt=COUNT)
        w.formula(row, COVERAGE, f'=IFERROR(J{row}/G{row},"{NA}")', fmt=PERCENT)
        w.formula(
            row, COST, "=" + supply_sum(layout, month_column, layout.labor_cost, layout.program_cost), fmt="money"
        )
        w.formula(row, COST_PER_SRL, f'=IFERROR(M{row}/J{row},"{NA}")', fmt="money")
        w.formula(row, REVENUE, f"=J{row}*SRLToOpportunity*WinRate*DealSize", fmt="money")
    total = block.total
    w.text(total, 1, "Total", "total")
    for column in (4, *NEEDED, SUPPLIED, GAP, COST, REVENUE):
        number_format = {4: PERCENT, COST: "money", REVENUE: "money"}.get(column, COUNT)
        w.formula(total, column, f'=IFERROR(SUM({span(first, last, column)}),"{NA}")', "total", number_format)
    w.formula(total, COVERAGE, f'=IFERROR(J{total}/G{total},"{NA}")', "total", PERCENT)
    w.formula(total, COST_PER_SRL, f'=IFERROR(M{total}/J{total},"{NA}")', "total", "money")
    define(sheet.parent, "SRLSupplied", L.MONTHLY, total, SUPPLIED)
    define(sheet.parent, "TotalCost", L.MONTHLY, total, COST)
    write_totals(w, plan, layout)
    w.widths({1: 34, 2: 12, **{c: 14 for c in range(3, 16)}})
    sheet.freeze_panes = f"C{first}"


def supply_sum(layout: L.Layout, month_column: str, labor: L.Block, programs: L.Block) -> str:
    """SUM of this month's column of the Labor grid and of the program channels' grid."""
    parts = []
    if labor.count:
        parts.append(f"SUM({L.LABOR}!{month_column}{labor.first}:{month_column}{labor.last})")
    if programs.count:
        parts.append(f"SUM({L.CHANNELS}!{month_column}{programs.first}:{month_column}{programs.last})")
    return "+".join(parts) or "0"


def first_inside_per_person(plan: Plan, layout: L.Layout) -> str:
    """The SRL per person-month of the plan's first inside resource (the default without one)."""
    index = next((i for i, r in enumerate(plan.labor) if r.kind == "inside"), None)
    if index is None:
        return repr(defaults.labor_default("inside", "srl_per_person_month"))
    return f"{L.LABOR}!$G${layout.labor_inputs.row(index)}"


def write_totals(w: SheetWriter, plan: Plan, layout: L.Layout) -> None:
    first = totals_first_row(layout)
    total = layout.months.total
    w.text(first - 1, 1, "Plan totals", "section")
    per_person = first_inside_per_person(plan, layout)
    row = {label: first + i for i, (label, _, _) in enumerate(TOTALS)}
    gap = row["Gap (sales-ready leads short)"]
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
        "Inside reps to close the gap": (
            f'=IFERROR(IF(B{gap}<=0.000000001,0,ROUNDUP(B{gap}/({layout.horizon}*{per_person})-0.000000001,0)),"{NA}")'
        ),
    }
    for label, name, number_format in TOTALS:
        w.text(row[label], 1, label, "label")
        w.formula(row[label], 2, formulas[label], "result", number_format)
        if name:
            define(w.sheet.parent, name, L.MONTHLY, row[label], 2)
    w.text(row["Sales-ready leads supplied"], 3, f"(total row {total} above)", "note")
