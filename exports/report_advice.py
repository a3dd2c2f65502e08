"""The report's advice sections: findings, the scorecard and the weekly CEO review agenda,
from ``planner.advice.findings``, ``planner.advice.scorecard`` and ``planner.advice.review``."""

from __future__ import annotations

from dataclasses import dataclass

from planner.advice.findings import findings
from planner.advice.review import review_agenda
from planner.advice.scorecard import ScorecardMetric, format_target, scorecard
from planner.benchmarks.library import Library
from planner.numbers import formatting as fmt
from planner.numbers.results import PlanResult
from planner.plan import vocab
from planner.plan.model import Plan

SEVERITY_NAMES = {1: "Info", 2: "Warning", 3: "Critical"}


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
    nested: bool = False  # a resource's channel, under the resource's row
    note: str = ""  # a conflict with the plan


@dataclass(frozen=True)
class AgendaView:
    key: str
    title: str
    question: str
    entries: tuple[str, ...]


def finding_views(plan: Plan, result: PlanResult, library: Library | None = None) -> list[FindingView]:
    """The findings, most severe first (an assumption outside its industry's range in ``library``
    among them; None: the built-in library)."""
    return [
        FindingView(SEVERITY_NAMES.get(f.severity, "Info"), f.severity, f.finding, f.recommendation, f.why, f.trigger)
        for f in sorted(findings(plan, result, library), key=lambda f: -f.severity)
    ]


def metric_views(plan: Plan, result: PlanResult) -> list[MetricView]:
    def target(m: ScorecardMetric) -> str:
        return fmt.NOT_AVAILABLE if m.target is None else format_target(m, result.currency)

    return [
        MetricView(
            name=m.name,
            kind=vocab.METRIC_KINDS.get(m.kind, m.kind),
            target=target(m),
            unit="" if m.unit.strip().lower() in ("%", "percent", "rate", result.currency.lower()) else m.unit,
            owner=m.owner,
            cadence=vocab.CADENCES.get(m.cadence, m.cadence),
            nested=bool(m.parent),
            note=m.note,
        )
        for m in scorecard(plan, result)
    ]


def agenda_views(plan: Plan, result: PlanResult) -> list[AgendaView]:
    return [AgendaView(i.key, i.title, i.question, tuple(i.entries)) for i in review_agenda(plan, result)]
