"""PRODUCT.md's plan model v2, read literally: a slow, independent reference for the engine.

Written from the brief's formulas with 1-based months and plain loops, sharing no code with
``planner/``: the property tests compare every figure of ``compute`` with this.
"""

from __future__ import annotations

import math
from typing import Any

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def div(a: float, b: float) -> float | None:
    if b == 0:
        return None
    value = a / b
    return value if math.isfinite(value) else None


def reference(data: dict[str, Any]) -> dict[str, Any]:
    """The summary figures of a plan given as file data (defaults as PRODUCT.md's example plans use)."""
    t = data["targets"]
    basics = data.get("basics", {})
    H = basics.get("horizon_months", 12)
    first = int(basics.get("start_month", "2027-01")[5:7])  # calendar month of plan month 1
    goal, pipeline = t["revenue_goal"], t.get("pipeline_revenue", 0)
    deal, win = t["deal_size"], t.get("win_rate", 0.2)
    l2m, m2s, s2o = t.get("lead_to_mql", 0.15), t.get("mql_to_srl", 0.4), t.get("srl_to_opportunity", 0.5)
    c = t.get("sales_cycle_months", 3)
    margin = t.get("gross_margin", 0.35)
    weights = t.get("seasonality", [1] * 12)

    N = max(goal - pipeline, 0)
    W = N / deal
    opps = W / win
    S = opps / s2o

    def calendar(m: int) -> int:  # 1..12
        return (first - 1 + m - 1) % 12 + 1

    total_w = sum(weights[calendar(m) - 1] for m in range(1, H + 1))

    def u(m: int) -> float:
        while m > H:
            m -= H
        return weights[calendar(m) - 1] / total_w

    needed = {m: S * u(m + c) for m in range(1, H + 1)}

    supplied = dict.fromkeys(range(1, H + 1), 0.0)
    cost = dict.fromkeys(range(1, H + 1), 0.0)
    for r in data.get("labor", []):
        n, s, k = r["headcount"], r.get("start_month", 1), r["ramp_months"]
        q, per, fee = r["srl_per_person_month"], r["cost_per_person_month"], r.get("fee_per_srl", 0)
        e = r.get("end_month", H)
        a, v = r.get("attrition_rate", 0), r.get("vacancy_months", 1)
        loss = min(1, a / 12 * (v + k / 2))
        for m in range(1, H + 1):
            if m < s or m > e:
                continue
            output = n * q * min(1, (m - s + 1) / (k + 1)) * (1 - loss)
            supplied[m] += output
            cost[m] += n * per * max(0, 1 - a / 12 * v) + fee * output
    for ch in data.get("channels", []):
        if ch.get("owner") != "marketing":
            continue
        rate = ch["lead_to_srl"] if ch.get("lead_to_srl") is not None else l2m * m2s
        for m in range(1, H + 1):
            if ch.get("schedule"):
                spend = sum(x["budget"] for x in ch["schedule"] if x["month"] == m)
            else:
                s, e = ch.get("start_month", 1), ch.get("end_month", H)
                spend = ch.get("monthly_budget", 0) if s <= m <= e else 0
            supplied[m] += spend / ch["cost_per_lead"] * rate
            cost[m] += spend

    total_supplied, total_cost = sum(supplied.values()), sum(cost.values())
    value = s2o * win * deal
    projected = total_supplied * value
    gap = S - total_supplied

    cumulative, running = {}, 0.0
    for m in range(1, H + 1):
        running += needed[m] - supplied[m]
        cumulative[m] = running
    worst = max(0, max(cumulative.values()))
    worst_month = None if worst <= 1e-6 else min(m for m in cumulative if cumulative[m] >= worst - 1e-6)
    status = "short" if gap > 0.5 else "late" if worst > 0.5 else "on_track"

    inside = next((r for r in data.get("labor", []) if r["kind"] == "inside"), None)
    q, k, a, v = (12, 3, 0, 1)
    if inside is not None:
        q, k = inside["srl_per_person_month"], inside["ramp_months"]
        a, v = inside.get("attrition_rate", 0), inside.get("vacancy_months", 1)
    loss = min(1, a / 12 * (v + k / 2))
    r_one = sum(q * min(1, m / (k + 1)) * (1 - loss) for m in range(1, H + 1))
    people = div(gap, r_one)
    reps = 0 if gap <= 0.5 else (None if people is None else math.ceil(people - 1e-9))

    won = {m: supplied[((m - 1 - c) % H) + 1] * value for m in range(1, H + 1)}

    actuals = data.get("actuals") or []
    by_month = {x["month"]: x for x in actuals}
    with_srl = [x["month"] for x in actuals if x.get("sales_ready_leads") is not None]
    with_rev = [x["month"] for x in actuals if x.get("revenue") is not None]
    actual_figures = None
    if actuals:
        actual_figures = dict.fromkeys(
            (
                "through_month",
                "sales_ready_leads",
                "needed_to_date",
                "variance",
                "forecast_sales_ready_leads",
                "forecast_coverage",
                "revenue",
                "revenue_goal_to_date",
                "revenue_vs_goal",
            )
        )
        if with_srl:
            M = max(with_srl)
            done = sum(by_month.get(m, {}).get("sales_ready_leads") or 0 for m in range(1, M + 1))
            to_date = sum(needed[m] for m in range(1, M + 1))
            forecast = done + sum(supplied[m] for m in range(M + 1, H + 1))
            actual_figures.update(
                through_month=M,
                sales_ready_leads=done,
                needed_to_date=to_date,
                variance=done - to_date,
                forecast_sales_ready_leads=forecast,
                forecast_coverage=div(forecast, S),
            )
        if with_rev:
            R = max(with_rev)
            revenue = sum(x["revenue"] for x in actuals if x.get("revenue") is not None)
            goal_to_date = goal * sum(weights[calendar(m) - 1] for m in range(1, R + 1)) / total_w
            actual_figures.update(
                revenue=revenue, revenue_goal_to_date=goal_to_date, revenue_vs_goal=revenue - goal_to_date
            )

    return {
        "demand": {"net_new_revenue": N, "wins": W, "opportunities": opps, "sales_ready_leads": S},
        "supply": {
            "sales_ready_leads": total_supplied,
            "cost": total_cost,
            "cost_per_sales_ready_lead": div(total_cost, total_supplied),
            "projected_revenue": projected,
            "return": div(projected * margin - total_cost, total_cost),
        },
        "gap": {"sales_ready_leads": gap, "coverage": div(total_supplied, S), "inside_reps_to_close_gap": reps},
        "months": [
            {
                "month": m,
                "sales_ready_leads_needed": needed[m],
                "sales_ready_leads_supplied": supplied[m],
                "gap": needed[m] - supplied[m],
                "cost": cost[m],
                "cumulative_gap": cumulative[m],
                "projected_revenue": won[m],
                "actual_sales_ready_leads": by_month.get(m, {}).get("sales_ready_leads"),
            }
            for m in range(1, H + 1)
        ],
        "timing": {
            "status": status,
            "worst_shortfall": worst,
            "worst_month": worst_month,
            "behind_months": [m for m in range(1, H + 1) if cumulative[m] > 0.5],
        },
        "revenue": {
            "goal": goal,
            "pipeline": pipeline,
            "projected": projected,
            "expected": pipeline + projected,
            "gap": goal - pipeline - projected,
        },
        "actuals": actual_figures,
    }
