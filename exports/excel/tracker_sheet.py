"""The Tracker sheet: the plan against what really happened, month by month and stage by stage.

Months run across the columns as on every other sheet (month 1 in column D, the total in C).
Per stage (sales-ready leads, opportunities, wins, won revenue, cost) four rows: the plan as
formulas of the Monthly sheet, the actual as a yellow input cell (pre-filled with the plan's
actuals, empty where a month is not reported), the variance (actual - plan) and the cumulative
variance to the last reported month. The actual sales-ready leads feed the Monthly sheet's
*known* series (actuals through the last reported month, ``ActualsThrough``, the plan's supply
after it), so typing next month's actual moves this year's expected leads, the gap, the status
and the verdict (PRODUCT.md, plan model v3). Won revenue is the Monthly sheet's: the known leads
of a sales cycle earlier, never wrapping round the horizon.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import Cached, SheetWriter, cell, ref, row_span, shown
from exports.excel.inputs_sheet import first_month_ref, month_serial
from exports.excel.layout import MONTHLY, TOTAL_COLUMN, TRACKER, Layout, MonthlyRow
from exports.excel.names import define
from exports.excel.styles import COUNT, MONTH_LABEL, PERCENT, Styles
from planner.advice.tracking import NEEDED, STAGES, Stage, plan_figure, variance
from planner.numbers import formatting as fmt
from planner.numbers.actuals import actuals_by_month
from planner.numbers.results import MonthResult, PlanResult
from planner.plan.model import Plan

NA = fmt.NOT_AVAILABLE
MONTH_ROW, LABEL_ROW = 4, 5  # the plan month numbers (the header) and the month labels
PARTS = ("Plan", "Actual", "Variance", "Cumulative variance")
FIRST_STAGE_ROW = 7  # the first stage's title; its parts below it
STAGE_ROWS = len(PARTS) + 1  # a title and the four parts
SUPPLIED_ROW = FIRST_STAGE_ROW + len(STAGES) * STAGE_ROWS
FORECAST_ROW = SUPPLIED_ROW + 1
TO_DATE_FIRST = FORECAST_ROW + 3  # "To date and at this pace": labels in A, values in B
VALUE = 2
BEHIND = (PatternFill("solid", fgColor="F8D7D4"), Font(color="9C0006"))
AHEAD = (PatternFill("solid", fgColor="D8EFDD"), Font(color="006100"))


def plan_formula(stage: Stage, column: int) -> str:
    """What the stage's actual is compared with in the month (``planner.advice.tracking.plan_figure``), from
    the Monthly sheet: the leads needed; opportunities from the month's known leads; revenue, the
    pipeline closing then and the leads' revenue; wins, that revenue / the deal size; the cost."""

    def monthly(row: MonthlyRow) -> str:
        return cell(row, column, sheet=MONTHLY)

    revenue = f"{monthly(MonthlyRow.PIPELINE)}+{monthly(MonthlyRow.REVENUE)}"
    return {
        "sales_ready_leads": f"={monthly(MonthlyRow.NEEDED)}",
        "opportunities": f"={monthly(MonthlyRow.KNOWN)}*SRLToOpportunity",
        "wins": f"=IF(DealSize>0,({revenue})/DealSize,0)",
        "revenue": f"={revenue}",
        "cost": f"={monthly(MonthlyRow.COST)}",
    }[stage.figure]


def part_label(stage: Stage, part: str) -> str:
    """ "Needed" for what the goal needs (sales-ready leads), "Plan" for what the plan expects."""
    return "Needed" if part == "Plan" and stage.compared_with == NEEDED else part


__all__ = ["TRACKER", "stage_row", "write_tracker"]


def stage_row(stage_index: int, part: str) -> int:
    return FIRST_STAGE_ROW + stage_index * STAGE_ROWS + 1 + PARTS.index(part)


def number_format(stage: Stage) -> str:
    return "money" if stage.kind == "money" else COUNT


