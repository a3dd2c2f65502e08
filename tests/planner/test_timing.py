"""Plan model v2, worked by hand: attrition, end months, schedules, timing, revenue, actuals."""

from __future__ import annotations

from pytest import approx

from planner.advice.health import standing, verdict
from planner.numbers.engine import compute
from planner.plan.model import Plan
from tests.planner.plans import make_plan

# goal 300,000 / deal 10,000 = 30 wins / 0.5 = 60 opportunities / 0.5 = 120 sales-ready leads,
# 10 a month with flat seasonality and no sales cycle
SMALL = {"revenue_goal": 300_000}
ONE_REP = {"id": "sdr", "kind": "inside", "headcount": 1, "srl_per_person_month": 12, "ramp_months": 3}


def test_attrition_and_vacancy_take_output_and_empty_seats_are_not_paid() -> None:
    plan = make_plan(
        labor=[
            {
                "id": "sdr",
                "kind": "inside",
                "headcount": 2,
                "ramp_months": 2,
                "srl_per_person_month": 10,
                "cost_per_person_month": 6_000,
                "attrition_rate": 0.24,
                "vacancy_months": 2,
            }
        ]
    )
    result = compute(plan)
    # a/12 = 0.02 of the seats turn over each month; loss = 0.02 x (2 + 2/2) = 6%
    # output = 2 x 10 x 0.94 = 18.8 at full productivity: 1/3, 2/3, then 1
    sdr = result.resources[0]
    assert sdr.output[:3] == approx((18.8 / 3, 18.8 * 2 / 3, 18.8))
    assert sdr.total_output == approx(18.8 * 11)
    # payroll: 2 x 6,000 x (1 - 0.02 x 2) = 11,520 a month, paid from month 1 while ramping
    assert sdr.cost == approx((11_520,) * 12)
    # one rep hired in month 1 delivers 10 x (1/3 + 2/3 + 10) x 0.94 = 103.4; gap 400 - 206.8 = 193.2
    assert result.gap.sales_ready_leads == approx(400 - 206.8)
    assert result.gap.inside_reps_to_close_gap == 2


def test_two_spends_in_one_month_add_up_and_a_schedule_replaces_the_monthly_budget() -> None:
    schedule = [{"month": 3, "budget": 10_000}, {"month": 3, "budget": 5_000}, {"month": 9, "budget": 6_000}]
    plan = make_plan(
        channels=[
            {
                "name": "Trade shows",
                "type": "events",
                "owner": "marketing",
                "monthly_budget": 1_000,
                "cost_per_lead": 100,
                "lead_to_srl": 0.1,
                "start_month": 5,
                "end_month": 6,
                "schedule": schedule,
            }
        ]
    )
    shows = compute(plan).channels[0]
    # March: 15,000 / 100 = 150 raw leads x 10% = 15; September: 60 raw leads -> 6
    assert shows.raw_leads == approx((0, 0, 150, 0, 0, 0, 0, 0, 60, 0, 0, 0))
    assert shows.sales_ready_leads == approx((0, 0, 15, 0, 0, 0, 0, 0, 6, 0, 0, 0))
    assert shows.cost == approx((0, 0, 15_000, 0, 0, 0, 0, 0, 6_000, 0, 0, 0))
    assert shows.total_cost == approx(21_000)


def test_a_program_spends_from_its_start_month_to_its_end_month() -> None:
    plan = make_plan(
        channels=[
            {
                "name": "Webinars",
                "type": "content",
                "owner": "marketing",
                "monthly_budget": 2_000,
                "cost_per_lead": 50,
                "start_month": 4,
                "end_month": 9,
            }
        ]
    )
    webinars = compute(plan).channels[0]
    # 2,000 / 50 = 40 raw leads x 0.5 x 0.5 = 10 sales-ready leads a month, April to September
    assert webinars.sales_ready_leads == approx((0, 0, 0, 10, 10, 10, 10, 10, 10, 0, 0, 0))
    assert webinars.total_sales_ready_leads == approx(60)
    assert webinars.total_cost == approx(12_000)


