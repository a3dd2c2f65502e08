"""One entry point for every export, used by the command line and the app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from planner.model import Plan


class ExportUnavailable(Exception):
    """This build of Lead Planner cannot write that kind of export yet."""


def export_plan(plan: Plan, *, xlsx: str | None = None, html: str | None = None) -> Iterator[Path]:
    """Write the requested exports; yields each path once written."""
    if xlsx:
        raise ExportUnavailable("The Excel export is not available yet in this version of Lead Planner.")
    if html:
        from exports.html_report import write_report

        yield write_report(plan, html)
    yield from ()
