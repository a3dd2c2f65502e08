"""The Channels sheet: program channels (budget / cost per lead from their start month) and
people-driven channels (a share of one resource's output), with raw leads, sales-ready leads
and cost by month as formulas.

A program's sales-ready leads = raw leads x its own raw-to-sales-ready rate where it sets one,
else x LeadToMQL x MQLToSRL. People-driven channels only say where a resource's output goes:
their leads and cost are already counted in the Labor sheet.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import layout as L
from exports.excel.cells import SheetWriter, col, span
from exports.excel.labor_sheet import write_month_labels
from exports.excel.styles import COUNT, PERCENT, Styles
from exports.excel.validation import Validations
from planner import formatting as fmt
from planner import vocab
from planner.model import Plan

NA = fmt.NOT_AVAILABLE
PROGRAM_HEADERS = [
    "Program channel",
    "Type",
    "Monthly budget",
    "Cost per raw lead",
    "Start month",
    "Own raw to sales-ready rate (blank: plan rates)",
    "Rate used",
    "Raw leads a month",
    "Raw leads (total)",
    "Sales-ready leads (total)",
    "Cost (total)",
    "Cost per sales-ready lead",
    "Raw leads at the plan's rates",
    "Sales-ready leads at own rates",
]
PEOPLE_HEADERS = [
    "People-driven channel",
    "Type",
    "Owner (resource id)",
    "Share of the owner's output",
    "Sales-ready leads (total)",
    "Cost (total)",
    "Cost per sales-ready lead",
    "Owner",
]
BUDGET, PER_LEAD, START, OWN_RATE, RATE, RAW_MONTH = 3, 4, 5, 6, 7, 8
RAW_TOTAL, SRL_TOTAL, COST_TOTAL, COST_PER_SRL, PLAN_RATE_RAW, OWN_RATE_SRL = 9, 10, 11, 12, 13, 14


def write_channels(sheet: Worksheet, styles: Styles, plan: Plan, layout: L.Layout) -> None:
    w = SheetWriter(sheet, styles)
    checks = Validations(sheet)
    w.heading(
        "Channels: where sales-ready leads come from",
        "Yellow cells are inputs. Program channels add leads and cost; people-driven channels "
        "take a share of a labor resource's output (already counted in Labor).",
    )
    write_programs(w, checks, plan, layout)
    write_people(w, checks, plan, layout)
    write_program_grids(w, plan, layout)
    write_people_grids(w, plan, layout)
    w.widths({1: 32, 2: 24, 3: 14, **{c: 13 for c in range(4, max(15, layout.last_month_column + 1))}})
    sheet.freeze_panes = f"B{layout.program_inputs.first}"


def write_programs(w: SheetWriter, checks: Validations, plan: Plan, layout: L.Layout) -> None:
    block = layout.program_inputs
    w.text(block.title, 1, "Program channels (run by marketing)", "section")
    w.header(block.header, PROGRAM_HEADERS, lines=4)
    if not layout.program_indexes:
        w.text(block.first, 1, "No program channels in this plan.", "note")
        return
    first_month, last_month = col(layout.month_column(1)), col(layout.last_month_column)
    for index, channel_index in enumerate(layout.program_indexes):
        channel = plan.channels[channel_index]
        row = block.row(index)
        w.text(row, 1, channel.name)
        w.text(row, 2, vocab.CHANNEL_TYPES.get(channel.type, channel.type))
        w.number(row, BUDGET, channel.monthly_budget or 0, "input", "money")
        w.number(row, PER_LEAD, channel.cost_per_lead, "input", "money")
        w.number(row, START, channel.start_month, "input", "0")
        w.number(row, OWN_RATE, channel.lead_to_srl, "input", PERCENT)
        w.formula(row, RATE, f'=IF(F{row}="",LeadToMQL*MQLToSRL,F{row})', fmt=PERCENT)
        w.formula(row, RAW_MONTH, f"=IFERROR(C{row}/D{row},0)", fmt=COUNT)
        raw, srl, cost = layout.program_raw.row(index), layout.program_srl.row(index), layout.program_cost.row(index)
        w.formula(row, RAW_TOTAL, f"=SUM({first_month}{raw}:{last_month}{raw})", fmt=COUNT)
        w.formula(row, SRL_TOTAL, f"=SUM({first_month}{srl}:{last_month}{srl})", fmt=COUNT)
        w.formula(row, COST_TOTAL, f"=SUM({first_month}{cost}:{last_month}{cost})", fmt="money")
        w.formula(row, COST_PER_SRL, f'=IFERROR(K{row}/J{row},"{NA}")', fmt="money")
        w.formula(row, PLAN_RATE_RAW, f'=IF(F{row}="",I{row},0)', fmt=COUNT)
        w.formula(row, OWN_RATE_SRL, f'=IF(F{row}="",0,J{row})', fmt=COUNT)
    first, last = block.first, block.last
    checks.add("amount", f"C{first}:D{last}")
    checks.add("start_month", f"E{first}:E{last}")
    checks.add("rate", f"F{first}:F{last}")
    w.text(block.total, 1, "Total", "total")
    for column in (BUDGET, RAW_MONTH, RAW_TOTAL, SRL_TOTAL, COST_TOTAL, PLAN_RATE_RAW, OWN_RATE_SRL):
        number_format = "money" if column in (BUDGET, COST_TOTAL) else COUNT
        w.formula(block.total, column, f"=SUM({span(first, last, column)})", "total", number_format)
    w.formula(block.total, COST_PER_SRL, f'=IFERROR(K{block.total}/J{block.total},"{NA}")', "total", "money")


def write_people(w: SheetWriter, checks: Validations, plan: Plan, layout: L.Layout) -> None:
    block = layout.people_inputs
    w.text(block.title, 1, "People-driven channels", "section")
    w.header(block.header, PEOPLE_HEADERS, lines=3)
    if not layout.people_indexes:
        w.text(block.first, 1, "No people-driven channels in this plan.", "note")
        return
    first_month, last_month = col(layout.month_column(1)), col(layout.last_month_column)
    for index, channel_index in enumerate(layout.people_indexes):
        channel = plan.channels[channel_index]
        row = block.row(index)
        w.text(row, 1, channel.name)
        w.text(row, 2, vocab.CHANNEL_TYPES.get(channel.type, channel.type))
        w.text(row, 3, channel.owner)
        w.number(row, 4, channel.share or 0, "input", PERCENT)
        srl, cost = layout.people_srl.row(index), layout.people_cost.row(index)
        w.formula(row, 5, f"=SUM({first_month}{srl}:{last_month}{srl})", fmt=COUNT)
        w.formula(row, 6, f"=SUM({first_month}{cost}:{last_month}{cost})", fmt="money")
        w.formula(row, 7, f'=IFERROR(F{row}/E{row},"{NA}")', fmt="money")
        owner = layout.resource_row(plan, channel.owner)
        if owner is None:
            w.text(row, 8, "(no such resource: no leads)", "note")
        else:
            w.formula(row, 8, f"={L.LABOR}!$A${layout.labor_inputs.row(owner)}", "linked")
    checks.add("share", f"D{block.first}:D{block.last}")


def write_program_grids(w: SheetWriter, plan: Plan, layout: L.Layout) -> None:
    if not layout.program_indexes:
        return
    inputs = layout.program_inputs
    grids = (
        (layout.program_raw, "Program channels: raw leads by month", COUNT),
        (layout.program_srl, "Program channels: sales-ready leads by month", COUNT),
        (layout.program_cost, "Program channels: cost by month", "money"),
    )
    for block, title, number_format in grids:
        start_grid(w, layout, block, title)
        style = w.styles.array("formula", number_format)
        for index in range(len(layout.program_indexes)):
            r, row = inputs.row(index), block.row(index)
            name_cells(w, row, r)
            raw_row = layout.program_raw.row(index)
            for m in range(1, layout.horizon + 1):
                column = layout.month_column(m)
                if block is layout.program_raw:
                    formula = f"=IF({m}<$E${r},0,$H${r})"
                elif block is layout.program_srl:
                    formula = f"={col(column)}{raw_row}*$G${r}"
                else:
                    formula = f"=IF({m}<$E${r},0,$C${r})"
                w.put_formula(row, column, formula, style)
        end_grid(w, layout, block, number_format)


def write_people_grids(w: SheetWriter, plan: Plan, layout: L.Layout) -> None:
    if not layout.people_indexes:
        return
    inputs = layout.people_inputs
    grids = (
        (
            layout.people_srl,
            layout.labor_output,
            "People-driven channels: sales-ready leads by month (share x owner's output; counted in Labor)",
            COUNT,
        ),
        (
            layout.people_cost,
            layout.labor_cost,
            "People-driven channels: cost by month (share x owner's cost; counted in Labor)",
            "money",
        ),
    )
    for block, source, title, number_format in grids:
        start_grid(w, layout, block, title)
        style = w.styles.array("formula", number_format)
        for index, channel_index in enumerate(layout.people_indexes):
            r, row = inputs.row(index), block.row(index)
            name_cells(w, row, r)
            owner = layout.resource_row(plan, plan.channels[channel_index].owner)
            for m in range(1, layout.horizon + 1):
                column = layout.month_column(m)
                if owner is None:
                    w.put(row, column, 0, style)
                else:
                    w.put_formula(row, column, f"=$D${r}*{L.LABOR}!{col(column)}{source.row(owner)}", style)
        end_grid(w, layout, block, number_format)


def start_grid(w: SheetWriter, layout: L.Layout, block: L.Block, title: str) -> None:
    w.text(block.title, 1, title, "section")
    w.header(block.header, ["Channel", "Type", "Total"])
    write_month_labels(w, layout, block.header)


def name_cells(w: SheetWriter, row: int, input_row: int) -> None:
    w.formula(row, 1, f"=$A${input_row}", "linked")
    w.formula(row, 2, f"=$B${input_row}", "linked")


def end_grid(w: SheetWriter, layout: L.Layout, block: L.Block, number_format: str) -> None:
    first, last = col(layout.month_column(1)), col(layout.last_month_column)
    for index in range(block.count):
        row = block.row(index)
        w.formula(row, 3, f"=SUM({first}{row}:{last}{row})", "total", number_format)
    w.text(block.total, 1, "Total", "total")
    for column in range(3, layout.last_month_column + 1):
        w.formula(block.total, column, f"=SUM({span(block.first, block.last, column)})", "total", number_format)
