"""The metrics scorecard: activity, conversion and outcome measures generated from the plan.

Each generated metric has a stable ``key`` (``activity.dials.<resource id>``,
``conversion.win_rate``, ``outcome.srl.channel.<channel name>``) and a target taken from
the plan or the engine's result. The user's edits live in the plan file's ``metrics`` list:

- a stored metric whose ``key`` matches a generated one overrides it (``edited``), and so
  survives regeneration; an empty name, unit or owner and a missing target mean "follow the
  plan" for that field, so editing only the owner keeps the target in step with the plan;
- a stored metric without a key is the user's own, listed after the generated ones;
- a stored metric whose key is no longer generated (its resource was deleted) is left out;
- a stored metric without a key that measures what a generated one measures (the same name
  once "needed", "a month", "per week" ... are set aside: "Sales-ready leads per month" is
  "Sales-ready leads needed a month, all sources") replaces it in place, so the scorecard has
  one target for one measure; when the two targets disagree (in a month's terms, by more than
  a tenth) the row says so: "your 40 a week is 173 a month; the plan needs 44".

A target is read in the metric's own words (``period``): its name says the period it counts.
"per week", "a week", "each week", "every week", "weekly" (and "/week") mean a week; the same words with
"day"/"daily" a day, "month"/"monthly" a month, "quarter"/"quarterly" a quarter. A name that says no
period is read as a month (the scorecard's targets are monthly figures unless they say otherwise), and
a ratio ("Cost per sales-ready lead", a conversion rate) has no period to convert. The cadence is only
how often the metric is reviewed: "Sales-ready leads per month", target 40, reviewed weekly, is 40 a
month. In a month's terms a week is 52 / 12 of a month and a day a working day, 5 a week
(52 x 5 / 12 = 21.7 a month); a quarter is three months.

"Sales-ready leads needed a month" follows plan model v3: this year's sales-ready leads needed (S)
over the in-time months, the months whose leads close within the plan (400 / 9 = 44 for the sample,
a 12-month plan with a 3-month cycle); none when no month is in time.

Supply rows nest: each resource's channels (and its capacity no channel takes) sit under it
with ``parent`` set to the resource's key, so a resource's row is the sum of the rows under it
and the top-level supply rows add up to the supply.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from planner.numbers import formatting as fmt
from planner.numbers.results import ChannelResult, PlanResult
from planner.plan.model import Activity, LaborResource, Metric, Plan

WORKING_DAYS_A_WEEK = 5

OWNERS = {
    "field": "Head of sales",
    "inside": "Lead development manager",
    "outsourced": "Outsourced team's manager",
}
HEAD_OF_SALES = "Head of sales"
HEAD_OF_MARKETING = "Head of marketing"
BOTH_HEADS = "Heads of sales and marketing"
PERCENT = "%"


@dataclass(frozen=True)
class ScorecardMetric:
    key: str  # stable id of a generated metric; "" for the user's own metric
    name: str
    kind: str
    target: float | None
    unit: str
    owner: str
    cadence: str
    edited: bool  # a generated metric the user changed
    parent: str = ""  # the key of the row this one nests under (a resource's channels)
    note: str = ""  # a conflict with the plan, in words ("your 40 a week is 173 a month; ...")
    replaces: str = ""  # the key of the generated metric the user's own metric replaces
    own: int = -1  # the user's own metric: its index in ``plan.metrics`` (-1 for a generated one)


def _generated(
    key: str, name: str, kind: str, target: float | None, unit: str, owner: str, cadence: str, parent: str = ""
) -> ScorecardMetric:
    return ScorecardMetric(key, name, kind, target, unit, owner, cadence, edited=False, parent=parent)


def _channel_metric(key: str, channel: ChannelResult, months: int, owner: str, parent: str = "") -> ScorecardMetric:
    """Sales-ready leads a month from one channel (nested under its resource when it has one)."""
    name = f"Sales-ready leads a month from {channel.name or channel.type}"
    per_month = channel.total_sales_ready_leads / months
    return _generated(key, name, "outcome", per_month, "leads", owner, "monthly", parent)


def activity_rates(resource: LaborResource) -> Activity:
    """The resource's activity calculator, or one made of the defaults ("activity.*")."""
    return resource.activity or Activity()


