"""The Labor sheet: each resource's inputs, and its output and cost by month as formulas of them.

From the start month s to the last month e (the end month, or the horizon where it is blank):
output(m) = head count x SRL per person-month x min(1, (m - s + 1) / (ramp + 1)) x (1 - loss),
loss = min(1, attrition / 12 x (vacancy + ramp / 2)); cost(m) = head count x cost per
person-month x max(0, 1 - attrition / 12 x vacancy) + fee per SRL x output(m). Nothing
outside s..e. Month numbers stand in each grid's title row, so no formula holds a month or
the horizon as a number. Each formula carries the engine's value at export (its resource's
output and cost), for viewers that do not recalculate.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter, cell, clean_text, ref, row_span, shown, span
from exports.excel.layout import CHANNELS, TOTAL_COLUMN, Block, LaborColumn, Layout, PeopleColumn
from exports.excel.styles import COUNT, PERCENT, RATE_COUNT, Styles
from exports.excel.validation import Validations
from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult, ResourceResult
from planner.numbers.supply import paid_share, turnover_loss
from planner.plan import vocab
from planner.plan.model import Plan

C = LaborColumn
HEADERS = {
    C.NAME: "Resource",
    C.ID: "Id",
    C.KIND: "Kind",
    C.HEADCOUNT: "Head count",
    C.START: "Start month",
    C.END: "End month (blank: the plan's last)",
    C.RAMP: "Ramp (months)",
    C.PER_PERSON: "Sales-ready leads per person-month",
    C.COST: "Cost per person-month",
    C.FEE: "Fee per sales-ready lead",
    C.ATTRITION: "Attrition a year",
    C.VACANCY: "Months a seat stays empty",
    C.LAST: "Last month worked",
    C.LOSS: "Output lost to turnover",
    C.PAID: "Seats paid",
    C.TOTAL_OUTPUT: "Sales-ready leads (total)",
    C.TOTAL_COST: "Cost (total)",
    C.COST_PER_SRL: "Cost per sales-ready lead",
    C.ASSIGNED: "Share assigned to channels",
    C.UNASSIGNED: "Unassigned output",
}
NA = fmt.NOT_AVAILABLE


def write_labor(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Labor model: who develops leads",
        "Yellow cells are inputs. Output and cost by month below are formulas of them.",
    )
    inputs = layout.labor_inputs
    w.header(inputs.header, list(HEADERS.values()), lines=4)
    if not plan.labor:
        w.text(inputs.first, 1, "No labor resources in this plan.", "note")
    checks = Validations(sheet)
    for index, resource in enumerate(plan.labor):
        row = inputs.row(index)
        w.text(row, C.NAME, resource.name or resource.id)
        w.text(row, C.ID, resource.id)
        w.text(row, C.KIND, vocab.LABOR_KINDS.get(resource.kind, resource.kind))
        w.number(row, C.HEADCOUNT, resource.headcount, "input", RATE_COUNT)
        w.number(row, C.START, resource.start_month, "input", "0")
        w.number(row, C.END, resource.end_month, "input", "0")
        w.number(row, C.RAMP, resource.ramp_months, "input", "0")
        w.number(row, C.PER_PERSON, resource.srl_per_person_month, "input", RATE_COUNT)
        w.number(row, C.COST, resource.cost_per_person_month, "input", "money")
        w.number(row, C.FEE, resource.fee_per_srl, "input", "money")
        w.number(row, C.ATTRITION, resource.attrition_rate, "input", PERCENT)
        w.number(row, C.VACANCY, resource.vacancy_months, "input", RATE_COUNT)
        write_derived(w, plan, index, row)
        write_totals(w, layout, index, row, result.resources[index])
    if plan.labor:
        first, last = inputs.first, inputs.last
        checks.add("start_month", span(first, last, C.START))
        checks.add("start_month", span(first, last, C.END))
        checks.add("months", span(first, last, C.RAMP))
        checks.add("amount", span(first, last, C.HEADCOUNT))
        checks.add("amount", f"{ref(first, C.PER_PERSON)}:{ref(last, C.FEE)}")
        checks.add("attrition", span(first, last, C.ATTRITION))
        checks.add("amount", span(first, last, C.VACANCY))
        w.text(inputs.total, 1, "Total", "total")
        resources = result.resources
        sums = {
            C.HEADCOUNT: sum(r.headcount for r in plan.labor),
            C.TOTAL_OUTPUT: sum(r.total_output for r in resources),
            C.TOTAL_COST: sum(r.total_cost for r in resources),
            C.UNASSIGNED: sum(r.unassigned_output for r in resources),
        }
        for column, value in sums.items():
            number_format = "money" if column == C.TOTAL_COST else COUNT
            w.formula(inputs.total, column, f"=SUM({span(first, last, column)})", "total", number_format, value)
        total = inputs.total
        w.formula(
            total,
            C.COST_PER_SRL,
            f'=IFERROR({cell(total, C.TOTAL_COST)}/{cell(total, C.TOTAL_OUTPUT)},"{NA}")',
            "total",
            "money",
        )
        write_grids(w, plan, result, layout)
    kinds = {C.NAME: "name", C.ID: "short", C.KIND: "kind"}
    w.widths({**kinds, **{c: "number" for c in range(C.HEADCOUNT, max(C.UNASSIGNED, layout.last_month_column) + 1)}})
    sheet.freeze_panes = cell(inputs.first, C.ID)


def write_derived(w: SheetWriter, plan: Plan, index: int, row: int) -> None:
    """The last month worked, the output lost to turnover and the share of seats paid."""
    end, ramp = ref(row, C.END), ref(row, C.RAMP)
    attrition, vacancy = ref(row, C.ATTRITION), ref(row, C.VACANCY)
    resource, horizon = plan.labor[index], plan.horizon
    a, v = resource.attrition_rate, resource.vacancy_months
    worked = horizon if resource.end_month is None else min(resource.end_month, horizon)
    w.formula(row, C.LAST, f'=IF({end}="",Horizon,MIN({end},Horizon))', fmt="0", cached=worked)
    loss = turnover_loss(a, v, resource.ramp_months)
    w.formula(row, C.LOSS, f"=MIN(1,{attrition}/12*({vacancy}+{ramp}/2))", fmt=PERCENT, cached=loss)
    w.formula(row, C.PAID, f"=MAX(0,1-{attrition}/12*{vacancy})", fmt=PERCENT, cached=paid_share(a, v))


def write_totals(w: SheetWriter, layout: Layout, index: int, row: int, figures: ResourceResult) -> None:
    first, last = layout.month_column(1), layout.last_month_column
    output_row, cost_row = layout.labor_output.row(index), layout.labor_cost.row(index)
    w.formula(row, C.TOTAL_OUTPUT, f"=SUM({row_span(output_row, first, last)})", fmt=COUNT, cached=figures.total_output)
    w.formula(row, C.TOTAL_COST, f"=SUM({row_span(cost_row, first, last)})", fmt="money", cached=figures.total_cost)
    w.formula(
        row,
        C.COST_PER_SRL,
        f'=IFERROR({cell(row, C.TOTAL_COST)}/{cell(row, C.TOTAL_OUTPUT)},"{NA}")',
        fmt="money",
        cached=shown(figures.cost_per_sales_ready_lead),
    )
    people = layout.people_inputs
    if layout.people_indexes:
        owners = span(people.first, people.last, PeopleColumn.OWNER, sheet=CHANNELS)
        shares = span(people.first, people.last, PeopleColumn.SHARE, sheet=CHANNELS)
        w.formula(
            row,
            C.ASSIGNED,
            f"=SUMIF({owners},{cell(row, C.ID, fix_column=True)},{shares})",
            fmt=PERCENT,
            cached=figures.assigned_share,
        )
    else:
        w.number(row, C.ASSIGNED, 0, fmt=PERCENT)
    w.formula(
        row,
        C.UNASSIGNED,
        f"=MAX(0,1-{cell(row, C.ASSIGNED)})*{cell(row, C.TOTAL_OUTPUT)}",
        fmt=COUNT,
        cached=figures.unassigned_output,
    )


def write_grids(w: SheetWriter, plan: Plan, result: PlanResult, layout: Layout) -> None:
    output, cost = layout.labor_output, layout.labor_cost
    for block, title in ((output, "Sales-ready leads by month"), (cost, "Cost by month")):
        start_grid(w, layout, block, title, ["Resource", "Id", "Total"], plan)
    first_month, last_month = layout.month_column(1), layout.last_month_column
    count_style, money_style = w.styles.array("formula", COUNT), w.styles.array("formula", "money")
    for index, resource in enumerate(plan.labor):
        figures = result.resources[index]
        r = layout.labor_inputs.row(index)
        o, c = output.row(index), cost.row(index)
        for block_row in (o, c):
            w.formula(block_row, 1, f"={ref(r, C.NAME)}", "linked", cached=clean_text(resource.name or resource.id))
            w.formula(block_row, 2, f"={ref(r, C.ID)}", "linked", cached=clean_text(resource.id))
        total = f"=SUM({row_span(o, first_month, last_month)})"
        w.formula(o, TOTAL_COLUMN, total, "total", COUNT, figures.total_output)
        w.formula(
            c, TOTAL_COLUMN, f"=SUM({row_span(c, first_month, last_month)})", "total", "money", figures.total_cost
        )
        n, s, k, q = (ref(r, column) for column in (C.HEADCOUNT, C.START, C.RAMP, C.PER_PERSON))
        pay, fee, last, loss, paid = (ref(r, column) for column in (C.COST, C.FEE, C.LAST, C.LOSS, C.PAID))
        for m in range(1, layout.horizon + 1):
            column = layout.month_column(m)
            month = cell(output.title, column, fix_row=True)
            outside = f"OR({month}<{s},{month}>{last})"
            w.put_formula(
                o,
                column,
                f"=IF({outside},0,{n}*{q}*MIN(1,({month}-{s}+1)/({k}+1))*(1-{loss}))",
                count_style,
                figures.output[m - 1],
            )
            made = f"=IF({outside},0,{n}*{pay}*{paid}+{fee}*{cell(o, column)})"
            w.put_formula(c, column, made, money_style, figures.cost[m - 1])
    for block, number_format, series in ((output, COUNT, "output"), (cost, "money", "cost")):
        end_grid(w, layout, block, number_format, [getattr(r, series) for r in result.resources])


def start_grid(
    w: SheetWriter, layout: Layout, block: Block, title: str, labels: list[str], plan: Plan | None = None
) -> None:
    """A grid's title (with the plan month numbers over the month columns) and its header of month
    labels (with their dates at export when the ``plan`` is given)."""
    from exports.excel.inputs_sheet import first_month_ref, month_serial

    w.text(block.title, 1, title, "section")
    w.header(block.header, labels)
    for m in range(1, layout.horizon + 1):
        column = layout.month_column(m)
        w.number(block.title, column, m, "note", "0")
        header = f"=EDATE({first_month_ref()},{cell(block.title, column)}-1)"
        w.formula(block.header, column, header, "header", "mmm yyyy", month_serial(plan, m) if plan else None)


def end_grid(
    w: SheetWriter, layout: Layout, block: Block, number_format: str, rows: Sequence[Sequence[float]] = ()
) -> None:
    """The grid's total row; ``rows``: the engine's figures by month of each of its rows (their sums
    are the total row's values at export), or none."""
    w.text(block.total, 1, "Total", "total")
    months = [sum(values) for values in zip(*rows, strict=True)] if rows else []
    totals = [sum(months), *months] if rows else []
    for offset, column in enumerate(range(TOTAL_COLUMN, layout.last_month_column + 1)):
        formula = f"=SUM({span(block.first, block.last, column)})"
        w.formula(block.total, column, formula, "total", number_format, totals[offset] if totals else None)
