"""leadplanner-cli summary of the huge plan vs a plain Python script that only loads the JSON."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import median_seconds, report
from benchmarks.plans import huge_data, write


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "huge.leadplan", huge_data())
        load_only = [sys.executable, "-c", f"import json; json.load(open({str(path)!r}))"]
        summary = [sys.executable, "-m", "cli", "summary", str(path), "--json"]
        qt_check = [
            sys.executable,
            "-c",
            "import cli.main, sys; sys.exit('PySide6' in sys.modules or 'openpyxl' in sys.modules)",
        ]
        assert subprocess.run(qt_check).returncode == 0, "the CLI must not import Qt or the exporters"
        baseline = median_seconds(lambda: subprocess.run(load_only, check=True, capture_output=True), repeat=5)
        seconds = median_seconds(lambda: subprocess.run(summary, check=True, capture_output=True), repeat=5)
        report("cli: summary --json of the huge plan", seconds, "python loading the JSON", baseline)


if __name__ == "__main__":
    main()
