"""Each series has one colour throughout the app and the exports (planner.numbers.series_colours)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from exports.excel.workbook import write_workbook
from exports.html_report import render_report
from planner.numbers import series_colours as colours
from planner.numbers.engine import compute
from planner.plan.sample import sample_plan
from ui import palette


def test_the_app_and_the_exports_read_one_table_of_series_colours() -> None:
    assert (palette.NEEDED, palette.SUPPLIED, palette.SHORT, palette.NEXT_YEAR) == (
        colours.NEEDED,
        colours.SUPPLIED,
        colours.SHORT,
        colours.NEXT_YEAR,
    )
    # the sample's inside reps and its trade shows: the same colour in the app as in the report's chart
    app = palette.source_colours(compute(sample_plan()))
    assert app["Inside lead development reps"] == colours.SOURCES[0]
    assert app["Trade shows"] == colours.SOURCES[1]


def test_the_report_draws_needed_and_supplied_in_the_apps_colours() -> None:
    html = render_report(sample_plan())
    assert f'stroke="{colours.NEEDED}"' in html and f'stroke="{colours.SUPPLIED}"' in html


def test_the_workbooks_supply_chart_colours_each_source_as_the_app_does(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_workbook(sample_plan(), path)
    with zipfile.ZipFile(path) as book:  # (openpyxl does not read charts back)
        charts = " ".join(book.read(name).decode() for name in book.namelist() if name.startswith("xl/charts/chart"))
    for colour in (colours.SOURCES[0], colours.SOURCES[1], colours.NEEDED):
        assert f'srgbClr val="{colour.lstrip("#")}"'.upper() in charts.upper(), colour
