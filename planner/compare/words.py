"""A comparison in the words a CEO reads in one go, the same in the app, the report and the CLI.

"Since 1 Oct the plan went from Late to Short; this year's gap grew by 38 sales-ready leads
($228,000): win rate 25% → 22% +45; Agency SDRs: end month Sep 2027 → Aug 2027 +12; together 0."
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from planner.compare.changes import TOGETHER, Change, Driver
from planner.compare.comparison import Comparison, Effect
from planner.numbers import formatting as fmt
from planner.numbers.status import is_surplus, standing, word
from planner.plan.model import Actual, Channel, LaborResource, Targets
from planner.plan.serialize import specs
from planner.plan.vocab import CHANNEL_TYPES, LABOR_KINDS

MONTH_FIELDS = ("start_month", "end_month")
ROW_KINDS = {"labor": "a resource", "channel": "a channel"}
ACTUAL_FIGURES = ("sales_ready_leads", "opportunities", "wins", "revenue", "cost")
_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_RECORDS = {"target": Targets, "labor": LaborResource, "channel": Channel}


def since(file_name: str, modified: float | None = None) -> str:
    """When the older version was made, said short ("1 Oct"): the date in its file's name
    (``q3-plan-2027-10-01.leadplan``), else the day the file was last saved; "" when neither is known."""
    for found in _DATE.finditer(file_name):
        try:
            day = dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            continue
        return f"{day.day} {day:%b}"
    if modified is None:
        return ""
    day = dt.date.fromtimestamp(modified)
    return f"{day.day} {day:%b}"


def signed(value: float) -> str:
    """A move in whole leads or money units: "+45", "−19", "0" (less than half rounds to none)."""
    text = f"{abs(value):,.0f}"
    if text == "0":
        return "0"
    return ("+" if value > 0 else "−") + text


def signed_money(value: float, currency: str) -> str:
    text = fmt.money(abs(value), currency)
    if f"{abs(value):,.0f}" == "0":
        return fmt.money(0, currency)
    return ("+" if value > 0 else "−") + text


def value_text(kind: str, field: str, value: Any, comparison: Comparison) -> str:
    """An input's value as the app shows it."""
    if value is None and field == "end_month" and comparison.month_labels:
        value = len(comparison.month_labels)  # left out: the plan's last month
    if value is None:
        return "none"
    if field in MONTH_FIELDS and isinstance(value, int) and 0 < value <= len(comparison.month_labels):
        return comparison.month_labels[value - 1]
    if field == "type":
        return CHANNEL_TYPES.get(value, str(value))
    if field == "kind" and kind == "labor":
        return LABOR_KINDS.get(value, str(value))
    if field == "schedule":
        return (
            f"{fmt.money(sum(spend.get('budget', 0) for spend in value), comparison.currency)} in {len(value)} spends"
        )
    if field == "seasonality":
        return "/".join(fmt.entered(w) for w in value)
    if field == "activity":
        return "on"
    record = _RECORDS.get(kind)
    spec = dict(specs(record)).get(field) if record is not None else None
    if spec is None or not isinstance(value, int | float):
        return str(value)
    shown = fmt.by_kind(value, spec.kind, comparison.currency)
    return f"{shown} {spec.unit}" if spec.unit == "months" else shown


def change_text(driver: Driver, change: Change, comparison: Comparison) -> str:
    """One changed input: "win rate 25% → 22%", "head count 2 → 3"."""
    label = field_label(driver.kind, change.field)
    before = value_text(driver.kind, change.field, change.before, comparison)
    after = value_text(driver.kind, change.field, change.after, comparison)
    return f"{label} {before} → {after}"


def field_label(kind: str, field: str) -> str:
    """A changed field's name as a CEO reads it: "win rate", "monthly budget"."""
    record = _RECORDS.get(kind)
    if field == "activity":
        return "activity calculator"
    spec = dict(specs(record)).get(field) if record is not None else None
    return spec.label.lower() if spec is not None else field.replace("_", " ")


