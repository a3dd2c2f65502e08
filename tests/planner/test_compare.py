"""Two versions of a plan compared, driver by driver, against moves worked out by hand.

Every pair starts from the sample (PRODUCT.md's example plan): $3,000,000 goal, $600,000 from
the pipeline, $40,000 deals, win rate 25%, 60% of sales-ready leads become opportunities, a
3-month cycle over 12 months (in-time months 1-9). It needs S = 2,400,000 / 40,000 / 0.25 / 0.6
= 400 sales-ready leads this year and expects 201 (the reps' 156 and the trade shows' 5 a month
for 9 months, 45): gap 199. A known lead is worth V = 40,000 x 0.6 x 0.25 = $6,000, so the revenue
gap is 2,400,000 - 201 x 6,000 = $1,194,000.
"""

from __future__ import annotations

import dataclasses

import pytest

from planner.compare.comparison import CompareError, compare
from planner.compare.data import comparison_data
from planner.compare.words import sentence, since
from planner.plan.model import Channel, LaborResource
from planner.plan.paths import set_value
from planner.plan.sample import sample_plan


@pytest.fixture
def old():
    return sample_plan()


def moves(comparison) -> dict[str, tuple[float, float]]:
    return {e.driver: (e.srl_gap, e.revenue_gap) for e in comparison.attribution}


def test_a_lower_win_rate_is_the_whole_move_and_says_so_in_one_sentence(old) -> None:
    # S = 2,400,000 / 40,000 / 0.22 / 0.6 = 454.545: the gap grows by 54.545 leads; the 201
    # expected leads are now worth 40,000 x 0.6 x 0.22 = $5,280, $720 less each: +$144,720
    new = set_value(old, "targets.win_rate", 0.22)
    comparison = compare(old, new)
    assert [(c.path, c.before, c.after) for c in comparison.changes] == [("targets.win_rate", 0.25, 0.22)]
    assert [e.driver for e in comparison.attribution] == ["targets.win_rate", "together"]
    found = moves(comparison)
    assert found["targets.win_rate"] == pytest.approx((54.5454545, 144_720))
    assert found["together"] == pytest.approx((0, 0), abs=1e-6)
    assert comparison.before.year_gap == pytest.approx(199)
    assert comparison.after.year_gap == pytest.approx(253.5454545)
    assert sentence(comparison, "1 Oct") == (
        "Since 1 Oct the plan is still Short; this year's gap grew by 55 sales-ready leads ($144,720): "
        "win rate 25% → 22% +55; together 0."
    )


def test_a_removed_channel_is_one_driver_with_its_leads_and_cost(old) -> None:
    # the trade shows: $6,000 a month / $120 a lead x 25% x 40% = 5 sales-ready leads a month,
    # 45 in the 9 in-time months, worth 45 x $6,000 = $270,000; they cost $72,000 over the year
    new = dataclasses.replace(old, channels=old.channels[:1])
    comparison = compare(old, new)
    assert [c.path for c in comparison.changes] == ["channels.Trade shows"]
    assert comparison.changes[0].after is None and comparison.changes[0].before["monthly_budget"] == 6000
    found = moves(comparison)
    assert found["channels.Trade shows"] == pytest.approx((45, 270_000))
    assert found["together"] == pytest.approx((0, 0), abs=1e-6)
    assert comparison.after.cost == pytest.approx(comparison.before.cost - 72_000)
    assert "Trade shows removed +45" in sentence(comparison)


def test_an_added_hire_closes_part_of_the_gap(old) -> None:
    # one inside rep in seat from month 1, no ramp, 10 sales-ready leads a month: 90 in months 1-9
    hire = LaborResource(
        id="sdr2",
        name="Second SDR",
        kind="inside",
        headcount=1,
        start_month=1,
        ramp_months=0,
        srl_per_person_month=10,
        cost_per_person_month=8000,
    )
    new = dataclasses.replace(old, labor=(*old.labor, hire))
    comparison = compare(old, new)
    assert [c.path for c in comparison.changes] == ["labor.sdr2"]
    assert moves(comparison)["labor.sdr2"] == pytest.approx((-90, -540_000))
    assert comparison.after.year_gap == pytest.approx(109)
    assert "Second SDR added −90" in sentence(comparison)
    assert "this year's gap shrank by 90 sales-ready leads ($540,000)" in sentence(comparison)


def test_two_changes_that_act_on_each_other_leave_a_together_line_and_everything_adds_up(old) -> None:
    # twice the raw-lead conversion alone: the trade shows make 50 x 50% x 40% = 10 a month, +5
    # (45 this year); twice their budget alone: 100 x 25% x 40% = 10, +5 (45). Both: 100 x 50% x 40%
    # = 20 a month, +15 (135 this year): 45 more than the two alone, the "together" line.
    new = set_value(set_value(old, "targets.lead_to_mql", 0.5), "channels[1].monthly_budget", 12_000)
    comparison = compare(old, new)
    found = moves(comparison)
    assert found["targets.lead_to_mql"] == pytest.approx((-45, -270_000))
    assert found["channels.Trade shows"] == pytest.approx((-45, -270_000))
    assert found["together"] == pytest.approx((-45, -270_000))
    assert comparison.attribution[-1].driver == "together"
    assert sum(e.srl_gap for e in comparison.attribution) == pytest.approx(comparison.year_gap_move)
    assert sum(e.revenue_gap for e in comparison.attribution) == pytest.approx(comparison.revenue_gap_move)
    assert comparison.year_gap_move == pytest.approx(-135)


