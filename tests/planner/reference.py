"""PRODUCT.md's plan model v3, read literally: a slow, independent reference for the engine.

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

    def u(m: int) -> float:  # any m >= 1, also past H (v3)
        return weights[calendar(m) - 1] / total_w

    value = s2o * win * deal  # V
    T = max(0, H - c)  # the last in-time month (0: none)
    in_time = range(1, T + 1)
    carry = range(max(1, H - c + 1), H + 1) if c > 0 else range(0)
    U = sum(u(i) for i in range(c + 1, H + 1))
    needed = {}
    for m in in_time:
        needed[m] = S * u(m + c) / U if U != 0 else S / T
    for m in carry:
        needed[m] = goal / value * u(m + c)

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
    projected_all = total_supplied * value

    # the known series: actuals through M (an earlier month without one counts 0), the plan after
    actuals = data.get("actuals") or []
    by_month = {x["month"]: x for x in actuals}
    with_srl = [x["month"] for x in actuals if x.get("sales_ready_leads") is not None]
    M = max(with_srl) if with_srl else 0
    known = {m: (by_month.get(m, {}).get("sales_ready_leads") or 0) if m <= M else supplied[m] for m in range(1, H + 1)}

    expected = sum(known[m] for m in in_time)
    year_gap = S - expected
    year = {
        "first_month": 1 if T else None,
        "last_month": T or None,
        "sales_ready_leads_needed": S,
        "sales_ready_leads_expected": expected,
        "gap": year_gap,
        "coverage": div(expected, S),
    }
    next_year = None
    if c > 0:
        next_needed = sum(needed[m] for m in carry)
        next_known = sum(known[m] for m in carry)
        next_year = {
            "first_month": max(1, H - c + 1),
            "last_month": H,
            "sales_ready_leads_needed": next_needed,
            "sales_ready_leads_expected": next_known,
            "gap": next_needed - next_known,
        }

    cumulative, running = {}, 0.0
    for m in range(1, H + 1):
        running += needed[m] - known[m]
        cumulative[m] = running
    worst = max(0, max((cumulative[m] for m in in_time), default=0))
    worst_month = None if worst <= 1e-6 else min(m for m in in_time if cumulative[m] >= worst - 1e-6)
    status = "short" if year_gap > 0.5 else "late" if worst > 0.5 else "on_track"

    # hires: from s0, with the new hire's ramp, counting the in-time months only
    inside = next((r for r in data.get("labor", []) if r["kind"] == "inside"), None)
    q, a, v = (12, 0, 1)
    if inside is not None:
        q = inside["srl_per_person_month"]
        a, v = inside.get("attrition_rate", 0), inside.get("vacancy_months", 1)
    k = t.get("new_hire_ramp_months", 3)
    loss = min(1, a / 12 * (v + k / 2))
    s0 = 1 if M == 0 else M + 1 + math.ceil(v)

    def r_of(s: int) -> float:
        return sum(q * min(1, (m - s + 1) / (k + 1)) * (1 - loss) for m in range(s, T + 1))

    latest = None
    if year_gap <= 0.5:
        reps = 0
    elif r_of(s0) == 0 or not math.isfinite(year_gap / r_of(s0)):  # (a rep's leads too small for a number of reps)
        reps = None
    else:
        reps = math.ceil(year_gap / r_of(s0) - 1e-9)
        latest = max(s for s in range(s0, T + 1) if s == s0 or reps * r_of(s) >= year_gap - 0.5)

    pipeline_months = min(max(c, 1), H)
    revenue_goal = {m: goal * u(m) for m in range(1, H + 1)}
    pipeline_revenue = {m: pipeline / pipeline_months if m <= pipeline_months else 0 for m in range(1, H + 1)}
    won = {m: known[m - c] * value if m > c else 0 for m in range(1, H + 1)}
    projected = sum(won.values())

    actual_figures = None
    with_rev = [x["month"] for x in actuals if x.get("revenue") is not None]
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
            done = sum(known[m] for m in range(1, M + 1))
            to_date = sum(needed[m] for m in range(1, M + 1))
            actual_figures.update(
                through_month=M,
                sales_ready_leads=done,
                needed_to_date=to_date,
                variance=done - to_date,
                forecast_sales_ready_leads=expected,
                forecast_coverage=div(expected, S),
            )
        if with_rev:
            R = max(with_rev)
            revenue = sum(x["revenue"] for x in actuals if x.get("revenue") is not None)
            goal_to_date = goal * sum(u(m) for m in range(1, R + 1))
            actual_figures.update(
                revenue=revenue, revenue_goal_to_date=goal_to_date, revenue_vs_goal=revenue - goal_to_date
            )

    return {
        "demand": {"net_new_revenue": N, "wins": W, "opportunities": opps, "sales_ready_leads": S},
        "supply": {
            "sales_ready_leads": total_supplied,
            "cost": total_cost,
            "cost_per_sales_ready_lead": div(total_cost, total_supplied),
            "projected_revenue": projected_all,
            "return": div(projected_all * margin - total_cost, total_cost),
        },
        "gap": {
            "sales_ready_leads": year_gap,
            "coverage": div(expected, S),
            "inside_reps_to_close_gap": reps,
            "latest_start_month": latest,
        },
        "year": year,
        "next_year_start": next_year,
        "months": [
            {
                "month": m,
                "sales_ready_leads_needed": needed[m],
                "sales_ready_leads_supplied": supplied[m],
                "gap": needed[m] - supplied[m],
                "cost": cost[m],
                "cumulative_gap": cumulative[m],
                "revenue_goal": revenue_goal[m],
                "pipeline_revenue": pipeline_revenue[m],
                "projected_revenue": won[m],
                "actual_sales_ready_leads": by_month.get(m, {}).get("sales_ready_leads"),
            }
            for m in range(1, H + 1)
        ],
        "timing": {
            "status": status,
            "worst_shortfall": worst,
            "worst_month": worst_month,
            "behind_months": [m for m in in_time if cumulative[m] > 0.5],
        },
        "revenue": {
            "goal": goal,
            "pipeline": pipeline,
            "projected": projected,
            "carried_over": value * sum(known[m] for m in carry),
            "expected": pipeline + projected,
            "gap": goal - pipeline - projected,
        },
        "actuals": actual_figures,
    }
