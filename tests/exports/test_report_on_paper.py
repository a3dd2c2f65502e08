"""The report on paper: printed by headless Chromium on Letter and on A4, then read back page by page
with poppler (pdfinfo, pdftotext): how many pages, what ends each page, how full each page is and
how large its words print."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from exports.html_report import render_report
from planner.plan.model import Actual, Plan
from planner.plan.plan_file import plan_from_file_data
from planner.plan.sample import sample_plan, sample_text
from tests.exports.html_tree import parse

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
PDFINFO, PDFTOTEXT = shutil.which("pdfinfo"), shutil.which("pdftotext")

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
    pytest.mark.skipif(PDFINFO is None or PDFTOTEXT is None, reason="poppler-utils is not installed"),
]

PAPERS = ("letter", "A4")
BOTTOM_MARGIN_MM = 13  # report.css's @page bottom margin: the footer prints in it
MM = 72 / 25.4  # points in a millimetre
ACTUALS = (
    Actual(month=1, sales_ready_leads=20, opportunities=10, wins=2, revenue=90_000),
    Actual(month=2, sales_ready_leads=30, opportunities=15, wins=4, revenue=150_000),
    Actual(month=3, sales_ready_leads=41),
)


def nine_month_plan() -> Plan:
    """The sample over nine months from November 2026: a plan over two calendar years."""
    data = json.loads(sample_text())
    data["basics"].update(start_month="2026-11", horizon_months=9)
    loaded = plan_from_file_data(data)
    assert not loaded.problems, loaded.problems
    return loaded.plan


PLANS = {
    "the sample": sample_plan,
    "the sample with 3 months of actuals": lambda: dataclasses.replace(sample_plan(), actuals=ACTUALS),
    "a 9-month plan": nine_month_plan,
}


@dataclass(frozen=True)
class Page:
    text: str  # as laid out on paper (pdftotext -layout), the footer included
    height: float  # points
    lowest: float  # the bottom of the lowest word above the footer, in points from the top
    word_heights: tuple[float, ...]  # each word's height, in points

    @property
    def body_lines(self) -> list[str]:
        """The page's lines without the footer ("<title> ... page 3 of 6") and blank lines."""
        lines = [line.strip() for line in self.text.splitlines() if line.strip()]
        return [line for line in lines if not re.search(r"page \d+ of \d+$", line)]

    @property
    def filled(self) -> float:
        """How far down the page the text reaches, as a share of the page."""
        return self.lowest / self.height


@dataclass(frozen=True)
class Printed:
    html: str
    pages: list[Page]


