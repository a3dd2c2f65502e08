"""Which edits change the figures, which change only a name the figures repeat, which are notes."""

from __future__ import annotations

import dataclasses

import pytest

from planner.numbers.engine import compute
from planner.plan.edits import NAME, NUMBERS, TEXT, changes_one_value, edit_kind, is_result_text
from planner.plan.model import Scenario
from planner.plan.paths import set_value
from planner.plan.sample import sample_plan


@pytest.mark.parametrize("path", ["targets.win_rate", "labor[0].headcount", "basics.start_month", "channels"])
def test_a_rate_a_head_count_a_month_or_a_list_of_channels_changes_the_figures(path: str) -> None:
    assert edit_kind(sample_plan(), path) == NUMBERS


@pytest.mark.parametrize("path", ["labor[0].id", "channels[0].owner", "basics.currency"])
def test_the_text_the_engine_reads_changes_the_figures(path: str) -> None:
    # channels name their owner by the resource's id; the result is shown in the currency
    assert edit_kind(sample_plan(), path) == NUMBERS


@pytest.mark.parametrize("path", ["labor[0].name", "channels[0].name", "scenarios[0].name"])
def test_renaming_a_resource_a_channel_or_a_scenario_changes_only_a_name_the_figures_repeat(path: str) -> None:
    assert edit_kind(sample_plan(), path) == NAME
    assert is_result_text(path)


@pytest.mark.parametrize("path", ["basics.company", "diagnosis.notes", "review.risks", "review.risks[0]"])
def test_a_company_name_a_note_or_a_review_item_is_only_text(path: str) -> None:
    assert edit_kind(sample_plan(), path) == TEXT
    assert not is_result_text(path)


def test_a_channels_name_changes_the_figures_while_a_scenario_overrides_a_channel_by_name() -> None:
    plan = sample_plan()
    name = plan.channels[0].name
    by_name = Scenario(name="More calls", overrides={f"channels.{name}.leads_per_month": 100})
    plan = dataclasses.replace(plan, scenarios=(*plan.scenarios, by_name))
    assert edit_kind(plan, "channels[0].name") == NUMBERS
    assert edit_kind(plan, "labor[0].name") == NAME  # a resource's name is not how scenarios name it


@pytest.mark.parametrize("path", ["not a path", "basics.no_such_field"])
def test_a_path_the_plan_does_not_have_counts_as_changing_the_figures(path: str) -> None:
    assert edit_kind(sample_plan(), path) == NUMBERS  # recomputing is never wrong


@pytest.mark.parametrize(
    ("path", "value"),
    [("basics.company", "Acme Bolts"), ("diagnosis.notes", "Call Dana first."), ("review.risks", ("A big churn",))],
)
def test_an_edit_said_to_be_only_text_leaves_every_figure_as_it_was(path: str, value: object) -> None:
    plan = sample_plan()
    assert edit_kind(plan, path) == TEXT
    assert compute(set_value(plan, path, value)) == compute(plan)


def test_a_rate_a_choice_or_the_seasonality_is_one_value_and_a_list_of_items_is_not() -> None:
    assert changes_one_value("targets.win_rate")
    assert changes_one_value("channels[0].type")
    assert changes_one_value("targets.seasonality")
    assert not changes_one_value("channels")
    assert not changes_one_value("channels[0].schedule")
    assert not changes_one_value("basics.company")
