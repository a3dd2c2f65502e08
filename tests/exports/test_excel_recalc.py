"""The workbook recalculated by LibreOffice equals the engine: every named result, the months,
the scenarios, and again after the CEO changes inputs in the file.

All workbooks are written first and recalculated in one LibreOffice run (it takes seconds).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from exports.excel import write_workbook
from exports.excel.layout import MONTH_COLUMN, MonthlyRow, ProgramColumn, ScheduleColumn
from planner.engine import compute
from planner.model import Plan
from planner.paths import set_value
from planner.results import PlanResult
from planner.sample import sample_plan
from tests.exports.plans import covered_plan, rich_plan, timed_plan
from tests.exports.recalc import SOFFICE, cell_values, named_values, recalculate_all

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: cannot recalculate"),
]
approx = pytest.approx
NAMED_RESULTS = {
    "WinsNeeded": lambda r: r.demand.wins,
    "OpportunitiesNeeded": lambda r: r.demand.opportunities,
    "SRLNeeded": lambda r: r.demand.sales_ready_leads,
    "MQLNeeded": lambda r: r.demand.qualified_leads,
    "LeadsNeeded": lambda r: r.demand.raw_leads,
    "SRLSupplied": lambda r: r.supply.sales_ready_leads,
    "TotalCost": lambda r: r.supply.cost,
    "CostPerSRL": lambda r: r.supply.cost_per_sales_ready_lead,
    "ProjectedRevenue": lambda r: r.supply.projected_revenue,
    "ReturnOnCost": lambda r: r.supply.return_on_cost,
    "SRLGap": lambda r: r.gap.sales_ready_leads,
    "ExpectedRevenue": lambda r: r.revenue.expected,
    "RevenueGap": lambda r: r.revenue.gap,
    "WorstShortfall": lambda r: r.timing.worst_shortfall,
}


def set_named(path: Path, changes: dict[str, Any]) -> None:
    """Change named input cells with openpyxl, as a script or a careless CEO would."""
    workbook = load_workbook(path)
    for name, value in changes.items():
        sheet, cell = next(iter(workbook.defined_names[name].destinations))
        workbook[sheet][cell.replace("$", "")] = value
    workbook.save(path)


def set_weight(path: Path, month_index: int, weight: float) -> None:
    workbook = load_workbook(path)
    workbook["Inputs"].cell(row=25 + month_index, column=2, value=weight)
    workbook.save(path)


def edit_programs(path: Path) -> None:
    """In the timed plan's workbook without program grids, the CEO gives Ads 6,000 a month from
    month 3 to the end, and moves the second trade show from month 8 to month 6 at 30,000."""
    workbook = load_workbook(path)
    channels = workbook["Channels"]
    ads = next(row for row in range(1, 40) if channels.cell(row, 1).value == "Ads")
    channels.cell(ads, ProgramColumn.BUDGET, 6000)
    channels.cell(ads, ProgramColumn.START, 3)
    channels.cell(ads, ProgramColumn.END).value = None  # blank: to the last month
    shows = [row for row in range(ads, 60) if channels.cell(row, ScheduleColumn.MONTH).value == 8]
    assert len(shows) == 1
    channels.cell(shows[0], ScheduleColumn.MONTH, 6)
    channels.cell(shows[0], ScheduleColumn.BUDGET, 30_000)
    workbook.save(path)


def with_targets(plan: Plan, **changes: Any) -> Plan:
    for name, value in changes.items():
        plan = set_value(plan, f"targets.{name}", value)
    return plan


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("books")
    written = {
        "sample": write_workbook(sample_plan(), folder / "sample.xlsx"),
        "rich": write_workbook(rich_plan(), folder / "rich.xlsx"),
        "covered": write_workbook(covered_plan(), folder / "covered.xlsx"),
        "changed": write_workbook(sample_plan(), folder / "changed.xlsx"),
        "cycle": write_workbook(rich_plan(), folder / "cycle.xlsx"),
        "timed": write_workbook(timed_plan(), folder / "timed.xlsx"),
        "turned": write_workbook(sample_plan(), folder / "turned.xlsx"),
    }
    with pytest.MonkeyPatch.context() as patch:  # as for a plan of thousands of programs: no grid each
        patch.setattr("exports.excel.layout.MAX_PROGRAM_GRIDS", 0)
        for key, plan in (("rich_compact", rich_plan()), ("timed_compact", timed_plan())):
            written[key] = write_workbook(plan, folder / f"{key}.xlsx")
        written["edited_compact"] = write_workbook(timed_plan(), folder / "edited_compact.xlsx")
    edit_programs(written["edited_compact"])
    set_named(written["changed"], {"WinRate": 0.2, "DealSize": 50_000})
    set_named(written["turned"], {"WinRate": 0.3, "DealSize": 80_000})  # the CEO: now covered
    set_named(written["cycle"], {"SalesCycleMonths": 1})
    set_weight(written["cycle"], 11, 1)  # December's weight 4 -> 1
    return recalculate_all(list(written.values()), folder / "recalculated", written)


def assert_named_results_match(path: Path, result: PlanResult) -> None:
    values = named_values(path)
    for name, figure in NAMED_RESULTS.items():
        expected = figure(result)
        assert values[name] == ("n/a" if expected is None else approx(expected)), name


def monthly(path: Path, horizon: int) -> dict[str, list[Any]]:
    """The Monthly sheet's rows, months across the columns from D."""
    sheet = load_workbook(path, data_only=True)["Monthly"]

    def row(measure: MonthlyRow) -> list[Any]:
        return [sheet.cell(measure, MONTH_COLUMN + m).value for m in range(horizon)]

    return {
        "needed": row(MonthlyRow.NEEDED),
        "supplied": row(MonthlyRow.SUPPLIED),
        "cost": row(MonthlyRow.COST),
        "cumulative_gap": row(MonthlyRow.CUMULATIVE_GAP),
        "revenue": row(MonthlyRow.REVENUE),
        "status": row(MonthlyRow.STATUS),
    }


