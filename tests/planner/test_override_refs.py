"""Scenario overrides follow the resource or channel they point at through renames and removals."""

from __future__ import annotations

import dataclasses

from planner.plan.model import Plan, Scenario
from planner.plan.override_refs import pointing_at, renamed, without


def with_overrides(sample: Plan, overrides: dict[str, float]) -> Plan:
    return dataclasses.replace(sample, scenarios=(Scenario(name="Stretch", overrides=overrides),))


def test_renaming_a_resource_id_renames_its_overrides_only(sample: Plan) -> None:
    plan = with_overrides(sample, {"labor.ldr.headcount": 3, "labor.ldrx.headcount": 1, "win_rate": 0.3})
    [scenario] = renamed(plan, "labor", "ldr", "inside", ())
    assert scenario.overrides == {"labor.inside.headcount": 3, "labor.ldrx.headcount": 1, "win_rate": 0.3}


def test_a_channel_name_with_dots_is_renamed_whole(sample: Plan) -> None:
    plan = with_overrides(sample, {"channels.Web 2.0 ads.cost_per_lead": 50})
    [scenario] = renamed(plan, "channels", "Web 2.0 ads", "Web ads", ())
    assert scenario.overrides == {"channels.Web ads.cost_per_lead": 50}


def test_a_name_another_channel_still_carries_keeps_its_overrides(sample: Plan) -> None:
    plan = with_overrides(sample, {"channels.Trade shows.monthly_budget": 9000})
    assert renamed(plan, "channels", "Trade shows", "Expos", sample.channels) is plan.scenarios
    assert without(plan, "channels", {"Trade shows"}, sample.channels) is plan.scenarios


def test_removing_a_row_removes_only_its_overrides(sample: Plan) -> None:
    plan = with_overrides(sample, {"channels.Trade shows.monthly_budget": 9000, "labor.ldr.headcount": 3})
    assert pointing_at(plan, "channels", {"Trade shows"}) == [("Stretch", "channels.Trade shows.monthly_budget")]
    [scenario] = without(plan, "channels", {"Trade shows"}, sample.channels[:1])
    assert scenario.overrides == {"labor.ldr.headcount": 3}
