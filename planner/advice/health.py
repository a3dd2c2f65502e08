"""The plan's health in plain words: the warnings beside the figures, and a one-line verdict."""

from __future__ import annotations

from typing import NamedTuple

from planner.numbers import formatting as fmt
from planner.numbers import status as st
from planner.numbers.funnel import EPSILON
from planner.numbers.results import LATE, SHORT, PlanResult
from planner.plan.checks import Problem
from planner.plan.model import Plan
from planner.plan.validation import validate


class Alert(NamedTuple):
    message: str
    path: str = ""  # the plan field it is about, where there is one


def alerts(plan: Plan, result: PlanResult, problems: list[Problem] | None = None) -> list[Alert]:
    """The warnings, most important first: whether the plan covers the goal and when, then the
    inputs to fix (``problems``: ``validate(plan)`` unless given), then bookkeeping. Capacity not
    assigned to a channel still counts as supply: it is a warning only when it is over a quarter
    of the plan's supply (else a note on the labor model's page). (Next year's start is said on a
    line of its own, ``next_year_line``, marked when it is short: ``next_year_short``.)"""
    coverage: list[Alert] = []
    needed, gap = result.demand.sales_ready_leads, result.gap
    if plan.targets.revenue_goal <= 0:
        coverage.append(Alert("Start here: type the new-logo revenue goal on Targets", "targets.revenue_goal"))
    elif needed <= 0:
        coverage.append(
            Alert(
                "The current pipeline already covers the revenue goal: no new sales-ready leads are needed",
                "targets.pipeline_revenue",
            )
        )
    elif result.timing.status == SHORT:
        coverage.append(
            Alert(
                f"Coverage is {fmt.percent(gap.coverage)}: the plan is {fmt.shortfall(gap.sales_ready_leads)} "
                "of the sales-ready leads needed"
            )
        )
    elif result.timing.status == LATE:
        timing = result.timing
        coverage.append(
            Alert(
                f"The plan is {behind_phrase(result)}: {fmt.count(timing.worst_shortfall)} sales-ready leads short "
                f"at worst, in {month_label(result, timing.worst_month)}; start people or programs earlier"
            )
        )
    first = result.first_supply_month
    if first is None:
        coverage.append(
            Alert("Nothing supplies sales-ready leads yet: add people in the labor model or a program channel")
        )
    elif first > 1:
        coverage.append(Alert(f"No one develops leads before month {first}"))
    inputs = [Alert(p.message, p.path) for p in (validate(plan) if problems is None else problems)]
    bookkeeping: list[Alert] = []
    if result.supply.return_on_cost is not None and result.supply.return_on_cost < 0:
        bookkeeping.append(Alert("The plan costs more than the gross margin its leads are projected to bring in"))
    labor_index = {r.id: i for i, r in enumerate(plan.labor)}
    supply = result.supply.sales_ready_leads
    for figures in result.resources:
        unassigned = 1 - figures.assigned_share
        if unassigned > EPSILON and unassigned * figures.total_output > UNASSIGNED_WARNING * supply:
            name = figures.name or figures.id
            bookkeeping.append(
                Alert(
                    f"{fmt.percent(unassigned)} of the capacity of {name} is not assigned to a channel "
                    "(it counts as supply, but no channel says where it goes)",
                    f"labor[{labor_index[figures.id]}]",
                )
            )
    return coverage + inputs + bookkeeping


UNASSIGNED_WARNING = 0.25  # capacity not assigned to a channel is a warning above this share of the supply


def standing(result: PlanResult) -> str:
    """short, late or on_track: the engine's one status (``planner.numbers.status``), with or without actuals."""
    return result.timing.status


def level(result: PlanResult) -> str:
    """The colour of the coverage and gap figures: good (on track), fair (late), poor (short), none."""
    if result.demand.sales_ready_leads <= 0:
        return "none"
    return st.level(result.timing.status)


def month_label(result: PlanResult, month: int | None) -> str:
    return result.months[month - 1].label if month and 0 < month <= len(result.months) else f"month {month}"


