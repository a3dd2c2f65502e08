"""File → Compare with…: last review's file against the open plan, in one sentence, one chart and
two tables, following the open plan as it is edited (message boxes and file dialogs patched).

The plans are PRODUCT.md's worked example (the sample): V = 0.6 x 0.25 x $40,000 = $6,000 a
sales-ready lead, 400 needed this year, 201 supplied in time (Jan-Sep), a gap of 199 and a
revenue gap of $1,194,000 (199 x $6,000). Last week's file has that win rate, 25%; the open plan
has 22%: V = 0.6 x 0.22 x $40,000 = $5,280, needed $2,400,000 / $5,280 = 454.55, the supply is
the same 201, so the gap is 253.55 and grew by 54.55 leads (55), and the revenue gap is
253.55 x $5,280 = $1,338,720, $144,720 more.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction

from planner.plan.sample import sample_text
from tests.ui.conftest import Dialogs
from tests.ui.helpers import field, laid_out, once_shown, retype, table_cuts
from ui.dialogs.compare import CompareDialog
from ui.main_window import MainWindow, create_window


def plan_file(folder: Path, name: str, **changes: Any) -> Path:
    """The sample plan saved as ``name``, with ``targets`` and ``basics`` changed as given."""
    data = json.loads(sample_text())
    for part, values in changes.items():
        data[part].update(values)
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def last_week(tmp_path: Path) -> Path:
    return plan_file(tmp_path, "acme-plan-2027-10-01.leadplan")  # win rate 25%


@pytest.fixture
def this_week(qtbot: Any, tmp_path: Path) -> MainWindow:
    """The app on this week's version: the sample with a win rate of 22%."""
    main = create_window(str(plan_file(tmp_path, "acme-plan-2027-10-08.leadplan", targets={"win_rate": 0.22})))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def compare_with(window: MainWindow, dialogs: Dialogs, path: Path, qtbot: Any) -> CompareDialog | None:
    """File → Compare with…, picking ``path`` in the (patched) file dialog."""
    dialogs.open_path = str(path)
    action = window.findChild(QAction, "file.compare")
    assert action is not None and action.text() == "&Compare with…"
    assert action.shortcut().toString() == "Ctrl+Shift+O"
    action.trigger()
    dialog = window.comparison
    if dialog is not None:
        qtbot.waitUntil(dialog.isVisible)
    return dialog


def cells(model: QAbstractItemModel) -> list[tuple[str, ...]]:
    header = tuple(model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount()))
    rows = [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]
    return [header, *rows]


def bars(dialog: CompareDialog) -> list[tuple[str, float, str, str]]:
    """The chart's rows as drawn: label, the bar's length (leads), its colour, the note after it."""
    return [(row.label, round(row.bars[0][0], 2), row.bars[0][1], row.note) for row in dialog.chart.rows]


# grew the gap (short of demand), shrank it (the supply's blue), did not move it or the move in all
RED, BLUE, GREY = "#C62828", "#1f5fa8", "#999999"


