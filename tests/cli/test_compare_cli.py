"""leadplanner-cli compare OLD NEW: what a consultant's script reads between two weekly versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import cli


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "acme-2027-10-01.leadplan"
    assert cli("sample", old).returncode == 0
    data = json.loads(old.read_text(encoding="utf-8"))
    data["targets"]["win_rate"] = 0.22
    new = tmp_path / "acme-2027-10-08.leadplan"
    new.write_text(json.dumps(data), encoding="utf-8")
    return old, new


def test_compare_json_lists_the_changes_answers_and_attribution_that_add_up(versions) -> None:
    done = cli("compare", *versions, "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["changes"] == [{"path": "targets.win_rate", "before": 0.25, "after": 0.22}]
    before, after = data["answers"]["before"], data["answers"]["after"]
    for answers in (before, after):
        assert set(answers) >= {
            "status",
            "year_gap",
            "revenue_gap",
            "cost",
            "inside_reps_to_close_gap",
            "latest_start_month",
        }
    # 400 -> 454.55 sales-ready leads needed (2,400,000 / 40,000 / 0.22 / 0.6); 201 expected either way
    assert (before["year_gap"], after["year_gap"]) == (pytest.approx(199), pytest.approx(253.5454545))
    drivers = [line["driver"] for line in data["attribution"]]
    assert drivers == ["targets.win_rate", "together"]
    assert sum(line["srl_gap"] for line in data["attribution"]) == pytest.approx(after["year_gap"] - before["year_gap"])
    assert sum(line["revenue_gap"] for line in data["attribution"]) == pytest.approx(144_720)


def test_compare_as_text_begins_with_the_sentence_dated_by_the_older_file_name(versions) -> None:
    done = cli("compare", *versions)
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == (
        "Since 1 Oct the plan is still Short; this year's gap grew by 55 sales-ready leads ($144,720): "
        "win rate 25% → 22% +55; together 0."
    )
    assert "Revenue gap" in done.stdout and "$1,338,720" in done.stdout


def test_compare_refuses_a_plan_in_another_currency_without_a_traceback(versions, tmp_path: Path) -> None:
    old, _ = versions
    data = json.loads(old.read_text(encoding="utf-8"))
    data["basics"]["currency"] = "EUR"
    euros = tmp_path / "euros.leadplan"
    euros.write_text(json.dumps(data), encoding="utf-8")
    done = cli("compare", old, euros, "--json")
    assert done.returncode == 1 and done.stdout == ""
    assert "different currencies (USD and EUR)" in done.stderr and "Traceback" not in done.stderr


def test_compare_refuses_a_damaged_or_newer_file_with_the_usual_message(versions, tmp_path: Path) -> None:
    _, new = versions
    damaged = tmp_path / "damaged.leadplan"
    damaged.write_text('{"format": "leadplanner-plan", "vers', encoding="utf-8")
    newer = tmp_path / "newer.leadplan"
    newer.write_text(json.dumps({**json.loads(new.read_text(encoding="utf-8")), "version": 99}), encoding="utf-8")
    for bad in (damaged, newer):
        done = cli("compare", bad, new)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert bad.name in done.stderr or "version" in done.stderr
