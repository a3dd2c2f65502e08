"""The file layer never loses a plan and never hangs: links, devices, pipes, backups, leftovers, modes."""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from pathlib import Path

import pytest

from planner.plan.model import Plan
from planner.plan.plan_file import PlanFileError, dumps_plan, read_plan, write_plan, write_text_atomically
from planner.plan.safe_write import atomic_target, remove_stale_temp_files, user_umask


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_saving_through_a_symbolic_link_writes_the_target_and_keeps_the_link(tmp_path: Path, sample: Plan) -> None:
    real = tmp_path / "shared" / "plan.leadplan"
    real.parent.mkdir()
    write_plan(sample, real)
    link = tmp_path / "plan.leadplan"
    link.symlink_to(real)
    write_plan(Plan(), link)
    assert link.is_symlink() and link.resolve() == real
    assert read_plan(real).plan == Plan()
    assert (real.parent / "plan.leadplan.bak").is_file()  # the backup sits beside the real file
    assert names(tmp_path) == ["plan.leadplan", "shared"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_or_a_folder_is_never_replaced_by_a_save(tmp_path: Path, sample: Plan) -> None:
    pipe = tmp_path / "pipe.leadplan"
    os.mkfifo(pipe)
    with pytest.raises(PlanFileError, match="not a regular file"):
        write_plan(sample, pipe)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    folder = tmp_path / "folder.leadplan"
    folder.mkdir()
    with pytest.raises(PlanFileError, match="it is a folder"):
        write_plan(sample, folder)
    assert names(tmp_path) == ["folder.leadplan", "pipe.leadplan"]


def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    null = Path(os.devnull)
    before = os.stat(null)
    with pytest.raises(OSError, match="not a regular file"), atomic_target(null) as temp:
        temp.write_text("x", encoding="utf-8")
    after = os.stat(null)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_new_file_gets_the_users_umask_and_a_replaced_file_keeps_its_mode(tmp_path: Path, sample: Plan) -> None:
    old = os.umask(0o027)
    try:
        assert user_umask() == 0o027
        write_plan(sample, tmp_path / "new.leadplan")
        assert stat.S_IMODE(os.stat(tmp_path / "new.leadplan").st_mode) == 0o640
        os.chmod(tmp_path / "new.leadplan", 0o604)
        write_plan(sample, tmp_path / "new.leadplan")
        assert stat.S_IMODE(os.stat(tmp_path / "new.leadplan").st_mode) == 0o604
    finally:
        os.umask(old)


def test_the_backup_is_the_previous_file_whole_and_replaced_in_one_step(tmp_path: Path, sample: Plan) -> None:
    path = tmp_path / "plan.leadplan"
    write_plan(sample, path)
    first = path.read_bytes()
    write_plan(Plan(), path)
    assert (tmp_path / "plan.leadplan.bak").read_bytes() == first
    write_plan(sample, path)
    assert (tmp_path / "plan.leadplan.bak").read_bytes() == dumps_plan(Plan()).encode()
    assert names(tmp_path) == ["plan.leadplan", "plan.leadplan.bak"]


def test_stale_temporary_files_of_our_naming_are_removed_by_the_next_save(tmp_path: Path, sample: Plan) -> None:
    path = tmp_path / "plan.leadplan"
    write_plan(sample, path)
    stale = [".plan.leadplan.k2j4_x9a.tmp", ".plan.leadplan.bak.abcdefgh.tmp"]
    theirs = [".plan.leadplan.TOOLONG123.tmp", "plan.leadplan.abcdefgh.tmp", ".other.leadplan.abcdefgh.tmp"]
    for name in stale + theirs:
        (tmp_path / name).write_bytes(b"\0" * 100)
    write_plan(sample, path)
    assert names(tmp_path) == sorted(["plan.leadplan", "plan.leadplan.bak", *theirs])


def test_a_temporary_file_still_being_written_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "plan.leadplan"
    with atomic_target(target) as temp:
        temp.write_text("{}", encoding="utf-8")
        assert remove_stale_temp_files(tmp_path, "plan.leadplan") == []  # (locked by the live writer)
        assert temp.exists()
    assert names(tmp_path) == ["plan.leadplan"]


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    class Interrupted(Exception):
        pass

    with pytest.raises(Interrupted), atomic_target(tmp_path / "plan.leadplan") as temp:
        temp.write_text("half", encoding="utf-8")
        raise Interrupted
    assert names(tmp_path) == []


def test_a_lone_surrogate_is_written_as_a_replacement_character(tmp_path: Path) -> None:
    write_text_atomically(tmp_path / "notes.txt", "a\udc00b")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "a\ufffdb"


# --- reading: only regular files, never more than the limit ------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_reading_a_named_pipe_is_refused_before_a_byte_of_it_is_read(tmp_path: Path) -> None:
    """A pipe is refused as what it is, not read: what waits in it is still there afterwards.

    (A reader that waited for the pipe to end would wait for ever: a writer holds it open. If one
    ever does, a timer closes that writer so the test fails, its bytes read, rather than hanging.)"""
    pipe = tmp_path / "pipe.leadplan"
    os.mkfifo(pipe)
    waiting = b'{"format": "leadplanner-plan"}'
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # (a pipe takes a writer only once it has a reader)
    writer = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
    hang_breaker = threading.Timer(60, os.close, (writer,))
    try:
        os.write(writer, waiting)
        hang_breaker.start()
        with pytest.raises(PlanFileError, match="it is a device, a pipe or a socket"):
            read_plan(pipe)
        hang_breaker.cancel()
        assert os.read(reader, 1024) == waiting
    finally:
        hang_breaker.cancel()
        hang_breaker.join()
        with contextlib.suppress(OSError):
            os.close(writer)
        os.close(reader)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_reading_an_endless_device_is_refused_at_once() -> None:
    with pytest.raises(PlanFileError, match="not a plan file"):
        read_plan("/dev/zero")
