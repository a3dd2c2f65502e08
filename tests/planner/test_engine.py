"""The engine against numbers worked out by hand (plan models v1 and v3, PRODUCT.md)."""

from __future__ import annotations

import pytest

from planner.numbers.engine import compute
from planner.plan.model import Plan
from tests.planner.plans import make_plan

approx = pytest.approx


def test_the_product_briefs_example_needs_400_and_supplies_288_leads(sample: Plan) -> None:
    # N = 3,000,000 - 600,000 = 2,400,000; W = N / 40,000 = 60; O = 60 / 0.25 = 240;
    # S = 240 / 0.6 = 400; Q = 400 / 0.4 = 1,000; L = 1,000 / 0.25 = 4,000.
    # Inside LDRs: 2 people x 12 a month, from month 2 with a 3-month ramp:
    #   productivity 1/4, 2/4, 3/4 in months 2-4, then 1 for months 5-12 -> 9.5 person-months
    #   output 2 x 12 x 9.5 = 228; cost 2 x 7,500 x 11 months = 165,000.
    # Trade shows: 6,000 / 120 = 50 raw leads a month x 0.25 x 0.4 = 5 a month x 12 = 60; cost 72,000.
    result = compute(sample)
    assert result.demand.net_new_revenue == approx(2_400_000)
    assert result.demand.wins == approx(60)
    assert result.demand.opportunities == approx(240)
    assert result.demand.sales_ready_leads == approx(400)
    assert result.demand.qualified_leads == approx(1_000)
    assert result.demand.raw_leads == approx(4_000)
    assert result.supply.sales_ready_leads == approx(228 + 60)
    assert result.supply.cost == approx(165_000 + 72_000)
    # v3: with a 3-month cycle only the leads of months 1-9 close in the year: 5 + 11 + 17 + 23 + 5 x 29 = 201
    assert result.gap.sales_ready_leads == approx(400 - 201)
    assert result.gap.coverage == approx(201 / 400)
    # a new hire (s0 = 1, ramp 3, q 12) adds 12 x (1/4 + 2/4 + 3/4 + 6) = 90 by month 9: ceil(199 / 90) = 3
    assert result.gap.inside_reps_to_close_gap == 3
    assert result.supply.cost_per_sales_ready_lead == approx(237_000 / 288)
    assert result.supply.cost_per_opportunity == approx(237_000 / (288 * 0.6))
    revenue = 288 * 0.6 * 0.25 * 40_000
    assert result.supply.projected_revenue == approx(revenue)
    assert result.supply.return_on_cost == approx((revenue * 0.45 - 237_000) / 237_000)


def test_the_example_months_ramp_up_and_the_trade_shows_run_all_year(sample: Plan) -> None:
    result = compute(sample)
    supplied = [m.sales_ready_leads_supplied for m in result.months]
    # month 1: trade shows only (5); month 2: + 24 x 1/4 = 6; month 3: + 12; month 4: + 18; then + 24
    assert supplied == approx([5, 11, 17, 23] + [29] * 8)
    assert [m.cost for m in result.months] == approx([6_000] + [21_000] * 11)
    # in time (months 1-9): 400 / 9 each; carry-over (10-12): 3,000,000 / 6,000 / 12 = 41.67 each
    assert [m.sales_ready_leads_needed for m in result.months] == approx([400 / 9] * 9 + [125 / 3] * 3)
    assert result.months[0].label == "Jan 2027"
    assert result.months[11].label == "Dec 2027"


def test_seasonality_is_normalised_over_the_horizon_and_the_sales_cycle_does_not_wrap() -> None:
    # 4 months Nov 2027 .. Feb 2028; weights Nov 1, Dec 4, Jan 2, Feb 1 -> sum 8, Mar-May 1 each.
    # S = 160,000 / 10,000 / 0.5 / 0.5 = 64; cycle 3: only month 1 is in time (its leads close in Feb);
    # U = u(4) = 1/8, so month 1 needs all 64. Months 2-4 carry over: (goal / V) x u(m + 3), V = 2,500:
    # 64 x u(Mar, Apr, May) = 64 x 1/8 = 8 each
    weights = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4]
    plan = make_plan(
        {"revenue_goal": 160_000, "sales_cycle_months": 3, "seasonality": weights},
        basics={"start_month": "2027-11", "horizon_months": 4},
    )
    result = compute(plan)
    assert result.demand.sales_ready_leads == approx(64)
    assert [m.sales_ready_leads_needed for m in result.months] == approx([64, 8, 8, 8])
    assert [m.in_time for m in result.months] == [True, False, False, False]
    assert [m.label for m in result.months] == ["Nov 2027", "Dec 2027", "Jan 2028", "Feb 2028"]
    # the other stages follow the same ratios: a sales-ready lead is 0.25 of a win
    assert [m.wins_needed for m in result.months] == approx([16, 2, 2, 2])
    # the goal by month is not shifted: 160,000 x (1, 4, 2, 1) / 8
    assert [m.revenue_goal for m in result.months] == approx([20_000, 80_000, 40_000, 20_000])