def print_to_pdf(html: str, paper: str, folder: Path) -> Printed:
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "report.html"
    # the report names no paper size (it prints on the printer's); this copy asks for one
    page.write_text(html.replace("</style>", f"@page {{ size: {paper}; }}\n</style>", 1), encoding="utf-8")
    pdf = folder / "report.pdf"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / 'profile'}",
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    info = subprocess.run([str(PDFINFO), str(pdf)], check=True, capture_output=True, text=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    boxes = subprocess.run([str(PDFTOTEXT), "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for number, box in enumerate(boxes.split("<page ")[1:], 1):
        height = float(re.search(r'height="([\d.]+)"', box).group(1))
        words = [
            (float(top), float(bottom))
            for top, bottom in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', box)
        ]
        body = [bottom for top, bottom in words if top < height - BOTTOM_MARGIN_MM * MM]
        text = subprocess.run(
            [str(PDFTOTEXT), "-layout", "-f", str(number), "-l", str(number), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        pages.append(Page(text, height, max(body, default=0.0), tuple(b - t for t, b in words)))
    assert len(pages) == count
    return Printed(html, pages)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Printed]:
    """Each plan's report printed on each paper, once for the module (a print takes a few seconds)."""
    found = {}
    for number, (name, make) in enumerate(PLANS.items()):
        html = render_report(make(), today=dt.date(2027, 4, 6))
        for paper in PAPERS:
            found[name, paper] = print_to_pdf(html, paper, tmp_path_factory.mktemp(f"plan{number}-{paper}"))
    return found


def headings(html: str, tags: str = r"h[1-6]|caption") -> set[str]:
    """The text of every heading and table caption of the report (of the tags matching ``tags``)."""
    doc = parse(html)
    return {e.text for e in doc.iter() if re.fullmatch(tags, e.tag) and e.text}


@pytest.mark.parametrize("paper", PAPERS)
def test_the_sample_prints_on_six_pages_or_fewer(printed: dict[tuple[str, str], Printed], paper: str) -> None:
    # it printed on seven on Letter, the seventh holding the assumptions alone
    pages = printed["the sample", paper].pages
    assert 2 <= len(pages) <= 6
    # every page carries the footer, with the page count
    for number, page in enumerate(pages, 1):
        assert f"page {number} of {len(pages)}" in page.text


@pytest.mark.parametrize("paper", PAPERS)
def test_a_plan_with_actuals_prints_on_seven_pages_or_fewer(
    printed: dict[tuple[str, str], Printed], paper: str
) -> None:
    # it printed on eight on Letter; the plan-vs-actual section is in it, whole
    pages = printed["the sample with 3 months of actuals", paper].pages
    assert len(pages) <= 7
    text = " ".join(" ".join(page.text for page in pages).split())
    assert "Plan vs actual" in text and "Each stage to date" in text


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("paper", PAPERS)
def test_no_page_ends_with_a_heading(printed: dict[tuple[str, str], Printed], name: str, paper: str) -> None:
    report = printed[name, paper]
    titles, sections = headings(report.html), headings(report.html, "h2")
    assert "The weekly CEO review" in sections and "Assumptions and their sources" in titles
    for number, page in enumerate(report.pages, 1):
        last, *_ = reversed(page.body_lines)
        # a heading alone, or a heading in the left column of the agenda's two with nothing under it
        ends = [t for t in titles if last == t or last.startswith(t + "  ")]
        assert not ends, f"{name}, {paper}: page {number} ends with the heading {ends[0]!r}"
        # nor a section's heading with a line under it ("The weekly CEO review", then its one line)
        ends = [t for t in sections if t in page.body_lines[-2:]]
        assert not ends, f"{name}, {paper}: page {number} ends with the section {ends[0]!r} and a line"


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("paper", PAPERS)
def test_the_weekly_ceo_review_starts_on_the_page_of_its_first_agenda_item(
    printed: dict[tuple[str, str], Printed], name: str, paper: str
) -> None:
    # it sat at the foot of page 5 with its line "The CEO and the sales leader meet every week on this
    # agenda." and the agenda on page 6
    pages = printed[name, paper].pages
    (page,) = [p for p in pages if "The weekly CEO review" in p.body_lines]
    assert "Actual revenue vs goal" in page.text


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("paper", PAPERS)
def test_no_page_but_the_memo_and_the_last_is_left_a_third_empty(
    printed: dict[tuple[str, str], Printed], name: str, paper: str
) -> None:
    # the 9-month plan left page 6 half blank and put the assumptions alone on page 7: a table too
    # long to move whole now runs on (its header repeated), so each page between is two thirds full
    pages = printed[name, paper].pages
    for number, page in enumerate(pages[1:-1], 2):
        assert page.filled >= 2 / 3, f"{name}, {paper}: page {number} is filled to {page.filled:.0%}"


@pytest.mark.parametrize("name", PLANS)
def test_text_is_not_shrunk_to_fit(printed: dict[tuple[str, str], Printed], name: str) -> None:
    # the print styles set 8.5 pt text and 7.3 pt tables, whose words measure 8.5 pt from the top of
    # their tallest letter to the bottom of their lowest: every page's words are that large or larger
    for paper in PAPERS:
        for number, page in enumerate(printed[name, paper].pages, 1):
            assert statistics.median(page.word_heights) >= 8.0, f"{name}, {paper}: page {number}"


ROW = re.compile(
    r"((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4}|–)|This year's leads|Next year's start|Plan total)"
)


def test_a_long_table_runs_on_with_its_header_and_never_leaves_a_row_or_two_alone(
    printed: dict[tuple[str, str], Printed],
) -> None:
    # the sample's months (12 months, 4 quarters and 3 total rows) do not fit at the foot of the page
    # their chart is on: the table runs on, the next page beginning with its header, and each page
    # holds three of its rows at least, a quarter whole (no month alone on a page, nor a quarter's total
    # without its months)
    runs_on = 0
    for name in ("the sample", "the sample with 3 months of actuals"):
        for paper in PAPERS:
            pages = printed[name, paper].pages
            for before, page in itertools.pairwise(pages):
                head = " ".join(page.body_lines[:2])
                if not all(word in head for word in ("Month", "Needed", "Supplied", "Gap")) or "month by month" in head:
                    continue  # not the table's header repeated (the table whole, under its caption, is not a run-on)
                runs_on += 1
                rows = [line for line in page.body_lines if ROW.match(line)]
                assert len(rows) >= 3, (name, paper, rows)
                assert not ROW.match(page.body_lines[0])  # the header first
                tail = list(reversed(before.body_lines))
                above = next(n for n, line in enumerate(tail) if not ROW.match(line))
                assert above >= 3, (name, paper, tail[:3])
                # the table breaks between quarters: the page before ends with a quarter's total
                # ("Jul–Sep 2027  133  87  46"), this one begins with a quarter's first month
                assert re.match(r"[A-Z][a-z]{2}–[A-Z][a-z]{2} \d{4}\s", tail[0]), tail[0]
                assert re.match(r"[A-Z][a-z]{2} \d{4}\s", rows[0]), rows[0]
    assert runs_on  # the sample's months table did run on, on some paper


def test_the_closing_line_never_sits_alone_on_the_last_page(tmp_path: Path) -> None:
    # the sample with six scenarios and a second team filled six A4 pages to the foot and printed
    # "Prepared with Lead Planner on ..." alone on a seventh: it now takes the assumptions' last rows with it
    data = json.loads(sample_text())
    data["scenarios"] = [{"name": f"Win rate {20 + n}%", "overrides": {"win_rate": (20 + n) / 100}} for n in range(6)]
    data["labor"].append(dict(data["labor"][0], id="ldr2", name="Second team"))
    loaded = plan_from_file_data(data)
    assert not loaded.problems, loaded.problems
    pages = print_to_pdf(render_report(loaded.plan, today=dt.date(2027, 4, 6)), "A4", tmp_path).pages
    last = pages[-1].body_lines
    assert last[-1].startswith("Prepared with Lead Planner on 6 April 2027")
    assert len(last) >= 4 and "Seasonality" in " ".join(last[:-1])  # the table's last rows above it
