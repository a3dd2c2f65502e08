"""The stack of step pages, each built the first time it is shown or looked up.

So the window paints its first step without importing or building the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget

from ui.document import PlanDocument
from ui.pages.page import Page
from ui.widgets.follow import StepDocument

# (module, class) of each step's page, in walk-through order
PAGES: tuple[tuple[str, str], ...] = (
    ("ui.pages.basics", "BasicsPage"),
    ("ui.pages.diagnosis", "DiagnosisPage"),
    ("ui.pages.targets", "TargetsPage"),
    ("ui.pages.labor", "LaborPage"),
    ("ui.pages.channels", "ChannelsPage"),
    ("ui.pages.metrics_review", "MetricsReviewPage"),
    ("ui.pages.review_export", "ReviewExportPage"),
    ("ui.pages.track", "TrackPage"),
)
REVIEW_EXPORT = 6  # the step with the export buttons (Track follows it)


class StepPages(QStackedWidget):
    def __init__(
        self, document: PlanDocument, on_built: Callable[[int, Page], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self.document = document
        self.on_built = on_built  # the window wires a new page (the exports' buttons)
        self._built: list[Page | None] = [None] * len(PAGES)
        for _ in PAGES:
            self.addWidget(QWidget(self))  # a placeholder until the page is built

    def page(self, index: int) -> Page:
        """The page of a step, built on first use."""
        built = self._built[index]
        if built is None:
            module, name = PAGES[index]
            seen = StepDocument(self.document)  # its changes pass on while the page is shown
            built = getattr(importlib.import_module(module), name)(seen, self)  # styled once, here
            seen.shown_by(built)
            placeholder = self.widget(index)
            self.insertWidget(index, built)
            self.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[index] = built
            self.on_built(index, built)
        return built
