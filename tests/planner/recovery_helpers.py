"""A process that has ended, to stand for a crashed window in recovery tests."""

from __future__ import annotations

import functools
import socket
import subprocess
import sys

from planner.plan.recovery import Owner


@functools.cache
def ended_process() -> Owner:
    """The id of a process that ran and ended (as a crashed window has)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return Owner(int(done.stdout), "1", socket.gethostname())
