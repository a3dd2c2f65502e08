"""The plan: immutable, typed, and described well enough to validate and edit by path.

Each field carries a :class:`Spec` in its metadata (what it holds, its label, its limits),
so one table drives the file reader, the messages, the app's inputs and the exports.
Numbers keep the type they were given (an ``int`` stays an ``int``) so files round-trip.
Unknown keys of every object are kept in ``extra`` and written back.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

from planner.plan import defaults, vocab


class Spec(NamedTuple):
    """What a field holds.

    kind is one of: text, choice, choices (a list of vocabulary keys), texts (a list of
    text), rate (0 < x <= 1), share (0 <= x <= 1), fraction (0 <= x < 1), money, count,
    int, month ("YYYY-MM"), weights (12 numbers >= 0), overrides (name -> number), object,
    objects.
    """

    kind: str
    label: str
    unit: str = ""
    required: bool = False
    optional: bool = False  # may be null / absent without a default
    minimum: float | None = None
    maximum: float | None = None
    positive: bool = False  # money/count that must be more than 0
    choices: Mapping[str, str] | None = None
    help: str = ""


def spec(kind: str, label: str, **kw: Any) -> Any:
    """A dataclass field described by a Spec; ``default``/``default_factory`` go to the field."""
    defaults = {key: kw.pop(key) for key in ("default", "default_factory") if key in kw}
    return field(metadata={"spec": Spec(kind, label, **kw)}, **defaults)


def extra_field() -> Any:
    return field(default_factory=dict, compare=True, repr=False)


class Record:
    """Equality and repr by fields, shared by the plan's classes.

    Each class is a ``dataclass(frozen=True, eq=False, repr=False)``: the ``__init__`` and the
    frozen ``__setattr__``/``__delattr__`` are dataclass's own, so editors and type checkers see
    the constructor's arguments. ``eq`` and ``repr`` are written once here instead of generated
    per class (Python 3.11 compiles each generated method, and the plan's classes are defined at
    every start of the app). As with the generated ones, two objects are equal when they are of
    the same class and their fields are equal; none is hashable (``extra`` is a dict).
    """

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return _values(self) == _values(other)

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)  # type: ignore[arg-type]
        return f"{type(self).__qualname__}({shown})"


@functools.cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.compare)


def _values(record: Record) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in _names(type(record)))


def same_objects(old: tuple[Any, ...], new: tuple[Any, ...]) -> bool:
    """The same objects, one by one: the plan is immutable and an edit makes new objects only
    along the path it changes, so parts that are the same objects hold the same values."""
    return len(old) == len(new) and all(a is b for a, b in zip(old, new, strict=True))


@dataclass(frozen=True, eq=False, repr=False)
class Basics(Record):
    """Who the plan is for, who wrote it, and the months it covers."""

    company: str = spec("text", "Company", default="")
    title: str = spec("text", "Plan title", default="")
    prepared_by: str = spec("text", "Prepared by", default="")
    prepared_for: str = spec("text", "Prepared for", default="")
    start_month: str = spec("month", "First month", default="2027-01", help="YYYY-MM")
    horizon_months: int = spec("int", "Horizon", unit="months", minimum=1, maximum=60, default=12)
    currency: str = spec("text", "Currency", default="USD")
    # plan model v3: a key of the benchmark library ("" none), for the ranges beside each assumption
    industry: str = spec("choice", "Industry", choices=vocab.INDUSTRIES, optional=True, default="")
    extra: dict[str, Any] = extra_field()


@dataclass(frozen=True, eq=False, repr=False)
class Challenges(Record):
    """How much each lead-development challenge applies, 0 (not at all) to 3 (very much)."""

    reps_lack_time: int = spec("int", vocab.CHALLENGES["reps_lack_time"], minimum=0, maximum=3, default=0)
    reps_weak_at_prospecting: int = spec(
        "int", vocab.CHALLENGES["reps_weak_at_prospecting"], minimum=0, maximum=3, default=0
    )
    prospects_not_interested: int = spec(
        "int", vocab.CHALLENGES["prospects_not_interested"], minimum=0, maximum=3, default=0
    )
    inaccurate_lists: int = spec("int", vocab.CHALLENGES["inaccurate_lists"], minimum=0, maximum=3, default=0)
    poor_marketing: int = spec("int", vocab.CHALLENGES["poor_marketing"], minimum=0, maximum=3, default=0)
    extra: dict[str, Any] = extra_field()


@dataclass(frozen=True, eq=False, repr=False)
class Diagnosis(Record):
    """How leads are developed today: the challenges, who does it, what marketing runs."""

    challenges: Challenges = spec("object", "Challenges", default_factory=Challenges)
    lead_owner_today: str = spec(
        "choice", "Who develops leads today", choices=vocab.LEAD_OWNERS_TODAY, default="field_reps"
    )
    marketing_activities: tuple[str, ...] = spec(
        "choices", "Marketing activities", choices=vocab.MARKETING_ACTIVITIES, default=()
    )
    notes: str = spec("text", "Notes", default="")
    extra: dict[str, Any] = extra_field()


SEASONALITY_FLAT: tuple[int, ...] = (1,) * 12


@dataclass(frozen=True, eq=False, repr=False)
class Targets(Record):
    """The revenue goal and the funnel rates that turn it into sales-ready leads needed."""

    revenue_goal: float = spec("money", "New-logo revenue goal", required=True, default=0)
    pipeline_revenue: float = spec("money", "Revenue expected from the current pipeline", default=0)
    deal_size: float = spec("money", "Average deal size", required=True, positive=True, default=1)
    win_rate: float = spec("rate", "Win rate", default=defaults.value("targets.win_rate"))
    sales_cycle_months: int = spec(
        "int",
        "Sales cycle",
        unit="months",
        minimum=0,
        default=defaults.value("targets.sales_cycle_months"),
    )
    lead_to_mql: float = spec("rate", "Raw lead to qualified lead", default=defaults.value("targets.lead_to_mql"))
    mql_to_srl: float = spec("rate", "Qualified lead to sales-ready lead", default=defaults.value("targets.mql_to_srl"))
    srl_to_opportunity: float = spec(
        "rate", "Sales-ready lead to opportunity", default=defaults.value("targets.srl_to_opportunity")
    )
    gross_margin: float = spec("rate", "Gross margin", default=defaults.value("targets.gross_margin"))
    seasonality: tuple[float, ...] = spec("weights", "Seasonality", default=SEASONALITY_FLAT)
    # plan model v3: the ramp of an inside rep hired to close the gap (not the seated team's)
    new_hire_ramp_months: int = spec(
        "int",
        "New hire's ramp",
        unit="months",
        minimum=0,
        maximum=24,
        default=defaults.value("targets.new_hire_ramp_months"),
    )
    extra: dict[str, Any] = extra_field()


@dataclass(frozen=True, eq=False, repr=False)
class Activity(Record):
    """The activity calculator behind a resource's output (optional)."""

    working_days: float = spec("count", "Working days a month", default=defaults.value("activity.working_days"))
    dials_per_day: float = spec("count", "Dials a day", default=defaults.value("activity.dials_per_day"))
    connect_rate: float = spec("rate", "Connect rate", default=defaults.value("activity.connect_rate"))
    conversation_to_srl: float = spec(
        "rate", "Conversations that become sales-ready leads", default=defaults.value("activity.conversation_to_srl")
    )
    extra: dict[str, Any] = extra_field()


