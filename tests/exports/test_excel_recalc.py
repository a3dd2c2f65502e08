"""The workbook recalculated by LibreOffice equals the engine: every named result, the months,
the scenarios, and again after the CEO changes inputs in the file (the win rate, the sales cycle,
a new hire's ramp) or types actuals on the Tracker: plan model v3, formula for formula.

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
from exports.excel.monthly_sheet import NO_HIRE
from exports.excel.tracker_sheet import TRACKER, stage_row
from planner.numbers import status
from planner.numbers.engine import compute
from planner.numbers.results import PlanResult
from planner.plan.model import Actual, Metric, Plan
from planner.plan.paths import set_value
from planner.plan.sample import sample_plan
from tests.exports.plans import covered_plan, rich_plan, timed_plan
from tests.exports.recalc import SOFFICE, cell_values, named_values, recalculate_all
from tests.planner.plans import make_plan

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
    "YearSRLExpected": lambda r: r.year.sales_ready_leads_expected,
    "YearCoverage": lambda r: r.year.coverage,
    "NextYearStartGap": lambda r: r.next_year_start.gap if r.next_year_start else 0,
    "CarriedOverRevenue": lambda r: r.revenue.carried_over,
    "InsideRepsToCloseGap": lambda r: (
        NO_HIRE if r.gap.inside_reps_to_close_gap is None else r.gap.inside_reps_to_close_gap
    ),
    "LatestStartMonth": lambda r: r.gap.latest_start_month or "",  # blank when none
    "TimingStatus": lambda r: r.timing.status,
}
ACTUALS = (  # three months reported on the Tracker
    Actual(month=1, sales_ready_leads=20),
    Actual(month=2, sales_ready_leads=30),
    Actual(month=3, sales_ready_leads=41),
)


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


def type_actuals(path: Path, actuals: tuple[Actual, ...]) -> None:
    """The CEO types actual sales-ready leads into the Tracker's yellow cells."""
    workbook = load_workbook(path)
    for actual in actuals:
        workbook[TRACKER].cell(stage_row(0, "Actual"), MONTH_COLUMN + actual.month - 1, actual.sales_ready_leads)
    workbook.save(path)


def weekly_metric_plan() -> Plan:
    """The sample with the user's own "Sales-ready leads per week", 40, in place of its per-month one."""
    own = Metric(name="Sales-ready leads per week", kind="outcome", target=40, unit="leads", cadence="monthly")
    return dataclasses.replace(sample_plan(), metrics=(own,))


def type_target(path: Path, name: str, target: float) -> None:
    """The CEO types a new target beside a metric's name on the Metrics sheet."""
    workbook = load_workbook(path)
    sheet = workbook["Metrics"]
    row = next(c.row for c in sheet["A"] if c.value == name)
    sheet.cell(row, 3, target)
    workbook.save(path)


def steady_plan() -> Plan:
    """A seated team (ramp 0) that covers every month of a year with a 2-month cycle: on track. S = 1,200,000
    / 20,000 / 0.25 / 0.5 = 480 over the 10 in-time months (48 each); the team makes 5 x 12 = 60 a month."""
    return make_plan(
        {"revenue_goal": 1_200_000, "pipeline_revenue": 0, "deal_size": 20_000, "win_rate": 0.25,
         "srl_to_opportunity": 0.5, "sales_cycle_months": 2, "new_hire_ramp_months": 4},
        labor=[{"id": "team", "name": "Team", "kind": "inside", "headcount": 5, "start_month": 1, "ramp_months": 0,
                "srl_per_person_month": 12, "cost_per_person_month": 7000}],
        channels=[{"name": "Calls", "type": "outbound_phone", "owner": "team", "share": 1}],
    )  # fmt: skip


