"""File → Import actuals…: the dialog maps a CRM export, previews the months, asks what it must
and puts the actuals in the plan as one undo step (message boxes and file dialogs patched)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QMessageBox, QPushButton, QRadioButton

from tests.ui.conftest import Dialogs
from tests.ui.helpers import run_what_is_due
from ui.dialogs import import_actuals as import_actuals_dialog
from ui.dialogs.import_actuals import ImportActualsDialog
from ui.main_window import MainWindow
from ui.widgets.wheel_guard import WheelGuarded

DATA = Path(__file__).resolve().parents[1] / "data"
Button = QMessageBox.StandardButton


def open_import(window: MainWindow, dialogs: Dialogs, path: Path, qtbot: Any) -> ImportActualsDialog:
    """File → Import actuals…, picking ``path`` in the (patched) file dialog."""
    dialogs.open_path = str(path)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # a dialog closed before is gone
    action = window.findChild(QAction, "file.import_actuals")
    assert action is not None and action.text() == "&Import actuals…"
    action.trigger()
    dialog = window.findChild(ImportActualsDialog)
    assert dialog is not None, dialogs.messages
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: not dialog.reading)  # the file is read off the UI thread
    return dialog


def preview(dialog: ImportActualsDialog) -> list[list[str]]:
    model = dialog.preview
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cells = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    return [header, *cells]


def child(dialog: ImportActualsDialog, kind: type, name: str) -> Any:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def press_import(dialog: ImportActualsDialog, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: dialog.ready)
    child(dialog, QPushButton, "import.ok").click()


def entries(window: MainWindow) -> list[dict[str, Any]]:
    figures = ("sales_ready_leads", "opportunities", "wins", "revenue", "cost")
    return [
        {"month": a.month, **{f: getattr(a, f) for f in figures if getattr(a, f) is not None}}
        for a in window.document.plan.actuals
    ]


COLUMNS = ("month", "sales_ready_leads", "opportunities", "wins", "revenue", "cost")
MONTHLY = [
    {"month": 1, "sales_ready_leads": 28, "opportunities": 14, "wins": 3, "revenue": 120_000, "cost": 21_500},
    {"month": 2, "sales_ready_leads": 31, "opportunities": 17, "wins": 4, "revenue": 158_500.5, "cost": 22_000},
    {"month": 3, "sales_ready_leads": 35, "wins": 5, "revenue": 201_250},
]


def test_a_monthly_totals_file_is_previewed_and_imported_as_one_undo_step(
    window: MainWindow, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = open_import(window, dialogs, DATA / "actuals_monthly.csv", qtbot)
    assert dialog.mapping_box is None  # monthly totals: no rows to map, the columns are shown instead
    assert {what: child(dialog, QComboBox, f"import.column.{what}").currentText() for what in COLUMNS} == {
        "month": "Month",
        "sales_ready_leads": "Sales-ready leads",
        "opportunities": "Opportunities",
        "wins": "Closed won",
        "revenue": "Bookings",
        "cost": "Spend",
    }
    assert preview(dialog) == [
        ["Month", "Sales-ready leads", "Opportunities", "Wins", "Revenue", "Cost"],
        ["Jan 2027", "28", "14", "3", "$120,000", "$21,500"],
        ["Feb 2027", "31", "17", "4", "$158,500.50", "$22,000"],
        ["Mar 2027", "35", "", "5", "$201,250", ""],  # not reported: empty, not 0
    ]
    press_import(dialog, qtbot)
    assert entries(window) == MONTHLY
    assert window.windowTitle().endswith("*")
    assert window.document.undo_stack.undoText() == "Import actuals from actuals_monthly.csv"
    window.document.undo_stack.undo()
    assert window.document.plan.actuals == ()
    window.document.undo_stack.redo()
    assert entries(window) == MONTHLY


def test_a_hubspot_deals_export_is_mapped_and_the_preview_follows_the_mapping(
    window: MainWindow, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = open_import(window, dialogs, DATA / "hubspot_deals.csv", qtbot)
    assert child(dialog, QComboBox, "import.stage_column").currentText() == "Deal Stage"
    assert child(dialog, QComboBox, "import.wins.date").currentText() == "Close Date"
    assert child(dialog, QComboBox, "import.amount_column").currentText() == "Amount"
    assert all(
        isinstance(combo, WheelGuarded) for combo in dialog.findChildren(QComboBox)
    )  # not changed by the wheel unfocused
    assert "closedwon (4)" in child(dialog, type(dialog.report), "import.stages").text()
    assert preview(dialog)[1:] == [
        ["Jan 2027", "2", "0", "$0"],
        ["Feb 2027", "2", "1", "$40,000"],
        ["Mar 2027", "2", "3", "$53,000.50"],
    ]
    assert "1 row dated outside the plan's months (2026-12)" in dialog.report.text()
    # count lost deals as the "wins" instead, and no opportunities: the preview follows
    child(dialog, QCheckBox, "import.opportunities.count").setChecked(False)
    values = child(dialog, QLineEdit, "import.wins.values")
    values.clear()
    qtbot.keyClicks(values, "closedlost")
    qtbot.waitUntil(lambda: dialog.ready)
    assert preview(dialog) == [["Month", "Wins", "Revenue"], ["Feb 2027", "1", "$8,000"]]  # Dowel Supply
    press_import(dialog, qtbot)
    assert entries(window) == [{"month": 2, "wins": 1, "revenue": 8000}]


def test_the_mapping_is_remembered_for_a_file_with_the_same_header(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    dialog = open_import(window, dialogs, DATA / "hubspot_deals.csv", qtbot)
    child(dialog, QComboBox, "import.amount_column").setCurrentText("(none)")
    child(dialog, QCheckBox, "import.opportunities.count").setChecked(False)
    press_import(dialog, qtbot)
    next_export = Path(shutil.copy(DATA / "hubspot_deals.csv", tmp_path / "april deals.csv"))
    dialogs.answer = Button.Yes  # replace
    again = open_import(window, dialogs, next_export, qtbot)
    assert again is not dialog
    assert child(again, QComboBox, "import.amount_column").currentText() == "(none)"
    assert not child(again, QCheckBox, "import.opportunities.count").isChecked()
    assert preview(again)[0] == ["Month", "Wins"]


def test_an_ambiguous_date_order_is_asked_before_anything_is_imported(
    window: MainWindow, dialogs: Dialogs, qtbot: Any
) -> None:
    dialog = open_import(window, dialogs, DATA / "ambiguous_dates.csv", qtbot)
    assert dialog.order_box.isVisibleTo(dialog)
    assert "03/01/2027" in child(dialog, type(dialog.report), "import.question").text()
    assert not child(dialog, QPushButton, "import.ok").isEnabled()
    assert dialog.preview.rowCount() == 0
    child(dialog, QRadioButton, "import.day_first").click()
    # created 3 Jan, 5 Feb, 7 Mar; won 4 Feb ($52,000) and 6 Mar ($14,000)
    assert preview(dialog)[1:] == [
        ["Jan 2027", "1", "0", "$0"],
        ["Feb 2027", "1", "1", "$52,000"],
        ["Mar 2027", "1", "1", "$14,000"],
    ]
    press_import(dialog, qtbot)
    assert [a["month"] for a in entries(window)] == [1, 2, 3]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (
            Button.No,
            [*MONTHLY[:2], {"month": 3, "sales_ready_leads": 35, "opportunities": 16, "wins": 5, "revenue": 210_000}],
        ),
        (Button.Yes, [{"month": 3, "opportunities": 16, "revenue": 210_000}]),
    ],
    ids=["merge", "replace"],
)
def test_importing_over_actuals_asks_to_replace_or_merge(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path, answer: Button, expected: list[dict[str, Any]]
) -> None:
    press_import(open_import(window, dialogs, DATA / "actuals_monthly.csv", qtbot), qtbot)
    update = tmp_path / "march.csv"
    update.write_text("Month,Opportunities,Revenue\nMar 2027,16,210000\n")
    dialogs.answer = answer
    press_import(open_import(window, dialogs, update, qtbot), qtbot)
    assert "already has actuals for 3 months" in dialogs.texts("question")[-1]
    assert entries(window) == expected
    window.document.undo_stack.undo()  # one step back: the first import, as it was
    assert entries(window) == MONTHLY


def test_cancelling_the_replace_or_merge_question_changes_nothing(
    window: MainWindow, dialogs: Dialogs, qtbot: Any
) -> None:
    press_import(open_import(window, dialogs, DATA / "actuals_monthly.csv", qtbot), qtbot)
    dialogs.answer = Button.Cancel
    dialog = open_import(window, dialogs, DATA / "outside_horizon.csv", qtbot)
    press_import(dialog, qtbot)
    assert dialog.isVisible()
    assert entries(window) == MONTHLY


def warnings(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


@pytest.mark.parametrize(
    ("content", "says"), [(b"", "is empty"), (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a CSV")]
)
def test_a_file_that_cannot_be_read_is_explained_and_no_dialog_stays(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path, qtbot: Any, content: bytes, says: str
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    dialogs.open_path = str(path)
    window.findChild(QAction, "file.import_actuals").trigger()
    qtbot.waitUntil(lambda: bool(warnings(window)))  # read off the UI thread: the answer comes later
    (box,) = warnings(window)
    assert says in box.text() and box.textFormat() == Qt.TextFormat.PlainText
    box.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChild(ImportActualsDialog) is None
    assert window.document.plan.actuals == ()


def test_a_mapping_that_counts_nothing_cannot_be_imported(window: MainWindow, dialogs: Dialogs, qtbot: Any) -> None:
    dialog = open_import(window, dialogs, DATA / "hubspot_deals.csv", qtbot)
    for figure in ("opportunities", "wins"):
        child(dialog, QCheckBox, f"import.{figure}.count").setChecked(False)
    qtbot.waitUntil(lambda: "counts nothing" in dialog.report.text())  # (counted again once the choices settle)
    assert not child(dialog, QPushButton, "import.ok").isEnabled()


def test_a_large_file_is_counted_off_the_ui_thread(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_actuals_dialog, "BACKGROUND_ROWS", 0)
    dialog = open_import(window, dialogs, DATA / "salesforce_opportunities.csv", qtbot)
    qtbot.waitUntil(lambda: dialog.ready)
    assert preview(dialog)[1] == ["Jan 2027", "3", "1", "$52,000"]


def test_the_date_order_said_for_a_header_is_taken_again_next_time(
    window: MainWindow, dialogs: Dialogs, qtbot: Any
) -> None:
    first = open_import(window, dialogs, DATA / "ambiguous_dates.csv", qtbot)
    child(first, QRadioButton, "import.month_first").click()
    press_import(first, qtbot)
    dialogs.answer = Button.Yes  # replace
    again = open_import(window, dialogs, DATA / "ambiguous_dates.csv", qtbot)
    assert child(again, QRadioButton, "import.month_first").isChecked()
    assert [row[0] for row in preview(again)[1:]] == ["Mar 2027", "Apr 2027", "May 2027", "Jun 2027", "Jul 2027"]
    assert again.ready


def test_closing_the_dialog_while_a_large_file_is_counted_is_safe(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_actuals_dialog, "BACKGROUND_ROWS", 0)
    dialog = open_import(window, dialogs, DATA / "hubspot_deals.csv", qtbot)
    dialog.reject()
    assert QThreadPool.globalInstance().waitForDone(60_000)  # (the timeout only ends a hang)
    run_what_is_due(qtbot)  # the count's result arrives for a dialog that is gone: dropped
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChild(ImportActualsDialog) is None
    assert window.document.plan.actuals == ()


def test_the_track_step_imports_with_a_button_of_its_own(window: MainWindow, dialogs: Dialogs, qtbot: Any) -> None:
    window.go_to_step(7)
    button = window.findChild(QPushButton, "track.import")
    assert button.isVisible() and button.text() == "Import from a CSV file…"
    dialogs.open_path = str(DATA / "actuals_monthly.csv")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the same as File → Import actuals…
    dialog = window.findChild(ImportActualsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.reading)
    press_import(dialog, qtbot)
    assert entries(window) == MONTHLY


def test_importing_over_actuals_asks_in_words_a_sales_leader_uses(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_import(open_import(window, dialogs, DATA / "actuals_monthly.csv", qtbot), qtbot)
    asked: list[tuple[str, dict[Any, str]]] = []

    def ask(_parent: Any, _title: str, text: str, buttons: dict[Any, str], _default: Any) -> Any:
        asked.append((text, buttons))
        return Button.No

    monkeypatch.setattr("ui.files.ask", ask)
    press_import(open_import(window, dialogs, DATA / "actuals_monthly.csv", qtbot), qtbot)
    [(text, buttons)] = asked
    assert text.startswith("The plan already has actuals for 3 months. Replace all of them with the file's")
    assert buttons[Button.Yes] == "Replace all actuals with the file's"
    assert buttons[Button.No] == "Add the file's figures, keep the others"
    assert not any(word in " ".join(buttons.values()).lower() for word in ("merge", "replace/"))