def test_a_ramping_outsourced_team_pays_a_fee_per_lead_and_programs_start_mid_plan() -> None:
    plan = make_plan(
        {"revenue_goal": 400_000},  # S = 400,000 / 10,000 / 0.5 / 0.5 = 160
        basics={"horizon_months": 4},
        labor=[
            {
                "id": "agency",
                "name": "Agency",
                "kind": "outsourced",
                "headcount": 3,
                "start_month": 2,
                "ramp_months": 1,
                "srl_per_person_month": 10,
                "cost_per_person_month": 1000,
                "fee_per_srl": 50,
            },
        ],
        channels=[
            {"name": "Calls", "type": "outbound_phone", "owner": "agency", "share": 1},
            # own rate: 2,000 / 50 = 40 raw leads a month x 0.05 = 2 a month, from month 3
            {
                "name": "Webinars",
                "type": "content",
                "owner": "marketing",
                "monthly_budget": 2000,
                "cost_per_lead": 50,
                "start_month": 3,
                "lead_to_srl": 0.05,
            },
            # plan rates: 1,000 / 25 = 40 raw leads x 0.5 x 0.5 = 10 a month, all 4 months
            {"name": "Ads", "type": "paid_ads", "owner": "marketing", "monthly_budget": 1000, "cost_per_lead": 25},
        ],
    )
    result = compute(plan)
    # agency productivity 0, 1/2, 1, 1 -> output 0, 15, 30, 30; cost from month 2: 3,000 + 50 x output
    agency = result.resources[0]
    assert agency.output == approx((0, 15, 30, 30))
    assert agency.cost == approx((0, 3_750, 4_500, 4_500))
    assert [m.sales_ready_leads_supplied for m in result.months] == approx([10, 25, 42, 42])
    assert [m.cost for m in result.months] == approx([1_000, 4_750, 7_500, 7_500])
    assert result.supply.sales_ready_leads == approx(119)
    assert result.supply.cost == approx(20_750)
    assert result.gap.sales_ready_leads == approx(160 - 119)
    # no inside resource: PRODUCT.md's inside defaults q 12, k 3 -> one rep hired in month 1
    # delivers 12 x (1/4 + 2/4 + 3/4 + 1) = 30 over the 4 months -> ceil(41 / 30) = 2
    assert result.gap.inside_reps_to_close_gap == 2
    webinars, ads = result.channels[1], result.channels[2]
    assert webinars.raw_leads == approx((0, 0, 40, 40))
    assert webinars.total_sales_ready_leads == approx(4)
    assert ads.total_sales_ready_leads == approx(40)
    assert result.channels[0].total_sales_ready_leads == approx(75)


def test_a_pipeline_larger_than_the_goal_needs_nothing_and_coverage_is_not_available() -> None:
    plan = make_plan({"revenue_goal": 500_000, "pipeline_revenue": 800_000})
    result = compute(plan)
    assert result.demand.net_new_revenue == 0
    assert result.demand.sales_ready_leads == 0
    assert result.gap.coverage is None
    assert result.gap.inside_reps_to_close_gap == 0
    assert all(m.coverage is None for m in result.months)


def test_a_plan_with_nobody_and_no_programs_reports_not_available_instead_of_dividing_by_zero() -> None:
    result = compute(make_plan())
    assert result.supply.sales_ready_leads == 0
    assert result.supply.cost == 0
    assert result.supply.cost_per_sales_ready_lead is None
    assert result.supply.cost_per_opportunity is None
    assert result.supply.return_on_cost is None
    assert result.gap.coverage == 0


