"""The HTML report for the CEO: one self-contained file, on screen and on paper.

``render_report(plan)`` returns the page; ``write_report(plan, path)`` writes it
atomically. Both are plain functions, safe to call from a worker thread. The page is
rendered from the jinja2 templates in ``templates/`` with autoescaping always on: user
text is data, never markup. The CSS is inlined and the charts are inline SVG, so the file
opens in any browser without a network.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from exports import report_actuals, report_advice, report_analysis, report_benchmarks, report_model
from exports.report_compare import since_view
from exports.report_memo import memo_view
from planner.advice.memo import memo
from planner.benchmarks.library import Library
from planner.compare.comparison import Comparison
from planner.numbers.engine import compute
from planner.numbers.results import PlanResult
from planner.plan.model import Plan
from planner.plan.plan_file import write_text_atomically

Progress = Callable[[int, str], None]

# On paper a table of this many body rows or fewer is never split across pages; a longer one runs on,
# its header repeated, with at least three rows on each page it is on (report.css).
SHORT_TABLE_ROWS = 10


def css_string(text: object) -> Markup:
    """User text as a quoted CSS string (the page footer): every character that is not a letter,
    digit or space is a CSS escape, so no text can close the string or the style element."""
    escaped = "".join(ch if (ch.isalnum() and ch.isascii()) or ch == " " else f"\\{ord(ch):06x}" for ch in str(text))
    return Markup(f'"{escaped}"')


def environment() -> Environment:
    """The report's jinja2 environment: templates shipped as package data, autoescape always on."""
    env = Environment(
        loader=PackageLoader("templates", ""),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["css_string"] = css_string
    env.globals["short_table_rows"] = SHORT_TABLE_ROWS
    return env


def view_model(
    plan: Plan,
    result: PlanResult,
    today: _dt.date,
    comparison: Comparison | None = None,
    since: str = "",
    library: Library | None = None,
) -> dict[str, object]:
    """Everything the templates show, already formatted (the section "since" is None without a comparison;
    "benchmarks", the appendix beside the ranges of ``library`` (None: the built-in one), None without an
    industry)."""
    return {
        "meta": report_model.title_block(plan, today),
        "memo": memo_view(memo(plan, result, library), result),
        "since": since_view(comparison, since) if comparison is not None else None,
        "headline": report_model.headline(result),
        "findings": report_advice.finding_views(plan, result, library),
        "diagnosis": report_model.diagnosis(plan),
        "targets": report_model.targets(plan, result),
        "labor": report_model.labor(plan, result),
        "channels": report_model.channels(plan, result),
        "months": report_analysis.months(result),
        "actuals": report_actuals.plan_vs_actual(result),
        "scenarios": report_analysis.scenarios(plan, result),
        "sensitivity": report_analysis.sensitivity(result),
        "scorecard": report_advice.metric_views(plan, result),
        "agenda": report_advice.agenda_views(plan, result),
        "assumptions": report_analysis.assumptions(plan),
        "benchmarks": report_benchmarks.appendix(plan, library),
    }


def render_report(
    plan: Plan,
    *,
    today: _dt.date | None = None,
    progress: Progress | None = None,
    comparison: Comparison | None = None,
    since: str = "",
    library: Library | None = None,
) -> str:
    """The report as one HTML page; with ``comparison`` (the last review's plan against this one),
    a line on the memo's page and a section "Since the last review". For a plan that names its
    industry, ``library`` (None: the built-in one) gives the ranges its assumptions are checked
    against: page 1's "Assumptions to check" and the appendix."""
    report = progress or (lambda _percent, _message: None)
    report(5, "Computing the plan")
    result = compute(plan)
    report(40, "Preparing the figures and charts")
    model = view_model(plan, result, today or _dt.date.today(), comparison, since, library)
    report(70, "Laying out the report")
    return environment().get_template("report.html").render(**model)


def write_report(
    plan: Plan,
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    *,
    comparison: Comparison | None = None,
    since: str = "",
    library: Library | None = None,
) -> Path:
    """Render the report and write it atomically to ``path``; returns the path written."""
    target = Path(path)
    html = render_report(plan, progress=progress, comparison=comparison, since=since, library=library)
    if progress:
        progress(90, "Writing the file")
    write_text_atomically(target, html)
    if progress:
        progress(100, "Done")
    return target