def month_statuses(result: PlanResult) -> list[str]:
    """What each month's conditional format keys on: short (the month's gap), late (behind to date), covered."""
    return ["short" if m.gap > 0.5 else "late" if m.cumulative_gap > 0.5 else "covered" for m in result.months]


def sheet_texts(path: Path, sheet: str) -> list[str]:
    return [str(value) for row in cell_values(path, sheet) for value in row if isinstance(value, str)]


def test_the_sample_plan_recalculates_to_the_product_briefs_figures(books: dict[str, Path]) -> None:
    values = named_values(books["sample"])
    # S = 2,400,000 / 40,000 / 0.25 / 0.6 = 400; supplied 228 + 60 = 288; cost 165,000 + 72,000
    assert values["SRLNeeded"] == approx(400)
    assert values["SRLSupplied"] == approx(288)
    assert values["SRLGap"] == approx(112)
    assert values["TotalCost"] == approx(237_000)
    assert values["CostPerSRL"] == approx(237_000 / 288)
    assert values["ProjectedRevenue"] == approx(288 * 0.6 * 0.25 * 40_000)
    assert_named_results_match(books["sample"], compute(sample_plan()))


def test_seasonality_cycle_ramp_fee_and_a_mid_plan_program_match_the_engine(books: dict[str, Path]) -> None:
    plan = rich_plan()
    result = compute(plan)
    assert_named_results_match(books["rich"], result)
    months = monthly(books["rich"], 6)
    # weights Nov..Apr 1, 4, 2, 1, 1, 1 (sum 10), S = 320, cycle 2 wrapping: m1 <- Jan, m5 <- Nov, m6 <- Dec
    assert months["needed"] == approx([64, 32, 32, 32, 32, 128])
    assert months["supplied"] == approx([m.sales_ready_leads_supplied for m in result.months])
    assert months["cost"] == approx([m.cost for m in result.months])
    # agency 80 (ramp 1/3, 2/3 from month 2) + inside 72 + webinars 9 (from month 4, own 10%) + ads 24
    assert named_values(books["rich"])["SRLSupplied"] == approx(80 + 72 + 9 + 24)


