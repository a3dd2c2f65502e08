"""The what-if charts: scenarios side by side, and the tornado of what moves coverage most."""

from __future__ import annotations

from typing import Any

import pytest

from planner.engine import compute
from planner.sample import sample_plan
from ui.charts.whatif import ScenarioChart, TornadoChart, tornado_rows


def test_the_tornado_puts_the_revenue_goal_first_with_its_coverage_moves() -> None:
    rows = tornado_rows(compute(sample_plan()))
    assert len(rows) == 10
    label, down, up = rows[0]
    assert label == "New-logo revenue goal"
    # goal 2.4M: 1.8M new, 300 needed, 288/300 = 96% (+24 pts); goal 3.6M: 500 needed, 57.6% (-14.4 pts)
    assert down == pytest.approx(24.0)
    assert up == pytest.approx(-14.4)


def test_the_charts_show_the_engines_figures(qtbot: Any) -> None:
    result = compute(sample_plan())
    scenarios = ScenarioChart()
    qtbot.addWidget(scenarios)
    scenarios.show_result(result)
    assert scenarios.categories.categories() == ["Base plan<br>72% coverage", "Stretch<br>86% coverage"]
    assert [scenarios.needed.at(i) for i in range(2)] == [400, 333]
    assert [scenarios.supplied.at(i) for i in range(2)] == [288, 288]
    tornado = TornadoChart()
    qtbot.addWidget(tornado)
    tornado.show_result(result)
    assert tornado.labels()[0] == "New-logo revenue goal"  # the biggest on top
