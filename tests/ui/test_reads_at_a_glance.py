"""Every screen reads at a glance on a 1366x768 laptop: no text cut, no silent changes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextDocument, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QScrollBar,
    QSlider,
    QStyle,
    QTabBar,
    QTableView,
    QWidget,
)

from tests.ui.helpers import at_size, field, laid_out, once_shown, retype, run_what_is_due, table_cuts
from ui.main_window import MainWindow
from ui.navigator import STEPS
from ui.widgets.figure_label import FigureLabel
from ui.widgets.wheel_guard import WheelGuarded


def cut_labels(root: QWidget) -> list[str]:
    """The visible labels whose text does not fit the room they are given, or that run past the
    edge of what shows them (a label wider than its window or its scroll area)."""
    cut = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisible() or not text:
            continue
        name = label.objectName() or text[:40]
        shown = label.visibleRegion().boundingRect()
        if not shown.isEmpty() and shown.width() < label.width() - 1:
            cut.append(f"{name!r}: {shown.width()} of {label.width()} px in view")
        room = label.contentsRect()
        if label.wordWrap():
            # the wrapped text's height against the label's: a line short is a cut, padding squeezed is not
            needed = label.heightForWidth(label.width())
            if needed > label.height() + label.fontMetrics().height() // 2:
                cut.append(f"{name!r}: {needed} > {label.height()}")
        else:
            if label.textFormat() == Qt.TextFormat.RichText or text.lstrip().startswith("<"):
                document = QTextDocument()
                document.setDefaultFont(label.font())
                document.setHtml(text)
                widest = int(document.idealWidth()) - 8  # (the document's own margins)
            else:
                widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
            if widest > room.width() + 1:
                cut.append(f"{name!r}: {widest} > {room.width()}")
    return cut


def cut_headers(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    cut = []
    for column in range(view.model().columnCount()):
        if view.isColumnHidden(column):
            continue
        text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)
        if widest + 8 > header.sectionSize(column):
            cut.append(f"{view.objectName()}: {text!r} {widest} > {header.sectionSize(column)}")
    return cut


def test_the_sensitivity_drivers_are_told_apart_by_their_whole_names(window: MainWindow, qtbot: Any) -> None:
    at_size(window, qtbot, 1366, 768)
    window.go_to_step(6)
    view = window.findChild(QTableView, "sensitivity")
    window.page(6).ensureWidgetVisible(view)  # (a what-if table fills when scrolled to)
    metrics = view.fontMetrics()
    margins = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)  # Qt's cell

    def names() -> list[str]:
        return [str(view.model().index(row, 0).data()) for row in range(view.model().rowCount())]

    def cut() -> list[str]:  # a name neither whole on its line nor wrapped onto more
        return [name for row, name in enumerate(names())
                if metrics.horizontalAdvance(name) + margins > view.columnWidth(0)
                and view.rowHeight(row) <= metrics.height() * 2]  # fmt: skip

    qtbot.waitUntil(lambda: "Head count: Inside lead development reps" in names())
    assert laid_out(qtbot, cut) == []


def at_laptop_size(window: MainWindow, qtbot: Any) -> None:
    at_size(window, qtbot, 1366, 768)


def charts_cut(page: QWidget) -> list[str]:
    """The shown charts whose axis labels do not fit."""
    return [chart.objectName() for chart in page.findChildren(QWidget)
            if hasattr(chart, "labels_fit") and chart.isVisible() and not chart.labels_fit()]  # fmt: skip


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_step_shows_its_labels_chart_titles_and_legends_whole(
    window: MainWindow, qtbot: Any, size: tuple[int, int]
) -> None:
    at_size(window, qtbot, *size)
    for step in range(len(STEPS)):
        window.go_to_step(step)
        page = window.page(step)
        assert laid_out(qtbot, lambda p=page: cut_labels(p)) == [], STEPS[step]
        assert laid_out(qtbot, lambda: cut_labels(window.health)) == []
        for table in page.findChildren(QTableView):  # every cell and header whole, no column out of sight
            if table.isVisible():
                page.ensureWidgetVisible(table)  # (a what-if table fills when scrolled to)
                assert laid_out(qtbot, lambda t=table: table_cuts(t)) == [], table.objectName()
        assert laid_out(qtbot, lambda p=page: charts_cut(p)) == [], STEPS[step]


def test_the_labor_and_channel_tables_fit_1366_px_with_whole_headers(window: MainWindow, qtbot: Any) -> None:
    at_laptop_size(window, qtbot)
    for step, name in ((3, "labor"), (4, "channels")):
        window.go_to_step(step)
        view = window.findChild(QTableView, name)
        assert laid_out(qtbot, lambda v=view: scrolled_sideways(v) + cut_headers(v)) == [], name


def scrolled_sideways(view: QTableView) -> list[str]:
    """The table, if its columns need a scroll bar to be seen."""
    return [f"{view.objectName()} scrolls sideways"] if view.horizontalScrollBar().isVisible() else []


def cut_cells(view: QTableView) -> list[str]:
    """The shown cells whose text is wider than its column (with a cell's margins)."""
    metrics, model, cut = view.fontMetrics(), view.model(), []
    for column in range(model.columnCount()):
        if view.isColumnHidden(column):
            continue
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            if metrics.horizontalAdvance(text) + 8 > view.columnWidth(column):
                cut.append(f"{text!r} in column {column}: {view.columnWidth(column)} px")
    return cut


def cut_names(view: QTableView, column: int = 0) -> list[str]:
    """The cells of ``column`` whose text, wrapped at the column's width, is taller than its row."""
    from PySide6.QtCore import QRect, Qt

    model, metrics = view.model(), view.fontMetrics()
    width, flags, cut = view.columnWidth(column) - 8, int(Qt.TextFlag.TextWordWrap), []  # 8: a cell's margins
    for row in range(model.rowCount()):
        name = str(model.index(row, column).data())
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), flags, name).height()
        if needed > view.rowHeight(row):
            cut.append(f"{name!r}: {needed} px in a {view.rowHeight(row)} px row")
        assert name in model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    return cut


