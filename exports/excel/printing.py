"""Every sheet on paper: readable text, the headers and labels on every page, tables and charts
whole.

A sheet's text is the workbook's 11-point Calibri; it prints at no less than ``SMALLEST_POINTS``
(8 pt), so a sheet is never scaled below ``MIN_SCALE`` percent: a sheet wider than a page at that
scale is split across pages (never shrunk to one page width), its label column (A) printed again
on every page (a print title). Of portrait and landscape, a sheet prints the way that needs the
fewest pages across, then the fewest pages, at the largest scale that needs no more pages across.

Down the pages, the sheet's tables (runs of rows between blank rows) and charts are kept whole:
a page break goes before one that would not fit in what is left of its page (and fits a page), or
whose title, header and first row would not. The header rows the sheet's frozen panes keep in view
on screen print again at the top of every page: on a sheet whose header heads every table below it
(Inputs, Scenarios, Metrics, CEO review, Tracker) as soon as it runs over a page; on the others
while their first table runs on (a table below it has a header of its own).
A note in column A longer than the page is wide wraps within the page.

Sizes are worked out as LibreOffice lays a sheet out (measured: a column of width w, in characters,
takes 7w points; a row without a height of its own 15 points; a character of 11-point text about
5.6 points); Excel's columns are narrower, so a sheet that fits LibreOffice's page fits Excel's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass

from openpyxl.styles import Alignment
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.pagebreak import Break, RowBreak
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.layout import INPUTS, METRICS, REVIEW, SCENARIOS, TRACKER

BODY_POINTS = 11  # the workbook's text: Calibri 11 (openpyxl's default font)
SMALLEST_POINTS = 8
MIN_SCALE = math.ceil(100 * SMALLEST_POINTS / BODY_POINTS) + 2  # 75%: 11-point text prints at 8.25 points
A4 = (595.3, 841.9)  # points, portrait
SIDE_MARGIN = 0.5  # inches
TOP_MARGIN = BOTTOM_MARGIN = 0.75
HEADER_MARGIN = FOOTER_MARGIN = 0.3
POINTS_PER_CHARACTER = 7.0  # a column's width, LibreOffice's measure
DEFAULT_COLUMN = 8.43  # characters: a column without a width of its own
DEFAULT_ROW = 15.0  # points: a row without a height of its own
TITLE_ROW = 21.0  # points: a line of the 16-point title
CM = 72 / 2.54  # points in a centimetre (a chart's size)
FIT = 0.97  # of a page's width and height: LibreOffice's margins and rounding
TEXT_POINTS_PER_CHARACTER = 6.0  # 11-point text, a character on average (generously: 5.6 measured)
WORD_WRAP = 1.2  # wrapped text takes this much more room: lines break between words
LABEL_COLUMN = "A:A"
FIRST_HEADER = 4  # the header row of a sheet's first table (``layout.TABLE_HEADER``)
HEAD_ROWS = 3  # a table's title, header and first row: never left at the foot of a page
# sheets whose first header heads every table below it (the same columns all the way down: the
# scenarios, the Tracker's months, ...): printed on every page; on the others (Labor, Channels,
# Monthly) a table below has its own header, and the first one's prints again only while it runs on
HEADS_EVERY_TABLE = (INPUTS, SCENARIOS, METRICS, REVIEW, TRACKER)
MAX_ROWS_KEPT = 5000  # past this many rows (a plan of thousands of channels) LibreOffice breaks the pages


@dataclass(frozen=True)
class PageFit:
    """How a sheet prints: its orientation, its scale (percent) and how many pages across."""

    orientation: str
    scale: int
    across: int


def page_body(orientation: str) -> tuple[float, float]:
    """The printable width and height of an A4 page, in points."""
    short, long = A4
    width, height = (long, short) if orientation == "landscape" else (short, long)
    return width - 2 * SIDE_MARGIN * 72, height - (TOP_MARGIN + BOTTOM_MARGIN) * 72


def column_points(sheet: Worksheet, column: int) -> float:
    found = sheet.column_dimensions.get(get_column_letter(column))
    width = found.width if found is not None and found.width else DEFAULT_COLUMN
    return width * POINTS_PER_CHARACTER


def row_points(sheet: Worksheet, row: int) -> float:
    found = sheet.row_dimensions.get(row)
    return found.height if found is not None and found.height else DEFAULT_ROW


def chart_box(chart: object) -> tuple[int, int, float, float]:
    """A chart's anchor (row, column) and its size (width, height) in points."""
    anchor = chart.anchor  # type: ignore[attr-defined]
    letters, row = coordinate_from_string(anchor if isinstance(anchor, str) else "A1")
    return row, column_index_from_string(letters), chart.width * CM, chart.height * CM  # type: ignore[attr-defined]


