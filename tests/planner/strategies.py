"""Random plans for property tests (hypothesis): every field of plan models v1-v3, with and without actuals."""

from __future__ import annotations

from hypothesis import strategies as st

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
