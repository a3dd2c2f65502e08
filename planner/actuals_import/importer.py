"""Import a plan's actuals from a CSV file: monthly totals, or a CRM's record export.

- **Monthly totals**: a month column (``2027-03``, ``Mar 2027``, ``3/2027`` or a plan month
  number) and figure columns matched by name (``SQLs``, ``closed won``, ``bookings``...).
- **Record exports**: one row per lead or deal (HubSpot, Salesforce); a :class:`Mapping`
  says which rows count as what, in the month of which date.

:func:`import_actuals` returns an :class:`ImportResult` (plan month -> figure -> value and
an :class:`ImportReport`), or the question the file asks and nothing in it answers: which of
several columns holds a figure (:class:`AmbiguousColumns`), whether ``52.000`` is thousands
(:class:`AmbiguousNumbers`), whether ``03/04/2027`` is day first (:class:`AmbiguousDates`).
It never picks a column or a separator silently. It raises :class:`ActualsImportError` for a
file that cannot be used. Months are placed by the plan's first month; rows outside its months
are counted, not imported. Every figure passes the checks of opening a plan file (a count of
at most 10,000,000, an amount of at most 1,000,000,000,000): a cell that does not is skipped
with its reason, and only its figure is lost, not the row.
"""

from __future__ import annotations

from planner.actuals_import.csv_read import ActualsImportError, CsvTable, read_csv
from planner.actuals_import.csv_values import PLAN_MONTH, parse_amount, parse_month, parse_plan_month
from planner.actuals_import.mapping import (
    FIGURES,
    Mapping,
    Rule,
    amount_candidates,
    column_candidates,
    figure_columns,
    guess_mapping,
    month_column,
    month_columns,
    normal,
)
from planner.actuals_import.records import import_records
from planner.actuals_import.report import (
    AmbiguousColumns,
    AmbiguousDates,
    AmbiguousNumbers,
    ImportReport,
    ImportResult,
    Question,
    Skipped,
    merge_actuals,
)
from planner.actuals_import.rows import (
    Collector,
    Kept,
    PlanMonths,
    decimal_marks,
    figure_problem,
    file_order,
    keep_rows,
)

__all__ = [
    "FIGURES",
    "ActualsImportError",
    "AmbiguousColumns",
    "AmbiguousDates",
    "AmbiguousNumbers",
    "ImportReport",
    "ImportResult",
    "Mapping",
    "PlanMonths",
    "Question",
    "Rule",
    "TotalsColumns",
    "guess_mapping",
    "import_actuals",
    "merge_actuals",
    "read_csv",
    "totals_columns",
]

TOTAL_ROWS = ("total", "totals", "grand total", "sum", "ytd", "year to date")


def import_actuals(
    source: bytes | CsvTable,
    start_month: str,
    horizon: int,
    *,
    mapping: Mapping | None = None,
    day_first: bool | None = None,
    decimal_comma: bool | None = None,
    name: str = "The file",
) -> ImportResult | Question:
    """The actuals in a CSV file (bytes, or a table already read) for a plan starting in
    ``start_month`` ("YYYY-MM") over ``horizon`` months, or the question the file asks.

    A mapping with rules reads a record export. Without rules, a file with a month column and a
    figure column is a monthly-totals file (``mapping.columns`` says which column holds what where
    more than one could); else a record export of a known CRM (:func:`guess_mapping`).
    ``mapping.only`` keeps only some rows. ``day_first`` and ``decimal_comma`` are the person's
    answers to the date and number questions; every figure passes the plan file's checks.
    """
    table = source if isinstance(source, CsvTable) else read_csv(source, name)
    months = PlanMonths(start_month, horizon)
    mapping = mapping or Mapping()
    problems = mapping.choice_problems(table.header)
    if problems:
        raise ActualsImportError("\n".join([f"“{name}” cannot be read so:", *problems]))
    if not mapping.rules:
        found = totals_columns(table)
        if found is not None:
            chosen = found.choose(mapping.columns)
            if isinstance(chosen, AmbiguousColumns):
                return chosen
            kept = keep_rows(table, mapping.only, name)
            return _import_totals(kept, months, *chosen, day_first, decimal_comma, name, mapping)
        guessed = guess_mapping(table.header)
        if guessed is None:
            month = month_column(table.header) or _month_column_by_values(table)
            raise ActualsImportError(_unrecognised(table, name, month, figure_columns(table.header)))
        amount = mapping.columns.get("revenue")
        if amount is None:
            candidates = amount_candidates(table.header)
            if len(candidates) > 1:
                return AmbiguousColumns((("amount", candidates),))
            amount = guessed.amount_column
        mapping = Mapping(guessed.stage_column, amount, guessed.rules, mapping.columns, mapping.only)
    problems = mapping.problems(table.header)
    named = [what for what, column in mapping.columns.items() if column and what != "revenue"]
    if named:  # a record export has no column of sales-ready leads or wins: its rows are counted
        problems.append(
            f"Columns are named for {', '.join(named)}, but this is an export of one row per lead or deal: "
            "say which rows count as what (a date column and stage values), and the amount of a win."
        )
    if problems:
        raise ActualsImportError("\n".join([f"“{name}” cannot be read with this mapping:", *problems]))
    kept = keep_rows(table, mapping.only, name)
    return import_records(kept, months, mapping, day_first, decimal_comma, name)


