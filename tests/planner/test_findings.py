"""Findings: each rule with answers that trigger it and answers that must not."""

from __future__ import annotations

from typing import Any

from planner.advice.findings import RULES, Finding, findings
from planner.numbers.engine import compute
from planner.plan.model import Plan
from tests.planner.plans import make_plan

# The test plans need S = 1,000,000 / 10,000 / 0.5 / 0.5 = 400 sales-ready leads in 12 months.
# One inside rep at 50 a month from month 1 without ramp supplies 600: full coverage.
FULL_SUPPLY = {
    "id": "ldr",
    "name": "Inside reps",
    "kind": "inside",
    "headcount": 1,
    "start_month": 1,
    "ramp_months": 0,
    "srl_per_person_month": 50,
    "cost_per_person_month": 6000,
}


def diagnosed(
    challenges: dict[str, int] | None = None,
    owner: str = "field_reps",
    activities: tuple[str, ...] = (),
    labor: tuple[dict[str, Any], ...] = (FULL_SUPPLY,),
    channels: tuple[dict[str, Any], ...] = (),
) -> Plan:
    diagnosis = {
        "challenges": challenges or {},
        "lead_owner_today": owner,
        "marketing_activities": list(activities),
    }
    return make_plan(diagnosis=diagnosis, labor=list(labor), channels=list(channels))


def found(plan: Plan) -> dict[str, Finding]:
    return {f.key: f for f in findings(plan, compute(plan))}


def test_a_blank_diagnosis_with_full_coverage_gives_no_findings() -> None:
    assert findings(diagnosed(), compute(diagnosed())) == ()


def test_every_rule_has_its_own_key_and_the_seeds_reason() -> None:
    keys = [rule.key for rule in RULES]
    assert len(keys) == len(set(keys))
    assert all(rule.why for rule in RULES)


def test_nobody_owning_lead_development_is_critical() -> None:
    finding = found(diagnosed(owner="nobody"))["nobody_owns_lead_development"]
    assert finding.severity == 3
    assert "No strategy. No plan. No leads." in finding.why
    assert finding.trigger == "Who develops leads today: Nobody owns it"
    assert "nobody_owns_lead_development" not in found(diagnosed(owner="inside_team"))


def test_field_reps_without_time_are_told_to_hire_dedicated_lead_developers() -> None:
    # Field reps only: 10 people x 2 a month x 12 months = 240 of the 400 needed, 160 short (no cycle:
    # every month is in time). A new inside rep (q 12, ramp 3) from January makes 12 x (0.25 + 0.5 +
    # 0.75 + 9) = 126 -> ceil(160 / 126) = 2; from April 2 x 12 x (1.5 + 6) = 180 >= 159.5, from May
    # 2 x 78 = 156 does not: hired to start by April.
    field = {
        "id": "reps",
        "name": "Field reps",
        "kind": "field",
        "headcount": 10,
        "start_month": 1,
        "srl_per_person_month": 2,
    }
    plan = diagnosed({"reps_lack_time": 2}, labor=(field,))
    finding = found(plan)["dedicated_lead_development"]
    assert finding.severity == 3
    assert "2 more inside reps hired to start by Apr 2027 would close this year's gap of 160 sales-ready leads" in (
        finding.recommendation
    )
    assert "outsourced" in finding.recommendation
    assert finding.trigger == (
        "Who develops leads today: Field reps develop their own leads; Reps don't have or make time: 2 (serious)"
    )


def test_when_no_hire_closes_the_year_the_advice_says_so_never_0_reps() -> None:
    # a 12-month cycle on a 12-month plan: no lead created in it closes inside it, so the engine's
    # inside reps are null
    field = {"id": "reps", "kind": "field", "headcount": 10, "start_month": 1, "srl_per_person_month": 2}
    plan = make_plan(
        {"sales_cycle_months": 12},
        diagnosis={"challenges": {"reps_lack_time": 2}, "lead_owner_today": "field_reps"},
        labor=[field],
    )
    assert compute(plan).gap.inside_reps_to_close_gap is None
    recommendation = found(plan)["dedicated_lead_development"].recommendation
    assert "no hire made now closes this year's gap" in recommendation
    assert "0 more" not in recommendation and "n/a" not in recommendation


def test_field_reps_weak_at_prospecting_also_trigger_the_labor_model_advice() -> None:
    finding = found(diagnosed({"reps_weak_at_prospecting": 3}))["dedicated_lead_development"]
    assert "Reps are not good at prospecting: 3 (critical)" in finding.trigger
    # the plan covers its leads already, so no reps are needed to close a gap
    assert "take over the field reps' share" in finding.recommendation


def test_minor_rep_problems_or_another_lead_owner_do_not_trigger_the_labor_model_advice() -> None:
    minor = diagnosed({"reps_lack_time": 1, "reps_weak_at_prospecting": 1})
    inside = diagnosed({"reps_lack_time": 3}, owner="inside_team")
    assert "dedicated_lead_development" not in found(minor)
    assert "dedicated_lead_development" not in found(inside)


def test_a_plan_supplied_mostly_by_field_reps_is_flagged() -> None:
    # field reps: 10 x 2 x 12 = 240 of 240 supplied (100%)
    field = {
        "id": "reps",
        "kind": "field",
        "headcount": 10,
        "start_month": 1,
        "srl_per_person_month": 2,
    }
    finding = found(diagnosed(labor=(field,)))["plan_relies_on_field_reps"]
    assert finding.trigger == "Share of supplied sales-ready leads from field reps: 100%"
    # half and half (240 field, 240 inside at 20 a month) is not "mostly"
    inside = {**FULL_SUPPLY, "srl_per_person_month": 20}
    assert "plan_relies_on_field_reps" not in found(diagnosed(labor=(field, inside)))


