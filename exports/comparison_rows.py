"""A comparison with the last review's plan as the rows the report and the workbook show.

The words are ``planner.compare.words``' (the app's, the command line's); this module only lays
them out in rows: the answers before and after, each driver's move of the two gaps, and each
changed input before and after. The report writes the figures as text, the workbook as values.
Every text is cleaned as the plan's are (``exports.safe_text``): row names are user text.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from exports.safe_text import clean
from planner.compare.comparison import Answers, Comparison
from planner.compare.words import change_row, effect_what, sentence, shown_moves
from planner.numbers.status import word

NO_HIRE = "none closes it"


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
    """The engine's sentence; past ``words.MOST_SAID`` drivers the smaller ones are added up as
    "N other changes", so the line stays a line on page 1 (the section lists every driver)."""
    return clean(sentence(comparison, since))


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


def effect_rows(comparison: Comparison) -> list[EffectRow]:
    """Each driver's move, largest first, ``together`` last: the moves add up to the answers' moves."""
    effects = comparison.attribution
    leads = shown_moves([e.srl_gap for e in effects])
    money = shown_moves([e.revenue_gap for e in effects])
    return [
        EffectRow(e.driver, clean(effect_what(e, comparison)), e.srl_gap, e.revenue_gap, srl, revenue)
        for e, srl, revenue in zip(effects, leads, money, strict=True)
    ]


def change_rows(comparison: Comparison) -> list[ChangeRow]:
    """Each changed input, in the plan's order: targets, labor, channels, actuals (the app's words)."""
    return [
        ChangeRow(*(clean(text) for text in change_row(d, c, comparison)))
        for d in comparison.drivers
        for c in d.changes
    ]
