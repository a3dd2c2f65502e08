"""Writing cells: user text always as text, formulas only from our own code, and cell references.

openpyxl turns any string that starts with ``=`` into a formula. User text (a company, a
channel, a note) goes through :func:`put_text`, which stores it as a string and marks text
that looks like a formula (``= + - @``) with Excel's quote prefix, so editing the cell in
Excel does not turn it into one either.

A formula may be given the value the engine computed for it (``cached``): the saving path
(``exports.excel.saving``) writes it beside the formula, so a viewer that does not recalculate
(a mail preview, a phone) shows the engine's numbers, and a spreadsheet that recalculates
replaces them with its own.
"""

from __future__ import annotations

import math
from copy import copy
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.layout import WIDTHS
from exports.excel.styles import Styles
from planner.numbers.formatting import NOT_AVAILABLE

MAX_CELL_TEXT = 32_767  # Excel's limit for the text of one cell
MAX_ROW_POINTS = 409  # Excel's tallest row
CACHED = "_engine_values"  # a worksheet's {(row, column): the engine's value of its formula}
Cached = float | int | str | None
FORMULA_LIKE = ("=", "+", "-", "@")
LABEL_CHARACTER = 0.9  # of a column's width unit, a character of a label (an indented label: a little more)


def clean_text(value: object) -> str:
    """The text Excel can hold: control characters removed, at most 32,767 characters."""
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return text if len(text) <= MAX_CELL_TEXT else text[: MAX_CELL_TEXT - 1] + "…"


def cached_values(sheet: Worksheet) -> dict[tuple[int, int], Cached]:
    """The engine's values of the sheet's formula cells, by (row, column), for the saving path."""
    found: dict[tuple[int, int], Cached] | None = sheet.__dict__.get(CACHED)
    if found is None:
        found = sheet.__dict__[CACHED] = {}
    return found


def shown(value: float | None) -> float | str:
    """An engine figure as its formula shows it: "n/a" where the engine has none (a division by zero)."""
    return NOT_AVAILABLE if value is None else value


def col(index: int) -> str:
    return get_column_letter(index)


def ref(row: int, column: int, *, sheet: str | None = None, absolute: bool = True) -> str:
    """``$B$5`` (or ``B5``), prefixed with the quoted sheet name when given."""
    dollar = "$" if absolute else ""
    address = f"{dollar}{get_column_letter(column)}{dollar}{row}"
    return f"{quote_sheetname(sheet)}!{address}" if sheet else address


def cell(row: int, column: int, *, fix_row: bool = False, fix_column: bool = False, sheet: str | None = None) -> str:
    """``D5``, ``$D5`` or ``D$5``: a reference that moves (or not) when copied."""
    address = f"{'$' if fix_column else ''}{get_column_letter(column)}{'$' if fix_row else ''}{row}"
    return f"{quote_sheetname(sheet)}!{address}" if sheet else address


def row_span(row: int, first_column: int, last_column: int, *, sheet: str | None = None) -> str:
    """``$D$5:$O$5`` of one row (on another sheet when given)."""
    address = f"{ref(row, first_column)}:{ref(row, last_column)}"
    return f"{quote_sheetname(sheet)}!{address}" if sheet else address


def span(first_row: int, last_row: int, column: int, *, sheet: str | None = None) -> str:
    """``$D$5:$D$9`` of one column (on another sheet when given)."""
    letter = get_column_letter(column)
    address = f"${letter}${first_row}:${letter}${last_row}"
    return f"{quote_sheetname(sheet)}!{address}" if sheet else address


