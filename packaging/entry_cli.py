"""PyInstaller's entry point for ``leadplanner-cli`` (the wheel uses ``cli.main:main``)."""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())