SLOW_START = (
    Actual(month=1, sales_ready_leads=30),
    Actual(month=2, sales_ready_leads=30),
    Actual(month=3, sales_ready_leads=30),
)


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
        "win_rate": write_workbook(sample_plan(), folder / "win_rate.xlsx"),
        "cycle_5": write_workbook(sample_plan(), folder / "cycle_5.xlsx"),
        "ramp_0": write_workbook(sample_plan(), folder / "ramp_0.xlsx"),
        "all_three": write_workbook(sample_plan(), folder / "all_three.xlsx"),
        "long_cycle": write_workbook(sample_plan(), folder / "long_cycle.xlsx"),
        "exported_long": write_workbook(with_targets(sample_plan(), sales_cycle_months=14), folder / "el.xlsx"),
        "tracked": write_workbook(dataclasses.replace(sample_plan(), actuals=ACTUALS), folder / "tracked.xlsx"),
        "typed": write_workbook(sample_plan(), folder / "typed.xlsx"),
        "steady": write_workbook(steady_plan(), folder / "steady.xlsx"),
        "steady_typed": write_workbook(steady_plan(), folder / "steady_typed.xlsx"),
        "weekly": write_workbook(weekly_metric_plan(), folder / "weekly.xlsx"),
        "weekly_turned": write_workbook(weekly_metric_plan(), folder / "weekly_turned.xlsx"),
        "weekly_typed": write_workbook(weekly_metric_plan(), folder / "weekly_typed.xlsx"),
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
    set_named(written["win_rate"], {"WinRate": 0.3})
    set_named(written["cycle_5"], {"SalesCycleMonths": 5})
    set_named(written["ramp_0"], {"NewHireRampMonths": 0})
    set_named(written["all_three"], {"WinRate": 0.3, "SalesCycleMonths": 5, "NewHireRampMonths": 1})
    set_named(written["long_cycle"], {"SalesCycleMonths": 14})
    type_actuals(written["typed"], ACTUALS)
    type_actuals(written["steady_typed"], SLOW_START)
    set_named(written["weekly_turned"], {"WinRate": 0.3, "DealSize": 80_000})
    type_target(written["weekly_typed"], "Sales-ready leads per week", 10)
    return recalculate_all(list(written.values()), folder / "recalculated", written)


def assert_named_results_match(path: Path, result: PlanResult) -> None:
    values = named_values(path)
    for name, figure in NAMED_RESULTS.items():
        expected = figure(result)
        if expected == "":
            assert values[name] in ("", None), name  # a blank text
        elif isinstance(expected, str):
            assert values[name] == expected, name
        else:
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
        "pipeline": row(MonthlyRow.PIPELINE),
        "goal": row(MonthlyRow.REVENUE_GOAL),
        "known": row(MonthlyRow.KNOWN),
        "in_time": row(MonthlyRow.IN_TIME),
        "status": row(MonthlyRow.STATUS),
    }


def month_statuses(result: PlanResult) -> list[str]:
    """What each month's conditional format keys on: next year (a carry-over month), short (the month's
    needed less what is known), late (behind to date), covered."""
    return [
        "next year"
        if not m.in_time
        else "short"
        if status.is_short(m.sales_ready_leads_needed - m.known_sales_ready_leads)
        else "late"
        if status.is_behind(m.cumulative_gap)
        else "covered"
        for m in result.months
    ]


def sheet_texts(path: Path, sheet: str) -> list[str]:
    return [str(value) for row in cell_values(path, sheet) for value in row if isinstance(value, str)]


