"""The Summary sheet: the one-page memo for the CEO, live.

The verdict (the named cell ``Verdict``, beginning with "Short", "Late" or "On track"), its
timing, the revenue bridge, the health figures and the warnings that depend on numbers are
formulas of the named results, so a CEO who changes an input never sees a sentence that
disagrees with a number. The options that close the gap come from goal seek at export; a
live line says when the inputs have moved since, so they are never read as current.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter, cell, ref
from exports.excel.inputs_sheet import first_month_ref
from exports.excel.layout import LABOR, MONTHLY, SUMMARY, LaborColumn, Layout
from exports.excel.monthly_sheet import VALUE, totals_row
from exports.excel.names import define
from exports.excel.styles import COUNT, GAP, PERCENT, Styles
from planner import formatting as fmt
from planner.memo import Memo
from planner.model import Plan
from planner.results import PlanResult

KINDS = {1: "label", 2: "number", 3: "text", 4: "text"}
VERDICT_ROW = 6
VERDICT_FILLS = {"Short": "F4CCCC", "Late": "FCE4B6", "On track": "D9EAD3"}


def text_literal(text: str) -> str:
    """Text inside a formula's string: quotes doubled, so it stays data."""
    return '"' + text.replace('"', '""') + '"'


def money_text(currency: str, value: str) -> str:
    """A formula that writes ``value`` as money: "$672,000"."""
    return f'{text_literal(fmt.currency_symbol(currency))}&TEXT({value},"#,##0")'


def behind_formula() -> str:
    """ "behind every month", "behind until May 2027" or "behind from Mar 2027", as the app says it."""
    until = f'TEXT(EDATE({first_month_ref()},LastBehind),"mmm yyyy")'
    since = f'TEXT(EDATE({first_month_ref()},FirstBehind-1),"mmm yyyy")'
    return (
        'IF(MonthsBehind=0,"never behind during the year",IF(MonthsBehind=Horizon,"behind every month",'
        f'IF(AND(FirstBehind=1,LastBehind<Horizon),"behind until "&{until},"behind from "&{since})))'
    )


def verdict_formula(currency: str) -> str:
    """The verdict in one sentence, as ``planner.memo.verdict`` says it, from the live figures."""
    behind = behind_formula()
    short = (
        f'"Short by "&TEXT(SRLGap,"#,##0")&" sales-ready leads, "&{money_text(currency, "RevenueGap")}'
        f'&" of revenue; "&{behind}&"."'
    )
    late = (
        '"Late: the plan supplies the "&TEXT(SRLNeeded,"#,##0")&" sales-ready leads the year needs, but is up to "'
        f'&TEXT(WorstShortfall,"#,##0")&" behind ("&WorstMonth&"); "&{behind}&"."'
    )
    spare = 'IF(SRLGap<-0.5,", "&TEXT(-SRLGap,"#,##0")&" to spare","")'
    on_track = (
        '"On track: the plan supplies the "&TEXT(SRLNeeded,"#,##0")&" sales-ready leads needed"&'
        f'{spare}&", "&{money_text(currency, "ExpectedRevenue")}&" of expected revenue; never behind."'
    )
    covered = '"On track: the current pipeline covers the revenue goal; no new sales-ready leads are needed."'
    return (
        f'=IFERROR(IF(N(SRLNeeded)<=0,{covered},IF(TimingStatus="short",{short},'
        f'IF(TimingStatus="late",{late},{on_track}))),"n/a: a target divides by zero (see Inputs)")'
    )


def warning_formulas(plan: Plan, layout: Layout) -> list[str]:
    """The warnings that depend on numbers, each "" when it does not apply."""
    coverage = ref(totals_row("Coverage"), VALUE, sheet=MONTHLY)
    found = [
        '=IF(N(SRLNeeded)<=0,"The current pipeline already covers the revenue goal: no new sales-ready leads '
        f'are needed",IF(AND(ISNUMBER({coverage}),N({coverage})<1-0.000000001),"Coverage is "&TEXT({coverage},"0%")'
        '&": the plan is "&TEXT(SRLGap,"#,##0")&" sales-ready leads short",""))',
        '=IF(TimingStatus="late","The plan covers the year but is "&'
        + behind_formula()
        + '&": at worst "&TEXT(WorstShortfall,"#,##0")&" sales-ready leads short, in "&WorstMonth,"")',
        '=IF(FirstSupplyMonth="","Nothing supplies sales-ready leads yet: add people in the labor model or a '
        'program channel",IF(FirstSupplyMonth>1,"No one develops leads before month "&FirstSupplyMonth,""))',
        '=IF(AND(ISNUMBER(ReturnOnCost),N(ReturnOnCost)<0),"The plan costs more than the gross margin its leads '
        'are projected to bring in","")',
    ]
    for index in range(len(plan.labor)):
        row = layout.labor_inputs.row(index)
        assigned = ref(row, LaborColumn.ASSIGNED, sheet=LABOR)
        output = ref(row, LaborColumn.TOTAL_OUTPUT, sheet=LABOR)
        name = ref(row, LaborColumn.NAME, sheet=LABOR)
        found.append(
            f'=IF(AND(1-{assigned}>0.000000001,{output}>0),TEXT(1-{assigned},"0%")&" of the capacity of "'
            f'&{name}&" is not assigned to a channel","")'
        )
    return found


