"""Parts of the window whose texts change with every edit, laid out only when a text needs other room.

Qt lays out a label's window again whenever the label's text changes: the label asks its
layout, the layout its widget, and so on up, even when the new text takes the same room. The
health panel's figures and verdict, and the key figures and verdict of Review & export,
change on every edit; laying them out again cost 0.5-0.8 ms of each edit on that step
(measured interleaved in one process), more than painting them.

A quiet widget's layout is disabled (``QLayout.setEnabled(False)``): a child's new text asks
no one. The widget lays its children out when it is resized, and when ``fit()`` (which its
owner calls after setting the texts) finds that a text it watches needs other room: a verdict
of another line count, a figure of another width. Its layout then asks the widget's parent
for room, as Qt would have. (``ui/widgets/size_fence.py`` does the same one level up, with an event
for every change.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

Need = tuple[int | bool, ...]  # (see ``need``)


def need(widget: QWidget) -> Need:
    """What ``widget`` needs of its room: the height it takes at its width if it wraps; else
    whether its size hint, and its least size, fit where it is. (A figure that gets narrower keeps
    its room; one that no longer fits, or a verdict of another line count, is laid out again.)"""
    if widget.isHidden():
        return ()
    if widget.hasHeightForWidth():
        return (widget.heightForWidth(widget.width()),)
    width, height = widget.width(), widget.height()
    hint, least = widget.sizeHint(), widget.minimumSizeHint()
    return (hint.width() <= width, hint.height() <= height, least.width() <= width, least.height() <= height)


class QuietLayout:
    """Mixin (before the Qt widget class) for a widget whose layout is set: call ``quiet`` once its
    children are in, and ``fit`` after changing their texts."""

    watched: list[QLabel]
    needs: list[Need]
    texts: list[str]  # what each showed when its need was measured

    def quiet(self, watched: Iterable[QLabel]) -> None:
        self.watched = list(watched)
        self.needs, self.texts = [], []
        self.layout().setEnabled(False)  # type: ignore[attr-defined]

    def relayout(self) -> None:
        """Lay the children out now (Qt's layout, enabled for the time it takes)."""
        layout = self.layout()  # type: ignore[attr-defined]
        layout.setEnabled(True)
        layout.invalidate()
        layout.activate()  # (and asks the parent for room if the hints changed)
        layout.setEnabled(False)
        self.needs = [need(label) for label in self.watched]
        self.texts = [label.text() for label in self.watched]

    def fit(self) -> None:
        """After new texts: lay out again only if one of them needs other room (measured only for
        the texts that changed)."""
        if len(self.texts) != len(self.watched):
            self.relayout()
            return
        for index, label in enumerate(self.watched):
            text = label.text()
            if text == self.texts[index]:
                continue
            if need(label) != self.needs[index]:
                self.relayout()
                return
            self.texts[index] = text

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)  # type: ignore[misc]
        self.relayout()