def test_the_sample_plan_recalculates_to_the_product_briefs_v3_worked_example(books: dict[str, Path]) -> None:
    values = named_values(books["sample"])
    # S = 2,400,000 / 40,000 / 0.25 / 0.6 = 400; supplied 228 + 60 = 288 over the 12 months, cost 165,000 + 72,000
    assert values["SRLNeeded"] == approx(400)
    assert values["SRLSupplied"] == approx(288)
    assert values["TotalCost"] == approx(237_000)
    assert values["CostPerSRL"] == approx(237_000 / 288)
    assert values["ProjectedRevenue"] == approx(288 * 6000)  # every lead's value, whenever it closes (v1)
    # c = 3: months 1-9 in time; expected 5 + 11 + 17 + 23 + 5 x 29 = 201, gap 199, coverage 50.25%
    assert values["InTimeMonths"] == 9
    assert values["YearSRLExpected"] == approx(201)
    assert values["SRLGap"] == approx(199)
    assert values["YearCoverage"] == approx(0.5025)
    # next year's start: months 10-12 need 3,000,000 / 6,000 / 12 = 41.67 each, 125; 87 expected, 38 short
    assert values["NextYearStartGap"] == approx(38)
    assert values["CarriedOverRevenue"] == approx(87 * 6000)  # 522,000
    # revenue: pipeline 600,000 + 201 x 6,000 = 1,806,000; gap 1,194,000 = 199 x 6,000
    assert values["ExpectedRevenue"] == approx(1_806_000)
    assert values["RevenueGap"] == approx(1_194_000)
    assert values["WorstShortfall"] == approx(199) and values["WorstMonth"] == "Sep 2027"
    # r(1) = 12 x (0.25 + 0.5 + 0.75 + 6) = 90: 3 reps; r(2) = 78 (234 >= 198.5), r(3) = 66 (198 < 198.5)
    assert values["FirstHireDelivery"] == approx(90)
    assert values["InsideRepsToCloseGap"] == 3 and values["LatestStartMonth"] == 2
    assert_named_results_match(books["sample"], compute(sample_plan()))
    months = monthly(books["sample"], 12)
    assert months["in_time"] == [1] * 9 + [0] * 3
    assert months["needed"] == approx([400 / 9] * 9 + [125 / 3] * 3)
    assert months["pipeline"] == approx([200_000] * 3 + [0] * 9)  # the pipeline closes within one cycle
    assert months["revenue"] == approx(
        [0, 0, 0, 30_000, 66_000, 102_000, 138_000, 174_000, 174_000, 174_000, 174_000, 174_000]
    )
    assert months["goal"] == approx([250_000] * 12)


def test_seasonality_cycle_ramp_fee_and_a_mid_plan_program_match_the_engine(books: dict[str, Path]) -> None:
    plan = rich_plan()
    result = compute(plan)
    assert_named_results_match(books["rich"], result)
    months = monthly(books["rich"], 6)
    # weights Nov..Apr 1, 4, 2, 1, 1, 1 (sum 10), S = 320, cycle 2: months 1-4 in time, paying for Jan..Apr
    # (u 2, 1, 1, 1 / 10, U = 0.5): 128, 64, 64, 64; months 5-6 start next year: 900,000 / 2,500 x 1/10 = 36
    assert months["needed"] == approx([128, 64, 64, 64, 36, 36])
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
    # weights Nov..Apr 1, 1, 2, 1, 1, 1 (sum 7), cycle 1: months 1-5 in time paying for Dec..Apr (1, 2, 1, 1, 1:
    # U = 6/7); month 6 starts next year with May's 1/7 of 900,000 / 2,500 = 360
    assert months["in_time"] == [1, 1, 1, 1, 1, 0]
    assert months["needed"] == approx([320 / 6, 640 / 6, 320 / 6, 320 / 6, 320 / 6, 360 / 7])
    assert months["needed"] == approx([m.sales_ready_leads_needed for m in result.months])
    assert_named_results_match(books["cycle"], result)


def test_a_new_win_rate_in_the_file_moves_this_years_gap_and_the_hires_like_the_engine(books: dict[str, Path]) -> None:
    result = compute(with_targets(sample_plan(), win_rate=0.3))
    values = named_values(books["win_rate"])
    # V = 0.6 x 0.3 x 40,000 = 7,200: S = 2,400,000 / 7,200 = 333.3, still 201 expected: 132.3 short
    assert values["SRLGap"] == approx(2_400_000 / 7200 - 201)
    assert values["RevenueGap"] == approx((2_400_000 / 7200 - 201) * 7200)
    assert values["CarriedOverRevenue"] == approx(87 * 7200)
    # ceil(132.3 / 90) = 2 reps; 2 x r(3) = 132 >= 131.8, 2 x r(4) = 108 is not: start by month 3
    assert values["InsideRepsToCloseGap"] == 2 and values["LatestStartMonth"] == 3
    assert_named_results_match(books["win_rate"], result)


