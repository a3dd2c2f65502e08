"""The one-page memo for the CEO: the verdict with its timing, the revenue bridge in money,
the options that close the gap (from goal seek) and the decisions asked of the CEO.

Page 1 of the HTML report and the workbook's Summary sheet both show it; nothing here does
plan math: every figure is the engine's (``result.timing``, ``result.revenue``, the months'
cumulative gap) or goal seek's (the plan recomputed with each option).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner import formatting as fmt
from planner import health
from planner import status as st
from planner.cumulative import cumulative_months
from planner.goal_seek import Option, earlier_starts, options
from planner.model import Plan
from planner.results import LATE, ON_TRACK, SHORT, PlanResult


@dataclass(frozen=True)
class BridgeLine:
    label: str
    amount: float
    note: str
    total: bool = False  # a result line (expected, gap) rather than a part


@dataclass(frozen=True)
class MemoOption:
    title: str
    cost: str
    timing: str
    effect: str


@dataclass(frozen=True)
class Memo:
    status: str  # "short" | "late" | "on_track"
    verdict: str  # one sentence with the timing
    bridge: tuple[BridgeLine, ...]
    options: tuple[MemoOption, ...]
    decisions: tuple[str, ...]
    cumulative: tuple[tuple[str, float, float], ...]  # month label, needed to date, supplied to date


def behind_text(result: PlanResult) -> str:
    """ "behind every month", "behind until May 2027", "behind from Mar 2027" (the app's words)."""
    return health.behind_phrase(result) or "never behind during the year"


def verdict(result: PlanResult) -> str:
    """ "Short by 112 sales-ready leads, $672,000 of revenue; behind every month." """
    c, timing, revenue = result.currency, result.timing, result.revenue
    needed = result.demand.sales_ready_leads
    if result.actuals is not None and result.actuals.forecast_sales_ready_leads is not None:
        return health.verdict(result)  # at this pace: the actuals' forecast, as the app says it
    if timing.status == SHORT:
        return (
            f"Short by {fmt.count(result.gap.sales_ready_leads)} sales-ready leads, "
            f"{fmt.money(revenue.gap, c)} of revenue; {behind_text(result)}."
        )
    if timing.status == LATE:
        worst = next((m.label for m in result.months if m.month == timing.worst_month), "")
        return (
            f"Late: the plan supplies the {fmt.count(needed)} sales-ready leads the year needs, but is up to "
            f"{fmt.count(timing.worst_shortfall)} behind ({worst}); {behind_text(result)}."
        )
    if needed <= 0:
        return "On track: the current pipeline covers the revenue goal; no new sales-ready leads are needed."
    surplus = -result.gap.sales_ready_leads
    extra = f", {fmt.count(surplus)} to spare" if st.is_surplus(-surplus) else ""
    return (
        f"On track: the plan supplies the {fmt.count(needed)} sales-ready leads needed{extra}, "
        f"{fmt.money(revenue.expected, c)} of expected revenue; never behind."
    )


def bridge(result: PlanResult) -> tuple[BridgeLine, ...]:
    r = result.revenue
    supplied = fmt.count(result.supply.sales_ready_leads)
    gap_label = "Revenue gap" if r.gap > 0 else "Revenue surplus"
    return (
        BridgeLine("Revenue goal", r.goal, "new-logo revenue for the plan"),
        BridgeLine("Current pipeline", r.pipeline, "already expected from deals in play"),
        BridgeLine("Projected from new leads", r.projected, f"won from the {supplied} sales-ready leads supplied"),
        BridgeLine("Expected revenue", r.expected, "pipeline + projected", total=True),
        BridgeLine(
            gap_label,
            abs(r.gap),
            "goal − expected",
            total=True,
        ),
    )


def ramp_timing(labels: list[str], option: Option) -> str:
    """``starts Feb 2027, full output from May 2027`` for people who ramp up."""
    timing = f"starts {labels[option.starts - 1]}"
    if option.full > option.starts:
        timing += f", full output from {labels[option.full - 1]}"
    return timing


def option_view(plan: Plan, result: PlanResult, option: Option) -> MemoOption:
    c, answer, moved = result.currency, option.answer, option.result
    labels = [m.label for m in result.months]
    section = answer.driver.partition(".")[0]
    if answer.driver.endswith(".start_month"):
        name = answer.label.removeprefix("Start month of ")
        title = f"Start {name} in {labels[option.starts - 1]} instead of {labels[int(answer.current) - 1]}"
        timing = ramp_timing(labels, option)
    elif section == "labor":
        text = answer.sentence.split(" (cost")[0].split(" from month ")[0]
        title = f"Hire {text}"
        timing = ramp_timing(labels, option)
    elif section == "channels":
        name = answer.driver.partition(".")[2].rpartition(".")[0]
        title = f"Raise the {name} budget to {fmt.money(answer.required, c)} a month"
        timing = f"from {labels[option.starts - 1]}"
    else:
        title = f"Reach {answer.sentence} (now {fmt.percent(answer.current, 1)})"
        timing = f"from {labels[0]}, held all year"
    cost = f"+{fmt.money(answer.extra_cost, c)}" if answer.extra_cost else "no added cost"
    status = moved.timing.status
    if status == ON_TRACK:
        after = "on track, never behind"
    elif status == LATE:
        after = f"covers the year but still {behind_text(moved)}"
    else:
        after = f"still {fmt.count(moved.gap.sales_ready_leads)} short"
    effect = f"+{fmt.count(moved.supply.sales_ready_leads - result.supply.sales_ready_leads)} sales-ready leads"
    if section not in ("labor", "channels"):
        effect = f"{fmt.count(moved.demand.sales_ready_leads)} sales-ready leads needed instead of " + fmt.count(
            result.demand.sales_ready_leads
        )
    effect += f"; expected revenue {fmt.money(moved.revenue.expected, c)}; {after}"
    if answer.driver.endswith(".start_month"):
        worst, was = moved.timing.worst_shortfall, result.timing.worst_shortfall
        effect = f"at worst {fmt.count(worst)} sales-ready leads behind instead of {fmt.count(was)}; {after}"
    return MemoOption(title, cost, timing, effect)


def decisions(plan: Plan, result: PlanResult, views: tuple[MemoOption, ...]) -> tuple[str, ...]:
    c, status = result.currency, health.standing(result)
    asked = []
    if status == SHORT:
        if views:
            asked.append(
                f"Choose how to close the {fmt.money(result.revenue.gap, c)} gap: one of the "
                f"{len(views)} options, a mix of them, or a goal lowered to "
                f"{fmt.money(result.revenue.expected, c)}."
            )
        else:
            asked.append(
                f"No single change closes the {fmt.money(result.revenue.gap, c)} gap: agree a mix of changes "
                f"or a goal lowered to {fmt.money(result.revenue.expected, c)}."
            )
    elif status == LATE:
        forward = "one of the options" if views else "hire or spend earlier in the year"
        asked.append(f"Accept being behind ({behind_text(result)}) or bring supply forward: {forward}.")
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


def cumulative(result: PlanResult) -> tuple[tuple[str, float, float], ...]:
    """Each month's label with the sales-ready leads needed and supplied to date."""
    return tuple((month.label, month.needed, month.supplied) for month in cumulative_months(result))


def memo(plan: Plan, result: PlanResult) -> Memo:
    status = result.timing.status
    found = options(plan, result) if status == SHORT else earlier_starts(plan, result) if status == LATE else ()
    views = tuple(option_view(plan, result, o) for o in found)
    return Memo(
        status=health.standing(result),
        verdict=verdict(result),
        bridge=bridge(result),
        options=views,
        decisions=decisions(plan, result, views),
        cumulative=cumulative(result),
    )
