"""``leadplanner-cli actuals import`` as a careless user and a hostile file would call it (issue 28):
it never writes what the plan file refuses, never hangs, never picks a column or a decimal mark
silently, and its -o is as careful as export's."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_actuals_cli import actuals, cli


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "acme.leadplan"
    assert cli("sample", path).returncode == 0
    return path


def csv_file(folder: Path, content: str | bytes, name: str = "export.csv") -> Path:
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def refused(done: subprocess.CompletedProcess[str], code: int, *says: str) -> None:
    assert done.returncode == code, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    for words in says:
        assert words in done.stderr, done.stderr


# --- item 5: -o is as careful as export ---------------------------------------------------------


def test_an_out_that_is_an_existing_csv_is_not_replaced_by_the_plan_without_force(
    plan_file: Path, tmp_path: Path
) -> None:
    notes = csv_file(tmp_path, "Month,Notes\n2027-01,keep me\n", "notes.csv")
    update = csv_file(tmp_path, "Month,SQLs\n2027-01,3\n")
    done = cli("actuals", "import", plan_file, update, "-o", notes)
    refused(done, 2, "notes.csv already exists and is not a .leadplan file", "--force")
    assert notes.read_text() == "Month,Notes\n2027-01,keep me\n"
    assert not notes.with_name("notes.csv.bak").exists()
    forced = cli("actuals", "import", plan_file, update, "-o", notes, "--force")
    assert forced.returncode == 0, forced.stderr
    assert actuals(notes) == [{"month": 1, "sales_ready_leads": 3}]


def test_a_new_out_whose_name_is_not_a_plans_is_refused_without_force(plan_file: Path, tmp_path: Path) -> None:
    update = csv_file(tmp_path, "Month,SQLs\n2027-01,3\n")
    refused(cli("actuals", "import", plan_file, update, "-o", tmp_path / "march.json"), 2, "is not a .leadplan file")
    assert not (tmp_path / "march.json").exists()


def test_an_empty_out_is_refused_and_the_plan_is_not_written_over(plan_file: Path, tmp_path: Path) -> None:
    before = plan_file.read_bytes()
    update = csv_file(tmp_path, "Month,SQLs\n2027-01,3\n")
    for flags in (("-o", ""), ("-o", "", "--force"), ("--out=",)):
        refused(cli("actuals", "import", plan_file, update, *flags), 2, "-o is empty")
    assert plan_file.read_bytes() == before


def test_the_csv_being_imported_is_never_the_out_even_with_force(plan_file: Path, tmp_path: Path) -> None:
    update = csv_file(tmp_path, "Month,SQLs\n2027-01,3\n")
    refused(cli("actuals", "import", plan_file, update, "-o", update, "--force"), 2, "is the CSV file being imported")
    assert update.read_text() == "Month,SQLs\n2027-01,3\n"


# --- item 3: no hang, no unbounded read ---------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_at_once_not_read_until_memory_runs_out(plan_file: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    refused(cli("actuals", "import", plan_file, device), 1, "is a device, a pipe or a socket")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_at_once_not_waited_on(plan_file: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    refused(cli("actuals", "import", plan_file, fifo), 1, "is a device, a pipe or a socket")  # cli() times out at 60 s


def test_a_folder_and_a_file_over_200_mb_are_refused(plan_file: Path, tmp_path: Path) -> None:
    refused(cli("actuals", "import", plan_file, tmp_path), 1, "is a folder, not a CSV file")
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024 + 1)
    refused(cli("actuals", "import", plan_file, big), 1, "larger than 200 MB")


# --- item 2: nothing the plan file refuses is written ------------------------------------------


def test_figures_beyond_the_plan_files_bounds_are_skipped_cells_and_the_plan_still_validates(
    plan_file: Path, tmp_path: Path
) -> None:
    update = csv_file(
        tmp_path, "Month,SQLs,Revenue,Wins\n2027-01,12000000,2000000000000,3\n2027-02,5," + "9" * 309 + ",1\n"
    )
    done = cli("actuals", "import", plan_file, update)
    assert done.returncode == 0, done.stderr
    assert actuals(plan_file) == [{"month": 1, "wins": 3}, {"month": 2, "sales_ready_leads": 5, "wins": 1}]
    assert "row 2, Revenue: Actual revenue must be at most 1,000,000,000,000" in done.stdout
    assert "row 3, Revenue: “99999" in done.stdout and "is too large a number to use" in done.stdout
    assert "Infinity" not in plan_file.read_text()
    assert cli("validate", plan_file).stdout.strip() == "valid"


# --- item 4: columns, separators, stage lists, kept rows ----------------------------------------


def test_more_than_one_column_for_a_figure_stops_with_the_candidates_and_the_option_to_name_one(
    plan_file: Path, tmp_path: Path
) -> None:
    update = csv_file(tmp_path, "Month,Total SQLs,SQLs\n2027-01,400,10\n2027-02,415,15\n")
    done = cli("actuals", "import", plan_file, update)
    refused(
        done,
        2,
        "More than one column could be sales-ready leads: “SQLs”, “Total SQLs”.",
        '--column sales_ready_leads="SQLs"',
    )
    assert actuals(plan_file) == []
    named = cli("actuals", "import", plan_file, update, "--column", "sales_ready_leads=SQLs")
    assert named.returncode == 0, named.stderr
    assert actuals(plan_file) == [{"month": 1, "sales_ready_leads": 10}, {"month": 2, "sales_ready_leads": 15}]


def test_a_column_option_that_names_no_figure_is_bad_usage(plan_file: Path, tmp_path: Path) -> None:
    update = csv_file(tmp_path, "Month,SQLs\n2027-01,3\n")
    refused(
        cli("actuals", "import", plan_file, update, "--column", "leads=SQLs"), 2, "FIGURE is month, sales_ready_leads"
    )


def test_a_deals_export_with_two_amount_columns_asks_for_the_amount_column(plan_file: Path, tmp_path: Path) -> None:
    deals = csv_file(
        tmp_path,
        "Deal Stage,Amount,Amount in company currency,Create Date,Close Date\nclosedwon,100,90,2027-01-02,2027-01-09\n",
    )
    refused(cli("actuals", "import", plan_file, deals), 2, "“Amount”, “Amount in company currency”", "--amount-column")
    done = cli("actuals", "import", plan_file, deals, "--amount-column", "Amount in company currency")
    assert done.returncode == 0, done.stderr
    assert actuals(plan_file) == [{"month": 1, "opportunities": 1, "wins": 1, "revenue": 90}]


def test_a_utf16_tab_file_with_point_thousands_imports_thousands(plan_file: Path, tmp_path: Path) -> None:
    update = csv_file(tmp_path, "Month\tRevenue\r\n2027-01\t52.000\r\n2027-02\t48.500\r\n".encode("utf-16"))
    assert cli("actuals", "import", plan_file, update).returncode == 0
    assert actuals(plan_file) == [{"month": 1, "revenue": 52_000}, {"month": 2, "revenue": 48_500}]


def test_a_file_whose_decimal_mark_cannot_be_told_stops_until_it_is_said(plan_file: Path, tmp_path: Path) -> None:
    update = csv_file(tmp_path, 'Month,Revenue,Cost\n2027-01,52.000,"1,250.75"\n')
    refused(
        cli("actuals", "import", plan_file, update), 2, "can be read two ways", "--decimal-comma or --decimal-point"
    )
    assert cli("actuals", "import", plan_file, update, "--decimal-comma").returncode == 0
    assert actuals(plan_file) == [{"month": 1, "revenue": 52_000, "cost": 1250.75}]


@pytest.mark.parametrize("flag", ["--won", "--srl", "--opportunity"])
def test_an_empty_stage_list_is_refused_not_read_as_every_row(plan_file: Path, tmp_path: Path, flag: str) -> None:
    deals = csv_file(tmp_path, "Deal Stage,Create Date,Close Date\nclosedwon,2027-01-02,2027-01-09\n")
    done = cli(
        "actuals", "import", plan_file, deals, "--date-column", "Close Date", "--stage-column", "Deal Stage", flag, ""
    )
    refused(done, 2, f"{flag} is empty", "* for every row")
    assert actuals(plan_file) == []


def test_only_keeps_the_new_business_so_renewals_do_not_count(plan_file: Path, tmp_path: Path) -> None:
    deals = csv_file(
        tmp_path,
        "Deal Stage,Deal Type,Amount,Create Date,Close Date\n"
        "closedwon,New Business,40000,2027-01-05,2027-02-10\n"
        "closedwon,Renewal,90000,2027-01-06,2027-02-11\n",
    )
    done = cli("actuals", "import", plan_file, deals, "--only", "Deal Type=New Business")
    assert done.returncode == 0, done.stderr
    assert actuals(plan_file) == [
        {"month": 1, "opportunities": 1, "wins": 0, "revenue": 0},
        {"month": 2, "opportunities": 0, "wins": 1, "revenue": 40_000},
    ]
    assert "1 row left out: only rows whose “Deal Type” is New Business count." in done.stdout
    refused(cli("actuals", "import", plan_file, deals, "--only", "Deal Type"), 2, "write COLUMN=VALUES")


def test_a_mapping_file_can_name_columns_and_keep_rows(plan_file: Path, tmp_path: Path) -> None:
    update = csv_file(tmp_path, "Month,Region,SQLs (target),SQLs (actual)\n2027-01,EMEA,20,12\n2027-01,US,30,8\n")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"columns": {"sales_ready_leads": "SQLs (actual)"}, "only": {"Region": ["EMEA"]}}))
    done = cli("actuals", "import", plan_file, update, "--mapping", mapping)
    assert done.returncode == 0, done.stderr
    assert actuals(plan_file) == [{"month": 1, "sales_ready_leads": 12}]


def test_the_help_documents_the_column_and_only_options_with_examples() -> None:
    done = cli("actuals", "import", "--help")
    text = " ".join(done.stdout.split())
    for words in (
        '--column sales_ready_leads="SQLs"',
        '--only "Deal Type=New Business"',
        "--decimal-comma",
        "--force",
        "nothing is chosen for you",
    ):
        assert words in text, words


def test_the_report_names_each_skipped_row_and_cell(plan_file: Path, tmp_path: Path) -> None:
    update = csv_file(tmp_path, 'Month,SQLs,Revenue\n2027-01,10,"$(5,000)"\nsoon,4,4\n2027-02,7,100\n')
    done = cli("actuals", "import", plan_file, update)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "  row 2, Revenue: “$(5,000)” is negative; actuals are 0 or more" in lines
    assert "  row 3: “soon” is not a month" in lines
    assert actuals(plan_file) == [
        {"month": 1, "sales_ready_leads": 10},
        {"month": 2, "sales_ready_leads": 7, "revenue": 100},
    ]


def test_column_revenue_names_the_amount_of_a_mapped_record_export(plan_file: Path, tmp_path: Path) -> None:
    deals = csv_file(tmp_path, "Stage,Amount,Net,Close Date\nWon,100,90,2027-01-09\n")
    done = cli(
        "actuals", "import", plan_file, deals, "--date-column", "Close Date", "--stage-column", "Stage",
        "--won", "Won", "--column", "revenue=Net",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert actuals(plan_file) == [{"month": 1, "wins": 1, "revenue": 90}]