class SheetWriter:
    """Puts values, text and formulas on one worksheet with the workbook's named styles."""

    def __init__(self, sheet: Worksheet, styles: Styles) -> None:
        self.sheet = sheet
        self.styles = styles
        self._cells: dict[tuple[int, int], Cell] = sheet._cells
        self.cached = cached_values(sheet)

    def new_cell(self, row: int, column: int) -> Cell:
        """A fresh cell at (row, column), in place of any there: every cell is written once.

        Straight into the sheet's table of cells: ``sheet.cell()`` checks the coordinates and
        looks the cell up three times, a third of the time of building a sheet of formulas;
        ours come from the layout, and each is written once with its value and style."""
        cell = self._cells[(row, column)] = Cell(self.sheet, row, column)
        return cell

    def put(self, row: int, column: int, value: Any, style: StyleArray) -> Cell:
        """A number or one of our formulas, with a style array from ``styles.array``."""
        cell = self.new_cell(row, column)
        if type(value) in (int, float):  # the usual case, without openpyxl's checks for text
            cell._value = value
            cell.data_type = "n"
        elif value is not None:
            cell.value = value
        cell._style = style
        return cell

    def put_formula(self, row: int, column: int, formula: str, style: StyleArray, cached: Cached = None) -> Cell:
        """One of our own formulas: stored as a formula without openpyxl's checks for user text
        (ours hold no control characters), which would cost more than the rest of the cell.
        ``cached``: the value the engine computed for it (None: none, the cell is left to recalculate)."""
        cell = self.new_cell(row, column)
        cell._value = formula
        cell.data_type = "f"
        cell._style = style
        if cached is not None:
            self.cached[(row, column)] = cached
        return cell

    def number(self, row: int, column: int, value: Any, role: str = "formula", fmt: str = "General") -> Cell:
        return self.put(row, column, value, self.styles.array(role, fmt))

    def formula(
        self, row: int, column: int, formula: str, role: str = "formula", fmt: str = "General", cached: Cached = None
    ) -> Cell:
        return self.put_formula(row, column, formula, self.styles.array(role, fmt), cached)

    def text(self, row: int, column: int, value: Any, role: str = "text") -> Cell:
        """User or app text, never a formula."""
        text = clean_text(value)
        cell = self.new_cell(row, column)
        cell._value = text  # stored as text, never as a formula (openpyxl would make "=..." one)
        cell.data_type = "s"
        if text.startswith(FORMULA_LIKE):
            cell._style = copy(self.styles.array(role))  # its own: the quote prefix changes it
            cell.quotePrefix = True
        else:
            cell._style = self.styles.array(role)  # shared, never changed in place
        return cell

    def heading(self, title: str, note: str) -> None:
        """Every sheet opens with its title in A1 and a line on how to read it in A2."""
        self.text(1, 1, title, "title")
        self.text(2, 1, note, "note")

    def header(self, row: int, labels: list[str], first_column: int = 1, *, lines: int = 1) -> None:
        """A header row; ``lines`` > 1 makes it tall enough for labels that wrap."""
        for offset, label in enumerate(labels):
            self.text(row, first_column + offset, label, "header")
        if lines > 1:
            self.sheet.row_dimensions[row].height = 13 * lines + 2

    def fit_height(self, row: int, texts: dict[int, str], kinds: dict[int, str]) -> None:
        """A row tall enough for wrapped ``texts`` (column -> text) in columns of these kinds;
        spreadsheet apps do not grow rows to fit wrapped text when they open a file. At most
        Excel's tallest row (409 points): a text of thousands of characters scrolls in its cell."""
        widths = {c: WIDTHS[k] for c, k in kinds.items()}
        lines = max((wrapped_lines(t, w * 1.1) for c, t in texts.items() if (w := widths.get(c))), default=1)
        if lines > 1:
            self.sheet.row_dimensions[row].height = min(13 * lines + 2, MAX_ROW_POINTS)

    def label(self, row: int, column: int, text: str, kind: str, role: str = "label") -> Cell:
        """A row's label in a column of this kind: wrapped, its row taller, when it is longer than the
        column is wide (never cut by the figure beside it, on screen or on paper)."""
        if len(text) * LABEL_CHARACTER <= WIDTHS[kind] or role != "label":
            return self.text(row, column, text, role)
        found = self.text(row, column, text, "wrapped label")
        self.fit_height(row, {column: text}, {column: kind})
        return found

    def widths(self, kinds: dict[int, str]) -> None:
        """Each column's width by its kind (``layout.WIDTHS``: the one place widths are decided)."""
        for column, kind in kinds.items():
            self.sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[kind]


def wrapped_lines(text: str, room: float) -> int:
    """The lines ``text`` wraps into, ``room`` characters a line, broken between words as a
    spreadsheet breaks them (a word longer than a line takes the lines it needs)."""
    lines, used = 0, room  # no line begun
    for word in text.split():
        if used + 1 + len(word) <= room:
            used += 1 + len(word)
        else:
            lines += max(1, math.ceil(len(word) / room))
            used = len(word) % room if len(word) > room else len(word)
    return max(1, lines)


def put_text(cell: Cell, value: Any) -> Cell:
    """Store ``value`` as text in ``cell``, never as a formula."""
    cell.value = clean_text(value)
    cell.data_type = "s"  # openpyxl made "=..." a formula: it is not one
    return cell
