"""The desktop app (PySide6): the only package that imports Qt."""

from __future__ import annotations

from typing import Any


def create_window(path: str | None = None, **kw: Any) -> Any:
    """The main window, on the plan at ``path`` (a new plan without one)."""
    from ui.main_window import create_window as create

    return create(path, **kw)
