"""A process killed in the middle of saving never damages the existing file."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from planner.plan_file import read_plan, write_plan
from planner.sample import sample_plan

SAVER = textwrap.dedent(
    """
    import sys
    from benchmarks.plans import huge_plan
    from planner.plan_file import write_plan
    plan = huge_plan()
    print("ready", flush=True)
    while True:
        write_plan(plan, sys.argv[1])
    """
)


def test_sigkill_in_the_middle_of_saving_leaves_the_previous_file_readable(tmp_path: Path) -> None:
    path = tmp_path / "plan.leadplan"
    write_plan(sample_plan(), path)
    root = Path(__file__).resolve().parents[2]
    with subprocess.Popen(
        [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True, cwd=root
    ) as saver:
        try:
            assert saver.stdout is not None and saver.stdout.readline().strip() == "ready"
            for delay in (0.05, 0.13, 0.21, 0.34):
                time.sleep(delay)
                loaded = read_plan(path)  # at any moment: the old plan or the new one, whole
                assert loaded.plan.basics.company in ("Acme Fasteners", "Benchmark Industries")
        finally:
            saver.send_signal(signal.SIGKILL)
            saver.wait(timeout=30)
    assert read_plan(path).plan.basics.company in ("Acme Fasteners", "Benchmark Industries")
