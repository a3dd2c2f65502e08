"""make bench: every benchmark, each printing medians and ratios against a baseline measured in the same run."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys

MODULES = ["engine", "cli", "startup", "ui_edit", "excel_export", "html_export", "actuals_import"]


def main() -> None:
    print(
        f"Lead Planner benchmarks, {dt.date.today()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    for name in MODULES:  # each in its own process, so one's garbage does not slow the next
        subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], check=False)


if __name__ == "__main__":
    main()
