"""Large figures stay readable: grouped thousands in sentences, a short form where room is short."""

from __future__ import annotations

import dataclasses

import pytest

from planner.advice.health import verdict
from planner.numbers.engine import compute
from planner.numbers.formatting import compact, money
from planner.plan.sample import sample_plan


@pytest.mark.parametrize(
    ("whole", "short"),
    [
        ("$21,728,467,062", "$21.7B"),
        ("$75,446,066", "$75.4M"),
        ("-$1,500,000", "-$1.5M"),
        ("12,345,678%", "12.3M%"),
        ("1,234 surplus", "1.23k surplus"),
        ("999,950,000", "1B"),  # 999.95M rounds up to the next unit, not to "1000M"
        ("16,460,805", "16.5M"),
        ("$1,234.50", "$1.23k"),
    ],
)
def test_a_large_figure_has_a_short_form_of_three_significant_digits(whole: str, short: str) -> None:
    assert compact(whole) == short


@pytest.mark.parametrize("text", ["$400", "72%", "n/a", "112", "0"])
def test_a_figure_under_a_thousand_or_not_a_number_keeps_its_form(text: str) -> None:
    assert compact(text) == text


def test_the_short_form_agrees_with_the_whole_figure_to_three_digits() -> None:
    for value in (1_234, 56_789, 987_654_321, 21_728_467_062, 4_999_999):
        short = compact(money(value, "USD"))
        number, unit = float(short[1:-1]), short[-1]
        scale = {"k": 1e3, "M": 1e6, "B": 1e9}[unit]
        assert abs(number * scale - value) <= 0.005 * value


def test_thousands_of_reps_to_hire_are_written_with_separators() -> None:
    plan = sample_plan()
    huge = dataclasses.replace(plan, targets=dataclasses.replace(plan.targets, revenue_goal=98_765_432_100))
    result = compute(huge)
    reps = result.gap.inside_reps_to_close_gap
    assert reps is not None and reps >= 1000
    assert f" Hire {reps:,} inside reps to start by " in verdict(result)
