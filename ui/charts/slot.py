"""A place for a chart that builds it the first time it is shown (QtCharts loads late).

A chart follows the plan (``ui.widgets.follow``): it redraws after an edit only while it is on
screen, on the next turn of the event loop (a burst of edits redraws once, after the health
panel); on a page not shown, or scrolled out of the page's view, it is behind and catches up
when shown or scrolled into view.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.widgets.follow import Follower, on_screen


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
        self.scrolling = False  # follows its scroll area (once shown in one)
        self.view: QWidget | None = None  # that scroll area's viewport: what clips it
        self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.follower = Follower(self.redraw, self.on_screen, later=True, owner=self)
        self.follower.behind = True  # (drawn when first shown)

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
        clipped by its scroll area's view, or else by each parent's (asked by every chart on every
        edit: the scroll area's view alone is one call into Qt, the walk up the parents ten)."""
        return on_screen(self, self.view)

    def redraw(self) -> None:
        self.fill(self.build())

    def catch_up(self) -> None:
        """A chart behind, scrolled (or laid out) into view, redraws before it is painted."""
        self.follower.catch_up()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.follower.behind and (self.on_screen() or not self.wait_off_screen()):
            self.follower.read()
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
