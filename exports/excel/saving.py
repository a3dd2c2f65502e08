"""Saving the workbook: openpyxl's writer, with progress by sheet, each sheet's XML made in
memory, and the cells written without openpyxl's lookups per cell.

Saving is half of an export's time, nearly all of it the cells. openpyxl's cell writer works
out, for every cell, its address, whether it has a style, its style's number (a lookup in the
workbook's list of styles) and its type's attributes. Our cells are plain: numbers, formulas
and text, each with one of a few dozen shared styles. :class:`SheetWriter` works each style's
number out once and writes each plain cell's XML as text, one write a row, the same XML as
openpyxl (a test compares them byte for byte): an element a cell, serialised by the XML writer,
took the large plan's export (``benchmarks.excel_export``) to 1.2 times raw openpyxl's time once
formulas carried values; as text it takes 0.8. The XML differs from openpyxl's only in a
formula's cached value: openpyxl puts an empty one (``<v />``) after every formula; we write
the value the engine computed for it (``exports.excel.cells.cached_values``: a number, or text
with ``t="str"``), or none at all where the engine has none. So a viewer that does not
recalculate (a mail preview, a phone) shows the engine's numbers; Excel recalculates on opening
(the workbook asks it to), and LibreOffice keeps them until an input changes. Any other cell (a
date, a link, a merged cell, a comment) goes through openpyxl's own writer.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from io import BytesIO
from xml.etree.ElementTree import _escape_cdata as escape  # the XML writer's own escaping of text
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import LXML
from openpyxl.cell._writer import write_cell
from openpyxl.cell.cell import Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from exports.excel.cells import CACHED

Progress = Callable[[int, str], None]
INF = float("inf")
ROWS_PER_REPORT = 2000


class SheetWriter(WorksheetWriter):
    """openpyxl's ``WorksheetWriter`` with a faster ``write_row`` for plain cells, telling
    ``rows_done(done, count)`` every ``ROWS_PER_REPORT`` rows (a sheet of 10,000 programs takes
    a second or two)."""

    def __init__(self, ws, out, rows_done: Callable[[int, int], None] | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ws, out)
        self.style_numbers: dict[int, str | None] = {}  # id(style array) -> its number ("" unstyled)
        self.letters: dict[int, str] = {}
        self.rows_done = rows_done
        self.cached = ws.__dict__.get(CACHED) or {}  # (row, column) -> the engine's value of a formula

    def write_rows(self) -> None:
        """As openpyxl's, telling ``rows_done`` as it goes."""
        xf = self.xf.send(True)
        rows = self.rows()
        with xf.element("sheetData"):
            for done, (row_idx, row) in enumerate(rows):
                if self.rows_done is not None and done and done % ROWS_PER_REPORT == 0:
                    self.rows_done(done, len(rows))
                self.write_row(xf, row, row_idx)
        self.xf.send(None)  # control back to openpyxl's writer

    def style_number(self, style) -> str | None:  # type: ignore[no-untyped-def]
        """The ``s`` attribute of cells with this style array ("" when it is no style)."""
        found = self.style_numbers.get(id(style))
        if found is None:
            found = str(self.ws.parent._cell_styles.add(style)) if any(style) else ""
            self.style_numbers[id(style)] = found
        return found

    def write_row(self, xf, row, row_idx) -> None:  # type: ignore[no-untyped-def]
        # the XML writer's own output function: each plain cell's XML is made here as text, as the
        # writer would serialise it (a test compares them byte for byte), and written once a row
        write = getattr(xf, "_file", None)
        if LXML or not callable(write):  # openpyxl writes through lxml then, or another writer: its own
            super().write_row(xf, row, row_idx)
            return
        attrs = {"r": f"{row_idx}"}
        attrs.update(self.ws.row_dimensions.get(row_idx, {}))
        letters, cached = self.letters, self.cached
        parts: list[str] = []
        with xf.element("row", attrs):
            for cell in row:
                style, kind, value = cell._style, cell.data_type, cell._value
                plain = (
                    type(cell) is Cell
                    and style is not None
                    and cell._comment is None
                    and cell._hyperlink is None
                    and (
                        (kind == "n" and type(value) in (int, float))
                        or (kind in ("f", "s") and type(value) is str)
                        or value is None
                    )
                )
                if not plain:  # as openpyxl's WorksheetWriter.write_row
                    if cell._comment is None and value is None and not cell.has_style:
                        continue
                    if parts:
                        write("".join(parts))
                        parts.clear()
                    self.write_row_cell(xf, cell)
                    continue
                number = self.style_number(style)
                if value is None and not number:
                    continue
                letter = letters.get(cell.column)
                if letter is None:
                    letter = letters[cell.column] = get_column_letter(cell.column)
                head = f'<c r="{letter}{row_idx}" s="{number}"' if number else f'<c r="{letter}{row_idx}"'
                known = None
                if kind == "s":
                    head += ' t="inlineStr"'
                elif kind != "f":
                    head += f' t="{kind}"'
                elif cached:
                    known = cached.get((row_idx, cell.column))
                    if type(known) is str:
                        if known:
                            head += ' t="str"'  # a formula whose value is text
                        else:
                            known = None  # no text: nothing to show
                if value is None or value == "":
                    parts.append(head + " />")
                elif kind == "f":  # the engine's value after it, or none (not openpyxl's empty <v />)
                    written = cached_text(known) if known is not None else None
                    shown = "" if written is None else f"<v>{escape(written)}</v>"
                    parts.append(f"{head}><f>{escape(value[1:])}</f>{shown}</c>")
                elif kind == "s":
                    stripped = value.strip()
                    opening = '<t xml:space="preserve">' if stripped and value != stripped else "<t>"
                    parts.append(f"{head}><is>{opening}{escape(value)}</t></is></c>")
                else:
                    finite = value == value and abs(value) != INF  # openpyxl writes NaN and infinity as ""
                    parts.append(f"{head}><v>{value:.16g}</v></c>" if finite else f"{head}><v /></c>")
            if parts:
                write("".join(parts))

    def write_row_cell(self, xf, cell) -> None:  # type: ignore[no-untyped-def]
        """One cell as openpyxl writes it (its comment recorded, as openpyxl's ``write_row`` does)."""
        if cell._comment is not None:
            from openpyxl.comments.comment_sheet import CommentRecord

            self.ws._comments.append(CommentRecord.from_cell(cell))
        write_cell(xf, self.ws, cell, cell.has_style)


