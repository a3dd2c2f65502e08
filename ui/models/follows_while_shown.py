"""A table model that follows the plan's figures only while its table is shown.

A hidden table worked out on every edit costs every step its time (the quarters under a
collapsed view; a step not shown is told nothing at all, ``ui.step_document``); it is marked
stale instead, and catches up when its table is shown again (``refresh_if_stale``, from the
view's or page's ``showEvent``).
"""

from __future__ import annotations

from collections.abc import Callable


class FollowsWhileShown:
    """Mixed into a ``QAbstractTableModel`` (before it): ``document.changed`` connects to
    ``refresh``; the model's own work is ``catch_up``."""

    shown: Callable[[], bool]
    stale = False

    def follow_while(self, shown: Callable[[], bool]) -> None:
        self.shown = shown
        self.stale = False

    def refresh(self) -> None:
        if self.shown():
            self.stale = False
            self.catch_up()
        else:
            self.stale = True  # (what changed is worked out from what was last shown)

    def refresh_if_stale(self) -> None:
        if self.stale:
            self.stale = False
            self.catch_up()

    def catch_up(self) -> None:
        raise NotImplementedError
