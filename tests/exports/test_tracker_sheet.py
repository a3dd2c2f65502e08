"""The workbook's Tracker sheet: the plan as formulas, actuals as yellow inputs, variance and the forecast.

Recalculated by LibreOffice, it equals the engine; and when the CEO types next month's actual in
the file, the variance, what is known and this year's forecast move as the engine says they should.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from exports.excel import write_workbook
from exports.excel.layout import MONTH_COLUMN
from exports.excel.tracker_sheet import FORECAST_ROW, TO_DATE_FIRST, TRACKER, stage_row
from planner.advice.tracking import STAGES, plan_figure
from planner.numbers.engine import compute
from planner.plan.model import Actual, Plan
from planner.plan.sample import sample_plan
from tests.exports.recalc import SOFFICE, named_values, recalculate_all

approx = pytest.approx
LEADS = stage_row(0, "Actual")


def column(month: int) -> int:
    """Months run across the columns, as on every sheet: month 1 in D."""
    return MONTH_COLUMN + month - 1


ACTUALS = (
    Actual(month=1, sales_ready_leads=20, opportunities=10, wins=2, revenue=90_000, cost=21_000),
    Actual(month=2, sales_ready_leads=30, opportunities=15, wins=4, revenue=150_000),
    Actual(month=3, sales_ready_leads=41),
)


def tracked() -> Plan:
    return dataclasses.replace(sample_plan(), actuals=ACTUALS)


def values(path: Path) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in load_workbook(path, data_only=True)[TRACKER].iter_rows(values_only=True)]


def test_the_actuals_are_yellow_inputs_prefilled_with_the_plans_and_empty_where_not_reported(tmp_path: Path) -> None:
    book = load_workbook(write_workbook(tracked(), tmp_path / "tracked.xlsx"))
    sheet = book[TRACKER]
    assert book.sheetnames.index(TRACKER) == book.sheetnames.index("CEO review") + 1
    assert sheet.cell(LEADS, column(1)).value == 20
    assert sheet.cell(stage_row(3, "Actual"), column(2)).value == 150_000
    assert sheet.cell(stage_row(1, "Actual"), column(3)).value is None  # March opportunities: not reported
    assert sheet.cell(LEADS, column(6)).value is None
    assert sheet.cell(LEADS, column(6)).fill.fgColor.rgb.endswith("FFF2CC")  # yellow: type here
    assert sheet.cell(LEADS, column(6)).protection.locked is False
    assert sheet.cell(stage_row(0, "Plan"), column(1)).value.startswith("='Monthly'!")
    assert sheet.cell(stage_row(0, "Plan"), 1).value == "Needed"  # leads are compared with what the goal needs
    assert sheet.cell(stage_row(1, "Plan"), 1).value == "Plan"  # the other stages with what the plan expects
    assert sheet.cell(FORECAST_ROW, column(1)).data_type == "f"


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: cannot recalculate")
def test_typing_an_actual_in_the_workbook_moves_the_variance_and_the_forecast(tmp_path: Path) -> None:
    plan = tracked()
    exported = write_workbook(plan, tmp_path / "exported.xlsx")
    typed = write_workbook(plan, tmp_path / "typed.xlsx")
    book = load_workbook(typed)
    book[TRACKER].cell(LEADS, column(4), value=50)  # the CEO types April's sales-ready leads
    book.save(typed)
    books = recalculate_all([exported, typed], tmp_path / "recalculated", {"exported": exported, "typed": typed})

    result = compute(plan)
    before, after = values(books["exported"]), values(books["typed"])

    def cell(rows: list[tuple[Any, ...]], month: int, row: int) -> Any:
        return rows[row - 1][column(month) - 1]

    for month in result.months:
        for index, stage in enumerate(STAGES):
            expected = plan_figure(month, stage, result.targets)
            assert cell(before, month.month, stage_row(index, "Plan")) == approx(expected, abs=1e-6), stage
    variance, cumulative = stage_row(0, "Variance"), stage_row(0, "Cumulative variance")
    # v3: months 1-9 in time (cycle 3) each need 400 / 9 = 44.4. Jan: 20 - 44.4; to Mar: 91 - 133.3; Apr blank
    assert cell(before, 1, variance) == approx(20 - 400 / 9)
    assert cell(before, 3, cumulative) == approx(91 - 400 / 3)
    assert cell(before, 4, variance) is None and cell(before, 4, cumulative) is None
    assert cell(before, 3, stage_row(1, "Variance")) is None  # March opportunities: not reported
    # what is known: 20, 30, 41, then the plan's 23 and 29 a month (12 months: 91 + 23 + 8 x 29 = 346)
    assert cell(before, 12, FORECAST_ROW) == approx(346)
    to_date = [row[1] for row in before[TO_DATE_FIRST - 1 : TO_DATE_FIRST + 9]]
    actual = result.actuals
    assert to_date[0] == 3
    # this year's forecast: the in-time months' known leads, 91 + 23 + 5 x 29 = 259 of 400
    assert actual.forecast_sales_ready_leads == approx(259)
    assert to_date[1:6] == approx(
        [91, actual.needed_to_date, actual.variance, actual.forecast_sales_ready_leads, actual.forecast_coverage]
    )
    # revenue reported to Feb: 240,000 against 3,000,000 x 2/12 = 500,000 of the goal
    assert to_date[6:] == approx([2, 240_000, 500_000, -260_000])
    assert actual.revenue_vs_goal == approx(-260_000)

    # after the CEO typed April's 50: the variance appears and the forecast moves as the engine's does
    moved = compute(dataclasses.replace(plan, actuals=(*ACTUALS, Actual(month=4, sales_ready_leads=50))))
    assert cell(after, 4, variance) == approx(50 - 400 / 9)
    assert cell(after, 4, cumulative) == approx(141 - 4 * 400 / 9)
    assert after[TO_DATE_FIRST + 3][1] == approx(moved.actuals.forecast_sales_ready_leads)  # 259 - 23 + 50 = 286
    assert moved.actuals.forecast_sales_ready_leads == approx(286)
    assert cell(after, 12, FORECAST_ROW) == approx(346 + 27)
    assert after[TO_DATE_FIRST - 1][1] == 4
    # and the named results follow: this year's gap, and the hires, which may not start before month 6 now
    named = named_values(books["typed"])
    assert named["SRLGap"] == approx(moved.gap.sales_ready_leads) == approx(114)
    assert named["EarliestStart"] == 6 and named["InsideRepsToCloseGap"] == moved.gap.inside_reps_to_close_gap