@dataclass(frozen=True, eq=False, repr=False)
class LaborResource(Record):
    """People who develop leads: a team of one kind, its head count, ramp, output and cost."""

    id: str = spec("text", "Id", required=True, default="")
    name: str = spec("text", "Name", default="")
    kind: str = spec("choice", "Kind", choices=vocab.LABOR_KINDS, required=True, default="inside")
    headcount: float = spec("count", "Head count", unit="people", default=1)
    start_month: int = spec("int", "Start month", minimum=1, maximum=60, default=1)
    # None means "the default for this kind", filled in by __post_init__
    ramp_months: int = spec("int", "Ramp", unit="months", minimum=0, default=None)
    srl_per_person_month: float = spec("count", "Sales-ready leads per person-month", default=None)
    cost_per_person_month: float = spec("money", "Cost per person-month", default=None)
    fee_per_srl: float = spec("money", "Fee per sales-ready lead", default=0)
    # plan model v2: the last month worked (None: the plan's last month), seats turning over
    end_month: int | None = spec("int", "End month", minimum=1, maximum=60, optional=True, default=None)
    attrition_rate: float = spec("fraction", "Attrition", unit="a year", default=defaults.value("labor.attrition_rate"))
    vacancy_months: float = spec("count", "Vacancy", unit="months", default=defaults.value("labor.vacancy_months"))
    activity: Activity | None = spec("object", "Activity calculator", optional=True, default=None)
    extra: dict[str, Any] = extra_field()

    def __post_init__(self) -> None:
        # a value left out takes the default for this kind of resource
        for name in ("ramp_months", "srl_per_person_month", "cost_per_person_month"):
            if getattr(self, name) is None and self.kind in vocab.LABOR_KINDS:
                object.__setattr__(self, name, defaults.labor_default(self.kind, name))


