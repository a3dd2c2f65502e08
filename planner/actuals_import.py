"""Import a plan's actuals from a CSV file: monthly totals, or a CRM's record export.

- **Monthly totals**: a month column (``2027-03``, ``Mar 2027``, ``3/2027`` or a plan month
  number) and figure columns matched by name (``SQLs``, ``closed won``, ``bookings``...).
- **Record exports**: one row per lead or deal (HubSpot, Salesforce); a :class:`Mapping`
  says which rows count as what, in the month of which date.

:func:`import_actuals` returns an :class:`ImportResult` (plan month -> figure -> value and
an :class:`ImportReport`), or :class:`AmbiguousDates` when the file's day/month order must
be asked; it raises :class:`ActualsImportError` for a file that cannot be used. Months are
placed by the plan's first month; rows outside its months are counted, not imported.
"""

from __future__ import annotations

from planner.actuals_mapping import FIGURES, Mapping, Rule, figure_columns, guess_mapping, month_column, normal
from planner.actuals_records import import_records
from planner.actuals_report import AmbiguousDates, ImportReport, ImportResult, Skipped, merge_actuals
from planner.actuals_rows import Collector, PlanMonths, comma_decimal, file_order
from planner.csv_read import ActualsImportError, CsvTable, read_csv
from planner.csv_values import PLAN_MONTH, parse_amount, parse_month, parse_plan_month

__all__ = [
    "FIGURES",
    "ActualsImportError",
    "AmbiguousDates",
    "ImportReport",
    "ImportResult",
    "Mapping",
    "PlanMonths",
    "Rule",
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
    name: str = "The file",
) -> ImportResult | AmbiguousDates:
    """The actuals in a CSV file (bytes, or a table already read) for a plan starting in
    ``start_month`` ("YYYY-MM") over ``horizon`` months.

    With ``mapping`` the file is a record export; without, a monthly-totals file when it has a
    month column and a figure column, else a record export of a known CRM (:func:`guess_mapping`).
    """
    table = source if isinstance(source, CsvTable) else read_csv(source, name)
    months = PlanMonths(start_month, horizon)
    if mapping is None:
        columns = totals_columns(table)
        if columns:
            return _import_totals(table, months, *columns, day_first, name)
        mapping = guess_mapping(table.header)
        if mapping is None:
            month = month_column(table.header) or _month_column_by_values(table)
            raise ActualsImportError(_unrecognised(table, name, month, figure_columns(table.header)))
    problems = mapping.problems(table.header)
    if problems:
        raise ActualsImportError("\n".join([f"“{name}” cannot be read with this mapping:", *problems]))
    return import_records(table, months, mapping, day_first, name)


def totals_columns(table: CsvTable) -> tuple[str, dict[str, str]] | None:
    """(the month column, figure -> its column) of a monthly-totals file; None for a record export.

    A month column named so (Month, Period) with a figure column makes a monthly-totals file;
    else the header of a known CRM export makes a record export; else a column of months
    under any name will do.
    """
    month = month_column(table.header)
    figures = figure_columns([h for h in table.header if h != month])
    if month and figures:
        return month, figures
    if guess_mapping(table.header) is not None:
        return None
    month = month or _month_column_by_values(table)
    figures = figure_columns([h for h in table.header if h != month])
    return (month, figures) if month and figures else None


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
    table: CsvTable,
    months: PlanMonths,
    month_header: str,
    figures: dict[str, str],
    day_first: bool | None,
    name: str,
) -> ImportResult | AmbiguousDates:
    at = table.column(month_header)
    values = [v for v in (row[at].strip() for row in table.rows) if v and normal(v) not in TOTAL_ROWS]
    plan_numbers = all(_is_plan_number(v) for v in values)
    order: bool | None = None
    if not plan_numbers:
        decided = file_order(table, [month_header], day_first, name)
        if isinstance(decided, AmbiguousDates):
            return decided
        order = decided
    columns = [(figure, table.column(header), header) for figure, header in figures.items()]
    commas = {f: comma_decimal(table, i) for f, i, _ in columns}
    out = Collector(months)
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        cell = row[at].strip()
        if not cell:
            if any(row[i].strip() for _, i, _ in columns):
                out.skipped.append(Skipped(number, "it has no month"))
            continue
        if normal(cell) in TOTAL_ROWS:
            out.skipped.append(Skipped(number, f"“{cell}” is a total, not a month"))
            continue
        try:
            plan_month = parse_plan_month(cell) if plan_numbers else months.of(*parse_month(cell, order))
        except ValueError as error:
            out.skipped.append(Skipped(number, str(error)))
            continue
        found: dict[str, float] = {}
        problem = ""
        for figure, index, header in columns:
            if row[index].strip():
                try:
                    found[figure] = parse_amount(row[index], commas[figure])
                except ValueError as error:
                    problem = f"{error} (in “{header}”)"
                    break
        if problem:
            out.skipped.append(Skipped(number, problem))
            continue
        if not found:
            continue
        if not 1 <= plan_month <= months.horizon:
            out.outside += 1
            if plan_numbers:
                out.outside_months[(0, plan_month)] = f"month {plan_month}"
            else:
                year, month = parse_month(cell, order)
                out.place(year, month)
            continue
        totals = out.totals.setdefault(plan_month, {})
        for figure, value in found.items():
            totals[figure] = totals.get(figure, 0) + value
        out.used += 1
    return out.result("totals", table, name)


def _is_plan_number(value: str) -> bool:
    """``3`` or ``Month 3`` (``0`` too: then a row that is wrong, not a calendar month)."""
    return PLAN_MONTH.fullmatch(value) is not None
