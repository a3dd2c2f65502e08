"""Rows of a CSV file turned into monthly totals: the parts the monthly-totals import and the
record-export import share (the plan's months, the file's date order, the tally of rows)."""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from planner.actuals_mapping import Mapping
from planner.actuals_report import AmbiguousDates, ImportReport, ImportResult, MonthlyTotals, Skipped, clean
from planner.csv_read import ActualsImportError, CsvTable
from planner.csv_values import AmbiguousOrder, MixedOrder, date_order, decimal_comma, slash_parts
from planner.months import MONTH_NAMES


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
    """Rows turned into monthly totals, and what happened to each row."""

    def __init__(self, months: PlanMonths) -> None:
        self.months = months
        self.totals: MonthlyTotals = {}
        self.used = 0
        self.outside = 0
        self.outside_months: dict[tuple[int, int], str] = {}
        self.skipped: list[Skipped] = []

    def place(self, year: int, month: int) -> int | None:
        """The plan month of a calendar month, or None (noted) when outside the plan."""
        plan_month = self.months.of(year, month)
        if 1 <= plan_month <= self.months.horizon:
            return plan_month
        self.outside_months[(year, month)] = f"{year:04d}-{month:02d}"
        return None

    def result(self, kind: str, table: CsvTable, name: str, mapping: Mapping | None = None) -> ImportResult:
        report = ImportReport(
            kind,
            len(table.rows),
            self.used,
            self.outside,
            tuple(self.outside_months[k] for k in sorted(self.outside_months)),
            tuple(self.skipped),
            table.encoding,
            table.delimiter,
        )
        if not self.totals:
            raise ActualsImportError(nothing_imported(report, self.months, name))
        totals = {m: {f: clean(v) for f, v in self.totals[m].items()} for m in sorted(self.totals)}
        return ImportResult(totals, report, self.months.labels(totals), mapping)


def nothing_imported(report: ImportReport, months: PlanMonths, name: str) -> str:
    lines = [f"Nothing in “{name}” could be imported."]
    if report.outside_horizon:
        lines.append(
            f"{report.outside_horizon:,} rows are dated outside the plan's months "
            f"({months.label(1)} to {months.label(months.horizon)}): {', '.join(report.outside_months[:12])}"
            f"{' …' if len(report.outside_months) > 12 else ''}."
        )
    lines += report.skipped_lines()
    if len(lines) == 1:
        lines.append("Its rows hold no figures.")
    return "\n".join(lines)


def comma_decimal(table: CsvTable, index: int) -> bool:
    said = decimal_comma(row[index] for row in table.rows)
    return table.delimiter == ";" if said is None else said
