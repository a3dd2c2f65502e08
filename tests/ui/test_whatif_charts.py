"""The what-if charts: scenarios side by side, and the tornado of what moves coverage most."""

from __future__ import annotations

from typing import Any

import pytest

from planner.numbers.engine import compute
from planner.plan.sample import sample_plan
from ui.charts.whatif import ScenarioChart, TornadoChart, tornado_rows


def test_the_tornado_puts_the_revenue_goal_first_with_its_coverage_moves() -> None:
    rows = tornado_rows(compute(sample_plan()))
    assert len(rows) == 10
    label, down, up = rows[0]
    assert label == "New-logo revenue goal"
    # coverage is this year's (v3, a 3-month cycle): the 201 leads of Jan-Sep, 201 / 400 = 50.25% of the base.
    # Goal 2.4M: 1.8M new, 300 needed, 201/300 = 67% (+16.75 pts); goal 3.6M: 500 needed, 40.2% (-10.05 pts)
    assert down == pytest.approx(16.75)
    assert up == pytest.approx(-10.05)


def test_the_charts_show_the_engines_figures(qtbot: Any) -> None:
    result = compute(sample_plan())
    scenarios = ScenarioChart()
    qtbot.addWidget(scenarios)
    scenarios.show_result(result)
    # this year's 201 leads (Jan-Sep) of 400 and of Stretch's 333.3 (a 30% win rate)
    assert scenarios.categories.categories() == ["Base plan<br>50% coverage", "Stretch<br>60% coverage"]
    assert [scenarios.needed.at(i) for i in range(2)] == [400, 333]
    assert [scenarios.supplied.at(i) for i in range(2)] == [288, 288]
    tornado = TornadoChart()
    qtbot.addWidget(tornado)
    tornado.show_result(result)
    assert tornado.labels()[0] == "New-logo revenue goal"  # the biggest on top
