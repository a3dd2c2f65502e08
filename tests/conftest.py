"""Shared fixtures. A test fails on any unexpected warning logged while it runs."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from planner.plan.model import Plan
from planner.plan.sample import sample_plan

# No example is timed (Hypothesis's default deadline is 200 ms an example): a busy machine runs one
# slower, and a test checks behaviour, never a duration (the budgets are `make bench`'s)
settings.register_profile("untimed", deadline=None)
# CI (`.ci/run` sets CI=true) tries the same examples every run, so a red build is this change's,
# not a new random draw's; `make test` on a laptop draws new ones (and keeps failures in .hypothesis/)
settings.register_profile("ci", parent=settings.get_profile("untimed"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "untimed")


@pytest.fixture(autouse=True)
def fail_on_logged_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.WARNING)
    yield
    unexpected = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert not unexpected, f"unexpected log messages: {[r.getMessage() for r in unexpected]}"


@pytest.fixture(autouse=True)
def recovery_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Autosaved work goes to a temporary folder, never the user's data folder."""
    folder = tmp_path_factory.mktemp("recovery")
    monkeypatch.setenv("LEADPLANNER_RECOVERY_DIR", str(folder))
    return folder


@pytest.fixture
def sample() -> Plan:
    return sample_plan()
