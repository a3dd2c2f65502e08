"""Properties that hold for any plan (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planner.engine import compute
from planner.plan_file import PlanFileError, dumps_plan, parse_plan
from planner.summary import summary_data
from tests.planner.plans import plan_data
from tests.planner.reference import reference

rates = st.floats(min_value=0.01, max_value=1.0, allow_nan=False)
money = st.integers(min_value=0, max_value=50_000_000)
text = st.text(max_size=30)
months = st.integers(min_value=1, max_value=60)


@st.composite
def plans(draw: st.DrawFn) -> dict:
    horizon = draw(months)
    labor = [
        {
            "id": f"r{i}",
            "name": draw(text),
            "kind": draw(st.sampled_from(["field", "inside", "outsourced"])),
            "headcount": draw(st.integers(0, 20)),
            "start_month": draw(st.integers(1, horizon)),
            "ramp_months": draw(st.integers(0, 12)),
            "srl_per_person_month": draw(st.floats(0, 50, allow_nan=False)),
            "cost_per_person_month": draw(st.integers(0, 20_000)),
            "fee_per_srl": draw(st.integers(0, 500)),
            **draw(labor_v2(horizon)),
        }
        for i in range(draw(st.integers(0, 4)))
    ]
    channels = [
        {
            "name": draw(text),
            "type": "events",
            "owner": "marketing",
            "monthly_budget": draw(money),
            "cost_per_lead": draw(st.integers(1, 1000)),
            "start_month": draw(st.integers(1, horizon)),
            **draw(program_v2(horizon)),
        }
        for _ in range(draw(st.integers(0, 3)))
    ]
    channels += [{"name": draw(text), "type": "email", "owner": r["id"], "share": 0.5} for r in labor]
    seasonality = draw(st.lists(st.integers(0, 10), min_size=12, max_size=12).filter(lambda w: sum(w) > 0))
    return plan_data(
        {
            "revenue_goal": draw(money),
            "pipeline_revenue": draw(money),
            "deal_size": draw(st.integers(1, 1_000_000)),
            "win_rate": draw(rates),
            "sales_cycle_months": draw(st.integers(0, 24)),
            "lead_to_mql": draw(rates),
            "mql_to_srl": draw(rates),
            "srl_to_opportunity": draw(rates),
            "seasonality": seasonality,
            **({"new_hire_ramp_months": draw(st.integers(0, 24))} if draw(st.booleans()) else {}),
        },
        basics={
            "horizon_months": horizon,
            "start_month": f"2027-{draw(st.integers(1, 12)):02d}",
            "company": draw(text),
        },
        labor=labor,
        channels=channels,
        **({"actuals": draw(actuals(horizon))} if draw(st.booleans()) else {}),
    )


def labor_v2(horizon: int) -> st.SearchStrategy[dict]:
    """Plan model v2's optional labor fields, each present or left out."""
    return st.fixed_dictionaries(
        {},
        optional={
            "end_month": st.integers(1, horizon),
            "attrition_rate": st.floats(0, 0.99, allow_nan=False),
            "vacancy_months": st.integers(0, 6),
        },
    )


def program_v2(horizon: int) -> st.SearchStrategy[dict]:
    spend = st.fixed_dictionaries({"month": st.integers(1, horizon), "budget": st.integers(0, 100_000)})
    return st.fixed_dictionaries(
        {}, optional={"end_month": st.integers(1, horizon), "schedule": st.lists(spend, max_size=4)}
    )


@st.composite
def actuals(draw: st.DrawFn, horizon: int) -> list[dict]:
    figure = st.none() | st.integers(0, 500)
    found = []
    for month in sorted(draw(st.sets(st.integers(1, horizon), max_size=horizon))):
        entry = {"month": month}
        for name in ("sales_ready_leads", "opportunities", "wins", "revenue", "cost"):
            value = draw(figure)
            if value is not None:
                entry[name] = value
        found.append(entry)
    return found


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
