"""One colour for each series throughout the app: a resource, a program or a channel is the same
colour in every chart that shows it, on every step, wherever a chart lists it; within a
chart no two series share a colour; a people-driven channel is a shade of its owner's colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from tests.ui.helpers import at_size, run_what_is_due
from ui.main_window import MainWindow


def legends(window: MainWindow, step: int, qtbot: Any) -> dict[str, dict[str, str]]:
    """Each chart of a step (scrolled into view, so drawn) by name: its series' names and colours."""
    window.go_to_step(step)
    page = window.page(step)
    found: dict[str, dict[str, str]] = {}
    for slot in page.findChildren(QWidget):
        if type(slot).__name__ != "ChartSlot" or not slot.isVisible():
            continue
        page.ensureWidgetVisible(slot)
        qtbot.waitUntil(lambda s=slot: s.chart is not None)
        run_what_is_due(qtbot)  # (filled on the event loop's next turn once in view)
        chart = slot.chart
        if chart.legend_label is None or not chart.legend_label.entries:
            continue  # (the funnel's and the seasonality's bars say what they are on their axis)
        # the channel mix names a slice "Outbound phone: 239 (60%)": the name is before the figures
        entries = {name.rsplit(": ", 1)[0] if name.endswith("%)") else name: colour.lower()
                   for name, colour in chart.legend_label.entries}  # fmt: skip
        found[chart.objectName()] = entries
    return found


def distance(first: str, second: str) -> float:
    """How far apart two colours look ("redmean": weighted RGB distance; under 30 they look alike)."""
    a, b = QColor(first), QColor(second)
    red = (a.red() + b.red()) / 2
    dr, dg, db = a.red() - b.red(), a.green() - b.green(), a.blue() - b.blue()
    return ((2 + red / 256) * dr * dr + 4 * dg * dg + (2 + (255 - red) / 256) * db * db) ** 0.5


def same_series_same_colour(charts: dict[str, dict[str, str]]) -> list[str]:
    seen: dict[str, tuple[str, str]] = {}
    differ = []
    for chart, entries in charts.items():
        for name, colour in entries.items():
            if name in seen and seen[name][1] != colour:
                differ.append(f"{name}: {seen[name][1]} in {seen[name][0]}, {colour} in {chart}")
            seen.setdefault(name, (chart, colour))
    return differ


def test_each_resource_program_and_channel_has_one_colour_on_every_step(wide: MainWindow, qtbot: Any) -> None:
    at_size(wide, qtbot, 1366, 768)
    charts: dict[str, dict[str, str]] = {}
    for step in (2, 3, 4, 6):  # targets, labor, channels, review
        charts.update(legends(wide, step, qtbot))
    assert {"chart.labor_supply", "chart.channel_supply", "chart.channel_mix", "chart.cost"} <= set(charts)
    assert same_series_same_colour(charts) == []
    # the Review step's three charts of sources: the supply by resource, the cost, the channel mix
    review = legends(wide, 6, qtbot)
    supply, cost, mix = (review[name] for name in ("chart.demand_supply", "chart.cost", "chart.channel_mix"))
    assert supply["Inside SDRs"] == cost["Inside SDRs"]
    assert supply["LinkedIn ads"] == cost["LinkedIn ads"] == mix["LinkedIn ads"]  # a program, beside both
    for chart, entries in charts.items():  # within a chart, each series a colour told apart from the others'
        colours = list(entries.values())
        close = [(a, b) for i, a in enumerate(colours) for b in colours[i + 1 :] if distance(a, b) < 30]
        assert close == [], chart
    # Inside SDRs' channels: shades of its blue
    owner = QColor(supply["Inside SDRs"])
    for channel in ("Outbound phone", "Outbound email"):
        assert abs(QColor(mix[channel]).hslHue() - owner.hslHue()) <= 3, channel


def test_series_colours_keep_red_and_green_for_short_and_covered() -> None:
    from ui.palette import OTHERS, SHORT, SOURCES
    from ui.style import GOOD

    for colour in (*SOURCES, OTHERS):
        hue = QColor(colour).hslHue()
        reddish = hue < 15 or hue > 345
        greenish = 90 <= hue <= 160
        assert not (reddish or greenish) or QColor(colour).hslSaturation() < 40, colour
    assert SHORT not in SOURCES and GOOD not in SOURCES