@dataclass(frozen=True, eq=False, repr=False)
class ScheduledSpend(Record):
    """A one-off spend of a program in one plan month (a trade show, a campaign burst)."""

    month: int = spec("int", "Month", minimum=1, maximum=60, required=True, default=1)
    budget: float = spec("money", "Budget", required=True, default=0)
    extra: dict[str, Any] = extra_field()


@dataclass(frozen=True, eq=False, repr=False)
class Channel(Record):
    """Where leads come from: a share of a resource's capacity, or a marketing program's budget."""

    name: str = spec("text", "Name", default="")
    type: str = spec("choice", "Type", choices=vocab.CHANNEL_TYPES, default="other")
    owner: str = spec("text", "Owner", default=vocab.MARKETING_OWNER)
    share: float | None = spec("share", "Share of the owner's capacity", optional=True, default=None)
    monthly_budget: float | None = spec("money", "Monthly budget", optional=True, default=None)
    cost_per_lead: float | None = spec("money", "Cost per raw lead", positive=True, optional=True, default=None)
    start_month: int = spec("int", "Start month", minimum=1, maximum=60, default=1)
    lead_to_srl: float | None = spec("rate", "Own raw lead to sales-ready lead rate", optional=True, default=None)
    # plan model v2: the last month of the monthly budget (None: the plan's last month), and
    # one-off spends that, when there are any, replace the monthly budget
    end_month: int | None = spec("int", "End month", minimum=1, maximum=60, optional=True, default=None)
    schedule: tuple[ScheduledSpend, ...] = spec("objects", "Event schedule", optional=True, default=())
    extra: dict[str, Any] = extra_field()

    @property
    def is_program(self) -> bool:
        return self.owner == vocab.MARKETING_OWNER


@dataclass(frozen=True, eq=False, repr=False)
class Metric(Record):
    """One line of the scorecard: what is measured, its target, who owns it and how often."""

    name: str = spec("text", "Name", default="")
    kind: str = spec("choice", "Kind", choices=vocab.METRIC_KINDS, default="outcome")
    target: float | None = spec("number", "Target", optional=True, default=None)
    unit: str = spec("text", "Unit", default="")
    owner: str = spec("text", "Owner", default="")
    cadence: str = spec("choice", "Cadence", choices=vocab.CADENCES, default="monthly")
    # the stable id of the generated scorecard metric this one edits ("" = the user's own
    # metric); see planner/advice/scorecard.py. Left out of the file when empty.
    key: str = spec("text", "Generated metric", optional=True, default="")
    extra: dict[str, Any] = extra_field()


