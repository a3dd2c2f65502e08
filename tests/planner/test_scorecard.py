"""The scorecard: targets worked out by hand, and the user's edits kept."""

from __future__ import annotations

import dataclasses

import pytest

from planner.advice.scorecard import (
    ScorecardMetric,
    edit_metric,
    format_target,
    period,
    reset_metric,
    scorecard,
)
from planner.numbers.engine import compute
from planner.plan.model import Metric, Plan
from planner.plan.paths import set_value
from planner.plan.plan_file import dumps_plan, parse_plan
from tests.planner.plans import make_plan

approx = pytest.approx


def by_key(plan: Plan) -> dict[str, ScorecardMetric]:
    return {m.key: m for m in scorecard(plan, compute(plan)) if m.key}


def test_the_sample_plans_scorecard_targets_match_the_hand_worked_figures(sample: Plan) -> None:
    metrics = by_key(dataclasses.replace(sample, metrics=()))  # without the user's own metric
    # Inside reps: q = 12 a month, default rates 10% connect and 10% conversation to lead:
    # conversations a month 12 / 0.1 = 120, dials 120 / 0.1 = 1,200;
    # a week = a month x 5 / 20 working days -> 300 dials (60 a day), 30 conversations.
    assert metrics["activity.dials.ldr"].target == approx(300)
    assert metrics["activity.conversations.ldr"].target == approx(30)
    assert metrics["activity.dials.ldr"].cadence == "weekly"
    assert metrics["activity.dials.ldr"].unit == "dials"
    # conversion targets are the plan's own rates
    assert metrics["conversion.lead_to_qualified"].target == 0.25
    assert metrics["conversion.qualified_to_sales_ready"].target == 0.4
    assert metrics["conversion.sales_ready_to_opportunity"].target == 0.6
    assert metrics["conversion.win_rate"].target == 0.25
    # 400 needed this year, over its 9 in-time months (12 months, a 3-month cycle: the leads of
    # Oct-Dec close next year): 44.4 a month; supply is the plan's average month: inside reps
    # 228 / 12 = 19; outbound phone 70% of 228 = 159.6 / 12 = 13.3; trade shows 60 / 12 = 5 a month
    assert metrics["outcome.srl.needed"].target == approx(400 / 9)
    assert metrics["outcome.srl.ldr"].target == approx(19)
    assert metrics["outcome.srl.channel.Outbound phone"].target == approx(13.3)
    assert metrics["outcome.srl.channel.Trade shows"].target == approx(5)
    # pipeline: 240 opportunities x 40,000 / 12 = 800,000 a month; cost 237,000 / 288 leads
    assert metrics["outcome.pipeline"].target == approx(800_000)
    assert metrics["outcome.cost_per_srl"].target == approx(822.92, abs=0.01)
    assert all(not m.edited for m in metrics.values())


def test_every_metric_has_a_kind_unit_owner_and_cadence(sample: Plan) -> None:
    for metric in scorecard(sample, compute(sample)):
        assert metric.kind in ("activity", "conversion", "outcome")
        assert metric.unit and metric.owner and metric.cadence in ("weekly", "monthly", "quarterly")


def test_the_users_own_metrics_come_after_the_generated_ones(sample: Plan) -> None:
    own = Metric(name="Meetings booked", kind="outcome", target=30, unit="meetings", owner="CEO", cadence="monthly")
    plan = dataclasses.replace(sample, metrics=(*sample.metrics, own))
    metrics = scorecard(plan, compute(plan))
    assert metrics[-1] == ScorecardMetric(
        "", "Meetings booked", "outcome", 30, "meetings", "CEO", "monthly", False, own=1
    )
    assert [m.kind for m in metrics[:2]] == ["activity", "activity"]


