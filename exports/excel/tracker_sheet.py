"""The Tracker sheet: the plan against what really happened, month by month and stage by stage.

Per stage (sales-ready leads, opportunities, wins, won revenue, cost): the plan as formulas of
the Monthly sheet, the actual as a yellow input cell (pre-filled with the plan's actuals, empty
where a month is not reported), the variance (actual - plan) and the cumulative variance to
the last reported month. The forecast of sales-ready leads adds the actuals up to the last
reported month and the plan's supply after it, so typing next month's actual moves it
(PRODUCT.md, "Actuals"). Won revenue is the supply of a sales cycle earlier, wrapping round
the horizon as the engine does.
"""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import layout as L
from exports.excel import monthly_sheet as monthly
from exports.excel.cells import SheetWriter, col, span
from exports.excel.styles import COUNT, MONTH_LABEL, PERCENT, Styles
from planner import formatting as fmt
from planner.actuals import actuals_by_month
from planner.model import Plan
from planner.tracking import STAGES, Stage

TRACKER = "Tracker"
NA = fmt.NOT_AVAILABLE
GROUP, HEADER, FIRST = 4, 5, 6  # the stage names, the column headers, the first month
PARTS = ("Plan", "Actual", "Variance", "Cumulative variance")
FIRST_STAGE_COLUMN = 3  # C
SUPPLIED_COLUMN = FIRST_STAGE_COLUMN + len(STAGES) * len(PARTS)
FORECAST_COLUMN = SUPPLIED_COLUMN + 1
BEHIND = (PatternFill("solid", fgColor="F8D7D4"), Font(color="9C0006"))
AHEAD = (PatternFill("solid", fgColor="D8EFDD"), Font(color="006100"))


def stage_column(stage_index: int, part: str) -> int:
    return FIRST_STAGE_COLUMN + stage_index * len(PARTS) + PARTS.index(part)


def plan_formula(stage: Stage, month_row: int, layout: L.Layout) -> str:
    """The plan's figure for the month, from the Monthly sheet's cells."""
    sheet = f"{L.MONTHLY}!"
    needed = {name: column for column, name in monthly.NEEDED.items()}
    if stage.figure == "sales_ready_leads":
        return f"={sheet}{col(needed['SRLNeeded'])}{month_row}"
    if stage.figure == "opportunities":
        return f"={sheet}{col(needed['OpportunitiesNeeded'])}{month_row}"
    if stage.figure == "wins":
        return f"={sheet}{col(needed['WinsNeeded'])}{month_row}"
    if stage.figure == "cost":
        return f"={sheet}{col(monthly.COST)}{month_row}"
    # won revenue: the leads supplied a sales cycle earlier (wrapping), times the value of one lead
    block = layout.months
    supplied = span(block.first, block.last, monthly.SUPPLIED, sheet=L.MONTHLY)
    plan_month = f"{sheet}$A${month_row}"
    return (
        f"=INDEX({supplied},MOD({plan_month}-1-SalesCycleMonths,{layout.horizon})+1)*SRLToOpportunity*WinRate*DealSize"
    )


