"""The one way a view follows the plan: refreshed while on screen, caught up when shown.

A view worked out on every edit while nobody sees it costs every edit its time (a step not
shown, a chart scrolled out of view, a table under a collapsed section). So every view that
shows the plan (an input, a table model, a chart, a panel, a page's own redraw) is given a
``Follower``, with one vocabulary:

=============  =====================================================================
``follow()``   the plan changed: refresh now if on screen (or on the next turn of the
               event loop, ``later=True``: several edits in a row refresh once, after the
               health panel's repaint); else note that the view is ``behind``
``catch_up()`` the view may have come on screen (shown, scrolled to, resized): refresh
               if it is behind
``read()``     a script or the window's own code reads the view: refresh if behind,
               on screen or not
=============  =====================================================================

Which to use when:

- an input: ``Follower(self.refresh, self.isVisible)``, connect the document's ``changed`` to
  ``follow``, and mix in ``ShownInput`` (caught up when shown; its getters call ``catch_up``);
- a panel: the same, with ``self.follower.read()`` in its ``showEvent``;
- a table model: ``Follower(self.refresh, shown, later=...)`` with ``shown`` the page's test
  (``on_screen(table, page.viewport())``); the page calls ``catch_up`` when shown or scrolled;
- a chart: ``ui.charts.slot.ChartSlot``, which holds its own ``Follower``;
- a part of a page caught up when scrolled to: ``Page.watch(follower)``.

One level up, a whole step not shown is told nothing: its page and views are given a
``StepDocument``, whose ``changed`` and ``text_changed`` pass on only while the page is shown
and catch up (``read``) as the page is about to be shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QUndoStack

    from planner.benchmarks.library import Library
    from planner.numbers.results import PlanResult
    from planner.plan.checks import Problem
    from planner.plan.model import Plan
    from ui.document import PlanDocument


def on_screen(widget: QWidget, within: QWidget | None = None) -> bool:
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


class Follower:
    """Keeps one view up to date with the plan: ``refresh`` it while ``shown()``, else when it is
    caught up or read. ``later``: the refresh on a change waits one turn of the event loop (with
    ``owner``, a QObject whose deletion cancels it)."""

    def __init__(
        self,
        refresh: Callable[[], None],
        shown: Callable[[], bool],
        *,
        later: bool = False,
        owner: QObject | None = None,
    ) -> None:
        self.refresh = refresh
        self.shown = shown
        self.later = later
        self.owner = owner
        self.behind = False
        self.queued = False

    def follow(self, *_args: Any) -> None:
        self.behind = True
        if not self.shown():
            return
        if not self.later:
            self.catch_up()
        elif not self.queued:
            self.queued = True
            if self.owner is not None:
                QTimer.singleShot(0, self.owner, self._due)
            else:
                QTimer.singleShot(0, self._due)

    def _due(self) -> None:
        self.queued = False
        self.catch_up()

    def catch_up(self) -> None:
        if self.behind and self.shown():
            self.behind = False
            self.refresh()

    def read(self) -> None:
        if self.behind:
            self.behind = False
            self.refresh()


class ShownInput:
    """Mixin (before the Qt widget class) for an input with a ``follower`` and a ``document``: up
    to date with the plan before it is shown (``showEvent``) or read (its getters call
    ``catch_up``), with what its step held back first."""

    follower: Follower
    document: Any

    def catch_up(self) -> None:
        self.document.catch_up()  # (what its step held back)
        self.follower.read()

    def showEvent(self, event: Any) -> None:
        self.catch_up()  # before it is painted
        super().showEvent(event)  # type: ignore[misc]


class StepDocument(QObject):
    """The open plan as one step's page sees it: the document's plan, figures and edits, with
    the two change signals passed on only while the page is shown (78 receivers of every edit
    were 0.7 ms of each edit, a quarter of a repaint). What changed meanwhile is passed on as the
    page is about to be shown (``Page.setVisible``), before any of its views is painted, and when
    a reader asks (``catch_up``)."""

    # as ``PlanDocument.changed``, while the page is shown; also when another benchmark library is in
    # use (``library_changed``): what the views show of it (a range, a finding) follows as a change does
    changed = Signal()
    text_changed = Signal(str)  # as ``PlanDocument.text_changed``, while the page is shown

    def __init__(self, document: PlanDocument) -> None:
        super().__init__()  # (made a child of its page by ``shown_by``)
        self.document = document
        self.page: QWidget | None = None
        self.figures = Follower(self.changed.emit, self.passes_on)
        self.texts: dict[str, None] = {}  # names and notes that changed meanwhile, in order
        document.changed.connect(self.figures.follow)
        document.library_changed.connect(self.figures.follow)
        document.text_changed.connect(self._on_text_changed)

    def shown_by(self, page: QWidget) -> None:
        """Changes pass on while ``page`` is not hidden (it owns this from now on)."""
        self.page = page
        self.setParent(page)

    def passes_on(self) -> bool:
        return self.page is None or not self.page.isHidden()

    def _on_text_changed(self, path: str) -> None:
        if self.passes_on():
            self.text_changed.emit(path)
        else:
            self.texts[path] = None

    def catch_up(self) -> None:
        """Pass on what the page missed while hidden (its views, still hidden, note that they
        are behind and refresh when shown)."""
        self.figures.read()
        paths, self.texts = list(self.texts), {}
        for path in paths:
            self.text_changed.emit(path)

    # the document, as its views use it
    @property
    def plan(self) -> Plan:
        return self.document.plan

    @property
    def result(self) -> PlanResult:
        return self.document.result

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def library(self) -> Library:
        return self.document.library

    @property
    def undo_stack(self) -> QUndoStack:
        return self.document.undo_stack

    def value(self, path: str) -> Any:
        return self.document.value(path)

    def set_value(
        self, path: str, value: Any, text: str | None = None, *, merge: bool = True, ask: bool = False
    ) -> list[Problem]:
        return self.document.set_value(path, value, text, merge=merge, ask=ask)

    def hold(self, path: str, read: Callable[[], Any], text: str | None = None) -> None:
        self.document.hold(path, read, text)

    def commit_held(self, path: str | None = None) -> None:
        self.document.commit_held(path)

    def drop_held(self, path: str) -> None:
        self.document.drop_held(path)

    def apply(self, path: str, value: Any) -> None:
        self.document.apply(path, value)