def write_tracker(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Tracker: plan vs actual, month by month",
        "Type each month's actuals in the yellow cells (leave a month not reported empty). Variance = actual - plan; "
        "what is known adds the actuals to the last reported month and the plan's supply after it.",
    )
    months = result.months
    first, last = layout.month_column(1), layout.last_month_column
    w.text(MONTH_ROW, 1, "Plan month", "header")
    w.text(MONTH_ROW, VALUE, "", "header")
    w.text(MONTH_ROW, TOTAL_COLUMN, "Total", "header")
    w.text(LABEL_ROW, 1, "Month", "bold")
    actuals = actuals_by_month(plan)
    for m in range(1, layout.horizon + 1):
        column = layout.month_column(m)
        w.number(MONTH_ROW, column, m, "header", "0")
        w.formula(
            LABEL_ROW,
            column,
            f"=EDATE({first_month_ref()},{cell(MONTH_ROW, column, fix_row=True)}-1)",
            "bold",
            MONTH_LABEL,
            month_serial(plan, m),
        )
    for index, stage in enumerate(STAGES):
        title = FIRST_STAGE_ROW + index * STAGE_ROWS
        w.text(title, 1, f"{stage.label} (won)" if stage.figure == "revenue" else stage.label, "section")
        for part in PARTS:
            w.text(stage_row(index, part), 1, part_label(stage, part), "label")
        for m in range(1, layout.horizon + 1):
            month = months[m - 1] if m <= len(months) else None
            write_stage_month(w, layout, index, stage, layout.month_column(m), actuals.get(m), month, result)
        plan_total = sum(plan_figure(m, stage, result.targets) for m in months) if months else None
        for part, total in (("Plan", plan_total), ("Actual", None)):
            row = stage_row(index, part)
            formula = f'=IFERROR(SUM({row_span(row, first, last)}),"{NA}")'
            w.formula(row, TOTAL_COLUMN, formula, "total", number_format(stage), total)
    w.text(SUPPLIED_ROW, 1, "Sales-ready leads supplied (plan)", "label")
    w.text(FORECAST_ROW, 1, "Sales-ready leads known, cumulative (actuals, then the plan)", "bold")
    known = 0.0
    for m in range(1, layout.horizon + 1):
        column = layout.month_column(m)
        month = months[m - 1] if m <= len(months) else None
        supplied = month.sales_ready_leads_supplied if month else None
        w.formula(
            SUPPLIED_ROW, column, f"={cell(MonthlyRow.SUPPLIED, column, sheet=MONTHLY)}", fmt=COUNT, cached=supplied
        )
        known += month.known_sales_ready_leads if month else 0.0
        w.formula(
            FORECAST_ROW,
            column,
            f"={cell(MonthlyRow.CUMULATIVE_KNOWN, column, sheet=MONTHLY)}",
            "bold",
            COUNT,
            known if month else None,
        )
    w.formula(
        SUPPLIED_ROW,
        TOTAL_COLUMN,
        f"=SUM({row_span(SUPPLIED_ROW, first, last)})",
        "total",
        COUNT,
        result.supply.sales_ready_leads,
    )
    w.formula(FORECAST_ROW, TOTAL_COLUMN, f"={cell(FORECAST_ROW, last)}", "total", COUNT, known if months else None)
    colour_variances(sheet, layout)
    write_to_date(w, plan, result, layout)
    w.widths({1: "label", VALUE: "number", **{c: "number" for c in range(TOTAL_COLUMN, last + 1)}})
    sheet.freeze_panes = cell(LABEL_ROW + 1, first)


def write_stage_month(
    w: SheetWriter,
    layout: Layout,
    index: int,
    stage: Stage,
    column: int,
    actual: object,
    month: MonthResult | None,
    result: PlanResult,
) -> None:
    first, last = layout.month_column(1), layout.last_month_column
    plan, real = (cell(stage_row(index, part), column) for part in PARTS[:2])
    plan_row, actual_row = stage_row(index, "Plan"), stage_row(index, "Actual")
    number = number_format(stage)
    planned: Cached = plan_figure(month, stage, result.targets) if month is not None else None
    w.formula(plan_row, column, plan_formula(stage, column), fmt=number, cached=planned)
    value = getattr(actual, stage.figure) if actual is not None else None
    w.number(actual_row, column, value, "input", number)
    moved: Cached = None
    if month is not None:
        found = variance(month, stage, result.targets)
        moved = "" if found is None else found
    formula = f'=IF(ISNUMBER({real}),IFERROR({real}-{plan},"{NA}"),"")'
    w.formula(stage_row(index, "Variance"), column, formula, fmt=number, cached=moved)
    # to date: up to the last reported month (months before it without an actual count as 0)
    rest = f"{real}:{cell(actual_row, last, fix_column=True)}"
    actual_to_here = f"{cell(actual_row, first, fix_column=True)}:{real}"
    plan_to_here = f"{cell(plan_row, first, fix_column=True)}:{plan}"
    w.formula(
        stage_row(index, "Cumulative variance"),
        column,
        f'=IF(COUNT({rest})>0,IFERROR(SUM({actual_to_here})-SUM({plan_to_here}),"{NA}"),"")',
        fmt=number,
    )


