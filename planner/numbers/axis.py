"""Round value axes for every chart (the app's and the report's): 0, 250, 500, ... up to the top."""

from __future__ import annotations

import math

STEPS = (1, 2, 2.5, 5, 10)
SMALLEST_SCALE = 1e-6  # a largest value below this is drawn on a scale of 0 to 1 (5e-324 would ask 1e-324 steps)


def nice_ticks(top: float, most: int = 5) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 x a power of ten) up to the first at or above ``top``,
    ``most`` steps at most."""
    most = max(1, most)
    if not top >= SMALLEST_SCALE or not math.isfinite(top):
        return [0.0, 1.0]
    power = 10 ** math.floor(math.log10(top / most))
    step = next(s * power for s in STEPS if s * power * most >= top * (1 - 1e-9))
    count = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]
