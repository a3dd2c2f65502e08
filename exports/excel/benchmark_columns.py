"""The Inputs sheet's benchmarks: beside each input its industry's range, its source and a live flag.

Only for a plan that names its industry (``basics.industry``); without one the Inputs sheet is as
it always was. The low, typical and high figures and the source are plain values written at
export (the source is text, never a formula); the flag ``Outside`` is a formula of the input's own
cell (a target's named cell, a team's or a program's cell on the Labor or Channels sheet), so it
follows the input when the CEO changes it in the workbook. The targets' ranges sit in the columns
right of their rows; the teams' and programs' inputs (typed on the Labor and Channels sheets) are
listed in a block of their own below Lead Planner's rules, each with a link to its cell.
"""

from __future__ import annotations

from typing import NamedTuple

from exports.excel.cells import SheetWriter, ref
from exports.excel.layout import CHANNELS, LABOR, LaborColumn, Layout, ProgramColumn
from exports.excel.styles import PERCENT, RATE_COUNT
from planner.benchmarks.library import FIGURES, Library, Range
from planner.benchmarks.standing import Assumption, assumptions, library_or_built_in
from planner.plan.model import Plan

LOW, TYPICAL, HIGH, SOURCE, FLAG = 5, 6, 7, 8, 9
# the source column is narrow enough for the range columns to print on one more page across, beside
# the labels (column A prints on every page): 44 + 3 x 13 + 40 + 14 characters
KINDS = {LOW: "number", TYPICAL: "number", HIGH: "number", SOURCE: "wide sentence", FLAG: "tag"}
OUTSIDE = "Outside"
FORMATS = {"rate": PERCENT, "months": "General", "count": RATE_COUNT, "money": "money"}
UNITS = {"rate": "%", "months": "months", "count": "leads", "money": ""}
LABOR_COLUMNS = {
    "srl_per_person_month": LaborColumn.PER_PERSON,
    "cost_per_person_month": LaborColumn.COST,
    "attrition_rate": LaborColumn.ATTRITION,
}


class Benchmarks(NamedTuple):
    """A plan's inputs beside its industry's ranges, by plan path (empty without an industry)."""

    industry: str  # the industry's name ("" without one)
    by_path: dict[str, Assumption]

    def __bool__(self) -> bool:
        return bool(self.industry)


def benchmarks_of(plan: Plan, library: Library | None) -> Benchmarks:
    industry = library_or_built_in(library).industry(plan.basics.industry)
    if industry is None:
        return Benchmarks("", {})
    return Benchmarks(industry.name, {a.path: a for a in assumptions(plan, library)})


def source_text(ranged: Range) -> str:
    """ "FirstSales, Win Rate | Sales Glossary, 2024: https://…" (and the range's note): text, never a formula."""
    text = f"{ranged.source.cited}: {ranged.source.url}"
    return f"{text} ({ranged.note})" if ranged.note else text


def flag_formula(value: str, row: int) -> str:
    """``=IF(OR(WinRate<$E$17,WinRate>$G$17),"Outside","")``: live on the input's own cell."""
    low, high = ref(row, LOW), ref(row, HIGH)
    return f'=IF(OR({value}<{low},{value}>{high}),"{OUTSIDE}","")'


def header(w: SheetWriter, row: int, industry: str) -> None:
    labels = ["Low", "Typical", "High", f"Source of the range for {industry}", "Range check"]
    for column, label in zip(KINDS, labels, strict=True):
        w.text(row, column, label, "header")


def write_range(
    w: SheetWriter, row: int, value: str, found: Assumption, texts: dict[int, str], kinds: dict[int, str]
) -> None:
    """The range of one input in ``row``: its low, typical and high as values, the source, the flag
    (a formula of ``value``, the input's cell); the row as tall as the longest of its wrapped
    ``texts`` (column -> text, in columns of ``kinds``) and the source."""
    number_format = FORMATS[FIGURES[found.figure].kind]
    ranged = found.range
    for column, figure in ((LOW, ranged.low), (TYPICAL, ranged.typical), (HIGH, ranged.high)):
        w.number(row, column, figure, "top figure", number_format)
    source = source_text(ranged)
    w.text(row, SOURCE, source, "wrapped note")
    w.formula(row, FLAG, flag_formula(value, row), "bold", cached=OUTSIDE if found.outside else "")
    w.fit_height(row, {**texts, SOURCE: source}, kinds)


def below(plan: Plan, benchmarks: Benchmarks) -> list[tuple[Assumption, str, str]]:
    """The teams' and programs' inputs with a range, each with its sheet (Labor or Channels) and its
    cell there (``'Labor'!$H$5``)."""
    layout = Layout.for_plan(plan)
    programs = {channel: position for position, channel in enumerate(layout.program_indexes)}
    found = []
    for a in benchmarks.by_path.values():
        section, _, field = a.path.partition(".")
        if section == "targets":
            continue
        index = int(section[section.index("[") + 1 : -1])
        if section.startswith("labor"):
            sheet, row, column = LABOR, layout.labor_inputs.row(index), LABOR_COLUMNS[field]
        else:
            sheet, row, column = CHANNELS, layout.program_inputs.row(programs[index]), ProgramColumn.PER_LEAD
        found.append((a, sheet, ref(row, column, sheet=sheet)))
    return found


def write_block(w: SheetWriter, plan: Plan, benchmarks: Benchmarks, first: int, kinds: dict[int, str]) -> None:
    """The teams' and programs' inputs with a range, from row ``first`` (its section title); ``kinds``:
    the sheet's columns (1 the label, 2 the value, 3 the unit, 4 the note, then ``KINDS``)."""
    found = below(plan, benchmarks)
    if not found:
        return
    w.text(first, 1, f"Teams and programs against the ranges for {benchmarks.industry}", "section")
    w.header(first + 1, ["Input", "Value", "Unit", "Where it is typed"])
    header(w, first + 1, benchmarks.industry)
    for row, (assumption, sheet, cell) in enumerate(found, first + 2):
        kind = FIGURES[assumption.figure].kind
        text = f"{FIGURES[assumption.figure].label}: {assumption.row}"
        w.text(row, 1, text, "wrapped label")
        w.formula(row, 2, f"={cell}", "linked", FORMATS[kind], cached=assumption.value)
        w.text(row, 3, UNITS[kind])
        where = f"Typed on the {sheet} sheet: change it there"
        w.text(row, 4, where, "wrapped note")
        write_range(w, row, cell, assumption, {1: text, 4: where}, kinds)
