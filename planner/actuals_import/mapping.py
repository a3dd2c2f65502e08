"""Which columns of a CSV hold what: the figure columns of a monthly-totals file, and the
:class:`Mapping` that turns a record export (one row per lead or deal) into monthly totals.

Headers are matched case-insensitively, ignoring punctuation, a unit in brackets and a
leading "actual"/"total" (``Actual SQLs (#)`` is ``sqls``). When more than one column could
hold a figure (``SQLs (cumulative)`` and ``SQLs``, ``Revenue (EUR)`` and ``Revenue (USD)``),
:func:`column_candidates` lists them all, a column named exactly so first, and the person says
which (:attr:`Mapping.columns`): nothing is chosen silently. :func:`guess_mapping` knows the
usual HubSpot and Salesforce exports; the app asks the person to check or complete it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from planner.plan.model import ACTUAL_FIGURES

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


def _exact(header: str) -> str:
    """The header with only case and punctuation ignored (its brackets and "Total" kept)."""
    return _PUNCTUATION.sub(" ", header.lower()).strip()


def column_candidates(header: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """figure -> every column that could hold it, those named exactly so (``SQLs``) before
    those that match once a bracket or a "Total" is set aside (``SQLs (cumulative)``)."""
    found: dict[str, list[str]] = {}
    for name in header:
        figure = figure_of(name)
        if figure:
            found.setdefault(figure, []).append(name)
    return {
        figure: tuple(sorted(names, key=lambda name: _exact(name) not in SYNONYMS[figure]))
        for figure, names in found.items()
    }


def figure_columns(header: Sequence[str]) -> dict[str, str]:
    """figure -> the column that holds it, for the figures only one column could hold."""
    return {figure: names[0] for figure, names in column_candidates(header).items() if len(names) == 1}


def month_columns(header: Sequence[str]) -> tuple[str, ...]:
    """The columns whose header says they hold the month (``Month``, ``Period``)."""
    return tuple(name for name in header if normal(name) in MONTH_HEADERS)


def month_column(header: Sequence[str]) -> str | None:
    return next(iter(month_columns(header)), None)


@dataclass(frozen=True)
class Rule:
    """A row counts for a figure when its stage is one of ``values`` (any stage when empty) and
    ``date_column`` holds a date, which puts it in a month."""

    date_column: str
    values: tuple[str, ...] = ()


CHOSEN = ("month", *FIGURES)  # what Mapping.columns may name a column for


def stage(value: str) -> str:
    """A stage or any value a row is kept by, as compared: case and runs of spaces ignored."""
    return " ".join(value.lower().split())


@dataclass(frozen=True)
class Mapping:
    """How the rows of a file become monthly totals.

    For a record export: which rows count as sales-ready leads, opportunities and wins, and
    revenue (the amount of the rows that count as wins, in the month of their win).
    For a monthly-totals file: ``columns`` names the column the person chose for the month or a
    figure ("" for a figure not to import), where more than one could hold it.
    For both: ``only`` keeps only the rows whose value in a column is one of the given values
    (``{"Deal Type": ("New Business",)}``: renewals do not count against a net-new goal).
    """

    stage_column: str = ""
    amount_column: str = ""
    rules: dict[str, Rule] = field(default_factory=dict)  # figure in COUNTED -> Rule
    columns: dict[str, str] = field(default_factory=dict)  # "month" or a figure -> the column chosen
    only: dict[str, tuple[str, ...]] = field(default_factory=dict)  # column -> the values a row must have

    def used_columns(self) -> set[str]:
        used = {rule.date_column for rule in self.rules.values()}
        return used | {name for name in (self.stage_column, self.amount_column) if name}

    def problems(self, header: Sequence[str]) -> list[str]:
        """What is wrong with this mapping of a record export for a file with ``header``; empty
        when it can be used."""
        found = []
        if not self.rules:
            found.append("The mapping counts nothing: say which rows are sales-ready leads, opportunities or wins.")
        for name in sorted(self.used_columns()):
            if name not in header:
                found.append(f"The file has no column “{name}”.")
        if any(rule.values for rule in self.rules.values()) and not self.stage_column:
            found.append("Stage values are given but no stage column.")
        if self.amount_column and "wins" not in self.rules:
            found.append("An amount column is given but no rows count as wins (revenue is the amount of the wins).")
        return found + self.choice_problems(header)

    def choice_problems(self, header: Sequence[str]) -> list[str]:
        """What is wrong with the columns chosen and the rows kept, for a file with ``header``."""
        found = []
        for what, name in self.columns.items():
            if name and name not in header:
                found.append(f"The file has no column “{name}” (chosen for {_what(what)}).")
        chosen = [name for name in self.columns.values() if name]
        for name in sorted({name for name in chosen if chosen.count(name) > 1}):
            whats = " and ".join(_what(w) for w, n in self.columns.items() if n == name)
            found.append(f"“{name}” is chosen for {whats}: a column holds one of them.")
        for name, values in self.only.items():
            if name not in header:
                found.append(f"The file has no column “{name}” (to keep only some rows by).")
            elif not values:
                found.append(f"Say which values of “{name}” a row must have to count.")
        return found

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "stage_column": self.stage_column,
            "amount_column": self.amount_column,
            **{f: {"date_column": r.date_column, "values": list(r.values)} for f, r in self.rules.items()},
        }
        if self.columns:
            data["columns"] = dict(self.columns)
        if self.only:
            data["only"] = {name: list(values) for name, values in self.only.items()}
        return data

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
        stage_column, amount = data.get("stage_column", ""), data.get("amount_column", "")
        if not isinstance(stage_column, str) or not isinstance(amount, str):
            raise ValueError('The mapping\'s "stage_column" and "amount_column" are column names.')
        columns = data.get("columns", {})
        if not isinstance(columns, dict) or not all(
            what in CHOSEN and isinstance(name, str) for what, name in columns.items()
        ):
            raise ValueError(f'The mapping\'s "columns" names a column for any of {", ".join(CHOSEN)} ("" for none).')
        only = data.get("only", {})
        if not isinstance(only, dict) or not all(
            isinstance(values, list) and values and all(isinstance(v, str) for v in values) for values in only.values()
        ):
            raise ValueError("The mapping's \"only\" gives a column's name and the list of values a row must have.")
        return cls(
            stage_column,
            amount,
            rules,
            dict(columns),
            {str(name): tuple(values) for name, values in only.items()},
        )


def _what(what: str) -> str:
    return "the month" if what == "month" else FIGURE_LABELS[what].lower()


def _find(header: Sequence[str], *names: str) -> str:
    by_normal = {normal(name): name for name in reversed(header)}
    return next((by_normal[n] for n in names if n in by_normal), "")


AMOUNTS = ("amount", "deal amount", "amount in company currency", "total contract value", "revenue")


def amount_candidates(header: Sequence[str]) -> tuple[str, ...]:
    """Every column of a record export that could be the amount of a win (``Amount`` and
    ``Amount in company currency``, two ``Amount`` columns): more than one is asked, not guessed."""
    return tuple(name for name in header if normal(name) in AMOUNTS)


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
    amount = _find(header, *AMOUNTS)
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