def chart_rows(chart: object) -> tuple[int, int]:
    """The first and last rows a chart covers."""
    row, _column, _width, height = chart_box(chart)
    return row, row + math.ceil(height / DEFAULT_ROW) - 1


def column_widths(sheet: Worksheet) -> list[float]:
    """The widths of the columns that print: the used ones, and those under a chart."""
    last = sheet.max_column
    for chart in sheet._charts:
        _row, column, width, _height = chart_box(chart)
        right, reach = column, column_points(sheet, column)
        while reach < width:
            right += 1
            reach += column_points(sheet, right)
        last = max(last, right)
    return [column_points(sheet, c) for c in range(1, last + 1)]


def row_heights(sheet: Worksheet, rows: int) -> list[float]:
    """The height of every row that prints (index 0: row 1), the rows under charts included: a row's
    own height, else as tall as the text in its column A (a section's 12 points, a title's 16)."""
    last = max([rows, *(chart_rows(c)[1] for c in sheet._charts)])
    sized, cells = sheet.row_dimensions, sheet._cells
    heights = []
    for row in range(1, last + 1):
        found = sized.get(row)
        if found is not None and found.height:
            heights.append(found.height)
            continue
        label = cells.get((row, 1)) if last <= MAX_ROWS_KEPT else None
        size = (label.font.sz or BODY_POINTS) if label is not None and label.has_style else BODY_POINTS
        heights.append(max(DEFAULT_ROW, DEFAULT_ROW * size / BODY_POINTS))
    return heights


def pages_across(widths: list[float], titles: float, room: float) -> int:
    """Pages across for columns of these widths on pages ``room`` wide, the title columns (``titles``
    wide, the first ones) repeated on every page after the first; a column never splits."""
    pages, used = 1, 0.0
    for width in widths:
        if used + width > room and used > titles:
            pages, used = pages + 1, titles
        used += width
    return pages


def pages_down(heights: list[float], room: float) -> int:
    """Pages down for rows of these heights on pages ``room`` high."""
    pages, used = 1, 0.0
    for height in heights:
        if used + height > room and used > 0:
            pages, used = pages + 1, 0.0
        used += height
    return pages


def fit(widths: list[float], heights: list[float], titles: float = 0.0, blocks: Sequence[Block] = ()) -> PageFit:
    """The orientation and scale a sheet prints at (not below ``MIN_SCALE``): the fewest pages
    across, then the fewest pages, then the fewest tables run over a page's foot, then the largest
    scale. ``titles``: the width of the columns
    printed on every page. Past ``MAX_ROWS_KEPT`` rows, the largest scale for the fewest pages across."""
    found = []
    for orientation in ("portrait", "landscape"):  # portrait when it does as well
        width, height = page_body(orientation)
        room = width * FIT * 100
        fewest = pages_across(widths, titles, room / MIN_SCALE)
        scales = [s for s in range(100, MIN_SCALE - 1, -1) if pages_across(widths, titles, room / s) == fewest]
        if len(heights) > MAX_ROWS_KEPT:
            scales = scales[:1]
        for scale in scales:
            room_down = height * FIT * 100 / scale
            _breaks, down, split = (
                paginate(heights, blocks, room_down) if blocks else ([], pages_down(heights, room_down), 0)
            )
            found.append((fewest, fewest * down, split, -scale, PageFit(orientation, scale, fewest)))
    return min(found, key=lambda f: f[:4])[4]


