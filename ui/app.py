"""The ``leadplanner`` command: the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

# The plan's modules load before Qt: once PySide6 is imported it reads the source of every
# module imported after it (for its opt-in ``__feature__`` switches), a cost for nothing.
from planner import engine, health, plan_file, recovery, sample  # noqa: F401

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def start(argv: Sequence[str] | None = None) -> MainWindow:
    """What the command does before Qt's event loop: the window on screen, and, once it is
    painted, the offer to recover what a crash left behind (the next start after a crash)."""
    parser = argparse.ArgumentParser(prog="leadplanner", description="Lead Planner, the desktop app.")
    parser.add_argument("plan", nargs="?", help="a .leadplan file to open")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample plan")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from ui.main_window import create_window
    from ui.startup import after_first_paint, warm_up

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Lead Planner")
    app.setOrganizationName("Lead Planner")
    window = create_window(args.plan, sample=args.sample and not args.plan)
    window.show()

    def on_screen() -> None:
        warm_up()
        window.offer_recovery()

    after_first_paint(window, on_screen)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    window = start(argv)
    code = QApplication.exec()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main())
