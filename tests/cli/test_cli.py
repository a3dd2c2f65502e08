"""leadplanner-cli through a subprocess, as a consultant's script would call it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.planner.plans import plan_data


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    path = tmp_path / "acme.leadplan"
    assert cli("sample", path).returncode == 0
    return path


def test_sample_writes_the_acme_fasteners_example(sample_file: Path) -> None:
    data = json.loads(sample_file.read_text(encoding="utf-8"))
    assert data["format"] == "leadplanner-plan"
    assert data["basics"]["company"] == "Acme Fasteners"


def test_sample_without_a_file_prints_the_plan() -> None:
    done = cli("sample")
    assert done.returncode == 0
    assert json.loads(done.stdout)["targets"]["revenue_goal"] == 3_000_000


def test_summary_json_follows_the_product_brief(sample_file: Path) -> None:
    done = cli("summary", sample_file, "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["demand"]["sales_ready_leads"] == pytest.approx(400)
    assert summary["supply"]["sales_ready_leads"] == pytest.approx(288)
    assert summary["supply"]["cost"] == pytest.approx(237_000)
    # PRODUCT.md's v3 example: this year (months 1-9, a 3-month cycle) 201 of 400, 199 short, 50.25%;
    # a new hire makes r(1) = 90, r(2) = 78, r(3) = 66 this year: 3 reps, to start by month 2
    assert summary["gap"] == {
        "sales_ready_leads": pytest.approx(199),
        "coverage": pytest.approx(0.5025),
        "inside_reps_to_close_gap": 3,
        "latest_start_month": 2,
    }
    assert summary["year"] == pytest.approx(
        {
            "first_month": 1,
            "last_month": 9,
            "sales_ready_leads_needed": 400,
            "sales_ready_leads_expected": 201,
            "gap": 199,
            "coverage": 0.5025,
        }
    )
    # October to December: 3,000,000 / 6,000 / 12 = 41.67 each, 125 needed; 3 x 29 = 87 supplied
    assert summary["next_year_start"] == pytest.approx(
        {
            "first_month": 10,
            "last_month": 12,
            "sales_ready_leads_needed": 125,
            "sales_ready_leads_expected": 87,
            "gap": 38,
        }
    )
    assert set(summary["supply"]) == {
        "sales_ready_leads",
        "cost",
        "cost_per_sales_ready_lead",
        "cost_per_opportunity",
        "projected_revenue",
        "return",
    }
    assert set(summary["demand"]) == {
        "net_new_revenue",
        "wins",
        "opportunities",
        "sales_ready_leads",
        "qualified_leads",
        "raw_leads",
    }
    assert len(summary["months"]) == 12
    assert set(summary) >= {"demand", "supply", "gap", "year", "next_year_start", "months", "quarters", "timing"}
    assert set(summary) >= {"revenue", "actuals", "scenarios"}
    assert set(summary["months"][0]) == {
        "cumulative_gap",
        "revenue_goal",
        "pipeline_revenue",
        "projected_revenue",
        "actual_sales_ready_leads",
        "variance",
        "month",
        "label",
        "sales_ready_leads_needed",
        "sales_ready_leads_supplied",
        "gap",
        "cost",
    }
    assert summary["months"][0]["sales_ready_leads_supplied"] == pytest.approx(5)
    # revenue by month: the goal 3,000,000 / 12; the pipeline 600,000 over the first cycle (3 months);
    # from leads known a cycle earlier, x 6,000: none in January, 5 x 6,000 in April
    assert [summary["months"][m]["revenue_goal"] for m in (0, 11)] == pytest.approx([250_000, 250_000])
    assert [m["pipeline_revenue"] for m in summary["months"][:4]] == pytest.approx([200_000] * 3 + [0])
    assert [summary["months"][m]["projected_revenue"] for m in (0, 3)] == pytest.approx([0, 30_000])
    stretch = summary["scenarios"][0]
    assert stretch["name"] == "Stretch"
    # win rate 30%: O = 60 / 0.3 = 200, S = 200 / 0.6 = 333.3
    assert stretch["demand"]["sales_ready_leads"] == pytest.approx(1000 / 3)
    assert set(stretch) >= {"name", "demand", "supply", "gap"}
    assert set(stretch["gap"]) == {"sales_ready_leads", "coverage", "inside_reps_to_close_gap", "latest_start_month"}


def test_summary_json_says_when_the_plan_is_short_and_bridges_the_revenue(sample_file: Path) -> None:
    summary = json.loads(cli("summary", sample_file, "--json").stdout)
    assert set(summary["timing"]) == {"status", "worst_shortfall", "worst_month", "behind_months"}
    # short by 199 this year; the cumulative gap only grows: the worst is September's (the last in-time
    # month), 39.44, 72.89, ... 199; the carry-over months add next year's start (237 by December) but
    # are not judged
    assert summary["timing"]["status"] == "short"
    assert summary["timing"]["worst_shortfall"] == pytest.approx(199)
    assert summary["timing"]["worst_month"] == 9
    assert summary["timing"]["behind_months"] == list(range(1, 10))
    assert summary["months"][0]["cumulative_gap"] == pytest.approx(400 / 9 - 5)
    assert summary["months"][8]["cumulative_gap"] == pytest.approx(199)
    # months 1-9's 201 leads are won in months 4-12: 201 x 6,000; October to December's 87 after December
    assert summary["revenue"] == pytest.approx(
        {
            "goal": 3_000_000,
            "pipeline": 600_000,
            "projected": 1_206_000,
            "expected": 1_806_000,
            "gap": 1_194_000,
            "carried_over": 522_000,
        }
    )
    assert [q["label"] for q in summary["quarters"]] == ["Jan–Mar 2027", "Apr–Jun 2027", "Jul–Sep 2027", "Oct–Dec 2027"]
    assert set(summary["quarters"][0]) == {
        "first_month",
        "last_month",
        "label",
        "sales_ready_leads_needed",
        "sales_ready_leads_supplied",
        "gap",
        "cost",
    }
    assert summary["actuals"] is None
    assert summary["months"][0]["actual_sales_ready_leads"] is None


def test_summary_json_lists_the_actuals_to_date_and_the_forecast(tmp_path: Path) -> None:
    actuals = [{"month": 1, "sales_ready_leads": 30, "revenue": 50_000}, {"month": 2, "sales_ready_leads": 40}]
    path = tmp_path / "tracked.leadplan"
    data = plan_data(labor=[{"id": "sdr", "kind": "inside", "headcount": 4, "ramp_months": 0}], actuals=actuals)
    path.write_text(json.dumps(data), encoding="utf-8")
    summary = json.loads(cli("summary", path, "--json").stdout)
    # needed: 1,000,000 / 10,000 / 0.5 / 0.5 = 400, 33.3 a month; supplied 4 x 12 = 48 a month
    assert summary["actuals"] == pytest.approx(
        {
            "through_month": 2,
            "sales_ready_leads": 70,
            "needed_to_date": 800 / 12,
            "variance": 70 - 800 / 12,
            "forecast_sales_ready_leads": 70 + 10 * 48,
            "forecast_coverage": 550 / 400,
            "revenue": 50_000,
            "revenue_goal_to_date": 1_000_000 / 12,
            "revenue_vs_goal": 50_000 - 1_000_000 / 12,
        }
    )
    assert summary["months"][1]["actual_sales_ready_leads"] == 40
    assert summary["months"][1]["variance"] == pytest.approx(40 - 400 / 12)


def test_summary_reports_null_where_a_figure_is_not_available(tmp_path: Path) -> None:
    path = tmp_path / "covered.leadplan"
    path.write_text(json.dumps(plan_data({"revenue_goal": 100, "pipeline_revenue": 200})), encoding="utf-8")
    summary = json.loads(cli("summary", path, "--json").stdout)
    assert summary["gap"]["coverage"] is None
    assert summary["supply"]["cost_per_sales_ready_lead"] is None
    assert summary["supply"]["return"] is None


def test_summary_without_json_is_a_readable_table(sample_file: Path) -> None:
    done = cli("summary", sample_file)
    assert done.returncode == 0
    assert "Sales-ready leads needed" in done.stdout
    assert "$237,000" in done.stdout
    assert "Jan 2027" in done.stdout
    lines = done.stdout.splitlines()
    # this year's answer in one sentence, then next year's start on its own line
    assert lines[0] == "Short by 199 sales-ready leads, $1,194,000 of revenue, by Sep 2027; behind every month."
    assert lines[1] == (
        "Next year's start (Oct 2027 to Dec 2027, whose leads close next year): "
        "87 of the 125 sales-ready leads needed, 38 short."
    )
    assert "revenue gap" in done.stdout and "$1,194,000" in done.stdout
    assert any(
        line.startswith("Inside reps to close the gap") and line.endswith("3 to start by Feb 2027") for line in lines
    )
    assert "Oct–Dec 2027" in done.stdout


def test_summary_says_in_words_when_no_hire_closes_the_year(tmp_path: Path) -> None:
    # a 12-month cycle on a 12-month plan: no lead created in it closes inside it
    path = tmp_path / "long.leadplan"
    path.write_text(json.dumps(plan_data({"sales_cycle_months": 12})), encoding="utf-8")
    assert json.loads(cli("summary", path, "--json").stdout)["gap"]["inside_reps_to_close_gap"] is None
    done = cli("summary", path)
    assert done.returncode == 0, done.stderr
    reps = next(line for line in done.stdout.splitlines() if line.startswith("Inside reps to close the gap"))
    assert reps.endswith("none: no hire made now closes this year's gap")
    assert "0 reps" not in done.stdout and "n/a" not in reps


def test_goal_seek_says_what_closes_this_years_gap_with_full_costs(sample_file: Path) -> None:
    done = cli("goal-seek", sample_file)
    assert done.returncode == 0, done.stderr
    first, timed = done.stdout.splitlines()
    # 3 reps x 7,500 x 11 months; 26,534 more a month x 12 months; 25% x 400 / 201 = 49.8%
    assert first == (
        "To close this year's gap: 3 inside reps hired to start by Feb 2027 (cost +$247,500), "
        "or a Trade shows budget of $32,534 a month (cost +$318,408), or a win rate of 49.8%."
    )
    assert timed.startswith("To close this year's gap: hire 3 inside reps to start by Feb 2027 (+$247,500).")
    answers = {a["driver"]: a for a in json.loads(cli("goal-seek", sample_file, "--json").stdout)}
    assert answers["hire.inside"] == {
        "driver": "hire.inside",
        "label": "Inside reps hired",
        "current": 0,
        "required": 3,
        "extra_cost": pytest.approx(247_500),
        "sentence": "3 inside reps hired to start by Feb 2027 (cost +$247,500)",
        "start": 2,
        "reachable": True,
        "keepable": False,
    }
    assert answers["win_rate"]["keepable"] and not answers["srl_to_opportunity"]["reachable"]


def test_validate_says_valid_for_a_good_plan(sample_file: Path) -> None:
    done = cli("validate", sample_file)
    assert (done.returncode, done.stdout.strip()) == (0, "valid")


def test_validate_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.leadplan"
    data = plan_data(
        {"win_rate": 0, "mql_to_srl": 1.2},
        labor=[{"id": "ldr", "kind": "inside", "headcount": -1}],
        channels=[
            {"name": "Phone", "type": "outbound_phone", "owner": "ldr", "share": 0.8},
        ],
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    done = cli("validate", path)
    assert done.returncode == 1
    assert "targets.win_rate: Win rate must be more than 0% and at most 100%; you entered 0%" in done.stderr
    assert "targets.mql_to_srl" in done.stderr
    assert "labor[0].headcount" in done.stderr
    assert "Traceback" not in done.stderr


def test_validate_refuses_shares_over_100_percent(tmp_path: Path) -> None:
    path = tmp_path / "shares.leadplan"
    data = plan_data(
        labor=[{"id": "ldr", "name": "LDRs", "kind": "inside", "headcount": 1}],
        channels=[
            {"name": "Phone", "type": "outbound_phone", "owner": "ldr", "share": 0.8},
            {"name": "Email", "type": "email", "owner": "ldr", "share": 0.4},
        ],
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    done = cli("validate", path)
    assert done.returncode == 1
    assert "Channel shares of LDRs add to 120%" in done.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "There is no file"),
        (b"this is not json", "not valid JSON"),
        (bytes(range(256)) * 4, "not a text file"),
        (
            json.dumps(
                {"format": "leadplanner-plan", "version": 1, "targets": {"revenue_goal": "lots", "deal_size": [1]}}
            ).encode(),
            "must be a number",
        ),
        (json.dumps({"format": "leadplanner-plan", "version": 9}).encode(), "newer Lead Planner"),
        (json.dumps({"type": "FeatureCollection", "features": []}).encode(), "not a Lead Planner plan"),
        (json.dumps(plan_data({"win_rate": 1.5})).encode(), "you entered 150%"),
        (json.dumps(plan_data(labor=[{"id": "x", "kind": "inside", "headcount": -3}])).encode(), "must be 0 or more"),
    ],
)
@pytest.mark.parametrize("command", ["summary", "validate"])
def test_bad_input_gets_a_message_and_a_non_zero_exit_never_a_traceback(
    tmp_path: Path, content: bytes | None, message: str, command: str
) -> None:
    path = tmp_path / "input.leadplan"
    if content is not None:
        path.write_bytes(content)
    done = cli(command, path, "--json") if command == "summary" else cli(command, path)
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_export_without_a_target_is_a_usage_error(sample_file: Path) -> None:
    done = cli("export", sample_file)
    assert done.returncode == 2
    assert "--xlsx" in done.stderr


def test_sensitivity_json_lists_each_driver_with_four_moves(sample_file: Path) -> None:
    done = cli("sensitivity", sample_file, "--json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    win = next(r for r in rows if r["driver"] == "win_rate")
    assert [m["change"] for m in win["moves"]] == [-0.2, -0.1, 0.1, 0.2]
    # win rate 20%: O = 60 / 0.2 = 300, S = 300 / 0.6 = 500 -> +100 needed
    assert win["moves"][0]["sales_ready_leads_needed_change"] == pytest.approx(100)


def test_agenda_prints_the_five_items_of_the_weekly_ceo_review(sample_file: Path) -> None:
    done = cli("agenda", sample_file)
    assert done.returncode == 0, done.stderr
    items = ["1. Actual revenue vs goal", "2. Big deals", "3. Risks", "4. Sales leader initiatives", "5. Issues"]
    positions = [done.stdout.index(item) for item in items]
    assert positions == sorted(positions)
    assert "199 sales-ready leads short of this year's 400 by Sep 2027" in done.stdout  # the gap, prefilled as a risk


def test_agenda_runs_on_the_actuals_in_the_plan(tmp_path: Path) -> None:
    # 400 leads needed over 12 months (33.3 a month), goal 1,000,000 (83,333 a month), nothing supplied
    data = plan_data(actuals=[{"month": 1, "sales_ready_leads": 20, "revenue": 50_000}])
    path = tmp_path / "tracked.leadplan"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = cli("agenda", path)
    assert done.returncode == 0, done.stderr
    revenue, risks = done.stdout.split("3. Risks")
    assert "- Actual revenue to Jan 2027: $50,000 against $83,333 of the goal to date, $33,333 behind" in revenue
    assert "- 20 sales-ready leads to Jan 2027 against 33 needed, 13 short" in revenue
    assert "- Months behind on sales-ready leads: Jan 2027 (20 of 33)" in risks
