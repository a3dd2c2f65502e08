"""The HTML report for the CEO: read back with an HTML parser, and looked at in Chromium."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cli.main import main
from exports.html_report import SHORT_TABLE_ROWS, render_report, write_report
from exports.writers import export_plan
from planner.advice.health import verdict
from planner.numbers import formatting as fmt
from planner.numbers.engine import compute
from planner.plan.model import Plan
from planner.plan.plan_file import PlanFileError, plan_from_file_data
from planner.plan.sample import sample_text
from tests.exports.html_tree import Element, parse
from tests.planner.plans import make_plan

SECTIONS = [
    "title",
    "memo",
    "headline",
    "diagnosis",
    "targets",
    "labor",
    "channels",
    "months",
    "scenarios",
    "scorecard",
    "review",
    "appendix",
]
NASTY = '<b>&"'


def sample_data() -> dict:
    return json.loads(sample_text())


def plan_of(data: dict) -> Plan:
    loaded = plan_from_file_data(data)
    assert not loaded.problems, loaded.problems
    return loaded.plan


def nasty_plan() -> Plan:
    data = sample_data()
    data["basics"]["company"] = NASTY
    data["diagnosis"]["notes"] = f"Reps say {NASTY} about lists"
    data["channels"][1]["name"] = f"Shows {NASTY}"
    data["review"]["big_deals"] = [f"Deal {NASTY}"]
    data["labor"][0]["name"] = f"Team {NASTY}"
    return plan_of(data)


def report(plan: Plan) -> Element:
    return parse(render_report(plan, today=dt.date(2026, 11, 2)))


def headline_figures(doc: Element) -> dict[str, str]:
    tiles = doc.by_id("headline").find("dl")
    assert tiles is not None
    return {tile.find("dt").text: tile.find("dd").text for tile in tiles.iter("div")}


def test_the_report_has_every_section_in_the_order_a_ceo_reads(sample: Plan) -> None:
    doc = report(sample)
    ids = [e.attrs["id"] for e in doc.iter() if e.tag in ("header", "section") and e.attrs.get("id")]
    assert ids == SECTIONS
    assert doc.find("h1").text == "FY2027 lead development plan"
    title = doc.by_id("title").text
    for words in (
        "Acme Fasteners",
        "Joe (VP Sales)",
        "Tom (CEO)",
        "2 November 2026",
        "12 months, Jan 2027 to Dec 2027",
    ):
        assert words in title


def test_the_headline_shows_the_engines_figures_as_worked_out_by_hand(sample: Plan) -> None:
    # 2.4M net new / 40K = 60 wins / 25% = 240 opportunities / 60% = 400 sales-ready leads needed by
    # Sep 2027 (a 3-month cycle: months 1-9 are in time); supplied 5, 11, 17, 23, then 29: 201 in time,
    # 199 short (50.25%); reps 6+12+18+24x8 = 228 plus trade shows 5 a month x 12 = 60 -> 288 over the plan;
    # cost 15,000 x 11 + 6,000 x 12 = 237,000; all 288 leads are worth 288 x 0.6 x 0.25 x 40,000 = 1,728,000
    figures = headline_figures(report(sample))
    assert figures == {
        "Sales-ready leads needed": "400",
        "Expected this year": "201",
        "Coverage": "50%",
        "Gap": "199",
        "Total cost": "$237,000",
        "Cost per sales-ready lead": "$823",
        "Projected revenue": "$1,728,000",
        "Return on cost": "228%",
    }
    result = compute(sample)
    assert figures["Cost per sales-ready lead"] == fmt.money(result.supply.cost_per_sales_ready_lead, "USD")
    assert figures["Return on cost"] == fmt.ratio_multiple(result.supply.return_on_cost)
    notes = [dd.text for dd in report(sample).by_id("headline").iter("dd") if dd.attrs.get("class") == "note"]
    # the engine's 3 inside reps to start by February (3 x 78 = 234 >= 198.5)
    assert "3 inside reps hired by Feb 2027 close it" in notes


def test_the_headline_carries_the_plans_one_line_verdict(sample: Plan) -> None:
    doc = report(sample)
    text = doc.by_id("headline").find("p").text
    assert text == verdict(compute(sample))
    assert text.startswith("Short")


def test_the_monthly_table_lists_every_month_the_quarters_and_the_engines_totals(sample: Plan) -> None:
    table = report(sample).by_id("months").find("table")
    rows = [[cell.text for cell in tr.iter() if cell.tag in ("th", "td")] for tr in table.find("tbody").iter("tr")]
    months = ["Jan", "Feb", "Mar", "Q", "Apr", "May", "Jun", "Q", "Jul", "Aug", "Sep", "Q", "Oct", "Nov", "Dec", "Q"]
    quarters = iter(["Jan–Mar 2027", "Apr–Jun 2027", "Jul–Sep 2027", "Oct–Dec 2027"])
    assert [r[0] for r in rows] == [next(quarters) if m == "Q" else f"{m} 2027" for m in months]
    # January: 400 / 9 = 44 needed; only the trade shows' 5 supplied (11%), costing 6,000; no revenue from
    # leads yet (a 3-month cycle: January's leads are won in April)
    assert rows[0] == ["Jan 2027", "44", "5", "39", "39", "11%", "$6,000", "$0"]
    # April is won from January's 5 leads: 5 x 6,000
    assert rows[4][-1] == "$30,000"
    # the first quarter: 133 needed, 5 + 11 + 17 = 33 supplied (reps ramp 3, 6, 12 from February)
    assert rows[3] == ["Jan–Mar 2027", "133", "33", "100", "", "", "$48,000", ""]
    # October builds next year's start: 3,000,000 / 6,000 / 12 = 42 needed
    assert rows[12][:4] == ["Oct 2027", "42", "29", "13"]
    # whole leads that subtract: 44 - 29 = 15, never "44 | 29 | 15.4"
    for row in rows:
        needed, supplied, gap = (int(x.replace(",", "")) for x in row[1:4])
        assert needed - supplied == gap, row
    totals = [[cell.text for cell in tr.iter() if cell.tag in ("th", "td")] for tr in table.find("tfoot").iter("tr")]
    # this year: 400 needed, 201 in time, 199 short (50%), won inside the horizon 201 x 6,000; next year's
    # start: 125 needed, 3 x 29 = 87, 38 short, 87 x 6,000 = 522,000 won after December
    assert totals == [
        ["This year's leads, Jan 2027 to Sep 2027", "400", "201", "199", "", "50%", "", "$1,206,000"],
        ["Next year's start, Oct 2027 to Dec 2027", "125", "87", "38", "", "", "", "$522,000 next year"],
        ["Plan total", "", "288", "", "", "", "$237,000", ""],
    ]


def test_scenarios_sit_beside_the_base_plan(sample: Plan) -> None:
    table = report(sample).by_id("scenarios").find("table")
    heads = [th.text for th in table.find("thead").iter("th")]
    assert heads == ["", "Base plan", "Stretch"]
    rows = {tr.find("th").text: [td.text for td in tr.iter("td")] for tr in table.find("tbody").iter("tr")}
    # a 30% win rate: 60 wins / 0.3 = 200 opportunities / 0.6 = 333 sales-ready leads needed; both
    # expect 201 in time: 199 and 132 short
    assert rows["Sales-ready leads needed"] == ["400", "333"]
    assert rows["Expected this year"] == ["201", "201"]
    assert rows["Gap"] == ["199", "132"]
    assert rows["What changes"] == ["", "Win rate 30%"]


def test_the_ceo_review_has_its_five_agenda_items_in_order(sample: Plan) -> None:
    review = report(sample).by_id("review")
    items = [item for item in review.iter("li") if "agenda-item" in (item.attrs.get("class") or "")]
    assert [item.attrs["id"] for item in items] == [
        "agenda-revenue_vs_goal",
        "agenda-big_deals",
        "agenda-risks",
        "agenda-initiatives",
        "agenda-issues",
    ]
    assert items[0].find("h3").text == "Actual revenue vs goal"
    assert all(item.find("h3").text and item.find("p").text for item in items)  # a title and the CEO's question


def test_user_text_is_shown_as_text_and_never_becomes_markup() -> None:
    html = render_report(nasty_plan())
    doc = parse(html)
    assert not list(doc.iter("b"))
    assert "<b>" not in html
    assert doc.by_id("title").find("p").text == NASTY
    assert f"Reps say {NASTY} about lists" in doc.by_id("appendix").text
    assert f"Shows {NASTY}" in doc.by_id("channels").find("table").text
    assert f"Team {NASTY}" in doc.by_id("labor").text
    assert f"Deal {NASTY}" in doc.by_id("agenda-big_deals").text
    # the channel's name is in the supply mix chart too, as text
    chart = doc.by_id("chart-mix")
    assert f"Shows {NASTY}" in [t.text for t in chart.iter("text")]


def test_the_report_references_nothing_outside_the_file(sample: Plan) -> None:
    html = render_report(sample)
    doc = parse(html)
    assert not list(doc.iter("script"))
    for tag in ("link", "img", "iframe", "object", "embed", "base"):
        assert not list(doc.iter(tag)), tag
    for element in doc.iter():
        for name, value in element.attrs.items():
            if name in ("src", "href", "xlink:href", "srcset", "action", "poster"):
                pytest.fail(f"<{element.tag} {name}={value!r}>")
            assert not name.startswith("on"), f"an event handler on <{element.tag}>"
    styles = [e.text for e in doc.iter("style")]
    assert len(styles) == 1 and "@page" in styles[0]
    assert "@import" not in styles[0] and "url(" not in styles[0]
    assert not re.search(r"\burl\(", html)


def test_every_chart_has_a_title_a_text_alternative_and_a_caption(sample: Plan) -> None:
    doc = report(sample)
    charts = list(doc.iter("svg"))
    assert [c.attrs["id"] for c in charts] == [
        "chart-cumulative",
        "chart-funnel",
        "chart-mix",
        "chart-months",
        "chart-tornado",
    ]
    for chart in charts:
        assert chart.attrs["role"] == "img"
        title_id, desc_id = chart.attrs["aria-labelledby"].split()
        assert chart.find("title").attrs["id"] == title_id and chart.find("title").text
        assert chart.find("desc").attrs["id"] == desc_id and chart.find("desc").text
    figures = list(doc.iter("figure"))
    assert len(figures) == 5 and all(f.find("figcaption").text for f in figures)
    assert "Jan 2027: 44 needed, 5 supplied" in doc.by_id("chart-months").find("desc").text
    # page 1's chart: to date, with the carry-over months marked as next year's
    memo_chart = doc.by_id("chart-cumulative")
    assert "Sep 2027: 400 needed, 201 supplied" in memo_chart.find("desc").text
    assert "Oct 2027: 442 needed, 230 supplied (next year's start)" in memo_chart.find("desc").text
    assert [r.attrs.get("class") for r in memo_chart.iter("rect")] == ["next-year"]


def test_tables_have_captions_and_header_cells_and_headings_never_skip_a_level(sample: Plan) -> None:
    doc = report(sample)
    for table in doc.iter("table"):
        assert table.find("caption").text
        assert all(th.attrs.get("scope") == "col" for th in table.find("thead").iter("th"))
        assert all(tr.find("th").attrs.get("scope") == "row" for tr in table.find("tbody").iter("tr"))
    levels = [int(e.tag[1]) for e in doc.iter() if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_a_plan_with_no_people_channels_or_scenarios_still_reports_what_is_not_available() -> None:
    doc = report(make_plan())
    figures = headline_figures(doc)
    # 1M / 10K = 100 wins / 0.5 = 200 opportunities / 0.5 = 400 sales-ready leads; none supplied
    assert figures["Sales-ready leads needed"] == "400"
    assert figures["Coverage"] == "0%"
    assert figures["Cost per sales-ready lead"] == fmt.NOT_AVAILABLE
    assert "No scenarios in this plan." in doc.by_id("scenarios").text
    assert "No channels yet." in doc.by_id("channels").text


def test_export_writes_the_report_atomically_and_reports_progress(sample: Plan, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old report", encoding="utf-8")
    steps: list[tuple[int, str]] = []
    assert write_report(sample, out, progress=lambda p, m: steps.append((p, m))) == out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p for p, _ in steps] == sorted(p for p, _ in steps) and steps[-1][0] == 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary file left
    assert list(export_plan(sample, html=str(tmp_path / "again.html"))) == [tmp_path / "again.html"]


def test_export_into_a_missing_folder_fails_cleanly_and_leaves_nothing(sample: Plan, tmp_path: Path) -> None:
    with pytest.raises(PlanFileError, match=r"Could not save “report\.html”"):
        write_report(sample, tmp_path / "missing" / "report.html")
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_exports_the_html_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan_file = tmp_path / "acme.leadplan"
    plan_file.write_text(sample_text(), encoding="utf-8")
    out = tmp_path / "acme.html"
    assert main(["export", str(plan_file), "--html", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    assert headline_figures(parse(out.read_text(encoding="utf-8")))["Total cost"] == "$237,000"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def chromium(tmp_path: Path, page: Path, *args: str) -> None:
    command = [
        CHROMIUM or "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        page.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


PDFTOTEXT = shutil.which("pdftotext")


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, laid out as printed (pdftotext), or [] without it."""
    count = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    return [
        subprocess.run(
            [str(PDFTOTEXT), "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def body_rows(doc: Element) -> dict[str, str]:
    """The first cell of every table body row, with its table's header row (as the PDF prints it)."""
    found = {}
    for table in doc.iter("table"):
        head = " ".join(th.text for th in table.find("thead").iter("th") if th.text)
        for tr in table.find("tbody").iter("tr"):
            first = tr.find("th") or tr.find("td")
            if first is not None and first.text:
                found[first.text] = head
    return found


@pytest.mark.chromium
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
def test_chromium_prints_the_sample_on_six_pages_with_the_memo_first_and_no_orphan_rows(
    sample: Plan, tmp_path: Path
) -> None:
    page = write_report(sample, tmp_path / "report.html")
    pdf, png = tmp_path / "report.pdf", tmp_path / "report.png"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    chromium(tmp_path, page, f"--screenshot={png}", "--window-size=1280,4000")
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 50_000
    pages = page_texts(pdf)
    # (v3 added next year's start to page 1, two total rows to the months and the new-hire ramp to the
    # assumptions: seven pages, the last the assumptions alone; long tables now run on: six at most)
    assert 2 <= len(pages) <= 6
    first = " ".join(pages[0].split())
    # page 1: the gap in leads and dollars, by when, next year's start, an option with its cost, the decisions
    assert "Short by 199 sales-ready leads, $1,194,000 of revenue, by Sep 2027; behind every month." in first
    assert "Next year's start (Oct 2027 to Dec 2027, whose leads close next year)" in first
    assert "$3,000,000" in first and "$600,000" in first and "$1,206,000" in first and "$1,806,000" in first
    assert "Hire 3 inside reps to start by" in first and "+$247,500" in first
    assert "Decisions asked of Tom (CEO)" in first
    # the footer: the plan's title and the page number on every page
    for number, text in enumerate(pages, 1):
        assert "FY2027 lead development plan" in text and f"page {number} of {len(pages)}" in text
    # no page begins with a table's body rows: a table that runs on repeats its header first
    rows = body_rows(parse(page.read_text(encoding="utf-8")))
    for number, text in enumerate(pages[1:], 2):
        top = next(line.strip() for line in text.splitlines() if line.strip())
        # a body row prints as its first cell then its figures; a caption or heading reads on in words
        starts = [row for row in rows if re.match(re.escape(row) + r"\s+[-−\d$€£]", top)]
        assert not starts, f"page {number} begins with the body row {starts[0]!r} of a table"
    # "Scenarios side by side" once; the whole report on paper is every section's text
    assert " ".join(" ".join(pages).split()).count("Scenarios side by side") == 1


@pytest.mark.chromium
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_a_hostile_title_in_the_page_footer_stays_text(tmp_path: Path) -> None:
    data = sample_data()
    data["basics"]["title"] = '"; } body { display: none } </style><b>x'
    page = write_report(plan_of(data), tmp_path / "report.html")
    style = next(parse(page.read_text(encoding="utf-8")).iter("style")).text
    assert "display: none" not in style and "</style>" not in style
    assert '@bottom-left { content: "\\000022\\00003b' in style  # the title as CSS escapes
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes())) >= 2


def test_print_css_repeats_table_headers_and_never_splits_a_short_table_or_a_row(sample: Plan) -> None:
    css = next(parse(render_report(sample)).iter("style")).text
    printing = css[css.index("@media print") :]
    assert re.search(r"table\.data thead \{ display: table-header-group; \}", printing)
    assert re.search(r"table\.data tr \{ break-inside: avoid; \}", printing)
    assert re.search(r"table\.data thead, table\.data caption \{ break-after: avoid; \}", printing)
    assert ".table-wrap.short" in printing and "break-inside: avoid" in printing
    assert "section { break-before: page; }" not in css  # sections flow
    assert re.search(r"@page \{\s*margin: [^;]+;", css)
    assert 'counter(page) " of " counter(pages)' in css and "@bottom-left { content:" in css
    # a table of ten rows or fewer never splits; a longer one (the months, the assumptions) runs on, with
    # at least three of its rows on each page, and a quarter's subtotal and the totals kept with the rows above
    assert re.search(r"table\.data tbody tr:nth-child\(-n\+2\) \{ break-after: avoid; \}", printing)
    assert re.search(r"table\.data tbody tr:nth-last-child\(-n\+2\), table\.data tr\.subtotal", printing)
    doc = report(sample)
    wraps = [t for t in doc.iter("div") if "table-wrap" in t.attrs.get("class", "")]
    sizes = {
        t.find("caption").text: (len(list(t.find("tbody").iter("tr"))), "short" in t.attrs["class"]) for t in wraps
    }
    assert sizes["The revenue bridge"] == (5, True) and sizes["Targets"] == (6, True)
    # 12 months and 4 quarters
    assert sizes["Sales-ready leads needed and supplied, month by month, with quarter subtotals"] == (16, False)
    assert all(short == (rows <= SHORT_TABLE_ROWS == 10) for rows, short in sizes.values())


def test_page_one_is_the_memo_with_the_bridge_the_options_and_the_decisions(sample: Plan) -> None:
    memo = report(sample).by_id("memo")
    assert memo.by_id("verdict").text == (
        "Short by 199 sales-ready leads, $1,194,000 of revenue, by Sep 2027; behind every month."
    )
    assert memo.by_id("next-year").text.endswith("87 of the 125 sales-ready leads needed, 38 short.")
    bridge = {tr.find("th").text: tr.find("td").text for tr in memo.find("table").find("tbody").iter("tr")}
    # 3,000,000 goal - (600,000 pipeline + 201 x 0.6 x 0.25 x 40,000 = 1,206,000 projected) = 1,194,000
    assert bridge == {
        "Revenue goal": "$3,000,000",
        "Current pipeline": "$600,000",
        "Projected from new leads": "$1,206,000",
        "Expected revenue": "$1,806,000",
        "Revenue gap": "$1,194,000",
    }
    # beside the bridge, not in it: October to December's 87 leads, won next year
    assert "Carried over to next year: $522,000" in memo.text
    options = [[c.text for c in tr.iter() if c.tag in ("th", "td")] for tr in list(memo.iter("table"))[1].iter("tr")]
    # goal seek: 3 inside reps from February (3 x 78 = 234 >= 199) at 7,500 x 11 months each; trade shows
    # at 32,534 a month (26,534 more x 12 months)
    assert options[1][:3] == [
        "Hire 3 inside reps to start by Feb 2027",
        "+$247,500",
        "start by Feb 2027 (not before Jan 2027), full output from May 2027",
    ]
    assert options[2][:2] == ["Raise the Trade shows budget to $32,534 a month", "+$318,408"]
    assert options[3][:2] == ["Reach a win rate of 49.8% (now 25.0%)", "no added cost"]
    decisions = [li.text for li in memo.find("ol").iter("li")]
    assert decisions[0].startswith("Choose how to close this year's $1,194,000 gap")
    assert any("$237,000" in d for d in decisions)


def test_a_late_plan_with_actuals_is_called_late_on_page_one() -> None:
    # the sample at a 30% win rate and 80,000 deals needs 2,400,000 / 80,000 / 0.3 / 0.6 = 166.7 by
    # September (18.5 a month); with 2, 3 and 4 actual leads in January to March and the plan after,
    # 2 + 3 + 4 + 23 + 5 x 29 = 177 close in time: covered, but 55.6 - 9 = 46.6 behind by March
    data = sample_data()
    data["targets"].update(win_rate=0.3, deal_size=80_000)
    data["actuals"] = [{"month": m, "sales_ready_leads": v} for m, v in ((1, 2), (2, 3), (3, 4))]
    plan = plan_of(data)
    assert compute(plan).timing.status == "late"
    doc = report(plan)
    assert doc.by_id("verdict").text.startswith("Late: this year's 167 sales-ready leads are covered by Sep 2027")
    assert "up to 47 behind (Mar 2027)" in doc.by_id("verdict").text
    assert "late" in doc.by_id("verdict").attrs["class"].split()
    # the page-1 chart says what is known: the actuals to March, then the plan
    chart = doc.by_id("chart-cumulative")
    assert chart.find("title").text == "Sales-ready leads needed vs known, to date"
    assert "Mar 2027: 56 needed, 9 known" in chart.find("desc").text


def test_no_chart_label_is_cut(sample: Plan) -> None:
    doc = report(sample)
    texts = [t.text for svg in doc.iter("svg") for t in svg.iter("text")]
    assert texts and not any("…" in t for t in texts)
    tornado = " ".join(t.text for t in doc.by_id("chart-tornado").iter("text"))
    assert "Output per person: Inside lead development reps" in " ".join(tornado.split())
    months = [t.text for t in doc.by_id("chart-months").iter("text")]
    assert "Sales-ready leads a month" in months  # the axis has its unit


def test_a_gap_reads_the_same_on_every_page_rounded_once_from_the_engines_figures() -> None:
    # a 28% win rate: 2,400,000 / 40,000 = 60 wins / 0.28 = 214.29 opportunities / 0.6 = 357.14 needed by
    # Sep 2027; reps of 12.2 a month ramp 6.1, 12.2, 18.3 from February, then 24.4, with the trade shows' 5:
    # 5 + 11.1 + 17.2 + 23.3 + 5 x 29.4 = 203.6 expected. The gap is 153.54: 154 everywhere (the months'
    # total row and the Base scenario said 357 - 204 = 153, a subtraction of rounded figures)
    data = sample_data()
    data["targets"]["win_rate"] = 0.28
    data["labor"][0]["srl_per_person_month"] = 12.2
    plan = plan_of(data)
    assert compute(plan).gap.sales_ready_leads == pytest.approx(357.142857 - 203.6)
    doc = report(plan)
    assert doc.by_id("verdict").text.startswith("Short by 154 sales-ready leads")
    assert headline_figures(doc)["Gap"] == "154"
    year = [c.text for c in doc.by_id("months").find("tfoot").find("tr").iter() if c.tag in ("th", "td")]
    assert year[:4] == ["This year's leads, Jan 2027 to Sep 2027", "357", "204", "154"]
    scenarios = {tr.find("th").text: [td.text for td in tr.iter("td")] for tr in doc.by_id("scenarios").iter("tr")}
    assert scenarios["Gap"][0] == "154"
    assert "153" not in " ".join(e.text for e in doc.iter("main"))


def test_an_input_with_decimals_is_never_shown_as_a_whole_number() -> None:
    # a seat empty 1.5 months (with 30% of the people leaving a year), reps of 12.2 leads a month
    data = sample_data()
    data["labor"][0].update(vacancy_months=1.5, attrition_rate=0.3, srl_per_person_month=12.2)
    doc = report(plan_of(data))
    assumptions = {
        tr.find("th").text: tr.find("td").text for tr in doc.by_id("appendix").iter("tr") if tr.find("td") is not None
    }
    assert assumptions["Vacancy: Inside lead development reps"] == "1.5 months"  # it said "1 month"
    assert assumptions["Sales-ready leads per person-month: Inside lead development reps"] == "12.2"
    labor = doc.by_id("labor")
    assert "a seat stays empty 1.5 months before its replacement ramps" in labor.text
    row = [td.text for td in labor.find("tbody").find("tr").iter("td")]
    assert row[5] == "12.2"  # the output per person-month, after the kind, head count, months, ramp and cost


def test_the_page_one_chart_names_the_years_of_a_plan_over_two_calendar_years() -> None:
    # nine months from November 2026: the axis reads Nov, Jan, Mar, May, Jul with 2026 under November and
    # 2027 under January (it read "Nov Jan Mar May Jul" with no year)
    data = sample_data()
    data["basics"].update(start_month="2026-11", horizon_months=9)
    chart = report(plan_of(data)).by_id("chart-cumulative")
    texts = [t for t in chart.iter("text") if t.attrs.get("x") and t.attrs.get("text-anchor") == "middle"]
    at = {t.text: float(t.attrs["x"]) for t in texts}
    assert [t.text for t in texts if t.text in ("Nov", "Jan", "Mar", "May", "Jul", "2026", "2027")] == [
        "Nov",
        "2026",
        "Jan",
        "2027",
        "Mar",
        "May",
        "Jul",
    ]
    assert at["2026"] == at["Nov"] and at["2027"] == at["Jan"]  # each year under its month


def test_the_appendix_names_each_calendar_months_seasonality_weight() -> None:
    # twelve weights in the value column made it as wide as the page and the sources a word a line
    data = sample_data()
    data["targets"]["seasonality"] = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5, 4]
    rows = {
        tr.find("th").text: [td.text for td in tr.iter("td")]
        for tr in report(plan_of(data)).by_id("appendix").iter("tr")
        if tr.find("td") is not None
    }
    assert rows["Seasonality"] == [
        "by month",
        "set in this plan, a weight for each calendar month: Jan 2, Feb 1, Mar 1, Apr 1, May 1, Jun 1, Jul 1, "
        "Aug 1, Sep 1, Oct 1, Nov 1.5, Dec 4",
    ]