def activity_metrics(resource: LaborResource) -> list[ScorecardMetric]:
    """Dials and conversations per person a week that deliver the resource's planned output.

    Worked backwards from q, the plan's sales-ready leads per person-month, with the
    resource's activity rates (or the defaults):
        conversations a month = q / conversation_to_srl
        dials a month         = conversations a month / connect_rate
        a week                = a month x 5 / working_days   (a working week is 5 days)
    When q comes from the activity calculator (q = working days x dials a day x connect rate
    x conversation rate), the dials target is simply dials a day x 5.
    """
    rates = activity_rates(resource)
    q = resource.srl_per_person_month
    if q <= 0 or rates.working_days <= 0:
        return []
    weeks_a_month = rates.working_days / WORKING_DAYS_A_WEEK
    conversations = q / rates.conversation_to_srl
    dials = conversations / rates.connect_rate
    name, owner = resource.name or resource.id, OWNERS.get(resource.kind, HEAD_OF_SALES)
    return [
        _generated(
            f"activity.dials.{resource.id}",
            f"Dials per person a week: {name}",
            "activity",
            dials / weeks_a_month,
            "dials",
            owner,
            "weekly",
        ),
        _generated(
            f"activity.conversations.{resource.id}",
            f"Conversations per person a week: {name}",
            "activity",
            conversations / weeks_a_month,
            "conversations",
            owner,
            "weekly",
        ),
    ]


def conversion_metrics(plan: Plan) -> list[ScorecardMetric]:
    """The funnel's stage rates, as the plan sets them (fractions, shown as percentages)."""
    t = plan.targets
    rows = (
        ("lead_to_qualified", "Raw lead to qualified lead", t.lead_to_mql, HEAD_OF_MARKETING),
        (
            "qualified_to_sales_ready",
            "Qualified lead to sales-ready lead",
            t.mql_to_srl,
            BOTH_HEADS,
        ),
        (
            "sales_ready_to_opportunity",
            "Sales-ready lead to opportunity",
            t.srl_to_opportunity,
            HEAD_OF_SALES,
        ),
        ("win_rate", "Win rate", t.win_rate, HEAD_OF_SALES),
    )
    return [
        _generated(f"conversion.{key}", name, "conversion", rate, PERCENT, owner, "monthly")
        for key, name, rate, owner in rows
    ]


def channel_keys(plan: Plan) -> list[str]:
    """A key for each channel, by name (a repeated name gets #2, #3 ...)."""
    seen: dict[str, int] = {}
    keys = []
    for channel in plan.channels:
        seen[channel.name] = seen.get(channel.name, 0) + 1
        suffix = f"#{seen[channel.name]}" if seen[channel.name] > 1 else ""
        keys.append(f"outcome.srl.channel.{channel.name}{suffix}")
    return keys


def needed_a_month(result: PlanResult) -> float | None:
    """This year's sales-ready leads needed (S) a month of the in-time months (plan model v3: the
    leads of the carry-over months close next year); None when no month is in time."""
    year = result.year
    if year.first_month is None or year.last_month is None:
        return None
    return year.sales_ready_leads_needed / (year.last_month - year.first_month + 1)


