"""Plan model v3 worked by hand: in-time and carry-over months, the known series, this year's gap,
next year's start, revenue by month, and hires with a new hire's ramp from s0 (PRODUCT.md)."""

from __future__ import annotations

import json

import pytest
from pytest import approx

from planner.numbers.engine import compute
from planner.numbers.summary import summary_data
from planner.plan.plan_file import PlanFileError, dumps_plan, parse_plan
from tests.planner.plans import make_plan, plan_data

# goal 1,200,000, pipeline 200,000, deal 10,000, win 0.5, SRL to opportunity 0.5: a sales-ready lead is
# worth V = 0.5 x 0.5 x 10,000 = 2,500, so S = 1,000,000 / 2,500 = 400
FOUR_MONTH_CYCLE = {"revenue_goal": 1_200_000, "pipeline_revenue": 200_000, "sales_cycle_months": 4}
# 2,000 / 25 = 80 raw leads a month x 0.5 x 0.5 = 20 sales-ready leads a month, all year
PROGRAM = {"name": "Webinars", "type": "content", "owner": "marketing", "monthly_budget": 2_000, "cost_per_lead": 25}


def test_a_four_month_cycle_makes_months_1_to_8_this_years_and_9_to_12_next_years_start() -> None:
    result = compute(make_plan(FOUR_MONTH_CYCLE, channels=[PROGRAM]))
    # in time: 1..12 - 4 = 1..8; U = u(5) + .. + u(12) = 8/12, so each needs 400 x (1/12) / (8/12) = 50;
    # carry-over 9..12: (goal / V) x u(m + 4) = 480 x 1/12 = 40 each
    assert [m.in_time for m in result.months] == [True] * 8 + [False] * 4
    assert [m.sales_ready_leads_needed for m in result.months] == approx([50] * 8 + [40] * 4)
    year = result.year
    assert (year.first_month, year.last_month) == (1, 8)
    assert (year.sales_ready_leads_needed, year.sales_ready_leads_expected) == approx((400, 160))
    assert year.gap == approx(240) and year.coverage == approx(0.4)
    assert result.gap.sales_ready_leads == approx(240) and result.gap.coverage == approx(0.4)
    start = result.next_year_start
    assert start is not None and (start.first_month, start.last_month) == (9, 12)
    assert (start.sales_ready_leads_needed, start.sales_ready_leads_expected, start.gap) == approx((160, 80, 80))
    # behind 30 more each month to 240 in month 8 (the carry-over months do not count)
    assert result.timing.status == "short"
    assert result.timing.worst_shortfall == approx(240) and result.timing.worst_month == 8
    assert result.timing.behind_months == tuple(range(1, 9))
    # revenue: the goal 100,000 a month; the pipeline over the first cycle, 50,000 in months 1-4; from
    # leads 20 x 2,500 = 50,000 in months 5-12 (the leads of months 1-8)
    assert [m.revenue_goal for m in result.months] == approx([100_000] * 12)
    assert [m.pipeline_revenue for m in result.months] == approx([50_000] * 4 + [0] * 8)
    assert [m.projected_revenue for m in result.months] == approx([0] * 4 + [50_000] * 8)
    bridge = result.revenue
    assert (bridge.projected, bridge.expected, bridge.gap) == approx((400_000, 600_000, 600_000))
    assert bridge.gap == approx(year.gap * 2_500)
    assert bridge.carried_over == approx(80 * 2_500)  # the 80 leads of months 9-12 close next year
    # no inside resource: a new hire q 12, ramp 3 from s0 = 1 adds 12 x (1/4 + 2/4 + 3/4 + 5) = 78 by month 8:
    # ceil(240 / 78) = 4; from month 2, 12 x 5.5 = 66 (264 >= 239.5); from month 3, 54 (216 < 239.5)
    assert result.gap.inside_reps_to_close_gap == 4
    assert result.gap.latest_start_month == 2