def frozen_rows(sheet: Worksheet) -> tuple[int, int] | None:
    """The header rows of the sheet's first table that its frozen panes keep in view on screen."""
    if not sheet.freeze_panes:
        return None
    row = coordinate_from_string(sheet.freeze_panes)[1]
    return (FIRST_HEADER, row - 1) if row > FIRST_HEADER else None


def first_page_columns(widths: list[float], found: PageFit) -> int:
    """How many columns print on a sheet's first page."""
    room = page_body(found.orientation)[0] * FIT * 100 / found.scale
    used, count = 0.0, 0
    for width in widths:
        if used + width > room and count:
            break
        used, count = used + width, count + 1
    return count


def wrap_long_text(sheet: Worksheet, columns: int, widths: list[float], rows: int) -> None:
    """Text in column A (a title, a heading's note, a closing note, a message) longer than the first
    page is wide wraps: across the page's columns (merged) when the sheet is one page across, within
    column A when the sheet splits across pages (column A prints on every page: merged text would be
    cut there). Its row grows to its lines. Text beside which another cell is written stops there on
    screen and on paper alike, and is left as it is."""
    if columns < 1:
        return
    split = columns < len(widths)  # the sheet runs onto a page across: wrap within column A
    span = widths[0] if split else sum(widths[:columns])
    for row in range(1, min(rows, MAX_ROWS_KEPT) + 1):  # a sheet of thousands: its head
        found = sheet._cells.get((row, 1))
        if found is None or found.data_type != "s" or not found.value:
            continue
        size = (found.font.sz or BODY_POINTS) / BODY_POINTS * (1.1 if found.font.b else 1.0)
        needed = len(str(found.value)) * TEXT_POINTS_PER_CHARACTER * size
        if needed <= span or (found.alignment is not None and found.alignment.wrap_text):
            continue
        if any(sheet._cells.get((row, c)) is not None for c in range(2, columns + 1)):
            continue
        found._style = copy(found._style)  # its own: styles are shared between cells
        found.alignment = Alignment(wrap_text=True, vertical="top")
        if not split:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
        lines = math.ceil(needed * WORD_WRAP / span)
        line = TITLE_ROW if size > 1.3 else DEFAULT_ROW
        sheet.row_dimensions[row].height = max(row_points(sheet, row), line * lines + 2)


@dataclass(frozen=True)
class Block:
    """A table or a chart: its first and last row; a chart (and a caption above it) never splits."""

    first: int
    last: int
    chart: bool = False


def tables(sheet: Worksheet) -> list[Block]:
    """The sheet's tables and charts: runs of rows holding a cell or a chart, between blank rows."""
    filled = dict.fromkeys((row for row, _column in sheet._cells), False)
    for chart in sheet._charts:
        first, last = chart_rows(chart)
        filled.update(dict.fromkeys(range(first, last + 1), True))
    found: list[Block] = []
    for row in sorted(filled):
        if found and row == found[-1].last + 1:
            found[-1] = Block(found[-1].first, row, found[-1].chart or filled[row])
        else:
            found.append(Block(row, row, filled[row]))
    return found


