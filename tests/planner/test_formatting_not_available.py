"""A figure that overflowed is shown as "n/a", never "nan" or "$inf"."""

from __future__ import annotations

import pytest

from planner.numbers import formatting as fmt


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_a_figure_that_is_not_a_number_is_shown_as_not_available(value: float) -> None:
    assert fmt.money(value, "USD") == "n/a"
    assert fmt.count(value) == "n/a"
    assert fmt.percent(value) == "n/a"
    assert fmt.signed_percent(value) == "n/a"
    assert fmt.points(value) == "n/a"
    assert fmt.by_kind(value, "int") == "n/a"


def test_ordinary_figures_are_shown_as_before() -> None:
    assert fmt.money(1234.4, "USD") == "$1,234"
    assert fmt.percent(0.25) == "25%"
