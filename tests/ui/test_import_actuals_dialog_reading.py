"""File → Import actuals… with hostile files and files that need a word from the person (issue 28):
the file is read off the UI thread from its first byte, devices and pipes are refused before they
are opened, nothing is chosen silently (a column, a decimal mark), rows can be kept by a column,
and file names are shown as plain text."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QMessageBox, QPushButton, QRadioButton

from tests.ui.conftest import Dialogs
from tests.ui.helpers import run_what_is_due
from tests.ui.test_import_actuals_dialog import child, entries, open_import, press_import, preview
from ui.dialogs import import_actuals as import_actuals_dialog
from ui.dialogs.actuals_mapping_editor import CHOOSE
from ui.dialogs.import_actuals import ImportActualsDialog
from ui.main_window import MainWindow

Button = QMessageBox.StandardButton


def warnings(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def trigger(window: MainWindow, dialogs: Dialogs, path: Path | str) -> None:
    dialogs.open_path = str(path)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.findChild(QAction, "file.import_actuals").trigger()


def write(folder: Path, content: str | bytes, name: str = "export.csv") -> Path:
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


# --- item 3: off the UI thread, from the first byte ---------------------------------------------


def test_the_file_is_read_off_the_ui_thread_from_its_first_byte_with_progress(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "Month,SQLs\n2027-01,3\n")
    release = threading.Event()
    threads: list[bool] = []
    real_read = import_actuals_dialog.read_file

    def slow_read(file: str, progress: Any = None, cancelled: Any = None) -> bytes:
        threads.append(threading.current_thread() is threading.main_thread())
        progress(0.5)  # half the bytes: 15% of the bar (reading is its first 30%)
        assert release.wait(60)  # (the timeouts here only end a hang)
        return real_read(file, progress, cancelled)

    monkeypatch.setattr(import_actuals_dialog, "read_file", slow_read)
    trigger(window, dialogs, path)  # returns while the file is still being read
    dialog = window.findChild(ImportActualsDialog)
    assert dialog is not None and dialog.isVisible() and dialog.reading
    qtbot.waitUntil(lambda: dialog.progress.value() == 15)
    assert "Reading export.csv" in child(dialog, QLabel, "import.about").text()
    assert not child(dialog, QPushButton, "import.ok").isEnabled()
    release.set()
    qtbot.waitUntil(lambda: dialog.ready)
    assert threads == [False]
    assert preview(dialog)[1] == ["Jan 2027", "3"]


def test_closing_the_dialog_while_the_file_is_read_stops_the_reading(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "Month,SQLs\n2027-01,3\n")
    started, stopped = threading.Event(), threading.Event()

    def endless_read(file: str, progress: Any = None, cancelled: Any = None) -> bytes:
        started.set()
        while not cancelled():
            time.sleep(0.005)
        stopped.set()
        raise import_actuals_dialog.ReadCancelled

    monkeypatch.setattr(import_actuals_dialog, "read_file", endless_read)
    trigger(window, dialogs, path)
    dialog = window.findChild(ImportActualsDialog)
    assert dialog is not None and started.wait(60)
    dialog.reject()
    assert stopped.wait(60)
    run_what_is_due(qtbot)  # (the reader's last word reaches a dialog that is gone)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChild(ImportActualsDialog) is None
    assert warnings(window) == [] and window.document.plan.actuals == ()


def test_a_large_export_never_stops_the_window_from_painting(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    open_import(window, dialogs, write(tmp_path, "Month,SQLs\n2027-01,3\n", "small.csv"), qtbot).reject()
    rows = 500_000  # about 43 MB: read on the UI thread, it froze the window for seconds
    lines = ["Record ID,Deal Stage,Amount,Create Date,Close Date"]
    lines += [
        f"{n},{'closedwon' if n % 3 else 'closedlost'},{n % 900 + 100},2027-01-{n % 28 + 1:02d},2027-02-14"
        for n in range(rows)
    ]
    path = write(tmp_path, "\n".join(lines) + "\n", "deals.csv")
    trigger(window, dialogs, path)
    dialog = window.findChild(ImportActualsDialog)
    assert dialog is not None and not dialog.ready  # the dialog is up before the file is read
    seen: set[int] = set()
    dialog.progress.valueChanged.connect(seen.add)  # delivered by the window's own event loop
    qtbot.waitUntil(lambda: dialog.ready, timeout=120_000)
    # the window went on handling events while the rows were read: the progress bar moved on the way
    assert len(seen) >= 3, seen
    # 500,000 deals created in January; 333,333 of them won (n not a multiple of 3) on 14 Feb
    revenue = sum(n % 900 + 100 for n in range(rows) if n % 3)
    assert preview(dialog)[1:] == [["Jan 2027", "500,000", "0", "$0"], ["Feb 2027", "0", "333,333", f"${revenue:,}"]]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_a_device_and_a_folder_are_refused_at_once_and_never_opened(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    fifo = tmp_path / "export.csv"
    os.mkfifo(fifo)
    for path, says in ((fifo, "a device, a pipe or a socket"), ("/dev/zero", "a device"), (tmp_path, "is a folder")):
        trigger(window, dialogs, path)  # a pipe would hang the window for ever if it were opened here
        (box,) = warnings(window)
        assert says in box.text()
        box.close()
        assert window.findChild(ImportActualsDialog) is None


# --- item 7: plain text -------------------------------------------------------------------------


def test_a_file_name_that_looks_like_markup_is_shown_as_it_is(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    empty = write(tmp_path, b"", "<b>Q3 export.csv")
    trigger(window, dialogs, empty)
    qtbot.waitUntil(lambda: bool(warnings(window)))
    (box,) = warnings(window)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "“<b>Q3 export.csv” is empty: there are no rows to import."
    box.close()
    good = write(tmp_path, "Month,<i>SQLs</i>\n2027-01,3\n", "<b>Q4 export.csv")
    dialog = open_import(window, dialogs, good, qtbot)
    labels = [label for label in dialog.findChildren(QLabel) if "<" in label.text()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert child(dialog, QLabel, "import.about").text().startswith("<b>Q4 export.csv: 1 rows")


# --- item 4: columns, decimal marks, kept rows --------------------------------------------------


def test_when_two_columns_could_be_a_figure_the_person_picks_one_and_it_is_remembered(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, "Month,SQLs (cumulative),SQLs\n2027-01,10,10\n2027-02,25,15\n")
    dialog = open_import(window, dialogs, path, qtbot)
    combo = child(dialog, QComboBox, "import.column.sales_ready_leads")
    assert combo.currentText() == CHOOSE
    assert not child(dialog, QPushButton, "import.ok").isEnabled()
    assert "More than one column could be sales-ready leads: “SQLs”, “SQLs (cumulative)”" in dialog.report.text()
    assert dialog.preview.rowCount() == 0
    combo.setCurrentText("SQLs")
    qtbot.waitUntil(lambda: dialog.ready)
    assert preview(dialog)[1:] == [["Jan 2027", "10"], ["Feb 2027", "15"]]
    press_import(dialog, qtbot)
    assert entries(window) == [{"month": 1, "sales_ready_leads": 10}, {"month": 2, "sales_ready_leads": 15}]
    dialogs.answer = Button.Yes  # replace
    again = open_import(window, dialogs, path, qtbot)
    assert child(again, QComboBox, "import.column.sales_ready_leads").currentText() == "SQLs"
    assert again.ready


def test_a_figure_column_can_be_changed_or_left_out(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, "Month,SQLs,Revenue,Notes\n2027-01,10,500,12\n")
    dialog = open_import(window, dialogs, path, qtbot)
    child(dialog, QComboBox, "import.column.revenue").setCurrentText("(not imported)")
    child(dialog, QComboBox, "import.column.wins").setCurrentText("Notes")
    qtbot.waitUntil(lambda: dialog.ready)
    assert preview(dialog) == [["Month", "Sales-ready leads", "Wins"], ["Jan 2027", "10", "12"]]


def test_a_deals_export_with_two_amount_columns_asks_which_is_the_amount(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "Deal Stage,Amount,Amount in company currency,Create Date,Close Date\nclosedwon,100,90,2027-01-02,2027-01-09\n",
    )
    dialog = open_import(window, dialogs, path, qtbot)
    amount = child(dialog, QComboBox, "import.amount_column")
    assert amount.currentText() == CHOOSE
    assert "More than one column could be the amount of a win" in dialog.report.text()
    assert not child(dialog, QPushButton, "import.ok").isEnabled()
    amount.setCurrentText("Amount in company currency")
    qtbot.waitUntil(lambda: dialog.ready)
    assert preview(dialog)[1] == ["Jan 2027", "1", "1", "$90"]


def test_the_dialog_asks_whether_52_000_is_thousands_when_the_file_does_not_say_and_remembers(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, 'Month,Revenue,Cost\n2027-01,52.000,"1,250.75"\n')
    dialog = open_import(window, dialogs, path, qtbot)
    assert dialog.numbers_box.isVisibleTo(dialog)
    assert "“52.000” 52,000" in child(dialog, QLabel, "import.numbers_question").text()
    assert not child(dialog, QPushButton, "import.ok").isEnabled()
    child(dialog, QRadioButton, "import.decimal_comma").click()
    qtbot.waitUntil(lambda: dialog.ready)
    assert preview(dialog)[1] == ["Jan 2027", "$52,000", "$1,250.75"]
    press_import(dialog, qtbot)
    dialogs.answer = Button.Yes
    again = open_import(window, dialogs, path, qtbot)
    assert child(again, QRadioButton, "import.decimal_comma").isChecked() and again.ready


def test_a_utf16_tab_file_with_point_thousands_is_previewed_as_thousands(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, "Month\tRevenue\r\n2027-01\t52.000\r\n2027-02\t48.500\r\n".encode("utf-16"))
    dialog = open_import(window, dialogs, path, qtbot)
    assert not dialog.numbers_box.isVisibleTo(dialog)
    assert preview(dialog)[1:] == [["Jan 2027", "$52,000"], ["Feb 2027", "$48,500"]]


def test_only_the_new_business_rows_can_be_kept_and_the_choice_is_remembered(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "Deal Stage,Deal Type,Amount,Create Date,Close Date\n"
        "closedwon,New Business,40000,2027-01-05,2027-02-10\n"
        "closedwon,Renewal,90000,2027-01-06,2027-02-11\n",
    )
    dialog = open_import(window, dialogs, path, qtbot)
    assert preview(dialog)[2] == ["Feb 2027", "0", "2", "$130,000"]
    child(dialog, QComboBox, "import.only.column").setCurrentText("Deal Type")
    assert "New Business (1), Renewal (1)" in child(dialog, QLabel, "import.only.held").text()
    qtbot.keyClicks(child(dialog, QLineEdit, "import.only.values"), "New Business")
    qtbot.waitUntil(lambda: dialog.ready)
    assert preview(dialog)[1:] == [["Jan 2027", "1", "0", "$0"], ["Feb 2027", "0", "1", "$40,000"]]
    assert "1 row left out: only rows whose “Deal Type” is New Business count." in dialog.report.text()
    press_import(dialog, qtbot)
    dialogs.answer = Button.Yes
    again = open_import(window, dialogs, path, qtbot)
    assert child(again, QComboBox, "import.only.column").currentText() == "Deal Type"
    assert child(again, QLineEdit, "import.only.values").text() == "New Business"


def test_a_figure_the_plan_cannot_hold_is_previewed_as_skipped_never_imported(
    window: MainWindow, dialogs: Dialogs, qtbot: Any, tmp_path: Path
) -> None:
    path = write(tmp_path, "Month,SQLs,Revenue\n2027-01,5," + "9" * 309 + "\n2027-02,12000000,100\n")
    dialog = open_import(window, dialogs, path, qtbot)
    assert preview(dialog)[1:] == [["Jan 2027", "5", ""], ["Feb 2027", "", "$100"]]
    assert "is too large a number to use" in dialog.report.text()
    assert "row 3, SQLs: Actual sales-ready leads must be at most 10,000,000" in dialog.report.text()
    press_import(dialog, qtbot)
    assert entries(window) == [{"month": 1, "sales_ready_leads": 5}, {"month": 2, "revenue": 100}]
