"""The app: start-up to the first painted window, and memory with the large plan open.

Both against a minimal PySide6 window measured in the same run.
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
from benchmarks.plans import large_data, write

# Prints "painted <rss kB>" once the window's first paint event has been handled.
STARTER = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False

def done():
    rss = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmRSS"))
    print("painted", rss, flush=True)
    app.quit()

app = QApplication(sys.argv[:1])
if sys.argv[1] == "minimal":
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
else:
    from ui import create_window
    window = create_window(sys.argv[2] if len(sys.argv) > 2 else None, sample=len(sys.argv) <= 2)
spy = FirstPaint()
window.installEventFilter(spy)
window.resize(1366, 768)
window.show()
app.exec()
"""


def start(*args: str) -> tuple[float, int]:
    """Seconds from spawning the process to its first paint, and its resident memory in kB."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    began = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", STARTER, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as process:
        assert process.stdout is not None
        line = next(line for line in process.stdout if line.startswith("painted"))
        elapsed = time.perf_counter() - began  # to the first paint, not to the process's exit
        process.wait(timeout=60)
    return elapsed, int(line.split()[1])


def startup_and_memory(large_path: Path) -> None:
    # a user's second start finds the bytecode cached; so does ours, even where
    # PYTHONDONTWRITEBYTECODE is set (as on our CI machines)
    import compileall

    for package in ("planner", "ui", "exports"):
        compileall.compile_dir(Path(__file__).resolve().parents[1] / package, quiet=1)
    runs = 7
    minimal = [start("minimal") for _ in range(runs)]
    sample = [start("app") for _ in range(runs)]
    large = [start("app", str(large_path)) for _ in range(3)]
    median = statistics.median
    report(
        "start-up to first paint, sample plan",
        median(t for t, _ in sample),
        "minimal PySide6 window",
        median(t for t, _ in minimal),
        "<= 1.5x",
    )
    base_rss = median(m for _, m in minimal)
    large_rss = median(m for _, m in large)
    print(
        f"{'memory: app with the large plan open':<58} {large_rss / 1024:9.1f} MB"
        f"   vs minimal window {base_rss / 1024:8.1f} MB   +{(large_rss - base_rss) / 1024:.1f} MB",
        flush=True,
    )


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        large_path = write(Path(folder) / "large.leadplan", large_data())
        startup_and_memory(large_path)


if __name__ == "__main__":
    main()
