"""Text is data: markup, formulas, long, right-to-left and emoji text typed in the app comes back
unchanged from the file and from both exports, never as markup or a formula."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QPlainTextEdit, QPushButton, QTableView, QWidget

from exports.excel import write_workbook
from exports.html_report import write_report
from planner.plan.plan_file import read_plan
from tests.ui.helpers import field
from ui.main_window import MainWindow

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # woman, woman, girl, boy joined by ZWJ
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"
COMPANY = '<b>&"</b> شركة الأمل ' + FAMILY
RESOURCE = "=SUM(A1)"
CHANNEL = "+1 @x שלום " + RAINBOW_FLAG
RISK = "@x <img src=x onerror=alert(1)> مرحبا"
NOTES = ("שלום עולם " + RAINBOW_FLAG + ' <script>alert(1)</script> =HYPERLINK("x") ') * 400
NOTES = NOTES[: 20_000 - len(FAMILY)] + FAMILY
assert len(NOTES) == 20_000


def paste(qtbot: Any, widget: QWidget, text: str) -> None:
    """Put the text on the clipboard and paste it over the widget's text with Ctrl+V."""
    QApplication.clipboard().setText(text)
    widget.setFocus()
    widget.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def paste_in_cell(qtbot: Any, view: QTableView | QListView, row: int, text: str, open_editor: bool = True) -> None:
    if open_editor:
        view.setCurrentIndex(view.model().index(row, 0))
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    paste(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState)


def type_hostile_text(window: MainWindow, qtbot: Any) -> None:
    window.go_to_step(0)
    company = field(window, "basics.company")
    company.setFocus()
    company.selectAll()
    qtbot.keyClicks(company, '<b>&"</b> ')  # typed key by key
    QApplication.clipboard().setText(COMPANY.removeprefix('<b>&"</b> '))
    qtbot.keyClick(company, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # and the rest pasted
    window.go_to_step(1)
    paste(qtbot, window.findChild(QPlainTextEdit, "diagnosis.notes"), NOTES)
    window.go_to_step(3)
    paste_in_cell(qtbot, window.findChild(QTableView, "labor"), 0, RESOURCE)
    window.go_to_step(4)
    paste_in_cell(qtbot, window.findChild(QTableView, "channels"), 0, CHANNEL)
    window.go_to_step(5)
    qtbot.mouseClick(window.findChild(QPushButton, "review.risks.add"), Qt.MouseButton.LeftButton)
    paste_in_cell(qtbot, window.findChild(QListView, "review.risks"), 0, RISK, open_editor=False)


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def test_hostile_text_survives_the_app_the_file_and_both_exports_unchanged(
    window: MainWindow, qtbot: Any, sample_file: Path, tmp_path: Path
) -> None:
    type_hostile_text(window, qtbot)
    plan = window.document.plan
    assert plan.basics.company == COMPANY
    assert plan.diagnosis.notes == NOTES
    assert plan.labor[0].name == RESOURCE
    assert plan.channels[0].name == CHANNEL
    assert plan.review.risks == (RISK,)
    assert window.findChild(QTableView, "labor").model().index(0, 0).data() == RESOURCE

    assert window.save()
    assert read_plan(sample_file).plan == plan
    assert window.open_plan(str(sample_file))
    window.go_to_step(0)
    assert field(window, "basics.company").text() == COMPANY
    assert window.document.plan == plan

    page = Page()
    page.feed(write_report(plan, tmp_path / "report.html").read_text(encoding="utf-8"))
    shown = "".join(page.texts)
    for text in (COMPANY, CHANNEL, RISK, NOTES, RESOURCE):
        assert text in shown
    assert not {"b", "img"} & set(page.tags)
    assert page.tags.count("script") == 0

    book = load_workbook(write_workbook(plan, tmp_path / "plan.xlsx"))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]
    for text in (COMPANY, CHANNEL, RISK, RESOURCE):
        holding = [cell for cell in cells if cell.value == text]
        assert holding, f"no cell holds {text!r}"
        assert all(cell.data_type == "s" for cell in holding)
    formulas = [cell.value for cell in cells if cell.data_type == "f"]
    assert formulas  # the workbook's own calculations are formulas...
    assert not any("SUM(A1)" in f or "alert" in f or "HYPERLINK" in f for f in formulas)  # ...the user's text never
