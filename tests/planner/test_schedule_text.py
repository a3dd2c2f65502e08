"""A program's event schedule typed as text: months and amounts a sales leader writes down."""

from __future__ import annotations

import dataclasses

import pytest

from planner.plan.model import Plan, ScheduledSpend
from planner.plan.schedule_text import ScheduleTextError, parse_schedule, schedule_text


def with_basics(plan: Plan, **changes: object) -> Plan:
    return dataclasses.replace(plan, basics=dataclasses.replace(plan.basics, **changes))


TWO_SHOWS = (ScheduledSpend(month=3, budget=25000), ScheduledSpend(month=9, budget=25000))


@pytest.mark.parametrize(
    "text",
    [
        "March 25,000; September 25,000",
        "Mar 25k, Sep 25k",
        "3: 25000; 9: 25000",
        "month 3 25000 and month 9 25,000",
        "Sept. 25000\nmar 2027: $25,000",  # any order, a year, a currency sign, one a line
    ],
)
def test_the_ways_a_person_types_two_trade_shows_give_march_and_september(sample: Plan, text: str) -> None:
    # the sample starts in January 2027: March is plan month 3, September month 9
    assert parse_schedule(text, sample) == TWO_SHOWS


def test_month_names_follow_the_plans_first_month(sample: Plan) -> None:
    # a fiscal year from April 2027: March 2028 is the 12th plan month, September 2027 the 6th
    plan = with_basics(sample, start_month="2027-04")
    assert parse_schedule("March 25,000; September 25,000", plan) == (
        ScheduledSpend(month=6, budget=25000),
        ScheduledSpend(month=12, budget=25000),
    )


def test_two_spends_in_one_month_are_both_kept(sample: Plan) -> None:
    assert parse_schedule("Mar 25k; Mar 10k; Feb 1.5k", sample) == (
        ScheduledSpend(month=2, budget=1500),
        ScheduledSpend(month=3, budget=25000),
        ScheduledSpend(month=3, budget=10000),
    )


def test_the_empty_text_is_no_schedule(sample: Plan) -> None:
    assert parse_schedule("  ", sample) == ()


def test_a_month_outside_the_plan_is_refused_with_its_range(sample: Plan) -> None:
    with pytest.raises(ScheduleTextError, match=r"^March 2028 is outside the plan \(Jan 2027 to Dec 2027\)$"):
        parse_schedule("Mar 2028 5,000", sample)
    with pytest.raises(ScheduleTextError, match=r"^Month 14 is outside the plan \(Jan 2027 to Dec 2027\)$"):
        parse_schedule("14: 5000", sample)


def test_a_month_held_twice_by_a_two_year_plan_asks_for_the_year(sample: Plan) -> None:
    plan = with_basics(sample, horizon_months=24)
    with pytest.raises(ScheduleTextError, match=r"more than once \(2027 and 2028\): add the year"):
        parse_schedule("Mar 25k", plan)
    # March 2028 is plan month 12 + 3 = 15
    assert parse_schedule("Mar 2028 25k; Mar '27 1k", plan) == (
        ScheduledSpend(month=3, budget=1000),
        ScheduledSpend(month=15, budget=25000),
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Mrach 25k", "“Mrach” is not a month"),
        ("Mar", "“Mar” needs an amount, like Mar 25,000"),
        ("Mar -5,000", "“Mar -5,000” is not a month and an amount; type, for example, March 25,000"),
        ("25,000 in spring", "is not a month and an amount"),
    ],
)
def test_text_that_is_not_a_schedule_is_refused_with_what_to_type(sample: Plan, text: str, message: str) -> None:
    with pytest.raises(ScheduleTextError, match=message):
        parse_schedule(text, sample)


def test_the_schedule_is_shown_back_as_it_would_be_typed(sample: Plan) -> None:
    assert schedule_text(TWO_SHOWS, sample) == "Mar 25,000; Sep 25,000"
    assert schedule_text((), sample) == ""
    two_years = with_basics(sample, horizon_months=24)
    shown = schedule_text((ScheduledSpend(month=15, budget=2500.5),), two_years)
    assert shown == "Mar 2028 2,500.50"
    assert parse_schedule(shown, two_years) == (ScheduledSpend(month=15, budget=2500.5),)


def test_a_plan_without_a_calendar_takes_plan_months(sample: Plan) -> None:
    plan = with_basics(sample, start_month="")
    assert parse_schedule("3: 25000", plan) == (ScheduledSpend(month=3, budget=25000),)
    assert schedule_text(parse_schedule("3: 25000", plan), plan) == "3: 25,000"
    with pytest.raises(ScheduleTextError, match="no first month"):
        parse_schedule("March 25,000", plan)
