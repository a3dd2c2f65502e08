"""PyInstaller's entry point for ``leadplanner``, the app (the wheel uses ``ui.app:main``)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
