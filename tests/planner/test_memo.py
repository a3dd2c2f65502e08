"""The CEO memo (page 1 of the report, the workbook's Summary): worked out by hand on the sample (plan model v3)."""

from __future__ import annotations

import dataclasses

import pytest

from planner.advice import health
from planner.advice.memo import behind_text, memo
from planner.numbers.engine import compute
from planner.numbers.results import PlanResult
from planner.plan.model import Actual, Plan
from planner.plan.paths import set_value
from tests.planner.plans import make_plan

approx = pytest.approx


def turned(sample: Plan) -> Plan:
    """The issue's CEO: win rate 30% and deal size 80,000 make the sample covered, but late."""
    return set_value(set_value(sample, "targets.win_rate", 0.3), "targets.deal_size", 80_000)


def test_the_sample_memo_says_short_in_leads_money_and_time(sample: Plan) -> None:
    found = memo(sample, compute(sample))
    # PRODUCT.md's v3 example: 400 needed by Sep 2027 (months 1-9 in time), 201 expected, 199 short, each
    # worth 0.6 x 0.25 x 40,000 = 6,000: 1,194,000; behind in every in-time month
    assert found.status == "short"
    assert found.verdict == "Short by 199 sales-ready leads, $1,194,000 of revenue, by Sep 2027; behind every month."
    # the pipeline closes over the first cycle; the leads of months 1-9 are won in months 4-12:
    # 201 x 6,000 = 1,206,000; October to December's 87 leads bring 522,000 after the horizon
    assert [(line.label, line.amount, line.total, line.aside) for line in found.bridge] == [
        ("Revenue goal", 3_000_000, False, False),
        ("Current pipeline", 600_000, False, False),
        ("Projected from new leads", approx(1_206_000), False, False),
        ("Expected revenue", approx(1_806_000), True, False),
        ("Revenue gap", approx(1_194_000), True, False),
        ("Carried over to next year", approx(522_000), False, True),
    ]
    assert found.bridge[1].note == "already expected from deals in play, closing by Mar 2027"
    assert found.bridge[2].note == "won by Dec 2027 from the 201 sales-ready leads created by Sep 2027"
    # next year's start: Oct-Dec need 3,000,000 / 6,000 / 12 = 41.67 each, 125; 3 x 29 = 87 supplied
    assert found.next_year == (
        "Next year's start (Oct 2027 to Dec 2027, whose leads close next year): "
        "87 of the 125 sales-ready leads needed, 38 short."
    )
    # to date: January needs 44.4 and gets the trade shows' 5; September 400 and 201; December adds
    # next year's start: 400 + 125 = 525 needed, 288 supplied, a carry-over month
    assert found.cumulative[0] == ("Jan 2027", approx(400 / 9), approx(5), True)
    assert found.cumulative[8] == ("Sep 2027", approx(400), approx(201), True)
    assert found.cumulative[-1] == ("Dec 2027", approx(525), approx(288), False)


def test_each_option_has_its_full_cost_its_timing_and_its_effect(sample: Plan) -> None:
    options = memo(sample, compute(sample)).options
    rep = options[0]
    # the engine's 3 inside reps to start by February (r(2) = 78 each, ramp 3: full from May), paid
    # 7,500 a month each from February to December: 3 x 7,500 x 11
    assert rep.title == "Hire 3 inside reps to start by Feb 2027"
    assert rep.cost == "+$247,500"
    assert rep.timing == "start by Feb 2027 (not before Jan 2027), full output from May 2027"
    # 3 x 78 = 234 more this year: (201 + 234) x 6,000 + 600,000 = 3,210,000
    assert rep.effect.startswith(
        "+234 sales-ready leads this year; expected revenue $3,210,000; closes this year's gap"
    )
    shows = options[1]
    # 26,534 more a month, all 12 months of the program: the whole added budget
    assert (shows.title, shows.cost) == ("Raise the Trade shows budget to $32,534 a month", "+$318,408")
    assert options[2].title == "Reach a win rate of 49.8% (now 25.0%)" and options[2].cost == "no added cost"
    assert len(options) == 3  # no other rate is reachable alone, and field reps are never an option


