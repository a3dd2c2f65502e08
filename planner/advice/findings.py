"""Findings and recommendations: the seeds' advice applied to the Diagnosis answers and the plan.

The rules are a table (:data:`RULES`), not a chain of ifs: each rule has a condition on a
small :class:`Context` of answers and engine figures, and text templates filled from the
context's phrases (numbers formatted by :mod:`planner.numbers.formatting`). Every finding says what
triggered it. Nothing here recomputes plan math: the figures come from the engine's result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planner.advice.advice_context import Context, context
from planner.benchmarks.library import Library
from planner.benchmarks.standing import challenges, library_or_built_in
from planner.numbers.results import PlanResult
from planner.plan.model import Plan

SERIOUS = 2  # a challenge answered 2 (serious) or 3 (critical) triggers its rule


@dataclass(frozen=True)
class Finding:
    key: str  # the rule's id
    severity: int  # 1 info, 2 warning, 3 critical
    finding: str  # what we see, one sentence
    recommendation: str  # what to do
    why: str  # the reason, in the seeds' words
    trigger: str  # the answer or number that triggered it


Condition = Callable[[Context], bool]


@dataclass(frozen=True)
class Rule:
    """One piece of advice: when it applies, and its texts ({name} filled from the context)."""

    key: str
    severity: int | Callable[[Context], int]
    applies: Condition
    finding: str
    recommendation: str
    why: str
    trigger: str | Callable[[Context], str]

    def fire(self, ctx: Context, phrases: dict[str, str]) -> Finding:
        severity = self.severity(ctx) if callable(self.severity) else self.severity
        trigger = self.trigger(ctx) if callable(self.trigger) else self.trigger.format(**phrases)
        return Finding(
            key=self.key,
            severity=severity,
            finding=self.finding.format(**phrases),
            recommendation=self.recommendation.format(**phrases),
            why=self.why,
            trigger=trigger,
        )


def serious(*keys: str) -> Condition:
    """Any of these challenges answered serious (2) or critical (3)."""
    return lambda ctx: any(ctx.challenges[k] >= SERIOUS for k in keys)


def cite(*keys: str, owner: bool = False) -> Callable[[Context], str]:
    """The trigger: the lead owner (optionally) and the serious answers among ``keys``."""

    def trigger(ctx: Context) -> str:
        parts = [f"Who develops leads today: {ctx.phrases()['owner']}"] if owner else []
        parts += [ctx.answer(k) for k in keys if ctx.challenges[k] >= SERIOUS]
        return "; ".join(parts)

    return trigger


def mostly_old_rules(ctx: Context) -> bool:
    return bool(ctx.old_rules) and len(ctx.old_rules) > len(ctx.lead_focused)


def marketing_in_lead_flow(ctx: Context) -> bool:
    """Marketing has a part in the leads: programs, activities chosen, or an answer about it."""
    return (
        ctx.has_programs
        or ctx.lead_owner == "marketing"
        or bool(ctx.old_rules or ctx.lead_focused)
        or ctx.challenges["poor_marketing"] > 0
    )


WHY_FIELD_REPS = (
    "Making field reps develop their own leads is a poor practice that fails: phone-based lead "
    "development is a different skill from building rapport with C-level prospects and managing "
    "big deals; for high-quota reps it is the first activity to drop when large pursuits come "
    "along; and companies with dedicated practices, tools and labor models out-execute them."
)

RULES: tuple[Rule, ...] = (
    Rule(
        key="nobody_owns_lead_development",
        severity=3,
        applies=lambda ctx: ctx.lead_owner == "nobody",
        finding="Nobody owns lead development today.",
        recommendation=(
            "Name one owner for lead development and this plan, and review its progress with the CEO every week."
        ),
        why="No strategy. No plan. No leads. Qualified lead flow is often low priority for sales "
        "leaders, or they assume marketing is handling it.",
        trigger="Who develops leads today: {owner}",
    ),
    Rule(
        key="dedicated_lead_development",
        severity=3,
        applies=lambda ctx: (
            ctx.lead_owner == "field_reps" and serious("reps_lack_time", "reps_weak_at_prospecting")(ctx)
        ),
        finding="Field reps develop their own leads, and they lack the time or the skill for it.",
        recommendation=(
            "Give lead development to dedicated people, inside lead development reps or an "
            "outsourced team, and let the field reps close: {reps_phrase}."
        ),
        why=WHY_FIELD_REPS,
        trigger=cite("reps_lack_time", "reps_weak_at_prospecting", owner=True),
    ),
    Rule(
        key="plan_relies_on_field_reps",
        severity=2,
        applies=lambda ctx: ctx.field_share > 0.5,
        finding="Field reps prospecting part-time supply {field_share} of the plan's leads.",
        recommendation=(
            "Move most of that output to dedicated lead development people (inside or outsourced) "
            "so that it does not stop when big deals need the reps."
        ),
        why=WHY_FIELD_REPS,
        trigger="Share of supplied sales-ready leads from field reps: {field_share}",
    ),
    Rule(
        key="old_rules_marketing",
        severity=2,
        applies=lambda ctx: mostly_old_rules(ctx) and serious("poor_marketing")(ctx),
        finding="Marketing plays by the old rules: {old_rules} rather than lead-focused programs.",
        recommendation=(
            "Shift budget from brand, SEO, brochures, booths and slide decks to lead-focused "
            "programs (lead nurturing, targeted campaigns, content offers, webinars, lead "
            "scoring), and measure marketing in sales-ready leads a month and cost per "
            "sales-ready lead."
        ),
        why="Marketing by the old rules reports activity, a new look, Google rankings, a "
        "spectacular booth, instead of sales-ready leads; then sales concludes it must find "
        "leads itself.",
        trigger=lambda ctx: (
            f"Marketing activities: {ctx.phrases()['old_rules']} (lead-focused: "
            f"{ctx.phrases()['lead_focused']}); {ctx.answer('poor_marketing')}"
        ),
    ),
    Rule(
        key="measure_marketing_in_leads",
        severity=1,
        applies=lambda ctx: not mostly_old_rules(ctx) and serious("poor_marketing")(ctx),
        finding="Sales rates marketing as poor.",
        recommendation=(
            "Review marketing's leads together in the pipeline review, agree which are "
            "sales-ready, and fund the programs that produce them rather than cutting them."
        ),
        why="Even if three quarters of marketing's leads are poor, a quarter have good potential; "
        "complaining about marketing's leads only leads to program cuts and even fewer leads.",
        trigger=cite("poor_marketing"),
    ),
    Rule(
        key="marketing_owns_without_lead_programs",
        severity=2,
        applies=lambda ctx: ctx.lead_owner == "marketing" and not ctx.lead_focused,
        finding="Marketing owns lead development, but none of its activities is lead-focused.",
        recommendation=(
            "Ask marketing for lead-focused programs (nurturing, targeted campaigns, content "
            "offers, webinars, lead scoring) with a target in sales-ready leads a month."
        ),
        why="Sales leaders often assume marketing is handling lead flow; marketing by the old "
        "rules reports activity instead of sales-ready leads.",
        trigger="Who develops leads today: {owner}; lead-focused marketing activities: none",
    ),
    Rule(
        key="cleanse_lists",
        severity=2,
        applies=serious("inaccurate_lists"),
        finding="Lead lists and databases are inaccurate.",
        recommendation=(
            "Cleanse and verify the lists (contacts, titles, phone numbers and emails) before "
            "outbound work starts{outbound}, and budget for keeping them current."
        ),
        why="Inaccurate lead lists and databases are one of the reasons leaders give for why "
        "finding qualified leads is so hard: every bad record is a wasted dial or email.",
        trigger=cite("inaccurate_lists"),
    ),
    Rule(
        key="message_and_offer",
        severity=2,
        applies=serious("prospects_not_interested"),
        finding="Prospects are not interested in talking.",
        recommendation=(
            "Work on the message and the offer: what the prospect gains from a conversation, "
            "content that earns it (guides, webinars, case studies) and nurturing for those not "
            "ready yet."
        ),
        why="Buyers have changed how they buy; companies using new practices for lead "
        "generation are finding the prospects who are buying, while those engaging prospects "
        "the old way fall behind.",
        trigger=cite("prospects_not_interested"),
    ),
    Rule(
        key="coverage_gap",
        severity=lambda ctx: 3 if (ctx.coverage or 0) < 0.8 else 2,
        applies=lambda ctx: ctx.short,
        finding=(
            "This year the plan makes {expected} of the {needed} sales-ready leads needed{by}: "
            "{gap} short ({coverage} coverage)."
        ),
        recommendation="{cheapest_advice}. {reps_sentence}.",
        why="If you have any issues filling the pipeline with leads you want to know that in "
        "your first quarter, not the fourth.",
        trigger="Coverage {coverage}: {expected} of {needed} needed{by}",
    ),
    Rule(
        key="agree_sales_ready_definition",
        severity=2,
        applies=lambda ctx: "sales_ready_definition" not in ctx.lead_focused and marketing_in_lead_flow(ctx),
        finding="Sales and marketing have not agreed what a sales-ready lead is.",
        recommendation=(
            "Agree one definition of a sales-ready lead with marketing, and review the pipeline "
            "together against it every month."
        ),
        why="Even if three quarters of marketing's leads are poor, a quarter have potential; "
        "sales and marketing must agree what a sales-ready lead is instead of calling the leads "
        "weak.",
        trigger="Marketing activities: no agreed definition of a sales-ready lead",
    ),
)


def findings(plan: Plan, result: PlanResult, library: Library | None = None) -> tuple[Finding, ...]:
    """The findings that apply to the plan, most severe first (the table's order within a level),
    then each assumption outside its industry's range (``library``: the built-in one if None)."""
    ctx = context(plan, result)
    phrases = ctx.phrases()
    fired = [rule.fire(ctx, phrases) for rule in RULES if rule.applies(ctx)]
    return (*sorted(fired, key=lambda f: -f.severity), *assumption_findings(plan, result, library))


def assumption_findings(plan: Plan, result: PlanResult, library: Library | None = None) -> tuple[Finding, ...]:
    """An assumption outside its industry's cited range, challenged before the CEO does: one each."""
    found = []
    industry = library_or_built_in(library).industry(plan.basics.industry)
    for challenge in challenges(plan, result, library):
        found.append(
            Finding(
                key=f"assumption.{challenge.figure}",
                severity=2,
                finding=challenge.text,
                recommendation="Check it against the client's own records before the review, or plan with the "
                "typical figure and say why the client differs.",
                why=challenge.range.source.reference,
                trigger=f"Industry: {industry.name if industry else plan.basics.industry}",
            )
        )
    return tuple(found)