def test_a_one_month_horizon_with_a_cycle_has_no_month_in_time_and_no_hire_can_close_it() -> None:
    # S = 120,000 / 10,000 / 0.5 / 0.5 = 48; with a 3-month cycle the one month's leads close next year:
    # it needs (goal / V) x u(4) = 48 x 1 (u is over the weights of the plan's one month, January)
    plan = make_plan(
        {"revenue_goal": 120_000, "sales_cycle_months": 3},
        basics={"horizon_months": 1},
        labor=[
            {
                "id": "ldr",
                "kind": "inside",
                "headcount": 1,
                "ramp_months": 3,
                "srl_per_person_month": 12,
                "cost_per_person_month": 5000,
            }
        ],
    )
    result = compute(plan)
    assert [m.sales_ready_leads_needed for m in result.months] == approx([48])
    assert result.supply.sales_ready_leads == approx(3)
    assert result.year.first_month is None and result.year.last_month is None
    assert result.gap.sales_ready_leads == approx(48)
    assert result.timing.status == "short"
    # no hire made now adds a lead that closes this year: not "0 reps", none at all
    assert result.gap.inside_reps_to_close_gap is None
    assert result.gap.latest_start_month is None
    assert result.next_year_start is not None
    assert result.next_year_start.sales_ready_leads_expected == approx(3)


def test_a_sixty_month_horizon_spreads_demand_and_runs_programs_every_month() -> None:
    # 1,000 / 100 = 10 raw leads a month x 0.5 x 0.5 = 2.5 a month x 60 = 150; cost 60,000
    plan = make_plan(
        {"revenue_goal": 3_000_000},  # S = 300 / 0.5 / 0.5 = 1,200
        basics={"horizon_months": 60, "start_month": "2027-07"},
        channels=[
            {"name": "Ads", "type": "paid_ads", "owner": "marketing", "monthly_budget": 1000, "cost_per_lead": 100}
        ],
    )
    result = compute(plan)
    assert len(result.months) == 60
    assert result.months[59].label == "Jun 2032"
    assert [m.sales_ready_leads_needed for m in result.months] == approx([20] * 60)
    assert result.supply.sales_ready_leads == approx(150)
    assert result.supply.cost == approx(60_000)


def test_scenarios_override_targets_head_counts_and_budgets() -> None:
    plan = make_plan(
        {"revenue_goal": 1_200_000},  # base S = 120 / 0.5 / 0.5 = 480
        labor=[
            {
                "id": "ldr",
                "kind": "inside",
                "headcount": 1,
                "ramp_months": 0,
                "srl_per_person_month": 10,
                "cost_per_person_month": 5000,
            }
        ],
        channels=[
            {"name": "Ads", "type": "paid_ads", "owner": "marketing", "monthly_budget": 1000, "cost_per_lead": 100}
        ],
        scenarios=[
            {
                "name": "Bigger",
                "overrides": {
                    "win_rate": 0.25,
                    "deal_size": 20_000,
                    "labor.ldr.headcount": 3,
                    "channels.Ads.monthly_budget": 2000,
                },
            }
        ],
    )
    result = compute(plan)
    base = result
    scenario = result.scenarios[0]
    assert base.demand.sales_ready_leads == approx(480)
    # W = 1,200,000 / 20,000 = 60; O = 60 / 0.25 = 240; S = 240 / 0.5 = 480 (the same, by design)
    assert scenario.demand.wins == approx(60)
    assert scenario.demand.sales_ready_leads == approx(480)
    # supply: 3 x 10 x 12 = 360 + 2,000 / 100 x 0.25 x 12 = 60 -> 420; base 120 + 30 = 150
    assert base.supply.sales_ready_leads == approx(150)
    assert scenario.supply.sales_ready_leads == approx(420)
    assert scenario.supply.cost == approx(3 * 5000 * 12 + 2000 * 12)
    assert plan.labor[0].headcount == 1  # the base plan is untouched


def test_the_pipeline_to_create_is_the_opportunities_needed_at_the_average_deal_size(sample: Plan) -> None:
    # 240 opportunities x 40,000 = 9,600,000
    assert compute(sample).demand.pipeline == approx(9_600_000)


def test_a_sales_cycle_longer_than_the_horizon_makes_every_month_next_years_start() -> None:
    # 3 months Jan-Mar, weights 1, 2, 3 (sum 6); cycle 7: no month is in time. Each month needs
    # (goal / V) x u(m + 7) = 48 x (Aug, Sep, Oct: 1/6) = 8; S = 48 is this year's gap, all of it
    plan = make_plan(
        {"revenue_goal": 120_000, "sales_cycle_months": 7, "seasonality": [1, 2, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1]},
        basics={"horizon_months": 3},
    )
    result = compute(plan)
    assert [m.sales_ready_leads_needed for m in result.months] == approx([8, 8, 8])
    assert result.year.gap == approx(48) and result.year.coverage == 0
    assert result.timing.status == "short" and result.timing.behind_months == ()
    assert result.next_year_start is not None
    assert (result.next_year_start.first_month, result.next_year_start.last_month) == (1, 3)
    assert result.next_year_start.gap == approx(24)
    # nothing closes in the horizon: no revenue from leads, the pipeline over months 1-3
    assert result.revenue.projected == 0
