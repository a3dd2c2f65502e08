"""A plan with an industry in the exports: page 1's "Assumptions to check", the report's appendix
beside each range and its source, and the workbook's Inputs sheet with the ranges as values and a
live "Outside" flag (recalculated by LibreOffice after the CEO changes the win rate).

The enterprise-software figures of planner/data/benchmarks.json, written out here:
win rate 15–25% (typical 18%, FirstSales, 2024, https://firstsales.io/sales/glossary/win-rate);
sales cycle 6–12 months (typical 9, FirstSales, undated,
https://firstsales.io/sales/glossary/average-sales-cycle); raw lead to qualified lead 10–30% (20%);
qualified to sales-ready 32–58% (45%); sales-ready to opportunity 40–70% (60%); an SDR's sales-ready
leads a month 4–8 (5); an SDR's loaded monthly cost $5,667–$8,333 ($6,750); an SDR's ramp 3–4 months
(3.5: the plan's ramp is whole months, 3 is inside); SDR attrition 30–34% (32%); cost per raw lead
of events and trade shows $500–$2,000 ($1,250).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from cli.main import main
from exports.excel import write_workbook
from exports.html_report import render_report
from exports.writers import export_plan
from planner.benchmarks.library import Library, load
from planner.numbers.engine import compute
from planner.plan.model import Plan
from planner.plan.paths import set_value
from planner.plan.plan_file import write_plan
from planner.plan.sample import sample_plan
from tests.exports.html_tree import Element, parse
from tests.exports.recalc import SOFFICE, recalculate_all

TODAY = dt.date(2027, 1, 4)
TYPICAL = {  # each input the sample has a range for, at its range's typical figure
    "targets.win_rate": 0.18,
    "targets.sales_cycle_months": 9,
    "targets.lead_to_mql": 0.2,
    "targets.mql_to_srl": 0.45,
    "targets.srl_to_opportunity": 0.6,
    "targets.new_hire_ramp_months": 3,
    "labor[0].srl_per_person_month": 5,
    "labor[0].cost_per_person_month": 6750,
    "labor[0].attrition_rate": 0.32,
    "channels[1].cost_per_lead": 1250,
}
WIN_RATE_LINE = (
    "Your win rate of 40% is above the 15–25% typical of Enterprise software (FirstSales, 2024). "
    # $3,000,000 goal - $600,000 pipeline = $2,400,000 / $40,000 = 60 wins; / 40% = 150 opportunities;
    # / 60% = 250 sales-ready leads. At 18%: 60 / 18% / 60% = 555.6, 122% more.
    "It drives the whole plan: at the typical 18% you would need 122% more sales-ready leads (556 instead of 250)."
)
CYCLE_START = (
    "Your sales cycle of 3 months is below the 6–12 months typical of Enterprise software (FirstSales, undated). "
    "At the typical 9 months, this year's gap would be "
)


def enterprise(changes: dict[str, float] | None = None) -> Plan:
    """The sample as enterprise software, every ranged input at its typical figure, then ``changes``."""
    plan = set_value(sample_plan(), "basics.industry", "enterprise_software")
    for path, value in {**TYPICAL, **(changes or {})}.items():
        plan = set_value(plan, path, value)
    return plan


def outside_two() -> Plan:
    return enterprise({"targets.win_rate": 0.4, "targets.sales_cycle_months": 3})


def report(plan: Plan, library: Library | None = None) -> tuple[str, Element]:
    html = render_report(plan, today=TODAY, library=library)
    return html, parse(html)


def appendix_rows(doc: Element) -> dict[str, list[Element]]:
    """The appendix's rows by their assumption: the cells after it."""
    return {
        tr.find("th").text: [td for td in tr.children if isinstance(td, Element) and td.tag == "td"]
        for tr in doc.by_id("appendix").iter("tr")
        if tr.find("td") is not None
    }


def memo_lines(doc: Element) -> list[str]:
    memo = doc.by_id("memo")
    found = [ul for ul in memo.iter("ul") if ul.attrs.get("class") == "assumptions-to-check"]
    return [li.text for ul in found for li in ul.iter("li")]


# the report


