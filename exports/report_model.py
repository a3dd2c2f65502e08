"""The HTML report's view-model: the engine's figures, formatted, section by section.

Nothing here does plan math: every number is read from ``compute(plan)`` and written with
``planner.numbers.formatting``, the module the app uses. The templates only lay the text out.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from exports import svg_charts as charts
from exports.report_memo import whole
from planner.advice import health
from planner.numbers import formatting as fmt
from planner.numbers.breakdown import top_with_others
from planner.numbers.results import LATE, SHORT, PlanResult
from planner.numbers.scenarios import TARGET_FIELDS
from planner.plan import vocab
from planner.plan.model import Plan, Spec
from planner.plan.months import month_labels

SCENARIOS_PER_TABLE = 4
SUPPLY_MIX_BARS = 12
TORNADO_ROWS = 8


@dataclass(frozen=True)
class Table:
    caption: str
    head: tuple[str, ...]
    rows: list[tuple[str, ...]]
    foot: tuple[str, ...] = ()
    text_columns: int = 1  # the first columns hold text (left-aligned), the rest numbers
    row_classes: tuple[str, ...] = ()  # a class for each body row ("subtotal", "behind"), or none
    more_foot: tuple[tuple[str, ...], ...] = ()  # footer rows after ``foot``


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: str = ""
    tone: str = ""  # "good", "bad" or "" for the headline tiles


def spec_text(spec: Spec, value: float | None, currency: str) -> str:
    """A plan value as its field's spec describes it (months counted in months)."""
    if value is not None and spec.unit == "months":
        return fmt.month_count(value)  # 1.5 months stays 1.5, never "1 month"
    return fmt.by_kind(value, spec.kind, currency)


def title_block(plan: Plan, today: _dt.date) -> dict[str, str]:
    b = plan.basics
    labels = month_labels(plan)
    return {
        "company": b.company,
        "title": b.title or "Lead development plan",
        "prepared_by": b.prepared_by,
        "prepared_for": b.prepared_for,
        "date": f"{today.day} {today:%B %Y}",
        "horizon": f"{fmt.months(plan.horizon)}, {labels[0]} to {labels[-1]}",
    }


def headline(result: PlanResult) -> dict[str, object]:
    """The plan in figures: this year's (PRODUCT.md v3: the leads created by the last in-time month,
    known from the actuals where reported), then the plan's cost and the value of all its leads."""
    c, d, s, g, year = result.currency, result.demand, result.supply, result.gap, result.year
    state = result.timing.status  # the verdict's own judgement: planner.numbers.status's one definition
    short = state == SHORT
    by = f"by {result.months[year.last_month - 1].label}" if year.last_month else "none closes this year"
    reps, latest = g.inside_reps_to_close_gap, g.latest_start_month
    if not short:
        gap_note = "sales-ready leads"
    elif reps is None or latest is None:
        gap_note = "no hire made now closes it"
    else:
        gap_note = (
            f"{reps:,} inside {'rep' if reps == 1 else 'reps'} hired by {result.months[latest - 1].label} close it"
        )
    through = result.actuals.through_month if result.actuals is not None else None
    expected_note = f"of {whole(s.sales_ready_leads)} supplied over {fmt.months(result.horizon)}"
    if through:
        expected_note = f"actual to {result.months[through - 1].label}, then planned"
    figures = [
        Figure(
            "Sales-ready leads needed", whole(d.sales_ready_leads), f"{by}, to win {fmt.money(d.net_new_revenue, c)}"
        ),
        Figure("Expected this year", whole(year.sales_ready_leads_expected), expected_note),
        Figure(
            "Coverage",
            fmt.percent(g.coverage),
            "expected / needed",
            {SHORT: "bad", LATE: "warn"}.get(state, "good"),
        ),
        Figure("Gap", fmt.gap(g.sales_ready_leads), gap_note, "bad" if short else "good"),
        Figure("Total cost", fmt.money(s.cost, c)),
        Figure("Cost per sales-ready lead", fmt.money(s.cost_per_sales_ready_lead, c)),
        Figure(
            "Projected revenue",
            fmt.money(s.projected_revenue, c),
            f"all {whole(s.sales_ready_leads)} leads, whenever they close",
        ),
        Figure(
            "Return on cost",
            fmt.ratio_multiple(s.return_on_cost),
            "gross margin less cost, over cost",
            "bad" if s.return_on_cost is not None and s.return_on_cost < 0 else "",
        ),
    ]
    return {"verdict": health.verdict(result), "figures": figures}


