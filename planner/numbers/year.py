"""The third stage, the calendar: which months are this year's and what each needs (PRODUCT.md, plan model v3).

A lead created in month m closes in month m + c (c the sales cycle). The *in-time months*
1..H - c make this year's number; the *carry-over months* after them start next year. Demand by
month does not wrap around the horizon: the in-time months' leads pay for the revenue of months
c + 1..H (S in all), and a carry-over month needs the leads that start next year at this year's
goal and seasonality. What answers each month's need is the next stage's (``planner.numbers.known``).
"""

from __future__ import annotations

from typing import NamedTuple

from planner.numbers.funnel import ratio, srl_value
from planner.numbers.results import Demand
from planner.plan.model import Plan
from planner.plan.months import first_calendar_month


class Season(NamedTuple):
    """u(m) for every plan month m >= 1, also past the horizon: the seasonality weight of m's
    calendar month over the weights of plan months 1..H (0 when they add up to nothing)."""

    first: int  # the calendar month of plan month 1 (0 for January)
    by_calendar_month: tuple[float, ...]  # the 12 weights, each over the plan months' total

    def u(self, m: int) -> float:
        return self.by_calendar_month[(self.first + m - 1) % 12]


class Calendar(NamedTuple):
    """The plan's months read against the calendar: which are in time and what each needs."""

    in_time: int  # the number of in-time months, H - c (0 when the cycle is as long as the horizon)
    season: tuple[float, ...]  # u(m) of plan months 1..H, the share of the year's goal each month is due
    shares: tuple[float, ...]  # each month's share of its year's demand (demand_shares)
    needed: tuple[float, ...]  # sales-ready leads needed by month


def calendar(plan: Plan, need: Demand) -> Calendar:
    """The in-time and carry-over months and the sales-ready leads each needs."""
    u = season(plan)
    shares = demand_shares(plan, u)
    by_month = tuple(u.u(m) for m in range(1, plan.horizon + 1))
    return Calendar(in_time_months(plan), by_month, tuple(shares), tuple(needed_by_month(plan, need, shares)))


def season(plan: Plan) -> Season:
    first, _ = first_calendar_month(plan.basics.start_month)
    weights = plan.targets.seasonality
    total = sum(weights[(first + m) % 12] for m in range(plan.horizon))
    return Season(first, tuple(w / total if total > 0 else 0.0 for w in weights))


def in_time_months(plan: Plan) -> int:
    """H - c: the months whose leads close inside the horizon (none when c >= H)."""
    return max(0, plan.horizon - plan.targets.sales_cycle_months)


def demand_shares(plan: Plan, u: Season) -> list[float]:
    """Each month's share of the demand it belongs to: u(m + c) / U in time (U = u(c + 1) + .. +
    u(H); evenly when U is 0), so the in-time months add up to 1; u(m + c) in a carry-over month."""
    cycle, in_time = plan.targets.sales_cycle_months, in_time_months(plan)
    after = [u.u(m + cycle) for m in range(1, plan.horizon + 1)]
    spread = sum(after[:in_time])
    evenly = [1 / in_time] * in_time if in_time else []
    return ([share / spread for share in after[:in_time]] if spread > 0 else evenly) + after[in_time:]


def needed_by_month(plan: Plan, need: Demand, shares: list[float]) -> list[float]:
    """needed(m) = S x its share in time, (goal / V) x u(m + c) in a carry-over month: the leads that
    start next year at this year's goal and seasonality."""
    in_time = in_time_months(plan)
    per_goal = ratio(plan.targets.revenue_goal, srl_value(plan.targets)) or 0.0
    return [need.sales_ready_leads * share for share in shares[:in_time]] + [per_goal * s for s in shares[in_time:]]
