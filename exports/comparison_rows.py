"""A comparison with the last review's plan as the rows the report and the workbook show.

The words are ``planner.compare.words``' (the app's, the command line's); this module only lays
them out in rows: the answers before and after, each driver's move of the two gaps, and each
changed input before and after. The report writes the figures as text, the workbook as values.
Every text is cleaned as the plan's are (``exports.safe_text``): row names are user text.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from exports.safe_text import clean
from planner.compare.changes import ACTUALS, TOGETHER, Change, Driver
from planner.compare.comparison import Answers, Comparison, Effect
from planner.compare.words import (
    driver_text,
    effect_text,
    gap_text,
    sentence,
    shown_moves,
    signed,
    status_text,
    value_text,
)
from planner.numbers import formatting as fmt
from planner.numbers.status import word
from planner.plan.model import Actual, Channel, LaborResource, Targets
from planner.plan.serialize import specs

MEMO_DRIVERS = 5  # the memo's line names at most this many drivers; the others are one "other changes"
TOGETHER_TEXT = "Together (changes acting on each other)"
NOT_IN_PLAN = "not in the plan"
NO_HIRE = "none closes it"
_RECORDS: dict[str, type] = {"target": Targets, "labor": LaborResource, "channel": Channel}


class AnswerRow(NamedTuple):
    label: str
    kind: str  # status, leads, gap money, money, reps or month: how the value is written
    before: Any
    after: Any


class ChangeRow(NamedTuple):
    label: str  # "Win rate", "Agency SDRs: head count", "Actuals, Mar 2027"
    before: str
    after: str


class EffectRow(NamedTuple):
    driver: str  # the plan path of the driver (targets.win_rate, labor.<id>, channels.<name>), or together
    text: str  # what changed: "win rate 25% → 22%"
    srl_gap: float  # its move of this year's gap, in sales-ready leads
    revenue_gap: float  # its move of the revenue gap, in money
    srl_said: int  # the moves in whole leads and money units as the sentence says them: they add up
    revenue_said: int  # to the whole move rounded (``planner.compare.words.shown_moves``)


def memo_line(comparison: Comparison, since: str) -> str:
    """The engine's sentence; past ``MEMO_DRIVERS`` drivers the smaller ones are added up as
    "N other changes", so the line stays a line on page 1 (the section lists every driver)."""
    effects = comparison.attribution
    if len(effects) - 1 <= MEMO_DRIVERS:
        return clean(sentence(comparison, since))
    said = shown_moves([e.srl_gap for e in effects])
    lines = [effect_text(e, comparison, move) for e, move in zip(effects[:MEMO_DRIVERS], said, strict=False)]
    lines.append(f"{len(effects) - 1 - MEMO_DRIVERS} other changes {signed(sum(said[MEMO_DRIVERS:-1]))}")
    lines.append(effect_text(effects[-1], comparison, said[-1]))
    opening = f"Since {since}" if since else "Since the last version"
    return clean(f"{opening} {status_text(comparison)}; {gap_text(comparison)}: {'; '.join(lines)}.")


def answer_rows(comparison: Comparison) -> list[AnswerRow]:
    b, a = comparison.before, comparison.after

    def row(label: str, kind: str, name: str) -> AnswerRow:
        return AnswerRow(label, kind, getattr(b, name), getattr(a, name))

    return [
        AnswerRow("Status", "status", word(b.status), word(a.status)),
        row("This year's gap (sales-ready leads)", "leads", "year_gap"),
        row("Revenue gap", "gap money", "revenue_gap"),
        row("Total cost", "money", "cost"),
        row("Cost per sales-ready lead", "money", "cost_per_sales_ready_lead"),
        row("Inside reps to close the gap", "reps", "inside_reps_to_close_gap"),
        AnswerRow("Latest start month", "month", _start(b), _start(a)),
    ]


def _start(answers: Answers) -> str:
    return answers.latest_start_label or "none"


def answer_text(row: AnswerRow, value: Any, currency: str) -> str:
    """An answer as the report writes it."""
    if row.kind == "leads":
        return fmt.gap(value)
    if row.kind in ("money", "gap money"):
        return fmt.money(value, currency)
    if row.kind == "reps":
        return NO_HIRE if value is None else f"{value:,}"
    return str(value)


def effect_rows(comparison: Comparison) -> list[EffectRow]:
    """Each driver's move, largest first, ``together`` last: the moves add up to the answers' moves."""
    drivers = {d.key: d for d in comparison.drivers}
    effects = comparison.attribution
    leads = shown_moves([e.srl_gap for e in effects])
    money = shown_moves([e.revenue_gap for e in effects])
    return [
        EffectRow(e.driver, _what(e, drivers, comparison), e.srl_gap, e.revenue_gap, srl, revenue)
        for e, srl, revenue in zip(effects, leads, money, strict=True)
    ]


def _what(effect: Effect, drivers: dict[str, Driver], comparison: Comparison) -> str:
    if effect.driver == TOGETHER or effect.driver not in drivers:
        return TOGETHER_TEXT
    driver = drivers[effect.driver]
    text = driver_text(driver, comparison)
    if driver.kind in ("target", ACTUALS):  # the engine's words, begun in lower case for the sentence
        text = text[:1].upper() + text[1:]
    return clean(text)


def change_rows(comparison: Comparison) -> list[ChangeRow]:
    """Each changed input, in the plan's order: targets, labor, channels, actuals."""
    return [_change_row(d, c, comparison) for d in comparison.drivers for c in d.changes]


def _change_row(driver: Driver, change: Change, comparison: Comparison) -> ChangeRow:
    if driver.kind == ACTUALS:
        month = int(change.path.split(".")[1])
        labels = comparison.month_labels
        when = labels[month - 1] if 0 < month <= len(labels) else f"month {month}"
        currency = comparison.currency
        return ChangeRow(f"Actuals, {when}", _actual(change.before, currency), _actual(change.after, currency))
    if not change.field:  # a whole row added or removed
        before = NOT_IN_PLAN if change.before is None else "in the plan"
        return ChangeRow(clean(driver.label), before, "added" if change.before is None else "removed")
    before = value_text(driver.kind, change.field, change.before, comparison)
    after = value_text(driver.kind, change.field, change.after, comparison)
    if driver.kind == "target":
        return ChangeRow(driver.label, before, after)
    return ChangeRow(clean(f"{driver.label}: {field_label(driver.kind, change.field)}"), clean(before), clean(after))


def field_label(kind: str, field: str) -> str:
    """A field's name as its form says it, in lower case: "head count", "monthly budget"."""
    if field == "activity":
        return "activity calculator"
    record = _RECORDS.get(kind)
    spec = dict(specs(record)).get(field) if record is not None else None
    return spec.label.lower() if spec is not None else field.replace("_", " ")


def _actual(data: dict[str, Any] | None, currency: str) -> str:
    """A month's actuals: "sales-ready leads 20, wins 2, revenue $80,000"; "none" when not reported."""
    if not data:
        return "none"
    fields = dict(specs(Actual))
    said = [
        f"{fields[name].label.removeprefix('Actual ')} {fmt.by_kind(value, fields[name].kind, currency)}"
        for name, value in data.items()
        if name in fields and name != "month" and value is not None
    ]
    return ", ".join(said) or "none"
