"""Round steps for every axis and slider (the app's, the report's): 0, 250, 500, ... up to the top.

A round number is 1, 2, 2.5 or 5 times a power of ten. An axis steps up to the first round number
at or above its share of the top; a slider (presentation mode's amounts) steps by the largest
round number at most what it is asked, of 1, 2 or 5 only.
"""

from __future__ import annotations

import math

STEPS = (1, 2, 2.5, 5, 10)
SLIDER_STEPS = (1, 2, 5)
SMALLEST_SCALE = 1e-6  # a largest value below this is drawn on a scale of 0 to 1 (5e-324 would ask 1e-324 steps)


def _power_of_ten(value: float) -> float:
    """The power of ten at or below ``value``: 100 for 250."""
    return 10 ** math.floor(math.log10(value))


def nice_ticks(top: float, most: int = 5) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 x a power of ten) up to the first at or above ``top``,
    ``most`` steps at most."""
    most = max(1, most)
    if not top >= SMALLEST_SCALE or not math.isfinite(top):
        return [0.0, 1.0]
    power = _power_of_ten(top / most)
    step = next(s * power for s in STEPS if s * power * most >= top * (1 - 1e-9))
    count = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


def slider_step(value: float) -> float:
    """The round step (1, 2 or 5 x a power of ten) at most ``value``; 1 for nothing."""
    if value <= 0:
        return 1.0
    power = _power_of_ten(value)
    return max(s * power for s in SLIDER_STEPS if s * power <= value)
