"""``leadplanner-cli export`` never writes over the plan, one output over the other, or a file it does not write."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.cli.test_cli import cli


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.leadplan"
    assert cli("sample", path).returncode == 0
    return path


def test_an_export_over_the_plan_itself_is_refused_and_the_plan_kept(plan: Path) -> None:
    before = plan.read_bytes()
    for option in ("--xlsx", "--html"):
        done = cli("export", plan, option, plan, "--force")
        assert done.returncode == 2
        assert "is the plan itself" in done.stderr and "Traceback" not in done.stderr
    assert plan.read_bytes() == before


def test_the_plan_reached_by_another_path_or_a_link_is_the_plan_too(plan: Path, tmp_path: Path) -> None:
    link = tmp_path / "report.xlsx"
    link.symlink_to(plan)
    before = plan.read_bytes()
    assert cli("export", plan, "--xlsx", link, "--force").returncode == 2
    assert cli("export", plan, "--html", tmp_path / "." / "plan.leadplan").returncode == 2
    assert plan.read_bytes() == before


def test_the_workbook_and_the_report_may_not_share_a_path(plan: Path, tmp_path: Path) -> None:
    done = cli("export", plan, "--xlsx", tmp_path / "out.x", "--html", tmp_path / "out.x")
    assert done.returncode == 2 and "name the same file" in done.stderr
    assert not (tmp_path / "out.x").exists()


@pytest.mark.parametrize("name", ["other.leadplan", "notes.txt", "report.pdf"])
def test_an_existing_file_the_export_does_not_write_is_kept_unless_forced(
    plan: Path, tmp_path: Path, name: str
) -> None:
    other = tmp_path / name
    other.write_text("keep me", encoding="utf-8")
    done = cli("export", plan, "--html", other)
    assert done.returncode == 2 and "add --force to replace it" in done.stderr
    assert other.read_text(encoding="utf-8") == "keep me"
    forced = cli("export", plan, "--html", other, "--force")
    assert forced.returncode == 0, forced.stderr
    assert other.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_existing_export_is_replaced_without_force(plan: Path, tmp_path: Path) -> None:
    assert cli("export", plan, "--xlsx", tmp_path / "a.xlsx", "--html", tmp_path / "a.html").returncode == 0
    again = cli("export", plan, "--xlsx", tmp_path / "a.xlsx", "--html", tmp_path / "a.html")
    assert again.returncode == 0, again.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_an_export_to_a_device_is_refused_and_the_device_stays(plan: Path) -> None:
    before = os.stat("/dev/full")
    for option in ("--xlsx", "--html"):
        done = cli("export", plan, option, "/dev/full", "--force")
        assert done.returncode == 1
        assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino and after.st_rdev == before.st_rdev


def test_exports_get_the_users_umask_not_a_private_mode(plan: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        done = cli("export", plan, "--xlsx", tmp_path / "a.xlsx", "--html", tmp_path / "a.html")
    finally:
        os.umask(old)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE((tmp_path / "a.xlsx").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "a.html").stat().st_mode) == 0o644


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_as_the_plan_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.leadplan"
    os.mkfifo(pipe)
    for command in (["validate"], ["summary"], ["export", "--html", tmp_path / "x.html"]):
        done = cli(command[0], pipe, *command[1:])
        assert done.returncode == 1 and "not a file saved on disk" in done.stderr