def test_the_lines_are_sorted_by_the_size_of_their_move(old) -> None:
    new = set_value(set_value(old, "targets.win_rate", 0.22), "channels[1].monthly_budget", 5_000)
    # the budget: 5,000 / 120 x 25% x 40% = 4.17 a month, 0.83 less: +7.5 this year; smaller than +54.5
    drivers = [e.driver for e in compare(old, new).attribution]
    assert drivers == ["targets.win_rate", "channels.Trade shows", "together"]


def test_a_plan_compared_with_itself_has_nothing_to_say(old) -> None:
    comparison = compare(old, old)
    assert comparison.changes == () and comparison.attribution == ()
    assert sentence(comparison, "8 Oct") == "Since 8 Oct nothing changed: the plan is still Short."
    data = comparison_data(comparison)
    assert data["changes"] == [] and data["attribution"] == []
    assert data["answers"]["before"] == data["answers"]["after"]


def test_a_renamed_labor_row_is_matched_by_its_id_not_removed_and_added(old) -> None:
    new = set_value(old, "labor[0].name", "Lead development team")
    comparison = compare(old, new)
    assert [(c.path, c.before, c.after) for c in comparison.changes] == [
        ("labor.ldr.name", "Inside lead development reps", "Lead development team")
    ]
    assert moves(comparison)["labor.ldr"] == (0, 0)


def test_the_json_names_the_answers_as_the_summary_does(old) -> None:
    data = comparison_data(compare(old, set_value(old, "targets.win_rate", 0.22)))
    before = data["answers"]["before"]
    assert before["status"] == "short" and before["year_gap"] == pytest.approx(199)
    assert before["revenue_gap"] == pytest.approx(1_194_000)
    # PRODUCT.md: 3 inside reps, the latest to start in month 2
    assert before["inside_reps_to_close_gap"] == 3 and before["latest_start_month"] == 2
    assert data["attribution"][0] == {
        "driver": "targets.win_rate",
        "srl_gap": pytest.approx(54.5454545),
        "revenue_gap": pytest.approx(144_720),
    }


def test_plans_in_different_currencies_or_months_are_refused_in_words(old) -> None:
    euros = set_value(old, "basics.currency", "EUR")
    with pytest.raises(CompareError, match="different currencies \\(USD and EUR\\)"):
        compare(old, euros)
    longer = set_value(old, "basics.horizon_months", 24)
    with pytest.raises(CompareError, match="cover different months"):
        compare(old, longer)


def test_the_older_version_is_dated_by_its_file_name_or_else_by_when_it_was_saved() -> None:
    assert since("q3-plan-2027-10-01.leadplan") == "1 Oct"
    assert since("plan-2027-13-45.leadplan") == ""  # not a date
    assert since("plan.leadplan", 1_791_158_400.0) == "5 Oct"  # 2026-10-05 12:00 UTC
    assert since("plan.leadplan") == ""


def test_a_plan_with_leads_to_spare_says_its_surplus_shrank(old) -> None:
    # a $1,000,000 goal less $600,000 of pipeline: 10 wins, 66.7 sales-ready leads at 25%, 83.3 at 20%,
    # against 201 expected: a surplus of 134.3, then 117.7. The leads are worth $6,000, then $4,800:
    # 201 x $1,200 = $241,200 less revenue to spare. (Still late: the reps start in month 2.)
    rich = set_value(old, "targets.revenue_goal", 1_000_000)
    comparison = compare(rich, set_value(rich, "targets.win_rate", 0.2))
    assert comparison.year_gap_move == pytest.approx(16.6666667)
    assert sentence(comparison, "1 Oct") == (
        "Since 1 Oct the plan is still Late; this year's surplus shrank by 17 sales-ready leads ($241,200): "
        "win rate 25% → 20% +17; together 0."
    )


def test_a_very_long_row_name_is_clipped_in_the_sentence_not_repeated_whole(old) -> None:
    name = "Trade shows " + "and more regional events " * 400  # 10,000 characters
    new = set_value(old, "channels[1].name", name)
    said = sentence(compare(old, new), "1 Oct")
    assert f"“{name}”" not in said and name not in said
    assert f"{name[:59]}… added" in said and len(said) < 400  # 60 characters of it at most


def test_past_forty_changed_rows_the_smallest_are_measured_together(old) -> None:
    # 50 new programs, P1..P50: P<k> spends $1,200 x k a month at $120 a lead, 10k raw leads, so
    # 10k x 25% x 40% = k sales-ready leads a month, 9k in the 9 in-time months. The 40 that move
    # supply most (P11..P50) are measured alone; P1..P10 together: 9 x (1 + ... + 10) = 495
    programs = tuple(
        Channel(name=f"P{k}", type="events", owner="marketing", monthly_budget=1200 * k, cost_per_lead=120)
        for k in range(1, 51)
    )
    comparison = compare(old, dataclasses.replace(old, channels=(*old.channels, *programs)))
    found = {e.driver: e for e in comparison.attribution}
    assert found["channels.P50"].srl_gap == pytest.approx(-450)
    assert found["channels.P11"].srl_gap == pytest.approx(-99)
    assert "channels.P10" not in found and "channels.P1" not in found
    assert found["channels"].srl_gap == pytest.approx(-495) and found["channels"].label == "10 other channels"
    assert len(comparison.attribution) == 40 + 1 + 1  # alone, together as a group, and "together"
    assert len(comparison.changes) == 50  # every change is listed all the same
    assert sum(e.srl_gap for e in comparison.attribution) == pytest.approx(comparison.year_gap_move)
    assert "10 other channels −495" in sentence(comparison, most=None)
    assert "; 36 other changes −9,234; together 0." in sentence(comparison)  # it names five, then the rest
