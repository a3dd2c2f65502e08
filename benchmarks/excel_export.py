"""Excel export of the large plan against raw openpyxl writing the same cells.

``python -m benchmarks.excel_export``: the median of several runs of ``write_workbook`` on
``benchmarks.plans.large_plan()`` (36 months, 20 resources, 40 channels, 5 scenarios), and of
plain openpyxl writing the same values to the same cells (no styles, names, validation or
charts) and saving, measured in the same run. Budget: export <= 1.3 x raw.
"""

from __future__ import annotations

import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from benchmarks.plans import large_plan
from exports.excel import write_workbook

BUDGET = 1.3
RUNS = 15

Cells = list[tuple[str, list[tuple[int, int, Any]]]]


def exported_cells(path: Path) -> Cells:
    """Every non-empty cell of the workbook, sheet by sheet, as written (formulas as text)."""
    workbook = load_workbook(path)
    return [
        (sheet.title, [(c.row, c.column, c.value) for row in sheet.iter_rows() for c in row if c.value is not None])
        for sheet in workbook.worksheets
    ]


def write_raw(cells: Cells, path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, values in cells:
        sheet = workbook.create_sheet(title)
        for row, column, value in values:
            sheet.cell(row=row, column=column, value=value)
    workbook.save(path)


def seconds(run: Callable[[], object]) -> float:
    gc.collect()  # each run starts clean: the garbage of the run before is not timed in this one
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def write_raw_paused(cells: Cells, path: Path) -> None:
    """``write_raw`` with the cycle collector paused, as the export pauses it."""
    gc.disable()
    try:
        write_raw(cells, path)
    finally:
        gc.enable()


def medians(first: Callable[[], object], second: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """Median times of two jobs run in turn, so a busy machine slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        times[0].append(seconds(first))
        times[1].append(seconds(second))
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> int:
    plan = large_plan()
    with tempfile.TemporaryDirectory() as folder:
        exported, raw = Path(folder) / "export.xlsx", Path(folder) / "raw.xlsx"
        write_workbook(plan, exported)
        cells = exported_cells(exported)
        count = sum(len(values) for _, values in cells)
        write_raw(cells, raw)  # warm up both paths once
        export_time, raw_time = medians(lambda: write_workbook(plan, exported), lambda: write_raw(cells, raw))
    ratio = export_time / raw_time
    print(f"cells written:        {count:,}")
    print(f"Excel export (median of {RUNS}): {export_time * 1000:8.1f} ms")
    print(f"raw openpyxl (median of {RUNS}): {raw_time * 1000:8.1f} ms")
    print(f"ratio: {ratio:.2f}x (budget {BUDGET}x) -> {'OK' if ratio <= BUDGET else 'OVER BUDGET'}")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
