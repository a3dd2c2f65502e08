"""Round value axes, one rule for the app's charts and the report's."""

from __future__ import annotations

import math

import pytest

from planner.numbers.axis import nice_ticks, slider_step


def test_an_axis_goes_in_round_steps_to_the_first_at_or_above_the_top() -> None:
    assert nice_ticks(33) == [0, 10, 20, 30, 40]
    assert nice_ticks(660, 4) == [0, 200, 400, 600, 800]
    assert nice_ticks(2_400_000) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000]


@pytest.mark.parametrize("top", [0, -5, 5e-324, 1e-9, math.inf, math.nan])
def test_nothing_a_sliver_or_an_impossible_top_draws_a_scale_of_0_to_1(top: float) -> None:
    # a top of 5e-324 once asked for steps of 1e-324: a grid that never ended (found by a property test)
    assert nice_ticks(top) == [0.0, 1.0]


def test_a_slider_steps_by_the_largest_1_2_or_5_times_a_power_of_ten_at_most_what_it_is_asked() -> None:
    # presentation mode's deal size slider: a $40,000 deal over 40 steps moves $1,000 a step
    assert slider_step(40_000 / 40) == 1_000
    assert slider_step(2_500) == 2_000  # never 2.5: that is an axis's step, not a slider's
    assert slider_step(25_000) == 20_000
    assert slider_step(7) == 5
    assert slider_step(0.3) == pytest.approx(0.2)


@pytest.mark.parametrize("value", [0, -5])
def test_a_slider_asked_for_no_step_moves_by_1(value: float) -> None:
    assert slider_step(value) == 1
