"""The Inputs sheet: the plan's targets, rates and seasonality as named input cells, with units
and sources, and the reverse funnel computed from them."""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import benchmark_columns as ranges
from exports.excel.cells import SheetWriter, ref, shown, span
from exports.excel.layout import (
    INPUT_BASICS,
    INPUTS,
    INPUTS_FIRST_MONTH_ROW,
    INPUTS_FUNNEL_FIRST,
    INPUTS_HORIZON_ROW,
    INPUTS_RULES_FIRST,
    INPUTS_TARGETS_FIRST,
    INPUTS_VALUE_COLUMN,
    INPUTS_WEIGHTS_FIRST,
    TABLE_HEADER,
)
from exports.excel.names import INPUT_NAMES, define
from exports.excel.styles import COUNT, MONTH_LABEL, PERCENT, WEIGHT, Styles
from exports.excel.validation import Validations
from planner.benchmarks.library import Library
from planner.numbers import formatting as fmt
from planner.numbers import status
from planner.numbers.funnel import EPSILON, srl_value
from planner.numbers.results import PlanResult
from planner.plan import defaults
from planner.plan.model import Plan, Targets
from planner.plan.months import MONTH_NAMES, first_calendar_month
from planner.plan.serialize import specs

V = INPUTS_VALUE_COLUMN
NOTE = 4  # the source or note column: wrapped, each row as tall as its note
KINDS = {1: "label", V: "number", 3: "short", NOTE: "source"}  # 137 wide: one page across on paper
RAMP_MAXIMUM = 24  # a new hire's ramp: whole months, 0 to 24 (planner.plan.serialize)
BASIC_LABELS = {
    "company": "Company",
    "title": "Plan title",
    "prepared_by": "Prepared by",
    "prepared_for": "Prepared for",
    "currency": "Currency",
}
FUNNEL = (
    ("Net new revenue needed", "money", None),
    ("Wins needed", "count", "WinsNeeded"),
    ("Opportunities needed", "count", "OpportunitiesNeeded"),
    ("Sales-ready leads needed", "count", "SRLNeeded"),
    ("Qualified leads needed", "count", "MQLNeeded"),
    ("Raw leads needed", "count", "LeadsNeeded"),
    ("Revenue of one sales-ready lead", "money", "SRLValue"),
)
# Lead Planner's rules, read by the formulas from these named cells (never typed into a formula)
RULES = (  # (name, label, value, number format, unit, note)
    ("StatusTolerance", "Tolerance: short, late and behind", status.TOLERANCE, "0.0", "leads",
     "A gap of more than this is short (less than half a lead rounds to none): Lead Planner's one rule"),
    ("WorstTolerance", "Tolerance: the worst month", status.WORST_TOLERANCE, "0.0E+00", "leads",
     "The worst month is the first within this of the worst shortfall"),
    ("RoundingNoise", "Rounding noise", EPSILON, "0.0E+00", "",
     "Float noise ignored when a count of reps is rounded up"),
)  # fmt: skip
EPOCH = dt.date(1899, 12, 30)  # day 0 of a spreadsheet's dates


def first_month_ref() -> str:
    return ref(INPUTS_FIRST_MONTH_ROW, V, sheet=INPUTS)


def weights_range() -> str:
    return span(INPUTS_WEIGHTS_FIRST, INPUTS_WEIGHTS_FIRST + 11, V, sheet=INPUTS)


def first_month_date(plan: Plan) -> dt.date:
    month, year = first_calendar_month(plan.basics.start_month)
    return dt.date(year if year is not None else 2000, month + 1, 1)


