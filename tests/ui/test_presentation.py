"""Presentation mode: full screen, large figures, sliders that move the numbers live; the
moves are kept as a scenario and the base plan never changes; Esc leaves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSlider

from ui.main_window import MainWindow
from ui.presentation import PresentationView


def present(window: MainWindow, qtbot: Any) -> PresentationView:
    window.findChild(type(window.present_action), "present").trigger()
    view = window.presentation
    assert view is not None
    qtbot.waitExposed(view)
    return view


def figure(view: PresentationView, key: str) -> str:
    return view.findChild(QLabel, f"present.{key}").text()


def test_f11_opens_presentation_mode_full_screen_on_the_base_plan(window: MainWindow, qtbot: Any) -> None:
    assert window.present_action.shortcut().toString() == "F11"
    view = present(window, qtbot)
    assert view.isFullScreen()
    assert figure(view, "sales_ready_leads_needed") == "400"
    assert figure(view, "sales_ready_leads_supplied") == "288"
    assert figure(view, "coverage") == "50%"  # this year's (v3): the 201 leads of Jan-Sep
    assert view.findChild(QSlider, "present.win_rate").value() == 25
    assert "base plan stays unchanged" in figure(view, "note")


def test_moving_the_win_rate_changes_the_figures_and_keeps_the_base_plan(window: MainWindow, qtbot: Any) -> None:
    view = present(window, qtbot)
    slider = view.findChild(QSlider, "present.win_rate")
    slider.setValue(30)
    # 60 wins / 30% / 60% = 333.3 sales-ready leads needed; this year's 201 (Jan-Sep) is 60% coverage
    assert figure(view, "sales_ready_leads_needed") == "333"
    assert figure(view, "coverage") == "60%"
    assert figure(view, "win_rate.value") == "30%"
    plan = window.document.plan
    assert plan.targets.win_rate == 0.25
    live = plan.scenarios[-1]
    assert live.name.startswith("Live ")
    assert live.overrides == {"win_rate": 0.3}
    assert figure(view, "note") == f"Changes are kept as scenario “{live.name}”; the base plan is unchanged."
    # the main window's health panel still shows the base plan
    assert window.findChild(QLabel, "health.sales_ready_leads_needed").text() == "400"
    assert window.findChild(QLabel, "health.coverage").text() == "50%"


def test_later_moves_update_the_same_live_scenario(window: MainWindow, qtbot: Any) -> None:
    view = present(window, qtbot)
    view.findChild(QSlider, "present.win_rate").setValue(30)
    view.findChild(QSlider, "present.headcount").setValue(3)
    scenarios = window.document.plan.scenarios
    assert [s.name for s in scenarios[:-1]] == ["Stretch"]
    assert scenarios[-1].overrides == {"win_rate": 0.3, "labor.ldr.headcount": 3}
    # three reps: 3 x 114 + 60 = 402 supplied against 333.3 needed
    assert figure(view, "sales_ready_leads_supplied") == "402"
    assert figure(view, "sales_ready_leads_needed") == "333"
    assert window.document.plan.labor[0].headcount == 2


def test_a_drag_is_one_undo_step(window: MainWindow, qtbot: Any) -> None:
    view = present(window, qtbot)
    slider = view.findChild(QSlider, "present.win_rate")
    before = window.document.undo_stack.count()
    slider.setSliderDown(True)
    view._drag_started()
    for value in (26, 27, 28, 29, 30):
        slider.setValue(value)
    slider.setSliderDown(False)
    view._drag_ended()
    assert window.document.undo_stack.count() == before + 1
    window.document.undo_stack.undo()
    assert [s.name for s in window.document.plan.scenarios] == ["Stretch"]
    assert figure(view, "sales_ready_leads_needed") == "400"
    assert slider.value() == 25


def test_esc_leaves_and_returns_to_the_main_window(window: MainWindow, qtbot: Any) -> None:
    view = present(window, qtbot)
    view.findChild(QSlider, "present.deal_size").setValue(50)  # $50,000 deals: 48 wins, 320 needed
    assert figure(view, "sales_ready_leads_needed") == "320"
    with qtbot.waitSignal(view.left, timeout=10_000):
        qtbot.keyClick(view.findChild(QSlider, "present.deal_size"), Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert window.isVisible()
    assert window.document.plan.targets.deal_size == 40000
    assert window.document.plan.scenarios[-1].overrides == {"deal_size": 50000}


def test_the_head_count_slider_moves_one_person_a_step_by_mouse_and_keyboard(window: MainWindow, qtbot: Any) -> None:
    view = present(window, qtbot)
    view.showNormal()  # at a laptop's full-screen size (the test screen is smaller)
    view.resize(1366, 768)
    slider = view.findChild(QSlider, "present.headcount")
    qtbot.waitUntil(lambda: slider.width() > 150)
    # the sample's 2 reps, from none to 8: each person a long step of the mouse, not 2 -> 7 in 100 px
    assert (slider.minimum(), slider.value(), slider.maximum()) == (0, 2, 8)
    style = slider.style()
    span = slider.width() - style.pixelMetric(style.PixelMetric.PM_SliderLength, None, slider)
    assert span / (slider.maximum() - slider.minimum()) >= 25
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # one person
    assert window.document.plan.scenarios[-1].overrides == {"labor.ldr.headcount": 3}
    assert figure(view, "headcount.value") == "3 people"
    assert figure(view, "sales_ready_leads_supplied") == "402"  # 3 x 114 + 60
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)  # two people
    assert figure(view, "headcount.value") == "5 people"
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert figure(view, "headcount.value") == "1 person"
    assert window.document.plan.labor[0].headcount == 2  # the base plan never changes
    view.close()
