"""The Summary sheet: the one-page memo for the CEO, live.

The verdict (the named cell ``Verdict``, beginning with "Short", "Late" or "On track" as
``planner.numbers.status.word`` says the engine's status), its timing, next year's start, the revenue
bridge, the health figures and the warnings that depend on numbers are formulas of the named
results, so a CEO who changes an input (or types an actual on the Tracker) never sees a sentence
that disagrees with a number. Each judgement reads the one tolerance (``StatusTolerance``). The
options that close the gap come from goal seek at export; a live line says when the inputs have
moved since, so they are never read as current.

Each formula also carries its value at export (for viewers that do not recalculate): the same
sentence, written here from the engine's figures with the same words (``verdict_text`` and the
others mirror their formulas; a test recalculates the workbook and compares them).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import Cached, SheetWriter, cell, ref, shown
from exports.excel.inputs_sheet import first_month_ref, month_text
from exports.excel.layout import LABOR, SUMMARY, LaborColumn, Layout
from exports.excel.monthly_sheet import NO_HIRE
from exports.excel.names import define
from exports.excel.styles import COUNT, GAP, PERCENT, Styles, gap_money_format
from planner.advice.health import UNASSIGNED_WARNING
from planner.advice.memo import Memo
from planner.numbers import formatting as fmt
from planner.numbers import status
from planner.numbers.results import PlanResult
from planner.plan.model import Plan

KINDS = {1: "label", 2: "gap money", 3: "sentence", 4: "wide sentence"}  # 140 wide: one page across
VERDICT_ROW = 6
NEXT_YEAR_ROW = VERDICT_ROW + 1
VERDICT_FILLS = {status.word(s): colour for s, colour in
                 ((status.SHORT, "F4CCCC"), (status.LATE, "FCE4B6"), (status.ON_TRACK, "D9EAD3"))}  # fmt: skip
NO_LEAD_IN_TIME = "no lead created in the plan closes within it"
NO_HIRE_CLOSES = "no hire made now closes this year's gap"
COVERED = "On track: the current pipeline covers the revenue goal; no new sales-ready leads are needed."
NOT_COMPUTABLE = "n/a: a target divides by zero (see Inputs)"


def text_literal(text: str) -> str:
    """Text inside a formula's string: quotes doubled, so it stays data."""
    return '"' + text.replace('"', '""') + '"'


def whole(value: float) -> str:
    """TEXT(value,"#,##0"): whole, with separators, halves rounded away from zero as spreadsheets do."""
    rounded = int(Decimal(abs(value)).quantize(Decimal(1), ROUND_HALF_UP))
    return f"{'-' if value < 0 and rounded else ''}{rounded:,}"


def money_text(currency: str, value: str) -> str:
    """A formula that writes ``value`` as money: "$672,000"."""
    return f'{text_literal(fmt.currency_symbol(currency))}&TEXT({value},"#,##0")'


def money_words(currency: str, value: float) -> str:
    """What ``money_text`` writes for ``value``."""
    return f"{fmt.currency_symbol(currency)}{whole(value)}"


def month_formula(month: str) -> str:
    """TEXT of plan month ``month`` (a formula): "Sep 2027"."""
    return f'TEXT(EDATE({first_month_ref()},{month}-1),"mmm yyyy")'


def behind_formula() -> str:
    """How this year's months stand, as a phrase that says when the plan catches up, as the app's and
    the report's do: "behind every month through Sep 2027", "behind through Apr 2027, caught up in May
    2027", "behind in Mar 2027, caught up in Apr 2027", "behind from Mar 2027" (to the year's end) or
    "never behind during the year" (the in-time months only; from the first to the last month behind)."""
    first, last, after = (month_formula(m) for m in ("FirstBehind", "LastBehind", "LastBehind+1"))
    spell = (
        f'IF(FirstBehind=LastBehind,"in "&{first},IF(FirstBehind=1,"through "&{last},'
        f'"from "&{first}&" through "&{last}))'
    )
    return (
        f'IF(InTimeMonths=0,"{NO_LEAD_IN_TIME}",IF(MonthsBehind=0,"never behind during the year",'
        f'IF(MonthsBehind=InTimeMonths,"behind every month through "&{month_formula("InTimeMonths")},'
        f'IF(LastBehind<InTimeMonths,"behind "&{spell}&", caught up in "&{after},'
        f'"behind from "&{first}))))'
    )


def behind_words(plan: Plan, result: PlanResult) -> str:
    """What ``behind_formula`` says for the engine's figures."""
    in_time, behind = result.year.last_month or 0, result.timing.behind_months
    if in_time == 0:
        return NO_LEAD_IN_TIME
    if not behind:
        return "never behind during the year"
    if len(behind) == in_time:
        return f"behind every month through {month_text(plan, in_time)}"
    first, last = behind[0], behind[-1]
    if last < in_time:
        if first == last:
            spell = f"in {month_text(plan, first)}"
        elif first == 1:
            spell = f"through {month_text(plan, last)}"
        else:
            spell = f"from {month_text(plan, first)} through {month_text(plan, last)}"
        return f"behind {spell}, caught up in {month_text(plan, last + 1)}"
    return f"behind from {month_text(plan, first)}"


