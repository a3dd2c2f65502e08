"""The workbook on paper, as a CEO's chief of staff prints it from LibreOffice: every page's text at
8 points or more, no "###", every chart series named and every chart whole on one page, the same
figure said the same way on every sheet, and every sentence either live or marked as written at
export.

The printing tests write the sample, a plan with actuals and a plan with large surpluses (in euros),
print them to PDF with LibreOffice headless in one run (with a one-line workbook of 8-point text
that measures how tall 8-point text prints) and read the pages with ``pdftotext -bbox``.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart.chartspace import ChartSpace
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.xml.functions import fromstring

from exports.excel import write_workbook
from exports.excel.layout import AT_EXPORT, REVIEW, SCENARIOS
from exports.excel.printing import MIN_SCALE, Block, PageFit, fit, pages_across, paginate
from planner.plan.model import Actual, Plan
from planner.plan.sample import sample_plan
from tests.exports.recalc import ALWAYS_RECALCULATE, SOFFICE, cell_values, recalculate_all
from tests.planner.plans import make_plan

PDFTOTEXT = shutil.which("pdftotext")
ACTUALS = (
    Actual(month=1, sales_ready_leads=20, opportunities=10, wins=2, revenue=90_000, cost=21_000),
    Actual(month=2, sales_ready_leads=30, opportunities=15, wins=4, revenue=150_000),
    Actual(month=3, sales_ready_leads=41),
)
FOOTER = re.compile(r"· page \d+ of \d+")


def tracked_plan() -> Plan:
    return dataclasses.replace(sample_plan(), actuals=ACTUALS)


def surplus_plan() -> Plan:
    """A plan that over-supplies, in euros: S = 1,750,000 / (0.5 x 0.25 x 40,000) = 350 sales-ready
    leads this year; 30 inside reps make 360 a month: surpluses in the thousands of leads and tens of
    millions of euros, in every gap format."""
    return make_plan(
        {"revenue_goal": 2_000_000, "pipeline_revenue": 250_000, "deal_size": 40_000, "win_rate": 0.25,
         "srl_to_opportunity": 0.5, "lead_to_mql": 0.2, "mql_to_srl": 0.5, "sales_cycle_months": 2},
        basics={"currency": "EUR"},
        labor=[{"id": "team", "name": "Inside team", "kind": "inside", "headcount": 30, "start_month": 1,
                "ramp_months": 0, "srl_per_person_month": 12, "cost_per_person_month": 8500}],
        channels=[{"name": "Calls", "type": "outbound_phone", "owner": "team", "share": 1},
                  {"name": "Ads", "type": "paid_ads", "owner": "marketing", "monthly_budget": 90_000,
                   "cost_per_lead": 50}],
        scenarios=[{"name": "Half the team", "overrides": {"labor.team.headcount": 15}}],
    )  # fmt: skip


def euro_sample() -> Plan:
    return dataclasses.replace(sample_plan(), basics=dataclasses.replace(sample_plan().basics, currency="EUR"))


# --- print setup, worked out without LibreOffice ------------------------------------------------


def test_a_sheet_too_wide_for_a_page_at_75_percent_is_split_across_pages_not_shrunk() -> None:
    # twelve month columns of 16 characters (112 points each in LibreOffice) after a label column of
    # 44 (308 points): 1,652 points. A landscape A4 page holds 747 points (770 less 3%): 996 at 75%,
    # 983 at 76%, enough for the label column and six months (980): two pages across, the label
    # column on each, at 76%
    widths = [44 * 7.0] + [16 * 7.0] * 12
    assert fit(widths, [15.0] * 30, titles=44 * 7.0) == PageFit("landscape", 76, 2)
    assert pages_across(widths, 44 * 7.0, 747 * 100 / 77) == 3  # at 77% a page holds five months
    # fitted to one page across it would print at 747 / 1,652 = 45%: 5-point text; never below 75%
    assert MIN_SCALE == 75


def test_a_sheet_that_fits_prints_at_the_largest_scale_and_a_narrow_one_portrait_at_full_size() -> None:
    # 140 characters: 980 points, on one landscape page at 747 / 980 = 76%
    assert fit([44 * 7.0, 22 * 7.0, 34 * 7.0, 40 * 7.0], [15.0] * 30) == PageFit("landscape", 76, 1)
    # 70 characters (490 points) fit a portrait page (523 less 3% = 507) at full size
    assert fit([70 * 7.0], [15.0] * 30) == PageFit("portrait", 100, 1)


def test_a_chart_that_would_cross_a_pages_foot_starts_a_page_with_its_caption() -> None:
    # rows 1-25 of 15 points fill 375 of a 480-point page; a 10 cm chart (19 rows) from row 28, its
    # caption in row 27, would cross the foot: the page breaks after row 26
    heights = [15.0] * 60
    blocks = [Block(1, 25), Block(27, 46, chart=True)]
    breaks, pages, split = paginate(heights, blocks, room=480)
    assert breaks == [26] and pages == 2 and split == 0


def test_a_short_table_moves_whole_to_the_next_page_and_a_long_one_keeps_its_head() -> None:
    heights = [15.0] * 100
    # a 10-row table (150 points, under half of 480) with 60 points left on the page: moved whole
    assert paginate(heights, [Block(1, 27), Block(29, 38)], room=480)[0] == [28]
    # a 30-row table (450 points) with 60 left: its title, header and first row fit, it runs on
    assert paginate(heights, [Block(1, 27), Block(29, 58)], room=480)[0] == []
    # with 30 points left its head would not fit: it starts a page
    assert paginate(heights, [Block(1, 29), Block(31, 60)], room=480)[0] == [30]


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("paper")
    plans = {"sample": sample_plan(), "tracked": tracked_plan(), "surplus": surplus_plan(), "euro": euro_sample()}
    return {key: write_workbook(plan, folder / f"{key}.xlsx") for key, plan in plans.items()}


def test_every_sheet_prints_at_8_points_or_more_with_its_label_column_on_every_page(books: dict[str, Path]) -> None:
    for key, path in books.items():
        workbook = load_workbook(path)
        for sheet in workbook.worksheets:
            assert sheet.page_setup.scale >= MIN_SCALE, (key, sheet.title)  # 11 points x 75% = 8.25
            assert not sheet.sheet_properties.pageSetUpPr.fitToPage, (key, sheet.title)
            if sheet.freeze_panes:
                assert sheet.print_title_cols == "$A:$A", (key, sheet.title)


def test_a_table_longer_than_a_page_prints_its_header_rows_on_every_page(tmp_path: Path) -> None:
    # forty resources: the Labor sheet's input table runs over its first page
    labor = [
        {"id": f"r{i}", "name": f"Team {i}", "kind": "inside", "headcount": 1, "srl_per_person_month": 5}
        for i in range(40)
    ]
    workbook = load_workbook(write_workbook(make_plan(labor=labor), tmp_path / "long.xlsx"))
    assert workbook["Labor"].print_title_rows == "$4:$4"
    assert workbook["Labor"].print_title_cols == "$A:$A"
    # the sample's Monthly tables each fit a page: the month header is not printed above the quarters
    # and the totals, which have columns of their own
    sample = load_workbook(write_workbook(sample_plan(), tmp_path / "sample.xlsx"))
    assert sample["Monthly"].print_title_rows is None
    # the scenarios' columns head every table down the sheet: on every page once it runs over one (a
    # scenario of four resources' head counts: four tables of a resource's drivers, some 90 rows)
    teams = [dict(row, id=f"t{i}", name=f"Team {i}") for i, row in enumerate(labor[:4])]
    overrides = {f"labor.t{i}.headcount": 2 for i in range(4)}
    plan = make_plan(labor=teams, scenarios=[{"name": "Twice the teams", "overrides": overrides}])
    scenarios = load_workbook(write_workbook(plan, tmp_path / "scenarios.xlsx"))[SCENARIOS]
    assert scenarios.max_row > 80 and scenarios.print_title_rows == "$4:$4"


def chart_series(path: Path) -> Iterator[tuple[str, str | None, str | None]]:
    """Each chart series' (chart file, name reference, name as cached or written), read with openpyxl."""
    with zipfile.ZipFile(path) as archive:
        for name in sorted(n for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
            space = ChartSpace.from_tree(fromstring(archive.read(name)))
            for chart in space.chart.plotArea._charts:
                for series in chart.ser:
                    label = series.tx
                    if label is None:
                        yield name, None, None
                    elif label.strRef is not None:
                        cache = label.strRef.strCache
                        yield name, label.strRef.f, cache.pt[0].v if cache is not None and cache.pt else None
                    else:
                        yield name, None, label.v


def test_every_chart_series_has_a_name_from_its_label_cell_or_in_words(books: dict[str, Path]) -> None:
    workbook = load_workbook(books["sample"])
    names = []
    for _chart, reference, name in chart_series(books["sample"]):
        assert name, reference  # never a series LibreOffice would call "Column B"
        if reference is not None:  # the label cell holds the name: a name changed in the file follows
            sheet, address = reference.split("!")
            value = workbook[sheet.strip("'")][address.replace("$", "")].value
            assert value == name or value.startswith("="), (reference, value, name)
        names.append(name)
    assert "Inside lead development reps" in names and "Trade shows" in names
    assert "Needed over the horizon" in names  # the funnel's one series, in words
    assert not any(n.startswith("Column") or n.startswith("Series") for n in names)
    with zipfile.ZipFile(books["sample"]) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        funnel = next(archive.read(n).decode() for n in charts if b"Reverse funnel" in archive.read(n))
    # the bars say their number alone: not "Raw leads needed; Column B; 4,000"
    assert '<showSerName val="0"' in funnel and '<showCatName val="0"' in funnel


# --- no ###: every figure fits its column ---------------------------------------------------------

# Calibri 11 at 96 dpi, in pixels (a column of width w is about 7w pixels with 5 of padding)
WIDE = {**dict.fromkeys("0123456789$€£¥₹#", 7.0), "%": 10.0, " ": 3.0, ",": 3.5, ".": 3.5, "-": 4.0, "(": 4.0}


def text_pixels(text: str, bold: bool) -> float:
    """The width of text as Excel draws it, generously (letters 6 pixels, capitals 8)."""
    pixels = sum(WIDE.get(c, 8.0 if c.isupper() else 6.0) for c in text)
    return pixels * (1.08 if bold else 1.0)


def whole(value: float, decimals: int = 0) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    return f"{Decimal(abs(value)).quantize(quantum, ROUND_HALF_UP):,}"


def shown(number_format: str, value: float) -> str | None:
    """What a number format of the workbook shows for a value (its sections: positive; negative;
    zero), or None for one that shapes no number (a date, "General")."""
    sections = re.findall(r'(?:"[^"]*"|[^;"])+', number_format)
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    if "E" in section:
        return f"{value:.1E}"
    found = re.match(r"^(.*?)([#0][#,0]*)(\.0+)?(%?)(.*)$", section)
    if found is None or "y" in section:
        return None
    prefix, digits, decimals, percent, suffix = found.groups()
    figure = abs(value) * (100 if percent else 1)
    places = len(decimals or ".") - 1
    number = whole(figure, places) if "," in digits else whole(figure, places).replace(",", "")
    sign = "-" if value < 0 and len(sections) == 1 else ""
    return f"{sign}{prefix.replace(chr(34), '')}{number}{percent}{suffix.replace(chr(34), '')}"


def too_wide(path: Path) -> list[str]:
    """The figures that would not fit their columns (Excel shows ###): each value as exported, and
    a gap (a format with a surplus) both ways, as short and as a surplus."""
    values, styled = load_workbook(path, data_only=True), load_workbook(path)
    found = []
    for sheet in styled.worksheets:
        data = values[sheet.title]
        merged = {c for cells in sheet.merged_cells.ranges for row in cells.cells for c in [row]}
        for row in sheet.iter_rows():
            for cell in row:
                value = data[cell.coordinate].value
                if not isinstance(value, int | float) or isinstance(value, bool) or (cell.row, cell.column) in merged:
                    continue
                width = sheet.column_dimensions[get_column_letter(cell.column)].width or 8.43
                both = (value, -value) if "surplus" in cell.number_format or "ahead" in cell.number_format else (value,)
                for figure in both:
                    text = shown(cell.number_format, figure)
                    if text is not None and text_pixels(text, bool(cell.font.b)) > width * 7 - 5:
                        found.append(f"{sheet.title}!{cell.coordinate}: {text!r} in {width}")
    return found


def test_the_figure_formats_read_as_the_workbook_writes_them() -> None:
    assert shown('#,##0;#,##0" surplus";0', -74) == "74 surplus"
    assert shown('"€"#,##0;"€"#,##0" surplus";0', -25_250_000) == "€25,250,000 surplus"
    assert shown('"$"#,##0;-"$"#,##0', 1_806_000) == "$1,806,000"
    assert shown("0.0%", 0.502) == "50.2%"
    assert text_pixels("5,050 surplus", bold=True) > text_pixels("5,050", bold=True)


def test_no_figure_is_wider_than_its_column_so_none_shows_hashes(books: dict[str, Path]) -> None:
    for key in ("sample", "tracked", "surplus"):
        assert too_wide(books[key]) == [], key


# --- one way to say one figure ----------------------------------------------------------------------


def test_the_scenarios_say_a_surplus_as_the_summary_does_never_a_negative_gap(books: dict[str, Path]) -> None:
    sheet = load_workbook(books["surplus"])[SCENARIOS]
    row = next(c.row for c in sheet["A"] if c.value == "Needed − supplied over the horizon")
    formats = {sheet.cell(row, column).number_format for column in range(3, sheet.max_column + 1)}
    summary = load_workbook(books["surplus"])["Summary"]
    gap_row = next(c.row for c in summary["A"] if c.value == "This year's gap")
    assert formats == {summary.cell(gap_row, 2).number_format} == {'#,##0;#,##0" surplus";0'}


def texts(path: Path, sheet: str) -> list[str]:
    return [c.value for row in load_workbook(path)[sheet].iter_rows() for c in row if isinstance(c.value, str)]


def test_a_euro_plans_inputs_say_the_currency_once_and_never_dollars(books: dict[str, Path]) -> None:
    workbook = load_workbook(books["euro"])
    inputs = workbook["Inputs"]
    words = texts(books["euro"], "Inputs")
    assert not any("$" in t for t in words if not t.startswith("="))
    # the deal size's note: the default in euros, and the file format's own default of 1 in euros too
    note = next(t for t in words if t.startswith("From the plan (default €25,000"))
    assert "€1)" in note
    deal_row = next(c.row for c in inputs["A"] if c.value == "Average deal size")
    assert inputs.cell(deal_row, 2).number_format.startswith('"€"')  # "€40,000" ...
    assert inputs.cell(deal_row, 3).value in (None, "")  # ... and no "EUR" beside it
    for sheet in ("Monthly", "Scenarios"):  # no "EUR" unit beside a figure in euros either
        assert "EUR" not in texts(books["euro"], sheet), sheet


# --- every sentence live, or marked as written at export ---------------------------------------------

SENTENCE = re.compile(r"\d.*\b(leads?|short|behind|gap|revenue|coverage|reps?|target)\b", re.IGNORECASE)


def test_every_sentence_about_the_numbers_is_a_formula_or_sits_under_a_live_banner(books: dict[str, Path]) -> None:
    for key in ("sample", "tracked"):
        workbook = load_workbook(books[key])
        for sheet in workbook.worksheets:
            banner = next(
                (
                    c.row
                    for row in sheet.iter_rows(max_col=1)
                    for c in row
                    if isinstance(c.value, str) and c.value.startswith("=") and "changed since" in c.value
                ),
                None,
            )
            for row in sheet.iter_rows():
                for cell in row:
                    text = cell.value
                    if not isinstance(text, str) or text.startswith("=") or cell.row <= 3:
                        continue  # formulas are live; rows 1-3 are the sheet's title, byline and note
                    if len(text.split()) < 5 or not SENTENCE.search(text) or sheet.title == AT_EXPORT:
                        continue  # not a sentence about the numbers, or on the sheet dated as written at export
                    assert banner is not None and banner < cell.row, (key, sheet.title, cell.coordinate, text)
    review = load_workbook(books["tracked"])[REVIEW]
    assert "as written at export" in review["C4"].value


# --- on paper: LibreOffice ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    top: float
    height: float


def print_to_pdf(paths: list[Path], out_dir: Path) -> dict[str, Path]:
    """Print workbooks to PDF in one LibreOffice run (a throwaway profile that recalculates on load)."""
    assert SOFFICE is not None
    profile = Path("/tmp") / f"lo-profile-{uuid.uuid4().hex}"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(ALWAYS_RECALCULATE, encoding="utf-8")
    try:
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--calc", "--convert-to", "pdf",
             "--outdir", str(out_dir), *map(str, paths)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    found = {path.stem: out_dir / f"{path.stem}.pdf" for path in paths}
    assert all(p.exists() for p in found.values()), found
    return found


def words(pdf: Path) -> tuple[list[Word], int, float]:
    """Every word of the PDF with its page, top and height; the page count and the page height."""
    assert PDFTOTEXT is not None
    out = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = out.split("<page ")[1:]
    height = float(re.search(r'height="([\d.]+)"', pages[0]).group(1)) if pages else 0.0  # type: ignore[union-attr]
    found = []
    for number, page in enumerate(pages, 1):
        for y1, y2, text in re.findall(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', page
        ):
            found.append(Word(number, unescape(text), float(y1), float(y2) - float(y1)))
    return found, len(pages), height


def page_texts(found: list[Word], count: int) -> list[str]:
    pages = [""] * count
    for word in found:
        pages[word.page - 1] += word.text + " "
    return pages


needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None or PDFTOTEXT is None, reason="LibreOffice (soffice) or pdftotext is not installed"
)


