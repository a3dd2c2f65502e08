"""What the engine returns: immutable figures, per month and in total.

A figure that would divide by zero is ``None`` ("not available"), never infinity.
The records are NamedTuples: immutable, cheap to create (an edit recomputes hundreds of
them) and cheap to define (the app imports this module before its first paint).
"""

from __future__ import annotations

from typing import NamedTuple


class Demand(NamedTuple):
    net_new_revenue: float
    wins: float
    opportunities: float
    sales_ready_leads: float
    qualified_leads: float
    raw_leads: float
    pipeline: float  # the pipeline the opportunities needed add up to: opportunities x deal size


class Supply(NamedTuple):
    sales_ready_leads: float
    cost: float
    cost_per_sales_ready_lead: float | None
    cost_per_opportunity: float | None
    projected_revenue: float
    return_on_cost: float | None  # "return" in the summary


class Gap(NamedTuple):
    sales_ready_leads: float
    coverage: float | None
    inside_reps_to_close_gap: int | None


class MonthResult(NamedTuple):
    month: int
    label: str
    demand_share: float  # this month's share of the horizon's demand, u(m + c)
    wins_needed: float
    opportunities_needed: float
    sales_ready_leads_needed: float
    qualified_leads_needed: float
    raw_leads_needed: float
    sales_ready_leads_supplied: float
    gap: float
    coverage: float | None
    cost: float
    cost_per_sales_ready_lead: float | None
    projected_revenue: float


class ResourceResult(NamedTuple):
    id: str
    name: str
    kind: str
    productivity: tuple[float, ...]
    output: tuple[float, ...]  # sales-ready leads by month
    cost: tuple[float, ...]
    total_output: float
    total_cost: float
    total_fees: float
    cost_per_sales_ready_lead: float | None
    assigned_share: float  # the channels' shares of this resource, added up
    unassigned_output: float  # sales-ready leads of capacity no channel takes (still supply)


class ChannelResult(NamedTuple):
    index: int
    name: str
    type: str
    owner: str
    is_program: bool
    uses_plan_rates: bool  # a program converting with the plan's rates, not its own lead_to_srl
    raw_leads: tuple[float, ...]  # programs only (zeros for people-driven channels)
    sales_ready_leads: tuple[float, ...]
    cost: tuple[float, ...]  # programs: budget; people-driven: the share of the owner's cost
    total_raw_leads: float
    total_sales_ready_leads: float
    total_cost: float
    cost_per_sales_ready_lead: float | None


class SensitivityMove(NamedTuple):
    change: float  # -0.2, -0.1, 0.1, 0.2
    value: float  # the driver's value after the move (rates are capped at 100%)
    sales_ready_leads_needed: float
    coverage: float | None
    cost_per_sales_ready_lead: float | None
    sales_ready_leads_needed_change: float
    coverage_change: float | None
    cost_per_sales_ready_lead_change: float | None


class SensitivityRow(NamedTuple):
    driver: str  # the override name (``win_rate``, ``labor.ldr.headcount``)
    label: str
    base_value: float
    moves: tuple[SensitivityMove, ...]
    impact: float  # the largest change in coverage among the moves, for sorting


class PlanResult(NamedTuple):
    currency: str
    horizon: int
    demand: Demand
    supply: Supply
    gap: Gap
    months: tuple[MonthResult, ...]
    resources: tuple[ResourceResult, ...]
    channels: tuple[ChannelResult, ...]
    scenarios: tuple[ScenarioResult, ...] = ()
    sensitivity: tuple[SensitivityRow, ...] = ()

    @property
    def first_supply_month(self) -> int | None:
        return next((m.month for m in self.months if m.sales_ready_leads_supplied > 0), None)


class ScenarioResult(NamedTuple):
    name: str
    overrides: dict[str, float]
    result: PlanResult  # the scenario's plan: totals and breakdowns (no months, scenarios or sensitivity)

    @property
    def demand(self) -> Demand:
        return self.result.demand

    @property
    def supply(self) -> Supply:
        return self.result.supply

    @property
    def gap(self) -> Gap:
        return self.result.gap
