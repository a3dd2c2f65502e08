"""The CEO memo (page 1 of the report, the workbook's Summary): worked out by hand on the sample."""

from __future__ import annotations

import pytest

from planner.engine import compute
from planner.memo import memo
from planner.model import Plan
from planner.paths import set_value

approx = pytest.approx


def turned(sample: Plan) -> Plan:
    """The issue's CEO: win rate 30% and deal size 80,000 make the sample covered, but late."""
    return set_value(set_value(sample, "targets.win_rate", 0.3), "targets.deal_size", 80_000)


def test_the_sample_memo_says_short_in_leads_money_and_time(sample: Plan) -> None:
    found = memo(sample, compute(sample))
    # 400 needed - 288 supplied = 112 short, each worth 0.6 x 0.25 x 40,000 = 6,000: 672,000
    assert found.status == "short"
    assert found.verdict == "Short by 112 sales-ready leads, $672,000 of revenue; behind every month."
    assert [(line.label, line.amount) for line in found.bridge] == [
        ("Revenue goal", 3_000_000),
        ("Current pipeline", 600_000),
        ("Projected from new leads", approx(1_728_000)),
        ("Expected revenue", approx(2_328_000)),
        ("Revenue gap", approx(672_000)),
    ]
    # to date: January needs 33.3 and gets the trade shows' 5; December: 400 and 288
    assert found.cumulative[0] == ("Jan 2027", approx(400 / 12), approx(5))
    assert found.cumulative[-1] == ("Dec 2027", approx(400), approx(288))


def test_each_option_has_its_cost_its_timing_and_its_effect(sample: Plan) -> None:
    options = memo(sample, compute(sample)).options
    rep = options[0]
    # one more rep from February (ramp 3: full from May) makes 12 x 9.5 = 114, costs 7,500 x 11
    assert rep.title == "Hire 1 more inside rep (Inside lead development reps)"
    assert rep.cost == "+$82,500"
    assert rep.timing == "starts Feb 2027, full output from May 2027"
    assert rep.effect.startswith("+114 sales-ready leads; expected revenue $3,012,000")
    shows = options[1]
    assert (shows.title, shows.cost) == ("Raise the Trade shows budget to $17,200 a month", "+$134,400")
    assert options[2].title == "Reach a win rate of 34.8% (now 25.0%)" and options[2].cost == "no added cost"


def test_the_decisions_ask_for_a_choice_the_budget_and_the_review(sample: Plan) -> None:
    asked = memo(sample, compute(sample)).decisions
    assert asked[0] == (
        "Choose how to close the $672,000 gap: one of the 4 options, a mix of them, or a goal lowered to $2,328,000."
    )
    assert "Approve the plan's cost of $237,000 ($823 per sales-ready lead)." in asked
    assert asked[-1].startswith("Hold the weekly review with the head of sales from Jan 2027")


def test_a_late_plan_is_offered_an_earlier_start_with_its_cost(sample: Plan) -> None:
    plan = turned(sample)
    found = memo(plan, compute(plan))
    # 2,400,000 / 80,000 / 0.3 / 0.6 = 166.7 needed, 13.9 a month: January gets 5, February 5 + 6,
    # so the plan is 8.9 + 2.9 = 11.8 behind by February, and catches up in April
    assert found.status == "late"
    assert found.verdict.startswith("Late: the plan supplies the 167 sales-ready leads the year needs")
    assert "behind until Apr 2027" in found.verdict
    (earlier,) = found.options
    # the reps from January: one more month of 2 x 7,500; January then 5 + 6 = 11 of 13.9 needed
    assert earlier.title == "Start Inside lead development reps in Jan 2027 instead of Feb 2027"
    assert earlier.cost == "+$15,000"
    assert earlier.effect.startswith("at worst 2.9 sales-ready leads behind instead of 12")
    assert found.decisions[0].startswith("Accept being behind (behind until Apr 2027) or bring supply forward")


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

    from planner import goal_seek
    from planner.model import Channel

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
