"""The large and huge plans the benchmarks use, generated (not committed as big files).

large: 36 months, 20 resources, 40 channels, 5 scenarios.
huge: 60 months, 100 resources, 200 channels, 20 scenarios.
wide: 36 months, 200 resources, 10,000 channels (400 people-driven, the rest programs), 5 scenarios.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planner.plan import vocab
from planner.plan.model import Plan
from planner.plan.plan_file import plan_from_file_data

KINDS = tuple(vocab.LABOR_KINDS)
PROGRAM_TYPES = ("events", "paid_ads", "content", "website", "purchased_lists")
PEOPLE_TYPES = ("outbound_phone", "email", "social", "referrals")


def plan_data(months: int, resources: int, channels: int, scenarios: int, people: int | None = None) -> dict[str, Any]:
    labor = [
        {
            "id": f"r{i}",
            "name": f"Team {i + 1}",
            "kind": KINDS[i % 3],
            "headcount": 1 + i % 4,
            "start_month": 1 + i % min(months, 6),
            "ramp_months": i % 4,
            "srl_per_person_month": 6 + i % 9,
            "cost_per_person_month": 5000 + 250 * (i % 8),
            "fee_per_srl": 40 if KINDS[i % 3] == "outsourced" else 0,
        }
        for i in range(resources)
    ]
    people = channels // 2 if people is None else people
    channel_list: list[dict[str, Any]] = []
    for i in range(people):  # two channels per resource at most, shares 40% each
        owner = labor[i % resources]["id"] if resources else "marketing"
        channel_list.append({"name": f"Outbound {i + 1}", "type": PEOPLE_TYPES[i % 4], "owner": owner, "share": 0.4})
    for i in range(channels - people):
        channel = {
            "name": f"Program {i + 1}",
            "type": PROGRAM_TYPES[i % 5],
            "owner": "marketing",
            "monthly_budget": 2000 + 500 * (i % 7),
            "cost_per_lead": 40 + 10 * (i % 9),
            "start_month": 1 + i % min(months, 12),
        }
        if i % 3 == 0:
            channel["lead_to_srl"] = 0.05
        channel_list.append(channel)
    return {
        "format": "leadplanner-plan",
        "version": 1,
        "basics": {
            "company": "Benchmark Industries",
            "title": "Large plan",
            "start_month": "2027-04",
            "horizon_months": months,
            "currency": "USD",
        },
        "targets": {
            "revenue_goal": 120_000_000,
            "pipeline_revenue": 5_000_000,
            "deal_size": 50_000,
            "win_rate": 0.22,
            "sales_cycle_months": 4,
            "lead_to_mql": 0.2,
            "mql_to_srl": 0.4,
            "srl_to_opportunity": 0.55,
            "gross_margin": 0.4,
            "seasonality": [0.8, 0.9, 1.1, 1, 1, 1.2, 0.7, 0.6, 1.1, 1.2, 1.1, 0.9],
        },
        "labor": labor,
        "channels": channel_list,
        "scenarios": [
            {
                "name": f"Scenario {i + 1}",
                "overrides": {"win_rate": 0.18 + 0.02 * (i % 6), "labor.r0.headcount": 2 + i % 3},
            }
            for i in range(scenarios)
        ],
    }


def large_data() -> dict[str, Any]:
    return plan_data(36, 20, 40, 5)


def huge_data() -> dict[str, Any]:
    return plan_data(60, 100, 200, 20)


def wide_data() -> dict[str, Any]:
    return plan_data(36, 200, 10_000, 5, people=400)


def as_plan(data: dict[str, Any]) -> Plan:
    loaded = plan_from_file_data(data)
    assert not loaded.problems, loaded.problems
    return loaded.plan


def large_plan() -> Plan:
    return as_plan(large_data())


def huge_plan() -> Plan:
    return as_plan(huge_data())


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path
