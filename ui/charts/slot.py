"""A place for a chart that builds it the first time it is shown (QtCharts loads late).

A chart redraws after an edit only while it is on screen: on a page not shown, or scrolled out
of the page's view, it is marked stale and catches up when shown or scrolled into view.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.widgets.in_view import in_view


class ChartSlot(QWidget):
    """Holds ``module.cls`` (built on first show) and feeds it with ``fill(chart)``."""

    def __init__(
        self,
        module: str,
        cls: str,
        fill: Callable[[Any], None],
        *,
        height: int = 340,
        kwargs: dict[str, Any] | None = None,
        wait_off_screen: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.module, self.cls, self.fill, self.kwargs = module, cls, fill, kwargs or {}
        # True: shown below the fold, it is first drawn when scrolled to (a what-if chart of a
        # plan of thousands of channels works out 20,000 drivers), not when its page is shown
        self.wait_off_screen = wait_off_screen
        self.chart: Any = None
        self.stale = True
        self.scrolling = False  # follows its scroll area (once shown in one)
        self.view: QWidget | None = None  # that scroll area's viewport: what clips it
        self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        # a burst of edits (typing) redraws once, right after the health panel has updated
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.redraw)

    def build(self) -> Any:
        if self.chart is None:
            chart_class = getattr(importlib.import_module(self.module), self.cls)
            self.chart = chart_class(**self.kwargs)
            # the title above and the legend below are labels that wrap: never cut
            self.box.addWidget(self.chart.title_label)
            self.box.addWidget(self.chart, 1)
            if self.chart.legend_label is not None:
                self.box.addWidget(self.chart.legend_label)
        return self.chart

    def on_screen(self) -> bool:
        """Shown, and some of it inside its page's view (not scrolled out of it): its rectangle
        clipped by its scroll area's view, or else by each parent's (visibleRegion() would not do:
        the chart's own children cover it). Asked by every chart on every edit: the scroll area's
        view alone is one call into Qt, the walk up the parents ten (35 us)."""
        return in_view(self, self.view)

    def refresh(self) -> None:
        """Redraw on the next turn of the event loop if on screen, else when it comes into view."""
        self.stale = True
        if self.on_screen() and not self.timer.isActive():
            self.timer.start()

    def redraw(self) -> None:
        if self.on_screen():
            self.fill(self.build())
            self.stale = False

    def catch_up(self) -> None:
        """A stale chart scrolled (or laid out) into view redraws before it is painted."""
        if self.stale and self.on_screen():
            self.redraw()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if (self.stale or self.chart is None) and (self.on_screen() or not self.wait_off_screen()):
            self.fill(self.build())
            self.stale = False
        if not self.scrolling:
            self.scrolling = True
            parent = self.parentWidget()
            while parent is not None and not isinstance(parent, QAbstractScrollArea):
                parent = parent.parentWidget()
            if parent is not None:
                self.view = parent.viewport()
                parent.verticalScrollBar().valueChanged.connect(self.catch_up)
                parent.horizontalScrollBar().valueChanged.connect(self.catch_up)

    def moveEvent(self, event: Any) -> None:
        super().moveEvent(event)
        self.catch_up()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.catch_up()
