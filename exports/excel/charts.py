"""Native charts: the reverse funnel and sales-ready leads needed vs supplied by month.

They read the workbook's cells, so they follow the formulas when an input changes.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import layout as L
from exports.excel.cells import SheetWriter
from exports.excel.styles import Styles


def write_charts(sheet: Worksheet, styles: Styles, workbook: Workbook, layout: L.Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading("Charts", "They follow the formulas: change an input and they redraw.")
    sheet.add_chart(funnel_chart(workbook[L.INPUTS]), "A4")
    sheet.add_chart(months_chart(workbook[L.MONTHLY], layout), "K4")


def funnel_chart(inputs: Worksheet) -> BarChart:
    first = L.INPUTS_FUNNEL_FIRST + 1  # wins .. raw leads
    chart = BarChart()
    chart.type = "bar"
    chart.style = 10
    chart.title = "Reverse funnel: what the revenue goal needs"
    chart.y_axis.title = "Number needed over the horizon"
    chart.y_axis.numFmt = "#,##0"
    chart.y_axis.majorGridlines = None
    data = Reference(inputs, min_col=L.INPUTS_VALUE_COLUMN, min_row=first, max_row=first + 4)
    labels = Reference(inputs, min_col=1, min_row=first, max_row=first + 4)
    chart.add_data(data, titles_from_data=False)
    chart.set_categories(labels)
    chart.legend = None
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width, chart.height = 17, 10
    return chart


def months_chart(monthly: Worksheet, layout: L.Layout) -> LineChart:
    block = layout.months
    chart = LineChart()
    chart.title = "Sales-ready leads needed vs supplied, by month"
    chart.y_axis.title = "Sales-ready leads"
    chart.y_axis.numFmt = "#,##0"
    for column in (7, 10):  # needed, supplied
        chart.add_data(
            Reference(monthly, min_col=column, min_row=block.header, max_row=block.last), titles_from_data=True
        )
    for series in chart.series:
        series.smooth = False
    chart.set_categories(Reference(monthly, min_col=2, min_row=block.first, max_row=block.last))
    chart.x_axis.number_format = "mmm yyyy"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width, chart.height = 17, 10
    return chart
