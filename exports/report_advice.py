"""The report's advice sections: findings, the scorecard and the weekly CEO review agenda.

They come from the Advice API (``planner.findings``, ``planner.scorecard``,
``planner.review``). Where this build has no Advice API yet, the report still shows the
plan's own warnings, its metrics and the review's lists under the five agenda items.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from planner import formatting as fmt
from planner import health, vocab
from planner.model import Plan
from planner.results import PlanResult

SEVERITY_NAMES = {1: "Info", 2: "Warning", 3: "Critical"}

AGENDA = (
    ("revenue_vs_goal", "Actual revenue vs goal", "Where are we against the goal, and what are we doing about a gap?"),
    ("big_deals", vocab.REVIEW_LISTS["big_deals"], "Which big deals closed this week, and which are closing?"),
    ("risks", vocab.REVIEW_LISTS["risks"], "Which deals or accounts are in jeopardy, and what is the response?"),
    ("initiatives", vocab.REVIEW_LISTS["initiatives"], "Skills, new products, new markets, a rep to save?"),
    ("issues", vocab.REVIEW_LISTS["issues"], "What does either side need to raise?"),
)


@dataclass(frozen=True)
class FindingView:
    severity: str  # Info, Warning, Critical
    level: int
    finding: str
    recommendation: str
    why: str
    trigger: str


@dataclass(frozen=True)
class MetricView:
    name: str
    kind: str
    target: str
    unit: str
    owner: str
    cadence: str


@dataclass(frozen=True)
class AgendaView:
    key: str
    title: str
    question: str
    entries: tuple[str, ...]


def advice_api(module: str, name: str) -> Any | None:
    """The Advice API's function, or None in a build without it."""
    try:
        return getattr(importlib.import_module(f"planner.{module}"), name)
    except (ImportError, AttributeError):
        return None


def finding_views(plan: Plan, result: PlanResult) -> list[FindingView]:
    api = advice_api("findings", "findings")
    if api is None:
        return [FindingView("Warning", 2, a.message, "", "", "") for a in health.alerts(plan, result)]
    return [
        FindingView(SEVERITY_NAMES.get(f.severity, "Info"), f.severity, f.finding, f.recommendation, f.why, f.trigger)
        for f in sorted(api(plan, result), key=lambda f: -f.severity)
    ]


def target_text(target: float | None, unit: str, currency: str) -> str:
    """A metric's target in its unit: rates are fractions, money in the plan's currency."""
    if target is None:
        return fmt.NOT_AVAILABLE
    if unit.strip().lower() in ("%", "percent", "rate"):
        return fmt.percent(target, 1).replace(".0%", "%")
    if unit.strip().upper() in (currency.upper(), "MONEY") or unit.strip() == fmt.currency_symbol(currency):
        return fmt.money(target, currency)
    return fmt.count(target, 1) if target != int(target) else fmt.count(target)


def metric_views(plan: Plan, result: PlanResult) -> list[MetricView]:
    api = advice_api("scorecard", "scorecard")
    metrics = api(plan, result) if api is not None else plan.metrics
    shown = advice_api("scorecard", "format_target")  # the app's way to show a target, where there is one

    def target(m: Any) -> str:
        if shown is not None and m.target is not None:
            return shown(m, result.currency)
        return target_text(m.target, m.unit, result.currency)

    return [
        MetricView(
            name=m.name,
            kind=vocab.METRIC_KINDS.get(m.kind, m.kind),
            target=target(m),
            unit="" if m.unit.strip().lower() in ("%", "percent", "rate") else m.unit,
            owner=m.owner,
            cadence=vocab.CADENCES.get(m.cadence, m.cadence),
        )
        for m in metrics
    ]


def agenda_views(plan: Plan, result: PlanResult) -> list[AgendaView]:
    api = advice_api("review", "review_agenda")
    if api is not None:
        return [AgendaView(i.key, i.title, i.question, tuple(i.entries)) for i in api(plan, result)]
    review = plan.review
    own = {
        "revenue_vs_goal": (health.verdict(result),),
        "big_deals": review.big_deals,
        "risks": review.risks,
        "initiatives": review.initiatives,
        "issues": review.issues,
    }
    return [AgendaView(key, title, question, tuple(own[key])) for key, title, question in AGENDA]