def colour_variances(sheet: Worksheet, layout: Layout) -> None:
    """Red behind the plan, green ahead (cost the other way round), by conditional formats."""
    first, last = layout.month_column(1), layout.last_month_column
    for index, stage in enumerate(STAGES):
        for part in ("Variance", "Cumulative variance"):
            row = stage_row(index, part)
            top = cell(row, first)
            # the one tolerance (planner.numbers.status, the named cell StatusTolerance): less than half a unit is even
            below, above = "<-StatusTolerance", ">StatusTolerance"
            behind, ahead = (below, above) if stage.more_is_better else (above, below)
            for test, (fill, font) in ((behind, BEHIND), (ahead, AHEAD)):
                rule = FormulaRule(formula=[f"AND(ISNUMBER({top}),{top}{test})"], fill=fill, font=font)
                sheet.conditional_formatting.add(f"{top}:{cell(row, last)}", rule)


def write_to_date(w: SheetWriter, plan: Plan, result: PlanResult, layout: Layout) -> None:
    """The year to date and at this pace, as the app's health panel and CEO review say it: the
    forecast is this year's expected leads (the known series over the in-time months)."""
    first, last = layout.month_column(1), layout.last_month_column
    months = row_span(MONTH_ROW, first, last)

    def actuals(stage_index: int) -> str:
        return row_span(stage_row(stage_index, "Actual"), first, last)

    def value(offset: int) -> str:
        return ref(TO_DATE_FIRST + offset, VALUE)

    weights = row_span(MonthlyRow.WEIGHT, first, last, sheet=MONTHLY)
    plan_months = row_span(MonthlyRow.MONTH, first, last, sheet=MONTHLY)
    leads_plan = row_span(stage_row(0, "Plan"), first, last)
    rows = (
        ("Last month with actual sales-ready leads", f"=SUMPRODUCT(MAX(ISNUMBER({actuals(0)})*{months}))", "0"),
        ("Sales-ready leads to date", f'=SUMIF({months},"<="&{value(0)},{actuals(0)})', COUNT),
        ("Sales-ready leads needed to date", f'=SUMIF({months},"<="&{value(0)},{leads_plan})', COUNT),
        ("Variance to date", f"={value(1)}-{value(2)}", COUNT),
        ("Forecast sales-ready leads this year (in-time months)", "=YearSRLExpected", COUNT),
        ("Forecast coverage this year", "=YearCoverage", PERCENT),
        ("Last month with actual revenue", f"=SUMPRODUCT(MAX(ISNUMBER({actuals(3)})*{months}))", "0"),
        ("Revenue to date", f"=SUM({actuals(3)})", "money"),
        # the goal spread by the plan months' seasonality weights (not shifted by the cycle)
        (
            "Revenue goal to date",
            f'=IFERROR(RevenueGoal*SUMIF({plan_months},"<="&{value(6)},{weights})/SUM({weights}),0)',
            "money",
        ),
        ("Revenue vs goal", f"={value(7)}-{value(8)}", "money"),
    )
    actual = result.actuals
    # the engine's figures; where nothing is reported the formulas read 0 (no month, nothing to date)
    figures = (
        (actual.through_month, actual.sales_ready_leads, actual.needed_to_date, actual.variance)
        if actual is not None
        else (None,) * 4
    )
    revenue = (
        (actual.revenue_through_month, actual.revenue, actual.revenue_goal_to_date, actual.revenue_vs_goal)
        if actual is not None
        else (None,) * 4
    )
    cached = (
        *(0 if f is None else f for f in figures),
        result.year.sales_ready_leads_expected,
        shown(result.year.coverage),
        *(0 if f is None else f for f in revenue),
    )
    w.text(TO_DATE_FIRST - 1, 1, "To date and at this pace", "section")
    for offset, (label, formula, number) in enumerate(rows):
        w.text(TO_DATE_FIRST + offset, 1, label, "label")
        w.formula(TO_DATE_FIRST + offset, VALUE, formula, "result", number, cached[offset])
    define(w.sheet.parent, "ActualsThrough", TRACKER, TO_DATE_FIRST, VALUE)