def span_label(result: PlanResult, first: int, last: int) -> str:
    """``Oct–Dec 2027``, ``Dec 2027–Feb 2028``, ``Oct 2027`` (one month) or ``Month 10–Month 12``."""
    a, b = month_label(result, first), month_label(result, last)
    if first == last:
        return a
    (a_name, _, a_year), (b_name, _, b_year) = a.rpartition(" "), b.rpartition(" ")
    if a_year == b_year and a_name and b_name and not a_name.startswith("Month"):
        return f"{a_name}–{b_name} {b_year}"
    return f"{a}–{b}"


def behind_spells(result: PlanResult) -> list[tuple[int, int]]:
    """The in-time months the plan is behind in (``timing.behind_months``), as spells of months in a
    row: ``[(1, 4)]`` for January to April."""
    spells: list[tuple[int, int]] = []
    for month in result.timing.behind_months:
        if spells and month == spells[-1][1] + 1:
            spells[-1] = (spells[-1][0], month)
        else:
            spells.append((month, month))
    return spells


def spell_words(result: PlanResult, first: int, last: int) -> str:
    """A spell of months behind, from the plan's first month or later: ``through Apr 2027``,
    ``in Jan 2027``, ``in Mar 2027``, ``from Mar 2027 through Apr 2027``."""
    if first == last:
        return f"in {month_label(result, first)}"
    if first == 1:
        return f"through {month_label(result, last)}"
    return f"from {month_label(result, first)} through {month_label(result, last)}"


def behind_phrase(result: PlanResult) -> str:
    """When the plan is behind, in words that say when it catches up: ``behind every month``,
    ``behind from Mar 2027`` (to the year's end), ``behind through Apr 2027, caught up in May 2027``,
    ``behind in Jan 2027, caught up in Feb 2027``, ``behind in Jan–Feb 2027 and Jun 2027, caught up
    in Jul 2027``: the in-time months whose cumulative gap is over half a lead (the carry-over
    months build next year)."""
    spells = behind_spells(result)
    if not spells:
        return ""
    last = result.year.last_month or len(result.months)  # the last in-time month
    if spells == [(1, last)]:
        return "behind every month"
    caught_up = "" if spells[-1][1] >= last else f", caught up in {month_label(result, spells[-1][1] + 1)}"
    if len(spells) == 1:
        first, end = spells[0]
        if end >= last:
            return f"behind from {month_label(result, first)}"
        return f"behind {spell_words(result, first, end)}{caught_up}"
    named = [span_label(result, a, b) for a, b in spells]
    if not caught_up:  # behind again to the year's end
        named[-1] = f"from {month_label(result, spells[-1][0])}"
    return f"behind in {', '.join(named[:-1])} and {named[-1]}{caught_up}"


def by_when(result: PlanResult) -> str:
    """``by Sep 2027``: the last month whose leads close inside the plan ('' when none does)."""
    last = result.year.last_month
    return f"by {month_label(result, last)}" if last else ""


def hiring_sentence(result: PlanResult) -> str:
    """What hires close this year's gap (plan model v3's rules: from s0, with the new hire's ramp,
    counting only the in-time months): ``Hire 3 inside reps to start by Feb 2027 to close it.``,
    ``No hire made now closes this year's gap.``, or '' when the year is not short."""
    if result.timing.status != SHORT:
        return ""
    gap = result.gap
    reps = gap.inside_reps_to_close_gap
    if reps is None:
        return "No hire made now closes this year's gap: the leads of a new rep would close after the year."
    if reps <= 0:
        return ""
    people = "inside rep" if reps == 1 else "inside reps"
    when = f" to start by {month_label(result, gap.latest_start_month)}" if gap.latest_start_month else " now"
    return f"Hire {reps:,} {people}{when} to close it."


