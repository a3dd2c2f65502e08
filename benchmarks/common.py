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
    name: str, seconds: float, baseline_name: str | None = None, baseline: float | None = None, budget: str = ""
) -> None:
    line = f"{name:<58} {seconds * 1000:9.2f} ms"
    if baseline is not None and baseline_name:
        line += f"   vs {baseline_name} {baseline * 1000:8.2f} ms   ratio {seconds / baseline:5.2f}x"
    if budget:
        line += f"   (budget {budget})"
    print(line, flush=True)