def paginate(
    heights: list[float], blocks: Sequence[Block], room: float, repeated: float = 0.0
) -> tuple[list[int], int, int]:
    """The rows a page break must follow, and the pages down, on pages ``room`` high that repeat
    ``repeated`` points of header rows: a break before a chart that would not fit in what is left of
    its page; before a table of half a page or less that would not; before a longer one whose title,
    header and first row would not. Never before the sheet's first table (it stays with the sheet's
    title). A page that would end in the blank rows before a table ends there (LibreOffice, whose
    rows may be a little shorter than these, would otherwise leave the table's title at the foot).
    Also returns the pages down and the tables that run over a page's foot."""

    def tall(first: int, last: int) -> float:
        return sum(heights[first - 1 : last])

    breaks, pages, split, used, row = [], 1, 0, 0.0, 1
    page = room - repeated

    def add(height: float) -> float:
        nonlocal pages
        if used + height > room and used > repeated:
            pages += 1
            return repeated + height
        return used + height

    for block in blocks:
        first, last = block.first, block.last
        before = pages
        for height in heights[row - 1 : first - 1]:  # the blank rows before it
            used = add(height)
        if pages > before and first > FIRST_HEADER:  # a page ends in the blank rows: make it end there
            breaks.append(first - 1)
            used = repeated
        whole, head = tall(first, last), tall(first, min(last, first + HEAD_ROWS - 1))
        kept = whole if (block.chart or whole <= page / 2) and whole <= page else head
        if first > FIRST_HEADER and used > repeated and kept > room - used:
            breaks.append(first - 1)
            pages, used = pages + 1, repeated
        before = pages
        for height in heights[first - 1 : last]:
            used = add(height)
        split += pages > before
        row = last + 1
    return breaks, pages, split


def first_table_runs_over(heights: list[float], blocks: list[Block], room: float) -> bool:
    """Whether the sheet's first table (the one holding ``FIRST_HEADER``) runs onto a second page."""
    table = next((b for b in blocks if b.first <= FIRST_HEADER <= b.last), None)
    return table is not None and sum(heights[: table.last]) > room


def print_setup(sheet: Worksheet) -> PageFit:
    """A4, readable (never below ``MIN_SCALE``), the label column and the header rows on every page,
    tables and charts whole, a footer naming the sheet and the page."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    titles = column_points(sheet, 1) if sheet.freeze_panes else 0.0
    widths = column_widths(sheet)
    rows = sheet.max_row  # (worked out from every cell: once)
    blocks = tables(sheet) if rows <= MAX_ROWS_KEPT else []
    found = fit(widths, row_heights(sheet, rows), titles, blocks)
    wrap_long_text(sheet, first_page_columns(widths, found), widths, rows)
    found = fit(widths, row_heights(sheet, rows), titles, blocks)  # the wrapped rows are taller
    setup.orientation = found.orientation
    setup.scale = found.scale
    setup.pageOrder = "overThenDown"  # a table's months, page after page, before what is below it
    setup.fitToWidth = setup.fitToHeight = None
    sheet.sheet_properties.pageSetUpPr.fitToPage = False  # a fixed scale: text never shrinks below 8 pt
    margins = sheet.page_margins
    margins.left = margins.right = SIDE_MARGIN
    margins.top, margins.bottom = TOP_MARGIN, BOTTOM_MARGIN
    margins.header, margins.footer = HEADER_MARGIN, FOOTER_MARGIN
    sheet.print_options.gridLines = False
    sheet.oddFooter.center.text = "&A · page &P of &N"
    if titles:
        sheet.print_title_cols = LABEL_COLUMN
    if rows > MAX_ROWS_KEPT:
        return found
    heights = row_heights(sheet, rows)
    room = page_body(found.orientation)[1] * 100 / found.scale * FIT
    header = frozen_rows(sheet)
    repeated = 0.0
    heads_all = sheet.title in HEADS_EVERY_TABLE and sum(heights) > room
    if header is not None and (heads_all or first_table_runs_over(heights, blocks, room)):
        sheet.print_title_rows = f"{header[0]}:{header[1]}"
        repeated = sum(heights[header[0] - 1 : header[1]])
    breaks, _pages, _split = paginate(heights, blocks, room, repeated)
    if breaks:
        sheet.row_breaks = RowBreak()
        for row in breaks:
            sheet.row_breaks.append(Break(id=row))
    return found
