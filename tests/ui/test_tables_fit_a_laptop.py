"""Every table of every step fits its room on a 1366 x 768 laptop: no text cut in a cell or a
header, no column pushed out of sight to the right; a name wraps in its row instead. Checked as
a person sees them: each table scrolled into view, on the sample plan and on a plan of 6
resources and 8 channels, with each table's other columns and Track's plan figures shown too."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar, QTableView

from tests.ui.helpers import at_size, laid_out, run_what_is_due, table_cuts, type_in_cell
from ui.main_window import MainWindow
from ui.navigator import STEPS


def tables_in_view(window: MainWindow, step: int, qtbot: Any) -> list[str]:
    """The cuts of every table of a step, each scrolled into view first (what-if tables fill then)."""
    page = window.page(step)
    cuts = []
    for view in page.findChildren(QTableView):
        if not view.isVisible():
            continue
        page.ensureWidgetVisible(view)
        qtbot.waitUntil(lambda v=view: v.model().rowCount() > 0 or v.objectName() == "scenarios.overrides")
        cuts += laid_out(qtbot, lambda v=view: table_cuts(v))  # measured once its columns are fitted
    return cuts


def other_columns(window: MainWindow, step: int) -> QTabBar | None:
    """The tabs over a table that show its other columns (labor's and channels'), if the step has them."""
    return window.page(step).findChild(QTabBar)


@pytest.mark.parametrize("plan", ["sample", "six resources, eight channels"])
def test_every_table_of_every_step_fits_1366_px_whole(request: pytest.FixtureRequest, qtbot: Any, plan: str) -> None:
    shown: MainWindow = request.getfixturevalue("window" if plan == "sample" else "wide")
    at_size(shown, qtbot, 1366, 768)
    for step in range(len(STEPS)):
        shown.go_to_step(step)
        qtbot.waitUntil(lambda s=step: shown.page(s).isVisible())
        assert tables_in_view(shown, step, qtbot) == [], STEPS[step]
        tabs = other_columns(shown, step)
        if tabs is not None:
            tabs.setCurrentIndex(1)
            assert tables_in_view(shown, step, qtbot) == [], f"{STEPS[step]}, {tabs.tabText(1)}"
    track = shown.page(7)
    track.table.setCurrentIndex(track.model.index(0, 0))
    assert track.table.paste("\n".join("31\t19\t4\t412,345\t21,870" for _ in range(shown.document.plan.horizon)))
    track.show_plan.setChecked(True)
    assert tables_in_view(shown, 7, qtbot) == [], "Track, with the plan's figures"


def test_a_six_figure_total_cost_typed_elsewhere_in_the_row_is_shown_whole(window: MainWindow, qtbot: Any) -> None:
    at_size(window, qtbot, 1366, 768)
    window.go_to_step(3)
    view = window.findChild(QTableView, "labor")
    qtbot.waitUntil(view.isVisible)
    window.document.set_value("labor[0].headcount", 9)  # 9 x 7,500 x 11 months = $742,500
    qtbot.waitUntil(lambda: table_cuts(view) == [])
    window.document.set_value("labor[0].headcount", 900)  # $74,250,000: a column grows for it
    qtbot.waitUntil(lambda: table_cuts(view) == [])
    assert view.model().index(0, view.model().columnCount() - 1).data() == "$74,250,000"


def test_rows_keep_their_height_while_the_person_works_elsewhere_and_a_click_lands_in_its_row(
    wide: MainWindow, qtbot: Any
) -> None:
    at_size(wide, qtbot, 1366, 768)
    wide.go_to_step(3)
    view = wide.findChild(QTableView, "labor")
    qtbot.waitUntil(lambda: table_cuts(view) == [])
    rows = range(view.model().rowCount())

    def heights() -> list[int]:
        return [view.rowHeight(row) for row in rows]

    before = heights()
    assert max(before) > min(before)  # "Account executives prospecting" wraps, "Inside SDRs" does not
    # numbers typed in other rows: totals grow, notes of capacity come and go, the page grows
    type_in_cell(qtbot, view, 4, view.model().column_of("headcount"), "30")
    type_in_cell(qtbot, view, 0, view.model().column_of("cost_per_person_month"), "9,500")
    wide.document.set_value("channels[7].share", 1.0)
    run_what_is_due(qtbot)  # (what the edits asked of the layout, done)
    assert heights() == before
    # a name typed longer: its own row grows, no other moves
    type_in_cell(qtbot, view, 1, 0, "New SDR hires starting in March after the budget review")
    qtbot.waitUntil(lambda: view.rowHeight(1) > before[1])
    assert [h for row, h in enumerate(heights()) if row != 1] == [h for row, h in enumerate(before) if row != 1]
    assert table_cuts(view) == []
    # where the person sees the fifth row is where a click selects it
    target = view.visualRect(view.model().index(4, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert view.currentIndex().row() == 4


def test_a_warning_keeps_the_lines_its_words_need_when_the_warnings_scroll(wide: MainWindow, qtbot: Any) -> None:
    from ui.widgets.warning_button import WarningButton

    at_size(wide, qtbot, 1366, 768)
    wide.go_to_step(7)
    track = wide.page(7)
    qtbot.waitUntil(track.isVisible)
    # three months reported: the to-date line takes room from the warnings, which then scroll (a bar, narrower)
    track.table.setCurrentIndex(track.model.index(0, 0))
    assert track.table.paste("29\t17\t4\t0\t19750\n31\t20\t6\t0\t20100\n38\t21\t5\t120000\t19800")
    scroll = wide.health.warnings_scroll
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().isVisible())
    buttons = [b for b in wide.health.findChildren(WarningButton) if b.isVisible()]
    assert buttons
    qtbot.waitUntil(lambda: all(b.height() >= b.heightForWidth(b.width()) for b in buttons))
    assert scroll.verticalScrollBar().value() == 0  # read from the first line
