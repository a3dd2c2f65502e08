"""Review & export: the plan at a glance, scenarios side by side, sensitivity, exports off the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QSignalSpy
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

import exports.writers
from planner.numbers.goal_seek import close_the_gap
from planner.numbers.goal_seek import sentence as goal_seek_sentence
from tests.ui.helpers import PaintedRegion, at_size, in_sight, once_shown, run_what_is_due
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


def table_rows(view: QTableView, columns: tuple[int, ...] = (1,)) -> dict[str, Any]:
    """What a table shows, row by row: its first column's text to the texts of ``columns``."""
    model = view.model()
    return {
        model.index(r, 0).data(): [model.index(r, c).data() for c in columns] if len(columns) > 1
        else model.index(r, columns[0]).data()
        for r in range(model.rowCount())
    }  # fmt: skip


def test_scenarios_are_side_by_side(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    view = window.findChild(QTableView, "scenarios")
    window.page(6).ensureWidgetVisible(view)
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["", "Base plan", "Stretch"]
    rows = {model.index(r, 0).data(): [model.index(r, c).data() for c in (1, 2)] for r in range(model.rowCount())}
    # Stretch wins 30%: 60 wins / 30% / 60% = 333.3 needed; supply is the same, and this year's share of it
    # (the 201 leads of Jan-Sep) covers 50% and 60%
    assert rows["Sales-ready leads needed"] == ["400", "333"]
    assert rows["Sales-ready leads supplied"] == ["288", "288"]
    assert rows["Coverage"] == ["50%", "60%"]


def test_the_side_by_side_table_catches_up_with_edits_made_on_other_steps(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    view = window.findChild(QTableView, "scenarios")
    window.page(6).ensureWidgetVisible(view)
    qtbot.waitUntil(lambda: table_rows(view).get("Sales-ready leads needed") == "400")
    window.go_to_step(2)  # hidden, the table is not rebuilt on every keystroke
    window.document.set_value("targets.deal_size", 48_000, "Change Average deal size")
    window.go_to_step(6)
    # 2,400,000 / 48,000 = 50 wins / 25% / 60% = 333.3 needed
    needed = once_shown(qtbot, lambda: table_rows(view).get("Sales-ready leads needed"), "333")
    assert needed == "333"


def test_sensitivity_lists_each_driver_with_its_moves(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    view = window.findChild(QTableView, "sensitivity")
    window.page(6).ensureWidgetVisible(view)  # (worked out when scrolled to)
    model = view.model()
    result = window.document.result
    assert once_shown(qtbot, model.rowCount, len(result.sensitivity)) == len(result.sensitivity)
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

    def fake_export(
        plan: Any, *, xlsx: str | None = None, html: str | None = None, progress: Any = None, **_: Any
    ) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        path = Path(html or xlsx or "")
        path.write_text(plan.basics.company, encoding="utf-8")
        yield path

    monkeypatch.setattr(exports.writers, "export_plan", fake_export)
    dialogs.save_path = str(tmp_path / "report")
    window.go_to_step(6)
    with qtbot.waitSignal(window.exporter.done, timeout=30_000) as done:  # (the timeouts here only end a hang)
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
        checked.wait(30)  # until the test has seen the progress
        Path(xlsx or "").write_bytes(b"x")
        yield Path(xlsx or "")

    monkeypatch.setattr(exports.writers, "export_plan", slow_export)
    dialogs.save_path = str(tmp_path / "plan.xlsx")
    runner = window.exporter
    with qtbot.waitSignal(runner.done, timeout=30_000):
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
    with qtbot.waitSignal(window.exporter.done, timeout=30_000) as done:
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
            with qtbot.waitSignal(window.exporter.done, timeout=60_000):
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
    sentence = window.findChild(QLabel, "goal_seek.sentence")
    sensitivity = window.findChild(QTableView, "sensitivity")
    tornado = page.charts[-1]
    qtbot.waitUntil(lambda: sentence.text() != "")
    run_what_is_due(qtbot)
    assert not in_sight(sentence, page) and not in_sight(sensitivity, page) and not in_sight(tornado, page)
    before = sentence.text()
    assert before == goal_seek_sentence(close_the_gap(window.document.plan, window.document.result))
    repainted = [QSignalSpy(sensitivity.model().dataChanged), QSignalSpy(sensitivity.model().modelReset)]
    tornado_before = tornado.chart.shown if tornado.chart is not None else None
    # at the page's top; a win rate of 60% needs 166.7 leads, and this year gets 201 (Jan-Sep): 121%
    window.document.set_value("targets.win_rate", 0.6)
    coverage = window.findChild(QLabel, "review.coverage")
    assert once_shown(qtbot, coverage.text, "121%") == "121%"  # in view: at once
    run_what_is_due(qtbot)
    # out of view: not worked out yet (the sentence, the table's rows and the chart as they were)
    assert sentence.text() == before
    assert [spy.count() for spy in repainted] == [0, 0]  # (its rows not refilled: read, they might catch up)
    assert (tornado.chart.shown if tornado.chart is not None else None) == tornado_before
    page.ensureWidgetVisible(sentence)
    after = goal_seek_sentence(close_the_gap(window.document.plan, window.document.result))
    assert after != before
    assert once_shown(qtbot, sentence.text, after) == after
    page.ensureWidgetVisible(sensitivity)
    assert once_shown(qtbot, lambda: table_rows(sensitivity).get("Win rate"), "60%") == "60%"
    page.ensureWidgetVisible(tornado)
    rows = tornado_rows(window.document.result)
    assert once_shown(qtbot, lambda: tornado.chart.shown if tornado.chart is not None else None, rows) == rows


def test_the_glance_is_never_cut_as_its_figures_change(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    glance = window.findChild(QLabel, "review.verdict").parentWidget()
    for rate in (0.5, 0.1, 0.3, 0.05):  # the verdict a line longer, shorter, longer
        window.document.set_value("targets.win_rate", rate)
        qtbot.waitUntil(lambda: glance.height() >= glance.heightForWidth(glance.width()))


def test_a_chart_in_view_redraws_at_once_after_an_edit(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(6)
    page = window.page(6)
    demand_supply, tornado = page.charts[0], page.charts[-1]
    qtbot.waitUntil(lambda: demand_supply.chart is not None)  # drawn when its page is shown
    assert in_sight(demand_supply, page)  # at 1366 x 768, below the glance
    assert not in_sight(tornado, page)  # the tornado, far below
    tornado_before = tornado.chart.shown if tornado.chart is not None else None

    def needed() -> tuple[float, float]:
        points = demand_supply.chart.demand.points()
        return round(sum(p.y() for p in points[:9]), 6), round(sum(p.y() for p in points[9:]), 6)

    window.document.set_value("targets.win_rate", 0.5)  # 200 needed a year, as seasonal as before
    # v3, a 3-month cycle: this year's 200 are needed Jan-Sep; Oct-Dec need next year's start, $3M / $12,000
    # a lead / 12 x 3 = 62.5
    assert once_shown(qtbot, needed, (200, 62.5)) == (200, 62.5)
    run_what_is_due(qtbot)
    assert (tornado.chart.shown if tornado.chart is not None else None) == tornado_before  # waits to be scrolled to


def test_a_plan_of_thousands_of_channels_works_its_what_ifs_out_only_when_scrolled_to(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    import planner.numbers.sensitivity
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
    worked_out: list[int] = []
    real_sensitivity = planner.numbers.sensitivity.sensitivity

    def counted_sensitivity(*args: Any, **kwargs: Any) -> Any:
        worked_out.append(1)
        return real_sensitivity(*args, **kwargs)

    monkeypatch.setattr(planner.numbers.sensitivity, "sensitivity", counted_sensitivity)  # (what the engine calls)
    main.go_to_step(6)
    page = main.page(6)
    sensitivity = main.findChild(QTableView, "sensitivity")
    qtbot.waitUntil(lambda: main.findChild(QLabel, "review.verdict").isVisible())
    run_what_is_due(qtbot)
    # 2,400 drivers: not worked out while the table is below the fold
    assert not in_sight(sensitivity, page)
    assert worked_out == [] and sensitivity.model().rowCount() == 0
    page.ensureWidgetVisible(sensitivity)
    qtbot.waitUntil(lambda: sensitivity.model().rowCount() == len(main.document.result.sensitivity))
    assert sensitivity.model().rowCount() > 2400
    assert worked_out == [1]
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

    at_size(window, qtbot, 1366, 768)
    window.go_to_step(6)
    glance = window.page(6).glance
    verdict = window.findChild(QLabel, "review.verdict")
    window.document.set_value("targets.win_rate", 0.26)
    qtbot.waitUntil(lambda: verdict.height() == verdict.heightForWidth(verdict.width()))  # laid out
    run_what_is_due(qtbot)
    counter = LayoutRequests()
    from PySide6.QtWidgets import QWidget

    for widget in (glance.parentWidget(), *glance.findChildren(QWidget)):  # its fence, and all it holds
        widget.installEventFilter(counter)
    window.document.set_value("targets.win_rate", 0.27)  # new numbers, the same lines
    assert window.findChild(QLabel, "review.needed").text() == "370"
    run_what_is_due(qtbot)  # (what a layout asked for would be done now)
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
    at_size(window, qtbot, 1366, 768)
    window.go_to_step(6)
    glance = window.page(6).glance
    window.document.set_value("targets.win_rate", 0.26)
    qtbot.waitUntil(lambda: glance.verdict.height() == glance.verdict.heightForWidth(glance.verdict.width()))
    run_what_is_due(qtbot)
    changing = [glance.verdict, glance.figures["needed"], glance.figures["coverage"]]
    behind, painted = PaintedRegion(glance), [PaintedRegion(label) for label in changing]
    window.document.set_value("targets.win_rate", 0.27)  # a new verdict, 385 -> 370 needed, 75% -> 78%
    qtbot.waitUntil(lambda: all(label.regions for label in painted))  # repainted
    run_what_is_due(qtbot)  # (and the card, if it were to be)
    for label in changing:  # the card painted no pixel under them
        under = QRect(label.mapTo(glance, label.rect().topLeft()), label.size())
        assert all(not region.intersects(under) for region in behind.regions)