def test_the_decisions_ask_for_a_choice_the_budget_and_the_review(sample: Plan) -> None:
    asked = memo(sample, compute(sample)).decisions
    assert asked[0] == (
        "Choose how to close this year's $1,194,000 gap: one of the 3 options, a mix of them, "
        "or a goal lowered to $1,806,000."
    )
    assert "Approve the plan's cost of $237,000 ($823 per sales-ready lead)." in asked
    assert asked[-1].startswith("Hold the weekly review with the head of sales from Jan 2027")


def test_a_late_plan_is_offered_an_earlier_start_with_its_cost(sample: Plan) -> None:
    plan = turned(sample)
    found = memo(plan, compute(plan))
    # 2,400,000 / 80,000 / 0.3 / 0.6 = 166.7 needed over the in-time months 1-9, 18.5 a month: January
    # gets 5, February 11, March 17, so the plan is 13.5 + 7.5 + 1.5 = 22.6 behind by March, and catches
    # up in June; 201 are expected, 34 to spare, each worth 0.6 x 0.3 x 80,000 = 14,400: 494,400
    assert found.status == "late"
    assert found.verdict == (
        "Late: this year's 167 sales-ready leads are covered by Sep 2027, 34 to spare ($494,400 of revenue "
        "over the goal), but the plan is up to 23 behind (Mar 2027); behind through May 2027, caught up in Jun 2027."
    )
    (earlier,) = found.options
    # the reps from January: one more month of 2 x 7,500; January then 5 + 6 = 11 of 18.5 (7.5 behind),
    # February 17 (9.0 behind), March 23 (4.6 behind): at worst 9, caught up in April
    assert earlier.title == "Start Inside lead development reps in Jan 2027 instead of Feb 2027"
    assert earlier.cost == "+$15,000"
    assert earlier.effect == (
        "at worst 9 sales-ready leads behind instead of 23; the year stays covered by Sep 2027, "
        "but the plan is still behind through Mar 2027, caught up in Apr 2027"
    )
    assert found.decisions[0].startswith(
        "Accept being behind (behind through May 2027, caught up in Jun 2027) or bring supply forward"
    )
    assert not any("close" in d for d in found.decisions)


def test_a_plan_made_late_by_its_actuals_says_late_at_this_pace(sample: Plan) -> None:
    plan = dataclasses.replace(
        turned(sample), actuals=tuple(Actual(month=m, sales_ready_leads=v) for m, v in ((1, 2), (2, 3), (3, 4)))
    )
    found = memo(plan, compute(plan))
    # known: 2 + 3 + 4 + 23 + 5 x 29 = 177 of 166.7 in time (10 to spare, x 14,400 = 148,800); to March
    # 9 against 3 x 18.5 = 55.6 needed, 46.6 behind, the worst
    assert found.status == "late"
    assert found.verdict == (
        "Late: this year's 167 sales-ready leads are covered by Sep 2027 at this pace (9 sales-ready leads to "
        "Mar 2027 against 56 needed, 47 short), 10 to spare ($148,800 of revenue over the goal), but the plan is "
        "up to 47 behind (Mar 2027); behind through Jul 2027, caught up in Aug 2027."
    )
    # the bridge reads the known series: 177 x 14,400 + 600,000
    assert found.bridge[3].amount == approx(177 * 14_400 + 600_000)
    assert found.cumulative[2] == ("Mar 2027", approx(500 / 9), approx(9), True)


