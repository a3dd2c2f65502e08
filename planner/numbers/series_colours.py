"""The colour of each kind of series, the same in the app's charts, the report's and the workbook's.

Pure data (hex strings), so the app (``ui.palette``, which adds each source's shade) and the
exports read one table: what the plan needs is near-black, what it supplies the accent blue, short
of demand red, next year's start a light grey-blue band, and the plan's own sources take the
colour-blind-safe ``SOURCES`` in order (Okabe-Ito and Paul Tol, without red and green).
"""

from __future__ import annotations

# the plan's resources and programs (or kinds of them), in order
SOURCES = (
    "#0072B2", "#E69F00", "#56B4E9", "#CC79A7", "#332288", "#DDCC77", "#8C6D31", "#882255", "#999933",
    "#AA4499",
)  # fmt: skip
OTHERS = "#999999"  # the smaller sources added up
OTHERS_NAME = "Others"

NEEDED = "#111111"  # what the plan needs (the demand line, the revenue goal)
SUPPLIED = "#1f5fa8"  # what the plan supplies, all sources together
SHORT = "#C62828"  # short of demand: a clear red no series uses
NEXT_YEAR = "#e3e8ef"  # the carry-over months, whose leads close next year
PIPELINE = "#9DB5D3"  # revenue from the current pipeline (a light accent: before the plan's own leads)
FROM_LEADS = SUPPLIED  # revenue from the plan's sales-ready leads (the supply, closed)
ACTUAL = "#B35806"  # what really happened (Track)
FORECAST = ACTUAL  # at this pace: the actuals carried on (drawn dashed)
LOWER, HIGHER = "#E69F00", "#0072B2"  # a driver moved down, and up (the tornado)
STAGE = SUPPLIED  # the reverse funnel's stages, the seasonality weights
