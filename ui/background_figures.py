"""A big plan's figures worked out off the UI thread, so typing a number never waits on the engine.

One computation at a time; while it runs, only the latest plan asked for waits its turn, and a
result for a plan that has since changed is dropped. Plans are immutable, so a worker may read
one while the window goes on editing the next.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from planner.plan.model import Plan

PAUSE_MS = 200


class _Signals(QObject):
    done = Signal(int, object, float)  # the plan's number, its result (or the exception it raised), seconds


class _Job(QRunnable):
    def __init__(self, plan: Plan, number: int, compute: Callable[[Plan], Any], signals: _Signals) -> None:
        super().__init__()
        self.plan, self.number, self.compute, self.signals = plan, number, compute, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        started = time.perf_counter()
        try:
            result: Any = self.compute(self.plan)
        except Exception as error:  # handed to the UI thread, which computes again there and reports
            result = error
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody is waiting
            self.signals.done.emit(self.number, result, time.perf_counter() - started)


class BackgroundFigures(QObject):
    ready = Signal(object, float)  # the result of the latest plan asked for, and how long it took

    def __init__(
        self, compute: Callable[[Plan], Any], parent: QObject | None = None, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(parent)
        self.compute = compute
        self.pool = pool or QThreadPool.globalInstance()
        self.number = 0  # of the latest plan asked for
        self.running = False
        self.waiting: Plan | None = None
        self.jobs: list[_Signals] = []  # the running job's signals, alive until it reports
        # the engine is pure Python and shares the interpreter with the window: it starts once
        # typing pauses, so the keys themselves never compete with it
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PAUSE_MS)
        self.timer.timeout.connect(self._start_waiting)

    @property
    def busy(self) -> bool:
        return self.running or self.waiting is not None

    def ask(self, plan: Plan) -> None:
        """Work out this plan's figures; ``ready`` follows unless another plan is asked for first."""
        self.number += 1
        self.waiting = plan
        if not self.running:
            self.timer.start()  # (again): once typing pauses

    def cancel(self) -> None:
        """Forget what was asked (the window computed the figures itself)."""
        self.number += 1
        self.waiting = None
        self.timer.stop()

    def _start_waiting(self) -> None:
        if self.waiting is None or self.running:
            return
        plan, self.waiting = self.waiting, None
        self.running = True
        signals = _Signals()  # no parent: a job still running when the window closes emits into nothing
        signals.done.connect(self._done)
        self.jobs = [signals]
        self.pool.start(_Job(plan, self.number, self.compute, signals))

    def _done(self, number: int, result: Any, seconds: float) -> None:
        self.running = False
        self.jobs = []
        if self.waiting is not None:  # typed over meanwhile: these figures are already old
            self.timer.start()
        elif number == self.number and not isinstance(result, Exception):
            self.ready.emit(result, seconds)
        elif number == self.number:
            self.ready.emit(None, seconds)  # the document computes it again on the UI thread