def write_summary(
    sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, layout: Layout, memo: Memo, today: str
) -> int:
    """The memo; returns the first free row (the charts go beside it)."""
    w = SheetWriter(sheet, styles)
    basics, currency = plan.basics, plan.basics.currency
    w.text(1, 1, basics.title or "Lead development plan", "title")
    w.text(2, 1, basics.company, "bold")
    byline = " · ".join(
        part
        for part in (
            f"Prepared by {basics.prepared_by}" if basics.prepared_by else "",
            f"for {basics.prepared_for}" if basics.prepared_for else "",
            today,
            f"{fmt.months(plan.horizon)} from {basics.start_month}",
        )
        if part
    )
    w.text(3, 1, byline, "note")
    w.text(5, 1, "Verdict (live: recalculates from the inputs)", "section")
    verdict = w.formula(VERDICT_ROW, 1, verdict_formula(currency), "verdict")
    define(sheet.parent, "Verdict", SUMMARY, verdict.row, verdict.column)
    sheet.merge_cells(start_row=VERDICT_ROW, start_column=1, end_row=VERDICT_ROW, end_column=4)
    sheet.row_dimensions[VERDICT_ROW].height = 34
    for start, colour in VERDICT_FILLS.items():
        sheet.conditional_formatting.add(
            cell(VERDICT_ROW, 1),
            FormulaRule(
                formula=[f'LEFT({ref(VERDICT_ROW, 1)},{len(start)})="{start}"'],
                fill=PatternFill("solid", start_color=colour, end_color=colour),
                font=Font(bold=True),
            ),
        )
    row = 8
    w.header(row, ["The revenue bridge", "Amount", "How"])
    gap_format = f'{styles.money.split("#")[0]}#,##0;"surplus "{styles.money.split("#")[0]}#,##0;0'
    for label, formula, number_format, note in (
        ("Revenue goal", "=RevenueGoal", "money", "new-logo revenue for the plan"),
        ("Current pipeline", "=PipelineRevenue", "money", "already expected from deals in play"),
        ("Projected from new leads", "=ProjectedRevenue", "money", "won from the sales-ready leads supplied"),
        ("Expected revenue", "=ExpectedRevenue", "money", "pipeline + projected"),
        ("Revenue gap", "=RevenueGap", gap_format, "goal − expected (a surplus when negative)"),
    ):
        row += 1
        w.text(row, 1, label, "bold" if label.startswith(("Expected", "Revenue gap")) else "label")
        w.formula(row, 2, formula, "result", number_format)
        w.text(row, 3, note, "note")
    row += 2
    w.header(row, ["Plan health (live)", "Value", ""])
    for label, formula, number_format in (
        ("Sales-ready leads needed", "=SRLNeeded", COUNT),
        ("Sales-ready leads supplied", "=SRLSupplied", COUNT),
        ("Gap (sales-ready leads short)", "=SRLGap", GAP),
        ("Coverage", f"={ref(totals_row('Coverage'), VALUE, sheet=MONTHLY)}", PERCENT),
        ("Worst cumulative shortfall", "=WorstShortfall", COUNT),
        ("Total cost", "=TotalCost", "money"),
        ("Cost per sales-ready lead", "=CostPerSRL", "money"),
        ("Return on cost", "=ReturnOnCost", PERCENT),
        ("Inside reps to close the gap", "=InsideRepsToCloseGap", "0"),
    ):
        row += 1
        w.text(row, 1, label, "label")
        w.formula(row, 2, formula, "result", number_format)
    row += 2
    w.text(row, 1, "Warnings (live)", "section")
    for formula in warning_formulas(plan, layout):
        row += 1
        w.formula(row, 1, formula, "formula")
    row += 2
    row = write_options(w, memo, result, row)
    w.widths(KINDS)
    return row


def write_options(w: SheetWriter, memo: Memo, result: PlanResult, row: int) -> int:
    """Goal seek's options and the decisions asked, as worked out at export, with a live guard."""
    gap = result.gap.sales_ready_leads
    w.text(row, 1, "Options that close the gap (worked out at export by goal seek)", "section")
    row += 1
    w.formula(
        row,
        1,
        f'=IF(ABS(N(SRLGap)-({gap!r}))>0.5,"The inputs have changed since export (the gap was '
        f'{fmt.count(gap)}): export again for options and decisions that fit the new numbers.","")',
        "note",
    )
    if memo.options:
        row += 1
        w.header(row, ["Option", "Cost over the plan", "Timing", "Effect"], lines=2)
        for option in memo.options:
            row += 1
            w.text(row, 1, option.title, "wrap")
            w.text(row, 2, option.cost, "wrap")
            w.text(row, 3, option.timing, "wrap")
            w.text(row, 4, option.effect, "wrap")
            w.fit_height(row, {1: option.title, 3: option.timing, 4: option.effect}, KINDS)
    else:
        row += 1
        w.text(row, 1, "No gap to close at export." if gap <= 0.5 else "No single change closes the gap.", "note")
    row += 2
    w.text(row, 1, "Decisions asked of the CEO (as written at export)", "section")
    for number, decision in enumerate(memo.decisions, 1):
        row += 1
        w.text(row, 1, f"{number}. {decision}")
    return row + 2
