"""leadplanner-cli benchmarks and --benchmarks FILE, as a consultant's script calls them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import cli


def test_benchmarks_json_prints_every_industry_with_its_sourced_ranges() -> None:
    done = cli("benchmarks", "--json")
    assert done.returncode == 0, done.stderr
    industries = json.loads(done.stdout)["industries"]
    win = industries["enterprise_software"]["figures"]["targets.win_rate"]
    assert (win["low"], win["typical"], win["high"]) == (0.15, 0.18, 0.25)
    assert set(win["source"]) == {"publisher", "title", "year", "url"}
    assert industries["enterprise_software"]["name"] == "Enterprise software"


def test_summary_json_lists_the_assumptions_of_the_plans_industry(tmp_path: Path) -> None:
    path = tmp_path / "plan.leadplan"
    assert cli("sample", path).returncode == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(cli("summary", path, "--json").stdout)["assumptions"] == []
    data["basics"]["industry"] = "enterprise_software"
    data["targets"]["win_rate"] = 0.4
    path.write_text(json.dumps(data), encoding="utf-8")
    assumptions = json.loads(cli("summary", path, "--json").stdout)["assumptions"]
    assert {
        "path": "targets.win_rate",
        "value": 0.4,
        "low": 0.15,
        "typical": 0.18,
        "high": 0.25,
        "outside": True,
    } in assumptions


def test_a_broken_benchmark_file_is_refused_and_the_built_in_one_used(tmp_path: Path) -> None:
    broken = tmp_path / "mine.json"
    broken.write_text('{"format": "leadplanner-benchmarks", "version": 1, "industries": [}', encoding="utf-8")
    for args in (("--benchmarks", broken, "benchmarks", "--json"), ("benchmarks", "--json", "--benchmarks", broken)):
        done = cli(*args)
        assert done.returncode == 0 and "Traceback" not in done.stderr
        assert "“mine.json” is not valid JSON" in done.stderr and "line 1" in done.stderr
        assert "built-in benchmark library is used" in done.stderr
        assert (
            json.loads(done.stdout)["industries"]["enterprise_software"]["figures"]["targets.win_rate"]["low"] == 0.15
        )


def test_a_benchmark_file_of_your_own_changes_the_figures_a_script_reads(tmp_path: Path) -> None:
    mine = tmp_path / "mine.json"
    source = {"publisher": "Our firm", "title": "Client files", "year": 2026, "url": "https://x.example"}
    mine.write_text(
        json.dumps(
            {
                "format": "leadplanner-benchmarks",
                "version": 1,
                "industries": {
                    "industrial": {
                        "figures": {"targets.win_rate": {"low": 0.3, "typical": 0.4, "high": 0.5, "source": source}}
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    done = cli("--benchmarks", mine, "benchmarks", "--json")
    assert done.returncode == 0 and done.stderr == ""
    win = json.loads(done.stdout)["industries"]["industrial"]["figures"]["targets.win_rate"]
    assert (win["low"], win["high"], win["source"]["publisher"]) == (0.3, 0.5, "Our firm")
