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
from planner.engine import compute
from planner.model import Plan
from planner.paths import set_value
from planner.results import PlanResult
from planner.sample import sample_plan
from tests.exports.plans import covered_plan, rich_plan
from tests.exports.recalc import SOFFICE, named_values, recalculate_all

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
    }
    set_named(written["changed"], {"WinRate": 0.2, "DealSize": 50_000})
    set_named(written["cycle"], {"SalesCycleMonths": 1})
    set_weight(written["cycle"], 11, 1)  # December's weight 4 -> 1
    return recalculate_all(list(written.values()), folder / "recalculated", written)


def assert_named_results_match(path: Path, result: PlanResult) -> None:
    values = named_values(path)
    for name, figure in NAMED_RESULTS.items():
        expected = figure(result)
        assert values[name] == ("n/a" if expected is None else approx(expected)), name


def monthly(path: Path, horizon: int) -> dict[str, list[Any]]:
    sheet = load_workbook(path, data_only=True)["Monthly"]
    rows = list(sheet.iter_rows(min_row=5, max_row=4 + horizon, values_only=True))
    return {"needed": [r[6] for r in rows], "supplied": [r[9] for r in rows], "cost": [r[12] for r in rows]}


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
