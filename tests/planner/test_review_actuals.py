"""The weekly CEO review runs on actuals: real revenue against the goal to date, and what is behind."""

from __future__ import annotations

from typing import Any

from planner.advice.review import AgendaItem, review_agenda
from planner.numbers.engine import compute
from planner.plan.model import Plan
from tests.planner.plans import make_plan

# 1,000,000 goal / 10,000 deals = 100 wins; / 50% = 200 opportunities; / 50% = 400 sales-ready
# leads; flat over 12 months and no sales cycle: 33.3 leads, 16.7 opportunities, 8.3 wins a month.
# Nothing supplies leads (no labor, no channels).
ACTUALS: list[dict[str, Any]] = [
    {"month": 1, "sales_ready_leads": 20, "opportunities": 10, "wins": 5, "revenue": 50_000},
    {"month": 2, "sales_ready_leads": 40, "opportunities": 20, "wins": 9, "revenue": 80_000},
    {"month": 3, "sales_ready_leads": 32},
]


def agenda(plan: Plan) -> dict[str, AgendaItem]:
    return {item.key: item for item in review_agenda(plan, compute(plan))}


def test_actual_revenue_is_set_against_the_goal_to_date_with_the_gap_in_money() -> None:
    entries = agenda(make_plan(actuals=ACTUALS))["revenue_vs_goal"].entries
    # revenue reported to Feb: 50,000 + 80,000 = 130,000; goal to date 1,000,000 x 2/12 = 166,667
    assert entries[0] == (
        "Actual revenue to Feb 2027: $130,000 against $166,667 of the goal to date, $36,667 behind the goal"
    )
    # leads to Mar: 20 + 40 + 32 = 92 against 100 needed; nothing supplied after: 92 of 400 (23%)
    assert entries[1] == (
        "92 sales-ready leads to Mar 2027 against 100 needed, 8 short; at this pace 92 of the 400 the year needs (23%)"
    )
    assert entries[2].startswith("Goal: $1,000,000 new-logo revenue")


def test_revenue_ahead_of_the_goal_is_said_so() -> None:
    plan = make_plan(actuals=[{"month": 1, "revenue": 100_000}])
    entries = agenda(plan)["revenue_vs_goal"].entries
    # goal to Jan: 1,000,000 / 12 = 83,333; 100,000 is 16,667 ahead; no leads reported: no lead line
    assert entries[0] == (
        "Actual revenue to Jan 2027: $100,000 against $83,333 of the goal to date, $16,667 ahead of the goal"
    )
    assert entries[1].startswith("Goal:")


def test_risks_gain_the_months_and_the_stages_that_are_behind() -> None:
    risks = agenda(make_plan(actuals=ACTUALS))["risks"].entries
    assert risks == (
        # the forecast: 92 + 0 supplied after March; 400 - 92 = 308 short
        "At this pace the year ends 308 sales-ready leads short (23% of those needed by Dec 2027)",
        # Jan 20 of 33.3 and Mar 32 of 33.3 are behind; Feb 40 is ahead
        "Months behind on sales-ready leads: Jan 2027 (20 of 33), Mar 2027 (32 of 33)",
        # the later stages are planned from the known leads (v3, no cycle): the 60 actual leads to Feb
        # make 30 opportunities (30 reported: even), 15 wins (14 reported) and 150,000 of revenue
        # (130,000 reported)
        "Wins behind the plan: 14 to Feb 2027 against 15 planned, 1 short",
        "Revenue behind the plan: $130,000 to Feb 2027 against $150,000 planned, $20,000 short",
    )


def test_cost_above_the_plan_is_a_risk_and_stages_ahead_are_not() -> None:
    plan = make_plan(actuals=[{"month": 1, "opportunities": 20, "wins": 9, "cost": 5_000}])
    risks = agenda(plan)["risks"].entries
    # the plan spends nothing (no labor, no programs); 20 opportunities and 9 wins beat 16.7 and 8.3
    assert risks[-1] == "Cost above the plan: $5,000 to Jan 2027 against $0 planned, $5,000 over"
    assert not any(r.startswith(("Opportunities", "Wins", "Months behind")) for r in risks)


def test_without_actuals_the_review_is_the_plan_as_before() -> None:
    items = agenda(make_plan())
    assert items["revenue_vs_goal"].entries[0].startswith("Goal:")
    # one inside rep hired in month 1 (q 12, ramp 3): 12 x (1/4 + 2/4 + 3/4 + 9) = 126 leads; 400 / 126 -> 4;
    # hired in March 4 x 12 x (1/4 + 2/4 + 3/4 + 7) = 408 >= 399.5 still closes it, in April 4 x 90 = 360 does not
    assert items["risks"].entries == (
        "The plan is 400 sales-ready leads short of this year's 400 by Dec 2027 (0% coverage); "
        "4 more inside reps hired to start by Mar 2027 would close it",
    )