def diagnosis(plan: Plan) -> dict[str, object]:
    d = plan.diagnosis
    challenges = Table(
        "How severe each reason is today",
        ("Reason", "Severity"),
        [(label, vocab.SEVERITIES.get(getattr(d.challenges, key), "")) for key, label in vocab.CHALLENGES.items()],
        text_columns=2,
    )
    return {
        "owner": vocab.LEAD_OWNERS_TODAY.get(d.lead_owner_today, d.lead_owner_today),
        "old_rules": [vocab.OLD_RULES_ACTIVITIES[a] for a in d.marketing_activities if a in vocab.OLD_RULES_ACTIVITIES],
        "lead_focused": [
            vocab.LEAD_FOCUSED_ACTIVITIES[a] for a in d.marketing_activities if a in vocab.LEAD_FOCUSED_ACTIVITIES
        ],
        "notes": d.notes,
        "challenges": challenges,
    }


def targets(plan: Plan, result: PlanResult) -> dict[str, object]:
    t, d, c = plan.targets, result.demand, result.currency
    inputs = Table(
        "Targets",
        ("Target", "Value"),
        [
            (TARGET_FIELDS[name].label, spec_text(TARGET_FIELDS[name], getattr(t, name), c))
            for name in (
                "revenue_goal",
                "pipeline_revenue",
                "deal_size",
                "win_rate",
                "sales_cycle_months",
                "gross_margin",
            )
        ],
    )
    stages = [
        ("Raw leads", d.raw_leads, fmt.percent(t.lead_to_mql), "become qualified leads"),
        ("Qualified leads", d.qualified_leads, fmt.percent(t.mql_to_srl), "become sales-ready leads"),
        ("Sales-ready leads", d.sales_ready_leads, fmt.percent(t.srl_to_opportunity), "become opportunities"),
        ("Opportunities", d.opportunities, fmt.percent(t.win_rate), "are won"),
        ("Wins", d.wins, "", ""),
    ]
    funnel = Table(
        "The reverse funnel: what the revenue goal needs at each stage",
        ("Stage", "Needed", "Conversion to the next stage"),
        [(name, whole(value), f"{rate} {words}".strip()) for name, value, rate, words in stages],
        foot=("Net new revenue needed", fmt.money(d.net_new_revenue, c), ""),
    )
    chart = charts.reverse_funnel(
        "chart-funnel",
        "The reverse funnel",
        [charts.Bar(name, value, whole(value)) for name, value, _, _ in stages],
        highlight=2,
    )
    return {"inputs": inputs, "funnel": funnel, "chart": chart}


def labor(plan: Plan, result: PlanResult) -> dict[str, object]:
    c, labels = result.currency, month_labels(plan)
    rows = []
    unassigned = []
    for resource, r in zip(plan.labor, result.resources, strict=True):
        start = labels[resource.start_month - 1] if resource.start_month <= len(labels) else fmt.NOT_AVAILABLE
        if resource.end_month is not None and resource.end_month < len(labels):
            start = f"{start} to {labels[max(resource.end_month, 1) - 1]}"
        rows.append(
            (
                r.name or r.id,
                vocab.LABOR_KINDS.get(r.kind, r.kind),
                fmt.entered(resource.headcount),
                start,
                fmt.month_count(resource.ramp_months),
                fmt.money(resource.cost_per_person_month, c),
                fmt.entered(resource.srl_per_person_month),
                whole(r.total_output),
                fmt.money(r.total_cost, c),
                fmt.money(r.cost_per_sales_ready_lead, c),
            )
        )
        if r.unassigned_output > 0:
            unassigned.append(
                f"{whole(r.unassigned_output)} sales-ready leads of {r.name or r.id} "
                f"({fmt.percent(1 - r.assigned_share)} of its capacity) are not assigned to a channel"
            )
    table = Table(
        "The labor model: who develops leads",
        (
            "Who",
            "Kind",
            "Head count",
            "Months",
            "Ramp",
            "Cost per person-month",
            "Sales-ready leads per person-month",
            "Sales-ready leads",
            "Cost",
            "Cost per sales-ready lead",
        ),
        rows,
        text_columns=2,
    )
    turnover = [
        f"{r.name or r.id}: {fmt.percent(r.attrition_rate)} of the people leave a year; a seat stays empty "
        f"{fmt.month_count(r.vacancy_months)} before its replacement ramps"
        for r in plan.labor
        if r.attrition_rate > 0
    ]
    return {"table": table, "unassigned": unassigned, "turnover": turnover}


