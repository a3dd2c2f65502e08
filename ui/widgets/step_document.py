"""The open plan as one step's page sees it: its changes pass on only while the page is shown.

Every view on a step (its inputs, tables, charts) follows the document's ``changed`` and
``text_changed``. Once each step had been visited, the views of the seven steps not shown were
78 receivers of every edit: 0.7 ms of each edit on the step shown (large plan), a quarter of a
repaint of the window. A step's page and its views are given a ``StepDocument`` instead: the
same document (its plan, figures, edits, undo stack and file are read through), with the two
change signals its own. While the page is hidden (another step is shown) it notes what changed;
it passes that on as the page is about to be shown (``Page.setVisible``), before any of its views
is painted, and when a reader asks (``catch_up``: ``MainWindow.page``, an input's getters).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.document import PlanDocument


class StepDocument(QObject):
    changed = Signal()  # as ``PlanDocument.changed``, while the page is shown
    text_changed = Signal(str)  # as ``PlanDocument.text_changed``, while the page is shown

    def __init__(self, document: PlanDocument) -> None:
        super().__init__()  # (made a child of its page by ``shown_by``)
        self.document = document
        self.page: QWidget | None = None
        self.missed = False  # the figures changed while the page was hidden
        self.missed_texts: dict[str, None] = {}  # names and notes that changed meanwhile, in order
        document.changed.connect(self._on_changed)
        document.text_changed.connect(self._on_text_changed)

    def __getattr__(self, name: str) -> Any:  # everything but the signals is the document's
        return getattr(self.document, name)

    def shown_by(self, page: QWidget) -> None:
        """Changes pass on while ``page`` is not hidden (it owns this from now on)."""
        self.page = page
        self.setParent(page)

    def passes_on(self) -> bool:
        return self.page is None or not self.page.isHidden()

    def _on_changed(self) -> None:
        if self.passes_on():
            self.changed.emit()
        else:
            self.missed = True

    def _on_text_changed(self, path: str) -> None:
        if self.passes_on():
            self.text_changed.emit(path)
        else:
            self.missed_texts[path] = None

    def catch_up(self) -> None:
        """Pass on what the page missed while hidden (its views, still hidden, note that they
        are behind and redraw when shown)."""
        if self.missed:
            self.missed = False
            self.changed.emit()
        paths, self.missed_texts = list(self.missed_texts), {}
        for path in paths:
            self.text_changed.emit(path)
