"""Small plans for tests, written as file data so each test shows its inputs."""

from __future__ import annotations

from typing import Any

from planner.plan.model import Plan
from planner.plan.plan_file import plan_from_file_data


def plan_data(targets: dict[str, Any] | None = None, **sections: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "leadplanner-plan",
        "version": 1,
        "basics": {"start_month": "2027-01", "horizon_months": 12},
        "targets": {
            "revenue_goal": 1_000_000,
            "deal_size": 10_000,
            "win_rate": 0.5,
            "srl_to_opportunity": 0.5,
            "lead_to_mql": 0.5,
            "mql_to_srl": 0.5,
            "sales_cycle_months": 0,
            **(targets or {}),
        },
    }
    for name, value in sections.items():
        if name == "basics":
            data["basics"] = {**data["basics"], **value}
        else:
            data[name] = value
    return data


def make_plan(targets: dict[str, Any] | None = None, **sections: Any) -> Plan:
    loaded = plan_from_file_data(plan_data(targets, **sections))
    assert not loaded.problems, loaded.problems
    return loaded.plan
