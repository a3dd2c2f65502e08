"""What the engine returns: immutable figures, per month and in total.

A figure that would divide by zero is ``None`` ("not available"), never infinity.
The records are NamedTuples: immutable, cheap to create (an edit recomputes hundreds of
them) and cheap to define (the app imports this module before its first paint). So this
module does without ``from __future__ import annotations``: ``NamedTuple`` compiles each
string annotation (the two that name a class not defined yet are quoted).
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

if TYPE_CHECKING:
    from planner.model import Actual


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
    projected_revenue: float  # the revenue won this month: leads supplied a sales cycle earlier (wrapping)
    cumulative_gap: float = 0.0  # needed - supplied, months 1..m added up
    actual_sales_ready_leads: float | None = None  # None: no actual reported for the month
    variance: float | None = None  # actual - needed, where there is an actual
    actual: "Actual | None" = None  # the month's actuals, every stage


class QuarterResult(NamedTuple):
    """A plan quarter (months 1-3, 4-6, ...; the last may be shorter), labelled by its calendar months."""

    first_month: int
    last_month: int
    label: str
    sales_ready_leads_needed: float
    sales_ready_leads_supplied: float
    gap: float
    cost: float


SHORT, LATE, ON_TRACK = "short", "late", "on_track"
T = TypeVar("T")


class Deferred(Sequence[T]):
    """A tuple of results worked out the first time it is read, then kept.

    The what-ifs (scenarios, sensitivity) are most of an edit's computing, and the health
    panel, the pages and the summary's totals never read them: they are computed when a
    what-if view, an export or the command line first asks. Reads like a tuple (len,
    index, slice, iteration, equality with a tuple).
    """

    __slots__ = ("_items", "_make")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, make: Callable[[], Iterable[T]]) -> None:
        self._make: Callable[[], Iterable[T]] | None = make
        self._items: tuple[T, ...] | None = None

    def items(self) -> tuple[T, ...]:
        if self._items is None:
            assert self._make is not None
            self._items, self._make = tuple(self._make()), None
        return self._items

    def __getitem__(self, index: Any) -> Any:
        return self.items()[index]

    def __len__(self) -> int:
        return len(self.items())

    def __iter__(self) -> Iterator[T]:
        return iter(self.items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Deferred):
            other = other.items()
        return isinstance(other, tuple) and self.items() == other

    def __repr__(self) -> str:
        return repr(self.items()) if self._items is not None else "Deferred(not computed yet)"


class Timing(NamedTuple):
    """When the plan is short: PRODUCT.md's timing, from the cumulative gap by month."""

    status: str  # SHORT, LATE or ON_TRACK
    worst_shortfall: float  # the largest cumulative shortfall (0 when never behind)
    worst_month: int | None  # the first month it occurs (None when never behind)
    behind_months: tuple[int, ...]  # months whose cumulative gap exceeds half a lead


class RevenueBridge(NamedTuple):
    goal: float
    pipeline: float
    projected: float  # revenue won from the sales-ready leads supplied
    expected: float  # pipeline + projected
    gap: float  # goal - expected; negative is a surplus


class ActualsResult(NamedTuple):
    """The plan against what really happened, to date, and the forecast at this pace."""

    through_month: int | None  # the last month with actual sales-ready leads
    sales_ready_leads: float | None
    needed_to_date: float | None
    variance: float | None
    forecast_sales_ready_leads: float | None
    forecast_coverage: float | None
    revenue: float | None
    revenue_goal_to_date: float | None
    revenue_vs_goal: float | None
    revenue_through_month: int | None  # the last month with actual revenue


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
    quarters: tuple[QuarterResult, ...] = ()
    timing: Timing = Timing(ON_TRACK, 0.0, None, ())
    revenue: RevenueBridge = RevenueBridge(0.0, 0.0, 0.0, 0.0, 0.0)
    actuals: ActualsResult | None = None
    scenarios: "Sequence[ScenarioResult]" = ()  # a Deferred from compute(): worked out when first read
    sensitivity: Sequence[SensitivityRow] = ()

    @property
    def first_supply_month(self) -> int | None:
        return next((m.month for m in self.months if m.sales_ready_leads_supplied > 0), None)


class ScenarioResult(NamedTuple):
    name: str
    overrides: dict[str, float]
    result: PlanResult  # the scenario's plan: totals, months, timing and breakdowns (no scenarios or sensitivity)

    @property
    def demand(self) -> Demand:
        return self.result.demand

    @property
    def supply(self) -> Supply:
        return self.result.supply

    @property
    def gap(self) -> Gap:
        return self.result.gap
