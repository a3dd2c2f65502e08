"""Goal seek on Review & export: the sentence, and an answer kept as a scenario closes the gap."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton

from ui.main_window import MainWindow


def test_the_sentence_says_what_closes_the_gap(window: MainWindow) -> None:
    window.go_to_step(6)
    text = window.findChild(QLabel, "goal_seek.sentence").text()
    assert text.startswith("To close this year's gap: ")
    # v3: this year is the 201 leads of Jan-Sep (a 3-month cycle); 400 needed at 25%, so a win rate of
    # 25% x 400 / 201 = 49.75%, rounded up to the tenth shown
    assert "a win rate of 49.8%" in text
    # 199 short; a rep hired in February ramps over 3 months: 12 x (1/4 + 2/4 + 3/4 + 5 full months) = 78 by
    # September, 3 x 78 = 234 close it (from March 3 x 66 = 198 would not); paid 3 x 7,500 x 11 months
    assert "3 inside reps hired to start by Feb 2027 (cost +$247,500)" in text


def test_keeping_the_win_rate_answer_adds_a_scenario_that_closes_the_gap(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    keep = window.findChild(QPushButton, "goal_seek.keep.win_rate")
    assert keep.text() == "Keep as scenario"
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    scenario = window.document.plan.scenarios[-1]
    assert scenario.name == "Close the gap: win rate"
    assert scenario.overrides == {"win_rate": 0.498}
    assert window.document.result.scenarios[-1].gap.sales_ready_leads <= 0.5
    assert window.document.plan.targets.win_rate == 0.25
    window.document.undo_stack.undo()
    assert [s.name for s in window.document.plan.scenarios] == ["Stretch"]


def test_adding_the_hires_puts_them_in_the_plan_from_their_month_as_one_undo_step(
    window: MainWindow, qtbot: Any
) -> None:
    window.go_to_step(6)
    add = window.findChild(QPushButton, "goal_seek.keep.hire.inside")
    assert add.text() == "Add to the plan"  # people from February are rows a scenario cannot hold
    before = window.document.undo_stack.count()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    hired = window.document.plan.labor[-1]
    assert (hired.kind, hired.headcount, hired.start_month, hired.ramp_months) == ("inside", 3, 2, 3)
    assert window.document.undo_stack.count() == before + 1
    # 201 + 3 x 78 = 435 of the 400 this year needs
    assert window.document.result.year.sales_ready_leads_expected == pytest.approx(435)
    assert not window.health.verdict.text().startswith("Short")
    window.findChild(QAction, "edit.undo").trigger()
    assert [r.id for r in window.document.plan.labor] == ["ldr"]


def test_without_a_gap_there_is_nothing_to_keep(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    # 900,000 new / $6,000 a lead = 150 needed; this year's 201 (the leads of Jan-Sep) cover them
    window.document.set_value("targets.revenue_goal", 1_500_000)
    sentence = window.findChild(QLabel, "goal_seek.sentence")
    window.page(6).ensureWidgetVisible(sentence)  # out of view it waits to be scrolled to
    qtbot.waitUntil(lambda: sentence.text() == "There is no gap to close.", timeout=10_000)
    keep = ("Keep as scenario", "Add to the plan")
    assert not any(b.isVisible() for b in window.findChildren(QPushButton) if b.text() in keep)
