"""The Channels sheet: program channels (spend / cost per lead) and people-driven channels (a
share of one resource's output), with raw leads, sales-ready leads and cost by month as formulas.

A program spends its monthly budget from its start month to its last month (the end month, or
the horizon where it is blank), unless it has a schedule: then its spend in month m is the sum
of its schedule rows for month m (start and end do not apply). Raw leads = spend / cost per
raw lead; sales-ready leads = raw leads x its own raw-to-sales-ready rate where it sets one,
else x LeadToMQL x MQLToSRL. People-driven channels only say where a resource's output goes:
their leads and cost are already counted in the Labor sheet. Each formula carries the engine's
value at export (a channel's raw leads, sales-ready leads and cost), for viewers that do not
recalculate.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter, cell, clean_text, ref, row_span, shown, span
from exports.excel.labor_sheet import end_grid, start_grid
from exports.excel.layout import (
    LABOR,
    TOTAL_COLUMN,
    Block,
    CompactColumn,
    LaborColumn,
    Layout,
    PeopleColumn,
    ProgramColumn,
    ScheduleColumn,
)
from exports.excel.program_months import (
    COMPACT_HEADERS,
    SCHEDULE_LOOKUP_HEADERS,
    compact_note,
    program_totals,
    schedule_leads,
    write_program_months,
)
from exports.excel.styles import COUNT, PERCENT, Styles
from exports.excel.validation import Validations
from planner.numbers import formatting as fmt
from planner.numbers.results import ChannelResult, PlanResult
from planner.plan import vocab
from planner.plan.model import Plan

NA = fmt.NOT_AVAILABLE
P, Q, S = ProgramColumn, PeopleColumn, ScheduleColumn
PROGRAM_HEADERS = {
    P.NAME: "Program channel",
    P.TYPE: "Type",
    P.BUDGET: "Monthly budget",
    P.PER_LEAD: "Cost per raw lead",
    P.START: "Start month",
    P.END: "End month (blank: the plan's last)",
    P.OWN_RATE: "Own raw to sales-ready rate (blank: plan rates)",
    P.RATE: "Rate used",
    P.LAST: "Last month of the budget",
    P.SCHEDULED: "Spends by schedule (1) instead of budget",
    P.RAW_TOTAL: "Raw leads (total)",
    P.SRL_TOTAL: "Sales-ready leads (total)",
    P.COST_TOTAL: "Cost (total)",
    P.COST_PER_SRL: "Cost per sales-ready lead",
    P.PLAN_RATE_RAW: "Raw leads at the plan's rates",
    P.OWN_RATE_SRL: "Sales-ready leads at own rates",
    P.NUMBER: "Program number",
}
PEOPLE_HEADERS = {
    Q.NAME: "People-driven channel",
    Q.TYPE: "Type",
    Q.OWNER: "Owner (resource id)",
    Q.SHARE: "Share of the owner's output",
    Q.SRL_TOTAL: "Sales-ready leads (total)",
    Q.COST_TOTAL: "Cost (total)",
    Q.COST_PER_SRL: "Cost per sales-ready lead",
    Q.OWNER_NAME: "Owner",
}
SCHEDULE_HEADERS = {S.NAME: "Program", S.NUMBER: "Program number", S.MONTH: "Plan month", S.BUDGET: "Spend"}


def write_channels(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    checks = Validations(sheet)
    w.heading(
        "Channels: where sales-ready leads come from",
        "Yellow cells are inputs. Program channels add leads and cost; people-driven channels "
        "take a share of a labor resource's output (already counted in Labor)."
        + ("" if layout.program_grids else compact_note()),
    )
    write_programs(w, checks, plan, result, layout)
    write_people(w, checks, plan, result, layout)
    write_schedule(w, checks, plan, layout)
    if layout.program_grids:
        write_program_grids(w, plan, result, layout)
    else:
        write_program_months(w, layout)
    write_people_grids(w, plan, result, layout)
    kinds = {P.NAME: "name", P.TYPE: "kind"}
    last_column = max(P.NUMBER if layout.program_grids else CompactColumn.SRL_A_MONTH, layout.last_month_column)
    w.widths({**kinds, **{c: "number" for c in range(P.BUDGET, last_column + 1)}})
    sheet.freeze_panes = cell(layout.program_inputs.first, P.TYPE)


def write_programs(w: SheetWriter, checks: Validations, plan: Plan, result: PlanResult, layout: Layout) -> None:
    block = layout.program_inputs
    w.text(block.title, 1, "Program channels (run by marketing)", "section")
    compact = {} if layout.program_grids else COMPACT_HEADERS
    w.header(block.header, [*PROGRAM_HEADERS.values(), *compact.values()], lines=4)
    if not layout.program_indexes:
        w.text(block.first, 1, "No program channels in this plan.", "note")
        return
    first_month, last_month = layout.month_column(1), layout.last_month_column
    schedule = layout.schedule
    numbers = span(schedule.first, schedule.last, S.NUMBER)
    grids = program_grid_totals(layout)
    targets, horizon = plan.targets, plan.horizon
    programs = [result.channels[i] for i in layout.program_indexes]
    for index, channel_index in enumerate(layout.program_indexes):
        channel, figures = plan.channels[channel_index], programs[index]
        row = block.row(index)
        own, end = cell(row, P.OWN_RATE), cell(row, P.END)
        w.text(row, P.NAME, channel.name)
        w.text(row, P.TYPE, vocab.CHANNEL_TYPES.get(channel.type, channel.type))
        w.number(row, P.BUDGET, channel.monthly_budget or 0, "input", "money")
        w.number(row, P.PER_LEAD, channel.cost_per_lead, "input", "money")
        w.number(row, P.START, channel.start_month, "input", "0")
        w.number(row, P.END, channel.end_month, "input", "0")
        w.number(row, P.OWN_RATE, channel.lead_to_srl, "input", PERCENT)
        rate = targets.lead_to_mql * targets.mql_to_srl if channel.lead_to_srl is None else channel.lead_to_srl
        w.formula(row, P.RATE, f'=IF({own}="",LeadToMQL*MQLToSRL,{own})', fmt=PERCENT, cached=rate)
        last_month_of_budget = horizon if channel.end_month is None else min(channel.end_month, horizon)
        w.formula(row, P.LAST, f'=IF({end}="",Horizon,MIN({end},Horizon))', fmt="0", cached=last_month_of_budget)
        scheduled = f"=IF(COUNTIF({numbers},{cell(row, P.NUMBER)})>0,1,0)"
        w.formula(row, P.SCHEDULED, scheduled, fmt="0", cached=int(bool(channel.schedule)))
        totals = (figures.total_raw_leads, figures.total_sales_ready_leads, figures.total_cost)
        if grids is None:
            program_totals(w, layout, row)
        else:
            for (column, grid, number_format), total in zip(grids, totals, strict=True):
                summed = f"=SUM({row_span(grid.row(index), first_month, last_month)})"
                w.formula(row, column, summed, fmt=number_format, cached=total)
        w.formula(
            row,
            P.COST_PER_SRL,
            f'=IFERROR({cell(row, P.COST_TOTAL)}/{cell(row, P.SRL_TOTAL)},"{NA}")',
            fmt="money",
            cached=shown(figures.cost_per_sales_ready_lead) if grids is not None else None,
        )
        at_plan_rates = channel.lead_to_srl is None
        w.formula(
            row,
            P.PLAN_RATE_RAW,
            f'=IF({own}="",{cell(row, P.RAW_TOTAL)},0)',
            fmt=COUNT,
            cached=(figures.total_raw_leads if at_plan_rates else 0) if grids is not None else None,
        )
        w.formula(
            row,
            P.OWN_RATE_SRL,
            f'=IF({own}="",0,{cell(row, P.SRL_TOTAL)})',
            fmt=COUNT,
            cached=(0 if at_plan_rates else figures.total_sales_ready_leads) if grids is not None else None,
        )
        w.number(row, P.NUMBER, index + 1, fmt="0")
    first, last = block.first, block.last
    checks.add("amount", f"{ref(first, P.BUDGET)}:{ref(last, P.PER_LEAD)}")
    checks.add("start_month", span(first, last, P.START))
    checks.add("start_month", span(first, last, P.END))
    checks.add("rate", span(first, last, P.OWN_RATE))
    w.text(block.total, 1, "Total", "total")
    sums = {
        P.BUDGET: sum(plan.channels[i].monthly_budget or 0 for i in layout.program_indexes),
        P.RAW_TOTAL: sum(f.total_raw_leads for f in programs),
        P.SRL_TOTAL: sum(f.total_sales_ready_leads for f in programs),
        P.COST_TOTAL: sum(f.total_cost for f in programs),
        P.PLAN_RATE_RAW: sum(f.total_raw_leads for f in programs if f.uses_plan_rates),
        P.OWN_RATE_SRL: sum(f.total_sales_ready_leads for f in programs if not f.uses_plan_rates),
    }
    for column, value in sums.items():
        number_format = "money" if column in (P.BUDGET, P.COST_TOTAL) else COUNT
        formula = f"=SUM({span(first, last, column)})"
        w.formula(block.total, column, formula, "total", number_format, value if grids is not None else None)
    total = block.total
    w.formula(
        total,
        P.COST_PER_SRL,
        f'=IFERROR({cell(total, P.COST_TOTAL)}/{cell(total, P.SRL_TOTAL)},"{NA}")',
        "total",
        "money",
    )


def program_grid_totals(layout: Layout) -> list[tuple[int, Block, str]] | None:
    """(total column, its grid, number format) of each program grid; None without grids."""
    if layout.program_raw is None or layout.program_srl is None or layout.program_cost is None:
        return None
    return [
        (P.RAW_TOTAL, layout.program_raw, COUNT),
        (P.SRL_TOTAL, layout.program_srl, COUNT),
        (P.COST_TOTAL, layout.program_cost, "money"),
    ]


def write_people(w: SheetWriter, checks: Validations, plan: Plan, result: PlanResult, layout: Layout) -> None:
    block = layout.people_inputs
    w.text(block.title, 1, "People-driven channels", "section")
    w.header(block.header, list(PEOPLE_HEADERS.values()), lines=3)
    if not layout.people_indexes:
        w.text(block.first, 1, "No people-driven channels in this plan.", "note")
        return
    first_month, last_month = layout.month_column(1), layout.last_month_column
    for index, channel_index in enumerate(layout.people_indexes):
        channel, figures = plan.channels[channel_index], result.channels[channel_index]
        row = block.row(index)
        w.text(row, Q.NAME, channel.name)
        w.text(row, Q.TYPE, vocab.CHANNEL_TYPES.get(channel.type, channel.type))
        w.text(row, Q.OWNER, channel.owner)
        w.number(row, Q.SHARE, channel.share or 0, "input", PERCENT)
        srl, cost = layout.people_srl.row(index), layout.people_cost.row(index)
        w.formula(
            row,
            Q.SRL_TOTAL,
            f"=SUM({row_span(srl, first_month, last_month)})",
            fmt=COUNT,
            cached=figures.total_sales_ready_leads,
        )
        w.formula(
            row,
            Q.COST_TOTAL,
            f"=SUM({row_span(cost, first_month, last_month)})",
            fmt="money",
            cached=figures.total_cost,
        )
        w.formula(
            row,
            Q.COST_PER_SRL,
            f'=IFERROR({cell(row, Q.COST_TOTAL)}/{cell(row, Q.SRL_TOTAL)},"{NA}")',
            fmt="money",
            cached=shown(figures.cost_per_sales_ready_lead),
        )
        owner = layout.resource_row(plan, channel.owner)
        if owner is None:
            w.text(row, Q.OWNER_NAME, "(no such resource: no leads)", "note")
        else:
            resource = plan.labor[owner]
            w.formula(
                row,
                Q.OWNER_NAME,
                f"={ref(layout.labor_inputs.row(owner), LaborColumn.NAME, sheet=LABOR)}",
                "linked",
                cached=clean_text(resource.name or resource.id),
            )
    checks.add("share", span(block.first, block.last, Q.SHARE))


def write_schedule(w: SheetWriter, checks: Validations, plan: Plan, layout: Layout) -> None:
    """One row per one-off spend: the program's number, the plan month and the amount."""
    block = layout.schedule
    w.text(
        block.title, 1, "Scheduled spends (trade shows, campaign bursts): replace a program's monthly budget", "section"
    )
    lookups = {} if layout.program_grids else SCHEDULE_LOOKUP_HEADERS
    w.header(block.header, [*SCHEDULE_HEADERS.values(), *lookups.values()], lines=2)
    row = block.first
    for number, channel_index in enumerate(layout.program_indexes, 1):
        program_row = layout.program_inputs.row(number - 1)
        for entry in plan.channels[channel_index].schedule:
            w.formula(row, S.NAME, f"={ref(program_row, P.NAME)}", "linked")
            w.number(row, S.NUMBER, number, "input", "0")
            w.number(row, S.MONTH, entry.month, "input", "0")
            w.number(row, S.BUDGET, entry.budget, "input", "money")
            row += 1
    if lookups:
        for entry_row in range(block.first, block.last + 1):
            schedule_leads(w, layout, entry_row)
    if row == block.first:
        w.text(row, S.NAME, "No scheduled spends: type a program number, a month and a spend to add one.", "note")
        for column in (S.NUMBER, S.MONTH):
            w.number(row, column, None, "input", "0")
        w.number(row, S.BUDGET, None, "input", "money")
    checks.add("start_month", span(block.first, block.last, S.MONTH))
    checks.add("amount", span(block.first, block.last, S.BUDGET))
    w.text(block.total, 1, "Total", "total")
    w.formula(block.total, S.BUDGET, f"=SUM({span(block.first, block.last, S.BUDGET)})", "total", "money")


