"""The reverse funnel: from the revenue goal to the leads needed, and the one safe division.

The engine, sensitivity and goal seek all work the demand out here, so "how many leads does
this goal need" has one definition.
"""

from __future__ import annotations

import math

from planner.numbers.results import Demand
from planner.plan.model import Targets

EPSILON = 1e-9  # float noise in a division or a rounding, never a judgement (that is planner.numbers.status)


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator / denominator, or None ("not available") when the denominator is 0 or the result not finite."""
    if not denominator:
        return None
    try:
        value = numerator / denominator
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


def sales_ready_needed(
    revenue_goal: float, pipeline_revenue: float, deal_size: float, win_rate: float, srl_to_opportunity: float
) -> float:
    """S = max(goal - pipeline, 0) / deal size / win rate / sales-ready lead to opportunity."""
    return max(revenue_goal - pipeline_revenue, 0) / deal_size / win_rate / srl_to_opportunity


def demand(targets: Targets) -> Demand:
    """Wins, opportunities, sales-ready, qualified and raw leads the net new revenue needs (PRODUCT.md)."""
    net_new = max(targets.revenue_goal - targets.pipeline_revenue, 0)
    wins = net_new / targets.deal_size
    opportunities = wins / targets.win_rate
    sales_ready = opportunities / targets.srl_to_opportunity
    qualified = sales_ready / targets.mql_to_srl
    return Demand(
        net_new,
        wins,
        opportunities,
        sales_ready,
        qualified,
        qualified / targets.lead_to_mql,
        opportunities * targets.deal_size,
    )


def srl_value(targets: Targets) -> float:
    """The revenue one sales-ready lead brings in: srl_to_opportunity x win_rate x deal_size."""
    return targets.srl_to_opportunity * targets.win_rate * targets.deal_size
