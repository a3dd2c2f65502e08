"""A place for a chart that builds it the first time it is shown (QtCharts loads late)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.module, self.cls, self.fill, self.kwargs = module, cls, fill, kwargs or {}
        self.chart: Any = None
        self.stale = True
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

    def refresh(self) -> None:
        """Redraw on the next turn of the event loop if shown, else on the next show."""
        self.stale = True
        if self.isVisible() and not self.timer.isActive():
            self.timer.start()

    def redraw(self) -> None:
        if self.isVisible():
            self.fill(self.build())
            self.stale = False

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.stale or self.chart is None:
            self.fill(self.build())
            self.stale = False
