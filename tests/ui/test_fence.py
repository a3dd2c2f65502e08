"""A fenced part laid out only when one of its texts needs other room (ui/widgets/fence.py, ``watch``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tests.ui.helpers import run_what_is_due
from ui.widgets.fence import Fence


class CountingLayout(QVBoxLayout):
    """Counts the times it lays its widgets out."""

    count = 0

    def setGeometry(self, rect: Any) -> None:
        self.count += 1
        super().setGeometry(rect)


def make(qtbot: Any) -> tuple[QWidget, Fence, QLabel, QLabel]:
    window = QWidget()
    qtbot.addWidget(window)
    outer = QVBoxLayout(window)
    inner_part = QWidget()
    inner = CountingLayout(inner_part)
    figure, words = QLabel("400"), QLabel("Short: 288 of 400")
    words.setWordWrap(True)
    inner.addWidget(figure)
    inner.addWidget(words)
    part = Fence(inner_part, keep_room=False, watch=[figure, words])
    outer.addWidget(part)
    outer.addStretch(1)
    window.resize(300, 400)
    window.show()
    qtbot.waitExposed(window)
    return window, part, figure, words


def test_new_text_of_the_same_room_lays_out_nothing(qtbot: Any) -> None:
    _window, part, figure, words = make(qtbot)
    qtbot.waitUntil(lambda: words.height() == words.heightForWidth(words.width()))  # laid out once shown
    run_what_is_due(qtbot)  # (and what the window left to lay out after it was shown)
    layout = part.inner.layout()
    laid_out = layout.count
    figure.setText("401")
    words.setText("Short: 289 of 401")
    part.fit()
    run_what_is_due(qtbot)  # (a layout it asked for would be done now)
    assert layout.count == laid_out
    assert (figure.text(), words.text()) == ("401", "Short: 289 of 401")


def test_text_that_needs_more_lines_gets_them_and_gives_them_back(qtbot: Any) -> None:
    _window, part, _figure, words = make(qtbot)
    one_line = words.height()
    words.setText("Short: the plan supplies 288 of the 400 sales-ready leads needed; behind every month")
    part.fit()
    qtbot.waitUntil(lambda: words.height() == words.heightForWidth(words.width()) > one_line)
    words.setText("Short: 288 of 400")
    part.fit()
    qtbot.waitUntil(lambda: words.height() == one_line)


def test_a_wider_figure_gets_its_room(qtbot: Any) -> None:
    _window, part, figure, _words = make(qtbot)
    figure.setText("$21,728,467,062 and more words than the figure had")
    part.fit()
    qtbot.waitUntil(lambda: figure.width() >= figure.sizeHint().width())


def test_it_follows_its_width(qtbot: Any) -> None:
    window, part, _figure, words = make(qtbot)
    words.setText("Short: the plan supplies 288 of the 400 sales-ready leads needed; behind every month")
    part.fit()
    qtbot.waitUntil(lambda: words.height() == words.heightForWidth(words.width()))
    tall = words.height()
    window.resize(900, 400)
    qtbot.waitUntil(lambda: words.width() > 800)
    assert words.height() == words.heightForWidth(words.width()) < tall
