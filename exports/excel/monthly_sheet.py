"""The Monthly sheet: demand (seasonality and sales cycle), supply, the known series, gap,
cumulative gap, cost and revenue by month, the quarters, and the plan's totals, which hold the
named results. Plan model v3 (PRODUCT.md), formula for formula as the engine computes it (``planner.numbers.year``, ``known`` and ``answers``).

Months run across the columns as on the Labor and Channels sheets (month 1 in column D, the
total in C). A lead created in month m closes in month m + c (c = ``SalesCycleMonths``): the
*in-time months* 1..H - c make this year's number, the *carry-over months* after them start next
year; each month's row ``IN_TIME`` says which, so a changed cycle moves the line. An in-time month
needs S x u(m + c) / U (U the in-time months' u(m + c) added up); a carry-over month needs
(goal / V) x u(m + c), V the revenue of one sales-ready lead (``SRLValue``); u is looked up by
calendar month with INDEX and EDATE, and nothing wraps around the horizon. The *known* series is
the Tracker's actual sales-ready leads through the last reported month (``ActualsThrough``) and
the plan's supply after it; this year's gap, the timing, the revenue and closing the gap read it.
Revenue by month: the goal x u(m), the pipeline over the first min(max(c, 1), H) months, and
known(m - c) x V won from new leads.

Every formula also carries the engine's value (``cached``), for viewers that do not recalculate.
"""

from __future__ import annotations

from collections.abc import Callable

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import Cached, SheetWriter, cell, ref, row_span, shown
from exports.excel.inputs_sheet import first_month_ref, month_serial, month_text, weights_range
from exports.excel.layout import (
    CHANNELS,
    LABOR,
    MONTHLY,
    QUARTERS_HEADER,
    TOTAL_COLUMN,
    TOTALS_FIRST,
    TRACKER,
    LaborColumn,
    Layout,
    MonthlyRow,
    ProgramMonthRow,
    QuarterRow,
)
from exports.excel.names import define
from exports.excel.styles import AHEAD, COUNT, GAP, MONTH_LABEL, PERCENT, WEIGHT, Styles, gap_money_format
from exports.excel.tracker_sheet import stage_row
from planner.numbers import formatting as fmt
from planner.numbers import status
from planner.numbers.hiring import earliest_start, first_inside, hire_delivery
from planner.numbers.results import MonthResult, PlanResult
from planner.numbers.supply import turnover_loss
from planner.plan.model import Plan
from planner.plan.months import first_calendar_month

NA = fmt.NOT_AVAILABLE
R = MonthlyRow
VALUE = 2  # the totals block's value column
NEXT_YEAR = "next year"  # a carry-over month's status: its leads start next year
NO_HIRE = "no hire in time"  # InsideRepsToCloseGap when no hire made now closes this year's gap
LABELS = {
    R.MONTH: ("Plan month", ""),
    R.LABEL: ("Month", ""),
    R.QUARTER: ("Plan quarter", ""),
    R.IN_TIME: ("This year (1) or next year's start (0)", ""),
    R.WEIGHT: ("Seasonality weight", ""),
    R.WEIGHT_AHEAD: ("Seasonality weight a sales cycle later", ""),
    R.SHARE: ("Share of its year's demand", "%"),
    R.WINS: ("Wins needed", "wins"),
    R.OPPORTUNITIES: ("Opportunities needed", "opportunities"),
    R.NEEDED: ("Sales-ready leads needed", "leads"),
    R.QUALIFIED: ("Qualified leads needed", "leads"),
    R.RAW: ("Raw leads needed", "leads"),
    R.LABOR: ("Supplied by people (Labor)", "leads"),
    R.PROGRAMS: ("Supplied by programs (Channels)", "leads"),
    R.SUPPLIED: ("Sales-ready leads supplied (the plan)", "leads"),
    R.GAP: ("Gap (needed − supplied)", "leads"),
    R.KNOWN: ("Known: actuals (Tracker), then the plan", "leads"),
    R.CUMULATIVE_GAP: ("Cumulative gap (needed − known)", "leads"),
    R.CUMULATIVE_NEEDED: ("Needed to date", "leads"),
    R.CUMULATIVE_KNOWN: ("Known to date", "leads"),
    R.COVERAGE: ("Coverage (supplied / needed)", "%"),
    R.COST: ("Cost", "money"),
    R.COST_PER_SRL: ("Cost per sales-ready lead", "money"),
    R.REVENUE_GOAL: ("Revenue goal", "money"),
    R.PIPELINE: ("Revenue from the current pipeline", "money"),
    R.REVENUE: ("Revenue won from new leads", "money"),
    R.STATUS: ("Month status (short, late, covered or next year)", ""),
    R.BEHIND: ("Behind (1) to date, this year", ""),
    R.AT_WORST: ("At the worst shortfall (1)", ""),
    R.SUPPLYING: ("Anything supplied (1)", ""),
    R.HIRE: ("One inside rep hired to start this month adds this year", "leads"),
}
FORMATS = {R.SHARE: PERCENT, R.WEIGHT: WEIGHT, R.WEIGHT_AHEAD: WEIGHT, R.GAP: GAP, R.CUMULATIVE_GAP: AHEAD,
           R.COVERAGE: PERCENT, R.COST: "money", R.COST_PER_SRL: "money", R.REVENUE_GOAL: "money",
           R.PIPELINE: "money", R.REVENUE: "money", R.LABEL: MONTH_LABEL, R.MONTH: "0", R.QUARTER: "0",
           R.IN_TIME: "0", R.BEHIND: "0", R.AT_WORST: "0", R.SUPPLYING: "0", R.STATUS: "General"}  # fmt: skip