def write_program_grids(w: SheetWriter, plan: Plan, result: PlanResult, layout: Layout) -> None:
    grids = program_grid_totals(layout)
    if not layout.program_indexes or grids is None:
        return
    inputs, schedule = layout.program_inputs, layout.schedule
    numbers = span(schedule.first, schedule.last, S.NUMBER)
    months = span(schedule.first, schedule.last, S.MONTH)
    spends = span(schedule.first, schedule.last, S.BUDGET)
    (_, raw_grid, _), (_, srl_grid, _), (_, cost_grid, _) = grids
    titled = (
        (cost_grid, "Program channels: spend (cost) by month", "money", "cost"),
        (raw_grid, "Program channels: raw leads by month", COUNT, "raw_leads"),
        (srl_grid, "Program channels: sales-ready leads by month", COUNT, "sales_ready_leads"),
    )
    programs = [result.channels[i] for i in layout.program_indexes]
    for block, title, number_format, series in titled:
        start_grid(w, layout, block, title, ["Channel", "Type", "Total"], plan)
        style = w.styles.array("formula", number_format)
        for index in range(len(layout.program_indexes)):
            r, row = inputs.row(index), block.row(index)
            figures: tuple[float, ...] = getattr(programs[index], series)
            name_cells(w, row, r, programs[index])
            raw_row, cost_row = raw_grid.row(index), cost_grid.row(index)
            start, last, budget = ref(r, P.START), ref(r, P.LAST), ref(r, P.BUDGET)
            for m in range(1, layout.horizon + 1):
                column = layout.month_column(m)
                month = cell(block.title, column, fix_row=True)
                if block is cost_grid:
                    scheduled = f"SUMIFS({spends},{numbers},{ref(r, P.NUMBER)},{months},{month})"
                    budgeted = f"IF(OR({month}<{start},{month}>{last}),0,{budget})"
                    formula = f"=IF({ref(r, P.SCHEDULED)}=1,{scheduled},{budgeted})"
                elif block is raw_grid:
                    formula = f"=IFERROR({cell(cost_row, column)}/{ref(r, P.PER_LEAD)},0)"
                else:
                    formula = f"={cell(raw_row, column)}*{ref(r, P.RATE)}"
                w.put_formula(row, column, formula, style, figures[m - 1])
            w.formula(
                row,
                TOTAL_COLUMN,
                f"=SUM({row_span(row, layout.month_column(1), layout.last_month_column)})",
                "total",
                number_format,
                sum(figures),
            )
        end_grid(w, layout, block, number_format, [getattr(p, series) for p in programs])


