"""What the engine returns: immutable figures, per month and in total.

A figure that would divide by zero is ``None`` ("not available"), never infinity.
The records are NamedTuples: immutable, cheap to create (an edit recomputes hundreds of
them) and cheap to define (the app imports this module before its first paint). So this
module does without ``from __future__ import annotations``: ``NamedTuple`` compiles each
string annotation (the two that name a class not defined yet are quoted).
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from planner.numbers.status import LATE, ON_TRACK, SHORT

__all__ = ["LATE", "ON_TRACK", "SHORT"]  # (re-exported: the statuses are defined in planner.numbers.status)

if TYPE_CHECKING:
    from planner.plan.model import Actual, Targets


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
    """This year's gap (plan model v3): the sales-ready leads needed less those known to close in time."""

    sales_ready_leads: float
    coverage: float | None
    inside_reps_to_close_gap: int | None  # None: no hire made now closes this year's gap
    latest_start_month: int | None = None  # the last month those hires may start and still close it


class YearResult(NamedTuple):
    """This year (PRODUCT.md v3): the in-time months, whose leads close inside the horizon."""

    first_month: int | None  # None when no month is in time (the cycle is as long as the horizon)
    last_month: int | None
    sales_ready_leads_needed: float  # S
    sales_ready_leads_expected: float  # the known series over the in-time months
    gap: float
    coverage: float | None


class NextYearStart(NamedTuple):
    """The carry-over months: their leads close after the horizon and start next year."""

    first_month: int
    last_month: int
    sales_ready_leads_needed: float
    sales_ready_leads_expected: float
    gap: float


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
    projected_revenue: float  # revenue won this month from leads known a sales cycle earlier (none for m <= c)
    cumulative_gap: float = 0.0  # needed - known, months 1..m added up
    actual_sales_ready_leads: float | None = None  # None: no actual reported for the month
    variance: float | None = None  # actual - needed, where there is an actual
    actual: "Actual | None" = None  # the month's actuals, every stage
    known_sales_ready_leads: float = 0.0  # the actual through the last reported month, the plan's after
    in_time: bool = True  # its leads close inside the horizon (else a carry-over month: next year's start)
    revenue_goal: float = 0.0  # revenue_goal x u(m)
    pipeline_revenue: float = 0.0  # the pipeline closing this month (spread over the first cycle)


class QuarterResult(NamedTuple):
    """A plan quarter (months 1-3, 4-6, ...; the last may be shorter), labelled by its calendar months."""

    first_month: int
    last_month: int
    label: str
    sales_ready_leads_needed: float
    sales_ready_leads_supplied: float
    gap: float
    cost: float


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
    """When the plan is short: PRODUCT.md's timing, from the cumulative gap of the in-time months."""

    status: str  # SHORT, LATE or ON_TRACK (planner.numbers.status)
    worst_shortfall: float  # the largest cumulative shortfall of an in-time month (0 when never behind)
    worst_month: int | None  # the first month it occurs (None when never behind)
    behind_months: tuple[int, ...]  # in-time months whose cumulative gap exceeds half a lead


class RevenueBridge(NamedTuple):
    goal: float
    pipeline: float
    projected: float  # revenue won inside the horizon from the known sales-ready leads
    expected: float  # pipeline + projected
    gap: float  # goal - expected; negative is a surplus
    carried_over: float = 0.0  # revenue the carry-over months' leads bring after the horizon


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
    year: YearResult = YearResult(None, None, 0.0, 0.0, 0.0, None)
    next_year_start: NextYearStart | None = None
    scenarios: "Sequence[ScenarioResult]" = ()  # a Deferred from compute(): worked out when first read
    sensitivity: Sequence[SensitivityRow] = ()
    targets: "Targets | None" = (
        None  # the rates the figures were computed with (planner.advice.tracking's plan by stage)
    )

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
