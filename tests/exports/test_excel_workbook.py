"""The Excel workbook as written (no recalculation): names, formulas, text that stays text, looks."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.writer.excel import ExcelWriter

from cli.main import main as cli_main
from exports.excel import write_workbook
from exports.excel.layout import MonthlyRow
from exports.excel.names import ALL_NAMES, INPUT_NAMES, RESULT_NAMES
from exports.writers import export_plan
from planner.plan.model import Plan
from planner.plan.plan_file import write_plan
from tests.exports.plans import rich_plan
from tests.planner.plans import make_plan

HOSTILE = {
    "formula": '=HYPERLINK("http://evil.example","click")',
    "plus": "+1+2",
    "minus": "-3*4",
    "at": "@SUM(A1:A9)",
    "html": "<script>alert('x')</script> & <b>bold</b>",
    "emoji": "Leads 🚀 growth 📈 naïve café",
}


def hostile_plan() -> Plan:
    long_text = "=" + "A" * 40_000
    return make_plan(
        basics={"company": HOSTILE["formula"], "title": HOSTILE["html"], "prepared_by": HOSTILE["at"]},
        diagnosis={"notes": long_text},
        labor=[{"id": "x", "name": HOSTILE["plus"], "kind": "inside"}],
        channels=[
            {"name": HOSTILE["minus"], "type": "email", "owner": "x", "share": 0.5},
            {
                "name": HOSTILE["emoji"],
                "type": "events",
                "owner": "marketing",
                "monthly_budget": 1000,
                "cost_per_lead": 100,
            },
        ],
        metrics=[{"name": "=1+1", "kind": "outcome", "target": 10, "unit": "@x", "owner": "-me", "cadence": "weekly"}],
        review={"cadence": "weekly", "risks": ["=cmd|' /C calc'!A0"], "issues": [long_text]},
        scenarios=[{"name": "=NOW()", "overrides": {"win_rate": 0.3}}],
    )


@pytest.fixture
def sample_book(sample: Plan, tmp_path: Path) -> Path:
    return write_workbook(sample, tmp_path / "plan.xlsx")


def test_every_named_cell_is_workbook_scoped_and_names_one_cell(sample_book: Path) -> None:
    workbook = load_workbook(sample_book)
    for name in ALL_NAMES:
        assert name in workbook.defined_names, name
        destinations = list(workbook.defined_names[name].destinations)
        assert len(destinations) == 1, name
        _sheet, cell = destinations[0]
        assert ":" not in cell, f"{name} names a range"
    assert all(not sheet.defined_names for sheet in workbook.worksheets)


def test_inputs_are_values_and_results_are_formulas_never_pasted_numbers(sample_book: Path) -> None:
    workbook = load_workbook(sample_book)

    def value(name: str) -> object:
        sheet, cell = next(iter(workbook.defined_names[name].destinations))
        return workbook[sheet][cell.replace("$", "")].value

    assert value("RevenueGoal") == 3_000_000
    assert value("WinRate") == 0.25
    assert value("SalesCycleMonths") == 3
    assert value("NewHireRampMonths") == 3  # v3's input: a new hire's ramp
    for name in RESULT_NAMES:
        assert str(value(name)).startswith("="), name
    assert value("SRLGap") == '=IFERROR(SRLNeeded-YearSRLExpected,"n/a")'  # this year's gap
    assert "IFERROR" in str(value("CostPerSRL")) and '"n/a"' in str(value("CostPerSRL"))


def test_monthly_demand_looks_a_sales_cycle_ahead_and_never_wraps_round_the_horizon(sample_book: Path) -> None:
    monthly = load_workbook(sample_book)["Monthly"]
    R = MonthlyRow
    # months across the columns (D = month 1), as on Labor and Channels; one row per measure
    assert monthly.cell(R.IN_TIME, 4).value == "=IF(D$4<=Horizon-SalesCycleMonths,1,0)"  # live: a new cycle moves it
    assert monthly.cell(R.WEIGHT, 4).value == "=INDEX('Inputs'!$B$25:$B$36,MONTH(D5))"
    ahead = monthly.cell(R.WEIGHT_AHEAD, 4).value  # the weight of the month the leads close in, u(m + c)
    assert ahead == "=INDEX('Inputs'!$B$25:$B$36,MONTH(EDATE('Inputs'!$B$10,D$4-1+SalesCycleMonths)))"
    # in time: S x u(m + c) / U; carry-over: (goal / V) x u(m + c)
    assert monthly.cell(R.NEEDED, 5).value == '=IFERROR(IF(E7=1,SRLNeeded,RevenueGoal/SRLValue)*E10,"n/a")'
    assert monthly.cell(R.CUMULATIVE_GAP, 6).value == '=IFERROR(SUM($D13:F13)-SUM($D20:F20),"n/a")'  # needed - known
    known = monthly.cell(R.KNOWN, 4).value  # the Tracker's actual through the last reported month, then the plan
    assert known == "=IF(D$4<=ActualsThrough,N('Tracker'!D9),D18)"
    revenue = monthly.cell(R.REVENUE, 4).value
    assert "INDEX($D$20:$O$20,D$4-SalesCycleMonths)*SRLValue" in revenue and "IF(D$4>SalesCycleMonths" in revenue
    formulas = [c.value for row in monthly.iter_rows() for c in row if c.data_type == "f"]
    assert not any("MOD(" in f for f in formulas)  # nothing wraps round the horizon any more


def test_labor_and_channel_inputs_are_input_cells_that_the_month_formulas_use(tmp_path: Path) -> None:
    workbook = load_workbook(write_workbook(rich_plan(), tmp_path / "rich.xlsx"))
    labor = workbook["Labor"]
    # head count, start, end (blank: the plan's last), ramp, output, cost, fee, attrition, vacancy
    assert [labor.cell(5, c).value for c in range(4, 13)] == [2, 2, None, 2, 10, 6000, 50, 0, 1]
    input_fill = labor["D5"].fill.fgColor.rgb
    assert input_fill.endswith("FFF2CC")
    # the output grid starts at row 11 (inputs: rows 5-6, total 7), the month numbers in its title row 9
    assert [labor["D9"].value, labor["E9"].value] == [1, 2]
    assert labor["D11"].value == "=IF(OR(D$9<$E$5,D$9>$M$5),0,$D$5*$H$5*MIN(1,(D$9-$E$5+1)/($G$5+1))*(1-$N$5))"
    assert labor["E17"].value == "=IF(OR(E$9<$E$5,E$9>$M$5),0,$D$5*$I$5*$O$5+$J$5*E11)"  # pay x seats paid + fee
    assert labor["M5"].value == '=IF($F$5="",Horizon,MIN($F$5,Horizon))'
    channels = workbook["Channels"]
    assert [channels.cell(5, c).value for c in range(3, 8)] == [3000, 100, 4, None, 0.1]
    assert channels["H5"].value == '=IF(G5="",LeadToMQL*MQLToSRL,G5)'


def test_hostile_text_is_written_as_text_never_as_a_formula(tmp_path: Path) -> None:
    path = write_workbook(hostile_plan(), tmp_path / "hostile.xlsx")
    with zipfile.ZipFile(path) as archive:
        sheets = {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/worksheets/sheet")}
    xml = "".join(sheets.values())
    formulas = re.findall(r"<f>(.*?)</f>", xml, re.S)
    strings = "\n".join(re.findall(r"<is><t[^>]*>(.*?)</t></is>", xml, re.S))  # openpyxl writes text inline
    for text in ("HYPERLINK", "NOW()", "cmd|", "1+1", "+1+2", "-3*4", "@SUM"):
        assert not any(text in f for f in formulas), text
    assert '=HYPERLINK("http://evil.example","click")' in strings
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in strings
    assert HOSTILE["emoji"] in strings
    workbook = load_workbook(path)
    texts = {
        c.value: c
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str)
    }
    for text in (*HOSTILE.values(), "=1+1", "=NOW()", "=cmd|' /C calc'!A0"):
        assert text in texts, text
        assert texts[text].data_type == "s", text
    assert texts["+1+2"].quotePrefix and texts["=NOW()"].quotePrefix
    longest = max(texts, key=len)
    assert len(longest) == 32_767  # Excel's limit for one cell, cut with an ellipsis


def test_control_characters_in_the_plans_names_never_stop_the_file_opening(tmp_path: Path) -> None:
    bad = "\x1f\x01"
    plan = make_plan(
        basics={"company": f"Acme{bad}", "title": f"Plan{bad} 2027", "prepared_by": bad, "prepared_for": f"Tom{bad}"},
        labor=[{"id": "x", "name": f"Reps{bad}", "kind": "inside"}],
        channels=[
            {"name": f"Calls{bad}", "type": "email", "owner": "x", "share": 0.5},
            {"name": f"Shows{bad}", "type": "events", "owner": "marketing", "monthly_budget": 100, "cost_per_lead": 10},
        ],
        scenarios=[{"name": f"Stretch{bad}", "overrides": {"win_rate": 0.3}}],
    )
    path = write_workbook(plan, tmp_path / "control.xlsx")
    with zipfile.ZipFile(path) as archive:  # the sheets', the charts' and the properties' XML
        assert not [n for n in archive.namelist() if b"\x1f" in archive.read(n) or b"\x01" in archive.read(n)]
    workbook = load_workbook(path)  # well formed: it opens
    assert workbook.properties.subject == "Acme lead development plan"
    assert workbook.properties.title == "Plan 2027" and workbook.properties.creator == "Lead Planner"
    assert workbook.properties.description == "Prepared for Tom"


def test_the_summary_opens_first_with_the_plans_title_and_author(sample_book: Path) -> None:
    workbook = load_workbook(sample_book)
    assert workbook.active.title == "Summary"
    assert workbook.sheetnames == [
        "Contents",
        "Summary",
        "Inputs",
        "Labor",
        "Channels",
        "Monthly",
        "Scenarios",
        "Metrics",
        "CEO review",
        "Tracker",
        "As written at export",
        "Checks",
        "Charts",
    ]
    assert workbook.properties.title == "FY2027 lead development plan"
    assert workbook.properties.creator == "Joe (VP Sales)"
    summary = [c.value for row in workbook["Summary"].iter_rows() for c in row if c.value]
    assert "=SRLNeeded" in summary and "=CostPerSRL" in summary and "=RevenueGap" in summary
    assert "=YearSRLExpected" in summary and "=CarriedOverRevenue" in summary and "=NextYearStartGap" in summary
    # the options as goal seek worked them out at export, each with its cost
    from planner.advice.memo import memo
    from planner.numbers.engine import compute
    from planner.plan.sample import sample_plan

    options = memo(sample_plan(), compute(sample_plan())).options
    assert options
    assert all(o.title in summary and o.cost in summary for o in options)


def test_sheets_print_at_a_readable_scale_never_shrunk_to_one_page_width_with_frozen_headers(
    sample_book: Path,
) -> None:
    workbook = load_workbook(sample_book)
    for sheet in workbook.worksheets:
        # 11-point text at 75% or more prints at 8 points or more; no sheet is fitted to a page's width
        assert 75 <= sheet.page_setup.scale <= 100, sheet.title
        assert not sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    # the month grids are wider than a landscape page at 75%: split across pages, label column on each
    for name in ("Labor", "Channels", "Monthly", "Tracker"):
        assert workbook[name].page_setup.orientation == "landscape", name
        assert workbook[name].print_title_cols == "$A:$A", name
    assert workbook["Monthly"].freeze_panes == "D6"  # the month numbers and their labels stay in view
    assert workbook["Labor"].freeze_panes == "B5"
    assert workbook["Inputs"].column_dimensions["A"].width >= 30


def test_rates_and_months_are_validated(sample_book: Path) -> None:
    inputs = load_workbook(sample_book)["Inputs"]
    rules = {str(cells): dv for dv in inputs.data_validations.dataValidation for cells in dv.sqref.ranges}
    win_rate = next(dv for cells, dv in rules.items() if "B17" in cells)  # WinRate's row
    assert (win_rate.type, win_rate.formula2) == ("decimal", "1")
    cycle = next(dv for cells, dv in rules.items() if "B18" in cells)
    # whole months, 0 or more: PRODUCT.md sets no upper bound on the sales cycle or the ramp
    assert (cycle.type, cycle.operator, cycle.formula1) == ("whole", "greaterThanOrEqual", "0")


def test_money_and_percent_cells_carry_currency_and_percent_formats(tmp_path: Path) -> None:
    workbook = load_workbook(write_workbook(rich_plan(), tmp_path / "eur.xlsx"))
    inputs = workbook["Inputs"]
    assert inputs["B14"].number_format == '"€"#,##0;-"€"#,##0'  # RevenueGoal in EUR
    assert inputs["B17"].number_format == "0.0%"
    assert INPUT_NAMES["win_rate"] == "WinRate"


def test_export_reports_progress_from_0_to_100(sample: Plan, tmp_path: Path) -> None:
    steps: list[tuple[int, str]] = []
    write_workbook(sample, tmp_path / "plan.xlsx", progress=lambda percent, step: steps.append((percent, step)))
    percents = [p for p, _ in steps]
    assert percents[0] == 0 and percents[-1] == 100 and percents == sorted(percents)
    assert all(step for _, step in steps)
    # saving is half the time of a large plan's export: it says which sheet it is at
    saving = [step for _, step in steps if step.startswith("Saving the sheet ")]
    assert saving == [f"Saving the sheet {name}" for name in load_workbook(tmp_path / "plan.xlsx").sheetnames]


def test_saving_a_long_sheet_reports_its_rows_as_it_goes(
    sample: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("exports.excel.saving.ROWS_PER_REPORT", 20)  # 2,000 rows in a real export
    steps: list[tuple[int, str]] = []
    write_workbook(sample, tmp_path / "plan.xlsx", progress=lambda percent, step: steps.append((percent, step)))
    rows = len({row for row, _ in load_workbook(tmp_path / "plan.xlsx")["Monthly"]._cells})
    monthly = [step for _, step in steps if step.startswith("Saving the sheet Monthly")]
    assert monthly == ["Saving the sheet Monthly"] + [
        f"Saving the sheet Monthly: row {done} of {rows}" for done in range(20, rows, 20)
    ]
    percents = [p for p, _ in steps]
    assert percents == sorted(percents) and percents[-1] == 100


def test_the_export_leaves_the_garbage_collector_as_it_found_it(sample: Plan, tmp_path: Path) -> None:
    import gc

    assert gc.isenabled()
    seen: list[bool] = []
    write_workbook(sample, tmp_path / "on.xlsx", progress=lambda percent, step: seen.append(gc.isenabled()))
    assert gc.isenabled() and not any(seen[:-1]) and seen[-1]  # paused while built and saved, not after
    gc.disable()
    try:
        write_workbook(sample, tmp_path / "off.xlsx")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_failed_export_leaves_the_previous_file_and_no_temporary_file(
    sample: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"previous")

    def fail(self: ExcelWriter) -> None:
        self._archive.writestr("xl/half.xml", b"half")  # half a workbook written, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.writer.excel.ExcelWriter.save", fail)
    with pytest.raises(OSError):
        write_workbook(sample, target)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_the_command_line_exports_the_workbook(
    sample: Plan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_path, out = tmp_path / "plan.leadplan", tmp_path / "out.xlsx"
    write_plan(sample, plan_path)
    assert cli_main(["export", str(plan_path), "--xlsx", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert "WinsNeeded" in load_workbook(out).defined_names
    assert list(export_plan(sample, xlsx=str(tmp_path / "again.xlsx"))) == [tmp_path / "again.xlsx"]


def test_findings_scorecard_and_agenda_come_from_the_advice_api(sample: Plan, sample_book: Path) -> None:
    from planner.advice.findings import findings
    from planner.advice.review import review_agenda
    from planner.advice.scorecard import scorecard
    from planner.numbers.engine import compute

    result = compute(sample)
    workbook = load_workbook(sample_book)
    written = {c.value for row in workbook["As written at export"].iter_rows() for c in row if c.value}
    assert str(workbook["As written at export"]["A1"].value).startswith("As written at export (")
    found = findings(sample, result)
    assert found and all(f.finding in written and f.recommendation in written for f in found)
    metrics = [row[0] for row in workbook["Metrics"].iter_rows(min_row=5, values_only=True)]
    assert metrics == [m.name for m in scorecard(sample, result)]
    assert "Sales-ready leads per month" in metrics  # the user's own metric is kept
    agenda = [row[0] for row in workbook["CEO review"].iter_rows(min_row=5, values_only=True) if row[0]]
    assert agenda == [item.title for item in review_agenda(sample, result)]
    assert len(agenda) == 5


def formulas_of(workbook_path: Path) -> list[str]:
    workbook = load_workbook(workbook_path)
    return [c.value for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_the_verdict_is_one_named_live_cell_that_begins_like_the_apps(sample_book: Path) -> None:
    workbook = load_workbook(sample_book)
    sheet, cell = next(iter(workbook.defined_names["Verdict"].destinations))
    verdict = workbook[sheet][cell.replace("$", "")].value
    assert sheet == "Summary" and verdict.startswith("=")
    # each sentence begins with planner.numbers.status's word, chosen by the live TimingStatus
    assert '"Short"&" by "&TEXT(SRLGap' in verdict and '"Late"&": "' in verdict and '"On track"&' in verdict
    assert 'TimingStatus="short"' in verdict and 'TimingStatus="late"' in verdict
    assert "ActualsThrough>0" in verdict  # "at this pace" once the Tracker has actuals


def test_formulas_are_locked_inputs_unlocked_and_every_sheet_protected_without_a_password(
    sample_book: Path,
) -> None:
    workbook = load_workbook(sample_book)
    for sheet in workbook.worksheets:
        assert sheet.protection.sheet, sheet.title
        assert not sheet.protection.password, sheet.title
    for name in INPUT_NAMES.values():
        sheet, cell = next(iter(workbook.defined_names[name].destinations))
        assert workbook[sheet][cell.replace("$", "")].protection.locked is False, name
    labor = workbook["Labor"]
    assert labor["D5"].protection.locked is False  # head count: an input
    assert labor["P5"].protection.locked is True and labor["P5"].data_type == "f"  # total output: a formula
    for name in RESULT_NAMES:
        sheet, cell = next(iter(workbook.defined_names[name].destinations))
        assert workbook[sheet][cell.replace("$", "")].protection.locked is True, name


def test_no_formula_holds_the_horizon_as_a_number(tmp_path: Path) -> None:
    from tests.exports.plans import timed_plan

    for plan, horizon in ((rich_plan(), 6), (timed_plan(), 9)):
        formulas = formulas_of(write_workbook(plan, tmp_path / f"h{horizon}.xlsx"))
        assert any("Horizon" in f for f in formulas)
        # no month number or horizon typed into a formula: they come from cells (the month rows, Horizon)
        unrounded = [re.sub(r",\d\)", ")", f.split('"')[0]) for f in formulas]  # ROUND(x,6): a precision
        typed = [f for f in unrounded if re.search(rf"(?<![\w$.]){horizon}(?![\w.%])", f)]
        assert typed == [], typed[:5]


def test_counts_are_whole_and_a_surplus_says_so(sample_book: Path) -> None:
    workbook = load_workbook(sample_book)
    monthly = workbook["Monthly"]
    assert monthly.cell(MonthlyRow.NEEDED, 4).number_format == "#,##0"
    assert monthly.cell(MonthlyRow.GAP, 4).number_format == '#,##0;#,##0" surplus";0'
    sheet, cell = next(iter(workbook.defined_names["SRLGap"].destinations))
    assert workbook[sheet][cell.replace("$", "")].number_format == '#,##0;#,##0" surplus";0'


def test_short_late_covered_and_next_years_months_are_coloured_by_the_live_status_row(sample_book: Path) -> None:
    monthly = load_workbook(sample_book)["Monthly"]
    rules = [(str(r.sqref), rule) for r in monthly.conditional_formatting for rule in r.rules]
    words = {rule.formula[0].split("=")[1].strip('"') for _, rule in rules}
    assert words == {"short", "late", "covered", "next year"}
    colours = {rule.formula[0].split("=")[1].strip('"'): rule.dxf.fill.fgColor.rgb for _, rule in rules}
    assert colours["short"].endswith("F4CCCC") and colours["covered"].endswith("D9EAD3")
    assert any(sqref.startswith(f"D{MonthlyRow.GAP}:") for sqref, _ in rules)  # the gap row


def test_the_contents_sheet_links_every_sheet_and_gives_version_and_date(sample_book: Path) -> None:
    workbook = load_workbook(sample_book)
    cover = workbook["Contents"]
    links = {
        c.value: c.hyperlink.location or c.hyperlink.target for row in cover.iter_rows() for c in row if c.hyperlink
    }
    assert set(links) == set(workbook.sheetnames) - {"Contents"}
    assert links["Monthly"] == "'Monthly'!A1"
    values = [c.value for row in cover.iter_rows() for c in row if c.value]
    assert "Plan file version" in values and "3" in values and "Exported" in values


def test_charts_stack_supply_by_source_and_label_every_funnel_stage(sample_book: Path) -> None:
    with zipfile.ZipFile(sample_book) as archive:
        charts = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("xl/charts/chart")]
    stacked = next(c for c in charts if '<grouping val="stacked"' in c)
    assert "Inside lead development reps" in stacked and "Trade shows" in stacked and "<lineChart>" in stacked
    funnel = next(c for c in charts if "Reverse funnel" in c)
    assert '<showVal val="1"' in funnel and '<logBase val="10"' in funnel
    assert "$A$40:$A$44" in funnel  # wins .. raw leads: every stage


def test_excel_code_names_its_columns_and_has_no_one_letter_module_aliases() -> None:
    source = Path(__file__).parents[2] / "exports" / "excel"
    for path in source.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"import \w+ as (L|CS|LS)\b", text), path.name
        # no column letter typed into a formula string: f"=...A{row}" or '$B$' style
        assert not re.search(r"f[\"'][^\"']*[=(,+*/-]\$?[A-Z]{1,2}\$?\{", text), path.name


def sheets_xml(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/")}


@pytest.mark.parametrize("kind", ["sample", "timed", "hostile", "padded"])
def test_the_sheets_are_saved_exactly_as_openpyxl_itself_writes_them(kind: str, sample: Plan, tmp_path: Path) -> None:
    from exports.excel.saving import save
    from exports.excel.workbook import build_workbook
    from tests.exports.plans import timed_plan

    padded = make_plan(
        labor=[{"id": "x", "name": "  Team with spaces  ", "kind": "inside"}],
        channels=[{"name": "\tTabbed", "type": "email", "owner": "x", "share": 0.5}],
    )
    plan = {"sample": sample, "timed": timed_plan(), "hostile": hostile_plan(), "padded": padded}[kind]
    save(build_workbook(plan), tmp_path / "ours.xlsx", lambda percent, step: None)
    build_workbook(plan).save(tmp_path / "openpyxl.xlsx")  # openpyxl's own writer, the same workbook
    ours, theirs = sheets_xml(tmp_path / "ours.xlsx"), sheets_xml(tmp_path / "openpyxl.xlsx")
    assert sum(name.endswith(".xml") and "_rels" not in name for name in ours) == 13
    assert ours.keys() == theirs.keys()  # the sheets and their relations (links, charts)
    for name, xml in ours.items():  # but for the cached values: the engine's in ours, openpyxl's empty <v />
        assert without_cached_values(xml) == theirs[name].replace(b"</f><v /></c>", b"</f></c>"), name
    written = b"".join(ours.values())
    assert b"<f>" in written and b't="inlineStr"' in written and b't="n"' in written and b"<v />" not in written
    assert b"</f><v>" in written  # formulas carry values (of the plans with figures: all of these)
    assert (b'xml:space="preserve"' in written) == (kind == "padded")  # text kept with its spaces


def without_cached_values(xml: bytes) -> bytes:
    """A sheet's XML less the values after its formulas (and the t="str" of those whose value is text)."""
    xml = re.sub(rb'(<c [^>]*?) t="str"(><f>)', rb"\1\2", xml)
    return re.sub(rb"</f><v>[^<]*</v></c>", b"</f></c>", xml)