def test_a_resource_that_ends_mid_plan_has_no_output_and_no_cost_after_its_end() -> None:
    plan = make_plan(
        labor=[
            {
                "id": "agency",
                "kind": "outsourced",
                "headcount": 1,
                "ramp_months": 0,
                "srl_per_person_month": 10,
                "cost_per_person_month": 5_000,
                "fee_per_srl": 100,
                "end_month": 6,
            }
        ]
    )
    agency = compute(plan).resources[0]
    assert agency.output == approx((10,) * 6 + (0,) * 6)
    # 5,000 + 100 x 10 while the contract runs
    assert agency.cost == approx((6_000,) * 6 + (0,) * 6)


def late_plan() -> Plan:
    # one rep (12 a month, 3 months' ramp) supplies 3, 6, 9, then 12: 126 over the year against 120
    return make_plan(SMALL, labor=[ONE_REP])


def test_a_plan_covered_over_the_year_but_behind_in_the_first_quarter_is_late() -> None:
    result = compute(late_plan())
    # cumulative gap: 7, 11, 12, 10, 8, 6, 4, 2, 0, -2, -4, -6
    assert [m.cumulative_gap for m in result.months] == approx([7, 11, 12, 10, 8, 6, 4, 2, 0, -2, -4, -6], abs=1e-9)
    assert result.timing.status == "late"
    assert result.timing.worst_shortfall == approx(12)
    assert result.timing.worst_month == 3
    assert result.timing.behind_months == (1, 2, 3, 4, 5, 6, 7, 8)
    assert result.gap.inside_reps_to_close_gap == 0
    said = verdict(result)
    assert said.startswith("Late")
    assert "behind through Aug 2027, caught up in Sep 2027" in said
    assert "12 sales-ready leads short at worst, in Mar 2027" in said


def test_quarters_sum_their_months_and_are_labelled_by_calendar_months() -> None:
    plan = make_plan(SMALL, labor=[ONE_REP], basics={"start_month": "2027-11", "horizon_months": 7})
    quarters = compute(plan).quarters
    assert [q.label for q in quarters] == ["Nov 2027–Jan 2028", "Feb–Apr 2028", "May 2028"]
    assert [(q.first_month, q.last_month) for q in quarters] == [(1, 3), (4, 6), (7, 7)]
    # 120 over 7 months; supply 3, 6, 9 | 12, 12, 12 | 12
    assert [q.sales_ready_leads_supplied for q in quarters] == approx([18, 36, 12])
    assert [q.sales_ready_leads_needed for q in quarters] == approx([120 * 3 / 7, 120 * 3 / 7, 120 / 7])


def test_won_revenue_follows_the_leads_a_sales_cycle_later_and_never_wraps_round() -> None:
    plan = make_plan({**SMALL, "sales_cycle_months": 3}, labor=[ONE_REP])
    result = compute(plan)
    # one sales-ready lead is worth 0.5 x 0.5 x 10,000 = 2,500; month m is won from month m - 3, and
    # January-March only from the pipeline (none here): supply 3, 6, 9, 12 x 9
    won = [2_500 * s for s in (0, 0, 0, 3, 6, 9, 12, 12, 12, 12, 12, 12)]
    assert [m.projected_revenue for m in result.months] == approx(won)
    assert sum(won) == approx(225_000)
    # the leads of October-December (36) close next year
    bridge = result.revenue
    assert (bridge.goal, bridge.pipeline, bridge.projected, bridge.expected) == approx((300_000, 0, 225_000, 225_000))
    assert bridge.carried_over == approx(2_500 * 36)
    assert bridge.gap == approx(75_000)
    # this year: the 90 leads of months 1-9 against 120, 30 short = 75,000 / 2,500
    assert result.year.gap == approx(30)
    assert result.supply.projected_revenue == approx(315_000)  # all the plan's leads, whenever they close


