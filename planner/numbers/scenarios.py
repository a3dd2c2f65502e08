"""Scenarios: named overrides of the base plan's targets, rates, head counts and budgets.

An override is named like this:
- a target: ``win_rate``, ``deal_size``, ``sales_cycle_months``, ... (any number of ``targets``);
- a labor resource's field: ``labor.<id>.headcount`` (also ``srl_per_person_month``,
  ``cost_per_person_month``, ``fee_per_srl``, ``start_month``, ``ramp_months``, ``end_month``,
  ``attrition_rate``, ``vacancy_months``);
- a channel's field, by channel name: ``channels.<name>.monthly_budget`` (also
  ``cost_per_lead``, ``share``, ``lead_to_srl``, ``start_month``, ``end_month``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from planner.plan.checks import Problem, check_value
from planner.plan.model import Channel, LaborResource, Plan, Spec, Targets
from planner.plan.serialize import specs

TARGET_FIELDS: dict[str, Spec] = {n: s for n, s in specs(Targets) if s.kind != "weights"}
LABOR_FIELDS: dict[str, Spec] = {
    n: s
    for n, s in specs(LaborResource)
    if n
    in (
        "headcount",
        "srl_per_person_month",
        "cost_per_person_month",
        "fee_per_srl",
        "start_month",
        "ramp_months",
        "end_month",
        "attrition_rate",
        "vacancy_months",
    )
}
CHANNEL_FIELDS: dict[str, Spec] = {
    n: s
    for n, s in specs(Channel)
    if n in ("monthly_budget", "cost_per_lead", "share", "lead_to_srl", "start_month", "end_month")
}


def override_spec(plan: Plan, name: str) -> Spec | None:
    """The spec of the field an override name points at (None if it points nowhere)."""
    if name in TARGET_FIELDS:
        return TARGET_FIELDS[name]
    section, _, rest = name.partition(".")
    key, _, field = rest.rpartition(".")
    if section == "labor" and field in LABOR_FIELDS and key in plan.labor_ids:
        return LABOR_FIELDS[field]
    if section == "channels" and field in CHANNEL_FIELDS and key in plan.channel_names:
        return CHANNEL_FIELDS[field]
    return None


def override_names(plan: Plan) -> list[str]:
    """Every name a scenario of this plan may override, in the order the app lists them."""
    names = list(TARGET_FIELDS)
    names += [f"labor.{r.id}.{f}" for r in plan.labor for f in LABOR_FIELDS]
    names += [f"channels.{c.name}.{f}" for c in plan.channels for f in CHANNEL_FIELDS]
    return names


def check_overrides(plan: Plan, overrides: dict[str, Any], path: str) -> list[Problem]:
    problems = []
    for name, value in overrides.items():
        spec = override_spec(plan, name)
        if spec is None:
            problems.append(
                Problem(
                    f"{path}.{name}", f"“{name}” is not a target, a resource's field or a channel's field of this plan"
                )
            )
            continue
        message = check_value(spec, value)
        if message:
            problems.append(Problem(f"{path}.{name}", f"{spec.label} {message}"))
    return problems


def apply_overrides(plan: Plan, overrides: dict[str, float]) -> Plan:
    """The plan with the overrides applied (names that point nowhere are ignored)."""
    targets = {n: v for n, v in overrides.items() if n in TARGET_FIELDS}
    labor = plan.labor
    channels = plan.channels
    for name, value in overrides.items():
        section, _, rest = name.partition(".")
        key, _, field = rest.rpartition(".")
        if section == "labor" and field in LABOR_FIELDS:
            value = _typed(LABOR_FIELDS[field], value)
            labor = tuple(dataclasses.replace(r, **{field: value}) if r.id == key else r for r in labor)
        elif section == "channels" and field in CHANNEL_FIELDS:
            value = _typed(CHANNEL_FIELDS[field], value)
            channels = tuple(dataclasses.replace(c, **{field: value}) if c.name == key else c for c in channels)
    return dataclasses.replace(
        plan,
        targets=dataclasses.replace(plan.targets, **{n: _typed(TARGET_FIELDS[n], v) for n, v in targets.items()}),
        labor=labor,
        channels=channels,
    )


def _typed(spec: Spec, value: float) -> float:
    """A month or a count of months stays a whole number (a slider may give 2.0)."""
    return int(value) if spec.kind == "int" else value
