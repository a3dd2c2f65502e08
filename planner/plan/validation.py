"""Checks that look at more than one field: owners, shares, months inside the horizon."""

from __future__ import annotations

from collections import defaultdict

from planner.numbers.scenarios import check_overrides
from planner.plan import vocab
from planner.plan.checks import Problem
from planner.plan.model import Channel, Plan, same_objects
from planner.plan.months import plan_month_weights

SHARE_TOLERANCE = 1e-9


def validation_inputs(plan: Plan) -> tuple[object, ...]:
    """Every part of the plan ``validate`` reads: a plan whose parts are these same objects
    (``same_objects``) has the same problems."""
    return (plan.basics, plan.labor, plan.channels, plan.targets.seasonality, plan.actuals, plan.scenarios)


class Validated:
    """``validate`` of the last plan asked, kept while its inputs are the same objects (the health
    panel asks on every edit, 60 us on the large plan; a new win rate leaves them as they were)."""

    def __init__(self) -> None:
        self.inputs: tuple[object, ...] = ()
        self.problems: list[Problem] = []

    def __call__(self, plan: Plan) -> list[Problem]:
        inputs = validation_inputs(plan)
        if not same_objects(inputs, self.inputs):
            self.inputs, self.problems = inputs, validate(plan)
        return self.problems


def validate(plan: Plan) -> list[Problem]:
    """Every cross-field problem of the plan, in file order (it reads ``validation_inputs`` only)."""
    problems: list[Problem] = []
    horizon = plan.horizon
    ids: set[str] = set()
    for i, resource in enumerate(plan.labor):
        where = f"labor[{i}]"
        if not resource.id.strip():
            problems.append(Problem(f"{where}.id", "Each labor resource needs an id"))
        elif resource.id == vocab.MARKETING_OWNER:
            problems.append(Problem(f"{where}.id", "“marketing” is reserved for program channels; pick another id"))
        elif resource.id in ids:
            problems.append(Problem(f"{where}.id", f"The id “{resource.id}” is used by two resources"))
        ids.add(resource.id)
        if resource.start_month > horizon:
            problems.append(
                Problem(f"{where}.start_month", _outside(resource.name or resource.id, resource.start_month, horizon))
            )
        problems += _end_before_start(where, resource.name or resource.id, resource.start_month, resource.end_month)

    shares: dict[str, float] = defaultdict(float)
    for i, channel in enumerate(plan.channels):
        where = f"channels[{i}]"
        name = channel.name or f"channel {i + 1}"
        if channel.start_month > horizon:
            problems.append(Problem(f"{where}.start_month", _outside(name, channel.start_month, horizon)))
        if channel.is_program:
            problems += _end_before_start(where, name, channel.start_month, channel.end_month)
            problems += _schedule_problems(where, name, channel, horizon)
            if channel.monthly_budget is None and not channel.schedule:
                problems.append(
                    Problem(
                        f"{where}.monthly_budget",
                        f"The program channel “{name}” needs a monthly budget or a schedule of spends",
                    )
                )
            if channel.cost_per_lead is None:
                problems.append(
                    Problem(f"{where}.cost_per_lead", f"The program channel “{name}” needs a cost per raw lead")
                )
        elif channel.owner not in ids:
            problems.append(
                Problem(
                    f"{where}.owner",
                    f"The owner of “{name}” must be a labor resource's id or “marketing”; found “{channel.owner}”",
                )
            )
        elif channel.share is None:
            problems.append(Problem(f"{where}.share", f"“{name}” needs a share of its owner's capacity"))
        else:
            shares[channel.owner] += channel.share

    for resource_id, total in shares.items():
        if total > 1 + SHARE_TOLERANCE:
            resource = next(r for r in plan.labor if r.id == resource_id)
            index = plan.labor.index(resource)
            problems.append(
                Problem(
                    f"labor[{index}]",
                    f"Channel shares of {resource.name or resource.id} add to {total * 100:.0f}%; they may not exceed 100%",
                )
            )

    if sum(plan_month_weights(plan)) <= 0:
        problems.append(
            Problem(
                "targets.seasonality",
                "The seasonality weights of the plan's months add to 0; give at least one month a weight",
            )
        )

    problems += _actuals_problems(plan)

    names: set[str] = set()
    for i, scenario in enumerate(plan.scenarios):
        if scenario.name in names:
            problems.append(Problem(f"scenarios[{i}].name", f"Two scenarios are called “{scenario.name}”"))
        names.add(scenario.name)
        problems += check_overrides(plan, scenario.overrides, f"scenarios[{i}].overrides")
    return problems


def _end_before_start(where: str, name: str, start: int, end: int | None) -> list[Problem]:
    if end is None or end >= start:
        return []
    return [Problem(f"{where}.end_month", f"“{name}” ends in month {end}, before it starts (month {start})")]


def _schedule_problems(where: str, name: str, channel: Channel, horizon: int) -> list[Problem]:
    return [
        Problem(
            f"{where}.schedule[{i}].month",
            f"A spend of “{name}” is in month {spend.month}, after the plan's last month ({horizon})",
        )
        for i, spend in enumerate(channel.schedule)
        if spend.month > horizon
    ]


def _actuals_problems(plan: Plan) -> list[Problem]:
    problems = []
    seen: set[int] = set()
    for i, actual in enumerate(plan.actuals):
        where = f"actuals[{i}].month"
        if actual.month > plan.horizon:
            problems.append(
                Problem(where, f"Actuals for month {actual.month} are after the plan's last month ({plan.horizon})")
            )
        elif actual.month in seen:
            problems.append(Problem(where, f"Month {actual.month} has two entries of actuals; keep one"))
        seen.add(actual.month)
    return problems


def _outside(name: str, month: int, horizon: int) -> str:
    return f"“{name}” starts in month {month}, after the plan's last month ({horizon})"