SUMMED = (R.WINS, R.OPPORTUNITIES, R.NEEDED, R.QUALIFIED, R.RAW, R.LABOR, R.PROGRAMS, R.SUPPLIED, R.GAP, R.KNOWN,
          R.COST, R.REVENUE_GOAL, R.PIPELINE, R.REVENUE, R.IN_TIME, R.BEHIND)  # fmt: skip
BOLD = (R.NEEDED, R.SUPPLIED, R.GAP, R.KNOWN, R.CUMULATIVE_GAP)
STATUS_FILLS = {"short": "F4CCCC", "late": "FCE4B6", "covered": "D9EAD3", NEXT_YEAR: "DDEBF7"}

# the plan's totals and timing, in this order below the quarters: (label, name or None, number format)
TOTALS = (
    ("Sales-ready leads needed this year", None, COUNT),
    ("Sales-ready leads supplied (the plan, every month)", None, COUNT),
    ("Months in time (their leads close within the plan)", "InTimeMonths", "0"),
    ("Expected this year (in-time months: actuals, then the plan)", "YearSRLExpected", COUNT),
    ("This year's gap (needed − expected)", "SRLGap", GAP),
    ("This year's coverage", "YearCoverage", PERCENT),
    ("Next year's start: sales-ready leads needed", "NextYearStartNeeded", COUNT),
    ("Next year's start: expected (actuals, then the plan)", "NextYearStartExpected", COUNT),
    ("Next year's start: gap", "NextYearStartGap", GAP),
    ("Total cost", None, "money"),
    ("Cost per sales-ready lead", "CostPerSRL", "money"),
    ("Cost per opportunity", None, "money"),
    ("Value of all the plan's leads, whenever they close", "ProjectedRevenue", "money"),
    ("Return on cost", "ReturnOnCost", PERCENT),
    ("Revenue won this year from new leads", "YearProjectedRevenue", "money"),
    ("Expected revenue (pipeline + won this year)", "ExpectedRevenue", "money"),
    ("Revenue gap (goal − expected)", "RevenueGap", "gap money"),
    ("Carried over: won next year from the carry-over months' leads", "CarriedOverRevenue", "money"),
    ("Worst cumulative shortfall this year", "WorstShortfall", COUNT),
    ("Month of the worst shortfall", "WorstMonth", "General"),
    ("Months behind plan this year", "MonthsBehind", "0"),
    ("First month behind plan", "FirstBehind", "0"),
    ("Last month behind plan", "LastBehind", "0"),
    ("First month anything is supplied", "FirstSupplyMonth", "0"),
    ("Timing (short, late or on_track)", "TimingStatus", "General"),
    ("A new hire's output lost to turnover", "NewHireLoss", PERCENT),
    ("Earliest start of a new hire (plan month)", "EarliestStart", "0"),
    ("What one new hire starting then adds this year", "FirstHireDelivery", COUNT),
    ("Inside reps to close this year's gap", "InsideRepsToCloseGap", "0"),
    ("Latest start month for them (plan month)", "LatestStartMonth", "0"),
)


