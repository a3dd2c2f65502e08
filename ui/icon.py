"""The app's window icon, from the PNGs packaged in ``ui/resources/icons``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def window_icon() -> QIcon:
    """The app's icon in the sizes a title bar, a task bar and a switcher use (read when shown)."""
    from importlib.resources import files

    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    folder = files("ui") / "resources" / "icons"
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"leadplanner-{size}.png"), QSize(size, size))
    return icon


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
