"""The summary of PRODUCT.md (plan model v3): the plan's figures as plain JSON data (None -> null)."""

from __future__ import annotations

from typing import Any

from planner.numbers.results import ActualsResult, Demand, Gap, PlanResult, SensitivityRow, Supply

DEMAND_KEYS = ("net_new_revenue", "wins", "opportunities", "sales_ready_leads", "qualified_leads", "raw_leads")


def demand_data(demand: Demand) -> dict[str, Any]:
    """PRODUCT.md's demand figures, exactly those."""
    return {key: getattr(demand, key) for key in DEMAND_KEYS}


def supply_data(supply: Supply) -> dict[str, Any]:
    data = supply._asdict()
    data["return"] = data.pop("return_on_cost")
    return data


def gap_data(gap: Gap) -> dict[str, Any]:
    return gap._asdict()


def summary_data(result: PlanResult) -> dict[str, Any]:
    return {
        "currency": result.currency,
        "horizon_months": result.horizon,
        "demand": demand_data(result.demand),
        "supply": supply_data(result.supply),
        "gap": gap_data(result.gap),
        "year": result.year._asdict(),
        "next_year_start": None if result.next_year_start is None else result.next_year_start._asdict(),
        "months": [
            {
                "month": m.month,
                "label": m.label,
                "sales_ready_leads_needed": m.sales_ready_leads_needed,
                "sales_ready_leads_supplied": m.sales_ready_leads_supplied,
                "gap": m.gap,
                "cost": m.cost,
                "cumulative_gap": m.cumulative_gap,
                "revenue_goal": m.revenue_goal,
                "pipeline_revenue": m.pipeline_revenue,
                "projected_revenue": m.projected_revenue,
                "actual_sales_ready_leads": m.actual_sales_ready_leads,
                "variance": m.variance,
            }
            for m in result.months
        ],
        "quarters": [q._asdict() for q in result.quarters],
        "timing": {**result.timing._asdict(), "behind_months": list(result.timing.behind_months)},
        "revenue": result.revenue._asdict(),
        "actuals": actuals_data(result.actuals),
        "scenarios": [
            {
                "name": s.name,
                "overrides": dict(s.overrides),
                "demand": demand_data(s.demand),
                "supply": supply_data(s.supply),
                "gap": gap_data(s.gap),
            }
            for s in result.scenarios
        ],
    }


ACTUALS_KEYS = (
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


def actuals_data(actuals: ActualsResult | None) -> dict[str, Any] | None:
    """PRODUCT.md's actuals figures, exactly those; None (null) when the plan has no actuals."""
    return None if actuals is None else {key: getattr(actuals, key) for key in ACTUALS_KEYS}


def sensitivity_data(rows: tuple[SensitivityRow, ...]) -> list[dict[str, Any]]:
    return [{**row._asdict(), "moves": [move._asdict() for move in row.moves]} for row in rows]
