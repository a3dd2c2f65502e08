"""The plan's advice for the workbook: findings, scorecard and CEO review agenda.

They come from the Advice API (``planner.findings``, ``planner.scorecard``, ``planner.review``).
Until that API is in this build, the workbook falls back to what the plan itself holds: no
findings, the user's own metrics, and the five agenda items with the user's entries.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from planner import vocab
from planner.model import Plan
from planner.results import PlanResult


@dataclass(frozen=True)
class FindingRow:
    severity: int
    finding: str
    recommendation: str
    why: str
    trigger: str


@dataclass(frozen=True)
class MetricRow:
    name: str
    kind: str
    target: float | None
    unit: str
    owner: str
    cadence: str


@dataclass(frozen=True)
class AgendaRow:
    title: str
    question: str
    entries: tuple[str, ...]


AGENDA_FALLBACK = (
    ("Actual revenue vs goal", "What is actual revenue against the goal, and what is done about a gap?", ()),
    (vocab.REVIEW_LISTS["big_deals"], "Which big deals closed or are closing?", ("big_deals",)),
    (vocab.REVIEW_LISTS["risks"], "Which deals or accounts are in jeopardy, and what is the response?", ("risks",)),
    (vocab.REVIEW_LISTS["initiatives"], "What is the sales leader working on aside from selling?", ("initiatives",)),
    (vocab.REVIEW_LISTS["issues"], "What does either side want to raise?", ("issues",)),
)


def _module(name: str) -> object | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def findings(plan: Plan, result: PlanResult) -> list[FindingRow]:
    module = _module("planner.findings")
    if module is None:
        return []
    return [
        FindingRow(f.severity, f.finding, f.recommendation, f.why, f.trigger)
        for f in module.findings(plan, result)  # type: ignore[attr-defined]
    ]


def scorecard(plan: Plan, result: PlanResult) -> list[MetricRow]:
    module = _module("planner.scorecard")
    metrics = module.scorecard(plan, result) if module is not None else plan.metrics  # type: ignore[attr-defined]
    return [MetricRow(m.name, m.kind, m.target, m.unit, m.owner, m.cadence) for m in metrics]


def agenda(plan: Plan, result: PlanResult) -> list[AgendaRow]:
    module = _module("planner.review")
    if module is not None:
        return [AgendaRow(i.title, i.question, tuple(i.entries)) for i in module.review_agenda(plan, result)]  # type: ignore[attr-defined]
    return [
        AgendaRow(title, question, tuple(e for key in keys for e in getattr(plan.review, key)))
        for title, question, keys in AGENDA_FALLBACK
    ]
