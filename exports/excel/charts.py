"""Native charts: they read the workbook's cells, so they follow the formulas when an input changes.

- the Summary's supply by source (a stacked column per month: each labor resource and each
  program) against the sales-ready leads needed (a line), and needed vs supplied to date;
- the Charts sheet's reverse funnel (every stage, on a logarithmic scale so the wins show,
  each bar labelled with its number) and the months' needed vs supplied.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.label import DataLabelList
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter, cell, clean_text
from exports.excel.layout import (
    CHANNELS,
    INPUTS,
    INPUTS_FUNNEL_FIRST,
    INPUTS_VALUE_COLUMN,
    LABOR,
    MONTHLY,
    NAME_COLUMN,
    Layout,
    MonthlyRow,
)
from exports.excel.styles import Styles
from planner.model import Plan

SUMMARY_CHART_COLUMN = 6  # right of the memo's four columns
MAX_SOURCES = 8  # more sources than this stack as people and programs


def month_series(sheet: Worksheet, layout: Layout, row: int, title: str) -> Series:
    values = Reference(
        sheet, min_col=layout.month_column(1), max_col=layout.last_month_column, min_row=row, max_row=row
    )
    return Series(values, title=clean_text(title))  # a name typed by the user: no control characters


def month_labels(workbook: Workbook, layout: Layout) -> Reference:
    monthly = workbook[MONTHLY]
    return Reference(
        monthly, min_col=layout.month_column(1), max_col=layout.last_month_column, min_row=MonthlyRow.LABEL
    )


def supply_chart(workbook: Workbook, plan: Plan, layout: Layout) -> BarChart:
    """Supply by source, stacked, with the leads needed as a line over it."""
    bars = BarChart()
    bars.type = "col"
    bars.grouping = "stacked"
    bars.overlap = 100
    bars.title = "Sales-ready leads a month: supply by source vs needed"
    bars.y_axis.title = "Sales-ready leads a month"
    bars.y_axis.numFmt = "#,##0"
    program_srl = layout.program_srl
    if program_srl is not None and len(plan.labor) + len(layout.program_indexes) <= MAX_SOURCES:
        for index, resource in enumerate(plan.labor):
            bars.series.append(
                month_series(workbook[LABOR], layout, layout.labor_output.row(index), resource.name or resource.id)
            )
        for index, channel_index in enumerate(layout.program_indexes):
            name = plan.channels[channel_index].name or "Program"
            bars.series.append(month_series(workbook[CHANNELS], layout, program_srl.row(index), name))
    else:  # too many sources to tell apart: people and programs
        monthly = workbook[MONTHLY]
        bars.series.append(month_series(monthly, layout, MonthlyRow.LABOR, "People (Labor)"))
        bars.series.append(month_series(monthly, layout, MonthlyRow.PROGRAMS, "Programs (Channels)"))
    bars.set_categories(month_labels(workbook, layout))
    line = LineChart()
    line.series.append(month_series(workbook[MONTHLY], layout, MonthlyRow.NEEDED, "Sales-ready leads needed"))
    for series in line.series:
        series.smooth = False
        series.graphicalProperties.line.width = 28000
        series.graphicalProperties.line.solidFill = "1A1A1A"
        series.graphicalProperties.line.dashStyle = "dash"
    bars.x_axis.number_format = "mmm yyyy"
    bars.x_axis.delete = False
    bars.y_axis.delete = False
    bars.legend.position = "b"
    bars += line
    bars.width, bars.height = 18, 9
    return bars


def month_lines(
    workbook: Workbook, layout: Layout, title: str, y_title: str, rows: tuple[tuple[int, str], ...], height: float
) -> LineChart:
    """A line chart of Monthly sheet rows across the months (straight lines, legend below)."""
    chart = LineChart()
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.numFmt = "#,##0"
    monthly = workbook[MONTHLY]
    for row, name in rows:
        series = month_series(monthly, layout, row, name)
        series.smooth = False
        chart.series.append(series)
    chart.set_categories(month_labels(workbook, layout))
    chart.x_axis.number_format = "mmm yyyy"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width, chart.height = 18, height
    return chart


def cumulative_chart(workbook: Workbook, layout: Layout) -> LineChart:
    rows = (
        (MonthlyRow.CUMULATIVE_NEEDED, "Needed to date"),
        (MonthlyRow.CUMULATIVE_KNOWN, "Known to date (actuals, then the plan)"),
    )
    return month_lines(workbook, layout, "Needed vs known, to date", "Sales-ready leads, to date", rows, 8)


def funnel_chart(inputs: Worksheet) -> BarChart:
    """Raw leads at the top down to wins, each bar labelled; a log scale keeps the wins visible."""
    first = INPUTS_FUNNEL_FIRST + 1  # wins .. raw leads
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Reverse funnel: what the revenue goal needs at each stage"
    chart.y_axis.title = "Number needed over the horizon (logarithmic scale)"
    chart.y_axis.numFmt = "#,##0"
    chart.y_axis.scaling.logBase = 10
    data = Reference(inputs, min_col=INPUTS_VALUE_COLUMN, min_row=first, max_row=first + 4)
    labels = Reference(inputs, min_col=NAME_COLUMN, min_row=first, max_row=first + 4)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(labels)
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    chart.dataLabels.numFmt = "#,##0"
    chart.legend = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width, chart.height = 18, 10
    return chart


def months_chart(workbook: Workbook, layout: Layout) -> LineChart:
    rows = ((MonthlyRow.NEEDED, "Sales-ready leads needed"), (MonthlyRow.SUPPLIED, "Sales-ready leads supplied"))
    title = "Sales-ready leads needed vs supplied, by month"
    return month_lines(workbook, layout, title, "Sales-ready leads a month", rows, 10)


def write_charts(sheet: Worksheet, styles: Styles, workbook: Workbook, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading("Charts", "They follow the formulas: change an input and they redraw.")
    sheet.add_chart(funnel_chart(workbook[INPUTS]), cell(4, 1))
    sheet.add_chart(months_chart(workbook, layout), cell(26, 1))


def summary_charts(sheet: Worksheet, workbook: Workbook, plan: Plan, layout: Layout) -> None:
    sheet.add_chart(supply_chart(workbook, plan, layout), cell(5, SUMMARY_CHART_COLUMN))
    sheet.add_chart(cumulative_chart(workbook, layout), cell(24, SUMMARY_CHART_COLUMN))
