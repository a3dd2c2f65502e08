"""The hostile-file corpus opened in the app: refused with a message, or opened; never a hang or a traceback.

A hang is what a careless reader does with these files: waits on a pipe, reads ``/dev/zero`` to the
end, reads a 50 MB file whole before refusing it. So each file's bytes read are counted: nothing from
what is not a regular file on disk, never more than the file holds or the limit allows (and nothing
from a file whose size alone refuses it); and a refused file leaves the window's plan untouched.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from planner.plan.plan_file import MAX_BYTES
from tests.data.hostile.make_hostile import generate
from tests.ui.conftest import Dialogs
from ui.main_window import MainWindow


def test_every_hostile_file_is_refused_with_a_message_or_opened(
    window: MainWindow, tmp_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[int] = []
    real_read = os.read

    def counting_read(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "read", counting_read)
    reloads: list[bool] = []
    window.document.changed.connect(lambda: reloads.append(True))
    opened, refused = [], []
    for path in generate(tmp_path / "hostile"):
        dialogs.messages.clear()
        read.clear()
        reloads.clear()
        plan_before = window.document.plan
        regular = path.exists() and stat.S_ISREG(os.stat(path).st_mode)
        if window.load_file(str(path)):
            opened.append(path.stem)
            assert window.document.path == path and not window.document.is_modified
            assert dialogs.messages == []
            assert reloads == [True], path.name  # the figures worked out once, for the plan opened
        else:
            refused.append(path.stem)
            [(kind, title, message)] = dialogs.messages
            assert (kind, title) == ("warning", "The plan was not opened")
            assert path.name in message or str(path) in message
            assert "Traceback" not in message and "Expecting" not in message
            assert reloads == [] and window.document.plan is plan_before, path.name  # the plan shown stays
        if (
            not regular or os.path.getsize(path) > MAX_BYTES
        ):  # a pipe, a device, a folder, a link to nowhere: refused unread
            assert sum(read) == 0, path.name
        else:  # read once, to its end
            assert sum(read) == os.path.getsize(path), path.name
    assert {"sample", "utf-16", "latin-1", "long-texts", "control-characters"} <= set(opened)
    assert {"named-pipe", "link-to-dev-zero", "nine-million-review-items", "integer-1e400"} <= set(refused)
    assert "over-50-mb" in refused