def test_a_plan_whose_pipeline_covers_the_goal_shows_n_a_never_div_0(books: dict[str, Path]) -> None:
    values = named_values(books["covered"])
    assert values["SRLNeeded"] == 0
    assert values["CostPerSRL"] == "n/a"
    assert values["ReturnOnCost"] == "n/a"
    assert_named_results_match(books["covered"], compute(covered_plan()))
    workbook = load_workbook(books["covered"], data_only=True)
    errors = [
        (sheet.title, cell.coordinate, cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("#")
    ]
    assert errors == []


def test_changing_win_rate_and_deal_size_in_the_file_recalculates_like_the_engine(books: dict[str, Path]) -> None:
    changed = with_targets(sample_plan(), win_rate=0.2, deal_size=50_000)
    result = compute(changed)
    # S = 2,400,000 / 50,000 / 0.2 / 0.6 = 400 again; revenue 288 x 0.6 x 0.2 x 50,000
    assert named_values(books["changed"])["ProjectedRevenue"] == approx(1_728_000)
    assert_named_results_match(books["changed"], result)
    assert named_values(books["changed"])["WinsNeeded"] == approx(48)


def test_changing_the_sales_cycle_or_a_weight_in_the_file_moves_the_months(books: dict[str, Path]) -> None:
    plan = with_targets(rich_plan(), sales_cycle_months=1, seasonality=(2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
    result = compute(plan)
    months = monthly(books["cycle"], 6)
    # weights Nov..Apr 1, 1, 2, 1, 1, 1 (sum 7), cycle 1: m1 <- Dec, m2 <- Jan, ..., m6 <- Nov (wrap)
    assert months["needed"] == approx([320 / 7, 640 / 7, 320 / 7, 320 / 7, 320 / 7, 320 / 7])
    assert months["needed"] == approx([m.sales_ready_leads_needed for m in result.months])
    assert_named_results_match(books["cycle"], result)


def scenario_columns(path: Path) -> dict[str, dict[str, Any]]:
    rows = list(load_workbook(path, data_only=True)["Scenarios"].iter_rows(values_only=True))
    names = rows[3][2:]
    results = rows[[r[0] for r in rows].index("Results") :]
    return {name: {row[0]: row[2 + i] for row in results if row[0]} for i, name in enumerate(names)}


def test_each_scenario_column_matches_the_engine_with_its_overrides(books: dict[str, Path]) -> None:
    plan = rich_plan()
    result = compute(plan)
    columns = scenario_columns(books["rich"])
    assert columns["Base plan"]["Sales-ready leads supplied"] == approx(result.supply.sales_ready_leads)
    for scenario in result.scenarios:
        column = columns[scenario.name]
        assert column["Sales-ready leads needed"] == approx(scenario.demand.sales_ready_leads), scenario.name
        assert column["Sales-ready leads supplied"] == approx(scenario.supply.sales_ready_leads), scenario.name
        assert column["Total cost"] == approx(scenario.supply.cost), scenario.name
        assert column["Projected revenue"] == approx(scenario.supply.projected_revenue), scenario.name
        assert column["Return on cost"] == approx(scenario.supply.return_on_cost), scenario.name
        assert column["Gap (sales-ready leads short)"] == approx(scenario.gap.sales_ready_leads), scenario.name
    # "More agency": 3 people instead of 2 -> output 3 x 10 x 4 = 120 (+40), cost 3 x 6,000 x 5 + 50 x 120
    assert columns["More agency"]["Sales-ready leads supplied"] == approx(185 + 40)
    assert columns["More agency"]["Total cost"] == approx(133_000 + 30_000 + 2_000)


def test_the_scenarios_follow_a_base_input_they_do_not_override(books: dict[str, Path]) -> None:
    columns = scenario_columns(books["changed"])  # WinRate 0.2 and DealSize 50,000 typed into the file
    stretch = dataclasses.replace(sample_plan().scenarios[0])
    expected = compute(with_targets(sample_plan(), win_rate=0.2, deal_size=50_000)).scenarios[0]
    assert stretch.overrides == {"win_rate": 0.3}
    # Stretch keeps its own 30% win rate but takes the new deal size: 2,400,000 / 50,000 / 0.3 / 0.6
    assert columns["Stretch"]["Sales-ready leads needed"] == approx(2_400_000 / 50_000 / 0.3 / 0.6)
    assert columns["Stretch"]["Sales-ready leads needed"] == approx(expected.demand.sales_ready_leads)


def test_v2_end_months_attrition_and_schedules_recalculate_like_the_engine(books: dict[str, Path]) -> None:
    result = compute(timed_plan())
    assert_named_results_match(books["timed"], result)
    months = monthly(books["timed"], 9)
    assert months["supplied"] == approx([m.sales_ready_leads_supplied for m in result.months])
    assert months["cost"] == approx([m.cost for m in result.months])
    assert months["cumulative_gap"] == approx([m.cumulative_gap for m in result.months])
    assert months["revenue"] == approx([m.projected_revenue for m in result.months])
    # inside reps: 3 x 10 x (1 - 0.3 / 12 x (2 + 1)) = 27.75 a month at full speed, months 1-7 only;
    # trade shows by schedule: month 3 spends 18,000 / 150 = 120 raw leads, month 8 160
    assert months["supplied"][7] == approx(24_000 / 150 * 0.15)
    assert months["supplied"][2] > months["supplied"][3]


def test_the_named_v2_results_equal_the_engines_for_every_plan(books: dict[str, Path]) -> None:
    for key, plan in (("sample", sample_plan()), ("rich", rich_plan()), ("covered", covered_plan())):
        values, result = named_values(books[key]), compute(plan)
        assert values["ExpectedRevenue"] == approx(result.revenue.expected), key
        assert values["RevenueGap"] == approx(result.revenue.gap), key
        assert values["WorstShortfall"] == approx(result.timing.worst_shortfall), key
        assert values["InsideRepsToCloseGap"] == result.gap.inside_reps_to_close_gap, key
    # the sample: 400 - 288 = 112 leads short, each worth 0.6 x 0.25 x 40,000 = 6,000: 672,000
    assert named_values(books["sample"])["RevenueGap"] == approx(672_000)


def test_the_checks_block_reads_0_for_every_plan(books: dict[str, Path]) -> None:
    for key, path in books.items():
        rows = cell_values(path, "Checks")[4:]
        differences = [row[1] for row in rows if row[0]]
        assert len(differences) >= 10, key
        assert all(d == 0 for d in differences), (key, rows)


def test_the_verdict_follows_the_numbers_after_the_ceo_changes_inputs(books: dict[str, Path]) -> None:
    before = named_values(books["sample"])["Verdict"]
    assert before == "Short by 112 sales-ready leads, $672,000 of revenue; behind every month."
    assert before.startswith("Short") and compute(sample_plan()).timing.status == "short"
    # win rate 30%, deal size 80,000: 2,400,000 / 80,000 / 0.3 / 0.6 = 166.7 needed, 288 supplied, but
    # January needs 13.9 with 5 supplied: covered over the year, behind at first
    turned = compute(with_targets(sample_plan(), win_rate=0.3, deal_size=80_000))
    assert turned.timing.status == "late"
    after = named_values(books["turned"])
    assert after["Verdict"].startswith("Late: the plan supplies the 167 sales-ready leads the year needs")
    assert after["TimingStatus"] == "late"
    assert after["WorstShortfall"] == approx(turned.timing.worst_shortfall)
    assert "behind until" in after["Verdict"] and "Short" not in after["Verdict"]


def test_the_coverage_warning_is_live_and_goes_when_the_gap_does(books: dict[str, Path]) -> None:
    assert "Coverage is 72%: the plan is 112 sales-ready leads short" in sheet_texts(books["sample"], "Summary")
    texts = sheet_texts(books["turned"], "Summary")
    assert not any(t.startswith("Coverage is") for t in texts)
    assert any(t.startswith("The plan covers the year but is behind until") for t in texts)
    # the goal-seek options were worked out for the old gap: the sheet says so
    assert any(t.startswith("The inputs have changed since export (the gap was 112)") for t in texts)


def test_generated_scorecard_targets_follow_the_changed_inputs(books: dict[str, Path]) -> None:
    def targets(path: Path) -> dict[str, Any]:
        return {row[0]: (row[2], row[7]) for row in cell_values(path, "Metrics")[4:] if row[0]}

    before, after = targets(books["sample"]), targets(books["turned"])
    assert before["Win rate"][0] == approx(0.25) and after["Win rate"][0] == approx(0.3)
    # pipeline a month: opportunities x deal size / 12 = 240 x 40,000 / 12, then 166.7 x 0.6 / 0.3... = 2,400,000 / 0.3 / 12
    assert before["Pipeline created a month"][0] == approx(800_000)
    assert after["Pipeline created a month"][0] == approx(2_400_000 / 0.3 / 12)
    # the user's 40 a week replaces the generated "needed a month" and says how far apart they are
    assert before["Sales-ready leads per month"] == (40, "your 40 a week is 173 a month; the plan needs 33")
    assert after["Sales-ready leads per month"] == (40, "your 40 a week is 173 a month; the plan needs 14")


def test_the_months_status_row_that_colours_them_follows_the_numbers(books: dict[str, Path]) -> None:
    sample = compute(sample_plan())
    assert monthly(books["sample"], 12)["status"] == month_statuses(sample) == ["short"] * 12
    turned = compute(with_targets(sample_plan(), win_rate=0.3, deal_size=80_000))
    statuses = monthly(books["turned"], 12)["status"]
    assert statuses == month_statuses(turned)
    assert statuses[0] == "short" and "covered" in statuses


def test_v2_scenarios_ending_later_or_turning_over_slower_match_the_engine(books: dict[str, Path]) -> None:
    result = compute(timed_plan())
    columns = scenario_columns(books["timed"])
    assert len(result.scenarios) == 3
    for scenario in result.scenarios:
        column = columns[scenario.name]
        assert column["Sales-ready leads supplied"] == approx(scenario.supply.sales_ready_leads), scenario.name
        assert column["Total cost"] == approx(scenario.supply.cost), scenario.name
        assert column["Gap (sales-ready leads short)"] == approx(scenario.gap.sales_ready_leads), scenario.name
    # ads 5,000 a month from month 2 to 9: 8 months / 80 x 0.15 = 75 sales-ready leads, not 4 x 4,000 / 80 x 0.15 = 30
    assert columns["Ads all year"]["Sales-ready leads supplied"] - columns["Base plan"][
        "Sales-ready leads supplied"
    ] == (approx(75 - 30))


def test_the_workbooks_live_verdict_says_what_the_memo_says(books: dict[str, Path]) -> None:
    from planner.memo import memo

    for key, plan in (
        ("sample", sample_plan()),
        ("rich", rich_plan()),
        ("covered", covered_plan()),
        ("timed", timed_plan()),
    ):
        assert named_values(books[key])["Verdict"] == memo(plan, compute(plan)).verdict, key
    turned = with_targets(sample_plan(), win_rate=0.3, deal_size=80_000)
    assert named_values(books["turned"])["Verdict"] == memo(turned, compute(turned)).verdict


def test_without_program_grids_the_workbook_still_recalculates_like_the_engine(books: dict[str, Path]) -> None:
    for key, plan, horizon in (("rich_compact", rich_plan(), 6), ("timed_compact", timed_plan(), 9)):
        result = compute(plan)
        assert_named_results_match(books[key], result)
        months = monthly(books[key], horizon)
        assert months["supplied"] == approx([m.sales_ready_leads_supplied for m in result.months]), key
        assert months["cost"] == approx([m.cost for m in result.months]), key
        columns = scenario_columns(books[key])
        for scenario in result.scenarios:
            supplied = columns[scenario.name]["Sales-ready leads supplied"]
            assert supplied == approx(scenario.supply.sales_ready_leads), (key, scenario.name)
            assert columns[scenario.name]["Total cost"] == approx(scenario.supply.cost), (key, scenario.name)
    # trade shows by schedule: month 3 spends 15,000 + 3,000 = 18,000 / 150 = 120 raw leads x 15%
    channels = cell_values(books["timed_compact"], "Channels")
    shows = next(row for row in channels if row[0] == "Trade shows")
    assert shows[ProgramColumn.COST_TOTAL - 1] == approx(42_000)
    assert shows[ProgramColumn.SRL_TOTAL - 1] == approx(42_000 / 150 * 0.15)


def test_without_program_grids_a_program_edited_in_the_file_moves_the_months(books: dict[str, Path]) -> None:
    plan = timed_plan()
    ads, shows = plan.channels[1], plan.channels[2]
    edited_shows = dataclasses.replace(
        shows,
        schedule=(shows.schedule[0], dataclasses.replace(shows.schedule[1], month=6, budget=30_000), shows.schedule[2]),
    )
    edited_ads = dataclasses.replace(ads, monthly_budget=6000, start_month=3, end_month=None)
    edited = dataclasses.replace(plan, channels=(plan.channels[0], edited_ads, edited_shows))
    result = compute(edited)
    assert_named_results_match(books["edited_compact"], result)
    months = monthly(books["edited_compact"], 9)
    assert months["cost"] == approx([m.cost for m in result.months])
    assert months["supplied"] == approx([m.sales_ready_leads_supplied for m in result.months])
    # month 6: the reps 3 x 7,000 x 95% of seats paid = 19,950, ads 6,000, the moved show 30,000;
    # month 8: the reps have left (end month 7) and the show moved away: ads 6,000 only
    assert months["cost"][5] == approx(19_950 + 6000 + 30_000)
    assert months["cost"][7] == approx(6000)
