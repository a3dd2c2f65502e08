"""Which columns of a CSV hold what: the figure columns of a monthly-totals file, and the
:class:`Mapping` that turns a record export (one row per lead or deal) into monthly totals.

Headers are matched case-insensitively, ignoring punctuation, a unit in brackets and a
leading "actual"/"total" (``Actual SQLs (#)`` is ``sqls``). :func:`guess_mapping` knows the
usual HubSpot and Salesforce exports; the app asks the person to check or complete it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.model import ACTUAL_FIGURES

FIGURES = ACTUAL_FIGURES  # the figures of an Actual, in the plan's order
FIGURE_LABELS = {
    "sales_ready_leads": "Sales-ready leads",
    "opportunities": "Opportunities",
    "wins": "Wins",
    "revenue": "Revenue",
    "cost": "Cost",
}
COUNTED = ("sales_ready_leads", "opportunities", "wins")  # the figures a record export counts

SYNONYMS: dict[str, tuple[str, ...]] = {
    "sales_ready_leads": (
        "sales ready leads", "sales ready lead", "srl", "srls", "sql", "sqls", "sales qualified leads",
        "sales qualified lead", "sales accepted leads", "sals", "meetings", "meetings booked", "meetings set",
        "qualified meetings",
    ),
    "opportunities": ("opportunities", "opportunity", "opps", "opp", "new opportunities", "opportunities created"),
    "wins": ("wins", "won", "closed won", "deals won", "won deals", "new customers", "new logos", "closed deals"),
    "revenue": (
        "revenue", "bookings", "amount", "closed won amount", "won amount", "won revenue", "new revenue",
        "new logo revenue", "closed won revenue", "sales",
    ),
    "cost": ("cost", "costs", "spend", "marketing spend", "program spend", "expenses"),
}  # fmt: skip
MONTH_HEADERS = ("month", "period", "date", "month start", "month starting", "plan month", "calendar month")

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PUNCTUATION = re.compile(r"[^0-9a-z]+")
_PREFIXES = ("actual ", "actuals ", "total ", "number of ", "no of ", "num ", "count of ", "sum of ")


def normal(header: str) -> str:
    """``Actual Sales-Ready Leads (#)`` -> ``sales ready leads``."""
    text = _PUNCTUATION.sub(" ", _BRACKETS.sub(" ", header.lower())).strip()
    for prefix in _PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return text


_FIGURE_OF = {synonym: figure for figure, synonyms in SYNONYMS.items() for synonym in synonyms}


def figure_of(header: str) -> str | None:
    """The figure a monthly-totals column holds, by its header, or None."""
    return _FIGURE_OF.get(normal(header))


def figure_columns(header: Sequence[str]) -> dict[str, str]:
    """figure -> the first column that holds it."""
    found: dict[str, str] = {}
    for name in header:
        figure = figure_of(name)
        if figure and figure not in found:
            found[figure] = name
    return found


def month_column(header: Sequence[str]) -> str | None:
    return next((name for name in header if normal(name) in MONTH_HEADERS), None)


@dataclass(frozen=True)
class Rule:
    """A row counts for a figure when its stage is one of ``values`` (any stage when empty) and
    ``date_column`` holds a date, which puts it in a month."""

    date_column: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mapping:
    """How the rows of a record export become monthly sales-ready leads, opportunities, wins
    and revenue (the amount of the rows that count as wins, in the month of their win)."""

    stage_column: str = ""
    amount_column: str = ""
    rules: dict[str, Rule] = field(default_factory=dict)  # figure in COUNTED -> Rule

    def columns(self) -> set[str]:
        used = {rule.date_column for rule in self.rules.values()}
        return used | {name for name in (self.stage_column, self.amount_column) if name}

    def problems(self, header: Sequence[str]) -> list[str]:
        """What is wrong with this mapping for a file with ``header``; empty when it can be used."""
        found = []
        if not self.rules:
            found.append("The mapping counts nothing: say which rows are sales-ready leads, opportunities or wins.")
        for name in sorted(self.columns()):
            if name not in header:
                found.append(f"The file has no column “{name}”.")
        if any(rule.values for rule in self.rules.values()) and not self.stage_column:
            found.append("Stage values are given but no stage column.")
        if self.amount_column and "wins" not in self.rules:
            found.append("An amount column is given but no rows count as wins (revenue is the amount of the wins).")
        return found

    def to_data(self) -> dict[str, Any]:
        return {
            "stage_column": self.stage_column,
            "amount_column": self.amount_column,
            **{f: {"date_column": r.date_column, "values": list(r.values)} for f, r in self.rules.items()},
        }

    @classmethod
    def from_data(cls, data: Any) -> Mapping:
        """A mapping from JSON data; raises ValueError with a message for people."""
        if not isinstance(data, dict):
            raise ValueError("A mapping is a JSON object.")
        rules = {}
        for figure in COUNTED:
            rule = data.get(figure)
            if rule is None:
                continue
            values = rule.get("values", []) if isinstance(rule, dict) else None
            date = rule.get("date_column") if isinstance(rule, dict) else None
            if not isinstance(date, str) or not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ValueError(f'The mapping\'s "{figure}" needs a "date_column" and a list of "values".')
            rules[figure] = Rule(date, tuple(values))
        stage, amount = data.get("stage_column", ""), data.get("amount_column", "")
        if not isinstance(stage, str) or not isinstance(amount, str):
            raise ValueError('The mapping\'s "stage_column" and "amount_column" are column names.')
        return cls(stage, amount, rules)


def _find(header: Sequence[str], *names: str) -> str:
    by_normal = {normal(name): name for name in reversed(header)}
    return next((by_normal[n] for n in names if n in by_normal), "")


WON = ("closed won", "closedwon", "won")
OPEN_STAGES = ()  # every deal created counts as an opportunity
QUALIFIED = ("qualified", "sales qualified", "sales qualified lead", "sql", "sales ready", "converted")


def guess_mapping(header: Sequence[str]) -> Mapping | None:
    """The mapping of a usual HubSpot or Salesforce export, from its header; None when unknown.

    - deals / opportunities (HubSpot deals, Salesforce opportunities): every deal created is an
      opportunity (by its create date); a deal at a won stage is a win (by its close date),
      and its amount is revenue;
    - HubSpot contacts: the lifecycle-stage dates ("Became a Sales Qualified Lead Date" ...);
    - Salesforce leads: a lead whose status is qualified or converted is sales-ready (by its
      create date); a converted lead is an opportunity (by its converted date).
    """
    stage = _find(header, "deal stage", "stage", "opportunity stage", "dealstage")
    created = _find(header, "create date", "created date", "createdate", "date created", "created on", "created")
    closed = _find(header, "close date", "closed date", "closedate", "date closed", "won date")
    amount = _find(header, "amount", "deal amount", "amount in company currency", "total contract value", "revenue")
    rules: dict[str, Rule] = {}
    if stage and closed:
        if created:
            rules["opportunities"] = Rule(created)
        rules["wins"] = Rule(closed, WON)
        return Mapping(stage, amount, rules)
    srl_date = _find(
        header,
        "became a sales qualified lead date",
        "date entered sales qualified lead lifecycle stage pipeline",
        "became a sales qualified lead",
        "sql date",
    )
    opportunity_date = _find(
        header,
        "became an opportunity date",
        "date entered opportunity lifecycle stage pipeline",
        "became an opportunity",
    )
    customer_date = _find(
        header, "became a customer date", "date entered customer lifecycle stage pipeline", "became a customer"
    )
    if srl_date or opportunity_date or customer_date:
        for figure, date in (("sales_ready_leads", srl_date), ("opportunities", opportunity_date)):
            if date:
                rules[figure] = Rule(date)
        if customer_date:
            rules["wins"] = Rule(customer_date)
        return Mapping("", "", rules)
    status = _find(header, "lead status", "status")
    converted = _find(header, "converted date", "conversion date")
    if status and created:
        rules["sales_ready_leads"] = Rule(created, QUALIFIED)
        if converted:
            rules["opportunities"] = Rule(converted)
        return Mapping(status, "", rules)
    return None