def write_people_grids(w: SheetWriter, plan: Plan, result: PlanResult, layout: Layout) -> None:
    if not layout.people_indexes:
        return
    inputs = layout.people_inputs
    grids = (
        (
            layout.people_srl,
            layout.labor_output,
            "People-driven channels: sales-ready leads by month (share x owner's output; counted in Labor)",
            COUNT,
            "sales_ready_leads",
        ),
        (
            layout.people_cost,
            layout.labor_cost,
            "People-driven channels: cost by month (share x owner's cost; counted in Labor)",
            "money",
            "cost",
        ),
    )
    people = [result.channels[i] for i in layout.people_indexes]
    for block, source, title, number_format, series in grids:
        start_grid(w, layout, block, title, ["Channel", "Type", "Total"], plan)
        style = w.styles.array("formula", number_format)
        for index, channel_index in enumerate(layout.people_indexes):
            r, row = inputs.row(index), block.row(index)
            figures: tuple[float, ...] = getattr(people[index], series)
            name_cells(w, row, r, people[index])
            owner = layout.resource_row(plan, plan.channels[channel_index].owner)
            for m in range(1, layout.horizon + 1):
                column = layout.month_column(m)
                if owner is None:
                    w.put(row, column, 0, style)
                else:
                    share = ref(r, Q.SHARE)
                    formula = f"={share}*{cell(source.row(owner), column, sheet=LABOR)}"
                    w.put_formula(row, column, formula, style, figures[m - 1])
            w.formula(
                row,
                TOTAL_COLUMN,
                f"=SUM({row_span(row, layout.month_column(1), layout.last_month_column)})",
                "total",
                number_format,
                sum(figures),
            )
        end_grid(w, layout, block, number_format, [getattr(p, series) for p in people])


def name_cells(w: SheetWriter, row: int, input_row: int, figures: ChannelResult) -> None:
    """The channel's name and type, linked to its input row."""
    w.formula(row, 1, f"={ref(input_row, 1)}", "linked", cached=clean_text(figures.name))
    w.formula(
        row,
        2,
        f"={ref(input_row, 2)}",
        "linked",
        cached=clean_text(vocab.CHANNEL_TYPES.get(figures.type, figures.type)),
    )