def test_the_scorecards_long_names_wrap_whole_at_1366_px(window: MainWindow, qtbot: Any) -> None:
    at_laptop_size(window, qtbot)
    window.go_to_step(5)
    view = window.findChild(QTableView, "metrics")
    assert laid_out(qtbot, lambda: cut_names(view)) == []
    names = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert "Conversations per person a week: Inside lead development reps" in names


def test_resource_and_channel_names_wrap_whole_in_their_tables_at_1366_px(window: MainWindow, qtbot: Any) -> None:
    at_laptop_size(window, qtbot)
    window.document.set_value("channels[1].name", "Trade shows and regional industry events", merge=False)
    for step, name in ((3, "labor"), (4, "channels")):
        window.go_to_step(step)
        view = window.findChild(QTableView, name)
        assert laid_out(qtbot, lambda v=view: cut_names(v)) == [], name


def test_the_track_grid_fits_1366_px_with_whole_headers_and_figures(window: MainWindow, qtbot: Any) -> None:
    at_laptop_size(window, qtbot)
    window.go_to_step(7)
    page = window.page(7)
    view = page.table
    months = window.document.plan.horizon
    shown = [c for c in range(view.model().columnCount()) if not view.isColumnHidden(c)]
    assert len(shown) == 10  # each stage's actual and how far it is from the plan
    for plan in ("sample", "60 months"):
        if plan == "60 months":
            window.document.set_value("basics.horizon_months", 60, merge=False)
            months = 60
        # a year of actuals as wide as a sales leader's: six-figure revenue, five-figure cost, behind and ahead
        page.table.setCurrentIndex(view.model().index(0, 0))
        assert page.table.paste("\n".join("31\t19\t4\t412,345\t21,870" for _ in range(months)))
        assert view.model().rowCount() == months
        assert laid_out(qtbot, lambda: scrolled_sideways(view) + columns_past(view) + cut_headers(view)) == [], plan
        assert laid_out(qtbot, lambda: cut_cells(view)) == [], plan
        assert laid_out(qtbot, lambda: cut_labels(page)) == [], plan
        assert view.model().headerData(0, Qt.Orientation.Vertical) == ("Jan" if months == 12 else "Jan 27")


