"""A table model that follows the plan's figures only while its table is shown.

A hidden table worked out on every edit costs every step its time (the quarters under a
collapsed view; a step not shown is told nothing at all, ``ui.widgets.step_document``); it is marked
stale instead, and catches up when its table is shown again (``catch_up``, from the view's or
page's ``showEvent``). The words are the inputs' (``ui.widgets.follows_when_shown``): ``follow`` on a
change, ``refresh`` the work, ``catch_up`` if behind.
"""

from __future__ import annotations

from collections.abc import Callable


class FollowsWhileShown:
    """Mixed into a ``QAbstractTableModel`` (before it): ``document.changed`` connects to
    ``follow``; the model's own work is ``refresh``."""

    shown: Callable[[], bool]
    stale = False

    def follow_while(self, shown: Callable[[], bool]) -> None:
        self.shown = shown
        self.stale = False

    def follow(self) -> None:
        if self.shown():
            self.stale = False
            self.refresh()
        else:
            self.stale = True  # (what changed is worked out from what was last shown)

    def catch_up(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError
