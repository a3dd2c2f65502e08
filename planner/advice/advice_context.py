"""What the findings' rules look at: the Diagnosis answers and the engine's figures.

:class:`Context` also holds the named phrases (numbers formatted by
:mod:`planner.numbers.formatting`) that fill the rules' text templates in :mod:`planner.advice.findings`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.numbers import formatting as fmt
from planner.numbers import status as st
from planner.numbers.results import PlanResult
from planner.plan import vocab
from planner.plan.model import Plan


@dataclass(frozen=True)
class Source:
    """A supplier of sales-ready leads: a labor resource or a program channel."""

    name: str
    cost_per_sales_ready_lead: float | None


@dataclass(frozen=True)
class Context:
    """What the rules look at: the Diagnosis answers and the engine's figures."""

    plan: Plan
    result: PlanResult
    challenges: dict[str, int]
    lead_owner: str
    old_rules: tuple[str, ...]  # old-rules marketing activities chosen, in vocabulary order
    lead_focused: tuple[str, ...]  # lead-focused marketing activities chosen
    sources: tuple[Source, ...] = field(default=())

    @property
    def needed(self) -> float:
        return self.result.demand.sales_ready_leads

    @property
    def coverage(self) -> float | None:
        return self.result.gap.coverage

    @property
    def short(self) -> bool:
        """This year is short (``planner.numbers.status``: more than half a lead)."""
        return st.is_short(self.result.gap.sales_ready_leads)

    @property
    def field_share(self) -> float:
        """The share of supplied sales-ready leads that field reps produce (0 with no supply)."""
        supplied = self.result.supply.sales_ready_leads
        field_output = sum(r.total_output for r in self.result.resources if r.kind == "field")
        return field_output / supplied if supplied > 0 else 0.0

    @property
    def has_programs(self) -> bool:
        return any(c.is_program for c in self.plan.channels)

    def answer(self, key: str) -> str:
        """An answer as a trigger cites it: "Reps don't have or make time: 3 (critical)"."""
        level = self.challenges[key]
        return f"{vocab.CHALLENGES[key]}: {level} ({vocab.SEVERITIES[level].lower()})"

    def phrases(self) -> dict[str, str]:
        """The named phrases the rules' templates use."""
        r, c = self.result, self.result.currency
        cheapest = self.cheapest()
        return {
            "owner": vocab.LEAD_OWNERS_TODAY.get(self.lead_owner, self.lead_owner),
            "needed": fmt.count(self.needed),
            "supplied": fmt.count(r.supply.sales_ready_leads),
            "expected": fmt.count(r.year.sales_ready_leads_expected),
            "by": _by(r),
            "gap": fmt.count(r.gap.sales_ready_leads),
            "coverage": fmt.percent(self.coverage),
            "reps_phrase": _reps_phrase(r),
            "reps_sentence": _capitalised(_reps_phrase(r)),
            "old_rules": _listing(vocab.OLD_RULES_ACTIVITIES[k] for k in self.old_rules),
            "lead_focused": _listing(vocab.LEAD_FOCUSED_ACTIVITIES[k] for k in self.lead_focused) or "none",
            "cheapest": cheapest.name if cheapest else "",
            "cheapest_cost": fmt.money(cheapest.cost_per_sales_ready_lead, c) if cheapest else "",
            "comparison": self.comparison(),
            "cheapest_advice": _cheapest_advice(self, cheapest),
            "field_share": fmt.percent(self.field_share),
            "outbound": _bracketed(
                _listing(
                    ch.name or vocab.CHANNEL_TYPES[ch.type] for ch in self.plan.channels if ch.type in OUTBOUND_TYPES
                )
            ),
        }

    def priced_sources(self) -> list[Source]:
        """The sources with a cost per sales-ready lead, cheapest first."""
        priced = [s for s in self.sources if s.cost_per_sales_ready_lead is not None]
        return sorted(priced, key=lambda s: s.cost_per_sales_ready_lead or 0.0)

    def cheapest(self) -> Source | None:
        priced = self.priced_sources()
        return priced[0] if priced else None

    def comparison(self) -> str:
        c = self.result.currency
        return "; ".join(f"{s.name} {fmt.money(s.cost_per_sales_ready_lead, c)}" for s in self.priced_sources())


OUTBOUND_TYPES = ("outbound_phone", "email", "purchased_lists", "social")


def _listing(names: Iterable[str]) -> str:
    return ", ".join(names)


def _bracketed(text: str) -> str:
    return f" ({text})" if text else ""


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _by(result: PlanResult) -> str:
    """ " by Sep 2027": the last month whose leads close this year ("" when none does)."""
    last = result.year.last_month
    return f" by {result.months[last - 1].label}" if last and last <= len(result.months) else ""


def _reps_phrase(result: PlanResult) -> str:
    """The engine's inside reps to close this year's gap (PRODUCT.md v3), in words; never "0 reps"."""
    gap, reps, latest = result.gap.sales_ready_leads, result.gap.inside_reps_to_close_gap, result.gap.latest_start_month
    if not st.is_short(gap):
        return "the plan already covers this year's leads, so they can take over the field reps' share"
    if reps is None or latest is None:
        return "no hire made now closes this year's gap: the leads of anyone hired now would close too late"
    people = "rep" if reps == 1 else "reps"
    start = result.months[latest - 1].label if latest <= len(result.months) else f"month {latest}"
    return (
        f"{reps:,} more inside {people} hired to start by {start} would close this year's gap of "
        f"{fmt.count(gap)} sales-ready leads"
    )


def _cheapest_advice(ctx: Context, cheapest: Source | None) -> str:
    if cheapest is None:
        return (
            "Nothing supplies sales-ready leads at a known cost yet: add dedicated lead "
            "development people or a lead-focused program channel"
        )
    others = len(ctx.priced_sources()) > 1
    compared = f" (cost per sales-ready lead: {ctx.comparison()})" if others else ""
    return (
        f"The cheapest source in the plan is {cheapest.name} at "
        f"{fmt.money(cheapest.cost_per_sales_ready_lead, ctx.result.currency)} a sales-ready lead"
        f"{compared}; grow it first"
    )


def context(plan: Plan, result: PlanResult) -> Context:
    diagnosis = plan.diagnosis
    chosen = set(diagnosis.marketing_activities)
    resources = tuple(Source(r.name or r.id, r.cost_per_sales_ready_lead) for r in result.resources)
    programs = tuple(
        Source(c.name or vocab.CHANNEL_TYPES.get(c.type, c.type), c.cost_per_sales_ready_lead)
        for c in result.channels
        if c.is_program
    )
    return Context(
        plan=plan,
        result=result,
        challenges={key: getattr(diagnosis.challenges, key) for key in vocab.CHALLENGES},
        lead_owner=diagnosis.lead_owner_today,
        old_rules=tuple(k for k in vocab.OLD_RULES_ACTIVITIES if k in chosen),
        lead_focused=tuple(k for k in vocab.LEAD_FOCUSED_ACTIVITIES if k in chosen),
        sources=resources + programs,
    )