def test_a_longer_sales_cycle_in_the_file_moves_the_line_between_this_year_and_next(books: dict[str, Path]) -> None:
    result = compute(with_targets(sample_plan(), sales_cycle_months=5))
    values, months = named_values(books["cycle_5"]), monthly(books["cycle_5"], 12)
    # c = 5: months 1-7 in time (400 / 7 each), 8-12 next year's start (41.67 each)
    assert months["in_time"] == [1] * 7 + [0] * 5
    assert months["needed"] == approx([400 / 7] * 7 + [500 / 12] * 5)
    assert months["pipeline"] == approx([120_000] * 5 + [0] * 7)  # 600,000 over the first 5 months
    # expected 5 + 11 + 17 + 23 + 29 x 3 = 143: 257 short; next year 5 x 29 = 145 of 208.3
    assert values["YearSRLExpected"] == approx(143) and values["SRLGap"] == approx(257)
    assert values["NextYearStartGap"] == approx(2500 / 12 - 145)
    assert values["ExpectedRevenue"] == approx(600_000 + 143 * 6000)
    # r(1) = 12 x (0.25 + 0.5 + 0.75 + 4) = 66: 4 reps; r(2) = 54 (216 < 256.5): start in month 1
    assert values["InsideRepsToCloseGap"] == 4 and values["LatestStartMonth"] == 1
    assert_named_results_match(books["cycle_5"], result)


def test_a_new_hires_ramp_in_the_file_changes_the_reps_that_close_the_gap(books: dict[str, Path]) -> None:
    result = compute(with_targets(sample_plan(), new_hire_ramp_months=0))
    values = named_values(books["ramp_0"])
    # no ramp: r(1) = 12 x 9 = 108, ceil(199 / 108) = 2; r(2) = 96 (192 < 198.5): start in month 1
    assert values["FirstHireDelivery"] == approx(108)
    assert values["InsideRepsToCloseGap"] == 2 and values["LatestStartMonth"] == 1
    assert values["SRLGap"] == approx(199)  # the ramp of a new hire changes no one already planned
    assert_named_results_match(books["ramp_0"], result)


def test_the_win_rate_the_cycle_and_the_ramp_changed_together_recalculate_like_the_engine(
    books: dict[str, Path],
) -> None:
    result = compute(with_targets(sample_plan(), win_rate=0.3, sales_cycle_months=5, new_hire_ramp_months=1))
    assert_named_results_match(books["all_three"], result)
    months = monthly(books["all_three"], 12)
    assert months["needed"] == approx([m.sales_ready_leads_needed for m in result.months])
    assert months["cumulative_gap"] == approx([m.cumulative_gap for m in result.months])
    assert months["revenue"] == approx([m.projected_revenue for m in result.months])


def test_a_cycle_longer_than_the_horizon_leaves_no_month_in_time(books: dict[str, Path]) -> None:
    plan = with_targets(sample_plan(), sales_cycle_months=14)
    result = compute(plan)
    for key in ("long_cycle", "exported_long"):  # typed into the file, and exported so
        values = named_values(books[key])
        assert values["InTimeMonths"] == 0
        # no lead of the plan closes within it: all 400 short, the pipeline (over all 12 months) the only revenue
        assert values["YearSRLExpected"] == 0 and values["SRLGap"] == approx(400)
        assert values["ExpectedRevenue"] == approx(600_000) and values["RevenueGap"] == approx(2_400_000)
        assert values["WorstShortfall"] == 0  # no in-time month to be behind in
        # every month starts next year: 500 needed (41.67 a month), the plan's 288 expected
        assert values["NextYearStartGap"] == approx(500 - 288)
        assert values["CarriedOverRevenue"] == approx(288 * 6000)
        assert values["InsideRepsToCloseGap"] == NO_HIRE  # no hire made now closes this year's gap
        assert values["Verdict"] == (
            "Short by 400 sales-ready leads this year, $2,400,000 of revenue; "
            "no lead created in the plan closes within it."
        )
        assert_named_results_match(books[key], result)
        assert monthly(books[key], 12)["pipeline"] == approx([50_000] * 12)


