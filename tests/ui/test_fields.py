"""Bound inputs: percentages, money with separators, messages for invalid input, undo steps."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPlainTextEdit

from planner.plan.model import Spec
from tests.ui.helpers import field, health, retype
from ui import values
from ui.main_window import MainWindow


def test_rates_are_shown_and_typed_as_percentages(window: MainWindow, qtbot: Any) -> None:
    rate = field(window, "targets.lead_to_mql")
    assert rate.text() == "25"
    retype(qtbot, rate, "12.5")
    assert window.document.plan.targets.lead_to_mql == pytest.approx(0.125)


def test_money_shows_thousands_separators_and_understands_them(window: MainWindow, qtbot: Any) -> None:
    goal = field(window, "targets.revenue_goal")
    assert goal.text() == "3,000,000"
    retype(qtbot, goal, "3,600,000")
    assert window.document.plan.targets.revenue_goal == 3_600_000
    retype(qtbot, goal, "$4.2m")
    qtbot.keyClick(goal, Qt.Key.Key_Return)
    assert window.document.plan.targets.revenue_goal == 4_200_000
    assert goal.text() == "4,200,000"  # tidied once the edit is finished


def test_an_invalid_value_is_marked_explained_and_the_plan_keeps_its_value(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(2)
    rate = field(window, "targets.win_rate")
    retype(qtbot, rate, "abc")
    message = window.findChild(QLabel, "targets.win_rate.message")
    assert message.isVisible()
    assert message.text() == "Win rate must be a percentage, like 20 for 20%; you typed “abc”"
    assert rate.property("invalid") is True
    assert rate.toolTip() == message.text()
    assert window.document.plan.targets.win_rate == 0.25
    assert health(window, "sales_ready_leads_needed") == "400"
    retype(qtbot, rate, "20")
    assert not message.isVisible() and rate.property("invalid") is False
    assert window.document.plan.targets.win_rate == pytest.approx(0.2)


def test_a_rate_over_100_percent_keeps_the_last_valid_value(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(2)
    rate = field(window, "targets.win_rate")
    retype(qtbot, rate, "150")  # 1% and 15% were valid on the way
    assert window.findChild(QLabel, "targets.win_rate.message").text() == (
        "Win rate must be more than 0% and at most 100%; you entered 150%"
    )
    assert window.document.plan.targets.win_rate == pytest.approx(0.15)
    qtbot.keyClick(rate, Qt.Key.Key_Escape)  # give up: the field shows the plan again
    assert rate.text() == "15" and rate.property("invalid") is False


def test_a_whole_number_field_refuses_a_fraction(window: MainWindow, qtbot: Any) -> None:
    horizon = field(window, "basics.horizon_months")
    retype(qtbot, horizon, "61")
    assert "from 1 to 60" in window.findChild(QLabel, "basics.horizon_months.message").text()
    assert window.document.plan.basics.horizon_months == 6  # "6" was valid on the way
    retype(qtbot, horizon, "24")
    assert window.document.plan.basics.horizon_months == 24
    assert len(window.document.result.months) == 24


def test_typing_in_one_field_is_one_undo_step(window: MainWindow, qtbot: Any) -> None:
    retype(qtbot, field(window, "basics.company"), "Bolts Inc")
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert field(window, "basics.company").text() == "Acme Fasteners"


def test_the_hint_cites_the_default(window: MainWindow) -> None:
    tip = field(window, "targets.win_rate").toolTip()
    assert "Default 20%: HubSpot survey" in tip
    assert "20 means 20%" in tip


def test_choices_severities_activities_and_notes_edit_the_plan(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(1)
    severity = window.findChild(QComboBox, "diagnosis.challenges.inaccurate_lists")
    assert severity.currentText() == "2 — Serious"
    severity.setCurrentIndex(0)
    assert window.document.plan.diagnosis.challenges.inaccurate_lists == 0
    owner = window.findChild(QComboBox, "diagnosis.lead_owner_today")
    owner.setCurrentIndex(owner.findData("inside_team"))
    assert window.document.plan.diagnosis.lead_owner_today == "inside_team"
    box = window.findChild(QCheckBox, "diagnosis.marketing_activities.webinars")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert window.document.plan.diagnosis.marketing_activities == (
        "brand_refresh", "seo", "trade_show_booth", "webinars",
    )  # fmt: skip
    notes = window.findChild(QPlainTextEdit, "diagnosis.notes")
    qtbot.keyClicks(notes, "Reps hate cold calls")
    assert window.document.plan.diagnosis.notes == "Reps hate cold calls"
    window.document.undo_stack.undo()
    assert notes.toPlainText() == ""


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        ("rate", "20", 0.2),
        ("rate", "20%", 0.2),
        ("rate", " 7.5 ", 0.075),
        ("money", "1,200", 1200),
        ("money", "$1.5k", 1500),
        ("money", "USD 2m", 2_000_000),
        ("count", "2.5", 2.5),
        ("int", "12", 12),
    ],
)
def test_typed_text_means_the_plan_value(kind: str, text: str, value: float) -> None:
    parsed = values.parse(Spec(kind, "Field"), text, "USD")
    assert parsed.ok and parsed.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("rate", "0", "Field must be more than 0% and at most 100%; you entered 0%"),
        ("money", "-5", "Field must be 0 or more; you entered -5"),
        ("money", "lots", "Field must be an amount, like 40,000; you typed “lots”"),
        ("int", "2.5", "Field must be a whole number; you entered 2.5"),
        ("count", "", "Field must be a number; the field is empty"),
    ],
)
def test_invalid_text_gets_a_message_for_people(kind: str, text: str, message: str) -> None:
    parsed = values.parse(Spec(kind, "Field"), text, "USD")
    assert parsed.message == message and parsed.value is None


def test_a_field_on_a_step_not_shown_catches_up_when_shown_and_never_shows_an_old_value(
    window: MainWindow, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QLineEdit

    window.go_to_step(0)  # Basics: the win rate is on the Targets step
    rate = field(window, "targets.win_rate")
    assert not rate.isVisible()
    shown_before = QLineEdit.text(rate)  # what is painted (Qt's own text, not the catching-up one)
    window.document.set_value("targets.win_rate", 0.4)
    # the hidden field did no work for the edit...
    assert QLineEdit.text(rate) == shown_before != "40"
    # ...but whoever reads it gets the plan's value, and the step shows it when shown
    assert rate.text() == "40"
    window.document.set_value("targets.win_rate", 0.35, merge=False)
    window.go_to_step(2)
    assert rate.isVisible() and QLineEdit.text(rate) == "35"
    window.document.undo_stack.undo()  # shown: it follows at once
    assert QLineEdit.text(rate) == "40"


def test_a_drop_down_on_a_step_not_shown_catches_up_when_shown_or_read(window: MainWindow) -> None:
    window.go_to_step(0)  # Basics: the review cadence is on Metrics & review
    cadence = window.findChild(QComboBox, "review.cadence")
    shown_before = QComboBox.currentData(cadence)  # what is painted (Qt's own, not the catching-up getter)
    other = next(cadence.itemData(i) for i in range(cadence.count()) if cadence.itemData(i) != shown_before)
    window.document.set_value("review.cadence", other)
    assert QComboBox.currentData(cadence) == shown_before  # the hidden drop-down did no work...
    assert cadence.currentData() == other and cadence.currentText() == cadence.itemText(cadence.currentIndex())
    window.document.undo_stack.undo()
    window.go_to_step(5)  # ...and shows the plan's choice when its step is shown
    assert cadence.isVisible() and QComboBox.currentData(cadence) == shown_before
