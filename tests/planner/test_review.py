"""The weekly CEO review: the seeds' five agenda items, prefilled from the plan."""

from __future__ import annotations

import dataclasses

from planner.advice.review import AgendaItem, agenda_text, review_agenda
from planner.numbers.engine import compute
from planner.plan.model import Plan
from planner.plan.plan_file import dumps_plan, parse_plan
from tests.planner.plans import make_plan


def agenda(plan: Plan) -> dict[str, AgendaItem]:
    return {item.key: item for item in review_agenda(plan, compute(plan))}


def with_review(plan: Plan, **lists: tuple[str, ...]) -> Plan:
    return dataclasses.replace(plan, review=dataclasses.replace(plan.review, **lists))


def test_the_agenda_has_the_seeds_five_items_in_order(sample: Plan) -> None:
    items = review_agenda(sample, compute(sample))
    assert [i.key for i in items] == [
        "revenue_vs_goal",
        "big_deals",
        "risks",
        "initiatives",
        "issues",
    ]
    assert items[0].title == "Actual revenue vs goal"
    assert "real numbers" in items[0].question
    assert "in jeopardy" in items[2].question
    assert "a rep to save" in items[3].question


def test_revenue_vs_goal_states_the_goal_and_the_monthly_targets(sample: Plan) -> None:
    # 3,000,000 goal - 600,000 pipeline = 2,400,000 from new leads: 400 leads, created by Sep 2027 (a
    # 3-month cycle: months 1-9 are in time), 400 / 9 = 44 a month; 5 + 11 + 17 + 23 + 5 x 29 = 201 in time.
    # October to December build next year's start: 3,000,000 / 6,000 / 12 = 42 a month
    entries = agenda(sample)["revenue_vs_goal"].entries
    assert entries[0] == (
        "Goal: $3,000,000 new-logo revenue; $600,000 expected from the current pipeline, "
        "so $2,400,000 must come from new sales-ready leads"
    )
    assert entries[1] == (
        "The plan needs 400 sales-ready leads by Sep 2027 (the leads that close this year) for 240 "
        "opportunities and 60 wins; 201 are expected in time"
    )
    assert entries[2] == (
        "Monthly target: 44 sales-ready leads each month, Jan 2027 to Sep 2027; "
        "then, for next year's start, 42 sales-ready leads each month, Oct 2027 to Dec 2027"
    )


def test_seasonal_months_are_listed_one_by_one() -> None:
    # 400 leads over Jan-Mar with weights 2, 1, 1 (sum 4) and no sales cycle:
    # Jan 400 x 2/4 = 200, Feb 100, Mar 100
    plan = make_plan(
        {"seasonality": [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]},
        basics={"horizon_months": 3},
    )
    entries = agenda(plan)["revenue_vs_goal"].entries
    assert entries[-1] == "Monthly targets (sales-ready leads): Jan 2027 200, Feb 2027 100, Mar 2027 100"


def test_a_pipeline_that_covers_the_goal_needs_no_new_leads() -> None:
    plan = make_plan({"pipeline_revenue": 1_500_000})
    entries = agenda(plan)["revenue_vs_goal"].entries
    assert entries[-1] == "The current pipeline covers the goal: no new sales-ready leads are needed"
    assert agenda(plan)["risks"].entries == ()


def test_the_gap_is_the_first_risk_when_coverage_is_below_100_percent(sample: Plan) -> None:
    plan = with_review(sample, risks=("Globex may move to a competitor",))
    # 400 - 201 = 199 short by Sep 2027 (50.25%); the engine's 3 inside reps to start by February
    # (r(2) = 78: 3 x 78 = 234 >= 198.5)
    assert agenda(plan)["risks"].entries == (
        "The plan is 199 sales-ready leads short of this year's 400 by Sep 2027 (50% coverage); "
        "3 more inside reps hired to start by Feb 2027 would close it",
        "Globex may move to a competitor",
    )


def test_a_fully_covered_plan_lists_only_the_users_risks() -> None:
    # 400 needed; one inside rep at 50 a month from month 1 supplies 600
    plan = make_plan(
        labor=[
            {
                "id": "ldr",
                "kind": "inside",
                "start_month": 1,
                "ramp_months": 0,
                "srl_per_person_month": 50,
            }
        ]
    )
    assert agenda(plan)["risks"].entries == ()


def test_new_lead_development_people_are_listed_as_initiatives(sample: Plan) -> None:
    assert agenda(sample)["initiatives"].entries == (
        "Start Inside lead development reps (2 people) in Feb 2027, ramping over 3 months",
    )


def test_the_users_items_follow_and_survive_a_save_and_load(sample: Plan) -> None:
    plan = with_review(
        sample,
        revenue_vs_goal=("Q1 actual $610,000 vs $750,000: two deals slipped",),
        big_deals=("Initech, $120,000, signing Friday",),
        initiatives=("Prospecting training for the field team",),
        issues=("Marketing's lead list is out of date",),
    )
    reloaded = parse_plan(dumps_plan(plan)).plan
    items = agenda(reloaded)
    assert items["revenue_vs_goal"].entries[-1] == "Q1 actual $610,000 vs $750,000: two deals slipped"
    assert items["big_deals"].entries == ("Initech, $120,000, signing Friday",)
    assert items["initiatives"].entries[-1] == "Prospecting training for the field team"
    assert items["issues"].entries == ("Marketing's lead list is out of date",)


def test_the_one_page_agenda_names_the_company_and_every_item(sample: Plan) -> None:
    text = agenda_text(sample, compute(sample))
    assert text.startswith("Weekly CEO review: Acme Fasteners\nTom (CEO) and Joe (VP Sales)\n")
    for title in (
        "1. Actual revenue vs goal",
        "2. Big deals closed or closing",
        "3. Risks",
        "4. Sales leader initiatives",
        "5. Issues",
    ):
        assert title in text
    assert "   - (nothing yet)" in text  # big deals and issues are empty in the sample