def test_with_actuals_through_march_no_option_hires_before_may(sample: Plan) -> None:
    actuals = tuple(Actual(month=m, sales_ready_leads=v) for m, v in ((1, 5), (2, 8), (3, 10)))
    plan = dataclasses.replace(sample, actuals=actuals)
    found = memo(plan, compute(plan))
    # s0 = 3 + 1 + ceil(1) = 5; 5 reps x 42 by September close the 209 short; 5 x 7,500 x 8 months
    assert found.verdict.startswith("Short by 209 sales-ready leads, $1,254,000 of revenue, by Sep 2027 at this pace")
    assert (found.options[0].title, found.options[0].cost) == ("Hire 5 inside reps to start by May 2027", "+$300,000")
    assert found.options[0].timing == "start in May 2027, full output from Aug 2027"
    # the trade shows' extra spend starts in May too: 209 / (5 months x 0.1 / 120) = 50,160 a month, 8 months
    assert (found.options[1].title, found.options[1].cost) == ("Spend $50,160 a month more on Trade shows", "+$401,280")
    assert found.options[1].timing == "from May 2027"
    for option in found.options:
        assert not any(f"{month} 2027" in option.timing for month in ("Jan", "Feb", "Mar", "Apr"))


def test_a_surplus_plan_is_never_asked_to_close_a_gap() -> None:
    rich = {"id": "sdr", "kind": "inside", "headcount": 3, "srl_per_person_month": 12, "ramp_months": 0}
    plan = make_plan({"revenue_goal": 300_000}, labor=[rich])
    found = memo(plan, compute(plan))
    # 120 needed, 432 supplied: 312 to spare, each 2,500 (0.5 x 0.5 x 10,000) of revenue
    assert found.verdict == (
        "On track: this year's 120 sales-ready leads are covered by Dec 2027, 312 to spare "
        "($780,000 of revenue over the goal); never behind."
    )
    assert found.options == ()
    assert not any("close" in d or "lowered" in d for d in found.decisions)
    assert [line.label for line in found.bridge][-1] == "Revenue surplus"


def test_a_plan_of_field_reps_is_offered_inside_reps_never_more_field_reps() -> None:
    field = {"id": "f", "name": "Field reps", "kind": "field", "headcount": 10, "srl_per_person_month": 2,
             "cost_per_person_month": 2_500}  # fmt: skip
    plan = make_plan(basics={"horizon_months": 9, "currency": "EUR"}, labor=[field])
    found = memo(plan, compute(plan))
    # 220 short; 3 inside reps from February (78 each), at the default 8,500 a month for 8 months
    assert [(o.title, o.cost) for o in found.options] == [("Hire 3 inside reps to start by Feb 2027", "+€204,000")]
    assert not any("field" in o.title.lower() for o in found.options)
    assert (
        found.decisions[0]
        == "Choose how to close this year's €550,000 gap: the option above, or a goal lowered to €450,000."
    )


def test_a_plan_the_pipeline_covers_has_no_options_and_no_cost_to_approve() -> None:
    from tests.exports.plans import covered_plan

    plan = covered_plan()
    found = memo(plan, compute(plan))
    assert found.status == "on_track" and found.options == ()
    assert found.verdict.startswith("On track: the current pipeline covers the revenue goal")
    assert not any(d.startswith("Approve") for d in found.decisions)


