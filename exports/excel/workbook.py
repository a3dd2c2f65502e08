"""``write_workbook(plan, path)``: the Excel workbook for the CEO, every number a live formula.

Plain function, no Qt: safe to call from a worker thread. ``progress(percent, step)`` is called
as each sheet is written. The file is written beside ``path`` under a temporary name and
renamed over it, so a failed export never leaves half a workbook.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from exports.excel import layout as L
from exports.excel.advice_sheets import write_metrics, write_review
from exports.excel.channels_sheet import write_channels
from exports.excel.charts import write_charts
from exports.excel.inputs_sheet import write_inputs
from exports.excel.labor_sheet import write_labor
from exports.excel.monthly_sheet import write_monthly
from exports.excel.scenarios_sheet import write_scenarios
from exports.excel.styles import Styles
from exports.excel.summary_sheet import write_summary
from exports.excel.tracker_sheet import TRACKER, write_tracker
from planner.engine import compute_core
from planner.model import Plan
from planner.results import PlanResult
from planner.safe_write import atomic_target

Progress = Callable[[int, str], None]


def build_workbook(plan: Plan, result: PlanResult | None = None, progress: Progress | None = None) -> Workbook:
    """The workbook in memory (not saved)."""
    report = progress or (lambda percent, step: None)
    report(0, "Computing the plan")
    # the sheets are formulas; the engine's figures are only needed for the text "as exported"
    # (verdict, warnings, findings, scorecard, agenda), which uses no scenarios or sensitivity
    result = result if result is not None else compute_core(plan)
    layout = L.Layout.for_plan(plan)
    workbook = Workbook()
    sheets = {name: workbook.create_sheet(name) for name in L.SHEET_ORDER}
    sheets[TRACKER] = workbook.create_sheet(TRACKER, workbook.sheetnames.index(L.REVIEW) + 1)  # after the review
    workbook.remove(workbook.worksheets[0])
    styles = Styles(workbook, plan.basics.currency)
    steps: list[tuple[str, str, Callable[[], None]]] = [
        (L.INPUTS, "Writing the inputs", lambda: write_inputs(sheets[L.INPUTS], styles, plan)),
        (L.LABOR, "Writing the labor model", lambda: write_labor(sheets[L.LABOR], styles, plan, layout)),
        (L.CHANNELS, "Writing the channels", lambda: write_channels(sheets[L.CHANNELS], styles, plan, layout)),
        (L.MONTHLY, "Writing the months", lambda: write_monthly(sheets[L.MONTHLY], styles, plan, layout)),
        (L.SCENARIOS, "Writing the scenarios", lambda: write_scenarios(sheets[L.SCENARIOS], styles, plan, layout)),
        (L.SUMMARY, "Writing the summary", lambda: write_summary(sheets[L.SUMMARY], styles, plan, result, layout)),
        (L.METRICS, "Writing the scorecard", lambda: write_metrics(sheets[L.METRICS], styles, plan, result)),
        (L.REVIEW, "Writing the CEO review", lambda: write_review(sheets[L.REVIEW], styles, plan, result)),
        (TRACKER, "Writing the tracker", lambda: write_tracker(sheets[TRACKER], styles, plan, layout)),
        (L.CHARTS, "Drawing the charts", lambda: write_charts(sheets[L.CHARTS], styles, workbook, layout)),
    ]
    for done, (_, step, write) in enumerate(steps):
        report(5 + 75 * done // len(steps), step)
        write()
    for sheet in workbook.worksheets:
        print_setup(sheet)
    set_properties(workbook, plan)
    workbook.active = workbook.worksheets.index(sheets[L.SUMMARY])
    return workbook


def print_setup(sheet) -> None:  # type: ignore[no-untyped-def]
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False
    sheet.oddFooter.center.text = "&A · page &P of &N"
    if sheet.freeze_panes:
        row = int("".join(ch for ch in sheet.freeze_panes if ch.isdigit()))
        if row > 1:
            sheet.print_title_rows = f"1:{row - 1}" if row - 1 <= 4 else f"{row - 1}:{row - 1}"


def set_properties(workbook: Workbook, plan: Plan) -> None:
    basics = plan.basics
    props = workbook.properties
    props.title = basics.title or "Lead development plan"
    props.creator = basics.prepared_by or "Lead Planner"
    props.lastModifiedBy = basics.prepared_by or "Lead Planner"
    props.subject = f"{basics.company} lead development plan".strip()
    props.description = f"Prepared for {basics.prepared_for}" if basics.prepared_for else None
    props.keywords = "Lead Planner"


def write_workbook(
    plan: Plan, path: str | os.PathLike[str], progress: Progress | None = None, result: PlanResult | None = None
) -> Path:
    """Write the workbook to ``path`` atomically; returns the path written."""
    report = progress or (lambda percent, step: None)
    target = Path(path)
    workbook = build_workbook(plan, result, report)
    report(85, "Saving the workbook")
    # beside the target under a temporary name, renamed over it: a failed or interrupted export
    # never leaves half a workbook; no fsync (an export is made again from the plan in a second,
    # and fsync of a fresh workbook costs as much as writing a tenth of its cells)
    with atomic_target(target, sync=False) as temp:
        workbook.save(temp)
    report(100, "Done")
    return target
