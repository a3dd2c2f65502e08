"""Goal seek on Review & export: the sentence, and an answer kept as a scenario closes the gap."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from ui.main_window import MainWindow


def test_the_sentence_says_what_closes_the_gap(window: MainWindow) -> None:
    window.go_to_step(6)
    text = window.findChild(QLabel, "goal_seek.sentence").text()
    assert text.startswith("To close the gap: ")
    # 25% x 400 / 288 = 34.7%, rounded up to the tenth shown
    assert "a win rate of 34.8%" in text
    # 112 short; each rep supplies 9.5 productive months x 12 = 114, so one more rep, paid 11 x 7,500
    assert "1 more inside rep (Inside lead development reps) from month 2 (cost +$82,500)" in text


def test_keeping_the_win_rate_answer_adds_a_scenario_that_closes_the_gap(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    keep = window.findChild(QPushButton, "goal_seek.keep.win_rate")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    scenario = window.document.plan.scenarios[-1]
    assert scenario.name == "Close the gap: win rate"
    assert scenario.overrides == {"win_rate": 0.348}
    assert window.document.result.scenarios[-1].gap.sales_ready_leads <= 0
    assert window.document.plan.targets.win_rate == 0.25
    window.document.undo_stack.undo()
    assert [s.name for s in window.document.plan.scenarios] == ["Stretch"]


def test_keeping_the_head_count_answer_adds_one_rep(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    qtbot.mouseClick(window.findChild(QPushButton, "goal_seek.keep.labor.ldr.headcount"), Qt.MouseButton.LeftButton)
    scenario = window.document.result.scenarios[-1]
    assert scenario.overrides == {"labor.ldr.headcount": 3}
    assert round(scenario.gap.sales_ready_leads) == -2  # 400 needed, 3 x 114 + 60 = 402 supplied


def test_without_a_gap_there_is_nothing_to_keep(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    window.document.set_value("targets.revenue_goal", 1_500_000)  # 900,000 new: 225 needed, 288 supplied
    sentence = window.findChild(QLabel, "goal_seek.sentence")
    window.page(6).ensureWidgetVisible(sentence)  # out of view it waits to be scrolled to
    qtbot.waitUntil(lambda: sentence.text() == "There is no gap to close.", timeout=2000)
    assert not any(b.isVisible() for b in window.findChildren(QPushButton) if b.text() == "Keep as scenario")
