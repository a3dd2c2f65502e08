"""The one-page memo for the CEO: the verdict with its timing, the revenue bridge in money, next
year's start, the options that close the gap (from goal seek) and the decisions asked of the CEO.

Page 1 of the HTML report and the workbook's Summary sheet both show it; nothing here does plan
math: every figure is the engine's (``result.timing``, ``result.year``, ``result.revenue``, the
months' known series and cumulative gap) or goal seek's (the plan recomputed with each option),
read with or without actuals alike (the engine's figures already count them). Whether the plan is
short, late or on track is ``planner.numbers.status``'s word for ``result.timing.status``, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from planner.advice import health
from planner.benchmarks.library import Library
from planner.benchmarks.standing import challenges
from planner.numbers import formatting as fmt
from planner.numbers import status as st
from planner.numbers.goal_seek import (
    INSIDE_DRIVER,
    Option,
    earlier_starts,
    first_open_month,
    label_of,
    options,
    through,
)
from planner.numbers.hiring import earliest_start
from planner.numbers.results import LATE, ON_TRACK, SHORT, PlanResult
from planner.plan.model import Plan


@dataclass(frozen=True)
class BridgeLine:
    label: str
    amount: float
    note: str
    total: bool = False  # a result line (expected, gap) rather than a part
    aside: bool = False  # a note beside the bridge, not part of it (revenue carried over to next year)


@dataclass(frozen=True)
class MemoOption:
    title: str
    cost: str
    timing: str
    effect: str


class MemoMonth(NamedTuple):
    """A month of the page-1 chart: added up from the first month."""

    label: str
    needed: float  # sales-ready leads needed, months 1..m
    known: float  # sales-ready leads known, months 1..m: actual through the last reported month, planned after
    in_time: bool  # False: a carry-over month, whose leads close next year


@dataclass(frozen=True)
class Memo:
    status: str  # "short" | "late" | "on_track" (planner.numbers.status)
    verdict: str  # begins with the status word; the gap in leads and money, and by when
    next_year: str  # one line on next year's start ("" when no month carries over)
    bridge: tuple[BridgeLine, ...]
    options: tuple[MemoOption, ...]
    decisions: tuple[str, ...]
    cumulative: tuple[MemoMonth, ...]
    assumptions: tuple[str, ...] = ()  # page 1's "assumptions to check": one line per figure outside its range


def _label(result: PlanResult, month: int | None) -> str:
    return label_of(result, month) if month else ""


def behind_text(result: PlanResult) -> str:
    """ "behind every month" (every in-time month), "behind through May 2027, caught up in Jun 2027",
    "behind from Mar 2027" (to the year's end), "never behind": ``planner.advice.health.behind_phrase``, the
    words the app, the memo and presentation mode share."""
    if not result.timing.behind_months or not result.year.last_month:
        return "never behind"
    return health.behind_phrase(result)


def spare_text(result: PlanResult) -> str:
    """ ", 20 to spare ($120,000 of revenue over the goal)" for a surplus of this year, else ""."""
    gap = result.gap.sales_ready_leads
    if not st.is_surplus(gap):
        return ""
    return f", {fmt.gap(-gap)} to spare ({fmt.money(-result.revenue.gap, result.currency)} of revenue over the goal)"


def verdict(result: PlanResult) -> str:
    """This year's answer in one sentence, beginning with the status word (``planner.numbers.status.word``):
    the gap in sales-ready leads and in money, by the last month whose leads close this year, and
    when the plan is behind; with actuals, at this pace, with the leads to date.

    "Short by 199 sales-ready leads, $1,194,000 of revenue, by Sep 2027; behind every month."
    """
    c, timing, year = result.currency, result.timing, result.year
    status, word = timing.status, st.word(timing.status)
    needed = result.demand.sales_ready_leads
    to_date = health.to_date_line(result)
    pace = f" at this pace ({to_date})" if to_date else ""
    by = f"by {_label(result, year.last_month)}"
    if status == SHORT:
        gap = (
            f"{word} by {fmt.gap(result.gap.sales_ready_leads)} sales-ready leads, "
            f"{fmt.money(result.revenue.gap, c)} of revenue"
        )
        if year.last_month is None:
            return f"{gap}: the sales cycle is as long as the plan, so no lead created in it closes inside it{pace}."
        return f"{gap}, {by}{pace}; {behind_text(result)}."
    if needed <= 0:
        return f"{word}: the current pipeline covers the revenue goal; no new sales-ready leads are needed."
    covered = f"this year's {fmt.count(needed)} sales-ready leads are covered {by}{pace}{spare_text(result)}"
    if status == LATE:
        worst = _label(result, timing.worst_month)
        return (
            f"{word}: {covered}, but the plan is up to {fmt.count(timing.worst_shortfall)} behind ({worst}); "
            f"{behind_text(result)}."
        )
    return f"{word}: {covered}; never behind."


def next_year_line(result: PlanResult) -> str:
    """One line on next year's start: the carry-over months' leads, which close after the horizon."""
    start = result.next_year_start
    if start is None:
        return ""
    first, last = _label(result, start.first_month), _label(result, start.last_month)
    months = first if start.first_month == start.last_month else f"{first} to {last}"
    said = fmt.shortfall(start.gap)
    gap = "on plan" if said == "0" else said
    return (
        f"Next year's start ({months}, whose leads close next year): {fmt.count(start.sales_ready_leads_expected)} "
        f"of the {fmt.count(start.sales_ready_leads_needed)} sales-ready leads needed, {gap}."
    )


def bridge(result: PlanResult) -> tuple[BridgeLine, ...]:
    """The revenue bridge from the known series: the pipeline, what this year's leads bring, the gap;
    beside it, what the carry-over months' leads bring after the horizon."""
    r, year = result.revenue, result.year
    last_month = _label(result, result.horizon)
    pipeline_months = [m.month for m in result.months if m.pipeline_revenue > 0]
    pipeline_note = "already expected from deals in play"
    if pipeline_months:
        pipeline_note += f", closing by {_label(result, pipeline_months[-1])}"
    known = "actual to " + _label(result, through(result)) + ", planned after" if through(result) else ""
    if year.last_month is None:
        projected_note = "no lead created in the plan closes inside it"
    else:
        projected_note = (
            f"won by {last_month} from the {fmt.count(year.sales_ready_leads_expected)} sales-ready leads "
            f"created by {_label(result, year.last_month)}" + (f" ({known})" if known else "")
        )
    lines = [
        BridgeLine("Revenue goal", r.goal, "new-logo revenue for the plan"),
        BridgeLine("Current pipeline", r.pipeline, pipeline_note),
        BridgeLine("Projected from new leads", r.projected, projected_note),
        BridgeLine("Expected revenue", r.expected, "pipeline + projected", total=True),
        BridgeLine("Revenue gap" if r.gap > 0 else "Revenue surplus", abs(r.gap), "goal − expected", total=True),
    ]
    start = result.next_year_start
    if start is not None:
        lines.append(
            BridgeLine(
                "Carried over to next year",
                r.carried_over,
                f"from the {fmt.count(start.sales_ready_leads_expected)} sales-ready leads of "
                f"{_label(result, start.first_month)} to {_label(result, start.last_month)}, won after "
                f"{last_month}: not in this year's revenue",
                aside=True,
            )
        )
    return tuple(lines)


def option_timing(result: PlanResult, option: Option, first: int) -> str:
    """ "start by Feb 2027, full output from May 2027" for people (no earlier than ``first``, s0)."""
    starts, full = option.starts, option.full
    if starts > first:
        timing = f"start by {_label(result, starts)} (not before {_label(result, first)})"
    else:
        timing = f"start in {_label(result, starts)}"
    if full > starts:
        timing += f", full output from {_label(result, full)}"
    return timing


def closes_text(result: PlanResult, moved: PlanResult) -> str:
    """What the plan recomputed with an option says of this year: closed (and in time?) or not."""
    if st.is_short(moved.gap.sales_ready_leads):
        return f"does not close this year's gap: still {fmt.shortfall(moved.gap.sales_ready_leads)}"
    closes = "closes this year's gap" if st.is_short(result.gap.sales_ready_leads) else "the year stays covered"
    by = health.by_when(moved)
    closes += f" {by}" if by else ""
    if moved.timing.status == ON_TRACK:
        return f"{closes}, never behind"
    return f"{closes}, but the plan is still {behind_text(moved)}"


def option_view(plan: Plan, result: PlanResult, option: Option) -> MemoOption:
    c, answer, moved = result.currency, option.answer, option.result
    first = earliest_start(plan, through(result))
    section = answer.driver.partition(".")[0]
    if answer.driver.endswith(".start_month"):
        name = answer.label.removeprefix("Start month of ")
        title = f"Start {name} in {_label(result, option.starts)} instead of {_label(result, int(answer.current))}"
        timing = option_timing(result, option, option.starts)
    elif answer.driver == INSIDE_DRIVER:
        people = int(answer.required or 0)
        title = f"Hire {people:,} inside {'rep' if people == 1 else 'reps'} to start by {_label(result, option.starts)}"
        timing = option_timing(result, option, first)
    elif section == "hire":
        people = int((answer.required or 0) - answer.current)
        name = answer.label.removeprefix("People added to ")
        title = (
            f"Add {people:,} {'person' if people == 1 else 'people'} to {name}, to start by "
            f"{_label(result, option.starts)}"
        )
        timing = option_timing(result, option, first)
    elif section == "channels":
        name = answer.driver.partition(".")[2].rpartition(".")[0]
        if answer.channels:
            extra = (answer.required or 0) - answer.current
            title = f"Spend {fmt.money(extra, c)} a month more on {name}"
        else:
            title = f"Raise the {name} budget to {fmt.money(answer.required, c)} a month"
        timing = f"from {_label(result, option.starts)}"
    else:
        title = f"Reach {answer.sentence} (now {fmt.percent(answer.current, 1)})"
        open_month = first_open_month(result)  # a program's conversion counts in the months still to come
        held_from = open_month if answer.driver in ("lead_to_mql", "mql_to_srl") and open_month > 1 else 1
        timing = f"held {health.span_label(result, held_from, result.horizon)}"  # the plan's months, not "all year"
    cost = f"+{fmt.money(answer.extra_cost, c)}" if answer.extra_cost else "no added cost"
    if answer.driver.endswith(".start_month"):
        worst, was = moved.timing.worst_shortfall, result.timing.worst_shortfall
        effect = f"at worst {fmt.count(worst)} sales-ready leads behind instead of {fmt.count(was)}"
    elif section in ("hire", "channels"):
        more = moved.year.sales_ready_leads_expected - result.year.sales_ready_leads_expected
        effect = f"+{fmt.count(more)} sales-ready leads this year"
    else:
        effect = (
            f"{fmt.count(moved.demand.sales_ready_leads)} sales-ready leads needed instead of "
            f"{fmt.count(result.demand.sales_ready_leads)}"
        )
    if not answer.driver.endswith(".start_month"):
        effect += f"; expected revenue {fmt.money(moved.revenue.expected, c)}"
    effect += f"; {closes_text(result, moved)}"
    return MemoOption(title, cost, timing, effect)


def decisions(plan: Plan, result: PlanResult, views: tuple[MemoOption, ...]) -> tuple[str, ...]:
    c, status, r = result.currency, result.timing.status, result.revenue
    asked = []
    if status == SHORT:
        gap = fmt.money(r.gap, c)
        lowered = r.expected < r.goal  # never a "lowered" goal above the real one
        if result.gap.inside_reps_to_close_gap is None:
            asked.append("No hire made now closes this year's gap: the leads of anyone hired now would close too late.")
        if views:
            which = f"one of the {len(views)} options, a mix of them" if len(views) > 1 else "the option above"
            ending = f", or a goal lowered to {fmt.money(r.expected, c)}." if lowered else ", or another change."
            asked.append(f"Choose how to close this year's {gap} gap: {which}{ending}")
        else:
            ending = f" or a goal lowered to {fmt.money(r.expected, c)}" if lowered else ""
            asked.append(f"No single change closes this year's {gap} gap: agree a mix of changes{ending}.")
    elif status == LATE:
        first = earliest_start(plan, through(result))
        if any(month >= first for month in result.timing.behind_months):
            forward = "one of the options" if views else "hire or spend earlier in the year"
            asked.append(f"Accept being behind ({behind_text(result)}) or bring supply forward: {forward}.")
        else:  # behind only in months already reported: nothing started now changes them
            spells = health.behind_spells(result)
            last_behind = spells[-1][1]
            caught_up = (
                f"catches up in {_label(result, last_behind + 1)} as planned"
                if last_behind < (result.year.last_month or 0)
                else "catches up as planned"
            )
            when = " and ".join(health.spell_words(result, a, b) for a, b in spells)
            asked.append(f"Note that on the actuals reported the plan was behind {when}, and {caught_up}.")
    if result.supply.cost > 0:
        asked.append(
            f"Approve the plan's cost of {fmt.money(result.supply.cost, c)} "
            f"({fmt.money(result.supply.cost_per_sales_ready_lead, c)} per sales-ready lead)."
        )
    if "sales_ready_definition" not in plan.diagnosis.marketing_activities:
        asked.append("Have sales and marketing agree in writing what a sales-ready lead is.")
    first = result.months[0].label if result.months else ""
    asked.append(f"Hold the weekly review with the head of sales from {first}: actual revenue and leads vs this plan.")
    return tuple(asked)


def cumulative(result: PlanResult) -> tuple[MemoMonth, ...]:
    """Each month with the sales-ready leads needed and known to date (the engine's known series:
    the actuals through the last reported month, the plan after), and whether it is in time."""
    found, needed, known = [], 0.0, 0.0
    for month in result.months:
        needed += month.sales_ready_leads_needed
        known += month.known_sales_ready_leads
        found.append(MemoMonth(month.label, needed, known, month.in_time))
    return tuple(found)


def memo(plan: Plan, result: PlanResult, library: Library | None = None) -> Memo:
    status = result.timing.status
    found = options(plan, result) if status == SHORT else earlier_starts(plan, result) if status == LATE else ()
    views = tuple(option_view(plan, result, o) for o in found)
    return Memo(
        status=status,
        verdict=verdict(result),
        next_year=next_year_line(result),
        bridge=bridge(result),
        options=views,
        decisions=decisions(plan, result, views),
        cumulative=cumulative(result),
        assumptions=tuple(c.text for c in challenges(plan, result, library)),
    )
