"""Rows of a CSV file turned into monthly totals: the parts the monthly-totals import and the
record-export import share (the plan's months, the file's date order and decimal mark, the rows
a mapping keeps, the tally of rows, and the gate every figure passes before it enters a plan)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from operator import itemgetter

from planner.actuals_import.csv_read import ActualsImportError, CsvTable
from planner.actuals_import.csv_values import (
    AmbiguousOrder,
    MixedOrder,
    NumberForms,
    date_order,
    number_forms,
    slash_parts,
)
from planner.actuals_import.mapping import FIGURE_LABELS, Mapping, stage
from planner.actuals_import.report import (
    AmbiguousDates,
    AmbiguousNumbers,
    ImportReport,
    ImportResult,
    MonthlyTotals,
    Skipped,
    clean,
)
from planner.plan.checks import check_value
from planner.plan.model import Actual, Spec
from planner.plan.months import MONTH_NAMES

# the specs of an Actual's figures: what opening the plan file checks, checked here on the way in
FIGURE_SPECS: dict[str, Spec] = {
    f.name: f.metadata["spec"] for f in dataclasses.fields(Actual) if f.name in FIGURE_LABELS
}


def figure_problem(figure: str, value: float) -> str | None:
    """What opening the plan would say of ``value`` as this figure ("Actual revenue must be at
    most 1,000,000,000,000; you entered …"), or None when the plan file accepts it."""
    spec = FIGURE_SPECS[figure]
    problem = check_value(spec, clean(value))
    return f"{spec.label} {problem}" if problem else None


class PlanMonths:
    """The plan's months: calendar month <-> plan month 1..H."""

    def __init__(self, start_month: str, horizon: int) -> None:
        try:
            self.year, self.month = int(start_month[:4]), int(start_month[5:7])
        except (TypeError, ValueError):
            raise ActualsImportError(f"The plan's first month “{start_month}” is not a month (YYYY-MM).") from None
        self.horizon = horizon

    def of(self, year: int, month: int) -> int:
        return (year - self.year) * 12 + (month - self.month) + 1

    def label(self, plan_month: int) -> str:
        index = self.month - 1 + plan_month - 1
        return f"{MONTH_NAMES[index % 12]} {self.year + index // 12}"

    def labels(self, months: Iterable[int]) -> dict[int, str]:
        return {m: self.label(m) for m in months}


def file_order(
    table: CsvTable, columns: Iterable[str], day_first: bool | None, name: str
) -> bool | AmbiguousDates | None:
    """The file's day/month order: the caller's, or what its dates say, or the question."""
    if day_first is not None:
        return day_first
    columns = [c for c in dict.fromkeys(columns)]
    values: set[str] = set()
    for column in columns:
        index = table.column(column)
        values.update(map(itemgetter(index), table.rows))
    try:
        return date_order(values)
    except MixedOrder as mixed:
        raise ActualsImportError(f"“{name}” cannot be imported: {mixed}. Export the dates in one form.") from None
    except AmbiguousOrder:
        examples = sorted(v.strip() for v in values if _undecided(v))[:3]
        return AmbiguousDates(tuple(columns), tuple(examples))


def _undecided(value: str) -> bool:
    parts = slash_parts(value)
    return parts is not None and parts[0] != parts[1] and max(parts) <= 12


class Collector:
    """Rows turned into monthly totals, and what happened to each row and cell."""

    def __init__(self, months: PlanMonths, kept: Kept | None = None) -> None:
        self.months = months
        self.kept = kept
        self.totals: MonthlyTotals = {}
        self.used = 0
        self.outside = 0
        self.outside_months: dict[tuple[int, int], str] = {}
        self.skipped: list[Skipped] = []

    def skip(self, row: int, reason: str, column: str = "") -> None:
        """A row skipped whole, or (with ``column``) only its cell in that column."""
        self.skipped.append(Skipped(row, reason, column))

    def add(self, plan_month: int, figure: str, value: float) -> None:
        totals = self.totals.setdefault(plan_month, {})
        totals[figure] = totals.get(figure, 0) + value

    def place(self, year: int, month: int) -> int | None:
        """The plan month of a calendar month, or None (noted) when outside the plan."""
        plan_month = self.months.of(year, month)
        if 1 <= plan_month <= self.months.horizon:
            return plan_month
        self.outside_months[(year, month)] = f"{year:04d}-{month:02d}"
        return None

    def result(self, kind: str, table: CsvTable, name: str, mapping: Mapping | None = None) -> ImportResult:
        totals: MonthlyTotals = {}
        for plan_month in sorted(self.totals):
            figures = {}
            for figure, value in self.totals[plan_month].items():
                problem = figure_problem(figure, value)
                if problem:  # each row was fine, their sum is more than a plan holds
                    self.skipped.append(
                        Skipped(
                            0,
                            f"{problem} (the month's rows added up)",
                            FIGURE_LABELS[figure],
                            self.months.label(plan_month),
                        )
                    )
                else:
                    figures[figure] = clean(value)
            if figures:
                totals[plan_month] = figures
        kept = self.kept
        report = ImportReport(
            kind,
            len(table.rows) + (kept.left_out if kept else 0),
            self.used,
            self.outside,
            tuple(self.outside_months[k] for k in sorted(self.outside_months)),
            tuple(self.skipped),
            table.encoding,
            table.delimiter,
            kept.left_out if kept else 0,
            kept.said if kept else "",
        )
        if not totals:
            raise ActualsImportError(nothing_imported(report, self.months, name))
        return ImportResult(totals, report, self.months.labels(totals), mapping)


def nothing_imported(report: ImportReport, months: PlanMonths, name: str) -> str:
    lines = [f"Nothing in “{name}” could be imported."]
    if report.outside_horizon:
        lines.append(
            f"{report.outside_horizon:,} rows are dated outside the plan's months "
            f"({months.label(1)} to {months.label(months.horizon)}): {', '.join(report.outside_months[:12])}"
            f"{' …' if len(report.outside_months) > 12 else ''}."
        )
    if report.left_out:
        lines.append(f"{report.left_out:,} rows were left out: only rows whose {report.kept_by} count.")
    lines += report.skipped_lines()
    if len(lines) == 1:
        lines.append("Its rows hold no figures.")
    return "\n".join(lines)


# --- the rows a mapping keeps ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Kept:
    """The rows a mapping's ``only`` kept, how many it left out, and what it kept them by."""

    table: CsvTable
    left_out: int
    said: str  # “Deal Type” is New Business


def keep_rows(table: CsvTable, only: dict[str, tuple[str, ...]], name: str) -> Kept:
    """The rows whose value in each of ``only``'s columns is one of its values (case and spaces
    ignored); ActualsImportError when none is (with the values the column does hold)."""
    if not only:
        return Kept(table, 0, "")
    tests = [(table.column(column), frozenset(stage(v) for v in values)) for column, values in only.items()]
    kept = [
        (row, number)
        for row, number in zip(table.rows, table.row_numbers, strict=True)
        if all(stage(row[at]) in allowed for at, allowed in tests)
    ]
    said = " and ".join(f"“{column}” is {' or '.join(values)}" for column, values in only.items())
    if not kept:
        held = []
        for column in only:
            at = table.column(column)
            counts = Counter(row[at].strip() for row in table.rows)
            shown = ", ".join(f"{value or '(empty)'} ({count:,})" for value, count in counts.most_common(8))
            held.append(f"“{column}” holds {shown}{' …' if len(counts) > 8 else ''}")
        raise ActualsImportError(f"No row of “{name}” is kept: none has {said}. {'; '.join(held)}.")
    rows = [row for row, _ in kept]
    numbers = [number for _, number in kept]
    return Kept(dataclasses.replace(table, rows=rows, row_numbers=numbers), len(table.rows) - len(rows), said)


# --- the decimal mark --------------------------------------------------------------------------


def decimal_marks(table: CsvTable, columns: Sequence[str], said: bool | None) -> dict[str, bool] | AmbiguousNumbers:
    """column -> True when its decimal mark is a comma: decided by the column's own values when
    they say, else by the other number columns of the file, else by ``said`` (the person's
    answer), else asked. ``52.000``, ``48.500`` with nothing against it is thousands (52000):
    nobody writes a count or an amount with three decimals that are all there is."""
    forms = {column: number_forms(map(itemgetter(table.column(column)), table.rows)) for column in columns}
    comma = any(f.comma_decimal for f in forms.values())
    point = any(f.point_decimal for f in forms.values())
    decided: dict[str, bool] = {}
    asked: list[tuple[str, str]] = []
    for column, form in forms.items():
        mark = _column_mark(form, comma, point, table.delimiter)
        if mark is None and said is not None:
            mark = said
        if mark is None:
            asked.append((column, form.point_thousands or form.comma_thousands or form.comma_decimal))
        else:
            decided[column] = mark
    if asked:
        return AmbiguousNumbers(tuple(c for c, _ in asked), tuple(e for _, e in asked if e))
    return decided


def _column_mark(form: NumberForms, comma: bool, point: bool, delimiter: str) -> bool | None:
    """The column's decimal mark (True: a comma), or None when it cannot be told."""
    if form.comma_decimal and form.point_decimal:
        return None  # the column says both (12,5 and 1.5): which is the slip?
    if form.comma_decimal or form.point_decimal:
        return bool(form.comma_decimal)
    file_says = True if comma and not point else False if point and not comma else None
    if comma and point:
        file_says = None
    elif file_says is None and delimiter == ";":
        file_says = True  # Excel writes semicolons where the comma is the decimal mark
    if form.point_thousands and form.comma_thousands:
        return file_says  # 52.000 and 1,500: one is thousands, the other decimals
    if form.point_thousands:
        # thousands, unless the file writes its decimals with a point (then 52.000 may be 52)
        return None if point else True
    if form.comma_thousands:
        if comma and point:
            return None
        return bool(file_says)
    return bool(file_says)