def test_actuals_through_march_make_a_covered_plan_late_and_move_the_first_hire_month() -> None:
    # S = 300,000 / 2,500 = 120, 10 a month (no cycle); the program supplies 15 a month: 180, on track
    plan_without = make_plan({"revenue_goal": 300_000}, channels=[{**PROGRAM, "monthly_budget": 1_500}])
    assert compute(plan_without).timing.status == "on_track"
    actuals = [{"month": m, "sales_ready_leads": 2} for m in (1, 2, 3)]
    result = compute(
        make_plan({"revenue_goal": 300_000}, channels=[{**PROGRAM, "monthly_budget": 1_500}], actuals=actuals)
    )
    # known: 2, 2, 2 then the plan's 15 x 9 = 135: 141 of 120, covered; but 8, 16, 24 behind by March,
    # then 5 a month less: 19, 14, 9, 4, then ahead in August
    assert [m.known_sales_ready_leads for m in result.months] == approx([2, 2, 2] + [15] * 9)
    assert result.year.sales_ready_leads_expected == approx(141)
    assert [m.cumulative_gap for m in result.months[:8]] == approx([8, 16, 24, 19, 14, 9, 4, -1])
    assert result.timing.status == "late"
    assert result.timing.worst_shortfall == approx(24) and result.timing.worst_month == 3
    assert result.timing.behind_months == (1, 2, 3, 4, 5, 6, 7)
    assert result.actuals is not None
    assert result.actuals.forecast_sales_ready_leads == approx(141)
    assert result.actuals.forecast_coverage == approx(141 / 120)
    # revenue from the known leads: 2,500 x (6 + 135) = 352,500 in the year
    assert result.revenue.projected == approx(352_500)
    assert result.gap.inside_reps_to_close_gap == 0 and result.gap.latest_start_month is None


def test_after_march_a_hire_starts_in_may_at_the_earliest() -> None:
    # actuals through month 3 and a vacancy of 1 month: s0 = 3 + 1 + 1 = 5. S = 120; 1 a month reported
    # (3), nothing planned: gap 117. A hire (q 12, ramp 3) from May adds 12 x (1/4 + 2/4 + 3/4 + 5) = 78
    # by December: ceil(117 / 78) = 2; from June 12 x 5.5 = 66 (132 >= 116.5), July 54 (108 < 116.5)
    actuals = [{"month": m, "sales_ready_leads": 1} for m in (1, 2, 3)]
    result = compute(make_plan({"revenue_goal": 300_000}, actuals=actuals))
    assert result.gap.sales_ready_leads == approx(117)
    assert result.gap.inside_reps_to_close_gap == 2
    assert result.gap.latest_start_month == 6


def test_a_seated_team_without_ramp_does_not_give_a_new_hire_its_ramp() -> None:
    # two reps in seat, ramp 0, 10 a month each: 240 of S = 1,150,000 / 2,500 = 460, gap 220. A new hire
    # ramps 4 months: 10 x (1/5 + 2/5 + 3/5 + 4/5 + 1 + 7) = 100 in the year: ceil(220 / 100) = 3
    # (with the seated team's ramp 0 it would be 120 and 2 reps, a plan still short)
    seated = {
        "id": "sdr",
        "kind": "inside",
        "headcount": 2,
        "ramp_months": 0,
        "srl_per_person_month": 10,
        "cost_per_person_month": 8_000,
    }
    result = compute(make_plan({"revenue_goal": 1_150_000, "new_hire_ramp_months": 4}, labor=[seated]))
    assert result.gap.sales_ready_leads == approx(220)
    assert result.gap.inside_reps_to_close_gap == 3
    # from month 2: 10 x (3 + 6) = 90 (270 >= 219.5); 3: 80 (240); 4: 70 (210 < 219.5)
    assert result.gap.latest_start_month == 3
    assert compute(make_plan({"revenue_goal": 1_150_000, "new_hire_ramp_months": 0}, labor=[seated])).gap[2] == 2