def totals_row(label: str) -> int:
    return TOTALS_FIRST + [t[0] for t in TOTALS].index(label)


def month_ref(layout: Layout, row: int) -> str:
    """All the months of one row of the Monthly sheet, from another sheet."""
    return row_span(row, layout.month_column(1), layout.last_month_column, sheet=MONTHLY)


def month_status(month: MonthResult) -> str:
    """What a month's colour says, by ``planner.numbers.status``: next year (a carry-over month), short (its
    own needed exceeds what is known), late (behind to date), else covered."""
    if not month.in_time:
        return NEXT_YEAR
    if status.is_short(month.sales_ready_leads_needed - month.known_sales_ready_leads):
        return "short"
    return "late" if status.is_behind(month.cumulative_gap) else "covered"


def month_values(plan: Plan, result: PlanResult) -> dict[int, list[Cached]]:
    """Each row's cached values by month, from the engine's results (``month_status`` for the status)."""
    months, timing = result.months, result.timing
    first, _ = first_calendar_month(plan.basics.start_month)
    weights, cycle = plan.targets.seasonality, plan.targets.sales_cycle_months
    programs = [c.sales_ready_leads for c in result.channels if c.is_program]
    worst, close = timing.worst_shortfall, status.WORST_TOLERANCE
    at_worst = [m.in_time and worst > close and m.cumulative_gap >= worst - close for m in months]
    values: dict[int, list[Cached]] = {
        R.LABEL: [month_serial(plan, m.month) for m in months],
        R.QUARTER: [(m.month - 1) // 3 + 1 for m in months],
        R.IN_TIME: [int(m.in_time) for m in months],
        R.WEIGHT: [weights[(first + m.month - 1) % 12] for m in months],
        R.WEIGHT_AHEAD: [weights[(first + m.month - 1 + cycle) % 12] for m in months],
        R.SHARE: [m.demand_share for m in months],
        R.WINS: [m.wins_needed for m in months],
        R.OPPORTUNITIES: [m.opportunities_needed for m in months],
        R.NEEDED: [m.sales_ready_leads_needed for m in months],
        R.QUALIFIED: [m.qualified_leads_needed for m in months],
        R.RAW: [m.raw_leads_needed for m in months],
        R.LABOR: [sum(r.output[i] for r in result.resources) for i in range(len(months))],
        R.PROGRAMS: [sum(p[i] for p in programs) for i in range(len(months))],
        R.SUPPLIED: [m.sales_ready_leads_supplied for m in months],
        R.GAP: [m.gap for m in months],
        R.KNOWN: [m.known_sales_ready_leads for m in months],
        R.CUMULATIVE_GAP: [m.cumulative_gap for m in months],
        R.COVERAGE: [shown(m.coverage) for m in months],
        R.COST: [m.cost for m in months],
        R.COST_PER_SRL: [shown(m.cost_per_sales_ready_lead) for m in months],
        R.REVENUE_GOAL: [m.revenue_goal for m in months],
        R.PIPELINE: [m.pipeline_revenue for m in months],
        R.REVENUE: [m.projected_revenue for m in months],
        R.STATUS: [month_status(m) for m in months],
        R.BEHIND: [int(m.month in timing.behind_months) for m in months],
        R.AT_WORST: [int(flag) for flag in at_worst],
        R.SUPPLYING: [int(m.sales_ready_leads_supplied > 0) for m in months],
        R.HIRE: [hire_delivery(plan, m.month) for m in months],
    }
    for running, row in ((R.CUMULATIVE_NEEDED, R.NEEDED), (R.CUMULATIVE_KNOWN, R.KNOWN)):
        total, found = 0.0, []
        for value in values[row]:
            total += value  # type: ignore[operator]
            found.append(total)
        values[running] = found
    return values


def write_monthly(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Month by month: sales-ready leads needed vs supplied",
        "Formulas of the Inputs, Labor, Channels and Tracker sheets. A lead created in a month closes a sales "
        "cycle later: the in-time months' leads make this year's number, the carry-over months' start next year.",
    )
    first, last = layout.month_column(1), layout.last_month_column
    w.text(R.MONTH, 1, "Plan month", "header")
    w.text(R.MONTH, 2, "Unit", "header")
    w.text(R.MONTH, TOTAL_COLUMN, "Total", "header")
    for row, (label, unit) in LABELS.items():
        if row != R.MONTH:
            w.label(row, 1, label, "label", "bold" if row in BOLD else "label")
            w.text(row, 2, "" if unit == "money" else unit, "note")  # money shows its currency once, in its format
    values = month_values(plan, result) if result.months else {}
    q = first_inside_refs(plan, layout)[0]
    for m in range(1, layout.horizon + 1):
        cached = {row: found[m - 1] for row, found in values.items()}
        write_month(w, layout, m, q, cached)
    totals = {R.SUPPLIED: result.supply.sales_ready_leads, R.COST: result.supply.cost}  # the engine's own totals
    for row in SUMMED:
        number_format = FORMATS.get(row, COUNT)
        total = totals.get(row, sum(values[row])) if values else None  # type: ignore[arg-type]
        w.formula(
            row, TOTAL_COLUMN, f'=IFERROR(SUM({row_span(row, first, last)}),"{NA}")', "total", number_format, total
        )
    total = TOTAL_COLUMN
    w.formula(
        R.COVERAGE, total, f'=IFERROR({cell(R.SUPPLIED, total)}/{cell(R.NEEDED, total)},"{NA}")', "total", PERCENT
    )
    w.formula(
        R.COST_PER_SRL,
        total,
        f'=IFERROR({cell(R.COST, total)}/{cell(R.SUPPLIED, total)},"{NA}")',
        "total",
        "money",
        shown(result.supply.cost_per_sales_ready_lead),
    )
    define(sheet.parent, "SRLSupplied", MONTHLY, R.SUPPLIED, total)
    define(sheet.parent, "TotalCost", MONTHLY, R.COST, total)
    status_formats(sheet, layout)
    write_quarters(w, plan, result, layout)
    write_totals(w, plan, result, layout)
    w.widths({1: "label", 2: "gap money", **{c: "figure" for c in range(TOTAL_COLUMN, last + 1)}})
    sheet.freeze_panes = cell(R.LABEL + 1, first)  # the month numbers and labels in view, on every page


def write_month(w: SheetWriter, layout: Layout, m: int, q: str, cached: dict[int, Cached]) -> None:
    column = layout.month_column(m)

    def at(row: int) -> str:
        return cell(row, column)

    def whole(row: int) -> str:
        return row_span(row, layout.month_column(1), layout.last_month_column)

    def put(row: int, formula: str, role: str = "formula", number_format: str | None = None) -> None:
        w.formula(row, column, formula, role, number_format or FORMATS.get(row, COUNT), cached.get(row))

    first = layout.month_column(1)
    month = cell(R.MONTH, column, fix_row=True)
    w.number(R.MONTH, column, m, "header", "0")
    put(R.LABEL, f"=EDATE({first_month_ref()},{month}-1)", "bold")
    put(R.QUARTER, f"=INT(({month}-1)/3)+1")
    put(R.IN_TIME, f"=IF({month}<=Horizon-SalesCycleMonths,1,0)")
    put(R.WEIGHT, f"=INDEX({weights_range()},MONTH({at(R.LABEL)}))")
    put(R.WEIGHT_AHEAD, f"=INDEX({weights_range()},MONTH(EDATE({first_month_ref()},{month}-1+SalesCycleMonths)))")
    weights, ahead, in_time = whole(R.WEIGHT), whole(R.WEIGHT_AHEAD), whole(R.IN_TIME)
    spread = f"SUMPRODUCT({ahead},{in_time})"  # U x the plan months' weights: the in-time months' u(m + c)
    put(
        R.SHARE,
        f"=IF({at(R.IN_TIME)}=1,IF(AND(SUM({weights})>0,{spread}>0),{at(R.WEIGHT_AHEAD)}/{spread},1/SUM({in_time})),"
        f"IF(SUM({weights})>0,{at(R.WEIGHT_AHEAD)}/SUM({weights}),0))",
    )
    put(R.NEEDED, f'=IFERROR(IF({at(R.IN_TIME)}=1,SRLNeeded,RevenueGoal/SRLValue)*{at(R.SHARE)},"{NA}")')
    put(R.OPPORTUNITIES, f'=IFERROR({at(R.NEEDED)}*SRLToOpportunity,"{NA}")')
    put(R.WINS, f'=IFERROR({at(R.OPPORTUNITIES)}*WinRate,"{NA}")')
    put(R.QUALIFIED, f'=IFERROR({at(R.NEEDED)}/MQLToSRL,"{NA}")')
    put(R.RAW, f'=IFERROR({at(R.QUALIFIED)}/LeadToMQL,"{NA}")')
    put(R.LABOR, "=" + grid_sum(column, LABOR, layout.labor_output.first, layout.labor_output.last))
    put(R.PROGRAMS, "=" + programs_in_month(layout, column, ProgramMonthRow.SRL))
    put(R.SUPPLIED, f"={at(R.LABOR)}+{at(R.PROGRAMS)}", "bold")
    put(R.GAP, f'=IFERROR({at(R.NEEDED)}-{at(R.SUPPLIED)},"{NA}")')
    actual = cell(stage_row(0, "Actual"), column, sheet=TRACKER)
    put(R.KNOWN, f"=IF({month}<=ActualsThrough,N({actual}),{at(R.SUPPLIED)})", "bold")

    def to_date(row: int) -> str:
        return f"SUM({cell(row, first, fix_column=True)}:{at(row)})"

    put(R.CUMULATIVE_GAP, f'=IFERROR({to_date(R.NEEDED)}-{to_date(R.KNOWN)},"{NA}")', "bold")
    put(R.CUMULATIVE_NEEDED, f'=IFERROR({to_date(R.NEEDED)},"{NA}")')
    put(R.CUMULATIVE_KNOWN, f"={to_date(R.KNOWN)}")
    put(R.COVERAGE, f'=IFERROR({at(R.SUPPLIED)}/{at(R.NEEDED)},"{NA}")')
    labor_cost = grid_sum(column, LABOR, layout.labor_cost.first, layout.labor_cost.last)
    program_cost = programs_in_month(layout, column, ProgramMonthRow.COST)
    put(R.COST, f"={labor_cost}+{program_cost}")
    put(R.COST_PER_SRL, f'=IFERROR({at(R.COST)}/{at(R.SUPPLIED)},"{NA}")')
    put(R.REVENUE_GOAL, f"=IF(SUM({weights})>0,RevenueGoal*{at(R.WEIGHT)}/SUM({weights}),0)")
    closing = "MIN(MAX(SalesCycleMonths,1),Horizon)"  # the months the pipeline closes over
    put(R.PIPELINE, f"=IF({month}<={closing},PipelineRevenue/{closing},0)")
    known = whole(R.KNOWN)
    put(
        R.REVENUE,
        f'=IFERROR(IF({month}>SalesCycleMonths,INDEX({known},{month}-SalesCycleMonths)*SRLValue,0),"{NA}")',
    )
    cumulative, this_year = f"N({at(R.CUMULATIVE_GAP)})", f"{at(R.IN_TIME)}=1"
    put(
        R.STATUS,
        f'=IF({at(R.IN_TIME)}=0,"{NEXT_YEAR}",IF(N({at(R.NEEDED)})-{at(R.KNOWN)}>StatusTolerance,"short",'
        f'IF({cumulative}>StatusTolerance,"late","covered")))',
        "centered",
    )
    put(R.BEHIND, f"=IF(AND({this_year},{cumulative}>StatusTolerance),1,0)")
    worst = "N(WorstShortfall)"
    put(R.AT_WORST, f"=IF(AND({this_year},{worst}>WorstTolerance,{cumulative}>={worst}-WorstTolerance),1,0)")
    put(R.SUPPLYING, f"=IF({at(R.SUPPLIED)}>0,1,0)")
    # r(s): q x (1 - loss) x the full months a hire ramping over NewHireRampMonths works from s to H - c
    n, k = f"(MAX(0,Horizon-SalesCycleMonths)-{month}+1)", "NewHireRampMonths"
    put(R.HIRE, f"=IF({n}<=0,0,{q}*(1-NewHireLoss)*IF({n}<={k}+1,{n}*({n}+1)/(2*({k}+1)),{n}-{k}/2))")


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
    """Red for short months, amber for late (covered, but behind to date), green for covered, blue
    for next year's start: on the month labels, the gap and the cumulative gap, following the live
    status row."""
    first, last = layout.month_column(1), layout.last_month_column
    status_cell = cell(R.STATUS, first, fix_row=True)
    for row in (R.LABEL, R.GAP, R.CUMULATIVE_GAP, R.STATUS):
        target = f"{cell(row, first)}:{cell(row, last)}"
        for word, colour in STATUS_FILLS.items():
            sheet.conditional_formatting.add(
                target,
                FormulaRule(
                    formula=[f'{status_cell}="{word}"'],
                    fill=PatternFill("solid", start_color=colour, end_color=colour),
                    font=Font(bold=word == "short"),
                ),
            )


def quarter_text(plan: Plan, first: int, last: int) -> str:
    """``Jan–Mar 2027``, as the quarter's header formula writes it."""
    return f"{month_text(plan, first)[:3]}–{month_text(plan, last)}"


def write_quarters(w: SheetWriter, plan: Plan, result: PlanResult, layout: Layout) -> None:
    """Plan quarters (months 1-3, 4-6, ...; the last may be shorter), summed from the months."""
    title, header = QUARTERS_HEADER - 1, QUARTERS_HEADER
    w.text(title, 1, "Quarters (plan quarters: sums of their months)", "section")
    w.text(header, 1, "Quarter", "header")
    labels = {QuarterRow.NEEDED: "Sales-ready leads needed", QuarterRow.SUPPLIED: "Sales-ready leads supplied",
              QuarterRow.GAP: "Gap (needed − supplied)", QuarterRow.COST: "Cost"}  # fmt: skip
    for offset, label in labels.items():
        w.text(header + offset, 1, label, "label")
    quarters = row_span(R.QUARTER, layout.month_column(1), layout.last_month_column)
    found = result.quarters
    for q in range(1, layout.quarters + 1):
        column = layout.month_column(q)
        quarter = found[q - 1] if q <= len(found) else None
        number = cell(title, column, fix_row=True)
        w.number(title, column, q, "note", "0")
        first_month = f"EDATE({first_month_ref()},3*({number}-1))"
        last_month = f"EDATE({first_month_ref()},MIN(3*{number},Horizon)-1)"
        w.formula(
            header,
            column,
            f'=TEXT({first_month},"mmm")&"–"&TEXT({last_month},"mmm yyyy")',
            "header",
            cached=quarter_text(plan, quarter.first_month, quarter.last_month) if quarter else None,
        )
        for offset, row, number_format, figure in (
            (QuarterRow.NEEDED, R.NEEDED, COUNT, "sales_ready_leads_needed"),
            (QuarterRow.SUPPLIED, R.SUPPLIED, COUNT, "sales_ready_leads_supplied"),
            (QuarterRow.COST, R.COST, "money", "cost"),
        ):
            values = row_span(row, layout.month_column(1), layout.last_month_column)
            w.formula(
                header + offset,
                column,
                f'=IFERROR(SUMIF({quarters},{number},{values}),"{NA}")',
                fmt=number_format,
                cached=getattr(quarter, figure) if quarter else None,
            )
        needed, supplied = cell(header + QuarterRow.NEEDED, column), cell(header + QuarterRow.SUPPLIED, column)
        w.formula(
            header + QuarterRow.GAP,
            column,
            f'=IFERROR({needed}-{supplied},"{NA}")',
            "bold",
            GAP,
            quarter.gap if quarter else None,
        )
    sums = {
        QuarterRow.NEEDED: sum(q.sales_ready_leads_needed for q in found),
        QuarterRow.SUPPLIED: sum(q.sales_ready_leads_supplied for q in found),
        QuarterRow.GAP: sum(q.gap for q in found),
        QuarterRow.COST: sum(q.cost for q in found),
    }
    for offset in (QuarterRow.NEEDED, QuarterRow.SUPPLIED, QuarterRow.GAP, QuarterRow.COST):
        row = header + offset
        values = row_span(row, layout.month_column(1), layout.month_column(layout.quarters))
        number_format = {QuarterRow.GAP: GAP, QuarterRow.COST: "money"}.get(offset, COUNT)
        w.formula(
            row,
            TOTAL_COLUMN,
            f'=IFERROR(SUM({values}),"{NA}")',
            "total",
            number_format,
            sums[offset] if found else None,
        )
    w.text(header, TOTAL_COLUMN, "Total", "header")


def first_inside_refs(plan: Plan, layout: Layout) -> tuple[str, str, str]:
    """(q, attrition, vacancy) of the plan's first inside resource as cell references, or PRODUCT.md's
    inside rep's (q 12, a 0, v 1) as numbers where it has none (``planner.numbers.hiring.first_inside``)."""
    index = next((i for i, r in enumerate(plan.labor) if r.kind == "inside"), None)
    if index is None:
        rep = first_inside(plan)
        return repr(rep.srl_per_person_month), repr(rep.attrition_rate), repr(rep.vacancy_months)
    row = layout.labor_inputs.row(index)
    q, a, v = (ref(row, c, sheet=LABOR) for c in (LaborColumn.PER_PERSON, LaborColumn.ATTRITION, LaborColumn.VACANCY))
    return q, a, v


def total_formulas(plan: Plan, layout: Layout) -> dict[str, str]:
    """Each total's formula, by its label."""

    def months(row: int) -> str:
        return row_span(row, layout.month_column(1), layout.last_month_column)

    in_time, known, needed = months(R.IN_TIME), months(R.KNOWN), months(R.NEEDED)
    cumulative, behind, hire = months(R.CUMULATIVE_GAP), months(R.BEHIND), months(R.HIRE)
    numbers = months(R.MONTH)
    _q, a, v = first_inside_refs(plan, layout)
    short, late, on_track = status.SHORT, status.LATE, status.ON_TRACK
    reps = "InsideRepsToCloseGap"
    return {
        "Sales-ready leads needed this year": "=SRLNeeded",
        "Sales-ready leads supplied (the plan, every month)": "=SRLSupplied",
        "Months in time (their leads close within the plan)": "=MAX(0,Horizon-SalesCycleMonths)",
        "Expected this year (in-time months: actuals, then the plan)": f"=SUMPRODUCT({known},{in_time})",
        "This year's gap (needed − expected)": f'=IFERROR(SRLNeeded-YearSRLExpected,"{NA}")',
        "This year's coverage": f'=IFERROR(YearSRLExpected/SRLNeeded,"{NA}")',
        "Next year's start: sales-ready leads needed": f"=SUMPRODUCT({needed},1-{in_time})",
        "Next year's start: expected (actuals, then the plan)": f"=SUMPRODUCT({known},1-{in_time})",
        "Next year's start: gap": "=NextYearStartNeeded-NextYearStartExpected",
        "Total cost": "=TotalCost",
        "Cost per sales-ready lead": f'=IFERROR(TotalCost/SRLSupplied,"{NA}")',
        "Cost per opportunity": f'=IFERROR(TotalCost/(SRLSupplied*SRLToOpportunity),"{NA}")',
        "Value of all the plan's leads, whenever they close": "=SRLSupplied*SRLValue",
        "Return on cost": f'=IFERROR((ProjectedRevenue*GrossMargin-TotalCost)/TotalCost,"{NA}")',
        "Revenue won this year from new leads": f'=IFERROR(SUM({months(R.REVENUE)}),"{NA}")',
        "Expected revenue (pipeline + won this year)": "=PipelineRevenue+YearProjectedRevenue",
        "Revenue gap (goal − expected)": "=RevenueGoal-ExpectedRevenue",
        "Carried over: won next year from the carry-over months' leads": "=NextYearStartExpected*SRLValue",
        "Worst cumulative shortfall this year": f'=IFERROR(MAX(0,SUMPRODUCT(MAX({cumulative}*{in_time}))),"{NA}")',
        "Month of the worst shortfall": (
            f'=IFERROR(IF(N(WorstShortfall)<=WorstTolerance,"",'
            f'TEXT(INDEX({months(R.LABEL)},MATCH(1,{months(R.AT_WORST)},0)),"mmm yyyy")),"")'
        ),
        "Months behind plan this year": f"=SUM({behind})",
        "First month behind plan": f"=IFERROR(MATCH(1,{behind},0),0)",
        "Last month behind plan": f"=SUMPRODUCT(MAX({behind}*{numbers}))",
        "First month anything is supplied": f'=IFERROR(MATCH(1,{months(R.SUPPLYING)},0),"")',
        "Timing (short, late or on_track)": (
            f'=IF(N(SRLGap)>StatusTolerance,"{short}",IF(N(WorstShortfall)>StatusTolerance,"{late}","{on_track}"))'
        ),
        "A new hire's output lost to turnover": f"=MIN(1,{a}/12*({v}+NewHireRampMonths/2))",
        # s0: month 1 before any actual; else after the last actual month and the months a seat takes to fill
        "Earliest start of a new hire (plan month)": (
            f"=IF(ActualsThrough=0,1,ActualsThrough+1+MAX(0,ROUNDUP({v}-RoundingNoise,0)))"
        ),
        "What one new hire starting then adds this year": f"=IF(EarliestStart>Horizon,0,INDEX({hire},EarliestStart))",
        "Inside reps to close this year's gap": (
            # no hire adds a lead in time, or so little that the count would be more than a number holds
            f'=IFERROR(IF(N(SRLGap)<=StatusTolerance,0,IF(FirstHireDelivery<=0,"{NO_HIRE}",'
            f'IFERROR(ROUNDUP(SRLGap/FirstHireDelivery-RoundingNoise,0),"{NO_HIRE}"))),"{NA}")'
        ),
        # the last month from s0 whose hires, that many, still close the gap (r falls month by month)
        "Latest start month for them (plan month)": (
            f"=IF(AND(ISNUMBER({reps}),N({reps})>0),SUMPRODUCT(MAX({numbers}*({numbers}>=EarliestStart)*{in_time}"
            f'*({reps}*{hire}>=SRLGap-StatusTolerance))),"")'
        ),
    }


def total_values(plan: Plan, result: PlanResult) -> dict[str, Cached]:
    """Each total's value as the engine computed it, by its label."""
    year, timing, revenue, supply = result.year, result.timing, result.revenue, result.supply
    start = result.next_year_start
    through = result.actuals.through_month if result.actuals is not None else None
    s0 = earliest_start(plan, through or 0)
    rep = first_inside(plan)
    behind = timing.behind_months
    reps = result.gap.inside_reps_to_close_gap
    worst = timing.worst_month
    return {
        "Sales-ready leads needed this year": result.demand.sales_ready_leads,
        "Sales-ready leads supplied (the plan, every month)": supply.sales_ready_leads,
        "Months in time (their leads close within the plan)": year.last_month or 0,
        "Expected this year (in-time months: actuals, then the plan)": year.sales_ready_leads_expected,
        "This year's gap (needed − expected)": year.gap,
        "This year's coverage": shown(year.coverage),
        "Next year's start: sales-ready leads needed": start.sales_ready_leads_needed if start else 0,
        "Next year's start: expected (actuals, then the plan)": start.sales_ready_leads_expected if start else 0,
        "Next year's start: gap": start.gap if start else 0,
        "Total cost": supply.cost,
        "Cost per sales-ready lead": shown(supply.cost_per_sales_ready_lead),
        "Cost per opportunity": shown(supply.cost_per_opportunity),
        "Value of all the plan's leads, whenever they close": supply.projected_revenue,
        "Return on cost": shown(supply.return_on_cost),
        "Revenue won this year from new leads": revenue.projected,
        "Expected revenue (pipeline + won this year)": revenue.expected,
        "Revenue gap (goal − expected)": revenue.gap,
        "Carried over: won next year from the carry-over months' leads": revenue.carried_over,
        "Worst cumulative shortfall this year": timing.worst_shortfall,
        "Month of the worst shortfall": month_text(plan, worst) if worst else "",
        "Months behind plan this year": len(behind),
        "First month behind plan": behind[0] if behind else 0,
        "Last month behind plan": behind[-1] if behind else 0,
        "First month anything is supplied": result.first_supply_month or "",
        "Timing (short, late or on_track)": timing.status,
        "A new hire's output lost to turnover": turnover_loss(
            rep.attrition_rate, rep.vacancy_months, plan.targets.new_hire_ramp_months
        ),
        "Earliest start of a new hire (plan month)": s0,
        "What one new hire starting then adds this year": hire_delivery(plan, s0),
        "Inside reps to close this year's gap": NO_HIRE if reps is None else reps,
        "Latest start month for them (plan month)": result.gap.latest_start_month or "",
    }


def write_totals(w: SheetWriter, plan: Plan, result: PlanResult, layout: Layout) -> None:
    w.text(TOTALS_FIRST - 1, 1, "This year, next year's start, the revenue, the timing and closing the gap", "section")
    formulas, values = total_formulas(plan, layout), total_values(plan, result)
    currency_formats: dict[str, Callable[[], str]] = {"gap money": lambda: gap_money_format(w.styles.money)}
    for label, name, number_format in TOTALS:
        row = totals_row(label)
        w.label(row, 1, label, "label")
        shown_format = currency_formats[number_format]() if number_format in currency_formats else number_format
        w.formula(row, VALUE, formulas[label], "result", shown_format, values[label])
        if name:
            define(w.sheet.parent, name, MONTHLY, row, VALUE)
