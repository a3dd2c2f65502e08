"""Properties that hold for any plan (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.engine import compute
from planner.plan_file import PlanFileError, dumps_plan, parse_plan
from tests.planner.plans import plan_data

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
        },
        basics={
            "horizon_months": horizon,
            "start_month": f"2027-{draw(st.integers(1, 12)):02d}",
            "company": draw(text),
        },
        labor=labor,
        channels=channels,
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_monthly_needs_add_up_to_the_total_and_supply_to_its_breakdowns(data: dict) -> None:
    loaded = parse_plan(json.dumps(data))
    result = compute(loaded.plan)
    if sum(loaded.plan.targets.seasonality[i % 12] for i in range(12)) and not loaded.problems:
        needed = sum(m.sales_ready_leads_needed for m in result.months)
        assert needed == pytest.approx(result.demand.sales_ready_leads, rel=1e-9, abs=1e-6)
    supplied = sum(r.total_output for r in result.resources) + sum(
        c.total_sales_ready_leads for c in result.channels if c.is_program
    )
    assert result.supply.sales_ready_leads == pytest.approx(supplied, rel=1e-9, abs=1e-9)


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
