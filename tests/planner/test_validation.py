"""Checks across fields: owners, shares, months inside the horizon, scenario names."""

from __future__ import annotations

from planner.plan_file import plan_from_file_data
from planner.validation import validate
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