def month_date(plan: Plan, month: int) -> dt.date:
    """The first day of plan month ``month`` (1 for the first), as the workbook's EDATE gives it."""
    first = first_month_date(plan)
    index = first.month - 1 + month - 1
    return dt.date(first.year + index // 12, index % 12 + 1, 1)


def month_serial(plan: Plan, month: int) -> int:
    """Plan month ``month``'s first day as a spreadsheet date number (its cached value)."""
    return (month_date(plan, month) - EPOCH).days


def month_text(plan: Plan, month: int) -> str:
    """``Jan 2027``: TEXT(the month's date,"mmm yyyy"), as the workbook's formulas write a month."""
    day = month_date(plan, month)
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


DOLLARS = re.compile(r"\$(?=\d)")  # a dollar sign before an amount: "$1"


def note(w: SheetWriter, row: int, text: str) -> None:
    """A note in the source or note column, wrapped, its row as tall as its lines."""
    w.text(row, NOTE, text, "wrapped note")
    w.fit_height(row, {NOTE: text}, KINDS)


def source_note(field: str, value: float, kind: str = "", currency: str = "USD") -> str:
    """Where an input's value comes from; a money default in the plan's currency ("default €25,000",
    "the file format's own default is €1"), never in dollars in a plan that is not."""
    found = defaults.default(f"targets.{field}")
    if found is None:
        return "From the plan"
    source = found.source
    if kind == "money":
        source = DOLLARS.sub(lambda _: fmt.currency_symbol(currency), source)
    if value == found.value:
        return f"Default: {source}"
    shown_default = fmt.by_kind(found.value, kind, currency) if isinstance(found.value, int | float) else found.value
    return f"From the plan (default {shown_default}: {source})"


def write_inputs(
    sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, library: Library | None = None
) -> None:
    """The inputs; for a plan that names its industry, each beside the range ``library`` gives it
    (None: the built-in library), its source and a live flag (``exports.excel.benchmark_columns``)."""
    w = SheetWriter(sheet, styles)
    benchmarks = ranges.benchmarks_of(plan, library)
    kinds = {**KINDS, **ranges.KINDS} if benchmarks else KINDS
    checks = Validations(sheet)
    currency = plan.basics.currency
    w.heading("Inputs", "Change the yellow cells: every sheet recalculates. Rates are percentages.")
    w.header(TABLE_HEADER, ["Input", "Value", "Unit", "Source or note"])
    for row, name in enumerate(INPUT_BASICS, TABLE_HEADER + 1):
        w.text(row, 1, BASIC_LABELS[name], "label")
        w.text(row, V, getattr(plan.basics, name))
    row = INPUTS_FIRST_MONTH_ROW
    w.text(row, 1, "First month", "label")
    w.number(row, V, first_month_date(plan), "input", MONTH_LABEL)
    note(w, row, "Month labels and seasonality follow it")
    checks.add("date", ref(row, V))
    row = INPUTS_HORIZON_ROW
    w.text(row, 1, "Horizon", "label")
    w.number(row, V, plan.horizon, "bold")
    define(sheet.parent, "Horizon", INPUTS, row, V)
    w.text(row, 3, "months")
    note(w, row, "Fixed in this workbook (one column per month): change it in Lead Planner and export again")

    w.text(INPUTS_TARGETS_FIRST - 1, 1, "Targets and rates", "section")
    if benchmarks:
        ranges.header(w, INPUTS_TARGETS_FIRST - 1, benchmarks.industry)
    target_specs = dict(specs(Targets))
    for row, (field, name) in enumerate(INPUT_NAMES.items(), INPUTS_TARGETS_FIRST):
        spec = target_specs[field]
        value = getattr(plan.targets, field)
        w.text(row, 1, spec.label, "label")
        if spec.kind == "rate":
            w.number(row, V, value, "input", PERCENT)
            w.text(row, 3, "%")
            checks.add("rate", ref(row, V))
        elif spec.kind == "int":
            w.number(row, V, value, "input", "0")
            w.text(row, 3, spec.unit)
            checks.add("ramp" if spec.maximum == RAMP_MAXIMUM else "months", ref(row, V))
        else:  # the currency once, in the figure's format ("€18,000"), not again beside it
            w.number(row, V, value, "input", "money")
            checks.add("amount", ref(row, V))
        where = source_note(field, value, spec.kind, currency)
        note(w, row, where)
        define(sheet.parent, name, INPUTS, row, V)
        found = benchmarks.by_path.get(f"targets.{field}")
        if found is not None:
            ranges.write_range(w, row, name, found, {NOTE: where}, kinds)

    first = INPUTS_WEIGHTS_FIRST
    w.text(first - 1, 1, "Seasonality: the weight of each calendar month", "section")
    for index, weight in enumerate(plan.targets.seasonality):
        w.text(first + index, 1, MONTH_NAMES[index], "label")
        w.number(first + index, V, weight, "input", WEIGHT)
    note(w, first, "Weights are relative: the plan's months share the demand in proportion")
    note(w, first + 1, "(all equal: the same every month)")
    checks.add("amount", span(first, first + 11, V))

    write_funnel(w, plan, result)
    write_rules(w)
    if benchmarks:
        ranges.write_block(w, plan, benchmarks, INPUTS_RULES_FIRST + len(RULES) + 1, kinds)
    w.widths(kinds)
    sheet.freeze_panes = ref(TABLE_HEADER + 1, 1).replace("$", "")


def write_funnel(w: SheetWriter, plan: Plan, result: PlanResult) -> None:
    """The reverse funnel: wins <- opportunities <- sales-ready <- qualified <- raw leads, and what
    one sales-ready lead brings in."""
    first = INPUTS_FUNNEL_FIRST
    w.text(first - 1, 1, "Reverse funnel (computed from the targets: do not type here)", "section")
    net = ref(first, V)
    formulas = (
        "=MAX(RevenueGoal-PipelineRevenue,0)",
        f'=IFERROR({net}/DealSize,"{fmt.NOT_AVAILABLE}")',
        f'=IFERROR(WinsNeeded/WinRate,"{fmt.NOT_AVAILABLE}")',
        f'=IFERROR(OpportunitiesNeeded/SRLToOpportunity,"{fmt.NOT_AVAILABLE}")',
        f'=IFERROR(SRLNeeded/MQLToSRL,"{fmt.NOT_AVAILABLE}")',
        f'=IFERROR(MQLNeeded/LeadToMQL,"{fmt.NOT_AVAILABLE}")',
        "=SRLToOpportunity*WinRate*DealSize",
    )
    notes = (
        "Revenue goal less revenue expected from the current pipeline",
        "Net new revenue / average deal size",
        "Wins / win rate",
        "Opportunities / sales-ready lead to opportunity rate",
        "Sales-ready leads / qualified to sales-ready rate",
        "Qualified leads / raw to qualified rate",
        "Sales-ready lead to opportunity x win rate x deal size",
    )
    need = result.demand
    values = (need.net_new_revenue, need.wins, need.opportunities, need.sales_ready_leads, need.qualified_leads,
              need.raw_leads, srl_value(plan.targets))  # fmt: skip
    for index, ((label, kind, name), formula) in enumerate(zip(FUNNEL, formulas, strict=True)):
        row = first + index
        w.text(row, 1, label, "label")
        w.formula(row, V, formula, "result", "money" if kind == "money" else COUNT, shown(values[index]))
        note(w, row, notes[index])
        if name:
            define(w.sheet.parent, name, INPUTS, row, V)


def write_rules(w: SheetWriter) -> None:
    """Lead Planner's rules as named cells: the formulas read them, so the workbook judges short,
    late and behind exactly as the app does (``planner.numbers.status``)."""
    first = INPUTS_RULES_FIRST
    w.text(first - 1, 1, "Lead Planner's rules (read by the formulas: not inputs)", "section")
    for index, (name, label, value, number_format, unit, what) in enumerate(RULES):
        row = first + index
        w.text(row, 1, label, "label")
        w.number(row, V, value, "bold", number_format)
        w.text(row, 3, unit)
        note(w, row, f"{what} (the named cell {name})")
        define(w.sheet.parent, name, INPUTS, row, V)
