"""A process killed in the middle of saving never damages the existing file."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from planner.plan.plan_file import read_plan, write_plan
from planner.plan.sample import sample_plan

SAVER = textwrap.dedent(
    """
    import sys
    from benchmarks.plans import huge_plan
    from planner.plan.plan_file import write_plan
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


BACKUP_SAVER = textwrap.dedent(
    """
    import sys
    from benchmarks.plans import huge_plan
    from planner.plan.plan_file import write_plan
    from planner.plan.sample import sample_plan
    plans = [huge_plan(), sample_plan()]
    print("ready", flush=True)
    while True:
        for plan in plans:
            write_plan(plan, sys.argv[1])  # each save first keeps the previous file as the .bak
    """
)

AUTOSAVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from benchmarks.plans import huge_plan
    from planner.plan.recovery import RecoveryStore
    from planner.plan.sample import sample_plan
    plans = [huge_plan(), sample_plan()]
    store = RecoveryStore(Path(sys.argv[1]), "killed")
    print("ready", flush=True)
    while True:
        for plan in plans:
            store.write(plan, Path(sys.argv[2]))
    """
)

COMPANIES = ("Acme Fasteners", "Benchmark Industries")
DELAYS = (0.02, 0.07, 0.11, 0.19, 0.29, 0.41)


def kill_after(script: str, delay: float, *args: str | Path) -> None:
    """Run ``script`` until it is saving in a loop, then kill -9 it ``delay`` seconds later."""
    root = Path(__file__).resolve().parents[2]
    with subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)], stdout=subprocess.PIPE, text=True, cwd=root
    ) as saver:
        try:
            assert saver.stdout is not None and saver.stdout.readline().strip() == "ready"
            time.sleep(delay)
        finally:
            saver.send_signal(signal.SIGKILL)
            saver.wait(timeout=30)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_sigkill_while_keeping_the_backup_leaves_a_whole_backup_and_the_next_save_leaves_no_temp_files(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.leadplan"
    write_plan(sample_plan(), path)
    for delay in DELAYS:
        kill_after(BACKUP_SAVER, delay, path)
        assert read_plan(path).plan.basics.company in COMPANIES
        bak = tmp_path / "plan.leadplan.bak"
        if bak.exists():  # (none before the killed process's first save over the plan)
            assert read_plan(bak).plan.basics.company in COMPANIES  # never half a backup
        write_plan(sample_plan(), path)  # the next save
        assert temp_files(tmp_path) == []
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.leadplan", "plan.leadplan.bak"]


def test_sigkill_while_autosaving_leaves_a_whole_autosave_and_the_next_autosave_leaves_no_temp_files(
    tmp_path: Path,
) -> None:
    from planner.plan.recovery import RecoveryStore

    folder = tmp_path / "recovery"
    original = tmp_path / "plan.leadplan"
    write_plan(sample_plan(), original)
    for delay in DELAYS:
        kill_after(AUTOSAVER, delay, folder, original)
        found = RecoveryStore(folder, "next").leftovers()
        assert [r.id for r in found] in ([], ["killed"])  # (killed before its first autosave: nothing)
        for leftover in found:
            assert leftover.load().basics.company in COMPANIES
            assert leftover.original == original.resolve()
        RecoveryStore(folder, "next").write(sample_plan(), original)  # the next session's autosave
        assert temp_files(folder) == []
