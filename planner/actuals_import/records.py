"""Record exports (one row per lead or deal, as HubSpot and Salesforce write them) turned
into monthly totals by a :class:`~planner.actuals_import.mapping.Mapping`.

A row counts for a figure when its stage is one of the rule's values (any stage when the
rule has none) and the rule's date column holds a date; a win adds its amount to revenue.
A bad date or amount drops only the figure it is for, with the reason (the row's other
figures count; a win whose amount is bad counts, without revenue). Every month between the
first and the last one a row counted in reports each mapped figure (0 when nothing fell in
it); no month after the last one is filled.
"""

from __future__ import annotations

from planner.actuals_import.csv_values import parse_amount, parse_date
from planner.actuals_import.mapping import COUNTED, FIGURE_LABELS, Mapping, stage
from planner.actuals_import.report import AmbiguousDates, AmbiguousNumbers, ImportResult, Question
from planner.actuals_import.rows import Collector, Kept, PlanMonths, decimal_marks, figure_problem, file_order


def import_records(
    kept: Kept,
    months: PlanMonths,
    mapping: Mapping,
    day_first: bool | None,
    decimal_comma: bool | None,
    name: str,
) -> ImportResult | Question:
    table = kept.table
    decided = file_order(table, (rule.date_column for rule in mapping.rules.values()), day_first, name)
    if isinstance(decided, AmbiguousDates):
        return decided
    order = decided
    stage_at = table.column(mapping.stage_column) if mapping.stage_column else None
    amount_at = table.column(mapping.amount_column) if mapping.amount_column else None
    comma = False
    if amount_at is not None:
        marks = decimal_marks(table, [mapping.amount_column], decimal_comma)
        if isinstance(marks, AmbiguousNumbers):
            return marks
        comma = marks[mapping.amount_column]
    rules = [
        (figure, table.column(rule.date_column), rule.date_column, frozenset(stage(v) for v in rule.values))
        for figure, rule in mapping.rules.items()
        if figure in COUNTED
    ]
    # a date's text -> its plan month (0: outside the plan), or why it is not a date
    dates: dict[str, int | str] = {}
    amounts: dict[str, float | str] = {}  # an amount's text -> its value, or why it cannot be revenue
    stages: dict[str, str] = {}
    out = Collector(months, kept)
    first = last = 0
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        row_stage = ""
        if stage_at is not None:
            raw = row[stage_at]
            row_stage = stages.get(raw) or stages.setdefault(raw, stage(raw))
        counted = outside = False
        for figure, at, header, values in rules:
            if values and row_stage not in values:
                continue
            text = row[at]
            when = dates.get(text)
            if when is None:
                when = dates[text] = _plan_month(text, order, out)
            if when == "":
                if values:
                    out.skip(
                        number, f"its stage counts it as {FIGURE_LABELS[figure].lower()}, but it has no date", header
                    )
                continue
            if isinstance(when, str):
                out.skip(number, when, header)
                continue
            if not when:
                outside = True
                continue
            out.add(when, figure, 1)
            counted = True
            first = min(first, when) if first else when
            last = max(last, when)
            if figure == "wins" and amount_at is not None:
                text = row[amount_at]
                amount = amounts.get(text)
                if amount is None:
                    amount = amounts[text] = _amount(text, comma)
                if isinstance(amount, str):
                    out.skip(number, f"{amount}; the win counts, its revenue does not", mapping.amount_column)
                else:
                    out.add(when, "revenue", amount)
        out.outside += outside
        out.used += counted
    reported = [f for f in COUNTED if f in mapping.rules] + (["revenue"] if amount_at is not None else [])
    for plan_month in range(first, last + 1) if first else ():
        totals = out.totals.setdefault(plan_month, {})  # a month the export covers, with none: 0
        for figure in reported:
            totals.setdefault(figure, 0)
    return out.result("records", table, name, mapping)


def _plan_month(text: str, day_first: bool | None, out: Collector) -> int | str:
    """The plan month of a date (0 when outside the plan, noted), "" for no date, or why it is not one."""
    if not text.strip():
        return ""
    try:
        year, month, _day = parse_date(text, day_first)
    except ValueError as error:
        return str(error)
    return out.place(year, month) or 0


def _amount(text: str, comma: bool) -> float | str:
    """A win's amount, or why it cannot be revenue (not a number, or more than a plan holds)."""
    if not text.strip():
        return 0.0
    try:
        value = parse_amount(text, comma)
    except ValueError as error:
        return str(error)
    return figure_problem("revenue", value) or value