def test_a_plan_outside_two_ranges_has_two_lines_to_check_on_page_1_and_two_rows_outside_in_the_appendix() -> None:
    plan = outside_two()
    _html, doc = report(plan)
    lines = memo_lines(doc)
    assert len(lines) == 2
    assert lines[0] == WIN_RATE_LINE
    at_nine = compute(set_value(plan, "targets.sales_cycle_months", 9)).year.gap
    assert lines[1] == CYCLE_START + f"{at_nine:,.0f} sales-ready leads instead of {compute(plan).year.gap:,.0f}."
    assert "Assumptions to check" in doc.by_id("memo").text

    rows = appendix_rows(doc)
    outside = [tr.find("th").text for tr in doc.by_id("appendix").iter("tr") if tr.attrs.get("class") == "outside"]
    assert outside == ["Win rate", "Sales cycle"]
    value, _source, ranged, cited = rows["Win rate"]
    assert value.text == "40%"
    assert ranged.text == "15–25%, typical 18% (40% is above the range)"
    link = cited.find("a")
    assert link is not None and link.attrs["href"] == "https://firstsales.io/sales/glossary/win-rate"
    assert link.text == "FirstSales, Win Rate | Sales Glossary (2024 Win Rate Benchmarks), 2024"
    value, _source, ranged, cited = rows["Sales cycle"]
    assert (value.text, ranged.text) == ("3 months", "6–12 months, typical 9 months (3 months is below the range)")
    assert cited.find("a").attrs["href"] == "https://firstsales.io/sales/glossary/average-sales-cycle"
    assert cited.find("a").text == "FirstSales, Average Sales Cycle | Sales Glossary, undated"
    # the rest are inside their ranges, each beside it
    assert rows["Sales-ready lead to opportunity"][2].text == "40–70%, typical 60%"
    assert rows["Cost per raw lead: Trade shows"][2].text == "$500–$2,000, typical $1,250"
    assert rows["Sales-ready leads per person-month: Inside lead development reps"][2].text == "4–8, typical 5"
    # an assumption the library has no range for says so
    assert rows["Gross margin"][2].text == "—" and rows["Gross margin"][3].text == ""
    heads = [th.text for th in doc.by_id("appendix").iter("th") if th.attrs.get("scope") == "col"]
    assert heads[-5:] == ["Assumption", "Value", "Source", "Typical of Enterprise software", "Source of the range"]


def test_a_plan_inside_every_range_has_nothing_to_check_and_no_row_outside() -> None:
    html, doc = report(enterprise())
    assert memo_lines(doc) == []
    assert "Assumptions to check" not in html  # not even the heading
    assert not [tr for tr in doc.by_id("appendix").iter("tr") if tr.attrs.get("class") == "outside"]
    assert appendix_rows(doc)["Win rate"][2].text == "15–25%, typical 18%"


def own_library(tmp_path: Path, source: dict[str, Any], win_rate: tuple[float, float, float]) -> Library:
    """A consultant's file that changes enterprise software's win rate, with this source."""
    low, typical, high = win_rate
    path = tmp_path / "ours.json"
    figure = {"low": low, "typical": typical, "high": high, "source": "ours"}
    data = {
        "format": "leadplanner-benchmarks",
        "version": 1,
        "currency": "USD",
        "sources": {"ours": source},
        "industries": {"enterprise_software": {"name": "Enterprise software", "figures": {"targets.win_rate": figure}}},
    }
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return load(path)


OURS = {"publisher": "Our firm", "title": "Client files", "year": 2026, "url": "https://ours.example/win"}


def test_without_an_industry_the_report_is_what_it_was_whatever_the_library(tmp_path: Path) -> None:
    plan = sample_plan()
    assert plan.basics.industry == ""
    html, doc = report(plan)
    assert html == render_report(plan, today=TODAY, library=own_library(tmp_path, OURS, (0.3, 0.35, 0.45)))
    assert html == render_report(plan, today=TODAY)
    # the memo and the appendix as before: no heading to check, the three columns of assumptions and sources
    assert "Assumptions to check" not in html and "assumptions-to-check" not in html
    assert "Source of the range" not in html and 'class="outside"' not in html
    table = next(t for t in doc.by_id("appendix").iter("table") if "assumptions" in t.attrs["class"])
    assert table.attrs["class"] == "data assumptions"
    assert [th.text for th in table.iter("th") if th.attrs.get("scope") == "col"] == ["Assumption", "Value", "Source"]
    assert table.find("caption").text == "Assumptions and their sources"


