"""A long export says on stderr that it is working; a quick one says nothing extra."""

from __future__ import annotations

import io
import time

from cli.progress import tell_if_slow


def test_work_longer_than_the_threshold_is_announced_and_timed() -> None:
    out = io.StringIO()
    with tell_if_slow("Writing plan.xlsx", after=0.02, stream=out):
        while not out.getvalue():  # the work goes on until it has been announced, however busy the machine
            time.sleep(0.01)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Writing plan.xlsx…"
    assert lines[1].startswith("done in ")


def test_quick_work_prints_nothing() -> None:
    out = io.StringIO()
    with tell_if_slow("Writing plan.xlsx", after=5, stream=out):
        pass
    assert out.getvalue() == ""