@dataclass(frozen=True, eq=False, repr=False)
class Review(Record):
    """The CEO review: its cadence and the lists talked through each time."""

    cadence: str = spec("choice", "Cadence", choices=vocab.CADENCES, default="weekly")
    # the user's own notes under "actual revenue vs goal" (real numbers, actions on a gap);
    # named like the agenda item's key. Left out of the file when empty.
    revenue_vs_goal: tuple[str, ...] = spec("texts", "Actual revenue vs goal", optional=True, default=())
    big_deals: tuple[str, ...] = spec("texts", vocab.REVIEW_LISTS["big_deals"], default=())
    risks: tuple[str, ...] = spec("texts", vocab.REVIEW_LISTS["risks"], default=())
    initiatives: tuple[str, ...] = spec("texts", vocab.REVIEW_LISTS["initiatives"], default=())
    issues: tuple[str, ...] = spec("texts", vocab.REVIEW_LISTS["issues"], default=())
    extra: dict[str, Any] = extra_field()


@dataclass(frozen=True, eq=False, repr=False)
class Actual(Record):
    """What really happened in one plan month; a figure left out (None) was not reported."""

    month: int = spec("int", "Month", minimum=1, maximum=60, required=True, default=1)
    sales_ready_leads: float | None = spec("count", "Actual sales-ready leads", optional=True, default=None)
    opportunities: float | None = spec("count", "Actual opportunities", optional=True, default=None)
    wins: float | None = spec("count", "Actual wins", optional=True, default=None)
    revenue: float | None = spec("money", "Actual revenue", optional=True, default=None)
    cost: float | None = spec("money", "Actual cost", optional=True, default=None)
    extra: dict[str, Any] = extra_field()


ACTUAL_FIGURES = ("sales_ready_leads", "opportunities", "wins", "revenue", "cost")


@dataclass(frozen=True, eq=False, repr=False)
class Scenario(Record):
    """A what-if: the plan with some inputs overridden (``win_rate``, ``labor.<id>.<field>``...)."""

    name: str = spec("text", "Name", default="")
    overrides: dict[str, float] = spec("overrides", "Overrides", default_factory=dict)
    extra: dict[str, Any] = extra_field()


@dataclass(frozen=True, eq=False, repr=False)
class Plan(Record):
    """The whole above-the-funnel plan, as held in a ``.leadplan`` file."""

    basics: Basics = spec("object", "Basics", default_factory=Basics)
    diagnosis: Diagnosis = spec("object", "Diagnosis", default_factory=Diagnosis)
    targets: Targets = spec("object", "Targets", required=True, default_factory=Targets)
    labor: tuple[LaborResource, ...] = spec("objects", "Labor model", default=())
    channels: tuple[Channel, ...] = spec("objects", "Channels", default=())
    metrics: tuple[Metric, ...] = spec("objects", "Metrics", default=())
    review: Review = spec("object", "CEO review", default_factory=Review)
    scenarios: tuple[Scenario, ...] = spec("objects", "Scenarios", default=())
    actuals: tuple[Actual, ...] = spec("objects", "Actuals", optional=True, default=())
    extra: dict[str, Any] = extra_field()

    @property
    def horizon(self) -> int:
        return self.basics.horizon_months

    # worked out once for each plan (an edit makes a new one): override names are looked up by
    # them, and a plan of 10,000 channels must not scan its channels for each name
    @functools.cached_property
    def labor_ids(self) -> frozenset[str]:
        return frozenset(resource.id for resource in self.labor)

    @functools.cached_property
    def channel_names(self) -> frozenset[str]:
        return frozenset(channel.name for channel in self.channels)


# the class of the items of each list of objects, and of each nested object
ITEM_TYPES: dict[tuple[type, str], type] = {
    (Plan, "basics"): Basics,
    (Plan, "diagnosis"): Diagnosis,
    (Plan, "targets"): Targets,
    (Plan, "labor"): LaborResource,
    (Plan, "channels"): Channel,
    (Plan, "metrics"): Metric,
    (Plan, "review"): Review,
    (Plan, "scenarios"): Scenario,
    (Plan, "actuals"): Actual,
    (Channel, "schedule"): ScheduledSpend,
    (Diagnosis, "challenges"): Challenges,
    (LaborResource, "activity"): Activity,
}