def programs_plan(count: int) -> Plan:
    programs = [
        {"name": f"Program {i}", "type": "events", "owner": "marketing", "monthly_budget": 1000, "cost_per_lead": 50}
        for i in range(count)
    ]
    return make_plan(channels=programs)


def test_past_500_programs_one_block_adds_them_up_by_month_instead_of_a_grid_each(tmp_path: Path) -> None:
    from exports.excel.layout import MonthlyRow, ProgramMonthRow

    def channels_sheet(count: int) -> tuple[list[Any], Any]:
        workbook = load_workbook(write_workbook(programs_plan(count), tmp_path / f"p{count}.xlsx"))
        channels = workbook["Channels"]
        return [channels.cell(row, 1).value for row in range(1, channels.max_row + 1)], workbook

    column_a, _ = channels_sheet(500)
    assert "Program channels: sales-ready leads by month" in column_a  # a grid per program up to 500
    column_a, workbook = channels_sheet(501)
    assert not any(str(v).startswith("Program channels: ") and "by month" in str(v) for v in column_a)
    assert "More than 500 programs" in column_a[1]  # the sheet's note says why
    block = column_a.index("All 501 program channels by month") + 1  # its title row, the month numbers
    assert column_a[block + 1 : block + 4] == ["Spend (cost)", "Raw leads", "Sales-ready leads"]
    srl_row = block + 2 + ProgramMonthRow.SRL
    assert workbook["Monthly"].cell(MonthlyRow.PROGRAMS, 4).value == f"='Channels'!D{srl_row}"
    assert workbook["Channels"].cell(srl_row, 4).value.startswith("=SUMPRODUCT(")
    # 501 programs x 20 columns and the block: no 3 x 501 x 12 grid formulas
    assert len(workbook["Channels"]._cells) < 501 * 21 + 200
