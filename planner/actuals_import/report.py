"""What an import of actuals produced: the monthly totals and the report about the rows and
cells it skipped, or the question the file asks (which column, which decimal mark, which date
order); and :func:`merge_actuals`, which puts them in a plan."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from planner.actuals_import.csv_values import parse_amount, slash_parts
from planner.actuals_import.mapping import FIGURE_LABELS, FIGURES
from planner.actuals_import.mapping import Mapping as ColumnMapping
from planner.plan.model import Actual
from planner.plan.months import MONTH_NAMES

MonthlyTotals = dict[int, dict[str, float]]  # plan month -> figure -> value
MAX_LISTED = 10  # skipped rows and cells listed in a message; the rest are counted


@dataclass(frozen=True)
class Skipped:
    """A row skipped whole (``column`` empty: "row 3: “abc” is not a month"), a cell skipped
    (only its figure is dropped: "row 3, Revenue: “$(5,000)” is negative"), or a month's total
    the plan cannot hold (``row`` 0, ``month`` its label)."""

    row: int  # as a spreadsheet numbers it: the header is row 1
    reason: str
    column: str = ""
    month: str = ""

    def __str__(self) -> str:
        where = self.month if self.month else f"row {self.row}"
        return f"{where}, {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"

    @property
    def whole_row(self) -> bool:
        return not self.column


@dataclass(frozen=True)
class ImportReport:
    kind: str  # "totals" (one row per month) or "records" (one row per lead or deal)
    rows_read: int
    rows_used: int
    outside_horizon: int  # rows with a month outside the plan's months: not imported
    outside_months: tuple[str, ...] = ()  # those months ("2026-12", or "month 14" for a plan month number)
    skipped: tuple[Skipped, ...] = ()
    encoding: str = ""
    delimiter: str = ","
    left_out: int = 0  # rows the mapping's "only" did not keep
    kept_by: str = ""  # what it keeps them by: “Deal Type” is New Business

    def skipped_lines(self, limit: int = MAX_LISTED) -> list[str]:
        lines = [str(s) for s in self.skipped[:limit]]
        if len(self.skipped) > limit:
            lines.append(f"… and {len(self.skipped) - limit:,} more")
        return lines

    def skipped_headline(self) -> str:
        """ "2 rows and 1 cell skipped (a skipped cell drops only its figure):", or "" when none."""
        rows = sum(1 for s in self.skipped if s.whole_row and not s.month)
        cells = sum(1 for s in self.skipped if not s.whole_row and not s.month)
        totals = sum(1 for s in self.skipped if s.month)
        parts = [
            f"{count:,} {word}{'s' if count != 1 else ''}"
            for count, word in ((rows, "row"), (cells, "cell"), (totals, "monthly total"))
            if count
        ]
        if not parts:
            return ""
        said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        why = " (a skipped cell drops only its figure, the row's others are imported)" if cells else ""
        return f"{said} skipped{why}:"


@dataclass(frozen=True)
class ImportResult:
    months: MonthlyTotals
    report: ImportReport
    labels: dict[int, str] = field(default_factory=dict)  # plan month -> "Mar 2027"
    mapping: ColumnMapping | None = None  # the mapping used for a record export

    def figures(self) -> tuple[str, ...]:
        """The figures the file reports, in the plan's order."""
        present = {figure for values in self.months.values() for figure in values}
        return tuple(f for f in FIGURES if f in present)

    def summary_lines(self) -> list[str]:
        """The report for people, a sentence a line."""
        r = self.report
        months = sorted(self.months)
        shown = ", ".join(self.labels.get(m, f"month {m}") for m in months)
        figures = ", ".join(FIGURE_LABELS[f].lower() for f in self.figures()) or "no figures"
        lines = [
            f"Read {_rows(r.rows_read)}; used {_rows(r.rows_used)}.",
            f"Actuals for {len(months)} month{'s' if len(months) != 1 else ''} ({shown}): {figures}.",
        ]
        if r.outside_horizon:
            lines.append(
                f"{_rows(r.outside_horizon)} dated outside the plan's months ({', '.join(r.outside_months)}): "
                "those dates were not imported."
            )
        if r.left_out:
            lines.append(f"{_rows(r.left_out)} left out: only rows whose {r.kept_by} count.")
        if r.skipped:
            lines.append(r.skipped_headline())
            lines += [f"  {line}" for line in r.skipped_lines()]
        return lines


