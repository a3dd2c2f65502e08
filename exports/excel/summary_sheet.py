"""The Summary sheet: the plan at a glance. Health figures are formulas of the named results;
the verdict, warnings and findings are text as exported (they do not recalculate)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import layout as L
from exports.excel.cells import SheetWriter
from exports.excel.monthly_sheet import totals_row
from exports.excel.styles import COUNT, PERCENT, Styles
from planner import formatting as fmt
from planner.findings import findings
from planner.health import alerts, verdict
from planner.model import Plan
from planner.results import PlanResult

WIDTHS = {1: 52, 2: 12, 3: 52, 4: 52, 5: 36}
SEVERITY = {1: "Info", 2: "Warning", 3: "Critical"}


def health_rows(layout: L.Layout) -> list[tuple[str, str, str]]:
    monthly = f"{L.MONTHLY}!$B$"
    return [
        ("Sales-ready leads needed", "=SRLNeeded", COUNT),
        ("Sales-ready leads supplied", "=SRLSupplied", COUNT),
        ("Gap (sales-ready leads short)", "=SRLGap", COUNT),
        ("Coverage", f"={monthly}{totals_row(layout, 'Coverage')}", PERCENT),
        ("Total cost", "=TotalCost", "money"),
        ("Cost per sales-ready lead", "=CostPerSRL", "money"),
        ("Projected revenue", "=ProjectedRevenue", "money"),
        ("Return on cost", "=ReturnOnCost", PERCENT),
        ("Inside reps to close the gap", f"={monthly}{totals_row(layout, 'Inside reps to close the gap')}", "0"),
        ("Wins needed", "=WinsNeeded", COUNT),
        ("Opportunities needed", "=OpportunitiesNeeded", COUNT),
        ("Raw leads needed", "=LeadsNeeded", COUNT),
    ]


def write_summary(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, layout: L.Layout) -> None:
    w = SheetWriter(sheet, styles)
    basics = plan.basics
    w.text(1, 1, basics.title or "Lead development plan", "title")
    subtitle = " · ".join(
        part
        for part in (
            basics.company,
            f"Prepared by {basics.prepared_by}" if basics.prepared_by else "",
            f"for {basics.prepared_for}" if basics.prepared_for else "",
            f"{fmt.months(plan.horizon)} from {basics.start_month}",
        )
        if part
    )
    w.text(2, 1, subtitle, "note")
    row = 4
    w.header(row, ["Plan health (live: recalculates from the inputs)", "Value"])
    for label, formula, number_format in health_rows(layout):
        row += 1
        w.text(row, 1, label, "label")
        w.formula(row, 2, formula, "result", number_format)
    row += 2
    w.text(row, 1, "Verdict (as exported; does not recalculate)", "section")
    row += 1
    w.text(row, 1, verdict(result), "verdict")  # long text runs on over the empty cells beside it
    warnings = alerts(plan, result)
    if warnings:
        row += 2
        w.text(row, 1, "Warnings (as exported)", "section")
        for alert in warnings:
            row += 1
            w.text(row, 1, alert.message)
    row += 2
    w.text(row, 1, "Findings and recommendations (as exported)", "section")
    found = findings(plan, result)
    row += 1
    if not found:
        w.text(row, 1, "No findings.", "note")
    else:
        w.header(row, ["Finding", "Severity", "Recommendation", "Why", "Triggered by"])
        for finding in found:
            row += 1
            w.text(row, 1, finding.finding, "wrap")
            severity = SEVERITY.get(finding.severity, str(finding.severity))
            w.text(row, 2, severity, "wrap")
            w.text(row, 3, finding.recommendation, "wrap")
            w.text(row, 4, finding.why, "wrap")
            w.text(row, 5, finding.trigger, "wrap")
            texts = [finding.finding, severity, finding.recommendation, finding.why, finding.trigger]
            w.fit_height(row, dict(enumerate(texts, 1)), WIDTHS)
    w.widths(WIDTHS)
