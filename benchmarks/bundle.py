"""The PyInstaller bundle's start-up (dist/LeadPlanner/leadplanner) beside the venv's `leadplanner`.

Both are timed the same way: from spawning the command to its first painted window (the app
prints "painted" then, when LEADPLANNER_EXIT_AT_FIRST_PAINT is set, and quits), in pairs, so a
slower spell of the machine weighs on both. Skipped, with a message, when `make dist` has not
built the bundle.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import report

BUNDLE = Path(__file__).resolve().parents[1] / "dist" / "LeadPlanner" / "leadplanner"
VENV_COMMAND = Path(sys.executable).parent / "leadplanner"


def first_paint(command: Path, folder: Path) -> float:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": str(folder),
        "LEADPLANNER_RECOVERY_DIR": str(folder / "recovery"),
        "LEADPLANNER_EXIT_AT_FIRST_PAINT": "1",
    }
    began = time.perf_counter()
    with subprocess.Popen(
        [str(command), "--sample"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as process:
        assert process.stdout is not None
        next(line for line in process.stdout if line.startswith("painted"))
        elapsed = time.perf_counter() - began
        process.wait(timeout=60)
    return elapsed


def main() -> None:
    if not BUNDLE.is_file():
        print(f"{'start-up of the bundle':<58} skipped: {BUNDLE.parent} is not built (make dist)", flush=True)
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for command in (BUNDLE, VENV_COMMAND):  # their files into the page cache first
            first_paint(command, folder)
        bundle, venv = [], []
        for _ in range(7):
            bundle.append(first_paint(BUNDLE, folder))
            venv.append(first_paint(VENV_COMMAND, folder))
    median = statistics.median
    report(
        "start-up to first paint, bundle (dist/LeadPlanner)",
        median(bundle),
        "venv's leadplanner",
        median(venv),
        ratio=median(b / v for b, v in zip(bundle, venv, strict=True)),
    )


if __name__ == "__main__":
    main()
