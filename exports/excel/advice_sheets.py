"""The Metrics sheet (the scorecard), the CEO review sheet (the weekly agenda) and the sheet of
text as written at export (findings and problems, which cannot recalculate).

The generated scorecard targets are live formulas of the inputs and results (a target the
user typed stays as typed); a user's metric that replaces a generated one carries a live
note when the two disagree.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter, cell, ref, shown
from exports.excel.layout import CHANNELS, LABOR, LaborColumn, Layout, PeopleColumn, ProgramColumn
from exports.excel.styles import PERCENT, RATE_COUNT, Styles
from exports.excel.summary_sheet import changed_since_export
from planner.advice.findings import findings
from planner.advice.review import review_agenda
from planner.advice.scorecard import (
    ScorecardMetric,
    activity_rates,
    channel_keys,
    generated_metrics,
    period,
    scorecard,
)
from planner.benchmarks.library import Library
from planner.numbers.results import PlanResult
from planner.plan import vocab
from planner.plan.model import Plan
from planner.plan.validation import validate

# each sheet at most 140 wide: one page across on paper (exports.excel.printing)
METRIC_KINDS = {1: "sentence", 2: "short", 3: "number", 4: "tag", 5: "tag", 6: "short", 7: "short", 8: "sentence"}
REVIEW_KINDS = {1: "name", 2: "paragraph", 3: "text"}
FINDING_KINDS = {1: "sentence", 2: "short", 3: "paragraph", 4: "sentence", 5: "tag"}
SEVERITY = {1: "Info", 2: "Warning", 3: "Critical"}
CONVERSIONS = {
    "conversion.lead_to_qualified": "=LeadToMQL",
    "conversion.qualified_to_sales_ready": "=MQLToSRL",
    "conversion.sales_ready_to_opportunity": "=SRLToOpportunity",
    "conversion.win_rate": "=WinRate",
    "outcome.srl.needed": '=IF(InTimeMonths=0,"n/a",SRLNeeded/InTimeMonths)',  # v3: over the in-time months
    "outcome.pipeline": "=OpportunitiesNeeded*DealSize/Horizon",
    "outcome.cost_per_srl": "=CostPerSRL",
}


def target_formulas(plan: Plan, layout: Layout) -> dict[str, str]:
    """Each generated metric's target as a formula, by its key."""
    found = dict(CONVERSIONS)
    for index, resource in enumerate(plan.labor):
        row = layout.labor_inputs.row(index)
        q = ref(row, LaborColumn.PER_PERSON, sheet=LABOR)
        rates = activity_rates(resource)
        weeks = f"({rates.working_days!r}/5)"
        found[f"activity.conversations.{resource.id}"] = f"={q}/{rates.conversation_to_srl!r}/{weeks}"
        found[f"activity.dials.{resource.id}"] = f"={q}/{rates.conversation_to_srl!r}/{rates.connect_rate!r}/{weeks}"
        found[f"outcome.srl.{resource.id}"] = f"={ref(row, LaborColumn.TOTAL_OUTPUT, sheet=LABOR)}/Horizon"
        found[f"outcome.srl.unassigned.{resource.id}"] = f"={ref(row, LaborColumn.UNASSIGNED, sheet=LABOR)}/Horizon"
    # each channel's row in its table, by its index in the plan (a dict: thousands of channels)
    rows = {
        index: (layout.program_inputs.row(n), ProgramColumn.SRL_TOTAL) for n, index in enumerate(layout.program_indexes)
    }
    rows.update(
        {index: (layout.people_inputs.row(n), PeopleColumn.SRL_TOTAL) for n, index in enumerate(layout.people_indexes)}
    )
    for key, index in zip(channel_keys(plan), range(len(plan.channels)), strict=True):
        row, column = rows[index]
        found[key] = f"={ref(row, column, sheet=CHANNELS)}/Horizon"
    return found


def target_format(metric: ScorecardMetric, currency: str) -> str:
    if metric.unit == "%":
        return PERCENT
    if currency and metric.unit == currency:
        return "money"
    return RATE_COUNT if metric.kind == "activity" else "#,##0"


def unit_text(metric: ScorecardMetric, currency: str) -> str:
    """The unit, unless the target's format already shows it (one unit per figure)."""
    return "" if metric.unit in ("%", "percent", currency) else metric.unit


def write_metrics(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Scorecard: how progress is measured",
        "Generated targets are live formulas of the plan; a target you typed stays as typed. A resource's "
        "channels are indented under it and add up to it.",
    )
    w.header(4, ["Metric", "Kind", "Target", "Unit", "Owner", "Cadence", "Source", "Check against the plan"], lines=2)
    rows = scorecard(plan, result)
    if not rows:
        w.text(5, 1, "No metrics in this plan.", "note")
    formulas = target_formulas(plan, layout)
    typed = {m.key for m in plan.metrics if m.key and m.target is not None}
    plan_names = {g.key: g.name for g in generated_metrics(plan, result)}
    currency = plan.basics.currency
    for row, metric in enumerate(rows, 5):
        w.text(row, 1, metric.name, "nested" if metric.parent else "wrap")
        w.text(row, 2, vocab.METRIC_KINDS.get(metric.kind, metric.kind))
        number_format = target_format(metric, currency)
        live = formulas.get(metric.key) if metric.key and metric.key not in typed else None
        if live:  # the scorecard's target at export beside it (for viewers that do not recalculate)
            w.formula(row, 3, live, "formula", number_format, shown(metric.target))
        elif metric.target is None:
            w.text(row, 3, "")
        else:
            w.number(row, 3, metric.target, "formula", number_format)
        w.text(row, 4, unit_text(metric, currency))
        w.text(row, 5, metric.owner, "wrap")
        w.text(row, 6, vocab.CADENCES.get(metric.cadence, metric.cadence))
        w.text(row, 7, source(metric), "wrap")
        plan_target = formulas.get(metric.replaces)
        if plan_target and metric.target is not None:
            formula = conflict_formula(metric, cell(row, 3), plan_target[1:], period(plan_names[metric.replaces]))
            w.formula(row, 8, formula, "wrap", cached=metric.note)
        w.fit_height(row, {1: metric.name, 5: metric.owner, 7: source(metric), 8: metric.note}, METRIC_KINDS)
    w.widths(METRIC_KINDS)
    sheet.freeze_panes = cell(5, 1)


