"""A gap said one way everywhere: short past half a lead, to spare past half a lead, else even."""

from __future__ import annotations

import pytest

from planner.numbers import formatting as fmt
from planner.numbers.status import standing


def said(gap: float) -> str:
    return standing(gap, short=f"{gap:,.0f} short", surplus=f"{-gap:,.0f} to spare", even="covered")


@pytest.mark.parametrize(
    ("gap", "words"),
    [(112.4, "112 short"), (0.51, "1 short"), (0.5, "covered"), (0.0, "covered"), (-0.5, "covered"),
     (-0.51, "1 to spare"), (-53, "53 to spare")],
)  # fmt: skip
def test_less_than_half_a_lead_either_way_is_neither_short_nor_to_spare(gap: float, words: str) -> None:
    assert said(gap) == words


@pytest.mark.parametrize(("gap", "shown"), [(112.4, "112 short"), (-53.2, "53 surplus"), (0.49, "0"), (-0.49, "0")])
def test_a_shortfall_is_said_in_whole_leads_short_or_surplus_and_0_within_half_a_lead(gap: float, shown: str) -> None:
    assert fmt.shortfall(gap) == shown
    assert fmt.shortfall(None) == fmt.NOT_AVAILABLE