def verdict_formula(currency: str) -> str:
    """The verdict in one sentence, beginning with the status word, from the live figures; "at this
    pace" once the Tracker has actual sales-ready leads."""
    behind, pace = behind_formula(), 'IF(ActualsThrough>0," at this pace","")'
    short, late, on_track = (text_literal(status.word(s)) for s in (status.SHORT, status.LATE, status.ON_TRACK))
    short_text = (
        f'{short}&" by "&TEXT(SRLGap,"#,##0")&" sales-ready leads this year"&{pace}&", "'
        f'&{money_text(currency, "RevenueGap")}&" of revenue; "&{behind}&"."'
    )
    late_text = (
        f'{late}&": "&IF(ActualsThrough>0,"at this pace ","")&"this year\'s "&TEXT(SRLNeeded,"#,##0")'
        '&" sales-ready leads are covered, but the plan is up to "&TEXT(WorstShortfall,"#,##0")&" behind ("'
        f'&WorstMonth&"); "&{behind}&"."'
    )
    spare = 'IF(SRLGap<-StatusTolerance,", "&TEXT(-SRLGap,"#,##0")&" to spare","")'
    on_track_text = (
        f'{on_track}&{pace}&": this year\'s "&TEXT(SRLNeeded,"#,##0")&" sales-ready leads are covered"&{spare}'
        f'&", "&{money_text(currency, "ExpectedRevenue")}&" of expected revenue; never behind."'
    )
    return (
        f'=IFERROR(IF(N(SRLNeeded)<=0,"{COVERED}",IF(TimingStatus="{status.SHORT}",{short_text},'
        f'IF(TimingStatus="{status.LATE}",{late_text},{on_track_text}))),"{NOT_COMPUTABLE}")'
    )


def verdict_text(plan: Plan, result: PlanResult) -> str:
    """What ``verdict_formula`` says for the engine's figures (its value at export)."""
    currency, timing, gap = plan.basics.currency, result.timing, result.gap.sales_ready_leads
    needed = result.demand.sales_ready_leads
    if needed <= 0:
        return COVERED
    pace = " at this pace" if result.actuals is not None and result.actuals.through_month else ""
    behind = behind_words(plan, result)
    word = status.word(timing.status)
    if timing.status == status.SHORT:
        return (
            f"{word} by {whole(gap)} sales-ready leads this year{pace}, "
            f"{money_words(currency, result.revenue.gap)} of revenue; {behind}."
        )
    worst = month_text(plan, timing.worst_month) if timing.worst_month else ""
    if timing.status == status.LATE:
        return (
            f"{word}: {'at this pace ' if pace else ''}this year's {whole(needed)} sales-ready leads are covered, "
            f"but the plan is up to {whole(timing.worst_shortfall)} behind ({worst}); {behind}."
        )
    spare = f", {whole(-gap)} to spare" if status.is_surplus(gap) else ""
    return (
        f"{word}{pace}: this year's {whole(needed)} sales-ready leads are covered{spare}, "
        f"{money_words(currency, result.revenue.expected)} of expected revenue; never behind."
    )


def next_year_formula() -> str:
    """Next year's start in one line ("" without carry-over months)."""
    months = f'{month_formula("InTimeMonths+1")}&IF(InTimeMonths+1<Horizon,"–"&{month_formula("Horizon")},"")'
    standing = (
        'IF(NextYearStartGap>StatusTolerance,TEXT(NextYearStartGap,"#,##0")&" short",'
        'IF(NextYearStartGap<-StatusTolerance,TEXT(-NextYearStartGap,"#,##0")&" to spare","covered"))'
    )
    return (
        f'=IFERROR(IF(InTimeMonths>=Horizon,"","Next year\'s start ("&{months}&"), whose leads close after the '
        'plan: "&TEXT(NextYearStartExpected,"#,##0")&" of the "&TEXT(NextYearStartNeeded,"#,##0")'
        f'&" sales-ready leads it needs, "&{standing}&"."),"")'
    )


def next_year_text(plan: Plan, result: PlanResult) -> str:
    start = result.next_year_start
    if start is None:
        return ""
    months = month_text(plan, start.first_month)
    if start.first_month < start.last_month:
        months += f"–{month_text(plan, start.last_month)}"
    gap = start.gap
    standing = status.standing(gap, short=f"{whole(gap)} short", surplus=f"{whole(-gap)} to spare", even="covered")
    return (
        f"Next year's start ({months}), whose leads close after the plan: {whole(start.sales_ready_leads_expected)} "
        f"of the {whole(start.sales_ready_leads_needed)} sales-ready leads it needs, {standing}."
    )


