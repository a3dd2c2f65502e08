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
from exports.html_report import render_report, write_report
from exports.writers import export_plan
from planner import formatting as fmt
from planner.engine import compute
from planner.health import verdict
from planner.model import Plan
from planner.plan_file import PlanFileError, plan_from_file_data
from planner.sample import sample_text
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
    # 2.4M net new / 40K = 60 wins / 25% = 240 opportunities / 60% = 400 sales-ready leads needed;
    # reps 6+12+18+24x8 = 228 plus trade shows 5 a month x 12 = 60 -> 288 supplied;
    # cost 15,000 x 11 + 6,000 x 12 = 237,000; revenue 288 x 0.6 x 0.25 x 40,000 = 1,728,000
    figures = headline_figures(report(sample))
    assert figures == {
        "Sales-ready leads needed": "400",
        "Sales-ready leads supplied": "288",
        "Coverage": "72%",
        "Gap": "112",
        "Total cost": "$237,000",
        "Cost per sales-ready lead": "$823",
        "Projected revenue": "$1,728,000",
        "Return on cost": "228%",
    }
    result = compute(sample)
    assert figures["Cost per sales-ready lead"] == fmt.money(result.supply.cost_per_sales_ready_lead, "USD")
    assert figures["Return on cost"] == fmt.ratio_multiple(result.supply.return_on_cost)


def test_the_headline_carries_the_plans_one_line_verdict(sample: Plan) -> None:
    doc = report(sample)
    assert doc.by_id("headline").find("p").text == verdict(compute(sample))
    assert "Hiring 1 more inside rep in the first month would close it." in doc.by_id("headline").text


def test_the_monthly_table_lists_every_month_the_quarters_and_the_engines_totals(sample: Plan) -> None:
    table = report(sample).by_id("months").find("table")
    rows = [[cell.text for cell in tr.iter() if cell.tag in ("th", "td")] for tr in table.find("tbody").iter("tr")]
    months = ["Jan", "Feb", "Mar", "Q", "Apr", "May", "Jun", "Q", "Jul", "Aug", "Sep", "Q", "Oct", "Nov", "Dec", "Q"]
    quarters = iter(["Jan–Mar 2027", "Apr–Jun 2027", "Jul–Sep 2027", "Oct–Dec 2027"])
    assert [r[0] for r in rows] == [next(quarters) if m == "Q" else f"{m} 2027" for m in months]
    # January: 400 / 12 = 33 needed; only the trade shows' 5 supplied, costing 6,000; won revenue is
    # October's supply (3-month cycle, wrapping): (24 + 5) x 0.6 x 0.25 x 40,000 = 174,000
    assert rows[0] == ["Jan 2027", "33", "5", "28", "28", "15%", "$6,000", "$174,000"]
    # the first quarter: 100 needed, 5 + 11 + 17 = 33 supplied (reps ramp 3, 6, 12 from February)
    assert rows[3] == ["Jan–Mar 2027", "100", "33", "67", "", "", "$48,000", ""]
    # whole leads that subtract: 33 - 29 = 4, never "33 | 29 | 4.3"
    for row in rows:
        needed, supplied, gap = (int(x.replace(",", "")) for x in row[1:4])
        assert needed - supplied == gap, row
    total = [cell.text for cell in table.find("tfoot").iter() if cell.tag in ("th", "td")]
    assert total == ["Total", "400", "288", "112", "", "72%", "$237,000", "$1,728,000"]


def test_scenarios_sit_beside_the_base_plan(sample: Plan) -> None:
    table = report(sample).by_id("scenarios").find("table")
    heads = [th.text for th in table.find("thead").iter("th")]
    assert heads == ["", "Base plan", "Stretch"]
    rows = {tr.find("th").text: [td.text for td in tr.iter("td")] for tr in table.find("tbody").iter("tr")}
    # a 30% win rate: 60 wins / 0.3 = 200 opportunities / 0.6 = 333 sales-ready leads needed
    assert rows["Sales-ready leads needed"] == ["400", "333"]
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
    assert "Jan 2027: 33 needed, 5 supplied" in doc.by_id("chart-months").find("desc").text


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
    assert 2 <= len(pages) <= 6
    first = " ".join(pages[0].split())
    # page 1: the gap in dollars, the timing, an option with its cost, the decisions
    assert "Short by 112 sales-ready leads, $672,000 of revenue; behind every month." in first
    assert "$3,000,000" in first and "$600,000" in first and "$1,728,000" in first and "$2,328,000" in first
    assert "Hire 1 more inside rep" in first and "+$82,500" in first and "starts Feb 2027" in first
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
    doc = report(sample)
    short = [t for t in doc.iter("div") if "table-wrap" in t.attrs.get("class", "")]
    assert short and all("short" in t.attrs["class"] for t in short)  # every table of the sample is short


def test_page_one_is_the_memo_with_the_bridge_the_options_and_the_decisions(sample: Plan) -> None:
    memo = report(sample).by_id("memo")
    assert memo.find("p").text == "Short by 112 sales-ready leads, $672,000 of revenue; behind every month."
    bridge = {tr.find("th").text: tr.find("td").text for tr in memo.find("table").find("tbody").iter("tr")}
    # 3,000,000 goal - (600,000 pipeline + 288 x 0.6 x 0.25 x 40,000 = 1,728,000 projected) = 672,000
    assert bridge == {
        "Revenue goal": "$3,000,000",
        "Current pipeline": "$600,000",
        "Projected from new leads": "$1,728,000",
        "Expected revenue": "$2,328,000",
        "Revenue gap": "$672,000",
    }
    options = [[c.text for c in tr.iter() if c.tag in ("th", "td")] for tr in list(memo.iter("table"))[1].iter("tr")]
    # goal seek: one more rep (12 x 9.5 = 114 >= 112) at 7,500 x 11 months; trade shows at 17,200 a month
    assert options[1][:3] == [
        "Hire 1 more inside rep (Inside lead development reps)",
        "+$82,500",
        "starts Feb 2027, full output from May 2027",
    ]
    assert options[2][:2] == ["Raise the Trade shows budget to $17,200 a month", "+$134,400"]
    assert options[3][:2] == ["Reach a win rate of 34.8% (now 25.0%)", "no added cost"]
    decisions = [li.text for li in memo.find("ol").iter("li")]
    assert decisions[0].startswith("Choose how to close the $672,000 gap")
    assert any("$237,000" in d for d in decisions)


def test_no_chart_label_is_cut(sample: Plan) -> None:
    doc = report(sample)
    texts = [t.text for svg in doc.iter("svg") for t in svg.iter("text")]
    assert texts and not any("…" in t for t in texts)
    tornado = " ".join(t.text for t in doc.by_id("chart-tornado").iter("text"))
    assert "Output per person: Inside lead development reps" in " ".join(tornado.split())
    months = [t.text for t in doc.by_id("chart-months").iter("text")]
    assert "Sales-ready leads a month" in months  # the axis has its unit
