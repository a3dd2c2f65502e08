"""Properties that hold for any plan (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planner.numbers.engine import compute
from planner.numbers.summary import summary_data
from planner.plan.plan_file import PlanFileError, dumps_plan, parse_plan
from tests.planner.reference import reference
from tests.planner.strategies import plans


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_the_in_time_months_needs_add_up_to_the_total_and_supply_to_its_breakdowns(data: dict) -> None:
    loaded = parse_plan(json.dumps(data))
    result = compute(loaded.plan)
    if sum(loaded.plan.targets.seasonality[i % 12] for i in range(12)) and not loaded.problems:
        needed = sum(m.sales_ready_leads_needed for m in result.months if m.in_time)
        if result.year.last_month is not None:  # (no in-time month: this year's leads have no month)
            assert needed == pytest.approx(result.demand.sales_ready_leads, rel=1e-9, abs=1e-6)
    supplied = sum(r.total_output for r in result.resources) + sum(
        c.total_sales_ready_leads for c in result.channels if c.is_program
    )
    assert result.supply.sales_ready_leads == pytest.approx(supplied, rel=1e-9, abs=1e-9)


def near(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, dict):
        return all(near(a[k], b[k]) for k in b)  # type: ignore[index]
    if isinstance(a, list):
        return len(a) == len(b) and all(map(near, a, b))  # type: ignore[arg-type]
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and a == pytest.approx(b, rel=1e-7, abs=1e-6)
    if isinstance(a, int) and isinstance(b, int) and min(abs(a), abs(b)) > 1e6:
        # a count worked out from a tiny rate (5e-25 leads a person-month asks for ~1e26 reps):
        # the last float bit of the division moves the ceiling, so the two readings agree in ratio
        return a == pytest.approx(b, rel=1e-7)
    return a == b


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_every_figure_agrees_with_a_literal_reading_of_the_product_brief(data: dict) -> None:
    loaded = parse_plan(json.dumps(data))
    assume(not loaded.problems)
    expected = reference(data)
    # a threshold of half a lead is a cliff: leave out plans that sit on it to rounding
    cliffs = [expected["gap"]["sales_ready_leads"], expected["timing"]["worst_shortfall"]]
    cliffs += [m["cumulative_gap"] for m in expected["months"]]
    assume(all(abs(abs(x) - 0.5) > 1e-6 for x in cliffs))
    assume(expected["timing"]["worst_shortfall"] == 0 or expected["timing"]["worst_shortfall"] > 1e-5)
    actual = summary_data(compute(loaded.plan))
    for section in ("demand", "supply", "gap", "year", "next_year_start", "timing", "revenue", "actuals"):
        assert near(actual[section], expected[section]), section
    assert near(actual["months"], expected["months"])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_months_quarters_and_revenue_by_month_add_up_to_the_years_figures(data: dict) -> None:
    loaded = parse_plan(json.dumps(data))
    assume(not loaded.problems)
    result = compute(loaded.plan)
    months = result.months
    for quarter in result.quarters:
        block = months[quarter.first_month - 1 : quarter.last_month]
        assert quarter.sales_ready_leads_supplied == pytest.approx(
            sum(m.sales_ready_leads_supplied for m in block), abs=1e-6
        )
        assert quarter.cost == pytest.approx(sum(m.cost for m in block), abs=1e-6)
    assert [q.first_month for q in result.quarters] == list(range(1, result.horizon + 1, 3))
    # revenue by month adds up to the bridge's projected revenue; the goal by month to the goal
    assert sum(m.projected_revenue for m in months) == pytest.approx(result.revenue.projected, rel=1e-9, abs=1e-6)
    assert sum(m.revenue_goal for m in months) == pytest.approx(result.revenue.goal, rel=1e-9, abs=1e-6)
    assert sum(m.pipeline_revenue for m in months) == pytest.approx(result.revenue.pipeline, rel=1e-9, abs=1e-6)
    # for a goal above the pipeline the revenue gap is this year's gap at the value of a lead
    targets = loaded.plan.targets
    if targets.revenue_goal > targets.pipeline_revenue:
        value = targets.srl_to_opportunity * targets.win_rate * targets.deal_size
        assert result.revenue.gap == pytest.approx(result.year.gap * value, rel=1e-7, abs=1e-4)
    # this year's gap is the cumulative gap of the last in-time month
    if result.year.last_month is not None:
        last = months[result.year.last_month - 1]
        assert last.cumulative_gap == pytest.approx(result.year.gap, rel=1e-9, abs=1e-6)
    assert result.gap.sales_ready_leads == result.year.gap


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_with_no_sales_cycle_and_no_actuals_every_v1_total_is_unchanged(data: dict) -> None:
    data["targets"]["sales_cycle_months"] = 0
    data.pop("actuals", None)
    loaded = parse_plan(json.dumps(data))
    assume(not loaded.problems)
    result = compute(loaded.plan)
    needed, supplied = result.demand.sales_ready_leads, result.supply.sales_ready_leads
    assert result.next_year_start is None
    assert [m.in_time for m in result.months] == [True] * result.horizon
    assert result.gap.sales_ready_leads == pytest.approx(needed - supplied, rel=1e-9, abs=1e-6)
    if needed:
        assert result.gap.coverage == pytest.approx(supplied / needed, rel=1e-9)
    assert result.revenue.projected == pytest.approx(result.supply.projected_revenue, rel=1e-9, abs=1e-6)
    assert result.revenue.carried_over == 0


@settings(max_examples=100)
@given(plans())
def test_save_load_save_is_byte_identical(data: dict) -> None:
    first = dumps_plan(parse_plan(json.dumps(data)).plan)
    second = dumps_plan(parse_plan(first).plan)
    assert first == second


json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=30,
)
plan_keys = st.sampled_from(["basics", "diagnosis", "targets", "labor", "channels", "metrics", "review", "scenarios"])


@settings(max_examples=300)
@given(st.dictionaries(plan_keys, json_values, max_size=8), st.sampled_from([0, 1]))
def test_random_json_in_a_plan_file_is_refused_with_a_message_or_accepted(body: dict, version: int) -> None:
    data = {"format": "leadplanner-plan", "version": version, **body}
    try:
        loaded = parse_plan(json.dumps(data))
    except PlanFileError as error:
        assert str(error).strip()
        return
    compute(loaded.plan)  # an accepted plan always computes


@settings(max_examples=200)
@given(st.binary(max_size=200))
def test_random_bytes_are_refused_with_a_message(raw: bytes) -> None:
    try:
        parse_plan(raw)
    except PlanFileError as error:
        assert str(error).strip()
