"""Checks across fields: owners, shares, months inside the horizon, scenario names."""

from __future__ import annotations

import pytest

from planner.plan.plan_file import PlanFileError, plan_from_file_data
from planner.plan.validation import validate
from tests.planner.plans import make_plan, plan_data


def problems_of(targets: dict[str, object] | None = None, **sections: object) -> dict[str, str]:
    loaded = plan_from_file_data(plan_data(targets, **sections))
    return {p.path: p.message for p in loaded.problems}


LDR = {"id": "ldr", "name": "Inside LDRs", "kind": "inside", "headcount": 2}


def test_channel_shares_of_a_resource_may_not_exceed_100_percent() -> None:
    problems = problems_of(
        labor=[LDR],
        channels=[
            {"name": "Phone", "type": "outbound_phone", "owner": "ldr", "share": 0.7},
            {"name": "Email", "type": "email", "owner": "ldr", "share": 0.5},
        ],
    )
    assert problems == {"labor[0]": "Channel shares of Inside LDRs add to 120%; they may not exceed 100%"}


def test_shares_up_to_100_percent_are_fine() -> None:
    plan = make_plan(
        labor=[LDR],
        channels=[
            {"name": "Phone", "type": "outbound_phone", "owner": "ldr", "share": 0.7},
            {"name": "Email", "type": "email", "owner": "ldr", "share": 0.3},
        ],
    )
    assert validate(plan) == []


def test_a_channel_owner_must_be_a_resource_or_marketing() -> None:
    problems = problems_of(
        labor=[LDR], channels=[{"name": "Phone", "type": "outbound_phone", "owner": "bob", "share": 0.5}]
    )
    assert "must be a labor resource's id or “marketing”" in problems["channels[0].owner"]


def test_start_months_must_fall_inside_the_horizon() -> None:
    problems = problems_of(
        basics={"horizon_months": 6},
        labor=[{**LDR, "start_month": 7}],
        channels=[
            {
                "name": "Ads",
                "type": "paid_ads",
                "owner": "marketing",
                "monthly_budget": 1,
                "cost_per_lead": 1,
                "start_month": 9,
            }
        ],
    )
    assert set(problems) == {"labor[0].start_month", "channels[0].start_month"}
    assert "after the plan's last month (6)" in problems["labor[0].start_month"]


def test_the_horizon_is_1_to_60_months() -> None:
    loaded_errors = []
    for horizon in (0, 61):
        try:
            plan_from_file_data(plan_data(basics={"horizon_months": horizon}))
        except Exception as error:
            loaded_errors.append(str(error))
    assert len(loaded_errors) == 2
    assert all("Horizon must be a whole number from 1 to 60" in e for e in loaded_errors)


def test_a_program_channel_needs_a_budget_and_a_cost_per_lead() -> None:
    problems = problems_of(channels=[{"name": "Ads", "type": "paid_ads", "owner": "marketing"}])
    assert set(problems) == {"channels[0].monthly_budget", "channels[0].cost_per_lead"}


def test_resource_ids_are_unique_and_marketing_is_reserved() -> None:
    problems = problems_of(labor=[LDR, {**LDR, "name": "Again"}, {**LDR, "id": "marketing"}])
    assert set(problems) == {"labor[1].id", "labor[2].id"}


def test_a_scenario_may_only_override_what_the_plan_has() -> None:
    problems = problems_of(
        labor=[LDR],
        scenarios=[
            {
                "name": "What if",
                "overrides": {"win_rate": 1.5, "labor.ldr.headcount": 3, "labor.bob.headcount": 1, "colour": 2},
            }
        ],
    )
    assert set(problems) == {
        "scenarios[0].overrides.win_rate",
        "scenarios[0].overrides.labor.bob.headcount",
        "scenarios[0].overrides.colour",
    }


def test_seasonality_weights_of_the_plan_months_may_not_all_be_zero() -> None:
    problems = problems_of({"seasonality": [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]}, basics={"horizon_months": 3})
    assert "targets.seasonality" in problems


def test_plan_model_v2_fields_are_checked_with_their_path_in_a_sales_leaders_words() -> None:
    problems = problems_of(
        labor=[{**LDR, "start_month": 5, "end_month": 3}],
        channels=[
            {
                "name": "Shows",
                "type": "events",
                "owner": "marketing",
                "cost_per_lead": 100,
                "schedule": [{"month": 13, "budget": 100}],
                "start_month": 4,
                "end_month": 2,
            }
        ],
        actuals=[{"month": 1, "sales_ready_leads": 3}, {"month": 1, "revenue": 5}, {"month": 14}],
    )
    assert problems == {
        "labor[0].end_month": "“Inside LDRs” ends in month 3, before it starts (month 5)",
        "channels[0].end_month": "“Shows” ends in month 2, before it starts (month 4)",
        "channels[0].schedule[0].month": "A spend of “Shows” is in month 13, after the plan's last month (12)",
        "actuals[1].month": "Month 1 has two entries of actuals; keep one",
        "actuals[2].month": "Actuals for month 14 are after the plan's last month (12)",
    }


def test_attrition_of_100_percent_a_negative_vacancy_and_a_negative_actual_are_refused() -> None:
    data = plan_data(
        labor=[{**LDR, "attrition_rate": 1.0, "vacancy_months": -1}],
        actuals=[{"month": 1, "sales_ready_leads": -3}],
    )
    with pytest.raises(PlanFileError) as refused:
        plan_from_file_data(data)
    said = {p.path: p.message for p in refused.value.problems}
    assert said == {
        "labor[0].attrition_rate": "Attrition of “Inside LDRs” must be 0% or more and less than 100%; you entered 100%",
        "labor[0].vacancy_months": "Vacancy of “Inside LDRs” must be 0 or more; you entered -1",
        "actuals[0].sales_ready_leads": "Actual sales-ready leads must be 0 or more; you entered -3",
    }


def test_a_program_with_a_schedule_needs_no_monthly_budget() -> None:
    shows = {"name": "Shows", "type": "events", "owner": "marketing", "cost_per_lead": 100}
    assert problems_of(channels=[{**shows, "schedule": [{"month": 3, "budget": 25_000}]}]) == {}
    assert problems_of(channels=[shows]) == {
        "channels[0].monthly_budget": "The program channel “Shows” needs a monthly budget or a schedule of spends"
    }


def test_the_problems_are_worked_out_again_only_when_what_they_read_changes() -> None:
    from planner.plan.paths import set_value
    from planner.plan.validation import Validated

    validated = Validated()
    data = plan_data(labor=[LDR], channels=[{"name": "Phone", "type": "outbound_phone", "owner": "ldr", "share": 0.7}])
    plan = plan_from_file_data(data).plan
    first = validated(plan)
    assert first == validate(plan) == []
    # a figure validate does not read: the same problems, without working them out again
    for path, value in (("targets.win_rate", 0.4), ("targets.deal_size", 1.0), ("targets.revenue_goal", 9.0)):
        plan = set_value(plan, path, value)
        assert validated(plan) is first
        assert validate(plan) == first
    # each part it reads, changed into a problem, is seen at once
    broken = set_value(plan, "channels[0].share", 1.5)
    assert validated(broken) == validate(broken) != []
    weights = set_value(plan, "targets.seasonality", (0.0,) * 12)
    assert validated(weights) == validate(weights) != []
    short = set_value(plan, "basics.horizon_months", 1)
    assert validated(short) == validate(short)
    assert validated(plan) == []