class TotalsColumns:
    """The columns of a monthly-totals file that could hold the month and each figure."""

    def __init__(self, month: tuple[str, ...], figures: dict[str, tuple[str, ...]]) -> None:
        self.month = month
        self.figures = figures

    def choose(self, chosen: dict[str, str]) -> tuple[str, dict[str, str]] | AmbiguousColumns:
        """(the month column, figure -> its column): the person's choice, else the one column
        that could hold it; the question when more than one could and none is chosen."""
        asked: list[tuple[str, tuple[str, ...]]] = []
        month = chosen.get("month") or (self.month[0] if len(self.month) == 1 else "")
        if not month:
            asked.append(("month", self.month))
        taken = {month, *chosen.values()}  # a column chosen for one figure is no candidate for another
        columns: dict[str, str] = {}
        for figure in FIGURES:
            candidates = tuple(c for c in self.figures.get(figure, ()) if c not in taken)
            if figure in chosen:
                if chosen[figure]:
                    columns[figure] = chosen[figure]
            elif len(candidates) == 1:
                columns[figure] = candidates[0]
            elif candidates:
                asked.append((figure, candidates))
        if asked:
            return AmbiguousColumns(tuple(asked))
        if not columns:
            raise ActualsImportError("No figure column is chosen: say which column holds at least one figure.")
        return month, columns


def totals_columns(table: CsvTable) -> TotalsColumns | None:
    """The month and figure columns of a monthly-totals file; None for a record export.

    A month column named so (Month, Period) with a figure column makes a monthly-totals file;
    else the header of a known CRM export makes a record export; else a column of months
    under any name will do.
    """
    months = month_columns(table.header)
    figures = column_candidates([h for h in table.header if h not in months])
    if months and figures:
        return TotalsColumns(months, figures)
    if guess_mapping(table.header) is not None:
        return None
    month = _month_column_by_values(table)
    if month is None:
        return None
    figures = column_candidates([h for h in table.header if h != month])
    return TotalsColumns((month,), figures) if figures else None


def _unrecognised(table: CsvTable, name: str, month: str | None, figures: dict[str, str]) -> str:
    columns = ", ".join(f"“{h}”" for h in table.header[:12]) + (" …" if len(table.header) > 12 else "")
    if month and not figures:
        why = f"it has a month column (“{month}”) but no figure column"
    elif figures and not month:
        why = f"it has figures ({', '.join(f'“{c}”' for c in figures.values())}) but no month column"
    else:
        why = "it has neither a month column with figures nor the columns of a HubSpot or Salesforce export"
    return (
        f"“{name}” cannot be imported: {why}. Lead Planner reads a month column (Month, Period) with figures "
        "(Sales-ready leads or SQLs, Opportunities, Wins, Revenue, Cost), or a CRM export mapped column by "
        f"column. The file's columns: {columns}."
    )


def _month_column_by_values(table: CsvTable) -> str | None:
    """The first column whose first values are all calendar months (a header we did not know)."""
    sample = table.rows[:20]
    for index, header in enumerate(table.header):
        values = [row[index] for row in sample if row[index].strip()]
        if not values:
            continue
        if all(_looks_like_month(value) for value in values):
            return header
    return None


def _looks_like_month(value: str) -> bool:
    for day_first in (False, True):
        try:
            parse_month(value, day_first)
        except ValueError:
            continue
        return True
    return False


def _import_totals(
    kept: Kept,
    months: PlanMonths,
    month_header: str,
    figures: dict[str, str],
    day_first: bool | None,
    decimal_comma: bool | None,
    name: str,
    mapping: Mapping,
) -> ImportResult | Question:
    table = kept.table
    at = table.column(month_header)
    values = [v for v in (row[at].strip() for row in table.rows) if v and normal(v) not in TOTAL_ROWS]
    plan_numbers = all(_is_plan_number(v) for v in values)
    order: bool | None = None
    if not plan_numbers:
        decided = file_order(table, [month_header], day_first, name)
        if isinstance(decided, AmbiguousDates):
            return decided
        order = decided
    marks = decimal_marks(table, list(figures.values()), decimal_comma)
    if isinstance(marks, AmbiguousNumbers):
        return marks
    columns = [(figure, table.column(header), header) for figure, header in figures.items()]
    out = Collector(months, kept)
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        cell = row[at].strip()
        if not cell:
            if any(row[i].strip() for _, i, _ in columns):
                out.skip(number, "it has no month")
            continue
        if normal(cell) in TOTAL_ROWS:
            out.skip(number, f"“{cell}” is a total, not a month")
            continue
        try:
            plan_month = parse_plan_month(cell) if plan_numbers else months.of(*parse_month(cell, order))
        except ValueError as error:
            out.skip(number, str(error))
            continue
        found: dict[str, float] = {}
        bad: list[Skipped] = []
        for figure, index, header in columns:
            text = row[index]
            if not text.strip():
                continue  # not reported
            try:
                value = parse_amount(text, marks[header])
            except ValueError as error:
                bad.append(Skipped(number, str(error), header))
                continue
            problem = figure_problem(figure, value)
            if problem:
                bad.append(Skipped(number, problem, header))
            else:
                found[figure] = value
        if not found and not bad:
            continue
        if not 1 <= plan_month <= months.horizon:
            out.outside += 1
            if plan_numbers:
                out.outside_months[(0, plan_month)] = f"month {plan_month}"
            else:
                year, month = parse_month(cell, order)
                out.place(year, month)
            continue
        out.skipped += bad  # a bad cell drops its figure; the row's other figures count
        for figure, value in found.items():
            out.add(plan_month, figure, value)
        out.used += bool(found)
    return out.result("totals", table, name, mapping if mapping.columns or mapping.only else None)


def _is_plan_number(value: str) -> bool:
    """``3`` or ``Month 3`` (``0`` too: then a row that is wrong, not a calendar month)."""
    return PLAN_MONTH.fullmatch(value) is not None