def _rows(count: int) -> str:
    return f"{count:,} row{'s' if count != 1 else ''}"


@dataclass(frozen=True)
class AmbiguousDates:
    """The file's dates read both ways (3/4/2027): the person says which, with ``day_first``."""

    columns: tuple[str, ...]
    examples: tuple[str, ...]

    @property
    def question(self) -> str:
        example = self.examples[0] if self.examples else "3/4/2027"
        first, second = slash_parts(example) or (3, 4)
        return (
            f"The dates in {', '.join(f'“{c}”' for c in self.columns)} can be read two ways: is “{example}” "
            f"{first} {MONTH_NAMES[second - 1]} (day first) or {MONTH_NAMES[first - 1]} {second} (month first)?"
        )


@dataclass(frozen=True)
class AmbiguousColumns:
    """More than one column could hold a figure: the person says which (``Mapping.columns``)."""

    choices: tuple[tuple[str, tuple[str, ...]], ...]  # ("month" or a figure, its candidate columns)

    @property
    def question(self) -> str:
        return " ".join(
            f"More than one column could be {_what(what)}: {', '.join(f'“{c}”' for c in names)}."
            for what, names in self.choices
        )


def _what(what: str) -> str:
    if what == "month":
        return "the month"
    return "the amount of a win (revenue)" if what == "amount" else FIGURE_LABELS[what].lower()


@dataclass(frozen=True)
class AmbiguousNumbers:
    """A column's numbers read two ways (``52.000``: fifty-two thousand, or 52 with three
    decimals) and nothing in the file says which: the person says, with ``decimal_comma``."""

    columns: tuple[str, ...]
    examples: tuple[str, ...]

    @property
    def question(self) -> str:
        example = self.examples[0] if self.examples else "1.000"
        comma = _read(example, True)
        point = _read(example, False)
        return (
            f"The numbers in {', '.join(f'“{c}”' for c in self.columns)} can be read two ways: is “{example}” "
            f"{comma} (a comma is the decimal mark, a point separates thousands) or {point} (a point is the "
            "decimal mark, a comma separates thousands)?"
        )


def _read(example: str, comma_decimal: bool) -> str:
    try:
        value = parse_amount(example, comma_decimal)
    except ValueError:
        return "?"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


Question = AmbiguousDates | AmbiguousColumns | AmbiguousNumbers


def clean(value: float) -> float:
    """Whole numbers as ints (12, not 12.0), so the plan file stays as people write it."""
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def merge_actuals(
    existing: Iterable[Actual], imported: Mapping[int, Mapping[str, float]], mode: str = "merge"
) -> tuple[Actual, ...]:
    """The plan's new actuals: with ``replace`` only the imported ones; with ``merge`` the
    imported figures override the existing ones month by month and figure by figure, and
    every other figure is kept. Sorted by month, one entry a month."""
    if mode not in ("replace", "merge"):
        raise ValueError(f"mode is replace or merge, not {mode!r}")
    by_month: dict[int, Actual] = {} if mode == "replace" else {a.month: a for a in existing}
    for month, figures in imported.items():
        values = {f: clean(v) for f, v in figures.items() if f in FIGURES and v is not None}
        if month in by_month:
            by_month[month] = dataclasses.replace(by_month[month], **values)
        elif values:
            by_month[month] = Actual(month=month, **values)
    return tuple(by_month[m] for m in sorted(by_month))