def test_a_users_metric_for_what_a_generated_one_measures_replaces_it_and_says_they_disagree(sample: Plan) -> None:
    # "Sales-ready leads per week", 40, measures "Sales-ready leads needed a month, all sources"
    # (400 / 9 in-time months = 44.4): one row, the user's, flagged: 40 x 52 / 12 = 173.3 a month
    own = Metric(name="Sales-ready leads per week", kind="outcome", target=40, unit="leads", cadence="weekly")
    plan = dataclasses.replace(sample, metrics=(own,))
    metrics = scorecard(plan, compute(plan))
    names = [m.name for m in metrics]
    assert "Sales-ready leads needed a month, all sources" not in names
    assert names.count("Sales-ready leads per week") == 1
    mine = next(m for m in metrics if m.name == "Sales-ready leads per week")
    assert mine.replaces == "outcome.srl.needed" and mine.target == 40 and mine.key == ""
    assert mine.note == "your 40 a week is 173 a month; the plan needs 44"
    assert names.index("Sales-ready leads per week") < names.index("Pipeline created a month")


def test_a_metric_per_month_reviewed_weekly_is_read_as_a_month_the_cadence_is_only_how_often_it_is_reviewed(
    sample: Plan,
) -> None:
    # the sample's own metric: "Sales-ready leads per month", 40, reviewed weekly: 40 a month (not
    # 40 x 52 / 12 = 173), within a tenth of the 44.4 the plan needs a month: no note
    mine = next(m for m in scorecard(sample, compute(sample)) if m.name == "Sales-ready leads per month")
    assert (mine.target, mine.cadence, mine.replaces, mine.note) == (40, "weekly", "outcome.srl.needed", "")
    # 30 a month, reviewed weekly or quarterly, is 30 a month against 44: said in a month's terms
    for cadence in ("weekly", "monthly", "quarterly"):
        own = Metric(name="Sales-ready leads per month", kind="outcome", target=30, unit="leads", cadence=cadence)
        plan = dataclasses.replace(sample, metrics=(own,))
        mine = next(m for m in scorecard(plan, compute(plan)) if m.replaces)
        assert mine.note == "your 30 a month; the plan needs 44"


def test_a_metrics_name_says_its_period_a_day_a_week_a_month_or_none_which_is_a_month() -> None:
    assert period("Sales-ready leads per month") == "month"
    assert period("Dials per person a week: Inside reps") == "week"
    assert period("Weekly meetings booked") == "week"
    assert period("Calls/day") == "day"
    assert period("Sales-ready leads daily") == "day"
    assert period("Sales-ready leads each quarter") == "quarter"
    assert period("Sales-ready leads") == "month"
    assert period("Cost per sales-ready lead") == "month"  # "per" a lead is not a period
    assert period("Dials a day, reviewed weekly") == "day"  # the first period named


def test_a_daily_target_is_a_working_day_five_a_week(sample: Plan) -> None:
    # 2 a day x 5 days x 52 weeks / 12 = 43.3 a month: within a tenth of the 44.4 needed
    agrees = Metric(name="Sales-ready leads a day", kind="outcome", target=2, unit="leads", cadence="weekly")
    # 1 a day = 21.7 a month, about half the 44 needed
    short = dataclasses.replace(agrees, target=1)
    notes = []
    for own in (agrees, short):
        plan = dataclasses.replace(sample, metrics=(own,))
        notes.append(next(m for m in scorecard(plan, compute(plan)) if m.replaces).note)
    assert notes == ["", "your 1 a day is 22 a month; the plan needs 44"]


def test_no_month_in_time_leaves_the_leads_needed_a_month_without_a_target() -> None:
    # a 6-month plan with a 6-month sales cycle: no lead it creates closes within it
    plan = make_plan({"sales_cycle_months": 6}, basics={"horizon_months": 6})
    assert by_key(plan)["outcome.srl.needed"].target is None