def test_actuals_typed_on_the_tracker_move_this_years_gap_the_hires_and_the_verdict(books: dict[str, Path]) -> None:
    result = compute(dataclasses.replace(sample_plan(), actuals=ACTUALS))
    for key in ("typed", "tracked"):  # typed into the file after export, and exported with the plan
        values = named_values(books[key])
        # known: 20, 30, 41, then the plan's 23 and 5 x 29: 259 this year, 141 short
        assert values["ActualsThrough"] == 3
        assert values["YearSRLExpected"] == approx(259) and values["SRLGap"] == approx(141)
        assert monthly(books[key], 12)["known"] == approx([20, 30, 41, 23] + [29] * 8)
        # s0 = 3 + 1 + ceil(1) = 5; r(5) = 12 x (0.25 + 0.5 + 0.75 + 1 + 1) = 42: 4 reps, r(6) = 30 too little
        assert values["EarliestStart"] == 5 and values["FirstHireDelivery"] == approx(42)
        assert values["InsideRepsToCloseGap"] == 4 and values["LatestStartMonth"] == 5
        assert values["Verdict"] == (
            "Short by 141 sales-ready leads this year at this pace, $846,000 of revenue; "
            "behind every month through Sep 2027."
        )
        assert_named_results_match(books[key], result)


def test_a_slow_start_typed_on_the_tracker_makes_a_covered_plan_late(books: dict[str, Path]) -> None:
    steady = compute(steady_plan())
    assert steady.timing.status == status.ON_TRACK
    assert named_values(books["steady"])["Verdict"].startswith("On track: this year's 480 sales-ready leads")
    assert_named_results_match(books["steady"], steady)
    late = compute(dataclasses.replace(steady_plan(), actuals=SLOW_START))
    assert late.timing.status == status.LATE
    values = named_values(books["steady_typed"])
    # 30 a month against 48 for three months: 54 behind in March; 90 + 7 x 60 = 510 >= 480 over the year
    assert values["TimingStatus"] == "late" and values["WorstShortfall"] == approx(54)
    assert values["SRLGap"] == approx(-30) and values["InsideRepsToCloseGap"] == 0
    assert values["Verdict"].startswith("Late: at this pace this year's 480 sales-ready leads are covered")
    assert "up to 54 behind (Mar 2027); behind through Jul 2027, caught up in Aug 2027" in values["Verdict"]
    assert_named_results_match(books["steady_typed"], late)


def test_the_verdict_begins_with_the_engines_status_word_on_every_kind_of_plan(books: dict[str, Path]) -> None:
    cases = {
        "sample": sample_plan(),
        "turned": with_targets(sample_plan(), win_rate=0.3, deal_size=80_000),  # late
        "typed": dataclasses.replace(sample_plan(), actuals=ACTUALS),  # with actuals
        "steady_typed": dataclasses.replace(steady_plan(), actuals=SLOW_START),  # late by its actuals
        "steady": steady_plan(),  # on track
        "long_cycle": with_targets(sample_plan(), sales_cycle_months=14),  # a cycle longer than the horizon
        "covered": covered_plan(),
    }
    words = set()
    for key, plan in cases.items():
        word = status.word(compute(plan).timing.status)
        words.add(word)
        assert str(named_values(books[key])["Verdict"]).startswith(word), key
    assert words == {"Short", "Late", "On track"}


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
        horizon_gap = scenario.demand.sales_ready_leads - scenario.supply.sales_ready_leads
        assert column["Needed − supplied over the horizon"] == approx(horizon_gap), scenario.name
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


def test_the_named_results_equal_the_engines_for_every_plan(books: dict[str, Path]) -> None:
    for key, plan in (("sample", sample_plan()), ("rich", rich_plan()), ("covered", covered_plan())):
        assert_named_results_match(books[key], compute(plan))
    # the sample: 199 leads short this year, each worth 0.6 x 0.25 x 40,000 = 6,000: 1,194,000
    assert named_values(books["sample"])["RevenueGap"] == approx(1_194_000)