@pytest.fixture(scope="module")
def printed(books: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("printed")
    calibration = Workbook()
    calibration.active.cell(1, 1, "Eight point text, as tall as text may print").font = Font(size=8)
    calibration.save(folder / "eight_points.xlsx")
    return print_to_pdf([folder / "eight_points.xlsx", *books.values()], folder)


@pytest.mark.parametrize("key", ["sample", "tracked", "surplus"])
@pytest.mark.libreoffice
@needs_libreoffice
def test_every_page_prints_its_text_at_8_points_or_more(key: str, printed: dict[str, Path]) -> None:
    eight, _count, _height = words(printed["eight_points"])
    smallest = min(w.height for w in eight)  # how tall 8-point text prints (about 10.4 points, with its line)
    found, count, page_height = words(printed[key])
    footers = {w.page for w in found if w.text == "page"}
    assert footers == set(range(1, count + 1))  # every page printed and footed
    body = [w for w in found if w.top < page_height - 0.75 * 72]  # the footer is LibreOffice's own
    small = sorted({(w.page, w.text) for w in body if w.height < smallest - 0.05})
    assert small == [], small[:10]
    for page, text in enumerate(page_texts(body, count), 1):
        assert text.strip(), f"page {page} of {key} is blank"


@pytest.mark.parametrize("key", ["sample", "tracked", "surplus"])
@pytest.mark.libreoffice
@needs_libreoffice
def test_no_cell_prints_hashes_on_paper(key: str, printed: dict[str, Path]) -> None:
    found, _count, _height = words(printed[key])
    assert not [w for w in found if "###" in w.text]


CHARTS = (  # a chart's title, and the last words it prints (its legend or its axis title)
    ("Sales-ready leads a month: supply by source vs", "Sales-ready leads needed"),
    ("Sales-ready leads to date: needed vs known", "Known to date"),
    ("Reverse funnel: what the revenue goal needs", "(logarithmic scale)"),
    ("Sales-ready leads a month: needed vs supplied", "Sales-ready leads supplied (the plan)"),
)


@pytest.mark.parametrize("key", ["sample", "tracked"])
@pytest.mark.libreoffice
@needs_libreoffice
def test_each_chart_prints_whole_on_one_page(key: str, printed: dict[str, Path]) -> None:
    found, count, _height = words(printed[key])
    pages = [" ".join(t.split()) for t in page_texts(found, count)]
    for title, last in CHARTS:
        with_title = [n for n, text in enumerate(pages) if title in text]
        assert len(with_title) == 1, (title, with_title)
        assert last in pages[with_title[0]], (title, last)


@pytest.mark.libreoffice
@needs_libreoffice
def test_a_changed_input_raises_the_ceo_reviews_banner_over_its_entries(books: dict[str, Path], tmp_path: Path) -> None:
    changed = tmp_path / "changed.xlsx"
    workbook = load_workbook(books["tracked"])
    name = workbook.defined_names["WinRate"]
    sheet, address = next(iter(name.destinations))
    workbook[sheet][address.replace("$", "")] = 0.4
    workbook.save(changed)
    shutil.copy(books["tracked"], tmp_path / "unchanged.xlsx")
    recalculated = recalculate_all(
        [changed, tmp_path / "unchanged.xlsx"],
        tmp_path / "out",
        {"changed": changed, "unchanged": tmp_path / "unchanged.xlsx"},
    )
    banner: dict[str, Any] = {key: cell_values(path, REVIEW)[2][0] for key, path in recalculated.items()}
    assert not banner["unchanged"]
    assert banner["changed"].startswith("Written at export (") and "the inputs have changed since" in banner["changed"]
