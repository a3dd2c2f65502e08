"""``leadplanner-cli actuals import`` through a subprocess, as a sales leader's script would call it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli", *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "acme.leadplan"
    assert cli("sample", path).returncode == 0
    return path


def actuals(path: Path) -> list[dict[str, Any]]:
    entries = json.loads(path.read_text(encoding="utf-8")).get("actuals") or []
    return [{k: v for k, v in entry.items() if v is not None} for entry in entries]


def copy(name: str, folder: Path) -> Path:
    return Path(shutil.copy(DATA / name, folder / name))


MONTHLY = [
    {"month": 1, "sales_ready_leads": 28, "opportunities": 14, "wins": 3, "revenue": 120_000, "cost": 21_500},
    {"month": 2, "sales_ready_leads": 31, "opportunities": 17, "wins": 4, "revenue": 158_500.5, "cost": 22_000},
    {"month": 3, "sales_ready_leads": 35, "wins": 5, "revenue": 201_250},
]


def test_importing_monthly_totals_writes_them_to_the_plan_and_reports_the_months(
    plan_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "with actuals.leadplan"
    done = cli("actuals", "import", plan_file, DATA / "actuals_monthly.csv", "-o", out)
    assert done.returncode == 0, done.stderr
    assert actuals(out) == MONTHLY
    assert actuals(plan_file) == []  # -o leaves the plan it read alone
    assert "Actuals for 3 months (Jan 2027, Feb 2027, Mar 2027)" in done.stdout
    assert cli("validate", out).stdout.strip() == "valid"


def test_without_out_the_plan_is_written_in_place_with_a_backup(plan_file: Path) -> None:
    done = cli("actuals", "import", plan_file, DATA / "actuals_monthly.csv")
    assert done.returncode == 0, done.stderr
    assert actuals(plan_file) == MONTHLY
    assert plan_file.with_name(plan_file.name + ".bak").exists()


def test_rows_outside_the_plan_are_reported(plan_file: Path) -> None:
    done = cli("actuals", "import", plan_file, DATA / "outside_horizon.csv")
    assert done.returncode == 0, done.stderr
    assert "3 rows dated outside the plan's months (2026-11, 2026-12, 2028-01)" in done.stdout
    assert [a["month"] for a in actuals(plan_file)] == [1, 2]


def test_a_hubspot_deals_export_is_mapped_by_itself(plan_file: Path) -> None:
    done = cli("actuals", "import", plan_file, DATA / "hubspot_deals.csv")
    assert done.returncode == 0, done.stderr
    assert actuals(plan_file) == [
        {"month": 1, "opportunities": 2, "wins": 0, "revenue": 0},
        {"month": 2, "opportunities": 2, "wins": 1, "revenue": 40_000},
        {"month": 3, "opportunities": 2, "wins": 3, "revenue": 53_000.5},
    ]


def test_mapping_options_say_which_rows_count(plan_file: Path) -> None:
    done = cli(
        "actuals", "import", plan_file, DATA / "salesforce_opportunities.csv",
        "--date-column", "Close Date", "--stage-column", "Stage", "--won", "Closed Won", "--amount-column", "Amount",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # only wins, by close date: Jan 52,000, Feb 31,250, Mar 20,000
    assert actuals(plan_file) == [
        {"month": 1, "wins": 1, "revenue": 52_000},
        {"month": 2, "wins": 1, "revenue": 31_250},
        {"month": 3, "wins": 1, "revenue": 20_000},
    ]


def test_a_mapping_file_is_read_too(plan_file: Path, tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps({"stage_column": "Deal Stage", "wins": {"date_column": "Close Date", "values": ["closedlost"]}})
    )
    done = cli("actuals", "import", plan_file, DATA / "hubspot_deals.csv", "--mapping", mapping)
    assert done.returncode == 0, done.stderr
    assert actuals(plan_file) == [{"month": 2, "wins": 1}]  # Dowel Supply, lost 28 Feb


def test_an_ambiguous_date_order_must_be_said(plan_file: Path) -> None:
    before = plan_file.read_bytes()
    done = cli("actuals", "import", plan_file, DATA / "ambiguous_dates.csv")
    assert done.returncode == 2
    assert "can be read two ways" in done.stderr and "--day-first or --month-first" in done.stderr
    assert plan_file.read_bytes() == before
    assert cli("actuals", "import", plan_file, DATA / "ambiguous_dates.csv", "--month-first").returncode == 0
    assert [a["month"] for a in actuals(plan_file)] == [3, 4, 5, 6, 7]


def test_existing_actuals_are_replaced_or_merged_only_when_asked(plan_file: Path, tmp_path: Path) -> None:
    assert cli("actuals", "import", plan_file, DATA / "actuals_monthly.csv").returncode == 0
    update = tmp_path / "march.csv"
    update.write_text("Month,Opportunities,Revenue\nMar 2027,16,210000\n")
    refused = cli("actuals", "import", plan_file, update)
    assert refused.returncode == 2 and "--replace" in refused.stderr and "--merge" in refused.stderr
    merged = tmp_path / "merged.leadplan"
    assert cli("actuals", "import", plan_file, update, "--merge", "-o", merged).returncode == 0
    assert actuals(merged) == [
        *MONTHLY[:2],
        {"month": 3, "sales_ready_leads": 35, "opportunities": 16, "wins": 5, "revenue": 210_000},
    ]
    replaced = tmp_path / "replaced.leadplan"
    assert cli("actuals", "import", plan_file, update, "--replace", "-o", replaced).returncode == 0
    assert actuals(replaced) == [{"month": 3, "opportunities": 16, "revenue": 210_000}]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("empty.csv", b"", "is empty"),
        ("deals.csv", b"PK\x03\x04" + bytes(range(256)) * 8, "not a CSV file"),
        ("parts.csv", b"Name,Colour\nBolt,grey\n", "cannot be imported"),
        ("bad.csv", b"Month,SQLs\nabc,1\n", "row 2: “abc” is not a month"),
    ],
)
def test_a_file_that_cannot_be_used_exits_1_with_a_message_and_leaves_the_plan(
    plan_file: Path, tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    before = plan_file.read_bytes()
    path = tmp_path / name
    path.write_bytes(content)
    done = cli("actuals", "import", plan_file, path)
    assert done.returncode == 1
    assert says in done.stderr and "Traceback" not in done.stderr
    assert plan_file.read_bytes() == before


def test_a_missing_file_or_plan_exits_1(plan_file: Path, tmp_path: Path) -> None:
    missing = cli("actuals", "import", plan_file, tmp_path / "nope.csv")
    assert missing.returncode == 1 and "There is no file" in missing.stderr
    no_plan = cli("actuals", "import", tmp_path / "nope.leadplan", DATA / "actuals_monthly.csv")
    assert no_plan.returncode == 1 and "Traceback" not in no_plan.stderr


def test_stage_values_without_a_date_column_is_bad_usage(plan_file: Path) -> None:
    done = cli("actuals", "import", plan_file, DATA / "hubspot_deals.csv", "--won", "closedwon")
    assert done.returncode == 2 and "--date-column" in done.stderr


def test_a_plan_whose_actuals_come_from_a_deals_export_exports_both_files(plan_file: Path, tmp_path: Path) -> None:
    # a deals export has no sales-ready leads column: the report once failed on it ("tuple index out of range")
    assert cli("actuals", "import", plan_file, DATA / "hubspot_deals.csv").returncode == 0
    assert all("sales_ready_leads" not in entry for entry in actuals(plan_file))
    html, xlsx = tmp_path / "report.html", tmp_path / "plan.xlsx"
    done = cli("export", plan_file, "--html", html, "--xlsx", xlsx)
    assert done.returncode == 0, done.stderr
    assert 'id="verdict"' in html.read_text(encoding="utf-8")

    from tests.exports.recalc import named_values

    status = json.loads(cli("summary", plan_file, "--json").stdout)["timing"]["status"]
    word = {"short": "Short", "late": "Late", "on_track": "On track"}[status]
    assert named_values(xlsx)["Verdict"].startswith(word)  # as written at export, the engine's word