def source(metric: ScorecardMetric) -> str:
    if metric.replaces:
        return "Yours (replaces one)"
    return "Yours" if not metric.key else ("Generated, edited" if metric.edited else "Generated")


# a period's length in months as a formula reads it (planner.advice.scorecard.PER_MONTH: a week is 52 / 12 of a
# month, a working day 5 a week)
IN_MONTHS = {"day": "*52*5/12", "week": "*52/12", "month": "", "quarter": "/3"}


def conflict_formula(metric: ScorecardMetric, target: str, plan_target: str, plan_period: str) -> str:
    """ "your 40 a week is 173 a month; the plan needs 44", or "" within a tenth, live: the user's
    target is read from its cell (``target``) in its metric's own period (``planner.advice.scorecard.period``
    of its name), the plan's from its formula; the cadence plays no part."""
    own_period = period(metric.name)
    per_month = f"{target}{IN_MONTHS[own_period]}"
    yours = f'"your "&TEXT({target},"#,##0")&" a {own_period}'
    yours += f' is "&TEXT({per_month},"#,##0")&" a month' if own_period != "month" else ""
    plan = f"({plan_target}){IN_MONTHS[plan_period]}"
    return (
        f'=IFERROR(IF(ABS({per_month}-{plan})<=0.1*ABS({plan}),"",{yours}; the plan needs "&TEXT({plan},"#,##0")),"")'
    )


def write_review(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, today: str = "") -> None:
    """The agenda, its entries as written at export (dated in their header), under a live banner that
    says when the inputs have changed since, as the Summary's options do."""
    w = SheetWriter(sheet, styles)
    cadence = vocab.CADENCES.get(plan.review.cadence, plan.review.cadence).lower()
    w.heading(
        f"CEO review: the {cadence} agenda",
        "The CEO and the sales leader meet on a fixed agenda. The entries are written at export: they do not "
        "recalculate.",
    )
    w.formula(
        3,
        1,
        f'=IF({changed_since_export(result)},"Written at export{f" ({today})" if today else ""}: the inputs '
        'have changed since. Export again for entries that fit the new numbers.","")',
        "banner",
        cached="",
    )
    dated = f"Entries (as written at export, {today})" if today else "Entries (as written at export)"
    w.header(4, ["Agenda item", "What the CEO asks", dated])
    row = 4
    for item in review_agenda(plan, result):
        row += 1
        w.text(row, 1, item.title, "bold")
        w.text(row, 2, item.question, "wrap")
        if not item.entries:
            w.text(row, 3, "(nothing yet)", "note")
        first = row
        for index, entry in enumerate(item.entries):
            if index:
                row += 1
            w.text(row, 3, entry, "wrap")
            w.fit_height(row, {2: item.question if row == first else "", 3: entry}, REVIEW_KINDS)
        if not item.entries:
            w.fit_height(row, {2: item.question}, REVIEW_KINDS)
    w.widths(REVIEW_KINDS)
    sheet.freeze_panes = cell(5, 1)


def write_at_export(
    sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, today: str, library: Library | None = None
) -> None:
    """What cannot be live: the diagnosis findings (an assumption outside its industry's range in
    ``library`` among them; None: the built-in one) and the plan's problems, as written at export."""
    w = SheetWriter(sheet, styles)
    w.heading(
        f"As written at export ({today}): findings and problems",
        "This text does not recalculate: it is what Lead Planner found when the workbook was exported. "
        "The Summary's verdict and warnings are live.",
    )
    row = 4
    problems = [p.message for p in validate(plan)]
    if problems:
        w.text(row, 1, "Problems in the plan", "section")
        for message in problems:
            row += 1
            w.text(row, 1, message)
        row += 2
    w.text(row, 1, "Findings and recommendations", "section")
    found = findings(plan, result, library)
    row += 1
    if not found:
        w.text(row, 1, "No findings.", "note")
        return
    w.header(row, ["Finding", "Severity", "Recommendation", "Why", "Triggered by"])
    for finding in found:
        row += 1
        severity = SEVERITY.get(finding.severity, str(finding.severity))
        texts = [finding.finding, severity, finding.recommendation, finding.why, finding.trigger]
        for column, text in enumerate(texts, 1):
            w.text(row, column, text, "wrap")
        w.fit_height(row, dict(enumerate(texts, 1)), FINDING_KINDS)
    w.widths(FINDING_KINDS)