def columns_past(view: QTableView) -> list[str]:
    """The table, if its columns run past its width."""
    wide, room = view.horizontalHeader().length(), view.viewport().width()
    return [f"{view.objectName()}: {wide} px of columns in {room} px"] if wide > room else []


def test_the_plans_figures_show_behind_a_switch_and_paste_still_fills_the_actuals(
    window: MainWindow, qtbot: Any
) -> None:
    at_laptop_size(window, qtbot)
    window.go_to_step(7)
    page = window.page(7)
    model = page.model
    # what each actual is compared with: the leads the month needs, then the plan's figure of each stage
    plan_columns = [c for c in range(model.columnCount())
                    if model.headerData(c, Qt.Orientation.Horizontal).split("\n")[1] in ("needed", "plan")]  # fmt: skip
    assert len(plan_columns) == 5 and all(page.table.isColumnHidden(c) for c in plan_columns)
    # a block of three figures fills the leads, opportunities and wins actuals, left to right
    page.table.setCurrentIndex(model.index(0, 0))
    assert page.table.paste("20\t10\t3\n25\t12\t4")
    actuals = window.document.plan.actuals
    assert [(a.sales_ready_leads, a.opportunities, a.wins) for a in actuals] == [(20, 10, 3), (25, 12, 4)]
    leads_vs_needed = 2
    assert model.index(0, leads_vs_needed).data() == "−24"  # 20 of the 44.4 needed (v3: 400 over Jan-Sep)
    page.show_plan.setChecked(True)
    # under each difference, what the actual is compared with: two lines in the grid's width, not a third
    # column a stage that would push Revenue and Cost out of sight
    assert model.index(0, leads_vs_needed).data() == "−24\nof 44"
    assert model.index(5, leads_vs_needed).data() == "of 44"  # June, not reported yet
    assert all(page.table.isColumnHidden(c) for c in plan_columns)
    qtbot.waitUntil(lambda: page.table.rowHeight(0) >= 2 * page.table.fontMetrics().lineSpacing())
    assert laid_out(qtbot, lambda: scrolled_sideways(page.table) + columns_past(page.table)) == []
    page.show_plan.setChecked(False)
    assert model.index(0, leads_vs_needed).data() == "−24"


def test_the_other_columns_are_on_a_tab_of_their_own(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(3)
    view = window.findChild(QTableView, "labor")
    ramp, output = view.model().column_of("ramp_months"), view.model().column_of("srl_per_person_month")
    assert view.isColumnHidden(ramp) and not view.isColumnHidden(output)
    tabs = window.findChild(QTabBar, "labor.columns")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Output and cost", "Timing, fees and turnover"]
    tabs.setCurrentIndex(1)
    assert not view.isColumnHidden(ramp) and view.isColumnHidden(output)
    # the name and the kind on both: a row is told apart whichever columns are shown
    assert not view.isColumnHidden(0) and not view.isColumnHidden(view.model().column_of("kind"))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_presentation_mode_shows_its_labels_and_slider_names_whole(
    window: MainWindow, qtbot: Any, size: tuple[int, int]
) -> None:
    view = window.present()
    qtbot.waitExposed(view)
    view.showNormal()  # the offscreen screen is smaller than a laptop's: the size by hand
    at_size(view, qtbot, *size)
    assert laid_out(qtbot, lambda: cut_labels(view)) == []  # each label measured once laid out at this size
    assert view.findChild(QLabel, "present.headcount.name").text() == "Head count: Inside lead development reps"
    funnel = view.findChild(QWidget, "chart.funnel")
    assert laid_out(qtbot, lambda: charts_cut(view)) == []
    assert funnel.labels() == ["Raw leads", "Qualified leads", "Sales-ready leads", "Opportunities", "Wins"]
    view.close()


def test_the_monthly_legend_names_every_series_in_full(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(3)
    legend = window.findChild(QLabel, "chart.labor_supply.legend")
    # Oct-Dec (a 3-month cycle) build next year's start: shaded, and named in the legend
    names = ["Needed", "Inside lead development reps", "Trade shows", "Next year's start", "Short of demand"]
    assert once_shown(qtbot, legend.names, names) == names


def wheel(widget: QWidget, steps: int = -1) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))), QPoint(0, 0),
        QPoint(0, 120 * steps), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_drop_down_or_slider_changes_nothing(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(1)
    combo = window.findChild(QComboBox, "diagnosis.lead_owner_today")
    before, steps = window.document.plan.diagnosis, window.document.undo_stack.count()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    window.findChild(QWidget, "diagnosis.notes").setFocus()
    wheel(combo)
    assert window.document.plan.diagnosis == before
    assert window.document.undo_stack.count() == steps
    view = window.present()
    qtbot.waitExposed(view)
    slider = view.findChild(QSlider, "present.win_rate")
    view.findChild(QWidget, "present.leave").setFocus()
    wheel(slider)
    assert slider.value() == 25
    assert window.document.plan.scenarios == before_scenarios(window)
    view.close()


def unguarded(root: QWidget) -> list[str]:
    """The drop-downs, spin boxes and sliders under ``root`` that the wheel would change unfocused."""
    found = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox), *root.findChildren(QAbstractSlider)]
    return [w.objectName() or type(w).__name__ for w in found if not isinstance(w, (WheelGuarded, QScrollBar))]


