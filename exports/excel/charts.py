"""Native charts: they read the workbook's cells, so they follow the formulas when an input changes.

- the Summary's supply by source (a stacked column per month: each labor resource and each
  program) against the sales-ready leads needed (a line), and needed vs supplied to date;
- the Charts sheet's reverse funnel (every stage, on a logarithmic scale so the wins show,
  each bar labelled with its number) and the months' needed vs supplied.

Every series has a name: the label cell of the row it plots (a resource's name on Labor, a
program's on Channels, a measure's on Monthly), so a legend never reads "Column B" and follows a
name changed in the file; the funnel's one series is named in words. Chart text is 11 points (a
sheet prints at 75% or more: 8 points or more on paper, ``exports.excel.printing``). The
Summary's charts sit below its memo, where a page break keeps each whole.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.chart.data_source import StrData, StrRef, StrVal
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import SheetWriter, cell, clean_text, ref
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
from planner.numbers import series_colours as colours
from planner.plan.model import Plan

MAX_SOURCES = 8  # more sources than this stack as people and programs
TEXT_POINTS = 11  # axis labels, legends, data labels and axis titles
TITLE_POINTS = 14
FUNNEL_SERIES = "Needed over the horizon"
CHART_WIDTH = 26  # centimetres: the width of the Summary's memo on paper
CHART_ROWS = 20  # rows from one chart's top to the next's (a 9-centimetre chart is 17 rows of 15 points)


def text_properties(points: float, *, bold: bool = False) -> CharacterProperties:
    return CharacterProperties(sz=round(points * 100), b=bold)


def sized(points: float = TEXT_POINTS) -> RichText:
    """Text properties of an axis, a legend or data labels: ``points`` in size."""
    size = text_properties(points)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=size), endParaRPr=size)])


def title(text: str, points: float = TITLE_POINTS, *, bold: bool = True) -> Title:
    """A chart's or an axis's title in ``points``."""
    size = text_properties(points, bold=bold)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=size), r=[RegularTextRun(rPr=size, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def readable(chart: BarChart | LineChart, heading: str, value_title: str | None = None) -> None:
    """The chart's title, its axes' labels and its legend at sizes that print at 8 points or more
    (``TEXT_POINTS`` on a sheet printed at 75% or more). The heading names what is counted: a
    vertical value axis has no title of its own (turned on its side, it reads badly on paper);
    a horizontal one (the funnel's) has ``value_title``."""
    chart.title = title(heading)
    if value_title is not None:
        chart.y_axis.title = title(value_title, TEXT_POINTS)
    for axis in (chart.x_axis, chart.y_axis):
        axis.txPr = sized()
    if chart.legend is not None:
        chart.legend.txPr = sized()


def named(name: str, reference: str | None = None) -> SeriesLabel:
    """A series' name: the cell ``reference`` (its value at export, ``name``, cached beside it), or
    ``name`` itself."""
    text = clean_text(name)  # a name typed by the user: no control characters
    if reference is None:
        return SeriesLabel(v=text)
    return SeriesLabel(strRef=StrRef(f=reference, strCache=StrData(ptCount=1, pt=[StrVal(idx=0, v=text)])))


def month_series(sheet: Worksheet, layout: Layout, row: int, name: str) -> Series:
    """A row's months, named by the row's label cell (column A), which holds ``name``; by ``name``
    itself where the label is blank (a program without a name)."""
    values = Reference(
        sheet, min_col=layout.month_column(1), max_col=layout.last_month_column, min_row=row, max_row=row
    )
    series = Series(values)
    label = sheet.cell(row, NAME_COLUMN).value
    if isinstance(label, str) and label and not label.startswith("="):
        name = label  # the label's text is the name at export (a formula's, a resource's name: ``name``)
    series.tx = named(name, ref(row, NAME_COLUMN, sheet=sheet.title) if label else None)
    return series


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
        bars.series.append(month_series(monthly, layout, MonthlyRow.LABOR, "Supplied by people (Labor)"))
        bars.series.append(month_series(monthly, layout, MonthlyRow.PROGRAMS, "Supplied by programs (Channels)"))
    for index, series in enumerate(bars.series):  # each source as the app colours it: resources, then programs
        series.graphicalProperties.solidFill = colours.SOURCES[index % len(colours.SOURCES)].lstrip("#")
    bars.set_categories(month_labels(workbook, layout))
    line = LineChart()
    line.series.append(month_series(workbook[MONTHLY], layout, MonthlyRow.NEEDED, "Sales-ready leads needed"))
    for series in line.series:
        series.smooth = False
        series.graphicalProperties.line.width = 28000
        series.graphicalProperties.line.solidFill = colours.NEEDED.lstrip("#")
        series.graphicalProperties.line.dashStyle = "dash"
    bars.x_axis.number_format = "mmm yyyy"
    bars.x_axis.delete = False
    bars.y_axis.delete = False
    bars.legend.position = "b"
    readable(bars, "Sales-ready leads a month: supply by source vs needed")
    bars += line
    bars.width, bars.height = CHART_WIDTH, 9
    return bars


def month_lines(
    workbook: Workbook, layout: Layout, heading: str, rows: tuple[tuple[int, str], ...], height: float
) -> LineChart:
    """A line chart of Monthly sheet rows across the months (straight lines, legend below)."""
    chart = LineChart()
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
    readable(chart, heading)
    chart.width, chart.height = CHART_WIDTH, height
    return chart


def cumulative_chart(workbook: Workbook, layout: Layout) -> LineChart:
    rows = ((MonthlyRow.CUMULATIVE_NEEDED, "Needed to date"), (MonthlyRow.CUMULATIVE_KNOWN, "Known to date"))
    heading = "Sales-ready leads to date: needed vs known (actuals, then the plan)"
    return month_lines(workbook, layout, heading, rows, 8)


def funnel_chart(inputs: Worksheet) -> BarChart:
    """Raw leads at the top down to wins, each bar labelled with its number alone; a log scale keeps
    the wins visible."""
    first = INPUTS_FUNNEL_FIRST + 1  # wins .. raw leads
    chart = BarChart()
    chart.type = "bar"
    chart.y_axis.numFmt = "#,##0"
    chart.y_axis.scaling.logBase = 10
    data = Reference(inputs, min_col=INPUTS_VALUE_COLUMN, min_row=first, max_row=first + 4)
    labels = Reference(inputs, min_col=NAME_COLUMN, min_row=first, max_row=first + 4)
    chart.add_data(data, titles_from_data=False)
    chart.series[0].tx = named(FUNNEL_SERIES)
    chart.set_categories(labels)
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    for shown_too in ("showSerName", "showCatName", "showLegendKey", "showPercent", "showBubbleSize"):
        setattr(chart.dataLabels, shown_too, False)  # the number alone, never "Raw leads; Column B; 4,000"
    chart.dataLabels.numFmt = "#,##0"
    chart.dataLabels.txPr = sized()
    chart.legend = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    readable(
        chart,
        "Reverse funnel: what the revenue goal needs at each stage",
        "Number needed over the horizon (logarithmic scale)",
    )
    chart.width, chart.height = CHART_WIDTH, 9
    return chart


def months_chart(workbook: Workbook, layout: Layout) -> LineChart:
    rows = ((MonthlyRow.NEEDED, "Sales-ready leads needed"), (MonthlyRow.SUPPLIED, "Sales-ready leads supplied"))
    heading = "Sales-ready leads a month: needed vs supplied"
    return month_lines(workbook, layout, heading, rows, 9)


def write_charts(sheet: Worksheet, styles: Styles, workbook: Workbook, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading("Charts", "They follow the formulas: change an input and they redraw.")
    sheet.add_chart(funnel_chart(workbook[INPUTS]), cell(4, 1))
    sheet.add_chart(months_chart(workbook, layout), cell(4 + CHART_ROWS, 1))


def summary_charts(sheet: Worksheet, styles: Styles, workbook: Workbook, plan: Plan, layout: Layout, row: int) -> None:
    """The Summary's two charts, one under the other, below the memo (from ``row``)."""
    SheetWriter(sheet, styles).text(row, 1, "Charts (live: they follow the formulas)", "section")
    sheet.add_chart(supply_chart(workbook, plan, layout), cell(row + 1, 1))
    sheet.add_chart(cumulative_chart(workbook, layout), cell(row + 1 + CHART_ROWS, 1))