def test_actuals_count_a_missing_month_as_none_and_forecast_with_the_plans_later_supply() -> None:
    actuals = [
        {"month": 1, "sales_ready_leads": 4, "revenue": 20_000},
        {"month": 2, "revenue": 5_000, "cost": 100},
        {"month": 3, "sales_ready_leads": 8},
    ]
    result = compute(make_plan(SMALL, labor=[ONE_REP], actuals=actuals))
    actual = result.actuals
    assert actual is not None
    # through March: 4 + 0 + 8 = 12 against 30 needed; then the plan's 12 a month x 9 = 108
    assert actual.through_month == 3
    assert actual.sales_ready_leads == approx(12)
    assert actual.needed_to_date == approx(30)
    assert actual.variance == approx(-18)
    assert actual.forecast_sales_ready_leads == approx(120)
    assert actual.forecast_coverage == approx(1.0)
    # revenue to February: 25,000 against 300,000 x 2/12 = 50,000
    assert actual.revenue == approx(25_000)
    assert actual.revenue_goal_to_date == approx(50_000)
    assert actual.revenue_vs_goal == approx(-25_000)
    months = result.months
    assert [m.actual_sales_ready_leads for m in months[:4]] == [4, None, 8, None]
    assert [m.variance for m in months[:4]] == [approx(-6), None, approx(-2), None]
    # the forecast covers the year, the actuals are behind to date: late at this pace
    assert standing(result) == "late"
    assert verdict(result).startswith("Late: at this pace the year is covered (100%)")


def test_a_plan_without_actuals_has_none_and_one_without_lead_actuals_has_no_forecast() -> None:
    assert compute(make_plan(SMALL, labor=[ONE_REP])).actuals is None
    actual = compute(make_plan(SMALL, labor=[ONE_REP], actuals=[{"month": 2, "revenue": 1_000}])).actuals
    assert actual is not None
    assert actual.through_month is None and actual.forecast_sales_ready_leads is None
    assert actual.revenue_goal_to_date == approx(50_000)


def test_a_forecast_short_of_the_year_reads_short_at_this_pace() -> None:
    actuals = [{"month": m, "sales_ready_leads": 1} for m in range(1, 7)]
    result = compute(make_plan(SMALL, labor=[ONE_REP], actuals=actuals))
    # 6 to date + the plan's 12 x 6 later = 78 of 120: 65%, 42 short
    assert result.actuals is not None and result.actuals.forecast_sales_ready_leads == approx(78)
    assert standing(result) == "short"
    assert verdict(result).startswith("Short at this pace: 65% of the year's sales-ready leads, 42 short")


def test_a_short_plan_says_so_and_counts_the_ramp_in_the_reps_to_hire(sample: Plan) -> None:
    result = compute(sample)
    assert result.timing.status == "short"
    said = verdict(result)
    # v3, a 3-month cycle: the leads of Jan-Sep close this year, 5 + 11 + 17 + 23 + 5 x 29 = 201 of 400
    assert said.startswith(
        "Short: by Sep 2027 the plan supplies 201 of the 400 sales-ready leads this year needs (50% coverage), 199 short"
    )
    # a rep from January ramping 3 months adds 12 x (1/4 + 2/4 + 3/4 + 6) = 90 by September: 3 close 199; from
    # February 3 x 78 = 234 still do, from March 3 x 66 = 198 no longer (PRODUCT.md's worked example)
    assert "Hire 3 inside reps to start by Feb 2027 to close it." in said


def test_a_surplus_reads_as_a_surplus_and_less_than_half_a_lead_is_no_gap() -> None:
    rich = compute(make_plan(SMALL, labor=[{**ONE_REP, "headcount": 2, "ramp_months": 0}]))
    # 24 a month from January: 288 against 120, never behind
    assert rich.timing.status == "on_track"
    assert verdict(rich).endswith("168 surplus.")
    nearly = compute(
        make_plan(
            SMALL,
            channels=[
                {"name": "Ads", "type": "paid_ads", "owner": "marketing", "monthly_budget": 996, "cost_per_lead": 25}
            ],
        )
    )
    # 996 / 25 = 39.84 raw leads x 0.25 = 9.96 a month: 119.52 of 120, 0.48 short -> on track, gap shown as 0
    assert nearly.gap.sales_ready_leads == approx(0.48)
    assert nearly.timing.status == "on_track"
    assert nearly.gap.inside_reps_to_close_gap == 0
