"""The cover sheet: the plan, its file version, the export date and the contents, each sheet
a hyperlink, with what it holds."""

from __future__ import annotations

from openpyxl.utils import quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter
from exports.excel.layout import (
    AT_EXPORT,
    CHANNELS,
    CHARTS,
    CHECKS,
    INPUTS,
    LABOR,
    METRICS,
    MONTHLY,
    REVIEW,
    SCENARIOS,
    SINCE,
    SUMMARY,
    TRACKER,
)
from exports.excel.styles import Styles
from planner.plan.model import Plan
from planner.plan.plan_file import VERSION

CONTENTS = (
    (SUMMARY, "The memo: the verdict, the revenue bridge, the options and the decisions asked (live)"),
    (INPUTS, "Targets, rates and seasonality: the yellow cells are yours to change"),
    (LABOR, "Who develops leads: head count, start and end, ramp, attrition, cost; output and cost by month"),
    (CHANNELS, "Program channels (budgets and schedules) and people-driven channels, by month"),
    (MONTHLY, "Needed vs supplied by month and quarter: gap, cumulative gap, cost, won revenue, the totals"),
    (SCENARIOS, "The base plan and each scenario side by side"),
    (METRICS, "The scorecard: targets follow the plan"),
    (REVIEW, "The CEO review agenda"),
    (TRACKER, "Plan vs actual, month by month: type the actuals in the yellow cells"),
    (AT_EXPORT, "Findings and problems, as written at export (they do not recalculate)"),
    (CHECKS, "Checks that must read 0: the months add up to the totals"),
    (CHARTS, "The reverse funnel and the months"),
)


SINCE_CONTENTS = (SINCE, "This plan against the last review's: the answers, what moved the gaps, the inputs changed")


def write_cover(sheet: Worksheet, styles: Styles, plan: Plan, today: str, *, since: bool = False) -> None:
    """The cover; ``since``: the workbook has the sheet "Since last review", listed after the Summary."""
    w = SheetWriter(sheet, styles)
    basics = plan.basics
    w.text(1, 1, basics.title or "Lead development plan", "title")
    rows = (
        ("Company", basics.company),
        ("Prepared by", basics.prepared_by),
        ("Prepared for", basics.prepared_for),
        ("Exported", today),
        ("Plan file version", str(VERSION)),
        ("Made with", "Lead Planner"),
    )
    for row, (label, value) in enumerate(rows, 3):
        w.text(row, 1, label, "label")
        w.text(row, 2, value)
    row = 3 + len(rows) + 1
    w.text(row, 1, "Contents", "section")
    contents = (CONTENTS[0], SINCE_CONTENTS, *CONTENTS[1:]) if since else CONTENTS
    for name, what in contents:
        row += 1
        link = w.text(row, 1, name, "link")
        link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(name)}!A1", display=name)
        w.text(row, 2, what)
    row += 2
    w.text(
        row,
        1,
        "Yellow cells are inputs (unlocked); every other figure is a formula, locked against typing over it. "
        "Review → Unprotect Sheet (no password) switches the protection off.",
        "note",
    )
    w.widths({1: "name", 2: "note"})
