"""leadplanner-cli export PLAN --html/--xlsx OUT --compare OLD: the exports with what changed since
the last review; a file that cannot be compared is refused before anything is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.test_cli import cli
from tests.exports.html_tree import parse


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """Last review's plan (the sample, dated 1 Oct in its name) and this week's, at a 22% win rate."""
    old = tmp_path / "q3-plan-2027-10-01.leadplan"
    assert cli("sample", old).returncode == 0
    data = json.loads(old.read_text(encoding="utf-8"))
    data["targets"]["win_rate"] = 0.22
    new = tmp_path / "q3-plan-2027-10-08.leadplan"
    new.write_text(json.dumps(data), encoding="utf-8")
    return old, new


def edited(old: Path, tmp_path: Path, name: str, edit) -> Path:  # type: ignore[no-untyped-def]
    data = json.loads(old.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_export_with_compare_puts_the_sentence_on_page_one_and_the_sheet_in_the_workbook(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = versions
    html, xlsx = tmp_path / "report.html", tmp_path / "plan.xlsx"
    done = cli("export", new, "--html", html, "--xlsx", xlsx, "--compare", old)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"wrote {xlsx}", f"wrote {html}"]
    # 2,400,000 / 40,000 / 0.22 / 0.6 = 454.545 leads needed, 201 expected: +54.545, said 55; the 201
    # leads are worth $720 less each at 22% (40,000 x 0.6 x 0.03): +$144,720
    line = parse(html.read_text(encoding="utf-8")).by_id("since-line").text
    assert line == (
        "Since 1 Oct the plan is still Short; this year's gap grew by 55 sales-ready leads ($144,720): "
        "win rate 25% → 22% +55; together 0."
    )
    sheet = load_workbook(xlsx)["Since last review"]
    assert sheet["A4"].value == line


def test_export_without_compare_has_no_comparison(versions: tuple[Path, Path], tmp_path: Path) -> None:
    _, new = versions
    html, xlsx = tmp_path / "report.html", tmp_path / "plan.xlsx"
    assert cli("export", new, "--html", html, "--xlsx", xlsx).returncode == 0
    assert 'id="since' not in html.read_text(encoding="utf-8")
    assert "Since last review" not in load_workbook(xlsx).sheetnames


@pytest.mark.parametrize(
    ("name", "edit", "said"),
    [
        ("euros.leadplan", lambda d: d["basics"].update(currency="EUR"), "different currencies (EUR and USD)"),
        ("longer.leadplan", lambda d: d["basics"].update(horizon_months=18), "cover different months"),
        ("invalid.leadplan", lambda d: d["targets"].update(win_rate=3), "is not a valid plan"),
    ],
)
def test_a_plan_that_cannot_be_compared_is_refused_and_nothing_is_written(
    versions: tuple[Path, Path],
    tmp_path: Path,
    name: str,
    edit,
    said: str,  # type: ignore[no-untyped-def]
) -> None:
    old, new = versions
    other = edited(old, tmp_path, name, edit)
    html, xlsx = tmp_path / "report.html", tmp_path / "plan.xlsx"
    done = cli("export", new, "--html", html, "--xlsx", xlsx, "--compare", other)
    assert done.returncode == 1 and done.stdout == ""
    assert said in done.stderr and "Traceback" not in done.stderr
    assert not html.exists() and not xlsx.exists()


def test_a_damaged_or_missing_older_file_is_refused_with_the_usual_message(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    _, new = versions
    damaged = tmp_path / "damaged.leadplan"
    damaged.write_text('{"format": "leadplanner-plan", "vers', encoding="utf-8")
    html = tmp_path / "report.html"
    for bad, said in (
        (damaged, "“damaged.leadplan” is damaged or not a plan"),
        (tmp_path / "gone.leadplan", "There is no file"),
    ):
        done = cli("export", new, "--html", html, "--compare", bad)
        assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr
        assert not html.exists()


def test_an_output_named_like_the_older_plan_is_refused_and_the_plan_kept(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = versions
    before = old.read_bytes()
    for flag in ("--html", "--xlsx"):
        done = cli("export", new, flag, old, "--compare", old, "--force")
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert f"{flag} {old} is the plan to compare with (--compare)" in done.stderr
    assert old.read_bytes() == before
