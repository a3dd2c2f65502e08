"""The plan in time: quarters and running totals on Targets and Channels, and the health panel's to-date line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from planner.plan.model import Actual, LaborResource
from tests.ui.helpers import once_shown, run_what_is_due
from ui.main_window import MainWindow
from ui.style import ERROR, FAIR, GOOD, MUTED


def quarter_rows(window: MainWindow, key: str) -> list[list[str]]:
    model = window.findChild(QTableView, f"{key}.quarters").model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_targets_step_shows_the_sample_by_quarter(window: MainWindow) -> None:
    window.go_to_step(2)
    # v3, a 3-month cycle: the leads of Jan-Sep make this year's 400, 400 / 9 = 44.4 a month, 133.3 a quarter;
    # Oct-Dec build next year's start, $3M / $6,000 a lead / 12 = 41.7 a month, 125 a quarter.
    # Reps (2 x 12, from month 2, 3-month ramp): 6, 12 | 18, 24, 24 | 24 x 3 | 24 x 3; trade shows 5 a
    # month: supplied 33, 81, 87, 87 (288). Running gap: 100.3, 152.7, 199, then 199 + 38 = 237.
    # Cost: reps 15,000 a month from February, trade shows 6,000 a month: 48,000, then 63,000 a quarter
    assert quarter_rows(window, "targets") == [
        ["Jan–Mar 2027", "133", "33", "100 short", "100 short", "$48,000"],
        ["Apr–Jun 2027", "133", "81", "52 short", "153 short", "$63,000"],
        ["Jul–Sep 2027", "133", "87", "46 short", "199 short", "$63,000"],
        ["Oct–Dec 2027", "125", "87", "38 short", "237 short", "$63,000"],
    ]
    model = window.findChild(QTableView, "targets.quarters").model()
    # a short plan's shortfall is red; the quarter of next year's start is not judged: muted
    assert model.index(2, 4).data(Qt.ItemDataRole.ForegroundRole) == QColor(ERROR)
    assert model.index(3, 4).data(Qt.ItemDataRole.ForegroundRole) == QColor(MUTED)
    assert "next year's start" in model.index(3, 4).data(Qt.ItemDataRole.ToolTipRole)


def test_the_channels_step_has_its_own_quarters_and_a_running_total_chart(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(4)
    assert quarter_rows(window, "channels")[0] == ["Jan–Mar 2027", "133", "33", "100 short", "100 short", "$48,000"]
    qtbot.waitUntil(lambda: window.findChild(QWidget, "chart.channels_cumulative") is not None)
    chart = window.findChild(QWidget, "chart.channels_cumulative")
    # behind in every month of this year (Jan-Sep), 199 short at worst (September); by December 400 + 125
    # (next year's start) = 525 needed, 288 supplied
    assert chart.accessibleDescription() == (
        "Needed 525 and supplied 288 sales-ready leads by the last month; behind every month, 199 short at worst"
    )
    # the area between the running totals: in December needed 525 above supplied 288
    last = chart.upper.count() - 1
    assert (round(chart.upper.at(last).y(), 6), chart.lower.at(last).y()) == (525, 288)


def test_once_the_plan_catches_up_the_shading_stops_where_the_lines_cross(window: MainWindow, qtbot: Any) -> None:
    document = window.document
    agency = LaborResource(id="agency", name="Agency", kind="outsourced", headcount=3, start_month=1,
                           ramp_months=0, srl_per_person_month=10, cost_per_person_month=6000)  # fmt: skip
    document.set_value("labor", (*document.plan.labor, agency))
    window.go_to_step(2)
    qtbot.waitUntil(lambda: window.findChild(QWidget, "chart.targets_cumulative") is not None)
    chart = window.findChild(QWidget, "chart.targets_cumulative")
    # 44.4 needed a month (400 over Jan-Sep, v3); supplied 35, 41, 47, 53, then 59: the running gap is
    # 9.4 (Jan), 12.9 (Feb), 10.3 (Mar), 16/9 = 1.8 (Apr), then 16/9 - 131/9 = -115/9 = -12.8 (May): the
    # lines cross 16/131 of the way from April to May
    upper = [chart.upper.at(i) for i in range(chart.upper.count())]
    crossing = next(p for p in upper if 3 < p.x() < 4)
    assert abs(crossing.x() - (3 + 16 / 131)) < 1e-9
    lower = [chart.lower.at(i) for i in range(chart.lower.count())]
    assert all(u.y() == lo.y() for u, lo in zip(upper, lower, strict=True) if u.x() >= 4)
    assert "behind through Apr 2027, caught up in May 2027, 13 short at worst" in chart.accessibleDescription()
    # January to April are shaded, full height, from the left edge of January to the right edge of April
    band = [(p.x(), p.y()) for p in (chart.band_top.at(i) for i in range(chart.band_top.count()))]
    top = chart.y_axis.max()
    assert band == [(-0.5, 0), (-0.5, top), (3.5, top), (3.5, 0)]
    assert top >= 648  # the supplied line (288 + 3 x 10 x 12) fits under the axis's top
    # the table: the first quarter ends behind in amber; the second ends ahead, in green
    model = window.findChild(QTableView, "targets.quarters").model()
    assert model.index(1, 4).data() == "27 surplus"  # 400 x 6 / 9 = 266.7 needed, 35 + 41 + 47 + 53 + 59 x 2 = 294
    assert model.index(1, 4).data(Qt.ItemDataRole.ForegroundRole) == QColor(GOOD)
    # month by month, added up: January needs 44.4 and gets 35; by May 222.2 against 235
    months = window.findChild(QTableView, "targets.running_totals").model()
    rows = [[months.index(r, c).data() for c in range(4)] for r in range(5)]
    assert rows == [
        ["Jan 2027", "44", "35", "9 short"],
        ["Feb 2027", "89", "76", "13 short"],
        ["Mar 2027", "133", "123", "10 short"],
        ["Apr 2027", "178", "176", "2 short"],
        ["May 2027", "222", "235", "13 surplus"],
    ]
    assert months.index(1, 3).data(Qt.ItemDataRole.ForegroundRole) == QColor(FAIR)
    assert months.index(4, 3).data(Qt.ItemDataRole.ForegroundRole) == QColor(GOOD)


def test_the_to_date_line_shows_once_there_are_actuals(window: MainWindow) -> None:
    label = window.findChild(QLabel, "health.to_date")
    assert label is not None and not label.isVisible()
    window.document.set_value(
        "actuals", (Actual(month=1, sales_ready_leads=20), Actual(month=2, sales_ready_leads=21)), "Add actuals"
    )
    # 41 in January and February against 2 x 44.4 = 88.9 needed (v3: 400 over Jan-Sep): 47.9 short. At
    # this pace this year gets 41 + the plan's March to September (17 + 23 + 5 x 29 = 185) = 226 of 400 = 56.5%
    assert label.isVisible()
    assert label.text() == (
        "To date: 41 sales-ready leads to Feb 2027 against 89 needed, 48 short. "
        "At this pace: 56% of this year's sales-ready leads."
    )
    # 400 - 226 = 174 short. A hire starts no earlier than s0 = 2 + 1 + 1 (a vacancy month) = April: one rep
    # from April adds 12 x (1/4 + 2/4 + 3/4 + 3 full months) = 54 by September, so 4 reps (174 / 54 = 3.2);
    # from May 12 x (1/4 + 2/4 + 3/4 + 1 + 1) = 42, 4 x 42 = 168 < 173.5: they start by April
    assert window.findChild(QLabel, "health.verdict").text() == (
        "Short at this pace: 56% of the year's sales-ready leads, 174 short by Sep 2027 (41 sales-ready leads to "
        "Feb 2027 against 89 needed, 48 short). Hire 4 inside reps to start by Apr 2027 to close it."
    )
    window.findChild(QAction, "edit.undo").trigger()
    assert not label.isVisible() and label.text() == ""


def test_the_plan_in_time_tables_follow_an_edit_made_on_another_step_when_shown(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(2)
    months = window.findChild(QTableView, "targets.running_totals").model()
    refilled = [QSignalSpy(months.dataChanged), QSignalSpy(months.modelReset)]
    window.go_to_step(0)
    # a win rate of 50% (was 25%) halves the leads needed: 200 this year (Jan-Sep), 66.7 a quarter; next
    # year's start (Oct-Dec) needs $3M / $12,000 a lead / 4 = 62.5
    window.document.set_value("targets.win_rate", 0.5)
    run_what_is_due(qtbot)
    assert [spy.count() for spy in refilled] == [0, 0]  # hidden: its months are not worked out on each edit
    window.go_to_step(2)
    needed = ["67", "67", "67", "62"]
    assert once_shown(qtbot, lambda: [row[1] for row in quarter_rows(window, "targets")], needed) == needed
    assert months.index(2, 1).data() == "67"  # needed so far by March: 200 x 3 / 9