def test_a_users_target_that_agrees_with_the_plan_is_not_flagged(sample: Plan) -> None:
    # 45 a month against 400 / 9 = 44.4: within a tenth
    own = Metric(name="Sales-ready leads a month", kind="outcome", target=45, unit="leads", cadence="monthly")
    plan = dataclasses.replace(sample, metrics=(own,))
    mine = next(m for m in scorecard(plan, compute(plan)) if m.replaces)
    assert mine.note == ""


def test_each_resources_channels_nest_under_it_so_the_rows_add_up(sample: Plan) -> None:
    # inside reps 228 / 12 = 19 a month = outbound phone 70% (13.3) + not assigned 30% (5.7);
    # top-level supply rows: inside reps 19 + trade shows 5 = 24 = 288 / 12
    metrics = scorecard(sample, compute(sample))
    rows = {m.key: m for m in metrics if m.key}
    children = [m for m in metrics if m.parent == "outcome.srl.ldr"]
    assert [m.key for m in children] == ["outcome.srl.channel.Outbound phone", "outcome.srl.unassigned.ldr"]
    assert sum(m.target for m in children) == approx(rows["outcome.srl.ldr"].target)
    assert rows["outcome.srl.unassigned.ldr"].target == approx(5.7)
    keys = [m.key for m in metrics]
    assert keys.index("outcome.srl.ldr") < keys.index("outcome.srl.channel.Outbound phone")
    top = [rows["outcome.srl.ldr"], rows["outcome.srl.channel.Trade shows"]]
    assert all(m.parent == "" for m in top)
    assert sum(m.target for m in top) == approx(288 / 12)


def test_an_activity_calculator_gives_its_own_dials_a_day_times_five() -> None:
    # 20 days x 60 dials x 10% connect x 20% = 24 leads a month; 24 / 0.2 = 120 conversations,
    # / 0.1 = 1,200 dials a month; x 5 / 20 days = 300 dials (60 a day x 5), 30 conversations.
    activity = {
        "working_days": 20,
        "dials_per_day": 60,
        "connect_rate": 0.1,
        "conversation_to_srl": 0.2,
    }
    plan = make_plan(labor=[{"id": "sdr", "kind": "outsourced", "srl_per_person_month": 24, "activity": activity}])
    metrics = by_key(plan)
    assert metrics["activity.dials.sdr"].target == approx(300)
    assert metrics["activity.conversations.sdr"].target == approx(30)


def test_editing_the_owner_keeps_the_target_following_the_plan(sample: Plan) -> None:
    edited = edit_metric(sample, compute(sample), "activity.dials.ldr", owner="Ann")
    assert by_key(edited)["activity.dials.ldr"].owner == "Ann"
    assert by_key(edited)["activity.dials.ldr"].edited
    # the plan changes: 24 leads a person-month doubles the dials target
    changed = set_value(edited, "labor[0].srl_per_person_month", 24)
    dials = by_key(changed)["activity.dials.ldr"]
    assert dials.target == approx(2 * 300)
    assert (dials.owner, dials.edited) == ("Ann", True)


def test_an_edited_target_survives_regeneration_and_a_save_and_load(sample: Plan) -> None:
    edited = edit_metric(sample, compute(sample), "conversion.win_rate", target=0.3, cadence="weekly")
    changed = set_value(edited, "targets.win_rate", 0.2)
    reloaded = parse_plan(dumps_plan(changed)).plan
    assert reloaded == changed
    win_rate = by_key(reloaded)["conversion.win_rate"]
    assert (win_rate.target, win_rate.cadence, win_rate.edited) == (0.3, "weekly", True)
    assert win_rate.name == "Win rate"  # the name was not edited: it follows the plan
    assert by_key(reloaded)["conversion.sales_ready_to_opportunity"].edited is False


def test_an_edit_of_a_deleted_resource_is_dropped_from_the_scorecard_but_kept_in_the_file(
    sample: Plan,
) -> None:
    edited = edit_metric(sample, compute(sample), "activity.dials.ldr", target=500)
    without = dataclasses.replace(edited, labor=(), channels=edited.channels[1:])
    assert "activity.dials.ldr" not in by_key(without)
    assert "activity.dials.ldr" in dumps_plan(without)


