"""Review & export: the plan at a glance, scenarios side by side, sensitivity, exports off the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

import exports.writers
from planner.numbers.goal_seek import close_the_gap
from planner.numbers.goal_seek import sentence as goal_seek_sentence
from tests.ui.helpers import PaintedRegion
from ui.main_window import MainWindow


def test_the_glance_shows_the_verdict_and_the_figures(window: MainWindow) -> None:
    window.go_to_step(6)
    # v3, a 3-month cycle: the leads of Jan-Sep close this year: 5 + 11 + 17 + 23 + 5 x 29 = 201 of 400
    assert (
        window.findChild(QLabel, "review.verdict")
        .text()
        .startswith(
            "Short: by Sep 2027 the plan supplies 201 of the 400 sales-ready leads this year needs (50% coverage)"
        )
    )
    # a rep hired in January, ramping over 3 months, adds 12 x (1/4 + 2/4 + 3/4 + 6 full months) = 90 by
    # September: ceil(199 / 90) = 3
    assert window.findChild(QLabel, "review.reps").text() == "3"
    assert window.findChild(QLabel, "review.revenue").text() == "$1,728,000"


def test_scenarios_are_side_by_side(window: MainWindow) -> None:
    window.go_to_step(6)
    model = window.findChild(QTableView, "scenarios").model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["", "Base plan", "Stretch"]
    rows = {model.index(r, 0).data(): [model.index(r, c).data() for c in (1, 2)] for r in range(model.rowCount())}
    # Stretch wins 30%: 60 wins / 30% / 60% = 333.3 needed; supply is the same, and this year's share of it
    # (the 201 leads of Jan-Sep) covers 50% and 60%
    assert rows["Sales-ready leads needed"] == ["400", "333"]
    assert rows["Sales-ready leads supplied"] == ["288", "288"]
    assert rows["Coverage"] == ["50%", "60%"]


def test_the_side_by_side_table_catches_up_with_edits_made_on_other_steps(window: MainWindow) -> None:
    window.go_to_step(6)
    model = window.findChild(QTableView, "scenarios").model()
    window.go_to_step(2)  # hidden, the table is not rebuilt on every keystroke
    window.document.set_value("targets.deal_size", 48_000, "Change Average deal size")
    window.go_to_step(6)
    rows = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    # 2,400,000 / 48,000 = 50 wins / 25% / 60% = 333.3 needed
    assert rows["Sales-ready leads needed"] == "333"


def test_sensitivity_lists_each_driver_with_its_moves(window: MainWindow) -> None:
    window.go_to_step(6)
    model = window.findChild(QTableView, "sensitivity").model()
    result = window.document.result
    assert model.rowCount() == len(result.sensitivity)
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Win rate" in labels
    win = labels.index("Win rate")
    # the win rate at +20% is 30%: coverage 201 / 333.3 = 60% (this year's leads, Jan-Sep)
    assert model.index(win, 1).data() == "25%"
    assert model.index(win, 5).data() == "60%"


def test_an_export_runs_off_the_ui_thread_and_offers_to_open_the_file(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[bool] = []

    def fake_export(plan: Any, *, xlsx: str | None = None, html: str | None = None, progress: Any = None) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        path = Path(html or xlsx or "")
        path.write_text(plan.basics.company, encoding="utf-8")
        yield path

    monkeypatch.setattr(exports.writers, "export_plan", fake_export)
    dialogs.save_path = str(tmp_path / "report")
    window.go_to_step(6)
    with qtbot.waitSignal(window.exporter.done, timeout=5000) as done:
        qtbot.mouseClick(window.findChild(QPushButton, "export.html"), Qt.MouseButton.LeftButton)
    assert done.args == ["html", str(tmp_path / "report.html")]
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "Acme Fasteners"
    assert threads == [False]
    [told] = dialogs.texts("information")
    assert "report.html" in told


def test_a_long_export_shows_how_far_it_has_got(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = threading.Event()

    def slow_export(plan: Any, *, xlsx: str | None = None, progress: Any = None, **_kw: Any) -> Any:
        progress(60, "Saving the sheet Channels: row 2,000 of 10,822")
        checked.wait(5)
        Path(xlsx or "").write_bytes(b"x")
        yield Path(xlsx or "")

    monkeypatch.setattr(exports.writers, "export_plan", slow_export)
    dialogs.save_path = str(tmp_path / "plan.xlsx")
    runner = window.exporter
    with qtbot.waitSignal(runner.done, timeout=5000):
        window.export("xlsx")
        qtbot.waitUntil(lambda: runner.progress is not None and "row 2,000 of 10,822" in runner.progress.labelText())
        assert runner.progress.maximum() == 100 and runner.progress.value() == 60
        assert runner.progress.labelText().startswith("Writing the Excel workbook…")
        checked.set()
    assert runner.progress is None  # closed when the export finished


def test_an_unavailable_export_is_explained(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(plan: Any, **_kw: Any) -> Any:
        raise exports.writers.ExportUnavailable("The Excel export is not available yet.")
        yield  # pragma: no cover

    monkeypatch.setattr(exports.writers, "export_plan", unavailable)
    dialogs.save_path = str(tmp_path / "plan.xlsx")
    with qtbot.waitSignal(window.exporter.done, timeout=5000) as done:
        window.export("xlsx")
    assert done.args == ["xlsx", ""]
    assert dialogs.texts("warning") == ["The Excel export is not available yet."]


def test_exported_files_get_the_permissions_of_any_file_the_user_creates(
    window: MainWindow, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    import os
    import stat

    old = os.umask(0o027)
    try:
        (tmp_path / "plain.txt").write_text("a file the user makes", encoding="utf-8")
        expected = stat.S_IMODE((tmp_path / "plain.txt").stat().st_mode)  # 0o640 under this umask
        window.go_to_step(6)
        for kind in ("xlsx", "html"):
            dialogs.save_path = str(tmp_path / f"report.{kind}")
            with qtbot.waitSignal(window.exporter.done, timeout=20_000):
                qtbot.mouseClick(window.findChild(QPushButton, f"export.{kind}"), Qt.MouseButton.LeftButton)
            assert stat.S_IMODE((tmp_path / f"report.{kind}").stat().st_mode) == expected == 0o640, kind
    finally:
        os.umask(old)


def test_what_is_scrolled_out_of_view_waits_for_an_edit_and_catches_up_when_scrolled_to(
    window: MainWindow, qtbot: Any
) -> None:
    from ui.charts.whatif import tornado_rows

    window.go_to_step(6)
    page = window.page(6)
    qtbot.waitUntil(lambda: not any(slot.stale for slot in page.charts))
    sentence = window.findChild(QLabel, "goal_seek.sentence")
    sensitivity = window.findChild(QTableView, "sensitivity")
    tornado = page.charts[-1]
    before = sentence.text()
    assert before == goal_seek_sentence(close_the_gap(window.document.plan, window.document.result))
    # at the page's top; a win rate of 60% needs 166.7 leads, and this year gets 201 (Jan-Sep): 121%
    window.document.set_value("targets.win_rate", 0.6)
    qtbot.wait(50)
    assert window.findChild(QLabel, "review.coverage").text() == "121%"  # in view: at once
    assert sentence.text() == before  # out of view: not worked out yet
    assert sensitivity.model().stale and tornado.stale
    page.ensureWidgetVisible(sentence)
    after = goal_seek_sentence(close_the_gap(window.document.plan, window.document.result))
    assert after != before
    qtbot.waitUntil(lambda: sentence.text() == after)
    page.ensureWidgetVisible(sensitivity)
    qtbot.waitUntil(lambda: not sensitivity.model().stale)
    model = sensitivity.model()
    rows = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert rows["Win rate"] == "60%"
    page.ensureWidgetVisible(tornado)
    qtbot.waitUntil(lambda: not tornado.stale)
    assert tornado.chart.shown == tornado_rows(window.document.result)


def test_the_glance_is_never_cut_as_its_figures_change(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    glance = window.findChild(QLabel, "review.verdict").parentWidget()
    for rate in (0.5, 0.1, 0.3, 0.05):  # the verdict a line longer, shorter, longer
        window.document.set_value("targets.win_rate", rate)
        qtbot.waitUntil(lambda: glance.height() >= glance.heightForWidth(glance.width()))


def test_a_chart_in_view_redraws_at_once_after_an_edit(window: MainWindow, qtbot: Any) -> None:
    from ui.widgets.in_view import in_view

    window.go_to_step(6)
    page = window.page(6)
    demand_supply = page.charts[0]
    qtbot.waitUntil(lambda: demand_supply.chart is not None and not demand_supply.stale)
    assert in_view(demand_supply)  # at 1366 x 768, below the glance
    assert not in_view(page.charts[-1])  # the tornado, far below
    window.document.set_value("targets.win_rate", 0.5)  # 200 needed a year, as seasonal as before
    qtbot.waitUntil(lambda: not demand_supply.stale)
    points = demand_supply.chart.demand.points()
    # v3, a 3-month cycle: this year's 200 are needed Jan-Sep; Oct-Dec need next year's start, $3M / $12,000
    # a lead / 12 x 3 = 62.5
    assert sum(p.y() for p in points[:9]) == pytest.approx(200)
    assert sum(p.y() for p in points[9:]) == pytest.approx(62.5)
    assert page.charts[-1].stale  # waits to be scrolled to


def test_a_plan_of_thousands_of_channels_works_its_what_ifs_out_only_when_scrolled_to(
    qtbot: Any, tmp_path: Path
) -> None:
    import dataclasses

    from planner.plan.model import Channel
    from planner.plan.plan_file import write_plan
    from planner.plan.sample import sample_plan
    from ui.main_window import create_window

    sample = sample_plan()
    programs = tuple(
        Channel(name=f"Program {i}", type="content", owner="marketing", monthly_budget=100, cost_per_lead=50)
        for i in range(1200)
    )
    path = tmp_path / "wide.leadplan"
    write_plan(dataclasses.replace(sample, channels=sample.channels + programs), path)
    main = create_window(str(path))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.go_to_step(6)
    qtbot.wait(50)
    page = main.page(6)
    sensitivity = main.findChild(QTableView, "sensitivity")
    # 2,400 drivers: not worked out while the table is below the fold
    assert main.document.result.sensitivity._items is None
    assert sensitivity.model().rowCount() == 0 and sensitivity.model().stale
    page.ensureWidgetVisible(sensitivity)
    qtbot.waitUntil(lambda: sensitivity.model().rowCount() == len(main.document.result.sensitivity))
    assert sensitivity.model().rowCount() > 2400
    main.document.undo_stack.setClean()


def test_new_figures_in_the_same_room_lay_out_nothing_and_a_longer_verdict_gets_its_lines(
    window: MainWindow, qtbot: Any
) -> None:
    from PySide6.QtCore import QEvent, QObject

    class LayoutRequests(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            self.count += event.type() == QEvent.Type.LayoutRequest
            return False

    window.resize(1366, 768)
    window.go_to_step(6)
    glance = window.page(6).glance
    verdict = window.findChild(QLabel, "review.verdict")
    window.document.set_value("targets.win_rate", 0.26)
    qtbot.wait(20)
    counter = LayoutRequests()
    from PySide6.QtWidgets import QWidget

    for widget in (glance.parentWidget(), *glance.findChildren(QWidget)):  # its fence, and all it holds
        widget.installEventFilter(counter)
    window.document.set_value("targets.win_rate", 0.27)  # new numbers, the same lines
    qtbot.wait(20)
    assert window.findChild(QLabel, "review.needed").text() == "370"
    assert counter.count == 0
    window.resize(1100, 768)  # narrower: the verdict of a short plan takes two lines
    qtbot.waitUntil(lambda: verdict.height() == verdict.heightForWidth(verdict.width()))
    lines = verdict.height()
    window.document.set_value("targets.pipeline_revenue", 5_000_000)  # covered: a verdict of one line
    qtbot.waitUntil(lambda: verdict.height() == verdict.heightForWidth(verdict.width()))
    assert verdict.text().startswith("On track") and verdict.height() < lines
    window.document.undo_stack.undo()  # the lines it needs again, none cut
    qtbot.waitUntil(lambda: verdict.height() == lines)


def test_the_new_verdict_and_figures_repaint_themselves_alone_not_the_card_behind_them(
    window: MainWindow, qtbot: Any
) -> None:
    window.resize(1366, 768)
    window.go_to_step(6)
    glance = window.page(6).glance
    window.document.set_value("targets.win_rate", 0.26)
    qtbot.wait(20)
    changing = [glance.verdict, glance.figures["needed"], glance.figures["coverage"]]
    behind, painted = PaintedRegion(glance), [PaintedRegion(label) for label in changing]
    window.document.set_value("targets.win_rate", 0.27)  # a new verdict, 385 -> 370 needed, 75% -> 78%
    qtbot.wait(20)
    assert all(label.regions for label in painted)
    for label in changing:  # the card painted no pixel under them
        under = QRect(label.mapTo(glance, label.rect().topLeft()), label.size())
        assert all(not region.intersects(under) for region in behind.regions)
