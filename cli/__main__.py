"""``python -m cli``: the same as ``leadplanner-cli``."""

import sys

from cli.main import main

sys.exit(main())
