"""What closes the gap in time: hires with their ramp and hire month, catch-up spends."""

from __future__ import annotations

from pytest import approx

from planner.closing import catch_up_spend, close_the_year, options, stop_being_behind, timing_sentence
from planner.engine import compute
from planner.model import Plan
from tests.planner.plans import make_plan


def test_the_sample_closes_its_year_with_one_rep_hired_by_february(sample: Plan) -> None:
    result = compute(sample)
    option = close_the_year(sample, result)
    assert option is not None
    # a rep hired in February delivers 12 x (1/4 + 2/4 + 3/4 + 8) = 114 >= 112; hired in March only
    # 12 x (1/4 + 2/4 + 3/4 + 7) = 102: February is the latest month; 11 months x 7,500 = 82,500
    assert option.month == 2
    assert option.cost == approx(82_500)
    assert option.sentence == "hire 1 more inside rep by Feb 2027 (+$82,500)"
    assert compute(option.plan).gap.sales_ready_leads <= 0.5


def test_never_being_behind_takes_the_reps_january_needs(sample: Plan) -> None:
    result = compute(sample)
    option = stop_being_behind(sample, result)
    assert option is not None
    # January needs 33.3 and gets 5: 28.3 behind; one rep hired in January makes 3 then ->
    # (28.3 - 0.5) / 3 = 9.3, so 10 reps; later months need fewer. 10 x 7,500 x 12 = 900,000
    assert option.sentence == "hire 10 more inside reps in Jan 2027 (+$900,000)"
    assert compute(option.plan).timing.behind_months == ()


def test_a_one_off_spend_on_the_cheapest_program_catches_up_the_worst_month(sample: Plan) -> None:
    option = catch_up_spend(sample, compute(sample))
    assert option is not None
    # trade shows: 120 a raw lead / (25% x 40%) = 1,200 a sales-ready lead x 112 short at worst
    assert option.cost == approx(134_400)
    assert option.sentence == "spend a one-off $134,400 on Trade shows in Jan 2027"


def test_a_late_plan_with_no_programs_is_told_the_hires_that_end_being_behind() -> None:
    one_rep = {"id": "sdr", "kind": "inside", "headcount": 1, "srl_per_person_month": 12, "ramp_months": 3}
    plan = make_plan({"revenue_goal": 300_000}, labor=[one_rep])
    result = compute(plan)
    assert result.timing.status == "late"
    assert close_the_year(plan, result) is None
    # cumulative gap 7, 11, 12, ...; one more rep's cumulative output 3, 9, 18: (7 - 0.5) / 3 = 2.2 -> 3 reps
    behind = stop_being_behind(plan, result)
    assert behind is not None
    assert behind.sentence.startswith("hire 3 more inside reps in Jan 2027")
    assert behind.cost == approx(3 * 8_500 * 12)
    assert [o.goal for o in options(plan, result)] == ["behind"]
    assert timing_sentence(plan, result).startswith("To stop being behind from Jan 2027: hire 3 more inside reps")


def test_an_on_track_plan_needs_nothing() -> None:
    rich = {"id": "sdr", "kind": "inside", "headcount": 3, "srl_per_person_month": 12, "ramp_months": 0}
    plan = make_plan({"revenue_goal": 300_000}, labor=[rich])
    assert options(plan, compute(plan)) == ()
    assert timing_sentence(plan, compute(plan)) == ""


def test_the_sample_reads_as_one_paragraph_for_the_ceo(sample: Plan) -> None:
    assert timing_sentence(sample, compute(sample)) == (
        "To close the year: hire 1 more inside rep by Feb 2027 (+$82,500). "
        "To stop being behind from Jan 2027: hire 10 more inside reps in Jan 2027 (+$900,000), "
        "or spend a one-off $134,400 on Trade shows in Jan 2027."
    )
