"""Plans for the export tests, written as file data so each test shows its inputs."""

from __future__ import annotations

from planner.plan.model import Plan
from tests.planner.plans import make_plan

# Nov 1, Dec 4, Jan 2, Feb 1, Mar 1, Apr 1 over a six-month plan from Nov 2027
WEIGHTS = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4]


def rich_plan() -> Plan:
    """Seasonality, a sales cycle that wraps, a ramp, a fee, a mid-plan program with its own rate."""
    return make_plan(
        {
            "revenue_goal": 900_000,
            "pipeline_revenue": 100_000,
            "deal_size": 20_000,
            "win_rate": 0.25,
            "sales_cycle_months": 2,
            "lead_to_mql": 0.2,
            "mql_to_srl": 0.5,
            "srl_to_opportunity": 0.5,
            "gross_margin": 0.4,
            "seasonality": WEIGHTS,
        },
        basics={"start_month": "2027-11", "horizon_months": 6, "currency": "EUR"},
        labor=[
            {
                "id": "agency",
                "name": "Agency team",
                "kind": "outsourced",
                "headcount": 2,
                "start_month": 2,
                "ramp_months": 2,
                "srl_per_person_month": 10,
                "cost_per_person_month": 6000,
                "fee_per_srl": 50,
            },
            {
                "id": "ldr",
                "name": "Inside reps",
                "kind": "inside",
                "headcount": 1,
                "start_month": 1,
                "ramp_months": 0,
                "srl_per_person_month": 12,
                "cost_per_person_month": 8000,
                "fee_per_srl": 0,
            },
        ],
        channels=[
            {"name": "Calls", "type": "outbound_phone", "owner": "agency", "share": 0.6},
            {
                "name": "Webinars",
                "type": "content",
                "owner": "marketing",
                "monthly_budget": 3000,
                "cost_per_lead": 100,
                "start_month": 4,
                "lead_to_srl": 0.1,
            },
            {
                "name": "Ads",
                "type": "paid_ads",
                "owner": "marketing",
                "monthly_budget": 2000,
                "cost_per_lead": 50,
                "start_month": 1,
            },
        ],
        scenarios=[
            {"name": "More agency", "overrides": {"win_rate": 0.3, "labor.agency.headcount": 3}},
            {"name": "Webinars x2", "overrides": {"channels.Webinars.monthly_budget": 6000, "lead_to_mql": 0.3}},
            {
                "name": "Late reps",
                "overrides": {
                    "labor.ldr.ramp_months": 3,
                    "labor.ldr.start_month": 2,
                    "channels.Ads.lead_to_srl": 0.2,
                    "deal_size": 25_000,
                },
            },
        ],
    )


def covered_plan() -> Plan:
    """The pipeline already covers the goal (N = 0) and nothing supplies leads: divisions by zero."""
    return make_plan({"revenue_goal": 500_000, "pipeline_revenue": 800_000})


def timed_plan() -> Plan:
    """Plan model v2: a team that leaves early and turns over, a program that stops, trade shows by schedule."""
    return make_plan(
        {
            "revenue_goal": 2_000_000,
            "pipeline_revenue": 300_000,
            "deal_size": 25_000,
            "win_rate": 0.3,
            "sales_cycle_months": 2,
            "lead_to_mql": 0.3,
            "mql_to_srl": 0.5,
            "srl_to_opportunity": 0.5,
            "gross_margin": 0.5,
        },
        basics={"start_month": "2027-04", "horizon_months": 9, "currency": "USD"},
        labor=[
            {
                "id": "ldr",
                "name": "Inside reps",
                "kind": "inside",
                "headcount": 3,
                "start_month": 1,
                "end_month": 7,
                "ramp_months": 2,
                "srl_per_person_month": 10,
                "cost_per_person_month": 7000,
                "attrition_rate": 0.3,
                "vacancy_months": 2,
            }
        ],
        channels=[
            {"name": "Calls", "type": "outbound_phone", "owner": "ldr", "share": 0.8},
            {
                "name": "Ads",
                "type": "paid_ads",
                "owner": "marketing",
                "monthly_budget": 4000,
                "cost_per_lead": 80,
                "start_month": 2,
                "end_month": 5,
            },
            {
                "name": "Trade shows",
                "type": "events",
                "owner": "marketing",
                "cost_per_lead": 150,
                "schedule": [
                    {"month": 3, "budget": 15000},
                    {"month": 8, "budget": 24000},
                    {"month": 3, "budget": 3000},
                ],
            },
        ],
        scenarios=[
            {"name": "Stay longer", "overrides": {"labor.ldr.end_month": 9, "labor.ldr.attrition_rate": 0.1}},
            {"name": "Ads all year", "overrides": {"channels.Ads.end_month": 9, "channels.Ads.monthly_budget": 5000}},
            {"name": "Slow hires", "overrides": {"labor.ldr.vacancy_months": 4, "labor.ldr.ramp_months": 4}},
        ],
    )
