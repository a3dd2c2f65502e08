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

# Prints "painted <rss kB>" once the window's first paint event has been handled. The app
# starts as the `leadplanner` command does (ui.app.start, before anything imports PySide6).
STARTER = """
import sys
if sys.argv[1] != "minimal":
    from ui.app import start
    window = start(sys.argv[2:] or ["--sample"])
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

if sys.argv[1] == "minimal":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1366, 768)
    window.show()
else:
    app = QApplication.instance()
spy = FirstPaint()
window.installEventFilter(spy)
app.exec()
"""


def start(folder: Path, *args: str) -> tuple[float, int]:
    """Seconds from spawning the process to its first paint, and its resident memory in kB.

    Settings and autosaves go to ``folder``, so the user's own (a restored window size, a
    crash to recover) neither change the figures nor are changed.
    """
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "XDG_CONFIG_HOME": str(folder),
        "LEADPLANNER_RECOVERY_DIR": str(folder / "recovery"),
    }
    began = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-c", STARTER, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    ) as process:
        assert process.stdout is not None
        line = next(line for line in process.stdout if line.startswith("painted"))
        elapsed = time.perf_counter() - began  # to the first paint, not to the process's exit
        process.wait(timeout=60)
    return elapsed, int(line.split()[1])


def startup_and_memory(folder: Path, large_path: Path) -> None:
    # a user's second start finds the bytecode cached; so does ours, even where
    # PYTHONDONTWRITEBYTECODE is set (as on our CI machines)
    import compileall

    for package in ("planner", "ui", "exports"):
        compileall.compile_dir(Path(__file__).resolve().parents[1] / package, quiet=1)
    minimal: list[tuple[float, int]] = []
    sample: list[tuple[float, int]] = []
    for _ in range(11):  # in pairs, so a slower spell of the machine weighs on both sides
        minimal.append(start(folder, "minimal"))
        sample.append(start(folder, "app"))
    large = [start(folder, "app", str(large_path)) for _ in range(3)]
    median = statistics.median
    report(
        "start-up to first paint, sample plan",
        median(t for t, _ in sample),
        "minimal PySide6 window",
        median(t for t, _ in minimal),
        "<= 1.5x",
        ratio=median(app / base for (app, _), (base, _) in zip(sample, minimal, strict=True)),
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
        startup_and_memory(Path(folder), large_path)


if __name__ == "__main__":
    main()
