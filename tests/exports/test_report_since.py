"""The report with the last review's plan: a line on page 1 and "Since the last review", read back.

The pairs start from the sample (PRODUCT.md's example): $3,000,000 goal, $600,000 from the
pipeline, $40,000 deals, win rate 25%, 60% of sales-ready leads become opportunities, a 3-month
cycle (months 1-9 in time). It needs 2,400,000 / 40,000 / 0.25 / 0.6 = 400 sales-ready leads this
year and expects 201: gap 199. A lead is worth 40,000 x 0.6 x 0.25 = $6,000, so the revenue gap is
2,400,000 - 201 x 6,000 = $1,194,000.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from exports.html_report import render_report, write_report
from planner.compare.comparison import compare
from planner.plan.model import Channel, Plan
from planner.plan.paths import set_value
from tests.exports.html_tree import Element, parse
from tests.exports.test_html_report import CHROMIUM, PDFTOTEXT, chromium, page_texts

TODAY = dt.date(2027, 10, 8)

# win rate 25% -> 22%: 2,400,000 / 40,000 / 0.22 / 0.6 = 454.545 leads needed, 201 expected: the gap
# grows by 54.545 leads (said 55); the 201 leads are now worth 40,000 x 0.6 x 0.22 = $5,280, $720 less
# each: the revenue gap grows by 201 x 720 = $144,720, to $1,338,720. Nothing acts with it: together 0.
WIN_RATE_LINE = (
    "Since 1 Oct the plan is still Short; this year's gap grew by 55 sales-ready leads ($144,720): "
    "win rate 25% → 22% +55; together 0."
)


def lower_win_rate(plan: Plan) -> Plan:
    return set_value(plan, "targets.win_rate", 0.22)


def win_rate_and_budget(plan: Plan) -> Plan:
    """Win rate 22% and the trade shows at $5,000 a month, not $6,000."""
    return set_value(lower_win_rate(plan), "channels[1].monthly_budget", 5_000)


def report(old: Plan, new: Plan, since: str = "1 Oct") -> Element:
    return parse(render_report(new, today=TODAY, comparison=compare(old, new), since=since))


def rows(table: Element) -> list[list[str]]:
    return [[c.text for c in tr.iter() if c.tag in ("th", "td")] for tr in table.iter("tr")]


def table(section: Element, caption: str) -> Element:
    return next(t for t in section.iter("table") if t.find("caption").text.startswith(caption))


def whole(text: str) -> int:
    """A signed figure as the report writes it ("+55", "−$5,400", "0") as a number."""
    sign = -1 if text.startswith("−") else 1
    return sign * int(re.sub(r"[^\d]", "", text) or 0)


def test_page_one_says_what_moved_the_gap_since_the_last_review_in_one_sentence(sample: Plan) -> None:
    memo = report(sample, lower_win_rate(sample)).by_id("memo")
    assert memo.by_id("since-line").text == WIN_RATE_LINE
    # one line, under the verdict, before the bridge
    texts = [p.attrs.get("id") for p in memo.iter("p") if p.attrs.get("id")]
    assert texts.index("since-line") > texts.index("verdict")


def test_the_section_shows_the_answers_then_and_now_as_worked_out_by_hand(sample: Plan) -> None:
    section = report(sample, win_rate_and_budget(sample)).by_id("since")
    assert section.find("h2").text == "Since the last review"
    # win rate 22% (454.545 needed) and the trade shows at 5,000 / 120 = 41.67 raw leads x 25% x 40%
    # = 4.17 sales-ready leads a month, 0.83 fewer for 9 months: 201 - 7.5 = 193.5 expected; gap
    # 261.05; revenue gap 2,400,000 - 193.5 x 5,280 = $1,378,320; cost 237,000 - 1,000 x 12 = $225,000
    # for 288 - 0.83 x 12 = 278 leads: $809 each (before 237,000 / 288 = $823)
    assert rows(table(section, "The answers then and now")) == [
        ["Answer", "Last review, 1 Oct", "Now"],
        ["Status", "Short", "Short"],
        ["This year's gap (sales-ready leads)", "199", "261"],
        ["Revenue gap", "$1,194,000", "$1,378,320"],
        ["Total cost", "$237,000", "$225,000"],
        ["Cost per sales-ready lead", "$823", "$809"],
        ["Inside reps to close the gap", "3", "3"],
        ["Latest start month", "Feb 2027", "Jan 2027"],
    ]


def test_a_revenue_surplus_reads_as_a_surplus_as_it_does_in_the_app(sample: Plan) -> None:
    # a $1,000,000 goal less $600,000 of pipeline; the 201 expected leads are worth $6,000, then
    # $4,800 at a 20% win rate: $1,206,000 and $964,800 against the $400,000 still needed
    rich = set_value(sample, "targets.revenue_goal", 1_000_000)
    section = report(rich, set_value(rich, "targets.win_rate", 0.2)).by_id("since")
    assert ["Revenue gap", "$806,000 surplus", "$564,800 surplus"] in rows(table(section, "The answers then and now"))


def test_the_attribution_table_gives_each_drivers_move_and_its_rows_add_up_to_the_total(sample: Plan) -> None:
    section = report(sample, win_rate_and_budget(sample)).by_id("since")
    found = rows(table(section, "What moved the gaps"))
    # alone, the win rate: +54.545 leads, +$144,720 (above); alone, the budget: 7.5 fewer leads in
    # time, +7.5, worth 7.5 x 6,000 = +$45,000. Both: 261.045 - 199 = +62.045; the revenue gap
    # 1,378,320 - 1,194,000 = +$184,320. Together: 62.045 - 54.545 - 7.5 = 0 leads, and
    # 184,320 - 144,720 - 45,000 = -$5,400 (the 7.5 lost leads were each worth $720 more at 25%).
    # Rounded to add up as they are read: 54.545 -> 55, then 62.045 -> 62 is +7, then +0.
    assert found == [
        ["What changed", "This year's gap (sales-ready leads)", "Revenue gap"],
        ["Win rate 25% → 22%", "+55", "+$144,720"],
        ["Trade shows: monthly budget $6,000 → $5,000", "+7", "+$45,000"],
        ["Together (changes acting on each other)", "0", "−$5,400"],
        ["Total move", "+62", "+$184,320"],
    ]
    body, total = found[1:-1], found[-1]
    assert sum(whole(row[1]) for row in body) == whole(total[1]) == 62
    assert sum(whole(row[2]) for row in body) == whole(total[2]) == 184_320
    # the memo's line says the same moves
    line = report(sample, win_rate_and_budget(sample)).by_id("since-line").text
    assert "grew by 62 sales-ready leads ($184,320)" in line
    assert line.endswith("win rate 25% → 22% +55; Trade shows: monthly budget $6,000 → $5,000 +7; together 0.")


def test_the_changed_inputs_are_listed_before_and_after(sample: Plan) -> None:
    removed = dataclasses.replace(win_rate_and_budget(sample), channels=(win_rate_and_budget(sample).channels[0],))
    section = report(sample, removed).by_id("since")
    assert rows(table(section, "The inputs that changed"))[1:] == [
        ["Win rate", "25%", "22%"],
        ["Trade shows (a channel)", "in the plan", "removed"],
    ]


def test_the_waterfall_walks_from_the_gap_then_through_each_move_to_the_gap_now(sample: Plan) -> None:
    chart = report(sample, win_rate_and_budget(sample)).by_id("chart-since")
    assert chart.find("desc").text == (
        "Gap on 1 Oct: 199; Win rate 25% → 22%: +55; Trade shows: monthly budget $6,000 → $5,000: +7; "
        "Together: 0; Gap now: 261."
    )
    bars = [r for r in chart.iter("rect")]
    assert [b.attrs["class"] for b in bars] == ["total", "grows", "grows", "none", "total"]
    spans = [(float(b.attrs["x"]), float(b.attrs["x"]) + float(b.attrs["width"])) for b in bars]
    zero = spans[0][0]
    scale = (spans[0][1] - zero) / 199  # the gap then, 199 leads, from zero
    # each move starts where the one before it ended; the gap now (261.045) is where the moves end
    assert spans[1][0] == pytest.approx(spans[0][1], abs=0.15)
    assert spans[1][1] - spans[1][0] == pytest.approx(54.545 * scale, abs=0.2)
    assert spans[2][0] == pytest.approx(spans[1][1], abs=0.15)
    assert spans[2][1] - spans[2][0] == pytest.approx(7.5 * scale, abs=0.2)
    assert spans[4] == (pytest.approx(zero), pytest.approx(zero + 261.045 * scale, abs=0.2))
    # the axis: round steps of 50 leads from 0 past the largest (planner.numbers.axis)
    ticks = [t.text for t in chart.iter("text") if t.attrs.get("text-anchor") == "middle"]
    assert ticks[:7] == ["0", "50", "100", "150", "200", "250", "300"]


def test_a_plan_compared_with_itself_says_nothing_changed_and_draws_no_chart(sample: Plan) -> None:
    doc = report(sample, sample, since="8 Oct")
    assert doc.by_id("since-line").text == "Since 8 Oct nothing changed: the plan is still Short."
    section = doc.by_id("since")
    assert [t.find("caption").text for t in section.iter("table")] == ["The answers then and now"]
    assert not list(section.iter("svg"))


def test_past_five_drivers_the_memo_line_adds_up_the_smaller_ones_and_the_section_lists_them_all(
    sample: Plan,
) -> None:
    new = sample
    for path, value in (
        ("targets.win_rate", 0.22),
        ("targets.deal_size", 42_000),
        ("targets.sales_cycle_months", 2),
        ("targets.lead_to_mql", 0.3),
        ("targets.mql_to_srl", 0.45),
        ("labor[0].headcount", 3),
        ("channels[1].monthly_budget", 5_000),
    ):
        new = set_value(new, path, value)
    doc = report(sample, new)
    line = doc.by_id("since-line").text
    moves = re.findall(r" ([+−]?[\d,]+)(?=;|\.$)", line.split(": ", 1)[1])
    assert len(moves) == 5 + 1 + 1  # five drivers, "2 other changes", together
    assert "; 2 other changes " in line
    grew = re.search(r"gap (grew|shrank) by ([\d,]+) ", line)
    assert grew is not None
    total = whole(grew.group(2)) * (1 if grew.group(1) == "grew" else -1)
    assert sum(whole(m) for m in moves) == total  # the line adds up, the other changes included
    found = rows(table(doc.by_id("since"), "What moved the gaps"))
    assert len(found) == 1 + 7 + 1 + 1  # the header, seven drivers, together, the total
    assert sum(whole(row[1]) for row in found[1:-1]) == whole(found[-1][1]) == total


def test_a_row_named_like_markup_stays_text_in_the_line_the_chart_and_the_tables(sample: Plan) -> None:
    name = "<script>alert(1)</script>"
    channel = Channel(name=name, type="events", owner="marketing", monthly_budget=1_200, cost_per_lead=120)
    new = dataclasses.replace(sample, channels=(*sample.channels, channel))
    html = render_report(new, today=TODAY, comparison=compare(sample, new), since="1 Oct")
    assert "<script" not in html
    doc = parse(html)
    assert not list(doc.iter("script"))
    # 1,200 / 120 = 10 raw leads x 25% x 40% = 1 sales-ready lead a month: 9 this year, the gap -9
    assert f"{name} added −9" in doc.by_id("since-line").text
    section = doc.by_id("since")
    assert [f"{name} added", "−9", "−$54,000"] in rows(table(section, "What moved the gaps"))
    assert [f"{name} (a channel)", "not in the plan", "added"] in rows(table(section, "The inputs that changed"))
    assert any(name in t.text for t in doc.by_id("chart-since").iter("text"))


def test_without_a_comparison_the_report_is_as_before_and_a_comparison_adds_only_its_line_and_section(
    sample: Plan,
) -> None:
    new = win_rate_and_budget(sample)
    plain = render_report(new, today=TODAY)
    assert render_report(new, today=TODAY, comparison=None, since="1 Oct") == plain
    assert "since-line" not in plain and 'id="since"' not in plain
    compared = render_report(new, today=TODAY, comparison=compare(sample, new), since="1 Oct")
    without = re.sub(r'<p id="since-line".*?</p>\n', "", compared, count=1, flags=re.S)
    without = re.sub(r'<section id="since".*?</section>\n', "", without, count=1, flags=re.S)
    assert without == plain


def test_the_section_keeps_the_reports_order_headings_and_accessible_chart(sample: Plan) -> None:
    doc = report(sample, win_rate_and_budget(sample))
    ids = [e.attrs["id"] for e in doc.iter() if e.tag in ("header", "section") and e.attrs.get("id")]
    assert ids[:4] == ["title", "memo", "headline", "since"]
    section = doc.by_id("since")
    assert all(t.find("caption").text and t.find("thead") is not None for t in section.iter("table"))
    svg = section.find("svg")
    assert svg.attrs["role"] == "img" and svg.find("title").text and svg.find("desc").text
    assert section.find("figcaption").text.startswith("Each bar after the first is one change's move")


@pytest.mark.chromium
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_chromium_prints_the_line_on_page_one_with_the_whole_memo(sample: Plan, tmp_path: Path) -> None:
    new = lower_win_rate(sample)
    page = write_report(new, tmp_path / "report.html", comparison=compare(sample, new), since="1 Oct")
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    pages = [" ".join(text.split()) for text in page_texts(pdf)]
    assert WIN_RATE_LINE in pages[0]
    assert "Decisions asked of Tom (CEO)" in pages[0]  # the memo still ends on page 1
    assert any("Since the last review" in text for text in pages[1:])