def cached_text(value: object) -> str | None:
    """A cached value as the XML's ``<v>`` holds it: text as it is, a number exactly (None for
    NaN or infinity, which a cell cannot hold)."""
    if type(value) is str:
        return value
    if type(value) is int:
        return str(value)
    if type(value) is float:
        return repr(value) if value == value and abs(value) != INF else None
    return None


class WriteOnlyBuffer(BytesIO):
    """A sheet's XML in memory. Write-only: the text writer openpyxl puts over it would
    otherwise reset a decoder at each of its millions of writes (15% of the save)."""

    def readable(self) -> bool:
        return False


class ProgressWriter(ExcelWriter):
    """openpyxl's workbook writer: ``report`` is told as each sheet starts (saving is half the
    time), and each sheet's XML is made in memory, not in a temporary file read back and deleted
    (openpyxl's ``WorksheetWriter`` takes either)."""

    def __init__(self, workbook: Workbook, archive: ZipFile, report: Progress, first: int) -> None:
        super().__init__(workbook, archive)
        self.report = report
        self.first = first
        self.sheets_done = 0

    def write_worksheet(self, ws) -> None:  # type: ignore[no-untyped-def]
        count, index = len(self.workbook.worksheets), self.sheets_done
        span = (99 - self.first) / count

        def rows_done(done: int, rows: int) -> None:
            percent = int(self.first + span * (index + done / rows))
            self.report(percent, f"Saving the sheet {ws.title}: row {done:,} of {rows:,}")

        self.report(int(self.first + span * index), f"Saving the sheet {ws.title}")
        self.sheets_done += 1
        # as ExcelWriter.write_worksheet, with our sheet writer and the XML in memory
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = SheetWriter(ws, out=WriteOnlyBuffer(), rows_done=rows_done)
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def save(workbook: Workbook, path: str | os.PathLike[str], report: Progress, first: int = 0) -> None:
    """``workbook.save(path)``, as openpyxl does it, telling ``report`` (from ``first`` percent) by sheet."""
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ProgressWriter(workbook, archive, report, first).save()
