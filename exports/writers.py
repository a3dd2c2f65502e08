"""One entry point for every export, used by the command line and the app.

Texts are cleaned first (``exports.safe_text``: no character XML cannot hold, no cell longer
than Excel takes), and each file is written atomically beside its target (a symbolic link
is written through; a device, pipe or folder is refused), with the user's umask.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from exports.safe_text import CELL_LIMIT, clean_plan
from planner.plan.model import Plan

if TYPE_CHECKING:
    from planner.benchmarks.library import Library
    from planner.compare.comparison import Comparison


class ExportUnavailable(Exception):
    """This build of Lead Planner cannot write that kind of export yet."""


def export_plan(
    plan: Plan,
    *,
    xlsx: str | None = None,
    html: str | None = None,
    progress: Callable[[int, str], None] | None = None,
    comparison: Comparison | None = None,
    since: str = "",
    library: Library | None = None,
) -> Iterator[Path]:
    """Write the requested exports; yields each path once written.

    ``comparison`` (``planner.compare.comparison.compare(old, plan)``) adds "Since the last review"
    to both: the memo's line and a section in the report, a sheet in the workbook; ``since`` is
    when the older version was made, said short ("1 Oct", ``planner.compare.words.since``).

    ``library`` (None: the built-in one, ``planner.benchmarks.library``) gives the ranges a plan
    that names its industry is checked against: the memo's "Assumptions to check" and the report's
    appendix, the workbook's Inputs sheet.

    ``progress(percent, step)`` hears how far the workbook has got (a plan of thousands of
    channels takes seconds); it is called on the exporting thread.
    """
    if xlsx:
        from exports.excel import write_workbook

        yield write_workbook(
            clean_plan(plan, CELL_LIMIT), xlsx, progress=progress, comparison=comparison, since=since, library=library
        )
    if html:
        from exports.html_report import write_report

        yield write_report(clean_plan(plan), html, comparison=comparison, since=since, library=library)
