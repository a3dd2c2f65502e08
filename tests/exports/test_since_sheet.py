"""The workbook's "Since last review" sheet, read back with openpyxl: values of two files, never formulas.

The pair is the sample (PRODUCT.md's example: 400 sales-ready leads needed this year, 201 expected,
gap 199; a lead worth 40,000 x 0.6 x 0.25 = $6,000, revenue gap $1,194,000) against the sample with
a 22% win rate and the trade shows at $5,000 a month instead of $6,000.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import write_workbook
from planner.compare.comparison import compare
from planner.plan.model import Channel, Plan
from planner.plan.paths import set_value

SINCE = "Since last review"


def newer(plan: Plan) -> Plan:
    return set_value(set_value(plan, "targets.win_rate", 0.22), "channels[1].monthly_budget", 5_000)


def book(tmp_path: Path, old: Plan, new: Plan, name: str = "plan.xlsx"):  # type: ignore[no-untyped-def]
    path = write_workbook(new, tmp_path / name, comparison=compare(old, new), since="1 Oct")
    return load_workbook(path)


def table(sheet: Worksheet, title: str) -> list[list[object]]:
    """The rows under the section ``title`` (its header first), to the next blank row."""
    first = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == title) + 1
    found = []
    for row in range(first, sheet.max_row + 2):
        values = [sheet.cell(row, column).value for column in range(1, 5)]
        if all(v is None for v in values):
            return found
        found.append(values)
    return found


def test_the_sheet_follows_the_summary_and_the_contents_link_it(sample: Plan, tmp_path: Path) -> None:
    workbook = book(tmp_path, sample, newer(sample))
    assert workbook.sheetnames[:3] == ["Contents", "Summary", SINCE]
    contents = workbook["Contents"]
    links = {c.value: c.hyperlink.location for c in contents["A"] if c.hyperlink is not None}
    assert links[SINCE] == f"'{SINCE}'!A1"


def test_the_answers_before_and_after_are_the_engines_values(sample: Plan, tmp_path: Path) -> None:
    sheet = book(tmp_path, sample, newer(sample))[SINCE]
    assert sheet["A1"].value == SINCE
    assert sheet["A4"].value.startswith("Since 1 Oct the plan is still Short; this year's gap grew by 62")
    found = table(sheet, "The answers")
    # 454.545 needed (2,400,000 / 40,000 / 0.22 / 0.6) against 201 - 7.5 = 193.5 expected (the trade
    # shows make 5,000 / 120 x 25% x 40% = 4.17 a month, 0.83 fewer for 9 months); the revenue gap
    # 2,400,000 - 193.5 x 5,280 = 1,378,320; the cost 237,000 - 1,000 x 12 = 225,000 for 278 leads
    assert found[0][:3] == ["Answer", "Last review, 1 Oct", "Now"]
    answers = {row[0]: (row[1], row[2]) for row in found[1:]}
    assert answers["Status"] == ("Short", "Short")
    assert answers["This year's gap (sales-ready leads)"] == (pytest.approx(199), pytest.approx(261.0454545))
    assert answers["Revenue gap"] == (pytest.approx(1_194_000), pytest.approx(1_378_320))
    assert answers["Total cost"] == (pytest.approx(237_000), pytest.approx(225_000))
    assert answers["Cost per sales-ready lead"] == (pytest.approx(237_000 / 288), pytest.approx(225_000 / 278))
    assert answers["Latest start month"] == ("Feb 2027", "Jan 2027")


def test_the_attribution_is_each_drivers_exact_move_and_adds_up_to_the_total(sample: Plan, tmp_path: Path) -> None:
    sheet = book(tmp_path, sample, newer(sample))[SINCE]
    found = table(sheet, "What moved the gaps, driver by driver (each change applied alone to the last review's plan)")
    assert found[0] == ["What changed", "This year's gap (sales-ready leads)", "Revenue gap", "Driver"]
    # alone: the win rate +54.545 leads and 201 x 720 = +$144,720; the budget +7.5 leads worth
    # 7.5 x 6,000 = +$45,000; together: 0 leads and -$5,400 (the 7.5 leads lost are worth $720 less at 22%)
    assert found[1:] == [
        ["Win rate 25% → 22%", pytest.approx(54.5454545), pytest.approx(144_720), "targets.win_rate"],
        [
            "Trade shows: monthly budget $6,000 → $5,000",
            pytest.approx(7.5),
            pytest.approx(45_000),
            "channels.Trade shows",
        ],
        ["Together (changes acting on each other)", pytest.approx(0, abs=1e-9), pytest.approx(-5_400), "together"],
        ["Total move", pytest.approx(62.0454545), pytest.approx(184_320), None],
    ]
    body, total = found[1:-1], found[-1]
    assert sum(row[1] for row in body) == pytest.approx(total[1])
    assert sum(row[2] for row in body) == pytest.approx(total[2])
    assert table(sheet, "The inputs that changed")[1:] == [
        ["Win rate", "25%", "22%", None],
        ["Trade shows: monthly budget", "$6,000", "$5,000", None],
    ]


def test_the_sheet_holds_values_and_user_text_never_becomes_a_formula(sample: Plan, tmp_path: Path) -> None:
    name = '=HYPERLINK("http://evil.example","click")'
    channel = Channel(name=name, type="events", owner="marketing", monthly_budget=1_200, cost_per_lead=120)
    new = dataclasses.replace(sample, channels=(*sample.channels, channel))
    sheet = book(tmp_path, sample, new)[SINCE]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    named = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    # the attribution's line, its driver (channels.<name>) is not one; the changed input's row
    assert [c.value for c in named] == [f"{name} added", f"{name} (a channel)"]
    assert all(c.data_type == "s" and c.quotePrefix for c in named)
    assert f"channels.{name}" in [c.value for c in cells]


def test_without_a_comparison_there_is_no_such_sheet_and_every_other_sheet_is_the_same(
    sample: Plan, tmp_path: Path
) -> None:
    new = newer(sample)
    plain = load_workbook(write_workbook(new, tmp_path / "plain.xlsx"))
    compared = book(tmp_path, sample, new, "compared.xlsx")
    assert SINCE not in plain.sheetnames
    assert [n for n in compared.sheetnames if n != SINCE] == plain.sheetnames
    for name in plain.sheetnames:
        if name == "Contents":
            continue  # it lists the sheet
        ours = [(c.coordinate, c.value) for row in compared[name].iter_rows() for c in row]
        assert ours == [(c.coordinate, c.value) for row in plain[name].iter_rows() for c in row], name
    assert [c.value for c in compared["Contents"]["A"] if c.value != SINCE] == [c.value for c in plain["Contents"]["A"]]


def test_a_plan_compared_with_itself_has_the_answers_and_no_moves(sample: Plan, tmp_path: Path) -> None:
    sheet = book(tmp_path, sample, sample)[SINCE]
    assert sheet["A4"].value == "Since 1 Oct nothing changed: the plan is still Short."
    assert [row[0] for row in table(sheet, "The answers")][1:3] == ["Status", "This year's gap (sales-ready leads)"]
    assert all(sheet.cell(row, 1).value != "Total move" for row in range(1, sheet.max_row + 1))
