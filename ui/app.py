"""The ``leadplanner`` command: the desktop app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="leadplanner", description="Lead Planner, the desktop app.")
    parser.add_argument("plan", nargs="?", help="a .leadplan file to open")
    parser.add_argument("--sample", action="store_true", help="open the bundled sample plan")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from ui.main_window import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Lead Planner")
    app.setOrganizationName("Lead Planner")
    window = create_window(args.plan, sample=args.sample and not args.plan)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
