"""A window on a generated plan for the UI benchmarks, and timings paired with a baseline.

The machine may be shared: each timing is taken in turn with its baseline (a bare repaint of
the same window, say), so a busy moment slows both, and the medians are compared.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def app() -> Any:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp(prefix="leadplanner-bench-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return QApplication.instance() or QApplication(sys.argv[:1])


def open_window(data: dict[str, Any], name: str = "plan") -> Any:
    """The main window on a plan file written from ``data``, shown at 1366 x 768 and painted."""
    from benchmarks.plans import write
    from ui.main_window import create_window

    folder = Path(tempfile.mkdtemp(prefix="leadplanner-bench-"))
    window = create_window(str(write(folder / f"{name}.leadplan", data)))
    window.resize(1366, 768)
    window.show()
    settle()
    window.autosaver.timer.stop()  # the benchmark times edits, not the 30-second autosave
    return window


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()


def close(window: Any) -> None:
    window.document.undo_stack.setClean()
    window.close()


def bare_repaint(widget: Any) -> Callable[[int], None]:
    """The baseline every edit is measured against: pending events, then a repaint of ``widget``."""

    def bare(_i: int) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        widget.repaint()

    return bare


def paired(job: Callable[[int], object], baseline: Callable[[int], object], runs: int = 21) -> tuple[float, float]:
    """Median seconds of ``job(i)`` and of ``baseline(i)``, run in turn."""
    times: tuple[list[float], list[float]] = ([], [])
    job(-1)
    baseline(-1)
    for i in range(runs):
        for which, run in ((0, job), (1, baseline)):
            start = time.perf_counter()
            run(i)
            times[which].append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def verdict(ratio: float, budget: float) -> str:
    return "OK" if ratio <= budget else "OVER BUDGET"
