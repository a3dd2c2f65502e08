"""Record exports (one row per lead or deal, as HubSpot and Salesforce write them) turned
into monthly totals by a :class:`~planner.actuals_mapping.Mapping`.

A row counts for a figure when its stage is one of the rule's values (any stage when the
rule has none) and the rule's date column holds a date; a win adds its amount to revenue.
A row with a bad date or amount is skipped whole, with the reason. Every month between the
first and the last one the export covers reports each mapped figure (0 when nothing fell in it).
"""

from __future__ import annotations

from planner.actuals_mapping import COUNTED, Mapping
from planner.actuals_report import AmbiguousDates, ImportResult, Skipped
from planner.actuals_rows import Collector, PlanMonths, comma_decimal, file_order
from planner.csv_read import CsvTable
from planner.csv_values import parse_amount, parse_date


def import_records(
    table: CsvTable, months: PlanMonths, mapping: Mapping, day_first: bool | None, name: str
) -> ImportResult | AmbiguousDates:
    decided = file_order(table, (rule.date_column for rule in mapping.rules.values()), day_first, name)
    if isinstance(decided, AmbiguousDates):
        return decided
    order = decided
    stage_at = table.column(mapping.stage_column) if mapping.stage_column else None
    amount_at = table.column(mapping.amount_column) if mapping.amount_column else None
    comma = comma_decimal(table, amount_at) if amount_at is not None else False
    rules = [
        (figure, table.column(rule.date_column), rule.date_column, frozenset(_stage(v) for v in rule.values))
        for figure, rule in mapping.rules.items()
        if figure in COUNTED
    ]
    # a date's text -> its plan month (0: outside the plan), or why it is not a date
    dates: dict[str, int | str] = {}
    amounts: dict[str, float | str] = {}  # an amount's text -> its value, or why it is not one
    stages: dict[str, str] = {}
    out = Collector(months)
    first = last = 0
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        stage = ""
        if stage_at is not None:
            raw = row[stage_at]
            stage = stages.get(raw) or stages.setdefault(raw, _stage(raw))
        found: list[tuple[str, int]] = []
        problem = ""
        outside = won = False
        for figure, at, header, values in rules:
            if values and stage not in values:
                continue
            text = row[at]
            when = dates.get(text)
            if when is None:
                when = dates[text] = _plan_month(text, order, out)
            if when == "":
                if values:
                    problem = f"it counts as {figure.replace('_', '-')} but has no “{header}”"
                continue
            if isinstance(when, str):
                problem = f"{when} (in “{header}”)"
                break
            if when:
                found.append((figure, when))
                won = won or figure == "wins"
            else:
                outside = True
        revenue = 0.0
        if won and not problem and amount_at is not None:
            text = row[amount_at]
            amount = amounts.get(text)
            if amount is None:
                amount = amounts[text] = _amount(text, comma)
            if isinstance(amount, str):
                problem = f"{amount} (in “{mapping.amount_column}”)"
            else:
                revenue = amount
        if problem:
            out.skipped.append(Skipped(number, problem))
            continue
        out.outside += outside
        if not found:
            continue
        out.used += 1
        for figure, plan_month in found:
            totals = out.totals.setdefault(plan_month, {})
            totals[figure] = totals.get(figure, 0) + 1
            if figure == "wins" and amount_at is not None:
                totals["revenue"] = totals.get("revenue", 0) + revenue
            if not first or plan_month < first:
                first = plan_month
            if plan_month > last:
                last = plan_month
    reported = [f for f in COUNTED if f in mapping.rules] + (["revenue"] if amount_at is not None else [])
    for plan_month in range(first, last + 1) if first else ():
        totals = out.totals.setdefault(plan_month, {})  # a month the export covers, with none: 0
        for figure in reported:
            totals.setdefault(figure, 0)
    return out.result("records", table, name, mapping)


def _stage(value: str) -> str:
    return " ".join(value.lower().split())


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
    if not text.strip():
        return 0.0
    try:
        return parse_amount(text, comma)
    except ValueError as error:
        return str(error)