def test_old_rules_marketing_and_poor_marketing_shift_budget_to_lead_programs() -> None:
    plan = diagnosed({"poor_marketing": 2}, activities=("brand_refresh", "seo", "brochures"))
    finding = found(plan)["old_rules_marketing"]
    assert "Brand refresh, Website SEO, Brochures" in finding.finding
    assert "sales-ready leads" in finding.recommendation
    assert "Poor marketing: 2 (serious)" in finding.trigger
    assert "measure_marketing_in_leads" not in found(plan)


def test_old_rules_marketing_that_nobody_calls_poor_is_not_flagged() -> None:
    plan = diagnosed({"poor_marketing": 1}, activities=("brand_refresh", "seo", "brochures"))
    assert "old_rules_marketing" not in found(plan)


def test_mostly_lead_focused_marketing_called_poor_gets_the_review_together_advice() -> None:
    activities = ("brand_refresh", "lead_nurturing", "webinars")
    keys = found(diagnosed({"poor_marketing": 3}, activities=activities))
    assert "old_rules_marketing" not in keys
    assert "a quarter have good potential" in keys["measure_marketing_in_leads"].why


def test_marketing_owning_leads_without_lead_focused_activities_is_flagged() -> None:
    assert "marketing_owns_without_lead_programs" in found(diagnosed(owner="marketing", activities=("seo",)))
    assert "marketing_owns_without_lead_programs" not in found(diagnosed(owner="marketing", activities=("webinars",)))


def test_inaccurate_lists_call_for_cleansing_before_outbound() -> None:
    channels = ({"name": "Cold calls", "type": "outbound_phone", "owner": "ldr", "share": 1},)
    finding = found(diagnosed({"inaccurate_lists": 2}, channels=channels))["cleanse_lists"]
    assert "before outbound work starts (Cold calls)" in finding.recommendation
    assert finding.trigger == "Lead lists and databases are inaccurate: 2 (serious)"
    assert "cleanse_lists" not in found(diagnosed({"inaccurate_lists": 1}))


def test_uninterested_prospects_call_for_message_and_offer_work() -> None:
    finding = found(diagnosed({"prospects_not_interested": 3}))["message_and_offer"]
    assert "content" in finding.recommendation
    assert "message_and_offer" not in found(diagnosed({"prospects_not_interested": 1}))


def test_the_sample_plans_gap_names_its_size_and_the_cheapest_source(sample: Plan) -> None:
    # this year (months 1-9, a 3-month cycle): 201 of 400, 199 short (50%); inside reps 165,000 / 228 =
    # $724 a lead, trade shows 72,000 / 60 = $1,200 a lead; the engine's 3 inside reps to start by
    # February close it (3 x 78 = 234 >= 198.5).
    finding = found(sample)["coverage_gap"]
    assert finding.severity == 3
    assert finding.finding == (
        "This year the plan makes 201 of the 400 sales-ready leads needed by Sep 2027: 199 short (50% coverage)."
    )
    assert "cheapest source in the plan is Inside lead development reps at $724" in (finding.recommendation)
    assert "Trade shows $1,200" in finding.recommendation
    assert "3 more inside reps hired to start by Feb 2027 would close this year's gap of 199" in finding.recommendation
    assert finding.trigger == "Coverage 50%: 201 of 400 needed by Sep 2027"


def test_a_cheap_program_is_named_as_the_way_to_close_a_small_gap() -> None:
    # inside rep: 1 x 30 x 12 = 360 leads for 12 x 9,000 = 108,000 -> $300 a lead;
    # webinars: 1,000 / 50 = 20 raw x 0.25 = 5 a month from month 9: 20 leads for $4,000 -> $200.
    # 380 of 400: 95% coverage, a warning rather than critical.
    inside = {**FULL_SUPPLY, "srl_per_person_month": 30, "cost_per_person_month": 9000}
    webinars = {
        "name": "Webinars",
        "type": "content",
        "owner": "marketing",
        "monthly_budget": 1000,
        "cost_per_lead": 50,
        "start_month": 9,
    }
    finding = found(diagnosed(labor=(inside,), channels=(webinars,)))["coverage_gap"]
    assert finding.severity == 2
    assert "cheapest source in the plan is Webinars at $200" in finding.recommendation
    assert "Inside reps $300" in finding.recommendation


def test_full_coverage_has_no_gap_finding() -> None:
    assert "coverage_gap" not in found(diagnosed())


def test_marketing_leads_without_an_agreed_sales_ready_definition_are_flagged() -> None:
    program = {
        "name": "Ads",
        "type": "paid_ads",
        "owner": "marketing",
        "monthly_budget": 1000,
        "cost_per_lead": 100,
    }
    finding = found(diagnosed(channels=(program,)))["agree_sales_ready_definition"]
    assert "a quarter have potential" in finding.why
    agreed = diagnosed(channels=(program,), activities=("sales_ready_definition",))
    assert "agree_sales_ready_definition" not in found(agreed)


def test_findings_come_most_severe_first(sample: Plan) -> None:
    severities = [f.severity for f in findings(sample, compute(sample))]
    assert severities == sorted(severities, reverse=True)
    assert len(severities) >= 4
