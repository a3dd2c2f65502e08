"""The Labor sheet: each resource's inputs, and its output and cost by month as formulas of them.

Output in month m: head count x SRL per person-month x min(1, (m - start + 1) / (ramp + 1)),
0 before the start month. Cost from the start month: head count x cost per person-month +
fee per SRL x output (people are paid while they ramp).
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import layout as L
from exports.excel.cells import SheetWriter, col, span
from exports.excel.styles import COUNT, PERCENT, Styles
from exports.excel.validation import Validations
from planner import formatting as fmt
from planner import vocab
from planner.model import Plan

HEADERS = [
    "Resource",
    "Id",
    "Kind",
    "Head count",
    "Start month",
    "Ramp (months)",
    "Sales-ready leads per person-month",
    "Cost per person-month",
    "Fee per sales-ready lead",
    "Sales-ready leads (total)",
    "Cost (total)",
    "Cost per sales-ready lead",
    "Share assigned to channels",
    "Unassigned output",
]
# input table columns
HEADCOUNT, START, RAMP, PER_PERSON, COST, FEE = 4, 5, 6, 7, 8, 9
TOTAL_OUTPUT, TOTAL_COST, COST_PER_SRL, ASSIGNED, UNASSIGNED = 10, 11, 12, 13, 14
NA = fmt.NOT_AVAILABLE


def write_labor(sheet: Worksheet, styles: Styles, plan: Plan, layout: L.Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Labor model: who develops leads",
        "Yellow cells are inputs. Output and cost by month below are formulas of them.",
    )
    inputs = layout.labor_inputs
    w.header(inputs.header, HEADERS, lines=4)
    if not plan.labor:
        w.text(inputs.first, 1, "No labor resources in this plan.", "note")
    checks = Validations(sheet)
    for index, resource in enumerate(plan.labor):
        row = inputs.row(index)
        w.text(row, 1, resource.name or resource.id)
        w.text(row, 2, resource.id)
        w.text(row, 3, vocab.LABOR_KINDS.get(resource.kind, resource.kind))
        w.number(row, HEADCOUNT, resource.headcount, "input")
        w.number(row, START, resource.start_month, "input", "0")
        w.number(row, RAMP, resource.ramp_months, "input", "0")
        w.number(row, PER_PERSON, resource.srl_per_person_month, "input")
        w.number(row, COST, resource.cost_per_person_month, "input", "money")
        w.number(row, FEE, resource.fee_per_srl, "input", "money")
        write_totals(w, plan, layout, index, row)
    if plan.labor:
        first, last = inputs.first, inputs.last
        checks.add("start_month", f"E{first}:E{last}")
        checks.add("months", f"F{first}:F{last}")
        checks.add("amount", f"D{first}:D{last}")
        checks.add("amount", f"G{first}:I{last}")
        w.text(inputs.total, 1, "Total", "total")
        for column in (HEADCOUNT, TOTAL_OUTPUT, TOTAL_COST, UNASSIGNED):
            fmt_ = "money" if column == TOTAL_COST else COUNT
            w.formula(inputs.total, column, f"=SUM({span(first, last, column)})", "total", fmt_)
        w.formula(
            inputs.total,
            COST_PER_SRL,
            f'=IFERROR({col(TOTAL_COST)}{inputs.total}/{col(TOTAL_OUTPUT)}{inputs.total},"{NA}")',
            "total",
            "money",
        )
        write_grids(w, plan, layout)
    w.widths({1: 32, 2: 10, 3: 38, **{c: 13 for c in range(4, max(15, layout.last_month_column + 1))}})
    sheet.freeze_panes = f"B{inputs.first}"


def write_totals(w: SheetWriter, plan: Plan, layout: L.Layout, index: int, row: int) -> None:
    first, last = layout.month_column(1), layout.last_month_column
    output_row, cost_row = layout.labor_output.row(index), layout.labor_cost.row(index)
    w.formula(row, TOTAL_OUTPUT, f"=SUM({col(first)}{output_row}:{col(last)}{output_row})", fmt=COUNT)
    w.formula(row, TOTAL_COST, f"=SUM({col(first)}{cost_row}:{col(last)}{cost_row})", fmt="money")
    w.formula(row, COST_PER_SRL, f'=IFERROR(K{row}/J{row},"{NA}")', fmt="money")
    people = layout.people_inputs
    if layout.people_indexes:
        owners = span(people.first, people.last, 3, sheet=L.CHANNELS)
        shares = span(people.first, people.last, 4, sheet=L.CHANNELS)
        w.formula(row, ASSIGNED, f"=SUMIF({owners},$B{row},{shares})", fmt=PERCENT)
    else:
        w.number(row, ASSIGNED, 0, fmt=PERCENT)
    w.formula(row, UNASSIGNED, f"=MAX(0,1-M{row})*J{row}", fmt=COUNT)


def write_grids(w: SheetWriter, plan: Plan, layout: L.Layout) -> None:
    output, cost = layout.labor_output, layout.labor_cost
    labels = ["Resource", "Id", "Total"]
    for block, title in ((output, "Sales-ready leads by month"), (cost, "Cost by month")):
        w.text(block.title, 1, title, "section")
        w.header(block.header, labels)
        write_month_labels(w, layout, block.header)
    first_month, last_month = layout.month_column(1), layout.last_month_column
    money = "money"
    count_style, money_style = w.styles.array("formula", COUNT), w.styles.array("formula", money)
    for index in range(len(plan.labor)):
        r = layout.labor_inputs.row(index)
        o, c = output.row(index), cost.row(index)
        for block_row in (o, c):
            w.formula(block_row, 1, f"=$A${r}", "linked")
            w.formula(block_row, 2, f"=$B${r}", "linked")
        w.formula(o, 3, f"=SUM({col(first_month)}{o}:{col(last_month)}{o})", "total", COUNT)
        w.formula(c, 3, f"=SUM({col(first_month)}{c}:{col(last_month)}{c})", "total", money)
        n, s, k, q = f"$D${r}", f"$E${r}", f"$F${r}", f"$G${r}"
        pay, fee = f"$H${r}", f"$I${r}"
        for m in range(1, layout.horizon + 1):
            column = layout.month_column(m)
            w.put_formula(o, column, f"=IF({m}<{s},0,{n}*{q}*MIN(1,({m}-{s}+1)/({k}+1)))", count_style)
            w.put_formula(c, column, f"=IF({m}<{s},0,{n}*{pay}+{fee}*{col(column)}{o})", money_style)
    for block, fmt_ in ((output, COUNT), (cost, money)):
        w.text(block.total, 1, "Total", "total")
        for column in range(3, last_month + 1):
            w.formula(block.total, column, f"=SUM({span(block.first, block.last, column)})", "total", fmt_)


def write_month_labels(w: SheetWriter, layout: L.Layout, row: int) -> None:
    """Month headers as dates from the first month, so they follow a changed first month."""
    from exports.excel.inputs_sheet import first_month_ref

    for m in range(1, layout.horizon + 1):
        w.formula(row, layout.month_column(m), f"=EDATE({first_month_ref()},{m - 1})", "header", "mmm yyyy")
