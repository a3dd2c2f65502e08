"""Whether a widget is on screen: shown, and not scrolled out of its page's view.

Asked on every edit by the charts (``ui.charts.slot``), the what-if tables, goal seek and the
Diagnosis findings, which redraw only while on screen and catch up when scrolled to.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget


def in_view(widget: QWidget, within: QWidget | None = None) -> bool:
    """Some of ``widget`` is on screen: shown, and not scrolled out of its page's view (its
    rectangle, clipped by each parent's up to the window, is not empty; ``visibleRegion()`` would
    not do, a table's or a chart's own viewport covers it). ``within``: the page's view, the only
    parent that clips it (one call into Qt, not a walk up the parents)."""
    if not widget.isVisible():
        return False
    if within is not None:
        return QRect(widget.mapTo(within, QPoint(0, 0)), widget.size()).intersects(within.rect())
    rect, child = widget.rect(), widget
    while not child.isWindow() and (parent := child.parentWidget()) is not None:
        rect = rect.translated(child.pos()) & parent.rect()
        if rect.isEmpty():
            return False
        child = parent
    return True