def test_the_checks_block_covers_the_v3_rules_and_reads_0_for_every_plan(books: dict[str, Path]) -> None:
    for key, path in books.items():
        rows = cell_values(path, "Checks")[4:]
        differences = [row[1] for row in rows if row[0]]
        assert len(differences) >= 15, key
        assert all(d == 0 for d in differences), (key, rows)
    labels = [row[0] for row in cell_values(books["sample"], "Checks")[4:] if row[0]]
    for rule in (
        "The in-time months' needed add up to SRLNeeded",
        "Revenue won by month adds up to this year's expected leads x the revenue of a lead",
        "RevenueGap = SRLGap x the revenue of a lead, when the goal exceeds the pipeline",
    ):
        assert any(label.startswith(rule) for label in labels), rule


def test_the_verdict_follows_the_numbers_after_the_ceo_changes_inputs(books: dict[str, Path]) -> None:
    before = named_values(books["sample"])["Verdict"]
    assert (
        before
        == "Short by 199 sales-ready leads this year, $1,194,000 of revenue; behind every month through Sep 2027."
    )
    assert compute(sample_plan()).timing.status == "short"
    # win rate 30%, deal size 80,000: V = 14,400, S = 2,400,000 / 14,400 = 166.7 over months 1-9 (18.5 each)
    # and 201 expected: covered over the year, but 5, 11, 17 against 18.5 a month behind at first
    turned = compute(with_targets(sample_plan(), win_rate=0.3, deal_size=80_000))
    assert turned.timing.status == "late"
    after = named_values(books["turned"])
    assert after["Verdict"].startswith("Late: this year's 167 sales-ready leads are covered, but the plan is up to 23")
    assert after["TimingStatus"] == "late"
    assert after["WorstShortfall"] == approx(turned.timing.worst_shortfall)
    assert "behind through May 2027, caught up in Jun 2027" in after["Verdict"] and "Short" not in after["Verdict"]


def test_the_coverage_warning_is_live_and_goes_when_the_gap_does(books: dict[str, Path]) -> None:
    sample = sheet_texts(books["sample"], "Summary")
    assert "This year's coverage is 50%: the plan is 199 sales-ready leads short this year" in sample
    assert any(t.startswith("Next year starts 38 sales-ready leads short") for t in sample)
    texts = sheet_texts(books["turned"], "Summary")
    assert not any(t.startswith("This year's coverage is") for t in texts)
    assert any(t.startswith("This year is covered but behind through May 2027, caught up in Jun 2027") for t in texts)
    # the goal-seek options were worked out for the old gap: the sheet says so
    assert any(t.startswith("The inputs have changed since export (the gap was 199)") for t in texts)


def test_generated_scorecard_targets_follow_the_changed_inputs(books: dict[str, Path]) -> None:
    def targets(path: Path) -> dict[str, Any]:
        return {row[0]: (row[2], row[7]) for row in cell_values(path, "Metrics")[4:] if row[0]}

    before, after = targets(books["sample"]), targets(books["turned"])
    assert before["Win rate"][0] == approx(0.25) and after["Win rate"][0] == approx(0.3)
    # pipeline a month: opportunities x deal size / 12 = 240 x 40,000 / 12, then 166.7 x 0.6 / 0.3... = 2,400,000 / 0.3 / 12
    assert before["Pipeline created a month"][0] == approx(800_000)
    assert after["Pipeline created a month"][0] == approx(2_400_000 / 0.3 / 12)
    # the user's "Sales-ready leads per month", 40 reviewed weekly, replaces the generated "needed a
    # month": 40 a month (its name says so; the cadence is how often it is reviewed) against 400 / 9
    # in-time months = 44.4, within a tenth; once turned, 166.7 / 9 = 18.5: they disagree
    assert before["Sales-ready leads per month"][0] == 40 and not before["Sales-ready leads per month"][1]
    assert after["Sales-ready leads per month"] == (40, "your 40 a month; the plan needs 19")
    # a target per week is read as a week: 40 x 52 / 12 = 173 a month, then against 18.5
    weekly_before, weekly_after = targets(books["weekly"]), targets(books["weekly_turned"])
    assert weekly_before["Sales-ready leads per week"] == (40, "your 40 a week is 173 a month; the plan needs 44")
    assert weekly_after["Sales-ready leads per week"] == (40, "your 40 a week is 173 a month; the plan needs 19")
    # without a metric of the user's, the generated target is S over the in-time months: the rich plan's
    # 6 months with a 2-month cycle have 4 in time
    rich = compute(rich_plan())
    assert targets(books["rich"])["Sales-ready leads needed a month, all sources"][0] == approx(
        rich.year.sales_ready_leads_needed / 4
    )