def test_a_surplus_year_can_still_leave_next_year_short_without_changing_the_status() -> None:
    # cycle 3: S = 120 over months 1-9 (13.33 each); the program supplies 20 a month and ends in September:
    # 180 in the year, never behind. Next year's start needs 120 x 1/12 = 10 in each of months 10-12, gets 0
    program = {**PROGRAM, "end_month": 9}
    result = compute(make_plan({"revenue_goal": 300_000, "sales_cycle_months": 3}, channels=[program]))
    assert result.year.gap == approx(-60)
    assert result.timing.status == "on_track"
    start = result.next_year_start
    assert start is not None and (start.sales_ready_leads_needed, start.gap) == approx((30, 30))
    assert result.gap.inside_reps_to_close_gap == 0 and result.gap.latest_start_month is None


def test_the_summary_has_the_v3_keys_with_the_product_briefs_example_figures(sample) -> None:
    data = summary_data(compute(sample))
    assert data["year"] == approx(
        {
            "first_month": 1,
            "last_month": 9,
            "sales_ready_leads_needed": 400,
            "sales_ready_leads_expected": 201,
            "gap": 199,
            "coverage": 0.5025,
        }
    )
    assert data["next_year_start"] == approx(
        {
            "first_month": 10,
            "last_month": 12,
            "sales_ready_leads_needed": 125,
            "sales_ready_leads_expected": 87,
            "gap": 38,
        }
    )
    assert data["gap"]["latest_start_month"] == 2 and data["gap"]["inside_reps_to_close_gap"] == 3
    assert data["revenue"] == approx(
        {
            "goal": 3_000_000,
            "pipeline": 600_000,
            "projected": 1_206_000,
            "carried_over": 522_000,
            "expected": 1_806_000,
            "gap": 1_194_000,
        }
    )
    months = data["months"]
    assert [m["pipeline_revenue"] for m in months] == approx([200_000] * 3 + [0] * 9)
    assert [m["revenue_goal"] for m in months] == approx([250_000] * 12)
    assert [m["projected_revenue"] for m in months[3:8]] == approx([30_000, 66_000, 102_000, 138_000, 174_000])
    assert [round(m["cumulative_gap"], 2) for m in months[:3]] == [39.44, 72.89, 100.33]
    timing = data["timing"]
    assert (timing["status"], timing["worst_month"], timing["behind_months"]) == ("short", 9, list(range(1, 10)))
    assert timing["worst_shortfall"] == approx(199)
    json.dumps(data, allow_nan=False)  # plain JSON


@pytest.mark.parametrize("version", [1, 2, 3])
def test_versions_1_2_and_3_open_and_a_plan_is_saved_as_version_3_with_the_new_hire_ramp(version: int) -> None:
    data = plan_data({"new_hire_ramp_months": 5} if version == 3 else {})
    data["version"] = version
    plan = parse_plan(json.dumps(data)).plan
    assert plan.targets.new_hire_ramp_months == (5 if version == 3 else 3)  # the cited default for older files
    saved = json.loads(dumps_plan(plan))
    assert saved["version"] == 3
    assert saved["targets"]["new_hire_ramp_months"] == plan.targets.new_hire_ramp_months


@pytest.mark.parametrize("bad", [-1, 25, 1.5, "3", True])
def test_a_new_hire_ramp_outside_0_to_24_whole_months_is_refused_with_a_message(bad: object) -> None:
    data = plan_data({"new_hire_ramp_months": bad})
    data["version"] = 3
    with pytest.raises(PlanFileError) as refused:
        parse_plan(json.dumps(data))
    assert "ramp" in str(refused.value).lower()


def test_a_version_4_file_is_refused_as_newer() -> None:
    data = plan_data()
    data["version"] = 4
    with pytest.raises(PlanFileError, match="newer"):
        parse_plan(json.dumps(data))


def test_a_rep_who_adds_next_to_nothing_is_not_an_answer_with_more_reps_than_a_number_holds() -> None:
    # an inside rep making 1e-320 leads a month: the reps to close the gap are more than a number holds
    tiny = {"id": "sdr", "kind": "inside", "headcount": 1, "ramp_months": 0, "srl_per_person_month": 1e-320}
    result = compute(make_plan({"revenue_goal": 1_000_000}, labor=[tiny]))
    assert result.gap.inside_reps_to_close_gap is None and result.gap.latest_start_month is None