def test_last_weeks_file_says_in_one_sentence_what_moved_this_years_gap(
    this_week: MainWindow, last_week: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = compare_with(this_week, dialogs, last_week, qtbot)
    assert dialog is not None, dialogs.messages
    assert not dialog.isModal()
    assert dialog.windowTitle() == "Since the last review — acme-plan-2027-10-01.leadplan"
    # the date in the file's name; the one change alone explains the whole move, so "together" is 0
    assert dialog.sentence.text() == (
        "Since 1 Oct the plan is still Short; this year's gap grew by 55 sales-ready leads ($144,720): "
        "win rate 25% → 22% +55; together 0."
    )
    assert cells(dialog.changes_model) == [("Input", "Before", "Now"), ("Win rate", "25%", "22%")]
    # cost: 2 reps x $7,500 x 11 months + $6,000 x 12 of trade shows = $237,000 for 288 leads ($822.92);
    # hires (PRODUCT.md): r(1) = 90, r(2) = 78, r(3) = 66 leads a hire; 3 x 78 = 234 >= 198.5 but
    # < 253.05, so the latest start moves from Feb to Jan
    assert cells(dialog.answers_model) == [
        ("Answer", "Before", "Now"),
        ("Status", "Short", "Short"),
        ("This year's gap (sales-ready leads)", "199", "254"),
        ("Revenue gap", "$1,194,000", "$1,338,720"),
        ("Total cost", "$237,000", "$237,000"),
        ("Cost per sales-ready lead", "$823", "$823"),
        ("Inside reps to close the gap", "3", "3"),
        ("Latest start month", "Feb 2027", "Jan 2027"),
    ]
    assert bars(dialog) == [
        ("Win rate 25% → 22%", 54.55, RED, "+55 (+$144,720)"),
        ("Together (changes acting on each other)", 0.0, GREY, "0 ($0)"),
        ("In all", 54.55, GREY, "+55 (+$144,720)"),
    ]
    assert dialog.chart.labels_fit()


def test_each_change_is_a_bar_sorted_by_size_and_the_moves_add_up_as_the_sentence_says(
    window: MainWindow, tmp_path: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    # last week's plan had an agency of one rep (10 leads a month from month 1, no ramp) and spent
    # $5,000 a month on trade shows; the open plan (the sample) has no agency and spends $6,000
    data = json.loads(sample_text())
    data["labor"].append({"id": "agency", "name": "Agency SDRs", "kind": "outsourced", "headcount": 1,
                          "start_month": 1, "ramp_months": 0, "srl_per_person_month": 10,
                          "cost_per_person_month": 6000, "fee_per_srl": 0})  # fmt: skip
    data["channels"][1]["monthly_budget"] = 5000
    older = tmp_path / "acme-plan-2027-10-01.leadplan"
    older.write_text(json.dumps(data), encoding="utf-8")
    dialog = compare_with(window, dialogs, older, qtbot)
    assert dialog is not None, dialogs.messages
    # the agency's 10 leads x 9 in-time months (Jan-Sep) = 90 gone: +90 leads, +$540,000 (x $6,000);
    # trade shows: $1,000 more a month / $120 = 8.33 raw leads x 25% x 40% = 0.83 leads x 9 = 7.5 more:
    # -7.5, -$45,000; the two do not act on each other (together 0); in all +82.5 (+$495,000), which
    # the sentence says as 82 (half to even), so the trade shows' -7.5 is said -8: the lines add up
    assert dialog.sentence.text() == (
        "Since 1 Oct the plan is still Short; this year's gap grew by 82 sales-ready leads ($495,000): "
        "Agency SDRs removed +90; Trade shows: monthly budget $5,000 → $6,000 −8; together 0."
    )
    assert bars(dialog) == [
        ("Agency SDRs removed", 90.0, RED, "+90 (+$540,000)"),
        ("Trade shows: monthly budget $5,000 → $6,000", -7.5, BLUE, "−8 (−$45,000)"),
        ("Together (changes acting on each other)", 0.0, GREY, "0 ($0)"),
        ("In all", 82.5, GREY, "+82 (+$495,000)"),
    ]
    assert cells(dialog.changes_model) == [
        ("Input", "Before", "Now"),
        ("Agency SDRs (a resource)", "in the plan", "removed"),
        ("Trade shows: monthly budget", "$5,000", "$6,000"),
    ]
    assert laid_out(qtbot, lambda: table_cuts(dialog.changes) + table_cuts(dialog.answers)) == []
    assert dialog.chart.labels_fit()


def test_the_comparison_follows_the_open_plan_as_it_is_edited(
    this_week: MainWindow, last_week: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = compare_with(this_week, dialogs, last_week, qtbot)
    assert dialog is not None
    this_week.go_to_step(2)
    retype(qtbot, field(this_week, "targets.win_rate"), "20")
    # V = 0.6 x 0.20 x $40,000 = $4,800: 500 needed, a gap of 299 (100 more) and $1,435,200 (299 x $4,800)
    expected = (
        "Since 1 Oct the plan is still Short; this year's gap grew by 100 sales-ready leads ($241,200): "
        "win rate 25% → 20% +100; together 0."
    )
    assert once_shown(qtbot, dialog.sentence.text, expected) == expected
    assert cells(dialog.changes_model)[1] == ("Win rate", "25%", "20%")
    retype(qtbot, field(this_week, "targets.win_rate"), "25")
    nothing = "Since 1 Oct nothing changed: the plan is still Short."
    assert once_shown(qtbot, dialog.sentence.text, nothing) == nothing
    assert dialog.chart.rows == [] and not dialog.changes.isVisible()


def test_a_plan_compared_with_its_own_file_says_nothing_changed(
    this_week: MainWindow, dialogs: Dialogs, qtbot: Any
) -> None:
    assert this_week.document.path is not None
    dialog = compare_with(this_week, dialogs, this_week.document.path, qtbot)
    assert dialog is not None
    assert dialog.sentence.text() == "Since 8 Oct nothing changed: the plan is still Short."
    assert cells(dialog.changes_model) == [("Input", "Before", "Now")]
    assert not dialog.chart_column.isVisible() and not dialog.changes.isVisible()
    assert cells(dialog.answers_model)[2] == ("This year's gap (sales-ready leads)", "254", "254")


def test_a_damaged_file_is_refused_with_a_message_and_no_comparison_opens(
    this_week: MainWindow, tmp_path: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    broken = tmp_path / "broken.leadplan"
    broken.write_text("{not json", encoding="utf-8")
    assert compare_with(this_week, dialogs, broken, qtbot) is None
    [(kind, title, text)] = dialogs.messages
    assert (kind, title) == ("warning", "The plans were not compared")
    assert "broken.leadplan" in text and "not valid JSON" in text
    assert this_week.findChildren(CompareDialog) == []


def test_a_plan_in_another_currency_is_refused_and_an_open_comparison_stays(
    this_week: MainWindow, last_week: Path, tmp_path: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = compare_with(this_week, dialogs, last_week, qtbot)
    assert dialog is not None
    euros = plan_file(tmp_path, "acme-eur.leadplan", basics={"currency": "EUR"})
    assert compare_with(this_week, dialogs, euros, qtbot) is dialog
    [(kind, title, text)] = dialogs.messages
    assert (kind, title) == ("warning", "The plans were not compared")
    assert text.startswith("The two plans are in different currencies (EUR and USD)")
    assert dialog.isVisible() and dialog.sentence.text().startswith("Since 1 Oct")


def test_a_plan_of_other_months_or_a_newer_version_is_refused(
    this_week: MainWindow, tmp_path: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    later = plan_file(tmp_path, "next-year.leadplan", basics={"start_month": "2028-01"})
    newer = tmp_path / "from-the-future.leadplan"
    newer.write_text(sample_text().replace('"version": 3', '"version": 99'), encoding="utf-8")
    assert compare_with(this_week, dialogs, later, qtbot) is None
    assert compare_with(this_week, dialogs, newer, qtbot) is None
    first, second = dialogs.texts("warning")
    assert first.startswith("The two plans cover different months")
    assert "newer" in second
    assert this_week.findChildren(CompareDialog) == []


def test_an_open_plan_with_problems_says_so_instead_of_comparing(
    qtbot: Any, tmp_path: Path, last_week: Path, dialogs: Dialogs
) -> None:
    data = json.loads(sample_text())
    data["channels"].append({"name": "Outbound email", "type": "email", "owner": "ldr", "share": 0.7})
    shares = tmp_path / "shares.leadplan"
    shares.write_text(json.dumps(data), encoding="utf-8")
    window = create_window(str(shares))  # opened all the same, with its warning
    qtbot.addWidget(window)
    assert compare_with(window, dialogs, last_week, qtbot) is None
    [text] = dialogs.texts("warning")
    assert text == (
        "The open plan has problems to fix before it can be compared:\n"
        "• Channel shares of Inside lead development reps add to 140%; they may not exceed 100%"
    )


def test_opening_another_plan_closes_the_comparison(
    this_week: MainWindow, last_week: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = compare_with(this_week, dialogs, last_week, qtbot)
    assert dialog is not None
    this_week.open_plan(str(last_week))
    assert this_week.comparison is None
    assert not dialog.isVisible()


def test_an_open_plan_moved_to_another_currency_is_explained_in_the_dialog(
    this_week: MainWindow, last_week: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = compare_with(this_week, dialogs, last_week, qtbot)
    assert dialog is not None
    this_week.go_to_step(0)
    retype(qtbot, field(this_week, "basics.currency"), "EUR")
    said = (
        "The two plans are in different currencies (USD and EUR), so their money cannot be compared. "
        "Compare two versions of the same plan."
    )
    assert once_shown(qtbot, dialog.sentence.text, said) == said
    assert not dialog.body.isVisible() and dialog.export_older() is None
    assert dialogs.messages == []  # said in the dialog, not in a message box


def test_an_export_made_while_the_comparison_is_open_says_what_changed_since(
    this_week: MainWindow, last_week: Path, tmp_path: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = compare_with(this_week, dialogs, last_week, qtbot)
    assert dialog is not None
    this_week.go_to_step(2)
    retype(qtbot, field(this_week, "targets.win_rate"), "20")  # the export compares the plan it writes
    dialogs.save_path = str(tmp_path / "report")
    with qtbot.waitSignal(this_week.exporter.done, timeout=60_000) as done:  # (the timeout only ends a hang)
        this_week.findChild(QAction, "file.export_html").trigger()
    assert done.args == ["html", str(tmp_path / "report.html")]
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    # as in the test above: win rate 25% -> 20% grows the gap by 100 leads, $241,200
    line = (
        "Since 1 Oct the plan is still Short; this year&#39;s gap grew by 100 sales-ready leads ($241,200): "
        "win rate 25% → 20% +100; together 0."
    )
    assert f'<p id="since-line" class="since-line">{line}</p>' in report  # the memo's page 1
    assert '<h2 id="since-heading">Since the last review</h2>' in report

    dialog.reject()  # closed: the next export is the plan alone
    with qtbot.waitSignal(this_week.exporter.done, timeout=60_000):
        this_week.findChild(QAction, "file.export_html").trigger()
    assert "Since 1 Oct" not in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_a_name_that_looks_like_markup_is_shown_as_the_text_it_is(
    window: MainWindow, tmp_path: Path, dialogs: Dialogs, qtbot: Any
) -> None:
    data = json.loads(sample_text())
    data["labor"][0]["name"] = "<b>Old</b> reps"
    older = tmp_path / "renamed-2027-10-01.leadplan"
    older.write_text(json.dumps(data), encoding="utf-8")
    dialog = compare_with(window, dialogs, older, qtbot)
    assert dialog is not None
    assert dialog.sentence.textFormat() == Qt.TextFormat.PlainText
    assert "name <b>Old</b> reps → Inside lead development reps 0" in dialog.sentence.text()
    assert cells(dialog.changes_model)[1] == ("Inside lead development reps: name", "<b>Old</b> reps",
                                              "Inside lead development reps")  # fmt: skip