def test_the_scorecards_note_is_a_formula_of_the_target_cell_not_a_figure_typed_at_export(
    books: dict[str, Path],
) -> None:
    # the CEO types 10 a week over the 40: 10 x 52 / 12 = 43.3 a month, within a tenth of the 44.4 needed
    values = {row[0]: row for row in cell_values(books["weekly_typed"], "Metrics")[4:] if row[0]}
    assert values["Sales-ready leads per week"][2] == 10 and not values["Sales-ready leads per week"][7]
    formulas = load_workbook(books["weekly"])["Metrics"]
    notes = [str(c.value) for c in formulas["H"] if isinstance(c.value, str) and c.value.startswith("=")]
    assert notes and not any("173" in note for note in notes)


def test_the_months_status_row_that_colours_them_follows_the_numbers(books: dict[str, Path]) -> None:
    sample = compute(sample_plan())
    assert monthly(books["sample"], 12)["status"] == month_statuses(sample) == ["short"] * 9 + ["next year"] * 3
    turned = compute(with_targets(sample_plan(), win_rate=0.3, deal_size=80_000))
    statuses = monthly(books["turned"], 12)["status"]
    assert statuses == month_statuses(turned)
    assert statuses[0] == "short" and "covered" in statuses and statuses[9:] == ["next year"] * 3


def test_v2_scenarios_ending_later_or_turning_over_slower_match_the_engine(books: dict[str, Path]) -> None:
    result = compute(timed_plan())
    columns = scenario_columns(books["timed"])
    assert len(result.scenarios) == 3
    for scenario in result.scenarios:
        column = columns[scenario.name]
        assert column["Sales-ready leads supplied"] == approx(scenario.supply.sales_ready_leads), scenario.name
        assert column["Total cost"] == approx(scenario.supply.cost), scenario.name
        horizon_gap = scenario.demand.sales_ready_leads - scenario.supply.sales_ready_leads
        assert column["Needed − supplied over the horizon"] == approx(horizon_gap), scenario.name
    # ads 5,000 a month from month 2 to 9: 8 months / 80 x 0.15 = 75 sales-ready leads, not 4 x 4,000 / 80 x 0.15 = 30
    assert columns["Ads all year"]["Sales-ready leads supplied"] - columns["Base plan"][
        "Sales-ready leads supplied"
    ] == (approx(75 - 30))


def test_the_workbooks_live_verdict_agrees_with_the_memos_word_and_gap(books: dict[str, Path]) -> None:
    from planner.advice.memo import memo
    from planner.numbers import formatting as fmt

    turned = with_targets(sample_plan(), win_rate=0.3, deal_size=80_000)
    for key, plan in (
        ("sample", sample_plan()),
        ("rich", rich_plan()),
        ("covered", covered_plan()),
        ("timed", timed_plan()),
        ("turned", turned),
        ("tracked", dataclasses.replace(sample_plan(), actuals=ACTUALS)),
    ):
        result = compute(plan)
        verdict, said = named_values(books[key])["Verdict"], memo(plan, result).verdict
        word = status.word(result.timing.status)
        assert verdict.startswith(word) and said.startswith(word), key
        if result.timing.status == status.SHORT:
            assert fmt.count(result.gap.sales_ready_leads) in verdict, key  # the same gap, this year's


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
