"""What closes the gap in time: hires by v3's rules (s0, the new-hire ramp, only in-time leads), catch-up spends.

The sample under v3: months 1-9 are in time, each needing 400 / 9 = 44.44; supplied 5, 11, 17, 23,
then 29, so the cumulative gap is 39.44, 72.89, 100.33, 121.78, 137.22, ... 199 in September.
"""

from __future__ import annotations

import dataclasses

from pytest import approx

from planner.numbers import status
from planner.numbers.closing import catch_up_spend, close_the_year, options, stop_being_behind, timing_sentence
from planner.numbers.engine import compute
from planner.plan.model import Actual, Plan
from tests.planner.plans import make_plan


def test_the_sample_closes_its_year_with_3_reps_hired_to_start_by_february(sample: Plan) -> None:
    result = compute(sample)
    option = close_the_year(sample, result)
    assert option is not None
    # the engine's answer (PRODUCT.md): r(1) = 90 -> 3 reps; r(2) = 78, 3 x 78 = 234 >= 198.5, r(3) = 66,
    # 198 < 198.5: February is the latest start. 3 x 7,500 a month, February to December
    assert option.month == 2
    assert option.cost == approx(3 * 7_500 * 11)
    assert option.sentence == "hire 3 inside reps to start by Feb 2027 (+$247,500)"
    assert not status.is_short(compute(option.plan).gap.sales_ready_leads)


def test_a_seated_team_with_no_ramp_still_gives_a_new_hire_the_new_hire_ramp() -> None:
    seated = {"id": "sdr", "kind": "inside", "headcount": 2, "srl_per_person_month": 12, "ramp_months": 0,
              "cost_per_person_month": 8_000}  # fmt: skip
    plan = make_plan(labor=[seated])
    result = compute(plan)
    # 400 needed, 2 x 12 x 12 = 288 supplied: 112 short. A new hire ramps 3 months (not the team's 0):
    # from January 12 x (0.25 + 0.5 + 0.75 + 9) = 126 -> 1 rep; February 114 >= 111.5; March 102 < 111.5
    # (with no ramp March would give 120 and pass)
    option = close_the_year(plan, result)
    assert option is not None
    assert (option.month, option.cost) == (2, approx(8_000 * 11))
    assert option.sentence == "hire 1 inside rep to start by Feb 2027 (+$88,000)"


def test_never_being_behind_takes_the_reps_january_needs(sample: Plan) -> None:
    result = compute(sample)
    option = stop_being_behind(sample, result)
    assert option is not None
    # a rep hired in January makes 3, 9, 18, 30, ... to date; January is 39.44 behind:
    # (39.44 - 0.5) / 3 = 12.98 -> 13 reps (February (72.89 - 0.5) / 9 = 8.04, later months fewer).
    # 13 x 7,500 x 12 = 1,170,000
    assert option.sentence == "hire 13 inside reps to start in Jan 2027 (+$1,170,000)"
    assert compute(option.plan).timing.behind_months == ()


def test_a_one_off_spend_on_the_cheapest_program_catches_up_the_worst_month(sample: Plan) -> None:
    option = catch_up_spend(sample, compute(sample))
    assert option is not None
    # trade shows: 120 a raw lead / (25% x 40%) = 1,200 a sales-ready lead x 199 short at worst (September)
    assert option.cost == approx(238_800)
    assert option.sentence == "spend a one-off $238,800 on Trade shows in Jan 2027"


def test_a_late_plan_with_no_programs_is_told_the_hires_that_end_being_behind() -> None:
    one_rep = {"id": "sdr", "kind": "inside", "headcount": 1, "srl_per_person_month": 12, "ramp_months": 3}
    plan = make_plan({"revenue_goal": 300_000}, labor=[one_rep])
    result = compute(plan)
    # 120 needed, 10 a month; the rep makes 3, 6, 9, 12, ... = 126 in all: covered, but behind at first
    assert result.timing.status == "late"
    assert close_the_year(plan, result) is None
    # cumulative gap 7, 11, 12, ...; a new rep's cumulative output 3, 9, 18: (7 - 0.5) / 3 = 2.2 -> 3 reps
    behind = stop_being_behind(plan, result)
    assert behind is not None
    assert behind.sentence.startswith("hire 3 inside reps to start in Jan 2027")
    assert behind.cost == approx(3 * 8_500 * 12)
    assert [o.goal for o in options(plan, result)] == ["behind"]
    assert timing_sentence(plan, result).startswith("To stop being behind from Jan 2027: hire 3 inside reps")


def test_an_on_track_plan_needs_nothing() -> None:
    rich = {"id": "sdr", "kind": "inside", "headcount": 3, "srl_per_person_month": 12, "ramp_months": 0}
    plan = make_plan({"revenue_goal": 300_000}, labor=[rich])
    assert options(plan, compute(plan)) == ()
    assert timing_sentence(plan, compute(plan)) == ""


def test_the_sample_reads_as_one_paragraph_for_the_ceo(sample: Plan) -> None:
    assert timing_sentence(sample, compute(sample)) == (
        "To close this year's gap: hire 3 inside reps to start by Feb 2027 (+$247,500). "
        "To stop being behind from Jan 2027: hire 13 inside reps to start in Jan 2027 (+$1,170,000), "
        "or spend a one-off $238,800 on Trade shows in Jan 2027."
    )


def test_with_actuals_through_march_nothing_is_hired_or_spent_before_may(sample: Plan) -> None:
    actuals = tuple(Actual(month=m, sales_ready_leads=v) for m, v in ((1, 5), (2, 8), (3, 10)))
    plan = dataclasses.replace(sample, actuals=actuals)
    result = compute(plan)
    # s0 = 3 + 1 + ceil(1) = 5: the engine's 5 reps to start by May (12 x 3.5 = 42 each by September, 209 short)
    found = options(plan, result)
    assert found and all(option.month >= 5 for option in found)
    year = close_the_year(plan, result)
    assert year is not None and year.sentence == "hire 5 inside reps to start by May 2027 (+$300,000)"
    assert all(r.start_month >= 5 for o in found for r in o.plan.labor if r not in plan.labor)
    assert timing_sentence(plan, result).startswith(
        "To close this year's gap: hire 5 inside reps to start by May 2027 (+$300,000). To stop being behind from "
        "May 2027: "
    )


def test_when_no_hire_closes_the_year_it_is_said_in_words() -> None:
    # a 12-month cycle on a 12-month plan: no lead created in it closes inside it
    plan = make_plan({"sales_cycle_months": 12})
    result = compute(plan)
    assert result.gap.inside_reps_to_close_gap is None
    assert close_the_year(plan, result) is None
    assert (
        timing_sentence(plan, result) == "No hire made now closes this year's gap: its leads would not close in time."
    )


def test_a_plan_behind_only_in_its_reported_months_is_offered_nothing_it_cannot_change() -> None:
    # 400 needed, 33.3 a month; 10 actual leads a month to March (70 behind), then 4 x 30 = 120 a month:
    # caught up in April (70 + 33.3 - 120 < 0). Only January to March are behind, all before s0 = 5
    team = {"id": "sdr", "kind": "inside", "headcount": 4, "srl_per_person_month": 30, "ramp_months": 0}
    plan = make_plan(labor=[team], actuals=[{"month": m, "sales_ready_leads": 10} for m in (1, 2, 3)])
    result = compute(plan)
    assert result.timing.status == "late" and result.timing.behind_months == (1, 2, 3)
    assert options(plan, result) == ()
    assert timing_sentence(plan, result) == ""
