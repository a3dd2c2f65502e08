"""The "Since last review" sheet: this plan against the last review's, when the export was given one.

It describes two files, so it holds values, not formulas: the answers of each plan, each driver's
move of this year's gap and of the revenue gap (applied alone to the last review's plan; "together"
last, so the moves add up to the whole move), and each changed input before and after, written as
the app shows it. Row names are user text: always text, never a formula (``SheetWriter.text``).
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.comparison_rows import NO_HIRE, AnswerRow, answer_rows, change_rows, effect_rows, memo_line
from exports.excel.cells import SheetWriter
from exports.excel.styles import COUNT, GAP, Styles, gap_money_format
from planner.compare.comparison import Comparison
from planner.numbers.formatting import NOT_AVAILABLE

KINDS = {1: "label", 2: "figure", 3: "gap money", 4: "sentence"}  # 118 wide: one page across
LEADS_MOVE = "+#,##0.0;-#,##0.0;0.0"  # a move of the gap in leads: signed, a tenth (the moves add up)


def write_since(sheet: Worksheet, styles: Styles, comparison: Comparison, since: str) -> None:
    w = SheetWriter(sheet, styles)
    then = f"the last review's ({since})" if since else "the last review's"
    w.heading(
        "Since last review",
        f"This plan against {then}, as exported: values, not formulas, since they describe two files.",
    )
    w.text(4, 1, memo_line(comparison, since), "bold")
    row = _answers(w, comparison, since, 6)
    if comparison.changed:
        row = _moves(w, comparison, row + 2)
        _changes(w, comparison, row + 2)
    w.widths(KINDS)


def _answers(w: SheetWriter, comparison: Comparison, since: str, row: int) -> int:
    w.text(row, 1, "The answers", "section")
    row += 1
    w.header(row, ["Answer", "Last review" + (f", {since}" if since else ""), "Now"])
    for found in answer_rows(comparison):
        row += 1
        w.text(row, 1, found.label, "label")
        for column, value in ((2, found.before), (3, found.after)):
            _answer(w, row, column, found, value)
    return row


def _answer(w: SheetWriter, row: int, column: int, found: AnswerRow, value: object) -> None:
    """A number with the format its answer takes; a status, a month or a figure there is none of as text."""
    formats = {"leads": GAP, "gap money": gap_money_format(w.styles.money), "money": "money", "reps": COUNT}
    if found.kind in formats and value is not None:
        w.number(row, column, value, "formula", formats[found.kind])
    else:
        w.text(row, column, NO_HIRE if found.kind == "reps" else NOT_AVAILABLE if value is None else value)


def _moves(w: SheetWriter, comparison: Comparison, row: int) -> int:
    w.text(
        row, 1, "What moved the gaps, driver by driver (each change applied alone to the last review's plan)", "section"
    )
    w.header(row + 1, ["What changed", "This year's gap (sales-ready leads)", "Revenue gap", "Driver"], lines=2)
    row += 1
    for effect in effect_rows(comparison):
        row += 1
        w.label(row, 1, effect.text, "label")
        w.number(row, 2, effect.srl_gap, "formula", LEADS_MOVE)
        w.number(row, 3, effect.revenue_gap, "formula", "money")
        w.text(row, 4, effect.driver)
    row += 1
    w.text(row, 1, "Total move", "total")
    w.number(row, 2, comparison.year_gap_move, "total", LEADS_MOVE)
    w.number(row, 3, comparison.revenue_gap_move, "total", "money")
    return row


def _changes(w: SheetWriter, comparison: Comparison, row: int) -> None:
    w.text(row, 1, "The inputs that changed", "section")
    w.header(row + 1, ["Input", "Before", "After"])
    row += 1
    for found in change_rows(comparison):
        row += 1
        w.label(row, 1, found.label, "label")
        w.text(row, 2, found.before, "wrap")
        w.text(row, 3, found.after, "wrap")
        w.fit_height(row, {2: found.before, 3: found.after}, KINDS)