def driver_text(driver: Driver, comparison: Comparison) -> str:
    """What changed in a driver: "win rate 25% → 22%", "Agency SDRs added", "Webinars: monthly budget …"."""
    if driver.kind == "target":
        return change_text(driver, driver.changes[0], comparison)
    if driver.kind == "actuals":
        months = [comparison.month_labels[int(c.path.split(".")[1]) - 1] for c in driver.changes if _in(c, comparison)]
        added = all(c.before is None for c in driver.changes)
        said = ", ".join(months) if len(months) <= 3 else f"{months[0]} to {months[-1]}"
        return f"actuals {'added' if added else 'changed'} for {said}"
    only = driver.changes[0]
    name = fmt.clipped(driver.label)
    if len(driver.changes) == 1 and not only.field:
        return f"{name} {'added' if only.before is None else 'removed'}"
    return f"{name}: " + ", ".join(change_text(driver, c, comparison) for c in driver.changes)


def _in(change: Change, comparison: Comparison) -> bool:
    month = int(change.path.split(".")[1])
    return 0 < month <= len(comparison.month_labels)


def shown_moves(values: Sequence[float]) -> list[int]:
    """Moves in whole leads (or money units) that add up as the lines are read: each is the running
    total rounded less the one before it rounded, so the lines add up to the whole move rounded, and
    none is more than one from its own (+54.5 and +7.5 of +62.0 are said +55 and +7, not +55 and +8)."""
    shown, said, running = [], 0, 0.0
    for value in values:
        running += value
        now = round(running)
        shown.append(now - said)
        said = now
    return shown


TOGETHER_TEXT = "Together (changes acting on each other)"


def effect_what(effect: Effect, comparison: Comparison) -> str:
    """What a line of the attribution moved, begun with a capital, for a table or a chart: "Win rate
    25% → 22%", "Trade shows removed", "12 other channels", "Together (changes acting on each other)"."""
    if effect.driver == TOGETHER:
        return TOGETHER_TEXT
    said = _what(effect, comparison)
    return said[:1].upper() + said[1:]


def _what(effect: Effect, comparison: Comparison) -> str:
    driver = next((d for d in comparison.drivers if d.key == effect.driver), None)
    return driver_text(driver, comparison) if driver is not None else effect.label  # (rows measured together)


def effect_text(effect: Effect, comparison: Comparison, move: float | None = None) -> str:
    """One line of the attribution in the sentence: what changed and its move of this year's gap
    (``move``: as said, when the lines are rounded to add up, ``shown_moves``)."""
    said = signed(effect.srl_gap if move is None else move)
    if effect.driver == TOGETHER:
        return f"together {said}"
    return f"{_what(effect, comparison)} {said}"


def status_text(comparison: Comparison) -> str:
    before, after = word(comparison.before.status), word(comparison.after.status)
    return f"the plan went from {before} to {after}" if before != after else f"the plan is still {after}"


def gap_text(comparison: Comparison) -> str:
    """How this year's gap moved; said as a surplus when the plan had leads to spare before and after."""
    move = comparison.year_gap_move
    leads = signed(move).lstrip("+−")
    if leads == "0":
        return "this year's gap did not move"
    money = fmt.money(abs(comparison.revenue_gap_move), comparison.currency)
    if is_surplus(comparison.before.year_gap) and is_surplus(comparison.after.year_gap):
        return f"this year's surplus {'shrank' if move > 0 else 'grew'} by {leads} sales-ready leads ({money})"
    return f"this year's gap {'grew' if move > 0 else 'shrank'} by {leads} sales-ready leads ({money})"


def money_gap(value: float, currency: str) -> str:
    """A revenue gap: "$1,194,000", "$50,000 surplus" when the plan brings more than the goal, or "$0"."""
    return standing(
        value,
        short=fmt.money(value, currency),
        surplus=f"{fmt.money(-value, currency)} surplus",
        even=fmt.money(0, currency),
    )


