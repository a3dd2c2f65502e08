"""The workbook's look: named cell styles (input, formula, header, ...) and number formats.

Inputs are blue on pale yellow with a border, the spreadsheet convention for "type here";
formulas are black; figures copied from the app at export time ("as exported") are grey.
Each style is made once per workbook and shared by the cells that use it.
"""

from __future__ import annotations

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.workbook import Workbook

from planner.numbers.formatting import currency_symbol

NAVY = "1F3864"
INPUT_BLUE = "0B3D91"
INPUT_FILL = "FFF2CC"
GREY = "595959"
THIN = Side(style="thin", color="BFBFBF")

PERCENT = "0.0%"
COUNT = "#,##0"  # whole leads and people: tables whose columns subtract
RATE_COUNT = "#,##0.0"  # a per-person or per-week figure, where a tenth matters
GAP = '#,##0;#,##0" surplus";0'  # a gap; a negative gap is a surplus ("74 surplus", as the app and report say)
AHEAD = '#,##0;#,##0" ahead";0'  # a cumulative gap; negative is ahead of plan
WEIGHT = "0.00"
MONTH_LABEL = "mmm yyyy"


def gap_money_format(money: str) -> str:
    """A money gap in the plan's currency; a negative gap is a surplus: ``"$"#,##0;"$"#,##0" surplus";0``."""
    symbol = money.split("#")[0]
    return f'{symbol}#,##0;{symbol}#,##0" surplus";0'


def money_format(currency: str) -> str:
    """``"$"#,##0`` for USD; the plan's currency symbol, quoted, for the others."""
    symbol = currency_symbol(currency).replace('"', "")
    quoted = f'"{symbol}"' if symbol else ""
    return f"{quoted}#,##0;-{quoted}#,##0"


# role -> (font, fill, border, alignment)
ROLES: dict[str, tuple[Font, PatternFill | None, Border | None, Alignment | None]] = {
    "input": (
        Font(color=INPUT_BLUE, bold=True),
        PatternFill("solid", fgColor=INPUT_FILL),
        Border(left=THIN, right=THIN, top=THIN, bottom=THIN),
        None,
    ),
    "formula": (Font(color="000000"), None, None, None),
    # a value beside wrapped text, any format (months are General): at the top of its row, as the text is
    "top figure": (Font(color="000000"), None, None, Alignment(horizontal="right", vertical="top")),
    "linked": (Font(color=GREY, italic=True), None, None, None),
    "total": (Font(bold=True), None, Border(top=Side(style="thin", color="000000")), None),
    "result": (Font(bold=True, color=NAVY), PatternFill("solid", fgColor="DDEBF7"), None, None),
    "text": (Font(), None, None, Alignment(vertical="top")),
    "wrap": (Font(), None, None, Alignment(wrap_text=True, vertical="top")),
    "label": (Font(), None, None, Alignment(vertical="top", indent=1)),
    "wrapped label": (Font(), None, None, Alignment(wrap_text=True, vertical="top", indent=1)),
    "centered": (Font(), None, None, Alignment(horizontal="center", vertical="top")),
    "nested": (Font(), None, None, Alignment(wrap_text=True, vertical="top", indent=3)),
    "bold": (Font(bold=True), None, None, Alignment(vertical="top")),
    "note": (Font(italic=True, color=GREY), None, None, Alignment(vertical="top")),
    "banner": (Font(bold=True, color="9C0006"), None, None, Alignment(vertical="top")),  # text at export is stale
    "wrapped note": (Font(italic=True, color=GREY), None, None, Alignment(wrap_text=True, vertical="top")),
    "title": (Font(bold=True, size=16, color=NAVY), None, None, None),
    "section": (Font(bold=True, size=12, color=NAVY), None, Border(bottom=Side(style="medium", color=NAVY)), None),
    "header": (
        Font(bold=True, color="FFFFFF"),
        PatternFill("solid", fgColor=NAVY),
        None,
        Alignment(wrap_text=True, vertical="center", horizontal="center"),
    ),
    "verdict": (Font(bold=True, size=12), None, None, Alignment(wrap_text=True, vertical="top")),
    "link": (Font(color="0563C1", underline="single"), None, None, None),
}

RIGHT = Alignment(horizontal="right", vertical="top")


class SharedStyleArray(StyleArray):
    """A style array shared by many cells and never changed: its hash is worked out once.

    openpyxl hashes a cell's style array twice for every cell it saves (to find its style
    index); for a workbook of thousands of formatted cells that is a tenth of the save.
    """

    __slots__ = ("_hash",)

    def __new__(cls, values: StyleArray) -> SharedStyleArray:
        made = super().__new__(cls, values)
        made._hash = hash(tuple(values))
        return made

    def __hash__(self) -> int:
        return self._hash


class Styles:
    """The cell styles of one workbook: ``styles.array("input", "money")``.

    Each (role, number format) is made once on a scratch cell with openpyxl's public style
    attributes; the cells that use it share its style array, so styling a cell costs one
    dict lookup (the export writes thousands of cells and must stay within 1.3x of raw openpyxl).
    """

    def __init__(self, workbook: Workbook, currency: str) -> None:
        self.workbook = workbook
        self.money = money_format(currency)
        self._arrays: dict[tuple[str, str], StyleArray] = {}

    def array(self, role: str, number_format: str = "General") -> StyleArray:
        """The style array for ``role`` and ``number_format``; never change it in place (copy it)."""
        key = (role, number_format)
        found = self._arrays.get(key)
        if found is None:
            found = self._arrays[key] = self._make(role, number_format)
        return found

    def _make(self, role: str, number_format: str) -> StyleArray:
        font, fill, border, alignment = ROLES[role]
        cell = Cell(self.workbook.worksheets[0])  # a scratch cell, never added to the sheet
        cell.font = font
        if fill is not None:
            cell.fill = fill
        if border is not None:
            cell.border = border
        if role == "input":
            cell.protection = Protection(locked=False)  # the sheets are protected: inputs stay open
        if alignment is not None:
            cell.alignment = alignment
        elif number_format != "General":
            cell.alignment = RIGHT
        cell.number_format = self.money if number_format == "money" else number_format
        return SharedStyleArray(cell._style)
