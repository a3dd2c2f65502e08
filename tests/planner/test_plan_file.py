"""The .leadplan file: exact round trips, kept unknown fields, clear refusals, atomic saves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.plan.model import Plan
from planner.plan.plan_file import (
    MAX_BYTES,
    VERSION,
    PlanFileError,
    dumps_plan,
    parse_plan,
    plan_to_file_data,
    read_plan,
    write_plan,
)
from planner.plan.sample import sample_text
from tests.planner.plans import plan_data


def test_the_sample_file_round_trips_every_field_exactly() -> None:
    original = json.loads(sample_text())
    loaded = parse_plan(sample_text())
    written = plan_to_file_data(loaded.plan)

    # every field of the original comes back with the same value (defaults may be added)
    def contains(big: object, small: object) -> bool:
        if isinstance(small, dict):
            return isinstance(big, dict) and all(k in big and contains(big[k], v) for k, v in small.items())
        if isinstance(small, list):
            return isinstance(big, list) and len(big) == len(small) and all(map(contains, big, small))
        return big == small and type(big) is type(small)

    assert contains(written, original)


def test_unknown_fields_are_kept_instead_of_dropped() -> None:
    data = plan_data(
        labor=[{"id": "ldr", "kind": "inside", "headcount": 2, "crm_user": "joe@acme"}],
        basics={"region": "EMEA"},
        dashboard={"theme": "dark"},
    )
    text = dumps_plan(parse_plan(json.dumps(data)).plan)
    again = json.loads(text)
    assert again["dashboard"] == {"theme": "dark"}
    assert again["basics"]["region"] == "EMEA"
    assert again["labor"][0]["crm_user"] == "joe@acme"


def test_saving_and_reopening_gives_the_same_plan(tmp_path: Path, sample: Plan) -> None:
    path = tmp_path / "plan.leadplan"
    write_plan(sample, path)
    assert read_plan(path).plan == sample


def test_saving_over_a_plan_keeps_the_previous_version_as_a_backup(tmp_path: Path, sample: Plan) -> None:
    path = tmp_path / "plan.leadplan"
    path.write_text("previous version", encoding="utf-8")
    write_plan(sample, path)
    assert (tmp_path / "plan.leadplan.bak").read_text(encoding="utf-8") == "previous version"
    assert read_plan(path).plan == sample
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_save_into_a_missing_folder_is_refused_with_a_message(tmp_path: Path, sample: Plan) -> None:
    with pytest.raises(PlanFileError, match="Could not save"):
        write_plan(sample, tmp_path / "missing" / "plan.leadplan")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not a text file"),
        (b'{"format": "leadplanner-plan", "version": 1, "targets": {', "not valid JSON"),
        (b"[1, 2, 3]", "not a Lead Planner plan"),
        (b'{"name": "my shopping list"}', "not a Lead Planner plan"),
        (b'{"format": "other-app", "version": 1}', "not a Lead Planner plan"),
        (b'{"format": "leadplanner-plan"}', "version is missing"),
        (b'{"format": "leadplanner-plan", "version": "one"}', "version is missing"),
        (b'{"format": "leadplanner-plan", "version": 7, "targets": {}}', "newer Lead Planner"),
        (
            b'{"format": "leadplanner-plan", "version": 1, "targets": {"revenue_goal": NaN, "deal_size": 1}}',
            "holds NaN, which is not a number",
        ),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_a_file_that_is_not_a_usable_plan_is_refused_with_a_clear_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.leadplan"
    path.write_bytes(content)
    with pytest.raises(PlanFileError, match=message):
        read_plan(path)
    assert path.read_bytes() == content  # nothing is overwritten


def test_an_invalid_plan_is_refused_with_every_problem_and_where_it_is() -> None:
    data = plan_data(
        {"win_rate": 1.4, "deal_size": "big"},
        labor=[
            {"id": "a", "kind": "inside", "headcount": 1},
            {"id": "b", "name": "Agency", "kind": "robots", "headcount": -2},
        ],
    )
    with pytest.raises(PlanFileError) as refused:
        parse_plan(json.dumps(data))
    problems = {p.path: p.message for p in refused.value.problems}
    assert problems["targets.win_rate"] == "Win rate must be more than 0% and at most 100%; you entered 140%"
    assert problems["targets.deal_size"] == 'Average deal size must be a number; found "big"'
    assert problems["labor[1].headcount"] == "Head count of “Agency” must be 0 or more; you entered -2"
    assert problems["labor[1].kind"].startswith("Kind of “Agency” must be one of field, inside, outsourced")


def test_a_missing_file_and_a_folder_are_refused_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match="There is no file"):
        read_plan(tmp_path / "nope.leadplan")
    with pytest.raises(PlanFileError, match="is a folder"):
        read_plan(tmp_path)


def test_a_file_over_50_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.leadplan"
    with path.open("wb") as out:
        out.truncate(MAX_BYTES + 1)
    with pytest.raises(PlanFileError, match="at most 50 MB"):
        read_plan(path)


def test_a_version_0_draft_is_migrated_and_says_so() -> None:
    data = {
        "format": "leadplanner-plan",
        "version": 0,
        "targets": {"revenue_goal": 100_000, "deal_size": 10_000, "win_rate": 25, "srl_to_opportunity": 60},
        "resources": [{"id": "ldr", "kind": "inside", "headcount": 1}],
    }
    loaded = parse_plan(json.dumps(data))
    assert loaded.migrated_from == 0
    assert loaded.plan.targets.win_rate == pytest.approx(0.25)
    assert loaded.plan.targets.srl_to_opportunity == pytest.approx(0.6)
    assert loaded.plan.labor[0].id == "ldr"
    assert json.loads(dumps_plan(loaded.plan))["version"] == VERSION == 3


def test_only_the_required_targets_are_needed_for_a_plan_that_computes() -> None:
    from planner.numbers.engine import compute

    loaded = parse_plan(
        '{"format": "leadplanner-plan", "version": 1, "targets": {"revenue_goal": 500000, "deal_size": 25000}}'
    )
    result = compute(loaded.plan)
    # defaults: win rate 20%, SRL to opportunity 50% -> 20 wins, 100 opportunities, 200 sales-ready leads
    assert result.demand.sales_ready_leads == pytest.approx(200)
    assert loaded.problems == []


def test_a_plan_without_its_required_targets_is_refused() -> None:
    with pytest.raises(PlanFileError) as refused:
        parse_plan('{"format": "leadplanner-plan", "version": 1, "targets": {}}')
    assert {p.path for p in refused.value.problems} == {"targets.revenue_goal", "targets.deal_size"}