def reps_formula() -> str:
    """What the inside reps to close this year's gap mean, in words, live."""
    reps = "InsideRepsToCloseGap"
    return (
        f'=IF(ISNUMBER({reps}),IF({reps}>0,"hire "&{reps}&" inside rep"&IF({reps}=1,"","s")&" to start by "'
        f'&{month_formula("LatestStartMonth")},"no hire needed this year"),'
        f'IF({reps}="{NO_HIRE}","{NO_HIRE_CLOSES}",""))'
    )


def reps_text(plan: Plan, result: PlanResult) -> str:
    reps, latest = result.gap.inside_reps_to_close_gap, result.gap.latest_start_month
    if reps is None:
        return NO_HIRE_CLOSES
    if reps == 0 or latest is None:
        return "no hire needed this year"
    return f"hire {reps} inside rep{'' if reps == 1 else 's'} to start by {month_text(plan, latest)}"


def warning_formulas(plan: Plan, layout: Layout) -> list[str]:
    """The warnings that depend on numbers, each "" when it does not apply."""
    found = [
        '=IF(N(SRLNeeded)<=0,"The current pipeline already covers the revenue goal: no new sales-ready leads '
        'are needed",IF(N(SRLGap)>StatusTolerance,"This year\'s coverage is "&TEXT(YearCoverage,"0%")'
        '&": the plan is "&TEXT(SRLGap,"#,##0")&" sales-ready leads short this year",""))',
        f'=IF(TimingStatus="{status.LATE}","This year is covered but "&'
        + behind_formula()
        + '&": at worst "&TEXT(WorstShortfall,"#,##0")&" sales-ready leads short, in "&WorstMonth,"")',
        '=IF(AND(InTimeMonths<Horizon,N(NextYearStartGap)>StatusTolerance),"Next year starts "'
        '&TEXT(NextYearStartGap,"#,##0")&" sales-ready leads short: the leads of the plan\'s last months close '
        'after it","")',
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
        # as the app warns (planner.advice.health): more than a quarter of the supply left unassigned
        found.append(
            f"=IF(AND(1-{assigned}>RoundingNoise,(1-{assigned})*{output}>{UNASSIGNED_WARNING!r}*SRLSupplied),"
            f'TEXT(1-{assigned},"0%")&" of the capacity of "&{name}&" is not assigned to a channel","")'
        )
    return found


def percent_words(value: float) -> str:
    """TEXT(value,"0%")."""
    return f"{whole(value * 100)}%"


def warning_texts(plan: Plan, result: PlanResult) -> list[Cached]:
    """What the warnings that depend on numbers say at export (None: left to recalculate)."""
    gap, needed, timing = result.gap.sales_ready_leads, result.demand.sales_ready_leads, result.timing
    coverage = ""
    if needed <= 0:
        coverage = "The current pipeline already covers the revenue goal: no new sales-ready leads are needed"
    elif status.is_short(gap) and result.gap.coverage is not None:
        coverage = (
            f"This year's coverage is {percent_words(result.gap.coverage)}: the plan is {whole(gap)} "
            "sales-ready leads short this year"
        )
    late = ""
    if timing.status == status.LATE:
        worst = month_text(plan, timing.worst_month) if timing.worst_month else ""
        late = (
            f"This year is covered but {behind_words(plan, result)}: at worst {whole(timing.worst_shortfall)} "
            f"sales-ready leads short, in {worst}"
        )
    start = result.next_year_start
    next_year = ""
    if start is not None and status.is_short(start.gap):
        next_year = (
            f"Next year starts {whole(start.gap)} sales-ready leads short: the leads of the plan's last months "
            "close after it"
        )
    first = result.first_supply_month
    supply = (
        "Nothing supplies sales-ready leads yet: add people in the labor model or a program channel"
        if first is None
        else f"No one develops leads before month {first}"
        if first > 1
        else ""
    )
    cost = result.supply.return_on_cost
    losing = (
        "The plan costs more than the gross margin its leads are projected to bring in"
        if cost is not None and cost < 0
        else ""
    )
    return [coverage, late, next_year, supply, losing]


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
    w.text(5, 1, "Verdict (live: recalculates from the inputs and the Tracker's actuals)", "section")
    verdict = w.formula(VERDICT_ROW, 1, verdict_formula(currency), "verdict", cached=verdict_text(plan, result))
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
    w.formula(NEXT_YEAR_ROW, 1, next_year_formula(), "note", cached=next_year_text(plan, result))
    row = 8
    w.header(row, ["The revenue bridge (this year)", "Amount", "How"])
    revenue = result.revenue
    for label, formula, number_format, note, value in (
        ("Revenue goal", "=RevenueGoal", "money", "new-logo revenue for the plan", revenue.goal),
        ("Current pipeline", "=PipelineRevenue", "money", "already expected from deals in play", revenue.pipeline),
        (
            "Won from new leads",
            "=YearProjectedRevenue",
            "money",
            "from the sales-ready leads that close within the plan",
            revenue.projected,
        ),
        ("Expected revenue", "=ExpectedRevenue", "money", "pipeline + won from new leads", revenue.expected),
        (
            "Revenue gap",
            "=RevenueGap",
            gap_money_format(styles.money),
            "goal − expected (a surplus when negative)",
            revenue.gap,
        ),
        (
            "Carried over to next year",
            "=CarriedOverRevenue",
            "money",
            "won after the plan from the leads of its last months (not in expected)",
            revenue.carried_over,
        ),
    ):
        row += 1
        w.text(row, 1, label, "bold" if label.startswith(("Expected", "Revenue gap")) else "label")
        w.formula(row, 2, formula, "result", number_format, value)
        w.text(row, 3, note, "note")
    row += 2
    w.header(row, ["Plan health (live)", "Value", ""])
    year, supply, start = result.year, result.supply, result.next_year_start
    reps = result.gap.inside_reps_to_close_gap
    for label, formula, number_format, value in (
        ("Sales-ready leads needed this year", "=SRLNeeded", COUNT, result.demand.sales_ready_leads),
        ("Expected this year (actuals, then the plan)", "=YearSRLExpected", COUNT, year.sales_ready_leads_expected),
        ("This year's gap", "=SRLGap", GAP, year.gap),
        ("This year's coverage", "=YearCoverage", PERCENT, shown(year.coverage)),
        ("Worst cumulative shortfall", "=WorstShortfall", COUNT, result.timing.worst_shortfall),
        ("Next year's start: gap", "=NextYearStartGap", GAP, start.gap if start else 0),
        ("Sales-ready leads supplied (the plan, every month)", "=SRLSupplied", COUNT, supply.sales_ready_leads),
        ("Total cost", "=TotalCost", "money", supply.cost),
        ("Cost per sales-ready lead", "=CostPerSRL", "money", shown(supply.cost_per_sales_ready_lead)),
        ("Return on cost", "=ReturnOnCost", PERCENT, shown(supply.return_on_cost)),
        ("Inside reps to close this year's gap", "=InsideRepsToCloseGap", "0", NO_HIRE if reps is None else reps),
    ):
        row += 1
        w.label(row, 1, label, KINDS[1])
        w.formula(row, 2, formula, "result", number_format, value)
    w.formula(row, 3, reps_formula(), "note", cached=reps_text(plan, result))
    row += 2
    w.text(row, 1, "Warnings (live)", "section")
    texts = warning_texts(plan, result)
    for index, formula in enumerate(warning_formulas(plan, layout)):
        row += 1
        w.formula(row, 1, formula, "formula", cached=texts[index] if index < len(texts) else None)
    row += 2
    row = write_options(w, memo, result, row)
    w.widths(KINDS)
    return row


def changed_since_export(result: PlanResult) -> str:
    """A condition, live, true once the inputs (or the Tracker's actuals) have moved this year's gap,
    the leads needed, the cost or the expected revenue from their values at export: text written at
    export no longer fits the numbers."""
    moved = (
        ("SRLGap", result.gap.sales_ready_leads, ">StatusTolerance"),  # leads: the one tolerance
        ("SRLNeeded", result.demand.sales_ready_leads, ">StatusTolerance"),
        ("TotalCost", result.supply.cost, ">=1"),  # money: a whole unit of the currency
        ("ExpectedRevenue", result.revenue.expected, ">=1"),
    )
    return "OR(" + ",".join(f"ABS(N({name})-({value!r})){moved_by}" for name, value, moved_by in moved) + ")"


def write_options(w: SheetWriter, memo: Memo, result: PlanResult, row: int) -> int:
    """Goal seek's options and the decisions asked, as worked out at export, with a live guard."""
    gap = result.gap.sales_ready_leads
    w.text(row, 1, "Options that close the gap (worked out at export by goal seek)", "section")
    row += 1
    w.formula(
        row,
        1,
        f'=IF({changed_since_export(result)},"The inputs have changed since export (the gap was '
        f'{fmt.count(gap)}): export again for options and decisions that fit the new numbers.","")',
        "banner",
        cached="",
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
        closes = "No single change closes the gap." if status.is_short(gap) else "No gap to close at export."
        w.text(row, 1, closes, "note")
    row += 2
    w.text(row, 1, "Decisions asked of the CEO (as written at export)", "section")
    for number, decision in enumerate(memo.decisions, 1):
        row += 1
        w.text(row, 1, f"{number}. {decision}")
    return row + 2
