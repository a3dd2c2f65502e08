"""One colour for each series, throughout the app: every chart takes its colours from here.

Kinds of series have a colour of their own: what the plan needs (black), what it supplies (the
accent blue), short of demand (red), next year's start (a light grey-blue band), the smaller
sources added up as "Others" (grey), and so on.

The plan's own sources are coloured by who they are, never by where a chart happens to list them:

- each resource a colour of its own, in the plan's order, then each marketing program;
- a people-driven channel a shade of its owner's colour (a resource's channels are its leads,
  split), and the capacity no channel takes the owner's colour greyed.

So "Inside SDRs" is the same blue in the supply chart, the cost chart and the channel mix, a
program the same colour beside the resources and beside the channels, and a chart that adds the
smallest sources up as "Others" colours the rest as before. The colours come from the
Okabe-Ito palette and Paul Tol's, without red and green, which mean short and covered only.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from planner.numbers.breakdown import UNASSIGNED
from planner.numbers.results import PlanResult
from planner.numbers.series_colours import (
    ACTUAL,
    FORECAST,
    FROM_LEADS,
    HIGHER,
    LOWER,
    NEEDED,
    NEXT_YEAR,
    OTHERS,
    OTHERS_NAME,
    PIPELINE,
    SHORT,
    SOURCES,
    STAGE,
    SUPPLIED,
)

# the colours of the kinds of series and the sources' order, shared with the exports
__all__ = [
    "ACTUAL", "FORECAST", "FROM_LEADS", "HIGHER", "LOWER", "NEEDED", "NEXT_YEAR", "OTHERS", "OTHERS_NAME",
    "PIPELINE", "SHORT", "SOURCES", "STAGE", "SUPPLIED", "colours_of", "shade", "source_colours", "unused",
]  # fmt: skip

_cache: dict[str, object] = {"key": None, "colours": {}}


SHADE_STEPS = (0.0, -0.15, 0.18, -0.28, 0.3)  # a resource's channels: its colour, darker, lighter, ...


def shade(colour: str, index: int) -> str:
    """The ``index``-th shade of ``colour`` for a resource's channels: the colour itself, then darker,
    lighter and so on (turned the other way where it would run into black or white)."""
    if index == 0:
        return colour
    hue, saturation, lightness, _ = QColor(colour).getHslF()
    step = SHADE_STEPS[index % len(SHADE_STEPS)] * (1 + index // len(SHADE_STEPS))
    shaded = lightness + step if 0.12 <= lightness + step <= 0.85 else lightness - step
    return QColor.fromHslF(hue, saturation, min(0.85, max(0.1, shaded))).name()


def unused(colour: str) -> str:
    """A resource's capacity no channel takes: its colour greyed (light, little saturation), apart
    from every channel's shade and from "Others"."""
    hue, saturation, _, _ = QColor(colour).getHslF()
    return QColor.fromHslF(hue, saturation * 0.3, 0.72).name()


def source_colours(result: PlanResult) -> dict[str, str]:
    """Each source's colour by the name the charts give it (``planner.numbers.breakdown``): resources,
    programs, people-driven channels and capacity not assigned (worked out once per set of sources)."""
    key = (result.resources, result.channels)
    if _cache["key"] == key:
        return _cache["colours"]  # type: ignore[return-value]
    colours: dict[str, str] = {}
    owners: dict[str, str] = {}
    for index, resource in enumerate(result.resources):
        colour = SOURCES[index % len(SOURCES)]
        owners[resource.id] = colour
        colours.setdefault(resource.name or resource.id, colour)
    programs = [c for c in result.channels if c.is_program]
    for offset, channel in enumerate(programs, start=len(result.resources)):
        colours.setdefault(channel.name or "Program", SOURCES[offset % len(SOURCES)])
    by_owner: dict[str, list[str]] = {}
    for channel in result.channels:
        if not channel.is_program:
            by_owner.setdefault(channel.owner, []).append(channel.name or f"Channel {channel.index + 1}")
    for resource in result.resources:
        colour = owners[resource.id]
        for index, name in enumerate(by_owner.get(resource.id, [])):
            colours.setdefault(name, shade(colour, index))
        colours.setdefault(f"{resource.name or resource.id}: {UNASSIGNED}", unused(colour))
    for names in (by_owner.get(owner, []) for owner in by_owner if owner not in owners):
        for name in names:  # a channel whose owner is gone (the file checks refuse it; shown all the same)
            colours.setdefault(name, OTHERS)
    colours[OTHERS_NAME] = OTHERS
    _cache["key"], _cache["colours"] = key, colours
    return colours


def colours_of(result: PlanResult, names: list[str]) -> dict[str, str]:
    """The colours of the sources a chart shows, by name (a name the plan does not know: grey)."""
    known = source_colours(result)
    return {name: known.get(name, OTHERS) for name in names}