def outcome_metrics(plan: Plan, result: PlanResult) -> list[ScorecardMetric]:
    """Sales-ready leads a month (needed; planned by resource and by channel), pipeline, cost.

    The leads needed a month are this year's over its in-time months (``needed_a_month``); the
    other monthly targets are the horizon's totals divided by its months (the plan's average
    month); the engine's figures, nothing recomputed.
    """
    h, c = result.horizon, result.currency
    found = [
        _generated(
            "outcome.srl.needed",
            "Sales-ready leads needed a month, all sources",
            "outcome",
            needed_a_month(result),
            "leads",
            HEAD_OF_SALES,
            "monthly",
        )
    ]
    keys = dict(zip((id(c) for c in result.channels), channel_keys(plan), strict=True))
    for resource in result.resources:
        parent = f"outcome.srl.{resource.id}"
        owner = OWNERS.get(resource.kind, HEAD_OF_SALES)
        name = resource.name or resource.id
        found.append(
            _generated(
                parent,
                f"Sales-ready leads a month from {name}",
                "outcome",
                resource.total_output / h,
                "leads",
                owner,
                "monthly",
            )
        )
        for channel in result.channels:
            if not channel.is_program and channel.owner == resource.id:
                found.append(_channel_metric(keys[id(channel)], channel, h, owner, parent))
        if resource.unassigned_output > 0 and resource.assigned_share > 0:
            found.append(
                _generated(
                    f"outcome.srl.unassigned.{resource.id}",
                    f"Not assigned to a channel: {name}",
                    "outcome",
                    resource.unassigned_output / h,
                    "leads",
                    owner,
                    "monthly",
                    parent,
                )
            )
    known = {r.id for r in result.resources}
    for channel in result.channels:
        if channel.is_program or channel.owner not in known:
            owner = HEAD_OF_MARKETING if channel.is_program else HEAD_OF_SALES
            found.append(_channel_metric(keys[id(channel)], channel, h, owner))
    pipeline = result.demand.pipeline / h
    found.append(
        _generated(
            "outcome.pipeline",
            "Pipeline created a month",
            "outcome",
            pipeline,
            c,
            HEAD_OF_SALES,
            "monthly",
        )
    )
    found.append(
        _generated(
            "outcome.cost_per_srl",
            "Cost per sales-ready lead",
            "outcome",
            result.supply.cost_per_sales_ready_lead,
            c,
            BOTH_HEADS,
            "quarterly",
        )
    )
    return found


def generated_metrics(plan: Plan, result: PlanResult) -> tuple[ScorecardMetric, ...]:
    """The scorecard the plan implies, before the user's edits."""
    activity = [m for resource in plan.labor for m in activity_metrics(resource)]
    return (*activity, *conversion_metrics(plan), *outcome_metrics(plan, result))


def overridden(generated: ScorecardMetric, stored: Metric) -> ScorecardMetric:
    """A generated metric with the user's stored edits (blank fields follow the plan)."""
    return dataclasses.replace(
        generated,
        name=stored.name or generated.name,
        target=stored.target if stored.target is not None else generated.target,
        unit=stored.unit or generated.unit,
        owner=stored.owner or generated.owner,
        cadence=stored.cadence,
        edited=True,
    )


def own_metric(stored: Metric, index: int = -1) -> ScorecardMetric:
    return ScorecardMetric(
        "",
        stored.name,
        stored.kind,
        stored.target,
        stored.unit,
        stored.owner,
        stored.cadence,
        edited=False,
        own=index,
    )


WEEKS_A_MONTH = 52 / 12
WORKING_DAYS_A_MONTH = WEEKS_A_MONTH * WORKING_DAYS_A_WEEK
PER_MONTH = {"day": WORKING_DAYS_A_MONTH, "week": WEEKS_A_MONTH, "month": 1.0, "quarter": 1 / 3}
# a period by its noun ("per week", "a week", "each week", "every week", "/week") or its adverb ("weekly")
_PERIOD_PATTERNS = {
    period: re.compile(rf"\b(?:per|a|an|each|every)\s+{period}\b|/\s*{period}\b|\b{adverb}\b")
    for period, adverb in (("day", "daily"), ("week", "weekly"), ("month", "monthly"), ("quarter", "quarterly"))
}
SET_ASIDE = re.compile(
    r"\b(needed|all sources|per|a|an|each|every|day|days|daily|month|months|week|weeks|quarter|quarters|monthly"
    r"|weekly|quarterly)\b"
)


def period(name: str) -> str:
    """The period a metric's target counts, read from its name: "Sales-ready leads per month" ->
    "month", "Dials per person a week" -> "week", "Meetings daily" -> "day"; "month" when the name
    says none. The first period the name names wins ("Dials a day, reviewed weekly" is a day)."""
    text = name.lower()
    found = [(m.start(), p) for p, pattern in _PERIOD_PATTERNS.items() if (m := pattern.search(text))]
    return min(found)[1] if found else "month"


