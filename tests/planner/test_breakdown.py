"""Supply grouped by who delivers it, and the largest sources with the rest added up as "Others"."""

from __future__ import annotations

from pytest import approx

from planner.numbers.breakdown import supply_by_kind, top_with_others
from planner.numbers.engine import compute
from tests.planner.plans import make_plan


def rep(rep_id: str, kind: str, headcount: int, leads: float, cost: float) -> dict[str, object]:
    return {"id": rep_id, "kind": kind, "headcount": headcount, "ramp_months": 0, "srl_per_person_month": leads,
            "cost_per_person_month": cost, "attrition_rate": 0}  # fmt: skip


def test_supply_by_kind_adds_up_each_kind_of_labor_then_the_marketing_programs() -> None:
    plan = make_plan(
        basics={"horizon_months": 3},
        labor=[
            rep("agency", "outsourced", 1, 10, 5_000),
            rep("east", "field", 2, 3, 1_000),
            rep("west", "field", 1, 1, 500),
        ],
        channels=[
            # 1,000 / 25 = 40 raw leads x 0.5 x 0.5 = 10 sales-ready leads a month
            {"name": "Ads", "type": "paid_ads", "owner": "marketing", "monthly_budget": 1000, "cost_per_lead": 25},
            {"name": "Mail", "type": "email", "owner": "marketing", "monthly_budget": 500, "cost_per_lead": 25},
        ],
    )
    found = supply_by_kind(compute(plan))
    # field reps first (2 x 3 + 1 x 1 = 7 a month), no inside reps, the agency, then both programs (10 + 5)
    assert [(s.name, s.kind) for s in found] == [
        ("Field reps", "resource"),
        ("Outsourced teams", "resource"),
        ("Marketing programs", "program"),
    ]
    assert [s.sales_ready_leads for s in found] == [approx((7, 7, 7)), approx((10, 10, 10)), approx((15, 15, 15))]
    assert [s.cost for s in found] == [approx((2_500,) * 3), approx((5_000,) * 3), approx((1_500,) * 3)]


def test_a_plan_without_programs_or_people_has_no_row_for_them() -> None:
    plan = make_plan(basics={"horizon_months": 3}, labor=[rep("ldr", "inside", 2, 12, 8_000)])
    assert [s.name for s in supply_by_kind(compute(plan))] == ["Inside reps"]


def test_within_the_limit_the_rows_keep_their_order_and_empty_ones_are_dropped() -> None:
    rows = [("Calls", [1, 2]), ("Nothing yet", [0, 0]), ("Shows", [5, 5])]
    assert top_with_others(rows, 8) == [("Calls", [1, 2]), ("Shows", [5, 5])]


def test_past_the_limit_the_largest_come_first_and_the_rest_are_added_up_month_by_month_as_others() -> None:
    rows = [("A", [1, 1]), ("B", [5, 0]), ("C", [0, 0]), ("D", [2, 2]), ("E", [0, 1])]
    # C adds up to nothing (dropped); B 5, D 4, A 2, E 1: B and D kept, A + E = [1, 2]
    assert top_with_others(rows, 3) == [("B", [5, 0]), ("D", [2, 2]), ("Others", [1, 2])]


def test_the_others_row_can_say_how_many_sources_it_adds_up_and_empty_rows_can_be_kept() -> None:
    rows = [("Calls", (50,)), ("Shows", (30,)), ("Mail", (0,)), ("Ads", (20,))]
    found = top_with_others(rows, 2, lambda count: f"{count} other sources", keep_empty=True)
    assert found == [("Calls", [50]), ("3 other sources", [50])]
