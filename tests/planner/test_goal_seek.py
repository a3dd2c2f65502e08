"""Goal seek: what each driver must be to close the gap, checked by hand and fed back."""

from __future__ import annotations

import pytest

from planner.engine import compute, compute_core
from planner.goal_seek import close_the_gap, sentence
from planner.model import Plan
from planner.scenarios import apply_overrides
from tests.planner.plans import make_plan


def answers_of(plan: Plan) -> dict:
    return {a.driver: a for a in close_the_gap(plan, compute(plan))}


def test_the_sample_needs_a_win_rate_of_34_8_percent(sample: Plan) -> None:
    # supply 288 is fixed; S = 2,400,000 / 40,000 / w / 0.6 <= 288  =>  w >= 100 / 288 = 34.72%, shown rounded up
    answer = answers_of(sample)["win_rate"]
    assert answer.required == pytest.approx(0.348)
    assert answer.sentence == "a win rate of 34.8%"


def test_the_sample_needs_one_more_inside_rep_from_month_2(sample: Plan) -> None:
    # one more person makes 12 x 9.5 = 114 >= 112; costs 7,500 x 11 months = 82,500
    answer = answers_of(sample)["labor.ldr.headcount"]
    assert answer.required == 3
    assert answer.extra_cost == pytest.approx(82_500)
    assert "1 more inside rep" in answer.sentence and "from month 2" in answer.sentence


def test_the_sample_needs_a_trade_show_budget_of_17200_a_month(sample: Plan) -> None:
    # each 1 a month buys 12 months / 120 x 0.1 = 0.01 sales-ready leads; 112 / 0.01 = 11,200 more
    answer = answers_of(sample)["channels.Trade shows.monthly_budget"]
    assert answer.required == pytest.approx(17_200)
    assert answer.extra_cost == pytest.approx(11_200 * 12)


def test_a_rate_that_would_have_to_exceed_100_percent_is_not_reachable(sample: Plan) -> None:
    # qualified -> sales-ready: programs give 60; 60 x r / 0.4 must reach 172 -> r = 1.147
    answer = answers_of(sample)["mql_to_srl"]
    assert not answer.reachable
    assert "115%" in answer.sentence


@pytest.mark.parametrize(
    "driver",
    ["win_rate", "srl_to_opportunity", "lead_to_mql", "labor.ldr.headcount", "channels.Trade shows.monthly_budget"],
)
def test_every_answer_fed_back_into_the_engine_closes_the_gap(sample: Plan, driver: str) -> None:
    answer = answers_of(sample)[driver]
    closed = compute_core(apply_overrides(sample, answer.overrides))
    assert closed.gap.sales_ready_leads <= 1e-6


def test_a_plan_without_a_gap_has_nothing_to_seek() -> None:
    plan = make_plan({"revenue_goal": 10, "pipeline_revenue": 100})
    assert close_the_gap(plan, compute(plan)) == ()
    assert sentence(()) == "There is no gap to close."


def test_the_sentence_lists_the_reachable_answers(sample: Plan) -> None:
    text = sentence(close_the_gap(sample, compute(sample)))
    assert text.startswith("To close the gap: ")
    assert "a win rate of 34.8%" in text
    assert "not reachable" not in text


def test_a_head_count_answer_counts_attrition_and_the_contracts_end() -> None:

    agency = {
        "id": "agency",
        "name": "Agency",
        "kind": "outsourced",
        "headcount": 1,
        "ramp_months": 0,
        "srl_per_person_month": 10,
        "cost_per_person_month": 5_000,
        "end_month": 6,
        "attrition_rate": 0.24,
        "vacancy_months": 1,
    }
    plan = make_plan(labor=[agency])
    result = compute(plan)
    # needed 400; one agency person delivers 10 x (1 - 0.02 x (1 + 0)) = 9.8 a month for 6 months = 58.8
    # -> 341.2 short: ceil(341.2 / 58.8) = 6 more; each costs 5,000 x (1 - 0.02) x 6 = 29,400
    answer = next(a for a in close_the_gap(plan, result) if a.driver == "labor.agency.headcount")
    assert answer.required == 7
    assert answer.extra_cost == pytest.approx(6 * 29_400)