def supply_sources(result: PlanResult) -> list[tuple[str, str, float, float, float | None]]:
    """(name, kind of source, sales-ready leads, cost, cost per lead): channels, then unassigned capacity."""
    sources = []
    names = {r.id: r.name or r.id for r in result.resources}
    for ch in result.channels:
        kind = "Marketing program" if ch.is_program else f"People: {names.get(ch.owner, ch.owner)}"
        sources.append((ch.name, kind, ch.total_sales_ready_leads, ch.total_cost, ch.cost_per_sales_ready_lead))
    for r in result.resources:
        if r.unassigned_output > 0:
            sources.append((f"Unassigned: {r.name or r.id}", "People, no channel", r.unassigned_output, 0.0, None))
    return sources


def program_spend(plan: Plan, index: int) -> str:
    """ "Marketing: $6,000 a month, Jan 2027 to Dec 2027" or "Marketing, by schedule: Mar 2027 $18,000; ..." """
    channel, labels, c = plan.channels[index], month_labels(plan), plan.basics.currency

    def label(month: int) -> str:
        return labels[month - 1] if 1 <= month <= len(labels) else f"month {month}"

    if channel.schedule:
        spends = "; ".join(f"{label(e.month)} {fmt.money(e.budget, c)}" for e in channel.schedule)
        return f"Marketing, by schedule: {spends}"
    last = len(labels) if channel.end_month is None else min(channel.end_month, len(labels))
    return (
        f"Marketing: {fmt.money(channel.monthly_budget or 0, c)} a month, {label(channel.start_month)} to {label(last)}"
    )


def channels(plan: Plan, result: PlanResult) -> dict[str, object]:
    c = result.currency
    total = result.supply.sales_ready_leads
    rows = [
        (
            ch.name,
            vocab.CHANNEL_TYPES.get(ch.type, ch.type),
            program_spend(plan, ch.index)
            if ch.is_program
            else next((r.name or r.id for r in result.resources if r.id == ch.owner), ch.owner),
            whole(ch.total_raw_leads) if ch.is_program else "",
            whole(ch.total_sales_ready_leads),
            fmt.money(ch.total_cost, c),
            fmt.money(ch.cost_per_sales_ready_lead, c),
            fmt.percent(ch.total_sales_ready_leads / total) if total else fmt.NOT_AVAILABLE,
        )
        for ch in result.channels
    ]
    rows += [
        (
            f"Unassigned capacity: {r.name or r.id}",
            "",
            "",
            "",
            whole(r.unassigned_output),
            "",
            "",
            fmt.percent(r.unassigned_output / total) if total else fmt.NOT_AVAILABLE,
        )
        for r in result.resources
        if r.unassigned_output > 0
    ]
    table = Table(
        "Channels: where the sales-ready leads come from",
        (
            "Channel",
            "Type",
            "Worked by",
            "Raw leads",
            "Sales-ready leads",
            "Cost",
            "Cost per sales-ready lead",
            "Share of supply",
        ),
        rows,
        foot=(
            "Total",
            "",
            "",
            "",
            whole(total),
            fmt.money(result.supply.cost, c),
            fmt.money(result.supply.cost_per_sales_ready_lead, c),
            fmt.percent(1.0) if total else "",
        ),
        text_columns=3,
    )
    sources = [(name, (value,)) for name, _, value, _, _ in supply_sources(result)]
    sources.sort(key=lambda source: -source[1][0])  # the largest bar first
    bars = top_with_others(sources, SUPPLY_MIX_BARS, lambda count: f"{count} other sources", keep_empty=True)
    chart = charts.horizontal_bars(
        "chart-mix",
        "Supply mix: sales-ready leads by source",
        [charts.Bar(name, value, whole(value)) for name, (value,) in bars],
    )
    return {"table": table, "chart": chart}
