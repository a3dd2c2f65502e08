"""Autosave files: written atomically, found after a crash, removed after a clean exit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.model import Plan
from planner.paths import set_value
from planner.recovery import RecoveryStore


def test_what_a_crashed_session_autosaved_is_offered_to_the_next_one(tmp_path: Path, sample: Plan) -> None:
    typed = set_value(sample, "targets.win_rate", 0.31)
    crashed = RecoveryStore(tmp_path, "crashed")
    crashed.write(typed, tmp_path / "acme.leadplan", now=dt.datetime(2027, 3, 4, 9, 30, tzinfo=dt.UTC))

    next_start = RecoveryStore(tmp_path, "next")
    [found] = next_start.leftovers()
    assert found.original == tmp_path / "acme.leadplan"
    assert found.saved_at == dt.datetime(2027, 3, 4, 9, 30, tzinfo=dt.UTC)
    assert found.load() == typed
    assert "acme.leadplan, autosaved" in found.description


def test_a_session_does_not_offer_its_own_autosave(tmp_path: Path, sample: Plan) -> None:
    store = RecoveryStore(tmp_path, "me")
    store.write(sample, None)
    assert store.leftovers() == []


def test_a_clean_exit_removes_the_autosave(tmp_path: Path, sample: Plan) -> None:
    store = RecoveryStore(tmp_path, "me")
    store.write(sample, None)
    store.clear()
    assert list(tmp_path.iterdir()) == []
    assert RecoveryStore(tmp_path, "other").leftovers() == []


def test_discarding_a_leftover_removes_it(tmp_path: Path, sample: Plan) -> None:
    RecoveryStore(tmp_path, "crashed").write(sample, None)
    store = RecoveryStore(tmp_path, "next")
    store.discard(store.leftovers()[0])
    assert store.leftovers() == []


def test_a_damaged_leftover_is_skipped_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "bad.leadplan").write_text("{}", encoding="utf-8")
    assert RecoveryStore(tmp_path, "next").leftovers() == []
