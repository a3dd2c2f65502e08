"""The weekly CEO review: the seeds' five agenda items, prefilled where the plan knows something.

Each item lists the plan's own entries first (the revenue goal and the monthly targets, the
gap as a risk, the new lead development people as initiatives), then the user's items from
``plan.review`` (the Review field named like the item's key). Once actuals are reported, the
review runs on them: actual revenue against the goal to date and the gap in money come first,
and the risks gain the months and the stages that are behind the plan. Figures come from the
engine's result (and :mod:`planner.advice.tracking`) and are formatted by :mod:`planner.numbers.formatting`.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.advice import health, tracking
from planner.numbers import formatting as fmt
from planner.numbers import status as st
from planner.numbers.results import MonthResult, PlanResult
from planner.plan import vocab
from planner.plan.model import Plan


@dataclass(frozen=True)
class AgendaItem:
    key: str  # revenue_vs_goal, big_deals, risks, initiatives, issues (in this order)
    title: str
    question: str  # what the CEO asks under this item
    entries: tuple[str, ...]  # prefilled by the plan, then the user's own items


# key, title, question: the agenda of the seeds' weekly CEO and sales leader meeting
AGENDA: tuple[tuple[str, str, str], ...] = (
    (
        "revenue_vs_goal",
        "Actual revenue vs goal",
        "What is actual revenue against the goal (real numbers, not projections), and if "
        "there is a gap, what is the sales leader doing about it?",
    ),
    (
        "big_deals",
        vocab.REVIEW_LISTS["big_deals"],
        "Which big deals closed or are just closing: their revenue impact, the capacity they "
        "need, and the wins to celebrate?",
    ),
    (
        "risks",
        vocab.REVIEW_LISTS["risks"],
        "Which deals or accounts are in jeopardy, and what is the sales leader doing about it?",
    ),
    (
        "initiatives",
        vocab.REVIEW_LISTS["initiatives"],
        "What is the sales leader focusing on aside from selling: skills for the team, new "
        "products or services, new markets or geography, a rep to save? Is the CEO on board?",
    ),
    (
        "issues",
        vocab.REVIEW_LISTS["issues"],
        "What is not working, or what question does the CEO or the sales leader want to raise?",
    ),
)


def revenue_entries(plan: Plan, result: PlanResult) -> list[str]:
    """The goal, what new sales-ready leads must bring, and the monthly lead targets."""
    t, c = plan.targets, result.currency
    demand = result.demand
    goal = f"Goal: {fmt.money(t.revenue_goal, c)} new-logo revenue"
    if t.pipeline_revenue:
        goal += (
            f"; {fmt.money(t.pipeline_revenue, c)} expected from the current pipeline, so "
            f"{fmt.money(demand.net_new_revenue, c)} must come from new sales-ready leads"
        )
    entries = [*actual_entries(result), goal]
    if demand.sales_ready_leads <= 0:
        entries.append("The current pipeline covers the goal: no new sales-ready leads are needed")
        return entries
    year = result.year
    if year.last_month is None:
        entries.append(
            f"The plan needs {fmt.count(demand.sales_ready_leads)} sales-ready leads for "
            f"{fmt.count(demand.opportunities)} opportunities and {fmt.count(demand.wins)} wins, but the sales "
            "cycle is as long as the plan: no lead created in it closes inside it"
        )
    else:
        entries.append(
            f"The plan needs {fmt.count(demand.sales_ready_leads)} sales-ready leads by "
            f"{health.month_label(result, year.last_month)} (the leads that close this year) for "
            f"{fmt.count(demand.opportunities)} opportunities and {fmt.count(demand.wins)} wins; "
            f"{fmt.count(year.sales_ready_leads_expected)} are expected in time"
        )
    entries.append(monthly_targets(result))
    return entries


def actual_entries(result: PlanResult) -> list[str]:
    """Real numbers first: actual revenue against the goal to date, and the sales-ready leads to date."""
    actual, c = result.actuals, result.currency
    if actual is None:
        return []
    entries = []
    if actual.revenue is not None and actual.revenue_goal_to_date is not None and actual.revenue_vs_goal is not None:
        versus = actual.revenue_vs_goal
        where = st.standing(
            -versus,
            short=f"{fmt.money(-versus, c)} behind the goal",
            surplus=f"{fmt.money(versus, c)} ahead of the goal",
            even="on the goal",
        )
        entries.append(
            f"Actual revenue to {health.month_label(result, actual.revenue_through_month)}: "
            f"{fmt.money(actual.revenue, c)} against {fmt.money(actual.revenue_goal_to_date, c)} "
            f"of the goal to date, {where}"
        )
    to_date = health.to_date_line(result)
    if to_date:
        entries.append(
            f"{to_date[0].upper()}{to_date[1:]}; at this pace {fmt.count(actual.forecast_sales_ready_leads)} "
            f"of the {fmt.count(result.demand.sales_ready_leads)} the year needs "
            f"({fmt.percent(actual.forecast_coverage)})"
        )
    return entries


def monthly_targets(result: PlanResult) -> str:
    """The sales-ready leads each month needs (one figure when every month needs the same): this
    year's months, then the carry-over months, whose leads start next year."""
    in_time = [m for m in result.months if m.in_time]
    carried = [m for m in result.months if not m.in_time]
    if not in_time:
        return "Next year's start: " + _targets(carried)
    text = ("Monthly target: " if _same(in_time) else "Monthly targets (sales-ready leads): ") + _targets(in_time)
    if carried:
        text += f"; then, for next year's start, {_targets(carried)}"
    return text


