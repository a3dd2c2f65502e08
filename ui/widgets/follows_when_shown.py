"""An input not shown does no work when the plan changes: it notes that it is behind, and
catches up when it is shown or read.

A step not shown is told nothing (``ui.widgets.step_document``); an input hidden on the step shown (the
activity calculator of a row not chosen) is told, and waits. Readers (a script, a test, the
window's own code) get the plan's value all the same: the input's getters catch up first, with
what its step held back.
"""

from __future__ import annotations

from typing import Any


class FollowsWhenShown:
    """Mixin (before the Qt widget class): ``follow`` is connected to the document's ``changed``;
    the input's ``refresh`` shows the plan's value. ``stale``: the plan changed while it was hidden
    (as a chart's, ``ui.charts.slot``)."""

    stale = False

    def refresh(self) -> None:
        raise NotImplementedError

    def follow(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self.refresh()
        else:
            self.stale = True

    def catch_up(self) -> None:
        self.document.catch_up()  # (what its step held back: ``ui.widgets.step_document``)
        if self.stale:
            self.stale = False
            self.refresh()

    def showEvent(self, event: Any) -> None:
        self.catch_up()  # before it is painted
        super().showEvent(event)  # type: ignore[misc]
