"""The Metrics sheet (the scorecard) and the CEO review sheet (the weekly agenda)."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter
from exports.excel.styles import COUNT, PERCENT, Styles
from planner import vocab
from planner.model import Plan
from planner.results import PlanResult
from planner.review import review_agenda
from planner.scorecard import scorecard

METRIC_WIDTHS = {1: 48, 2: 14, 3: 14, 4: 14, 5: 24, 6: 12, 7: 18}
REVIEW_WIDTHS = {1: 30, 2: 60, 3: 70}


def target_format(unit: str, currency: str) -> str:
    if unit in ("%", "percent"):
        return PERCENT
    if currency and unit == currency:
        return "money"
    return COUNT


def write_metrics(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Scorecard: how progress is measured",
        "Activity, conversion and outcome measures, each with a target, an owner and a cadence (as exported).",
    )
    w.header(4, ["Metric", "Kind", "Target", "Unit", "Owner", "Cadence", "Source"])
    rows = scorecard(plan, result)
    if not rows:
        w.text(5, 1, "No metrics in this plan.", "note")
    for row, metric in enumerate(rows, 5):
        w.text(row, 1, metric.name, "wrap")
        w.text(row, 2, vocab.METRIC_KINDS.get(metric.kind, metric.kind))
        if metric.target is None:
            w.text(row, 3, "")
        else:
            w.number(row, 3, metric.target, "formula", target_format(metric.unit, plan.basics.currency))
        w.text(row, 4, metric.unit)
        w.text(row, 5, metric.owner)
        w.text(row, 6, vocab.CADENCES.get(metric.cadence, metric.cadence))
        w.text(row, 7, "Yours" if not metric.key else ("Generated, edited" if metric.edited else "Generated"))
        w.fit_height(row, {1: metric.name}, METRIC_WIDTHS)
    w.widths(METRIC_WIDTHS)
    sheet.freeze_panes = "A5"


def write_review(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult) -> None:
    w = SheetWriter(sheet, styles)
    cadence = vocab.CADENCES.get(plan.review.cadence, plan.review.cadence).lower()
    w.heading(f"CEO review: the {cadence} agenda", "The CEO and the sales leader meet on a fixed agenda (as exported).")
    w.header(4, ["Agenda item", "What the CEO asks", "Entries"])
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
            w.fit_height(row, {2: item.question if row == first else "", 3: entry}, REVIEW_WIDTHS)
        if not item.entries:
            w.fit_height(row, {2: item.question}, REVIEW_WIDTHS)
    w.widths(REVIEW_WIDTHS)
    sheet.freeze_panes = "A5"