def _same(months: list[MonthResult]) -> bool:
    return len({fmt.count(m.sales_ready_leads_needed) for m in months}) == 1


def _targets(months: list[MonthResult]) -> str:
    """ "44 sales-ready leads each month, Jan 2027 to Sep 2027" or "Jan 2027 200, Feb 2027 100"."""
    needs = [fmt.count(m.sales_ready_leads_needed) for m in months]
    if _same(months):
        span = months[0].label if len(months) == 1 else f"{months[0].label} to {months[-1].label}"
        return f"{needs[0]} sales-ready leads each month, {span}"
    return ", ".join(f"{m.label} {need}" for m, need in zip(months, needs, strict=True))


def risk_entries(result: PlanResult) -> list[str]:
    """The plan's gap, when coverage is below 100%; then what the actuals show is behind."""
    return [*gap_entries(result), *behind_entries(result)]


def behind_entries(result: PlanResult) -> list[str]:
    """The months whose actual sales-ready leads fell short, and the later stages behind their plan to date."""
    entries = []
    months = tracking.months_behind(result)
    if months:
        listed = ", ".join(
            f"{m.label} ({fmt.count(m.actual_sales_ready_leads)} of {fmt.count(m.sales_ready_leads_needed)})"
            for m in months
        )
        entries.append(f"Months behind on sales-ready leads: {listed}")
    for stage in tracking.STAGES[1:]:
        figures = tracking.to_date(result, stage)
        if figures is None or figures.standing != "behind":
            continue
        show = (lambda v: fmt.money(v, result.currency)) if stage.kind == "money" else fmt.count
        label = health.month_label(result, figures.through_month)
        if stage.more_is_better:
            entries.append(
                f"{stage.label} behind the plan: {show(figures.actual)} to {label} against "
                f"{show(figures.plan)} planned, {show(-figures.variance)} short"
            )
        else:
            entries.append(
                f"{stage.label} above the plan: {show(figures.actual)} to {label} against "
                f"{show(figures.plan)} planned, {show(figures.variance)} over"
            )
    return entries


def gap_entries(result: PlanResult) -> list[str]:
    """This year's gap (PRODUCT.md v3: at this pace, once there are actual sales-ready leads)."""
    gap, year = result.gap, result.year
    if not st.is_short(gap.sales_ready_leads):
        return []
    by = f" by {health.month_label(result, year.last_month)}" if year.last_month else ""
    actual = result.actuals
    if actual is not None and actual.through_month:
        return [
            f"At this pace the year ends {fmt.count(gap.sales_ready_leads)} sales-ready leads short "
            f"({fmt.percent(gap.coverage)} of those needed{by})"
        ]
    risk = (
        f"The plan is {fmt.count(gap.sales_ready_leads)} sales-ready leads short of this year's "
        f"{fmt.count(year.sales_ready_leads_needed)}{by} ({fmt.percent(gap.coverage)} coverage)"
    )
    reps, latest = gap.inside_reps_to_close_gap, gap.latest_start_month
    if reps is None or latest is None:
        risk += "; no hire made now closes it"
    else:
        risk += (
            f"; {reps:,} more inside {'rep' if reps == 1 else 'reps'} hired to start by "
            f"{health.month_label(result, latest)} would close it"
        )
    return [risk]


def initiative_entries(plan: Plan, result: PlanResult) -> list[str]:
    """The lead development people the plan adds after its first month."""
    labels = [m.label for m in result.months]
    entries = []
    for resource in plan.labor:
        if 1 < resource.start_month <= len(labels) and resource.headcount > 0:
            people = "person" if resource.headcount == 1 else "people"
            ramp = (
                f"ramping over {fmt.months(resource.ramp_months)}"
                if resource.ramp_months
                else "at full output from the start"
            )
            entries.append(
                f"Start {resource.name or resource.id} ({fmt.count(resource.headcount)} {people}) "
                f"in {labels[resource.start_month - 1]}, {ramp}"
            )
    return entries


def review_agenda(plan: Plan, result: PlanResult) -> tuple[AgendaItem, ...]:
    """The five agenda items of the weekly CEO review, in the seeds' order."""
    prefilled = {
        "revenue_vs_goal": revenue_entries(plan, result),
        "risks": risk_entries(result),
        "initiatives": initiative_entries(plan, result),
    }
    return tuple(
        AgendaItem(
            key,
            title,
            question,
            (*prefilled.get(key, ()), *getattr(plan.review, key)),
        )
        for key, title, question in AGENDA
    )


def agenda_title(plan: Plan) -> str:
    """The heading of the one-page agenda: "Weekly CEO review: Acme Fasteners"."""
    cadence = vocab.CADENCES.get(plan.review.cadence, plan.review.cadence)
    company = plan.basics.company
    return f"{cadence} CEO review" + (f": {company}" if company else "")


def agenda_text(plan: Plan, result: PlanResult) -> str:
    """The one-page agenda as plain text, for the command line and plain-text exports."""
    lines = [agenda_title(plan)]
    who = " and ".join(p for p in (plan.basics.prepared_for, plan.basics.prepared_by) if p)
    if who:
        lines.append(who)
    for number, item in enumerate(review_agenda(plan, result), 1):
        lines += ["", f"{number}. {item.title}", f"   {item.question}"]
        lines += [f"   - {entry}" for entry in item.entries] or ["   - (nothing yet)"]
    return "\n".join(lines) + "\n"
