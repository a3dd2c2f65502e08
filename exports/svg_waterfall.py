"""A waterfall as inline SVG: a figure before, each move of it, and the figure after.

Since the last review (issue 32): this year's gap at the last review, each driver's move of it
(largest first, as given), then the gap now. A move floats where the one before it ended, so the
bars walk from the first total to the last. Rows run down the page, so a driver's words have the
room of a label; the value axis runs across with the app's round steps (``planner.numbers.axis``).
A move that grows the gap is red, one that shrinks it blue, and each bar carries its signed value,
so no colour is needed to read it. Labels are escaped (``exports.svg_charts``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from exports.svg_charts import FONT, GRID, LABEL_WIDTH, MUTED, VALUE_WIDTH, WIDTH, _label, _svg, _text, row_height
from planner.numbers import series_colours as colours
from planner.numbers.axis import nice_ticks

TOTAL = colours.OTHERS  # the gap before and after
GROWS = colours.SHORT  # a move that grows the gap
SHRINKS = colours.SUPPLIED  # a move that shrinks it
LABEL_CHARACTERS = 30  # of a label's line: 12-point text in LABEL_WIDTH


@dataclass(frozen=True)
class Step:
    label: str
    value: float  # a total's figure, or a move's size (signed)
    text: str  # as the report writes it: "199", "+55", "−19"
    total: bool = False  # a total stands on zero; a move floats from the running figure


def ticks(low: float, high: float, most: int = 6) -> list[float]:
    """Round values from at or below ``low`` to at or above ``high`` (both include 0), ``nice_ticks``'
    step for the span."""
    grid = nice_ticks(high - low, most)
    step = grid[1] - grid[0]
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return [round(n * step, 10) for n in range(first, last + 1)] if last > first else [0.0, step]


def spans(steps: Sequence[Step]) -> list[tuple[float, float]]:
    """Where each bar begins and ends: a total from 0, a move from where the last bar ended."""
    found, level = [], 0.0
    for step in steps:
        if step.total:
            level = step.value
            found.append((0.0, level))
        else:
            found.append((level, level + step.value))
            level += step.value
    return found


def _direction(step: Step) -> str:
    """Whether a move grows the figure or shrinks it, as its text beside it says ("+55", "−19"): a
    move said "0" (a "together" of 0.3 lead) is no move, whatever its exact size."""
    return "grows" if step.text.startswith("+") else "shrinks" if step.text.startswith("−") else "none"


def waterfall(
    chart_id: str,
    title: str,
    steps: Sequence[Step],
    *,
    tick_text: Callable[[float], str],
    unit: str,
    description: str = "",
) -> Markup:
    """The steps top to bottom, each bar between where it begins and ends, its value beside it."""
    ends = spans(steps)
    values = [0.0, *(v for pair in ends for v in pair)]
    grid = ticks(min(values), max(values))
    low, high = grid[0], grid[-1]
    left, right = LABEL_WIDTH, WIDTH - VALUE_WIDTH
    row = row_height([s.label for s in steps], LABEL_CHARACTERS)
    top = 8

    def x_of(value: float) -> float:
        return left + (right - left) * (value - low) / (high - low)

    bottom = top + len(steps) * row
    body = []
    for tick in grid:
        x = x_of(tick)
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="{GRID}"/>')
        body.append(_text(x, bottom + 16, tick_text(tick), anchor="middle", size=11, fill=MUTED))
    body.append(f'<line x1="{x_of(0):.1f}" y1="{top}" x2="{x_of(0):.1f}" y2="{bottom}" stroke="{MUTED}"/>')
    for i, (step, (start, end)) in enumerate(zip(steps, ends, strict=True)):
        y = top + i * row
        x0, x1 = sorted((x_of(start), x_of(end)))
        kind = "total" if step.total else _direction(step)
        colour = {"total": TOTAL, "grows": GROWS, "shrinks": SHRINKS}.get(kind, MUTED)
        body.append(
            f'<rect class="{kind}" x="{x0:.1f}" y="{y + 4}" width="{max(x1 - x0, 1):.1f}" height="{row - 8}" '
            f'fill="{colour}"/>'
        )
        if i + 1 < len(steps):  # the bar below starts where this one ends
            x = x_of(end)
            body.append(
                f'<line x1="{x:.1f}" y1="{y + row - 4}" x2="{x:.1f}" y2="{y + row + 4}" stroke="{MUTED}" '
                'stroke-dasharray="2 2"/>'
            )
        body.append(_label(left - 8, y + row / 2, step.label, LABEL_CHARACTERS))
        weight = "bold" if step.total else ""
        body.append(_text(x1 + 6, y + row / 2 + 4, step.text, weight=weight, size=FONT))
    body.append(
        _text((left + right) / 2, bottom + 32, unit, anchor="middle", size=11, fill=MUTED)
    )  # the axis's unit, under its ticks
    text = description or "; ".join(f"{s.label}: {s.text}" for s in steps) + "."
    return _svg(chart_id, title, text, bottom + 40, body)
