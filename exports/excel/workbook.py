"""``write_workbook(plan, path)``: the Excel workbook for the CEO, every number a live formula.

Plain function, no Qt: safe to call from a worker thread. ``progress(percent, step)`` is called
as each sheet is written, and again as each is saved. The file is written beside ``path`` under a temporary name and
renamed over it, so a failed export never leaves half a workbook.
"""

from __future__ import annotations

import datetime as _dt
import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook

from exports.excel.advice_sheets import write_at_export, write_metrics, write_review
from exports.excel.cells import clean_text
from exports.excel.channels_sheet import write_channels
from exports.excel.charts import summary_charts, write_charts
from exports.excel.checks_sheet import write_checks
from exports.excel.cover_sheet import write_cover
from exports.excel.inputs_sheet import write_inputs
from exports.excel.labor_sheet import write_labor
from exports.excel.layout import (
    AT_EXPORT,
    CHANNELS,
    CHARTS,
    CHECKS,
    COVER,
    INPUTS,
    LABOR,
    METRICS,
    MONTHLY,
    REVIEW,
    SCENARIOS,
    SHEET_ORDER,
    SINCE,
    SUMMARY,
    TRACKER,
    Layout,
)
from exports.excel.monthly_sheet import write_monthly
from exports.excel.printing import print_setup
from exports.excel.saving import save
from exports.excel.scenarios_sheet import write_scenarios
from exports.excel.since_sheet import write_since
from exports.excel.styles import Styles
from exports.excel.summary_sheet import write_summary
from exports.excel.tracker_sheet import write_tracker
from planner.advice.memo import memo
from planner.benchmarks.library import Library
from planner.compare.comparison import Comparison
from planner.numbers.engine import compute_core
from planner.numbers.results import PlanResult
from planner.plan.model import Plan
from planner.plan.safe_write import atomic_target

Progress = Callable[[int, str], None]
SAVE_FROM = 50  # percent: building the sheets is about half the time, saving them the other half


def build_workbook(
    plan: Plan,
    result: PlanResult | None = None,
    progress: Progress | None = None,
    *,
    comparison: Comparison | None = None,
    since: str = "",
    library: Library | None = None,
) -> Workbook:
    """The workbook in memory (not saved); with ``comparison``, the sheet "Since last review" after the Summary;
    ``library``: the benchmarks the Inputs sheet sets a plan's inputs beside when it names its industry
    (None: the built-in library)."""
    report = progress or (lambda percent, step: None)
    report(0, "Computing the plan")
    # the sheets are formulas; the engine's figures are their values at export (for viewers that do
    # not recalculate) and the text "as exported" (options, decisions, findings, the scorecard's
    # names, the agenda): no scenarios or sensitivity
    result = result if result is not None else compute_core(plan)
    layout = Layout.for_plan(plan)
    today = f"{_dt.date.today():%d %B %Y}".lstrip("0")
    workbook = Workbook()
    sheets = {name: workbook.create_sheet(name) for name in SHEET_ORDER}
    workbook.remove(workbook.worksheets[0])
    if comparison is not None:
        sheets[SINCE] = workbook.create_sheet(SINCE, SHEET_ORDER.index(SUMMARY) + 1)
    styles = Styles(workbook, plan.basics.currency)

    def summary() -> None:
        row = write_summary(sheets[SUMMARY], styles, plan, result, layout, memo(plan, result, library), today)
        summary_charts(sheets[SUMMARY], styles, workbook, plan, layout, row)

    steps: list[tuple[str, Callable[[], None]]] = [
        ("Writing the inputs", lambda: write_inputs(sheets[INPUTS], styles, plan, result, library)),
        ("Writing the labor model", lambda: write_labor(sheets[LABOR], styles, plan, result, layout)),
        ("Writing the channels", lambda: write_channels(sheets[CHANNELS], styles, plan, result, layout)),
        ("Writing the months", lambda: write_monthly(sheets[MONTHLY], styles, plan, result, layout)),
        ("Writing the scenarios", lambda: write_scenarios(sheets[SCENARIOS], styles, plan, result, layout)),
        ("Writing the summary", summary),
        ("Writing the scorecard", lambda: write_metrics(sheets[METRICS], styles, plan, result, layout)),
        ("Writing the CEO review", lambda: write_review(sheets[REVIEW], styles, plan, result, today)),
        ("Writing the tracker", lambda: write_tracker(sheets[TRACKER], styles, plan, result, layout)),
        ("Writing the findings", lambda: write_at_export(sheets[AT_EXPORT], styles, plan, result, today, library)),
        ("Writing the checks", lambda: write_checks(sheets[CHECKS], styles, layout)),
        ("Drawing the charts", lambda: write_charts(sheets[CHARTS], styles, workbook, layout)),
        ("Writing the contents", lambda: write_cover(sheets[COVER], styles, plan, today, since=SINCE in sheets)),
    ]
    if comparison is not None:
        compared = comparison
        steps.insert(-1, ("Writing the comparison", lambda: write_since(sheets[SINCE], styles, compared, since)))
    for done, (step, write) in enumerate(steps):
        report(5 + (SAVE_FROM - 5) * done // len(steps), step)
        write()
    for sheet in workbook.worksheets:
        print_setup(sheet)
        protect(sheet)
    set_properties(workbook, plan)
    workbook.active = workbook.worksheets.index(sheets[SUMMARY])
    return workbook


def protect(sheet) -> None:  # type: ignore[no-untyped-def]
    """Formulas locked, inputs (unlocked in their style) open; no password, so the CEO can switch
    it off. Sorting, filtering and resizing stay allowed."""
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.sort = False
    sheet.protection.autoFilter = False


def set_properties(workbook: Workbook, plan: Plan) -> None:
    """The file's title, author and subject, from the plan's basics (control characters removed:
    the properties' XML could not hold them, and the file would not open)."""
    basics = plan.basics
    props = workbook.properties
    props.title = clean_text(basics.title) or "Lead development plan"
    props.creator = clean_text(basics.prepared_by) or "Lead Planner"
    props.lastModifiedBy = clean_text(basics.prepared_by) or "Lead Planner"
    props.subject = clean_text(f"{basics.company} lead development plan".strip())
    props.description = clean_text(f"Prepared for {basics.prepared_for}") if basics.prepared_for else None
    props.keywords = "Lead Planner"


def write_workbook(
    plan: Plan,
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    result: PlanResult | None = None,
    *,
    comparison: Comparison | None = None,
    since: str = "",
    library: Library | None = None,
) -> Path:
    """Write the workbook to ``path`` atomically; returns the path written. With ``comparison`` (the
    last review's plan against this one), a sheet "Since last review" of its values; ``library``:
    the benchmarks for a plan with an industry (None: the built-in library)."""
    report = progress or (lambda percent, step: None)
    target = Path(path)
    with collector_paused():
        workbook = build_workbook(plan, result, report, comparison=comparison, since=since, library=library)
        # beside the target under a temporary name, renamed over it: a failed or interrupted export
        # never leaves half a workbook; no fsync (an export is made again from the plan in a second,
        # and fsync of a fresh workbook costs as much as writing a tenth of its cells)
        with atomic_target(target, sync=False) as temp:
            save(workbook, temp, report, SAVE_FROM)
    report(100, "Done")
    return target


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the workbook is built and saved.

    A workbook is hundreds of thousands of objects (cells, styles, XML elements) that all live
    until it is saved; each of the collector's full passes walked them all and freed nothing
    (8% of a large plan's export, 15% of a 10,000-channel one). Turned back on after, unless it
    was already off; the workbook is freed by the next pass."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
