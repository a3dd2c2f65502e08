"""make bench: every benchmark, each printing medians and ratios against a baseline of the same run."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform

MODULES = ["engine", "cli", "startup", "ui_edit", "excel_export", "html_export"]


def main() -> None:
    print(
        f"Lead Planner benchmarks, {dt.date.today()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    for name in MODULES:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as missing:
            print(f"{name}: not available ({missing.name})")
            continue
        module.main()


if __name__ == "__main__":
    main()
