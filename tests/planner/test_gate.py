"""One gate: a value enters the plan only if the file would accept the plan it makes (issue: never lose a plan)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from planner.plan.gate import MAX_SCHEDULE_ENTRIES, entry_problems, value_problems
from planner.plan.model import ScheduledSpend
from planner.plan.plan_file import PlanFileError, dumps_plan, parse_plan
from planner.plan.sample import sample_plan
from tests.planner.plans import make_plan, plan_data


def messages(problems: list) -> str:
    return " | ".join(str(p) for p in problems)


def test_a_scheduled_spend_of_two_trillion_is_refused_with_the_budgets_bound() -> None:
    plan = sample_plan()
    found = entry_problems(plan, "channels[1].schedule", (ScheduledSpend(month=9, budget=2e12),))
    assert "at most 1,000,000,000,000" in messages(found)
    assert found[0].path == "channels[1].schedule[0].budget"


def test_an_infinite_or_400_digit_budget_is_refused() -> None:
    plan = sample_plan()
    assert entry_problems(plan, "channels[1].schedule", (ScheduledSpend(month=9, budget=float("inf")),))
    assert entry_problems(plan, "channels[1].schedule", (ScheduledSpend(month=9, budget=10**400),))


def test_a_program_holds_at_most_the_capped_number_of_spends_and_says_so() -> None:
    plan = sample_plan()
    spends = tuple(ScheduledSpend(month=1 + i % 12, budget=100) for i in range(MAX_SCHEDULE_ENTRIES + 1))
    found = entry_problems(plan, "channels[1].schedule", spends)
    assert f"at most {MAX_SCHEDULE_ENTRIES:,}" in messages(found)
    assert not entry_problems(plan, "channels[1].schedule", spends[:MAX_SCHEDULE_ENTRIES])


def test_a_file_with_a_million_scheduled_spends_is_refused_on_open() -> None:
    data = plan_data(
        channels=[
            {
                "name": "Shows",
                "type": "events",
                "owner": "marketing",
                "cost_per_lead": 100,
                "schedule": [{"month": 1, "budget": 1}] * 1_000_000,
            }
        ]
    )
    with pytest.raises(PlanFileError, match="at most 1,000 scheduled spends"):
        parse_plan(json.dumps(data))


def test_an_end_month_before_the_start_month_is_refused_in_the_labor_table() -> None:
    plan = sample_plan()  # the inside reps start in month 2
    found = entry_problems(plan, "labor[0].end_month", 1)
    assert "ends in month 1, before it starts (month 2)" in messages(found)
    assert not entry_problems(plan, "labor[0].end_month", 9)


def test_cutting_the_horizon_below_an_actual_month_is_refused() -> None:
    plan = make_plan(actuals=[{"month": 9, "sales_ready_leads": 4}])
    found = entry_problems(plan, "basics.horizon_months", 6)
    assert "Actuals for month 9 are after the plan's last month (6)" in messages(found)
    assert not entry_problems(plan, "basics.horizon_months", 9)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("targets.win_rate", 0),
        ("targets.win_rate", 1.5),
        ("targets.new_hire_ramp_months", 25),
        ("targets.revenue_goal", 2e12),
        ("labor[0].headcount", -1),
        ("basics.start_month", "2027-13"),
    ],
)
def test_values_the_file_refuses_are_refused_where_they_enter(path: str, value: object) -> None:
    assert entry_problems(sample_plan(), path, value)


def test_a_value_the_file_accepts_enters_and_saves_to_a_file_that_opens_equal() -> None:
    plan = sample_plan()
    assert not value_problems(plan, "targets.win_rate", 0.3)
    assert not value_problems(plan, "targets.win_rate", plan.targets.win_rate)
    from planner.plan.paths import set_value

    changed = set_value(plan, "targets.win_rate", 0.3)
    assert parse_plan(dumps_plan(changed)).plan == changed


def test_adding_a_row_checks_the_new_row() -> None:
    plan = sample_plan()
    bad = dataclasses.replace(plan.channels[1], name="Bad", cost_per_lead=-5)
    found = entry_problems(plan, "channels", (*plan.channels, bad))
    assert [p.path for p in found] == ["channels[2].cost_per_lead"]
