"""The hostile-file corpus opened in the app: refused with a message, or opened; never a hang or a traceback."""

from __future__ import annotations

import time
from pathlib import Path

from tests.data.hostile.make_hostile import generate
from tests.ui.conftest import Dialogs
from ui.main_window import MainWindow


def test_every_hostile_file_is_refused_with_a_message_or_opened(
    window: MainWindow, tmp_path: Path, dialogs: Dialogs
) -> None:
    opened, refused = [], []
    for path in generate(tmp_path / "hostile"):
        dialogs.messages.clear()
        began = time.monotonic()
        if window.load_file(str(path)):
            opened.append(path.stem)
            assert window.document.path == path and not window.document.is_modified
            assert dialogs.messages == []
        else:
            refused.append(path.stem)
            [(kind, title, message)] = dialogs.messages
            assert (kind, title) == ("warning", "The plan was not opened")
            assert path.name in message or str(path) in message
            assert "Traceback" not in message and "Expecting" not in message
        assert time.monotonic() - began < 5, path.name
    assert {"sample", "utf-16", "latin-1", "long-texts", "control-characters"} <= set(opened)
    assert {"named-pipe", "link-to-dev-zero", "nine-million-review-items", "integer-1e400"} <= set(refused)
