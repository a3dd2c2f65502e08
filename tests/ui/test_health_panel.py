"""The health panel: the engine's figures and warnings in plain words, after every edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QLabel, QWidget

from planner.plan.model import Channel, LaborResource
from tests.ui.helpers import PaintedRegion, health, laid_out, run_what_is_due
from ui.health_panel import HealthPanel
from ui.main_window import MainWindow


def over_share(window: MainWindow) -> None:
    """Give the inside reps a second channel of 50% beside the phone's 70%: 120% of their capacity
    (a share over 100% is refused at entry; two that add past it are the plan's problem to warn of)."""
    email = Channel(name="Outbound email", type="email", owner="ldr", share=0.5)
    window.document.set_value("channels", (*window.document.plan.channels, email))


def test_the_sample_plan_shows_its_figures(window: MainWindow) -> None:
    # 2.4M / 40k = 60 wins / 25% = 240 opportunities / 60% = 400 leads needed
    assert health(window, "sales_ready_leads_needed") == "400"
    # inside reps: 2 x 12 with a 3-month ramp from month 2: 6+12+18 + 8 x 24 = 228;
    # trade shows: 6,000 / 120 = 50 raw leads x 25% x 40% = 5 a month x 12 = 60
    assert health(window, "sales_ready_leads_supplied") == "288"
    # v3: a 3-month cycle, so this year is the leads of Jan-Sep (their deals close by Dec): 5, 11, 17, 23
    # (the reps ramping from February), then 29 a month: 5 + 11 + 17 + 23 + 5 x 29 = 201 of the 400
    assert health(window, "gap") == "199"
    assert health(window, "coverage") == "50%"  # 201 / 400 = 50.25%
    # 11 months x 15,000 + 12 x 6,000 = 237,000; / 288 = 822.9
    assert health(window, "cost") == "$237,000"
    assert health(window, "cost_per_sales_ready_lead") == "$823"
    # 288 x 60% x 25% x 40,000 = 1,728,000 revenue; x 45% = 777,600; (777,600 - 237,000) / 237,000
    assert health(window, "return") == "228%"
    # 30% of the inside reps' 228 is not assigned to a channel: 68 of 288, under a quarter of the supply,
    # so a note on the labor model's page, not a warning
    assert window.health.warnings() == ["Coverage is 50%: the plan is 199 short of the sales-ready leads needed"]
    # next year's start, on a line of its own, in amber as it is short: Oct-Dec need $3M / $6,000 a lead / 12
    # = 41.67 each, 125 in all, and get 3 x 29 = 87
    line = window.findChild(QLabel, "health.next_year")
    assert line.text() == (
        "Next year's start: Oct–Dec 2027 builds 87 of the 125 sales-ready leads next year's first months need, "
        "38 short."
    )
    assert line.property("level") == "fair"


def test_capacity_not_assigned_is_a_warning_only_over_a_quarter_of_the_supply(window: MainWindow) -> None:
    window.document.set_value("channels[0].share", 0.4)
    # 60% of 228 = 137 of 288 not assigned: 47% of the supply
    assert window.health.warnings()[-1].startswith(
        "60% of the capacity of Inside lead development reps is not assigned to a channel"
    )


def test_coverage_comes_before_the_inputs_to_fix(window: MainWindow) -> None:
    over_share(window)
    warnings = window.health.warnings()
    assert warnings[0].startswith("Coverage is")
    assert warnings[1] == "Channel shares of Inside lead development reps add to 120%; they may not exceed 100%"


def test_an_empty_plan_says_what_to_do_first(qtbot: Any) -> None:
    from planner.plan.model import Plan
    from ui.document import PlanDocument

    panel = HealthPanel(PlanDocument(Plan()))
    qtbot.addWidget(panel)
    assert "Enter the new-logo revenue goal and the deal size in Targets" in panel.verdict.text()
    assert panel.warnings()[0] == "Start here: type the new-logo revenue goal on Targets"
    assert not any("covers the revenue goal" in w for w in panel.warnings())


def test_the_warnings_list_grows_with_its_content(window: MainWindow, qtbot: Any) -> None:
    scroll = window.health.warnings_scroll
    qtbot.waitUntil(lambda: window.health.warning_labels[0].height() > 0)
    one = window.health.warning_labels[0].height()  # the coverage warning, on its own
    window.document.set_value("channels", window.document.plan.channels[:1])  # no trade shows from month 1
    over_share(window)
    window.document.set_value("labor[0].start_month", 4)
    assert len(window.health.warnings()) >= 3
    qtbot.waitUntil(lambda: scroll.sizeHint().height() > 2 * one)  # (once its labels are laid out)
    # it takes the room the panel has left (a scroll bar only past that), not a fixed small box
    qtbot.waitUntil(lambda: scroll.height() > 2 * one)
    assert window.health.width() == 276  # fixed, whatever its numbers


def test_shares_over_100_percent_are_warned_about(window: MainWindow) -> None:
    over_share(window)
    assert "Channel shares of Inside lead development reps add to 120%; they may not exceed 100%" in (
        window.health.warnings()
    )


def test_a_late_start_is_warned_about(window: MainWindow) -> None:
    document = window.document
    document.set_value("channels", document.plan.channels[:1])  # no trade shows from month 1
    document.set_value("labor[0].start_month", 4)
    assert "No one develops leads before month 4" in window.health.warnings()


def test_a_plan_covered_over_the_year_but_behind_in_january_reads_late_in_amber(window: MainWindow) -> None:
    document = window.document
    extra = LaborResource(id="agency", name="Agency", kind="outsourced", headcount=3, start_month=1,
                          ramp_months=0, srl_per_person_month=10, cost_per_person_month=6000)  # fmt: skip
    document.set_value("labor", (*document.plan.labor, extra))
    # 288 + 3 x 10 x 12 = 648 supplied. This year (v3, a 3-month cycle) is the leads of Jan-Sep, each
    # month needing 400 / 9 = 44.4: January gets 30 + 5 (the reps start in February), February
    # 30 + 5 + 6 = 41, March 47, April 53, then 59: 35 + 41 + 47 + 53 + 5 x 59 = 471, 118% of 400.
    # The cumulative gap is 9.4, 12.9, 10.3, 1.8, then -12.8: behind to April, caught up in May, 12.9 (13) at worst in Feb
    assert health(window, "sales_ready_leads_supplied") == "648"
    assert health(window, "coverage") == "118%"
    assert health(window, "gap") == "71 surplus"
    assert window.health.values["coverage"].property("level") == "fair"
    said = window.findChild(QLabel, "health.verdict").text()
    assert said.startswith(
        "Late: by Sep 2027 the plan covers this year (118% coverage), but behind through Apr 2027, caught up in May 2027"
    )
    assert "13 sales-ready leads short at worst, in Feb 2027" in said
    assert not any(w.startswith("Coverage is") for w in window.health.warnings())


def test_a_plan_ahead_every_month_reads_on_track_in_green(window: MainWindow) -> None:
    document = window.document
    extra = LaborResource(id="agency", name="Agency", kind="outsourced", headcount=4, start_month=1,
                          ramp_months=0, srl_per_person_month=10, cost_per_person_month=6000)  # fmt: skip
    document.set_value("labor", (*document.plan.labor, extra))
    # January: 40 + 5 = 45 of 44.4; from February the reps add more: 45 + 51 + 57 + 63 + 5 x 69 = 561
    # in time of 400 needed
    assert health(window, "gap") == "161 surplus"
    assert window.health.values["coverage"].property("level") == "good"
    assert (
        window.findChild(QLabel, "health.verdict")
        .text()
        .startswith(
            "On track: by Sep 2027 the plan supplies 561 of the 400 sales-ready leads this year needs (140% coverage)"
        )
    )


def test_a_figure_that_would_divide_by_zero_is_not_available(qtbot: Any) -> None:
    from planner.plan.model import Plan
    from ui.document import PlanDocument

    panel = HealthPanel(PlanDocument(Plan()))
    qtbot.addWidget(panel)
    assert panel.values["coverage"].text() == "n/a"
    assert panel.values["cost_per_sales_ready_lead"].text() == "n/a"
    assert panel.values["return"].text() == "n/a"


def test_clicking_a_warning_goes_to_its_step(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    over_share(window)
    button = window.health.warning_labels[1]  # the shares of the inside reps
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_step() == 3


def test_clicking_the_words_of_a_warning_also_goes_to_its_step(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    over_share(window)
    words = window.health.warning_texts[1]  # the label inside the button, where people click
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton)
    assert window.current_step() == 3


def test_a_warning_shows_a_name_the_user_typed_as_plain_text(window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    assert all(t.textFormat() == Qt.TextFormat.PlainText for t in window.health.warning_texts)


def test_panel_follows_undo(window: MainWindow) -> None:
    document = window.document
    document.set_value("labor[0].headcount", 3)
    assert health(window, "sales_ready_leads_supplied") == "402"  # 3 x (6+12+...): 342 + 60
    document.undo_stack.undo()
    assert health(window, "sales_ready_leads_supplied") == "288"
    assert document.plan.labor[0].headcount == 2


def test_the_start_here_warning_of_a_new_plan_goes_to_the_revenue_goal(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    window.new_plan()
    assert window.health.warnings()[0] == "Start here: type the new-logo revenue goal on Targets"
    qtbot.mouseClick(window.health.warning_labels[0], Qt.MouseButton.LeftButton)
    assert window.current_step() == 2
    qtbot.waitUntil(
        lambda: window.focusWidget() is not None and window.focusWidget().objectName() == "targets.revenue_goal"
    )


def test_the_figures_and_verdict_are_never_cut_nor_leave_a_gap_as_the_verdict_changes(
    window: MainWindow, qtbot: Any
) -> None:
    figures = window.findChild(QLabel, "health.verdict").parentWidget()
    heights = set()
    for rate in (0.5, 0.25, 0.9, 0.25):  # late, short, on track, short: verdicts of different lengths
        window.document.set_value("targets.win_rate", rate)
        qtbot.waitUntil(lambda: figures.height() == figures.heightForWidth(figures.width()))
        heights.add(figures.height())
    assert len(heights) > 1  # the verdicts took different room, and the panel followed


class LayoutRequests(QObject):
    """Counts the layout requests each watched widget receives."""

    def __init__(self, *watched: QWidget) -> None:
        super().__init__()
        self.counts = dict.fromkeys(watched, 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched in self.counts:
            self.counts[watched] += 1  # type: ignore[index]
        return False


def test_a_new_number_in_the_same_lines_is_painted_without_laying_out_the_panel_again(
    window: MainWindow, qtbot: Any
) -> None:
    verdict = window.health.findChild(QLabel, "health.verdict")
    warning = window.health.warning_texts[0]
    window.document.set_value("targets.win_rate", 0.26)  # (what the window left to lay out after opening)
    qtbot.waitUntil(lambda: verdict.height() == verdict.heightForWidth(verdict.width()))
    run_what_is_due(qtbot)
    heights = verdict.height(), warning.height()
    counter = LayoutRequests(window.health, window.health.warnings_box)
    for widget in counter.counts:
        widget.installEventFilter(counter)
    window.document.set_value("targets.win_rate", 0.27)  # 385 -> 370 needed: new numbers, the same lines
    assert health(window, "sales_ready_leads_needed") == "370"
    run_what_is_due(qtbot)  # (what a layout asked for would be done now)
    # this year's 201 leads (Jan-Sep) of 370: 54% (201 of 385 before: also 3 lines of the same words)
    assert window.health.warnings()[0].startswith("Coverage is 54%")
    assert (verdict.height(), warning.height()) == heights
    assert counter.counts == dict.fromkeys(counter.counts, 0)  # nor the list of warnings
    scroll = window.health.warnings_scroll
    shown = scroll.height()
    window.document.set_value("channels[0].share", 0.4)  # another warning: the list takes more room
    assert len(window.health.warnings()) == 2
    qtbot.waitUntil(lambda: scroll.height() > shown)
    assert counter.counts[window.health] > 0


def test_a_new_figure_repaints_itself_alone_not_the_panel_behind_it(window: MainWindow, qtbot: Any) -> None:
    window.document.set_value("targets.win_rate", 0.26)
    run_what_is_due(qtbot)
    figures = [window.health.values[key] for key in ("sales_ready_leads_needed", "coverage")]
    behind, painted = PaintedRegion(window.health), [PaintedRegion(figure) for figure in figures]
    window.document.set_value("targets.win_rate", 0.27)  # 385 -> 370 needed, coverage 75% -> 78%
    qtbot.waitUntil(lambda: all(figure.regions for figure in painted))  # repainted
    run_what_is_due(qtbot)  # (and the panel, if it were to be)
    for figure in figures:  # the panel painted no pixel under the figures
        under = QRect(figure.mapTo(window.health, figure.rect().topLeft()), figure.size())
        assert all(not region.intersects(under) for region in behind.regions)


def test_right_clicking_a_figure_offers_to_copy_it_whole(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    cost = window.findChild(QLabel, "health.cost")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(2, 2), cost.mapToGlobal(QPoint(2, 2)))
    QApplication.sendEvent(cost, event)
    menu = cost.findChild(QMenu)
    qtbot.waitUntil(menu.isVisible)
    assert [action.text() for action in menu.actions()] == ["Copy $237,000"]
    menu.actions()[0].trigger()
    assert QApplication.clipboard().text() == "$237,000"


def test_a_warning_takes_the_lines_its_words_need_and_gives_them_back(window: MainWindow, qtbot: Any) -> None:
    button = window.health.warning_labels[0]
    qtbot.waitUntil(lambda: button.height() > 0)
    short = button.height()  # "Coverage is 50%: the plan is 199 short ...": three lines
    window.document.set_value("targets.win_rate", 0.5)  # late: "The plan is behind through ... earlier"
    assert window.health.warnings()[0].startswith("The plan is behind")
    qtbot.waitUntil(lambda: button.height() > short)
    words = window.health.warning_texts[0]
    assert words.height() >= words.fontMetrics().lineSpacing() * 4  # every line of it shown, none cut
    window.document.set_value("targets.win_rate", 0.25)
    qtbot.waitUntil(lambda: button.height() == short)


def test_every_name_and_figure_of_the_health_panel_gets_all_the_lines_it_needs(window: MainWindow, qtbot: Any) -> None:
    """A two-line name ("Coverage this year") is given both lines, not a line and a half, once the
    window is laid out at a laptop's size."""
    window.resize(1366, 768)
    qtbot.waitExposed(window)

    def squeezed() -> list[str]:
        return [
            f"{label.text()!r}: {label.height()} < {label.heightForWidth(label.width())}"
            for label in window.health.figures.findChildren(QLabel)
            if label.isVisible() and label.wordWrap() and label.height() < label.heightForWidth(label.width())
        ]

    assert laid_out(qtbot, squeezed) == []
