"""Step 6, Metrics & review: the scorecard and the weekly CEO review (placeholder for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.document import PlanDocument
from ui.pages.page import Page


class MetricsReviewPage(Page):
    title = "Metrics & review"
    key = "metrics_review"
    intro = "The scorecard and the weekly CEO review."

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.finish()
