"""The ``leadplanner`` command: the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def start(argv: Sequence[str] | None = None) -> MainWindow:
    """What the command does before Qt's event loop: the window on screen, and, once it is,
    the offer to recover what a crash left behind (the next start after a crash)."""
    parser = argparse.ArgumentParser(prog="leadplanner", description="Lead Planner, the desktop app.")
    parser.add_argument("plan", nargs="?", help="a .leadplan file to open")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample plan")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Lead Planner")
    app.setOrganizationName("Lead Planner")
    window = create_window(args.plan, sample=args.sample and not args.plan)
    window.show()
    QTimer.singleShot(0, window.offer_recovery)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    window = start(argv)
    code = QApplication.exec()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main())
