"""Properties of the comparison on random pairs of versions (with and without actuals): it never
fails, the lines add up to the whole move, and a plan compared with itself has nothing to say."""

from __future__ import annotations

import copy
import math

from hypothesis import assume, given
from hypothesis import strategies as st

from planner.compare.comparison import compare
from planner.compare.words import sentence
from planner.plan.plan_file import plan_from_file_data
from tests.planner.strategies import actuals, plans


@st.composite
def versions(draw: st.DrawFn) -> tuple[dict, dict]:
    """A plan and a later version of it: other targets, rows removed or changed, other actuals."""
    old = draw(plans())
    new = copy.deepcopy(old)
    if draw(st.booleans()):
        new["targets"] = draw(plans())["targets"]
    kept = [r for r in new.get("labor", []) if draw(st.booleans())]
    for row in kept:
        row["headcount"] = draw(st.integers(0, 20))
    ids = {r["id"] for r in kept}
    new["labor"] = kept
    # a removed team's channels go with it; each program stays or goes
    new["channels"] = [
        c for c in new.get("channels", []) if c["owner"] in ids or (c["owner"] == "marketing" and draw(st.booleans()))
    ]
    if draw(st.booleans()):
        new["actuals"] = draw(actuals(old["basics"]["horizon_months"]))
    return old, new


def read(data: dict):
    loaded = plan_from_file_data(data)
    assume(not loaded.problems)  # (a random seasonality may weigh none of the plan's months)
    return loaded.plan


@given(versions())
def test_the_attribution_always_adds_up_to_the_whole_move(pair: tuple[dict, dict]) -> None:
    old, new = map(read, pair)
    comparison = compare(old, new)
    sentence(comparison, "1 Oct")  # said in words without failing
    if not comparison.attribution:
        assert comparison.changes == ()
        return
    assert comparison.attribution[-1].driver == "together"
    srl = sum(e.srl_gap for e in comparison.attribution)
    revenue = sum(e.revenue_gap for e in comparison.attribution)
    if math.isfinite(comparison.year_gap_move):
        assert math.isclose(srl, comparison.year_gap_move, rel_tol=1e-9, abs_tol=1e-6 * (1 + abs(srl)))
    if math.isfinite(comparison.revenue_gap_move):
        assert math.isclose(revenue, comparison.revenue_gap_move, rel_tol=1e-9, abs_tol=1e-6 * (1 + abs(revenue)))


@given(plans())
def test_a_plan_compared_with_itself_has_no_changes(data: dict) -> None:
    plan = read(data)
    comparison = compare(plan, read(copy.deepcopy(data)))
    assert comparison.changes == () and comparison.attribution == ()
    assert "nothing changed" in sentence(comparison)
