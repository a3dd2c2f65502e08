"""How long the HTML report takes for the large plan: ``python -m benchmarks.html_export``.

Prints the median of several runs of ``write_report`` (compute, view-model, render, write).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.plans import large_plan
from exports.html_report import write_report


def median_ms(runs: int = 7) -> float:
    plan = large_plan()
    timings = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.html"
        for _ in range(runs):
            start = time.perf_counter()
            write_report(plan, out)
            timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> int:
    print(f"html export, large plan: median {median_ms():.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