def test_every_drop_down_and_slider_of_every_step_and_of_presentation_mode_is_guarded_from_the_wheel(
    window: MainWindow, qtbot: Any
) -> None:
    for step in range(len(STEPS)):
        window.go_to_step(step)
        run_what_is_due(qtbot)  # (what a step builds once shown)
    for name, column in (("labor", "kind"), ("channels", "owner")):  # a choice cell's editor, open
        window.go_to_step(3 if name == "labor" else 4)
        view = window.findChild(QTableView, name)
        index = view.model().index(0, view.model().column_of(column))
        view.setCurrentIndex(index)
        view.edit(index)
        assert view.findChild(QComboBox) is not None
    combos = window.findChildren(QComboBox)
    assert len(combos) >= 5
    assert all(combo.focusPolicy() == Qt.FocusPolicy.StrongFocus for combo in combos)
    assert unguarded(window) == []
    presentation = window.present()
    qtbot.waitExposed(presentation)
    assert len(presentation.findChildren(QSlider)) >= 3
    assert unguarded(presentation) == []
    presentation.close()


def before_scenarios(window: MainWindow) -> Any:
    return window.document.plan.scenarios


def test_the_wheel_over_a_focused_drop_down_still_chooses(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(1)
    combo = window.findChild(QComboBox, "diagnosis.lead_owner_today")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    index = combo.currentIndex()
    wheel(combo, -1 if index < combo.count() - 1 else 1)
    assert combo.currentIndex() != index


def test_retyping_a_value_makes_no_undo_step_and_leaves_the_plan_saved(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(2)
    assert not window.document.is_modified
    retype(qtbot, field(window, "targets.win_rate"), "25%")  # the sample's win rate already
    assert window.document.undo_stack.count() == 0
    assert not window.document.is_modified
    assert window.document.plan.targets.win_rate == 0.25


def test_seasonality_has_twelve_month_labels_and_a_spike_under_its_month(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(2)
    chart = window.page(2).seasonality.build()
    assert chart.labels() == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    retype(qtbot, field(window, "targets.seasonality[6]"), "2")
    window.page(2).ensureWidgetVisible(window.page(2).seasonality)  # a chart out of view catches up in view
    assert once_shown(qtbot, chart.tallest_month, "Jul") == "Jul"


def test_every_step_opens_scrolled_to_the_top(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    page = window.page(6)
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() > 0)  # laid out: taller than the window
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    assert page.verticalScrollBar().value() > 0
    window.go_to_step(5)
    window.go_to_step(6)
    assert page.verticalScrollBar().value() == 0


def test_help_shows_the_glossary_with_sales_ready_lead_spelled_out(window: MainWindow, qtbot: Any) -> None:
    dialog = window.show_glossary()
    text = dialog.text.toPlainText()
    assert "Sales-ready lead (SRL)" in text
    assert "New-logo revenue" in text
    assert "Return on cost" in text
    dialog.close()


def test_a_new_plan_does_not_start_with_a_one_dollar_deal(window: MainWindow, qtbot: Any) -> None:
    window.new_plan()
    assert window.document.plan.targets.deal_size == 25_000
    assert "Enter the new-logo revenue goal" in window.health.verdict.text()


def test_charts_update_their_series_in_place(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(4)
    supply = window.page(4).supply_chart.build()
    mix = window.page(4).mix_chart.build()
    sets, slices = list(supply.sets), list(mix.pie.slices())
    window.document.set_value("labor[0].headcount", 3)
    window.page(4).ensureWidgetVisible(window.page(4).mix_chart)  # a chart out of view catches up in view
    # 3 reps make 3 x 114 = 342; outbound phone takes 70%: 239.4 of 342 + 60 trade shows = 402 (60%)
    phone = "Outbound phone: 239 (60%)"
    assert once_shown(qtbot, lambda: mix.legend_label.names()[0], phone) == phone
    assert supply.sets == sets  # the same bar sets, their values replaced
    assert mix.pie.slices() == slices


def test_value_axes_have_round_ticks_written_short() -> None:
    from planner.numbers.axis import nice_ticks
    from ui.charts.ticks import short_number

    assert nice_ticks(4_000, 4) == [0, 1_000, 2_000, 3_000, 4_000]
    assert nice_ticks(33.3, 5) == [0, 10, 20, 30, 40]
    assert nice_ticks(23_000, 5) == [0, 5_000, 10_000, 15_000, 20_000, 25_000]
    assert [short_number(v) for v in (0, 250, 1_000, 2_500, 10_000, 1_500_000)] == [
        "0",
        "250",
        "1k",
        "2.5k",
        "10k",
        "1.5M",
    ]
    assert short_number(25, signed=True) == "+25"


def figures_cut(root: QWidget) -> list[str]:
    """The figures under ``root`` whose shown text is wider than their label."""
    return [
        f"{label.objectName()}: {label.shown()!r}"
        for label in root.findChildren(FigureLabel)
        if label.isVisible() and label.fontMetrics().horizontalAdvance(label.shown()) > label.contentsRect().width()
    ]


def test_a_huge_figure_is_shown_short_with_the_whole_in_its_tooltip_and_never_cut(
    window: MainWindow, qtbot: Any
) -> None:
    at_size(window, qtbot, 1366, 768)
    window.go_to_step(6)  # Review & export: the health panel and the figures at a glance
    window.document.set_value("labor[0].cost_per_person_month", 987_654_321)
    cost = window.findChild(FigureLabel, "health.cost")
    assert cost.text() == "$21,728,467,062"  # what a script reading the figure gets
    assert once_shown(qtbot, cost.shown, "$21.7B") == "$21.7B"  # (once its label is laid out)
    assert cost.toolTip().startswith("$21,728,467,062\n")
    review = window.findChild(FigureLabel, "review.cost")
    assert once_shown(qtbot, review.shown, "$21.7B") == "$21.7B"
    window.document.set_value("labor[0].cost_per_person_month", 987_000_000)  # another, with the same short form
    assert cost.text() != "$21,728,467,062"
    assert once_shown(qtbot, cost.shown, "$21.7B") == "$21.7B"
    assert cost.toolTip().startswith(f"{cost.text()}\n")
    assert laid_out(qtbot, lambda: figures_cut(window)) == []
    presentation = window.present()
    qtbot.waitExposed(presentation)
    presentation.showNormal()  # at a laptop's full-screen size (the test screen is smaller)
    at_size(presentation, qtbot, 1366, 768)
    present_cost = presentation.findChild(FigureLabel, "present.cost")
    assert once_shown(qtbot, present_cost.shown, "$21.7B") == "$21.7B"
    assert laid_out(qtbot, lambda: figures_cut(presentation)) == []
    presentation.close()
    window.document.set_value("labor[0].cost_per_person_month", 7_500)  # back to the sample's: whole again
    assert cost.text() == "$237,000"
    assert once_shown(qtbot, cost.shown, "$237,000") == "$237,000"
    assert cost.toolTip() == "People, fees and program budgets over the horizon"
