"""Horizontal bars drawn by hand, one row per label, so no label is ever cut.

Each row's label wraps inside a label column as wide as the longest word needs (up to
45% of the width); the bars use the rest. Two scales: ``log`` (the funnel: raw leads and
wins on one chart, every stage visible) and ``diverging`` (the tornado: changes either
side of zero, with round ticks labelled ``+10``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from planner.numbers.axis import nice_ticks
from ui.charts.base import LABEL_SIZE, LegendLabel, chart_title_label, font, size_label
from ui.charts.ticks import short_number
from ui.style import BORDER, MUTED, TEXT

WRAP = Qt.TextFlag.TextWordWrap
GAP = 12


@dataclass(frozen=True)
class BarRow:
    label: str
    bars: tuple[tuple[float, str], ...]  # (value, colour) drawn one under the other
    note: str = ""  # written after the bar ("4,000")


class BarRowsChart(QWidget):
    """Rows of labelled bars; ``scale`` is "log" or "diverging"."""

    def __init__(self, title: str, name: str, scale: str, axis_title: str = "",
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(title)
        self.scale = scale
        self.axis_title = axis_title
        self.rows: list[BarRow] = []
        self.title_label = chart_title_label(title, name)
        self.legend_label: LegendLabel | None = LegendLabel(name) if scale == "diverging" else None
        self.label_size = LABEL_SIZE
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(200)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)

    # --- what is shown -------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.setAccessibleName(title)

    def set_type_size(self, title: int, labels: int) -> None:
        self.label_size = labels
        size_label(self.title_label, title, bold=True)
        if self.legend_label is not None:
            size_label(self.legend_label, labels - 1)
        self.updateGeometry()
        self.update()

    def show_rows(self, rows: Sequence[BarRow]) -> None:
        rows = list(rows)
        if rows != self.rows:
            self.rows = rows
            self.updateGeometry()
            self.update()

    def labels(self) -> list[str]:
        return [row.label for row in self.rows]

    # --- geometry --------------------------------------------------------------------------
    def metrics(self) -> QFontMetrics:
        return QFontMetrics(font(self.label_size))

    def label_width(self, width: int) -> int:
        """Wide enough for every label's longest word, and for whole labels where there is room."""
        metrics = self.metrics()
        words = [metrics.horizontalAdvance(w) for row in self.rows for w in row.label.split()] or [0]
        whole = [metrics.horizontalAdvance(row.label) for row in self.rows] or [0]
        return int(max(max(words), min(max(whole), width * 0.45))) + 4

    def row_height(self, label_width: int) -> int:
        metrics = self.metrics()
        tallest = max(
            (metrics.boundingRect(0, 0, label_width, 10_000, int(WRAP), row.label).height() for row in self.rows),
            default=metrics.height(),
        )
        bars = max((len(row.bars) for row in self.rows), default=1)
        return max(tallest + 8, bars * (metrics.height() // 2 + 8) + 10)

    def axis_height(self) -> int:
        if self.scale != "diverging":
            return self.metrics().height() + 8
        return self.metrics().height() * (2 if self.axis_title else 1) + 14

    def heightForWidth(self, width: int) -> int:
        return len(self.rows) * self.row_height(self.label_width(width)) + self.axis_height() + 8

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        return QSize(480, self.heightForWidth(480))

    def minimumSizeHint(self) -> QSize:
        """Narrower than this, the labels' longest words would not fit beside the bars."""
        metrics = self.metrics()
        words = [metrics.horizontalAdvance(w) for row in self.rows for w in row.label.split()] or [0]
        return QSize(max(words) + 180, 200)

    def labels_fit(self) -> bool:
        """Every label shown whole in the room it is given (for tests)."""
        width = self.label_width(self.width())
        height = self.row_height(width)
        metrics = self.metrics()
        return all(
            metrics.boundingRect(0, 0, width, 10_000, int(WRAP), row.label).height() <= height
            and max((metrics.horizontalAdvance(w) for w in row.label.split()), default=0) <= width
            for row in self.rows
        )

    # --- scales ----------------------------------------------------------------------------
    def reach(self) -> float:
        return max((abs(v) for row in self.rows for v, _ in row.bars), default=0.0)

    def ticks(self, room: float) -> list[float]:
        most = int(max(2, min(6, room // (self.metrics().horizontalAdvance("+00.0k") * 1.8))))
        reach = nice_ticks(self.reach() or 1.0, max(1, most // 2))
        return [-v for v in reversed(reach[1:])] + reach

    def x_of(self, value: float, left: float, room: float, ticks: list[float]) -> float:
        if self.scale == "log":
            top = math.log10(max(self.reach(), 1.0) + 1)
            return left + room * math.log10(max(value, 0.0) + 1) / (top or 1.0)
        low, high = ticks[0], ticks[-1]
        return left + room * (value - low) / ((high - low) or 1.0)

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font(self.label_size))
        metrics = self.metrics()
        label_width = self.label_width(self.width())
        row_height = self.row_height(label_width)
        if self.rows:  # rows share the height given, up to twice their least
            spare = (self.height() - self.axis_height() - 8) / len(self.rows)
            row_height = int(max(row_height, min(spare, row_height * 2)))
        left = label_width + GAP
        notes = max((metrics.horizontalAdvance(row.note) for row in self.rows), default=0)
        room = max(20.0, self.width() - left - notes - GAP * 2)
        ticks = self.ticks(room) if self.scale == "diverging" else []
        top = 4
        for index, row in enumerate(self.rows):
            y = top + index * row_height
            painter.setPen(QColor(TEXT))
            painter.drawText(QRectF(0, y, label_width, row_height),
                             int(WRAP | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), row.label)  # fmt: skip
            bar_height = (row_height - 10) / max(1, len(row.bars))
            end = left
            for number, (value, color) in enumerate(row.bars):
                start = self.x_of(0.0, left, room, ticks) if self.scale == "diverging" else left
                stop = self.x_of(value, left, room, ticks)
                if self.scale == "log":
                    stop = max(stop, left + 3)  # a stage of a few wins still shows
                x0, x1 = sorted((start, stop))
                painter.fillRect(QRectF(x0, y + 5 + number * bar_height, x1 - x0, bar_height - 2), QColor(color))
                end = max(end, x1)
            if row.note:
                painter.setPen(QColor(TEXT))
                painter.drawText(QRectF(end + 6, y, notes + GAP, row_height),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), row.note)  # fmt: skip
        bottom = top + len(self.rows) * row_height
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.drawLine(int(left), top, int(left), bottom)
        painter.setPen(QColor(MUTED))
        if self.scale == "diverging":
            zero = self.x_of(0.0, left, room, ticks)
            painter.setPen(QPen(QColor(MUTED), 1))
            painter.drawLine(int(zero), top, int(zero), bottom)
            for value in ticks:
                x = self.x_of(value, left, room, ticks)
                text = short_number(value, signed=True)
                half = metrics.horizontalAdvance(text) / 2 + 2
                painter.drawText(QRectF(x - half, bottom + 4, half * 2, metrics.height()),
                                 int(Qt.AlignmentFlag.AlignCenter), text)  # fmt: skip
            if self.axis_title:
                painter.drawText(QRectF(left, bottom + metrics.height() + 6, room, metrics.height() + 4),
                                 int(Qt.AlignmentFlag.AlignCenter), self.axis_title)  # fmt: skip
        elif self.axis_title:
            painter.drawText(QRectF(left, bottom + 4, self.width() - left, metrics.height() + 4),
                             int(Qt.AlignmentFlag.AlignLeft), self.axis_title)  # fmt: skip
        painter.end()