def test_a_late_plan_of_many_programs_is_offered_the_few_earlier_starts_that_help_most(
    sample: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from planner.numbers import goal_seek
    from planner.plan.model import Channel

    # the late sample plus 60 small programs from month 4 (100 / 50 = 2 raw leads, 2 x 0.25 x 0.4 =
    # 0.2 sales-ready leads a month each) and a big one from month 3 (100 raw, 10 sales-ready a month)
    plan = turned(sample)
    small = [
        Channel(
            name=f"Program {i}", type="content", owner="marketing", monthly_budget=100, cost_per_lead=50, start_month=4
        )
        for i in range(60)
    ]
    big = Channel(name="Big webinar", type="content", owner="marketing", monthly_budget=2000, cost_per_lead=20,
                  start_month=3)  # fmt: skip
    plan = dataclasses.replace(plan, channels=(*plan.channels, *small, big))
    base = compute(plan)
    assert base.timing.status == "late"
    calls = []
    real = goal_seek.compute_core
    monkeypatch.setattr(goal_seek, "compute_core", lambda *a, **k: calls.append(1) or real(*a, **k))
    found = goal_seek.earlier_starts(plan, base)
    # at most 4 options, the biggest cut of the worst shortfall first; only the 12 likeliest of
    # the 62 candidates are tried, each at most 3 months earlier: 1 + 12 x 3 computations at most
    assert 1 <= len(found) <= 4
    cuts = [option.result.timing.worst_shortfall for option in found]
    assert cuts == sorted(cuts)
    assert all(cut < base.timing.worst_shortfall - 0.5 for cut in cuts)
    assert found[0].answer.driver in ("channels.Big webinar.start_month", "labor.ldr.start_month")
    assert len(calls) <= 1 + goal_seek.EARLIER_START_TRIES * 3


def test_a_plan_behind_only_in_its_reported_months_is_not_asked_to_bring_supply_forward() -> None:
    # 400 needed, 33.3 a month; 10 actual leads a month to March (70 behind), then 4 x 30 = 120 a month:
    # caught up in April; nothing started from May (s0) changes January to March
    team = {"id": "sdr", "kind": "inside", "headcount": 4, "srl_per_person_month": 30, "ramp_months": 0}
    plan = make_plan(labor=[team], actuals=[{"month": m, "sales_ready_leads": 10} for m in (1, 2, 3)])
    found = memo(plan, compute(plan))
    assert found.status == "late" and found.options == ()
    assert found.decisions[0] == (
        "Note that on the actuals reported the plan was behind through Mar 2027, and catches up in Apr 2027 as planned."
    )


def behind_in(result: PlanResult, *months: int) -> PlanResult:
    """The result as if the plan were behind in ``months`` (the engine's timing, other months moved)."""
    return result._replace(timing=result.timing._replace(behind_months=months))


def test_behind_says_when_the_plan_catches_up_never_until(sample: Plan) -> None:
    # "behind until May 2027" read as behind through May; it meant caught up in May
    result = compute(turned(sample))  # in time: Jan to Sep 2027
    assert result.year.last_month == 9
    said = {
        months: behind_text(behind_in(result, *months))
        for months in (
            (1, 2, 3, 4),
            (1,),
            (3, 4),
            (3, 4, 5, 6, 7, 8, 9),
            (1, 2, 6),
            (1, 2, 8, 9),
            tuple(range(1, 10)),
            (),
        )
    }
    assert said == {
        (1, 2, 3, 4): "behind through Apr 2027, caught up in May 2027",
        (1,): "behind in Jan 2027, caught up in Feb 2027",
        (3, 4): "behind from Mar 2027 through Apr 2027, caught up in May 2027",
        (3, 4, 5, 6, 7, 8, 9): "behind from Mar 2027",  # to the year's end
        (1, 2, 6): "behind in Jan–Feb 2027 and Jun 2027, caught up in Jul 2027",
        (1, 2, 8, 9): "behind in Jan–Feb 2027 and from Aug 2027",
        tuple(range(1, 10)): "behind every month",
        (): "never behind",
    }
    assert not any("until" in words for words in said.values())
    # the app's phrase is the memo's (presentation mode and the health panel say it too)
    assert health.behind_phrase(behind_in(result, 1, 2, 3, 4)) == "behind through Apr 2027, caught up in May 2027"


def test_a_nine_month_plans_options_say_its_months_never_all_year(sample: Plan) -> None:
    # the sample over 9 months (Jan to Sep 2027, a 3-month cycle: Jan to Jun in time): 400 needed by Jun,
    # short; a win rate is held over the plan's nine months, and each option says by when it closes the gap
    plan = set_value(sample, "basics.horizon_months", 9)
    found = memo(plan, compute(plan))
    assert found.status == "short" and found.options
    rate = next(o for o in found.options if o.title.startswith("Reach a win rate"))
    assert rate.timing == "held Jan–Sep 2027"
    assert all("closes this year's gap by Jun 2027" in o.effect for o in found.options)
    assert not any("all year" in text or "the year" in text for o in found.options for text in (o.timing, o.effect))
