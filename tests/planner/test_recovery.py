"""Autosave files: written atomically, found after a crash, removed after a clean exit."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from planner.plan.model import Plan
from planner.plan.paths import set_value
from planner.plan.plan_file import write_plan
from planner.plan.recovery import Owner, RecoveryStore
from tests.planner.recovery_helpers import ended_process


def test_what_a_crashed_session_autosaved_is_offered_to_the_next_one(tmp_path: Path, sample: Plan) -> None:
    typed = set_value(sample, "targets.win_rate", 0.31)
    crashed = RecoveryStore(tmp_path, "crashed", ended_process())
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


def test_the_autosave_of_a_window_still_running_is_not_offered_to_another(tmp_path: Path, sample: Plan) -> None:
    RecoveryStore(tmp_path, "running").write(sample, None)  # this test's own process: alive
    RecoveryStore(tmp_path, "crashed", ended_process()).write(sample, None)
    assert [r.id for r in RecoveryStore(tmp_path, "second window").leftovers()] == ["crashed"]
    meta = json.loads((tmp_path / "running.json").read_text(encoding="utf-8"))
    assert meta["pid"] == os.getpid() and meta["started"] == Owner.this_process().started


def test_a_reused_process_id_with_another_start_time_is_a_leftover(tmp_path: Path, sample: Plan) -> None:
    this = Owner.this_process()
    RecoveryStore(tmp_path, "crashed", this._replace(started="12")).write(sample, None)
    assert [r.id for r in RecoveryStore(tmp_path, "next").leftovers()] == ["crashed"]


def test_the_original_is_stored_absolute_and_resolved_with_its_size_time_and_hash(
    tmp_path: Path, sample: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    write_plan(sample, folder / "gui1.leadplan")
    (tmp_path / "link").symlink_to(folder)
    monkeypatch.chdir(tmp_path / "link")
    RecoveryStore(tmp_path / "recovery", "crashed", ended_process()).write(sample, Path("gui1.leadplan"))
    meta = json.loads((tmp_path / "recovery" / "crashed.json").read_text(encoding="utf-8"))
    assert meta["original"] == str(folder.resolve() / "gui1.leadplan")
    on_disk = (folder / "gui1.leadplan").read_bytes()
    assert meta["opened"]["size"] == len(on_disk)
    assert meta["opened"]["sha256"] == hashlib.sha256(on_disk).hexdigest()

    monkeypatch.chdir(tmp_path)  # started from another folder: still the same file
    [found] = RecoveryStore(tmp_path / "recovery", "next").leftovers()
    assert found.original == folder.resolve() / "gui1.leadplan"
    assert found.original_unchanged()


def test_an_original_changed_since_it_was_opened_is_not_the_same_file(tmp_path: Path, sample: Plan) -> None:
    path = tmp_path / "gui1.leadplan"
    write_plan(sample, path)
    RecoveryStore(tmp_path / "recovery", "crashed", ended_process()).write(sample, path)
    stat = path.stat()
    text = path.read_text(encoding="utf-8").replace("Acme", "Acne")  # same size, other content
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and even the same time
    [found] = RecoveryStore(tmp_path / "recovery", "next").leftovers()
    assert not found.original_unchanged()
    path.unlink()
    assert not found.original_unchanged()


def test_discarding_a_leftover_removes_it(tmp_path: Path, sample: Plan) -> None:
    RecoveryStore(tmp_path, "crashed", ended_process()).write(sample, None)
    store = RecoveryStore(tmp_path, "next")
    store.discard(store.leftovers()[0])
    assert store.leftovers() == []


def test_a_damaged_leftover_is_skipped_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "bad.leadplan").write_text("{}", encoding="utf-8")
    assert RecoveryStore(tmp_path, "next").leftovers() == []