def answer_rows(comparison: Comparison) -> list[tuple[str, str, str]]:
    """The answers before and after as shown: (what, before, after), the same in the app and the CLI."""
    c = comparison.currency
    b, a = comparison.before, comparison.after

    def reps(count: int | None) -> str:
        return "none closes it" if count is None else f"{count:,}"

    return [
        ("Status", word(b.status), word(a.status)),
        ("This year's gap (sales-ready leads)", fmt.gap(b.year_gap), fmt.gap(a.year_gap)),
        ("Revenue gap", money_gap(b.revenue_gap, c), money_gap(a.revenue_gap, c)),
        ("Total cost", fmt.money(b.cost, c), fmt.money(a.cost, c)),
        (
            "Cost per sales-ready lead",
            fmt.money(b.cost_per_sales_ready_lead, c),
            fmt.money(a.cost_per_sales_ready_lead, c),
        ),
        ("Inside reps to close the gap", reps(b.inside_reps_to_close_gap), reps(a.inside_reps_to_close_gap)),
        ("Latest start month", b.latest_start_label or "none", a.latest_start_label or "none"),
    ]


MOST_SAID = 5  # the sentence names at most this many drivers: it is read in one go (the chart lists them all)


def sentence(comparison: Comparison, when: str = "", most: int | None = MOST_SAID) -> str:
    """The comparison in one sentence, beginning "Since <when>" (or "Since the last version").
    Past ``most`` drivers the smaller ones are said together as "N other changes" (so it stays a
    line on a memo's page 1; None: every driver); ``together`` is always last."""
    opening = f"Since {when}" if when else "Since the last version"
    if not comparison.changed:
        return f"{opening} nothing changed: the plan is still {word(comparison.after.status)}."
    effects = comparison.attribution
    moves = shown_moves([effect.srl_gap for effect in effects])
    lines = [effect_text(e, comparison, move) for e, move in zip(effects, moves, strict=True)]
    if most is not None and len(effects) - 1 > most:
        others = len(effects) - 1 - most
        lines = [*lines[:most], f"{others} other changes {signed(sum(moves[most:-1]))}", lines[-1]]
    return f"{opening} {status_text(comparison)}; {gap_text(comparison)}: {'; '.join(lines)}."


def actual_text(actual: dict[str, Any] | None, currency: str) -> str:
    """A month's actuals in words: "29 sales-ready leads, 4 wins, $120,000 revenue" ("none")."""
    if not actual:
        return "none"
    labels = dict(specs(Actual))
    said = []
    for name in ACTUAL_FIGURES:
        value = actual.get(name)
        if value is None:
            continue
        shown = fmt.money(value, currency) if labels[name].kind == "money" else fmt.count(value)
        said.append(f"{shown} {labels[name].label.removeprefix('Actual ').lower()}")
    return ", ".join(said) or "none"


def change_row(driver: Driver, change: Change, comparison: Comparison) -> tuple[str, str, str]:
    """One changed input as the table shows it: what, before, after."""
    if driver.kind == "actuals":
        month = int(change.path.split(".")[1])
        labels = comparison.month_labels
        when = labels[month - 1] if 0 < month <= len(labels) else f"month {month}"
        return (
            f"Actuals, {when}",
            actual_text(change.before, comparison.currency),
            actual_text(change.after, comparison.currency),
        )
    if not change.field:  # a whole row added or removed
        what = f"{driver.label} ({ROW_KINDS.get(driver.kind, driver.kind)})"
        return (what, "not in the plan", "added") if change.before is None else (what, "in the plan", "removed")
    label = field_label(driver.kind, change.field)  # lower case, as the sentence says it
    what = label[:1].upper() + label[1:] if driver.kind == "target" else f"{driver.label}: {label}"
    before = value_text(driver.kind, change.field, change.before, comparison)
    after = value_text(driver.kind, change.field, change.after, comparison)
    return what, before, after