def verdict(result: PlanResult) -> str:
    """This year's answer in one sentence, beginning with Short, Late or On track (the health
    panel's contract: the word is ``planner.numbers.status.word(result.timing.status)``), then what hires
    would close a short year. This year is the in-time months: their leads close inside the plan."""
    needed = result.demand.sales_ready_leads
    if needed <= 0:
        if result.revenue.goal <= 0:
            return "On track: no revenue goal yet. Enter the new-logo revenue goal and the deal size in Targets."
        return "On track: the current pipeline covers the revenue goal; no new sales-ready leads are needed."
    if result.actuals is not None and result.actuals.forecast_sales_ready_leads is not None:
        return _verdict_at_this_pace(result)
    status, coverage = result.timing.status, fmt.percent(result.gap.coverage)
    word = st.word(status)
    by = by_when(result)
    if not by:  # no month's leads close inside the plan: the sales cycle is as long as the plan
        return (
            f"{word}: no lead made in the plan closes by {month_label(result, len(result.months))} (the sales "
            f"cycle is as long as the plan), so none of the {fmt.count(needed)} sales-ready leads this year "
            f"needs comes in time. {hiring_sentence(result)}"
        ).strip()
    expected = result.year.sales_ready_leads_expected
    supplies = (
        f"{by} the plan supplies {fmt.count(expected)} of the {fmt.count(needed)} sales-ready leads this year needs"
    )
    if status == SHORT:
        timing = behind_phrase(result)
        closing = hiring_sentence(result)
        return (
            f"{word}: {supplies} ({coverage} coverage), {fmt.shortfall(result.gap.sales_ready_leads)}"
            f"{'; ' + timing if timing else ''}.{' ' + closing if closing else ''}"
        )
    if status == LATE:
        timing = result.timing
        return (
            f"{word}: {by} the plan covers this year ({coverage} coverage), but {behind_phrase(result)}: "
            f"{fmt.count(timing.worst_shortfall)} sales-ready leads short at worst, "
            f"in {month_label(result, timing.worst_month)}."
        )
    surplus = result.gap.sales_ready_leads
    extra = f"; {fmt.shortfall(surplus)}" if st.is_surplus(surplus) else ""
    per_lead = fmt.money(result.supply.cost_per_sales_ready_lead, result.currency)
    return f"{word}: {supplies} ({coverage} coverage) at {per_lead} each{extra}."


def _verdict_at_this_pace(result: PlanResult) -> str:
    """The year at this pace: the actuals through the last reported month, the plan's after."""
    actual = result.actuals
    assert actual is not None and actual.forecast_sales_ready_leads is not None
    coverage = fmt.percent(actual.forecast_coverage)
    to_date = to_date_line(result)
    status = result.timing.status
    word = st.word(status)
    by = f" {by_when(result)}" if result.year.last_month else ""
    if status == SHORT:
        closing = hiring_sentence(result)
        return (
            f"{word} at this pace: {coverage} of the year's sales-ready leads, "
            f"{fmt.shortfall(result.year.gap)}{by} ({to_date}).{' ' + closing if closing else ''}"
        )
    if status == LATE:
        return f"{word}: at this pace the year is covered ({coverage}){by}, but {to_date}."
    return f"{word} at this pace: {coverage} of the year's sales-ready leads{by} ({to_date})."


def next_year_short(result: PlanResult) -> bool:
    """Next year's start is short of what next year's first months need (warned of, not the status)."""
    start = result.next_year_start
    return start is not None and result.revenue.goal > 0 and st.is_short(start.gap)


def next_year_line(result: PlanResult) -> str:
    """``Next year's start: Oct–Dec 2027 builds 87 of the 125 sales-ready leads next year's first
    months need, 38 short.`` ('' without carry-over months: a sales cycle of 0). It is said, and
    warned about, but does not decide the status (PRODUCT.md v3)."""
    start = result.next_year_start
    if start is None or (start.sales_ready_leads_needed <= 0 and start.sales_ready_leads_expected <= 0):
        return ""
    months = span_label(result, start.first_month, start.last_month)
    gap = fmt.shortfall(start.gap)
    expected, needed = fmt.count(start.sales_ready_leads_expected), fmt.count(start.sales_ready_leads_needed)
    builds = (
        f"{expected} sales-ready leads, against the {needed} next year's first months need"
        if st.is_surplus(start.gap)
        else f"{expected} of the {needed} sales-ready leads next year's first months need"
    )
    return f"Next year's start: {months} builds {builds}{'' if gap == '0' else ', ' + gap}."


def to_date_line(result: PlanResult) -> str:
    """``41 sales-ready leads to Mar 2027 against 60 needed, 19 short`` ('' without actuals)."""
    actual = result.actuals
    if actual is None or actual.through_month is None or actual.sales_ready_leads is None:
        return ""
    assert actual.needed_to_date is not None and actual.variance is not None
    return (
        f"{fmt.count(actual.sales_ready_leads)} sales-ready leads to {month_label(result, actual.through_month)} "
        f"against {fmt.count(actual.needed_to_date)} needed, {fmt.shortfall(-actual.variance)}"
    )
