"""A new first month or horizon keeps the actuals in their calendar months."""

from __future__ import annotations

from planner.plan.reschedule import months_between, with_horizon, with_start_month
from tests.planner.plans import make_plan

JAN_TO_MAR = [{"month": m, "sales_ready_leads": 10 * m} for m in (1, 2, 3)]


def test_moving_the_first_month_earlier_keeps_january_to_march_in_january_to_march() -> None:
    plan = make_plan(actuals=JAN_TO_MAR)  # the plan starts in Jan 2027
    moved = with_start_month(plan, "2026-10")  # three months earlier: January is now plan month 4
    assert [(a.month, a.sales_ready_leads) for a in moved.plan.actuals] == [(4, 10), (5, 20), (6, 30)]
    assert moved.dropped == ()
    assert "3 plan months later" in moved.note
    assert moved.plan.basics.start_month == "2026-10"


def test_moving_the_first_month_past_an_actual_says_which_fall_outside() -> None:
    plan = make_plan(actuals=JAN_TO_MAR)
    moved = with_start_month(plan, "2027-03")  # March is now plan month 1; January and February fall out
    assert [(a.month, a.sales_ready_leads) for a in moved.plan.actuals] == [(1, 30)]
    assert [a.month for a in moved.dropped] == [1, 2]
    assert "2 months of actuals fall outside the plan" in moved.note


def test_a_plan_without_actuals_just_moves() -> None:
    moved = with_start_month(make_plan(), "2028-04")
    assert moved.note == "" and moved.plan.basics.start_month == "2028-04"
    assert months_between("2027-01", "2028-04") == 15


def test_cutting_the_horizon_below_an_actual_names_the_months_it_would_drop() -> None:
    plan = make_plan(actuals=[{"month": m, "sales_ready_leads": 5} for m in (8, 9, 10, 11, 12)])
    cut = with_horizon(plan, 9)
    assert [a.month for a in cut.dropped] == [10, 11, 12]
    assert [a.month for a in cut.plan.actuals] == [8, 9]
    assert "months 10, 11, 12 are after month 9" in cut.note
    assert with_horizon(plan, 12).dropped == ()