def test_editing_back_to_the_generated_value_or_resetting_removes_the_edit(sample: Plan) -> None:
    result = compute(sample)
    edited = edit_metric(sample, result, "outcome.pipeline", owner="Tom")
    assert len(edited.metrics) == 2
    assert edit_metric(edited, result, "outcome.pipeline", owner="").metrics == sample.metrics
    assert reset_metric(edited, "outcome.pipeline").metrics == sample.metrics


def test_a_metric_stored_with_a_matching_key_overrides_the_generated_one(sample: Plan) -> None:
    stored = Metric(
        name="Win rate (CRM)",
        kind="conversion",
        target=0.22,
        unit="%",
        owner="Joe",
        cadence="monthly",
        key="conversion.win_rate",
    )
    plan = dataclasses.replace(sample, metrics=(stored,))
    win_rate = by_key(plan)["conversion.win_rate"]
    assert (win_rate.name, win_rate.target, win_rate.owner, win_rate.edited) == (
        "Win rate (CRM)",
        0.22,
        "Joe",
        True,
    )


def test_plans_without_generated_edits_save_no_metric_keys(sample: Plan) -> None:
    assert '"key"' not in dumps_plan(sample)
    assert '"revenue_vs_goal"' not in dumps_plan(sample)


def test_targets_are_formatted_by_unit(sample: Plan) -> None:
    metrics = by_key(sample)
    assert format_target(metrics["conversion.win_rate"], "USD") == "25%"
    assert format_target(metrics["outcome.cost_per_srl"], "USD") == "$823"
    assert format_target(metrics["activity.dials.ldr"], "USD") == "300"


def test_unknown_metric_edits_are_refused(sample: Plan) -> None:
    with pytest.raises(KeyError):
        edit_metric(sample, compute(sample), "activity.dials.nobody", target=1)
    with pytest.raises(ValueError):
        edit_metric(sample, compute(sample), "conversion.win_rate", kind="outcome")


def test_each_own_metric_knows_its_place_in_the_file_even_when_it_replaces_a_generated_one(sample: Plan) -> None:
    # the file: "Meetings booked" first, then the sample's "Sales-ready leads per month"; the
    # scorecard lists the second first (in the generated row's place), so rows map by index
    meetings = Metric(name="Meetings booked", kind="outcome", target=30, unit="meetings", cadence="monthly")
    plan = dataclasses.replace(sample, metrics=(meetings, *sample.metrics))
    own = {m.name: m.own for m in scorecard(plan, compute(plan)) if not m.key}
    assert own == {"Sales-ready leads per month": 1, "Meetings booked": 0}


def test_a_new_inside_rep_the_calculator_and_the_scorecard_agree_on_the_defaults() -> None:
    # the calculator's defaults: 20 days x 60 dials x 10% connect x 10% booked = 12 a month, the
    # default output of a new inside rep and PRODUCT.md's inside q; the scorecard then asks for
    # 60 dials a day (300 a week), not a phone-only figure of several hundred a day.
    from planner.numbers.hiring import CONTRACT_INSIDE_REP
    from planner.numbers.supply import activity_output
    from planner.plan.defaults import labor_default
    from planner.plan.model import Activity

    assert activity_output(Activity()) == approx(12)
    assert labor_default("inside", "srl_per_person_month") == approx(12)
    assert CONTRACT_INSIDE_REP.srl_per_person_month == 12
    plan = make_plan(labor=[{"id": "sdr", "kind": "inside", "srl_per_person_month": 12}])
    metrics = by_key(plan)
    assert metrics["activity.dials.sdr"].target == approx(300)
    assert metrics["activity.dials.sdr"].target / 5 == approx(Activity().dials_per_day)
