"""The report's "Plan vs actual" section: present with actuals (a table and a chart), absent without."""

from __future__ import annotations

import dataclasses
import datetime as dt

from exports.html_report import render_report
from planner.plan.model import Actual, Plan
from planner.plan.sample import sample_plan
from tests.exports.html_tree import Element, parse

TODAY = dt.date(2027, 4, 6)
ACTUALS = (
    Actual(month=1, sales_ready_leads=20, opportunities=10, wins=2, revenue=90_000),
    Actual(month=2, sales_ready_leads=30, opportunities=15, wins=4, revenue=150_000),
    Actual(month=3, sales_ready_leads=41),
)


def page(plan: Plan) -> Element:
    return parse(render_report(plan, today=TODAY))


def rows(table: Element) -> list[list[str]]:
    body = table.find("tbody")
    assert body is not None
    return [[cell.text for cell in row.children if isinstance(cell, Element)] for row in body.iter("tr")]


def test_the_section_is_left_out_without_actuals() -> None:
    root = page(sample_plan())
    assert not any(e.attrs.get("id") == "actuals" for e in root.iter("section"))
    assert "Plan vs actual" not in root.text


def test_with_actuals_the_section_shows_the_standing_a_table_by_month_by_stage_and_a_chart() -> None:
    root = page(dataclasses.replace(sample_plan(), actuals=ACTUALS))
    section = root.by_id("actuals")
    assert section.find("h2").text == "Plan vs actual"
    ids = [s.attrs.get("id") for s in root.iter("section")]
    assert ids.index("actuals") == ids.index("months") + 1
    paragraphs = [p.text for p in section.iter("p")]
    assert paragraphs[0].startswith("Short at this pace")
    # revenue to Feb: 240,000 against 3,000,000 x 2/12 = 500,000 of the goal
    assert "Actual revenue to Feb 2027: $240,000 against $500,000 of the goal to date, $260,000 behind" in paragraphs[1]
    months, stages = list(section.iter("table"))
    by_month = rows(months)
    # 400 leads needed by Sep 2027 (a 3-month cycle: months 1-9 in time): 44.4 a month; Jan 20 -> -24,
    # Mar 41 -> -3.4; Apr not reported; October on builds next year's start (3,000,000 / 6,000 / 12 = 42)
    assert by_month[0][:4] == ["Jan 2027", "20", "44", "-24"]
    assert by_month[2][:4] == ["Mar 2027", "41", "44", "-3.4"]
    assert by_month[3][1] == "—" and by_month[3][3] == "—"
    assert by_month[2][5] == "91"  # 20 + 30 + 41
    assert by_month[3][5].endswith("(forecast)")
    assert by_month[9][2] == "42"
    classes = [tr.attrs.get("class", "") for tr in months.find("tbody").iter("tr")]
    assert classes == [""] * 9 + ["next-year"] * 3
    by_stage = {row[0]: row for row in rows(stages)}
    # opportunities to Feb: the 20 + 30 actual leads x 60% = 30 planned; 25 reported, 5 behind
    assert by_stage["Opportunities"][1:] == ["Feb 2027", "25", "30", "-5 (behind)"]
    assert by_stage["Cost"][1] == "not reported"
    svg = section.by_id("chart-actuals")
    assert svg.attrs["role"] == "img"
    # to March 91 against 3 x 44.4 = 133; this year 91 + 23 + 5 x 29 = 259 of the 400 needed by September
    assert "91 actual to Mar 2027 against 133 needed; at this pace 259 of the 400 needed by Sep 2027" in (
        svg.find("desc").text
    )
    assert len(list(svg.iter("polyline"))) == 4  # needed, supplied, actual, forecast
    # page 1 says the same, in leads and money: 141 short x 6,000
    assert root.by_id("verdict").text.startswith(
        "Short by 141 sales-ready leads, $846,000 of revenue, by Sep 2027 at this pace"
    )


def test_actuals_without_sales_ready_leads_still_report_and_read_the_plan_after() -> None:
    # only January's revenue is reported: no month has actual sales-ready leads, so the running total
    # is the plan's supply (5 in January, 5 + 11 = 16 by February)
    root = page(dataclasses.replace(sample_plan(), actuals=(Actual(month=1, revenue=90_000),)))
    months, _stages = list(root.by_id("actuals").iter("table"))
    by_month = rows(months)
    assert [row[5] for row in by_month[:2]] == ["5 (forecast)", "16 (forecast)"]
    assert by_month[0][1] == "—"
