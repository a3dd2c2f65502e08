"""The red blocks on the supply chart: on each month's bar, from the supply up to the demand.

One item over the bars, painted by us rather than QtCharts, for what an edit repaints. A new win
rate moves the tops of the blocks and nothing else. A QtCharts area asked the view to repaint
every block down to its base, the whole height the supply spans (724 x 190 pixels on the large
plan, 1.3 ms). This item asks for the band the tops moved through, as the demand line does:
about half of that. Blocks whose base moved (the supply changed) are repainted whole.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QAbstractSeries, QChart
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem

Block = tuple[float, float]  # a month's (base, top) in the chart's values; base == top: none


def blocks_of(supplied: list[float], short: list[float]) -> list[Block]:
    """Each month's block: from the supply up by the shortfall (none where it is not short)."""
    return [(base, base + max(0.0, gap)) for base, gap in zip(supplied, short, strict=True)]


def moved(old: list[Block], new: list[Block], half: float) -> list[tuple[float, float, float, float]]:
    """The parts of the blocks that changed, as (left, right, low, high) in values: the span
    between the old and the new top where only the top moved, else both blocks whole."""
    parts = []
    for month, (before, after) in enumerate(zip(old, new, strict=True)):
        if before == after:
            continue
        if before[0] == after[0]:
            low, high = sorted((before[1], after[1]))
        else:
            low, high = min(before[0], after[0]), max(before[1], after[1])
        parts.append((month - half, month + half, low, high))
    return parts


class ShortfallBlocks(QGraphicsItem):
    """Painted over the bars of ``series`` (created after them, before the lines drawn over it)."""

    def __init__(self, chart: QChart, series: QAbstractSeries, color: str) -> None:
        super().__init__(chart)  # (the chart's coordinates)
        self.chart, self.series = chart, series
        # QtCharts draws every series at one height, above its grid and axes, in the order they
        # were added: at that height, this is drawn over the bars and under the lines added after it
        self.setZValue(max(item.zValue() for item in chart.childItems() if item not in (self, chart.legend())))
        self.brush = QBrush(QColor(color))
        self.blocks: list[Block] = []
        self.half = 0.25  # half a bar's width, in months
        self.scale: tuple[float, ...] = ()  # where values were on screen at the last change
        self.area = QRectF(chart.plotArea())  # what it covers (the plot, where QtCharts clips its series)
        chart.plotAreaChanged.connect(self._on_plot_area)

    def _on_plot_area(self, area: QRectF) -> None:
        self.prepareGeometryChange()  # (repaints where it was and where it now is)
        self.area = QRectF(area)

    def show(self, supplied: list[float], short: list[float], width: float) -> None:
        """New blocks (``width``: a bar's, in months); repaints what changed of them."""
        blocks, half = blocks_of(supplied, short), width / 2
        old, self.blocks = self.blocks, blocks
        scale, self.scale = self.scale, self.on_screen()
        if len(old) != len(blocks) or half != self.half or scale != self.scale:
            self.half = half
            self.update()
            return
        parts = moved(old, blocks, half)
        if parts:  # (one rectangle around them: the view repaints one anyway)
            left, right = parts[0][0], parts[-1][1]
            low, high = min(part[2] for part in parts), max(part[3] for part in parts)
            self.update(self.rect(left, right, low, high).adjusted(-1, -1, 1, 1))  # (an antialiased edge)

    def on_screen(self) -> tuple[float, ...]:
        """Where a value of (0, 0) is drawn, and how far a step of one month and of one lead goes."""
        origin = self.chart.mapToPosition(QPointF(0, 0), self.series)
        step = self.chart.mapToPosition(QPointF(1, 1), self.series)
        return origin.x(), origin.y(), step.x() - origin.x(), step.y() - origin.y()

    def rect(self, left: float, right: float, low: float, high: float) -> QRectF:
        x0, y0, dx, dy = self.scale
        return QRectF(QPointF(x0 + left * dx, y0 + high * dy), QPointF(x0 + right * dx, y0 + low * dy))

    def boundingRect(self) -> QRectF:
        return self.area  # the same while the blocks change: no new geometry per edit

    def paint(self, painter: QPainter, _option: Any, _widget: Any = None) -> None:
        self.scale = self.on_screen()
        painter.setClipRect(self.area)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.brush)
        painter.drawRects(
            [
                self.rect(month - self.half, month + self.half, base, top)
                for month, (base, top) in enumerate(self.blocks)
                if top > base
            ]
        )
