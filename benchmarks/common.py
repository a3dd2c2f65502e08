"""Timing helpers: medians of several runs, printed with the ratio to a baseline of the same run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(run: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(
    name: str,
    seconds: float,
    baseline_name: str | None = None,
    baseline: float | None = None,
    budget: str = "",
    ratio: float | None = None,
) -> None:
    """One line; the ratio is seconds / baseline unless given (say, a median of paired runs)."""
    line = f"{name:<58} {seconds * 1000:9.2f} ms"
    if baseline is not None and baseline_name:
        shown = seconds / baseline if ratio is None else ratio
        line += f"   vs {baseline_name} {baseline * 1000:8.2f} ms   ratio {shown:5.2f}x"
    if budget:
        line += f"   (budget {budget})"
    print(line, flush=True)