def test_a_benchmark_file_of_your_own_reaches_the_report_through_the_command_line(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.leadplan"
    write_plan(enterprise({"targets.win_rate": 0.4}), plan_file)
    own_library(tmp_path, OURS, (0.3, 0.35, 0.45))  # writes ours.json: 40% is inside 30-45%
    out = tmp_path / "out.html"
    assert main(["--benchmarks", str(tmp_path / "ours.json"), "export", str(plan_file), "--html", str(out)]) == 0
    rows = appendix_rows(parse(out.read_text(encoding="utf-8")))
    assert rows["Win rate"][2].text == "30–45%, typical 35%"
    assert rows["Win rate"][3].find("a").attrs["href"] == "https://ours.example/win"
    assert main(["export", str(plan_file), "--html", str(out), "--force"]) == 0  # the built-in one: outside
    assert appendix_rows(parse(out.read_text(encoding="utf-8")))["Win rate"][2].text == (
        "15–25%, typical 18% (40% is above the range)"
    )


HOSTILE = {
    "publisher": '=HYPERLINK("https://evil.example","Open me")',
    "title": "<script>alert(1)</script> " + "a very long title " * 2500,  # 45,000 characters
    "year": 2026,
    "url": "javascript:alert(1)",
}


def test_a_hostile_source_stays_text_in_the_report(tmp_path: Path) -> None:
    library = own_library(tmp_path, HOSTILE, (0.3, 0.35, 0.45))
    html, doc = report(enterprise(), library)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in " ".join(a.attrs.get("href") or "" for a in doc.iter("a"))
    cited = appendix_rows(doc)["Win rate"][3]
    assert cited.find("a") is None  # not a web address: no link
    assert cited.text.startswith('=HYPERLINK("https://evil.example","Open me"), <script>alert(1)</script> a very')


def test_a_hostile_source_stays_text_in_the_workbook(tmp_path: Path) -> None:
    library = own_library(tmp_path, HOSTILE, (0.3, 0.35, 0.45))
    path = next(iter(export_plan(enterprise(), xlsx=str(tmp_path / "plan.xlsx"), library=library)))
    inputs = load_workbook(path)["Inputs"]
    row = win_rate_row(path)
    source = inputs.cell(row, 8)
    assert source.data_type == "s" and source.value.startswith('=HYPERLINK("https://evil.example"')
    assert "<script>alert(1)</script>" in source.value
    assert len(source.value) == 32_767  # cut to what a cell holds
    with zipfile.ZipFile(path) as book:
        sheets = [book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/")]
    formulas = [f for xml in sheets for f in re.findall(r"<f>(.*?)</f>", xml)]
    assert formulas and not [f for f in formulas if "HYPERLINK" in f or "evil" in f]
    heights = [d.height for d in load_workbook(path)["Inputs"].row_dimensions.values() if d.height]
    assert max(heights) <= 409  # Excel's tallest row, however long the text


# the workbook


def win_rate_row(path: Path) -> int:
    book = load_workbook(path)
    sheet, cell = next(iter(book.defined_names["WinRate"].destinations))
    assert sheet == "Inputs"
    return int(cell.replace("$", "")[1:])


def test_the_inputs_sheet_shows_each_range_as_values_and_a_flag_that_is_a_formula(tmp_path: Path) -> None:
    path = write_workbook(outside_two(), tmp_path / "outside.xlsx")
    inputs = load_workbook(path)["Inputs"]
    row = win_rate_row(path)
    assert [inputs.cell(13, c).value for c in range(5, 10)] == [
        "Low",
        "Typical",
        "High",
        "Source of the range for Enterprise software",
        "Range check",
    ]
    low, typical, high, source, flag = (inputs.cell(row, c) for c in range(5, 10))
    assert [(c.value, c.data_type) for c in (low, typical, high)] == [(0.15, "n"), (0.18, "n"), (0.25, "n")]
    assert source.data_type == "s"
    assert source.value.startswith(
        "FirstSales, Win Rate | Sales Glossary (2024 Win Rate Benchmarks), 2024: "
        "https://firstsales.io/sales/glossary/win-rate"
    )
    assert flag.data_type == "f"
    assert flag.value == f'=IF(OR(WinRate<$E${row},WinRate>$G${row}),"Outside","")'
    cycle = row + 1  # the sales cycle: the targets' next row
    assert [inputs.cell(cycle, c).value for c in (5, 6, 7)] == [6, 9, 12]
    assert "SalesCycleMonths" in inputs.cell(cycle, 9).value
    # the deal size has no range: nothing beside it
    assert [inputs.cell(row - 1, c).value for c in range(5, 10)] == [None] * 5
    # the team's and the program's inputs, typed on Labor and Channels, each with a flag on its own cell
    labels = {inputs.cell(r, 1).value: r for r in range(52, inputs.max_row + 1)}
    team = labels["An SDR's sales-ready leads a month: Inside lead development reps"]
    assert inputs.cell(team, 2).value == "='Labor'!$H$5"
    assert [inputs.cell(team, c).value for c in (5, 6, 7)] == [4, 5, 8]
    assert inputs.cell(team, 9).value == f"=IF(OR('Labor'!$H$5<$E${team},'Labor'!$H$5>$G${team}),\"Outside\",\"\")"
    shows = labels["Cost per raw lead, events and trade shows: Trade shows"]
    assert [inputs.cell(shows, c).value for c in (5, 6, 7)] == [500, 1250, 2000]
    assert "'Channels'!" in inputs.cell(shows, 9).value


def test_the_flag_shows_outside_at_export_for_a_viewer_that_does_not_recalculate(tmp_path: Path) -> None:
    path = write_workbook(outside_two(), tmp_path / "outside.xlsx")
    inputs = load_workbook(path, data_only=True)["Inputs"]
    row = win_rate_row(path)
    flags = [inputs.cell(r, 9).value or "" for r in (row, row + 1, row + 2)]  # openpyxl reads "" as None
    assert flags == ["Outside", "Outside", ""]


def sheet_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path)
    return {sheet.title: [tuple(r) for r in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


def test_without_an_industry_the_inputs_sheet_has_no_range_columns_and_nothing_else_changes(tmp_path: Path) -> None:
    plain = write_workbook(sample_plan(), tmp_path / "plain.xlsx")
    ours = own_library(tmp_path, OURS, (0.3, 0.35, 0.45))
    with_library = write_workbook(sample_plan(), tmp_path / "ours.xlsx", library=ours)
    assert sheet_values(plain) == sheet_values(with_library)
    assert load_workbook(plain)["Inputs"].max_column == 4
    # an industry changes the Inputs sheet's range columns and block, and the findings written at export
    ranged = sheet_values(
        write_workbook(set_value(sample_plan(), "basics.industry", "it_services"), tmp_path / "i.xlsx")
    )
    before = sheet_values(plain)
    for title, rows in before.items():
        if title == "Inputs":
            assert [r[:4] for r in ranged[title][: len(rows)]] == [r[:4] for r in rows]
        elif title != "As written at export":
            assert ranged[title] == rows, title


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: cannot recalculate")
def test_the_flag_follows_the_win_rate_the_ceo_types_after_recalculation(tmp_path: Path) -> None:
    written = {
        "lowered": write_workbook(outside_two(), tmp_path / "lowered.xlsx"),  # 40% -> 20%: inside
        "raised": write_workbook(enterprise(), tmp_path / "raised.xlsx"),  # 18% -> 40%: outside
        "busy_team": write_workbook(enterprise(), tmp_path / "busy_team.xlsx"),  # 5 -> 12 a month: outside
    }
    row = win_rate_row(written["lowered"])
    for key, value in (("lowered", 0.2), ("raised", 0.4)):
        book = load_workbook(written[key])
        book["Inputs"].cell(row, 2).value = value
        book.save(written[key])
    book = load_workbook(written["busy_team"])
    book["Labor"]["H5"] = 12
    book.save(written["busy_team"])
    recalculated = recalculate_all(list(written.values()), tmp_path / "recalculated", written)

    def flags(key: str) -> dict[str, Any]:
        inputs = load_workbook(recalculated[key], data_only=True)["Inputs"]
        by_label = {inputs.cell(r, 1).value: inputs.cell(r, 9).value for r in range(row, inputs.max_row + 1)}
        return {label: flag or "" for label, flag in by_label.items() if label}

    lowered = flags("lowered")
    assert lowered["Win rate"] == ""
    assert lowered["Sales cycle"] == "Outside"  # still 3 months, below 6-12
    raised = flags("raised")
    assert raised["Win rate"] == "Outside"
    assert raised["Sales cycle"] == ""
    busy = flags("busy_team")
    assert busy["An SDR's sales-ready leads a month: Inside lead development reps"] == "Outside"
    assert busy["Win rate"] == ""


def test_with_an_industry_the_inputs_sheet_prints_two_pages_across_not_three(tmp_path: Path) -> None:
    from exports.excel.printing import MIN_SCALE, column_points, column_widths, fit, page_body, pages_across

    sheet = load_workbook(write_workbook(outside_two(), tmp_path / "plan.xlsx"))["Inputs"]
    widths, titles = column_widths(sheet), column_points(sheet, 1)
    # the label column prints on every page; at 75% a landscape A4 page holds 996 points of columns
    room = page_body("landscape")[0] * 0.97 * 100 / MIN_SCALE
    assert pages_across(widths, titles, room) == 2
    assert fit(widths, [15.0] * 40, titles).across == 2
