"""The ``leadplanner`` command: the desktop app."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def parse_arguments(argv: Sequence[str]) -> tuple[str | None, bool]:
    """The plan to open and whether to open the sample.

    ``leadplanner``, ``leadplanner PLAN`` and ``leadplanner --sample`` are read directly;
    anything else (``--help``, a mistake) goes to argparse, which is not worth its 3 ms of
    imports at every start.
    """
    if len(argv) <= 1 and all(a == "--sample" or not a.startswith("-") for a in argv):
        plan = next((a for a in argv if a != "--sample"), None)
        return plan, plan is None and "--sample" in argv
    import argparse

    from planner.version import __version__

    parser = argparse.ArgumentParser(prog="leadplanner", description="Lead Planner, the desktop app.")
    parser.add_argument("plan", nargs="?", help="a .leadplan file to open")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample plan")
    parser.add_argument("--version", action="version", version=f"leadplanner {__version__}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check this installation without a screen: open the sample, compute, export both files, exit",
    )
    args = parser.parse_args(argv)
    if args.smoke_test:
        parser.error("--smoke-test takes no other arguments")
    return args.plan, args.sample and not args.plan


def start(argv: Sequence[str] | None = None) -> MainWindow:
    """What the command does before Qt's event loop: the window on screen, and, once it is
    painted, the offer to recover what a crash left behind (the next start after a crash)."""
    # Start-up allocates many long-lived objects (Qt's types, the plan, the widgets): the
    # cyclic garbage collector would walk them again and again for nothing. It is off until
    # the window is on screen, and what start-up made is then frozen out of its way.
    gc.disable()
    plan, open_sample = parse_arguments(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication

    from ui.startup import after_first_paint, stop_pyside_reading_sources, warm_up

    stop_pyside_reading_sources()
    from ui.main_window import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Lead Planner")
    app.setOrganizationName("Lead Planner")
    app.setDesktopFileName("leadplanner")  # Wayland and the task bar match the window to leadplanner.desktop
    # the menus' actions and the icon (QIcon builds 150 Python enums) come just after the first paint
    window = create_window(plan, sample=open_sample, menus_after_paint=True)
    window.show()

    def on_screen() -> None:
        gc.freeze()  # what start-up made lives as long as the app: later collections skip it
        gc.enable()
        if os.environ.get("LEADPLANNER_EXIT_AT_FIRST_PAINT"):  # `make bench` times the bundle's start-up
            print("painted", flush=True)
            app.quit()
            return
        from ui.icon import window_icon

        app.setWindowIcon(window_icon())
        warm_up()
        window.autosave_from_now()
        window.offer_recovery()

    after_first_paint(window, on_screen)
    window.destroyed.connect(gc.enable)  # closed before it was ever painted
    return window


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--smoke-test"]:
        from ui.smoke_test import smoke_test

        return smoke_test()
    from PySide6.QtWidgets import QApplication

    window = start(arguments)
    code = QApplication.exec()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main())