def measure(name: str) -> str:
    """What a metric measures, from its name: "Sales-ready leads per month" -> "sales-ready leads"."""
    text = name.lower().replace("sales ready", "sales-ready").replace("srls", "sales-ready leads")
    text = SET_ASIDE.sub(" ", re.sub(r"[,;:()/]", " ", text))
    return " ".join(text.split())


def conflict(own: ScorecardMetric, generated: ScorecardMetric) -> str:
    """The user's target against the plan's, in a month's terms; "" when they agree (within a tenth).

    Each target is read in its own metric's words (``period`` of its name), never by its cadence."""
    if own.target is None or generated.target is None or own.unit == PERCENT:
        return ""
    own_period = period(own.name)
    per_month = own.target * PER_MONTH[own_period]
    plan_month = generated.target * PER_MONTH[period(generated.name)]
    if abs(per_month - plan_month) <= 0.1 * abs(plan_month):
        return ""
    yours = f"your {fmt.count(own.target)} a {own_period}"
    if own_period != "month":
        yours += f" is {fmt.count(per_month)} a month"
    return f"{yours}; the plan needs {fmt.count(plan_month)}"


def scorecard(plan: Plan, result: PlanResult) -> tuple[ScorecardMetric, ...]:
    """The generated metrics with the user's edits, then the user's own metrics; an own metric
    that measures what a generated one does takes its place (flagged when the targets differ)."""
    stored = {m.key: m for m in plan.metrics if m.key}
    generated = [overridden(g, stored[g.key]) if g.key in stored else g for g in generated_metrics(plan, result)]
    owns = [own_metric(m, i) for i, m in enumerate(plan.metrics) if not m.key]
    if not owns:  # (what each generated metric measures is read from its name only when needed)
        return tuple(generated)
    by_measure = {measure(g.name): i for i, g in reversed(list(enumerate(generated))) if g.unit != PERCENT}
    own = []
    for metric in owns:
        index = by_measure.pop(measure(metric.name), None)
        if index is None:
            own.append(metric)
            continue
        replaced = generated[index]
        generated[index] = dataclasses.replace(
            metric, parent=replaced.parent, note=conflict(metric, replaced), replaces=replaced.key
        )
    return (*generated, *own)


EDITABLE = ("name", "target", "unit", "owner", "cadence")


def edit_metric(plan: Plan, result: PlanResult, key: str, **changes: object) -> Plan:
    """The plan with the user's edit of the generated metric ``key`` stored in its metrics.

    ``changes`` are Metric fields (name, target, unit, owner, cadence). An edit that makes
    the metric the same as the generated one removes the stored override.
    """
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not an editable metric field: {', '.join(sorted(unknown))}")
    generated = {g.key: g for g in generated_metrics(plan, result)}
    if key not in generated:
        raise KeyError(f"no generated metric {key!r}")
    base = generated[key]
    metrics = list(plan.metrics)
    index = next((i for i, m in enumerate(metrics) if m.key == key), None)
    current = metrics[index] if index is not None else Metric(key=key, kind=base.kind, cadence=base.cadence)
    updated = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
    if dataclasses.replace(overridden(base, updated), edited=False) == base:
        return reset_metric(plan, key)
    if index is None:
        metrics.append(updated)
    else:
        metrics[index] = updated
    return dataclasses.replace(plan, metrics=tuple(metrics))


def reset_metric(plan: Plan, key: str) -> Plan:
    """The plan without the user's edits of the generated metric ``key``."""
    return dataclasses.replace(plan, metrics=tuple(m for m in plan.metrics if m.key != key))


def format_target(metric: ScorecardMetric, currency: str) -> str:
    """The target as the app and the exports show it: 25%, $823, 300."""
    if metric.unit == PERCENT:
        return fmt.percent(metric.target)
    if currency and metric.unit == currency:
        return fmt.money(metric.target, currency)
    return fmt.count(metric.target)
