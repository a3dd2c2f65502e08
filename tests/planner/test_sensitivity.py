"""Sensitivity: each driver moved ±10% and ±20%."""

from __future__ import annotations

import pytest

from benchmarks.plans import large_plan
from planner.numbers.engine import compute, compute_core
from planner.numbers.scenarios import apply_overrides
from planner.plan.model import Plan


def test_moving_the_win_rate_changes_the_leads_needed_as_worked_out_by_hand(sample: Plan) -> None:
    row = next(r for r in compute(sample).sensitivity if r.driver == "win_rate")
    minus_20 = row.moves[0]
    # win rate 0.25 -> 0.2: O = 60 / 0.2 = 300, S = 300 / 0.6 = 500; this year's coverage: the 201 leads
    # of the in-time months 1-9 (plan model v3) of 500
    assert minus_20.value == pytest.approx(0.2)
    assert minus_20.sales_ready_leads_needed == pytest.approx(500)
    assert minus_20.sales_ready_leads_needed_change == pytest.approx(100)
    assert minus_20.coverage == pytest.approx(201 / 500)
    assert minus_20.cost_per_sales_ready_lead_change == pytest.approx(0)


def test_moving_a_head_count_changes_supply_and_cost_per_lead_as_worked_out_by_hand(sample: Plan) -> None:
    row = next(r for r in compute(sample).sensitivity if r.driver == "labor.ldr.headcount")
    plus_10 = row.moves[2]
    # 2.2 people: output 2.2 x 12 x 9.5 = 250.8 (+ 60 trade shows); cost 2.2 x 7,500 x 11 + 72,000.
    # This year (in-time months 1-9): 2.2 x 12 x 6.5 = 171.6 from the reps, 45 from the trade shows
    assert plus_10.value == pytest.approx(2.2)
    assert plus_10.coverage == pytest.approx((171.6 + 45) / 400)
    assert plus_10.cost_per_sales_ready_lead == pytest.approx((181_500 + 72_000) / 310.8)


def test_rates_moved_up_are_capped_at_100_percent() -> None:
    from tests.planner.plans import make_plan

    rows = compute(make_plan({"win_rate": 0.9})).sensitivity
    win = next(r for r in rows if r.driver == "win_rate")
    assert [m.value for m in win.moves] == pytest.approx([0.72, 0.81, 0.99, 1.0])


@pytest.mark.parametrize("plan", [pytest.param("sample", id="sample"), pytest.param("large", id="large")])
def test_every_move_equals_recomputing_the_moved_plan_in_full(plan: str, sample: Plan) -> None:
    base_plan = sample if plan == "sample" else large_plan()
    result = compute(base_plan)
    assert len(result.sensitivity) > 8
    for row in result.sensitivity:
        for move in row.moves:
            full = compute_core(apply_overrides(base_plan, {row.driver: move.value}))
            assert move.sales_ready_leads_needed == pytest.approx(full.demand.sales_ready_leads), row.driver
            assert move.coverage == pytest.approx(full.gap.coverage), row.driver
            assert move.cost_per_sales_ready_lead == pytest.approx(full.supply.cost_per_sales_ready_lead), row.driver


def test_drivers_are_sorted_by_their_impact_on_coverage(sample: Plan) -> None:
    impacts = [row.impact for row in compute(sample).sensitivity]
    assert impacts == sorted(impacts, reverse=True)
    assert impacts[0] > impacts[-1]
