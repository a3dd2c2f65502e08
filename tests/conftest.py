"""Shared fixtures. A test fails on any unexpected warning logged while it runs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.model import Plan
from planner.sample import sample_plan


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