def write_tracker(sheet: Worksheet, styles: Styles, plan: Plan, layout: L.Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Tracker: plan vs actual, month by month",
        "Type each month's actuals in the yellow cells (leave a month not reported empty). "
        "Variance = actual - plan; the forecast adds the actuals to the last reported month and the plan's supply after it.",
    )
    horizon, last = layout.horizon, FIRST + layout.horizon - 1
    w.text(GROUP, 1, "", "header")
    w.text(GROUP, 2, "", "header")
    for index, stage in enumerate(STAGES):
        first = stage_column(index, PARTS[0])
        w.text(GROUP, first, f"{stage.label} (won)" if stage.figure == "revenue" else stage.label, "header")
        for offset in range(1, len(PARTS)):
            w.text(GROUP, first + offset, "", "header")
        sheet.merge_cells(start_row=GROUP, start_column=first, end_row=GROUP, end_column=first + len(PARTS) - 1)
    w.text(GROUP, SUPPLIED_COLUMN, "Sales-ready leads", "header")
    w.text(GROUP, FORECAST_COLUMN, "", "header")
    sheet.merge_cells(start_row=GROUP, start_column=SUPPLIED_COLUMN, end_row=GROUP, end_column=FORECAST_COLUMN)
    headers = ["Plan month", "Month", *(PARTS * len(STAGES)), "Supplied (plan)", "Forecast, cumulative"]
    w.header(HEADER, headers, lines=2)

    actuals = actuals_by_month(plan)
    for m in range(1, horizon + 1):
        row, source = FIRST + m - 1, layout.months.row(m - 1)
        w.number(row, 1, m, fmt="0")
        w.formula(row, 2, f"={L.MONTHLY}!B{source}", fmt=MONTH_LABEL)
        actual = actuals.get(m)
        for index, stage in enumerate(STAGES):
            number_format = "money" if stage.kind == "money" else COUNT
            plan_cell, actual_cell = (col(stage_column(index, p)) for p in PARTS[:2])
            w.formula(row, stage_column(index, "Plan"), plan_formula(stage, source, layout), fmt=number_format)
            value = getattr(actual, stage.figure) if actual is not None else None
            w.number(row, stage_column(index, "Actual"), value, "input", number_format)
            w.formula(
                row,
                stage_column(index, "Variance"),
                f'=IF(ISNUMBER({actual_cell}{row}),IFERROR({actual_cell}{row}-{plan_cell}{row},"{NA}"),"")',
                fmt=number_format,
            )
            # to date: up to the last reported month (months before it without an actual count as 0)
            w.formula(
                row,
                stage_column(index, "Cumulative variance"),
                f"=IF(COUNT({actual_cell}{row}:{actual_cell}${last})>0,"
                f'IFERROR(SUM({actual_cell}${FIRST}:{actual_cell}{row})-SUM({plan_cell}${FIRST}:{plan_cell}{row}),"{NA}"),"")',
                fmt=number_format,
            )
        leads = col(stage_column(0, "Actual"))
        w.formula(row, SUPPLIED_COLUMN, f"={L.MONTHLY}!{col(monthly.SUPPLIED)}{source}", fmt=COUNT)
        before = "0" if m == 1 else f"{col(FORECAST_COLUMN)}{row - 1}"
        w.formula(
            row,
            FORECAST_COLUMN,
            f"=IF(COUNT({leads}{row}:{leads}${last})>0,SUM({leads}${FIRST}:{leads}{row}),"
            f"{before}+{col(SUPPLIED_COLUMN)}{row})",
            fmt=COUNT,
        )
    total = last + 1
    w.text(total, 1, "Total", "total")
    for index, stage in enumerate(STAGES):
        number_format = "money" if stage.kind == "money" else COUNT
        for part in ("Plan", "Actual"):
            column = stage_column(index, part)
            w.formula(total, column, f'=IFERROR(SUM({span(FIRST, last, column)}),"{NA}")', "total", number_format)
    w.formula(total, SUPPLIED_COLUMN, f"=SUM({span(FIRST, last, SUPPLIED_COLUMN)})", "total", COUNT)
    w.formula(total, FORECAST_COLUMN, f"={col(FORECAST_COLUMN)}{last}", "total", COUNT)
    colour_variances(sheet, last)
    write_to_date(w, total + 3, last, layout)
    w.widths({1: 40, 2: 12, **{c: 12 for c in range(FIRST_STAGE_COLUMN, FORECAST_COLUMN + 1)}})
    sheet.freeze_panes = f"C{FIRST}"


def colour_variances(sheet: Worksheet, last: int) -> None:
    """Red behind the plan, green ahead (cost the other way round), by conditional formats."""
    for index, stage in enumerate(STAGES):
        for part in ("Variance", "Cumulative variance"):
            letter = col(stage_column(index, part))
            top = f"{letter}{FIRST}"
            behind, ahead = ("<-0.5", ">0.5") if stage.more_is_better else (">0.5", "<-0.5")
            for test, (fill, font) in ((behind, BEHIND), (ahead, AHEAD)):
                rule = FormulaRule(formula=[f"AND(ISNUMBER({top}),{top}{test})"], fill=fill, font=font)
                sheet.conditional_formatting.add(f"{top}:{letter}{last}", rule)


def write_to_date(w: SheetWriter, first: int, last: int, layout: L.Layout) -> None:
    """The year to date and at this pace, as the app's health panel and CEO review say it."""
    months = span(FIRST, last, 1)

    def actuals(stage_index: int) -> str:
        return span(FIRST, last, stage_column(stage_index, "Actual"))

    block = layout.months
    weights = span(block.first, block.last, 3, sheet=L.MONTHLY)
    plan_months = span(block.first, block.last, 1, sheet=L.MONTHLY)
    rows = (
        ("Last month with actual sales-ready leads", f"=SUMPRODUCT(MAX(ISNUMBER({actuals(0)})*{months}))", "0"),
        ("Sales-ready leads to date", f'=SUMIF({months},"<="&B{first},{actuals(0)})', COUNT),
        (
            "Sales-ready leads needed to date",
            f'=SUMIF({months},"<="&B{first},{span(FIRST, last, stage_column(0, "Plan"))})',
            COUNT,
        ),
        ("Variance to date", f"=B{first + 1}-B{first + 2}", COUNT),
        ("Forecast sales-ready leads for the year", f"={col(FORECAST_COLUMN)}{last}", COUNT),
        ("Forecast coverage", f'=IFERROR(B{first + 4}/SRLNeeded,"{NA}")', PERCENT),
        ("Last month with actual revenue", f"=SUMPRODUCT(MAX(ISNUMBER({actuals(3)})*{months}))", "0"),
        ("Revenue to date", f"=SUM({actuals(3)})", "money"),
        # the goal spread by the plan months' seasonality weights (not shifted by the cycle)
        (
            "Revenue goal to date",
            f'=IFERROR(RevenueGoal*SUMIF({plan_months},"<="&B{first + 6},{weights})/SUM({weights}),0)',
            "money",
        ),
        ("Revenue vs goal", f"=B{first + 7}-B{first + 8}", "money"),
    )
    w.text(first - 1, 1, "To date and at this pace", "section")
    for offset, (label, formula, number_format) in enumerate(rows):
        w.text(first + offset, 1, label, "label")
        w.formula(first + offset, 2, formula, "result", number_format)
