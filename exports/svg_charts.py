"""The report's charts as inline SVG: small pure functions, figures in, markup out.

Numbers arrive already formatted (``text``) by the caller, so a chart shows exactly what
the tables show. Every label is escaped here before it goes into the markup, and only the
finished SVG is marked safe for the templates. Each chart carries a ``<title>`` and a
``<desc>`` (its text alternative) and is ``role="img"``; the report also lists each
chart's figures in a table.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from planner.numbers import series_colours as colours
from planner.numbers.axis import nice_ticks

WIDTH = 720
FONT = 12
ROW = 26  # height of a bar row
LABEL_WIDTH = 230  # room for the labels left of horizontal bars
VALUE_WIDTH = 90  # room for the value right of a bar
# Okabe-Ito: told apart with every common colour-vision deficiency
PALETTE = colours.SOURCES  # the plan's sources, as the app colours them (planner.numbers.series_colours)
INK = "#1a1a1a"
MUTED = "#4d4d4d"
GRID = "#d0d0d0"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as the report writes it


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class TornadoRow:
    label: str
    low: float  # the change the -20% move makes
    high: float  # the change the +20% move makes
    low_text: str
    high_text: str


LINE = 13  # the height of one line of a wrapped label


def wrap(text: str, limit: int = 34) -> list[str]:
    """The label in lines of at most about ``limit`` characters, broken at spaces: never cut."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def row_height(labels: Sequence[str], limit: int) -> float:
    """A bar row tall enough for the longest wrapped label."""
    return max(ROW, max((len(wrap(label, limit)) for label in labels), default=1) * LINE + 8)


def _label(x: float, middle: float, text: str, limit: int, *, anchor: str = "end", size: int = FONT) -> str:
    """A label wrapped onto lines centred on ``middle``."""
    lines = wrap(text, limit)
    first = middle + 4 - (len(lines) - 1) * LINE / 2
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{first + i * LINE:.1f}">{escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}" font-size="{size}" fill="{INK}">{spans}</text>'


def _text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    size: int = FONT,
    weight: str = "",
    fill: str = INK,
    full: str = "",
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    hover = f"<title>{escape(full)}</title>" if full and full != content else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" fill="{fill}"{bold}>'
        f"{hover}{escape(content)}</text>"
    )


def _svg(chart_id: str, title: str, description: str, height: float, body: list[str], width: int = WIDTH) -> Markup:
    """The chart's frame: accessible name and description, a scalable view box."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" id="{escape(chart_id)}" '
        f'viewBox="0 0 {width} {height:.0f}" width="{width}" height="{height:.0f}" '
        f'preserveAspectRatio="xMinYMin meet" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'font-family="Helvetica, Arial, sans-serif">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def describe(bars: Sequence[Bar]) -> str:
    return "; ".join(f"{bar.label}: {bar.text}" for bar in bars) + "."


def reverse_funnel(
    chart_id: str, title: str, stages: Sequence[Bar], *, highlight: int | None = None, description: str = ""
) -> Markup:
    """The funnel's stages as centred bars, each as wide as its stage is large; one stage highlighted."""
    widest = max((s.value for s in stages), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    centre = LABEL_WIDTH + room / 2
    body = []
    row = row_height([s.label for s in stages], 34)
    for i, stage in enumerate(stages):
        y = 8 + i * (row + 8)
        width = max(room * stage.value / widest, 3 if stage.value > 0 else 0)
        colour = colours.SOURCES[1] if i == highlight else colours.STAGE
        body.append(f'<rect x="{centre - width / 2:.1f}" y="{y}" width="{width:.1f}" height="{row}" fill="{colour}"/>')
        body.append(_label(LABEL_WIDTH - 10, y + row / 2, stage.label, 34))
        body.append(_text(WIDTH - VALUE_WIDTH + 10, y + row / 2 + 4, stage.text, weight="bold"))
    height = 16 + len(stages) * (row + 8)
    return _svg(chart_id, title, description or describe(stages), height, body)


def horizontal_bars(chart_id: str, title: str, bars: Sequence[Bar], description: str = "") -> Markup:
    """One bar per item, largest first as given, with its value at the end."""
    largest = max((b.value for b in bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    row = row_height([b.label for b in bars], 34)
    body = [f'<line x1="{LABEL_WIDTH}" y1="0" x2="{LABEL_WIDTH}" y2="{8 + len(bars) * row}" stroke="{MUTED}"/>']
    for i, bar in enumerate(bars):
        y = 6 + i * row
        width = max(room * bar.value / largest, 0)
        body.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{width:.1f}" height="{row - 8}" '
            f'fill="{PALETTE[i % 3 if i < 3 else 0]}"/>'
        )
        body.append(_label(LABEL_WIDTH - 8, y + row / 2, bar.label, 34))
        body.append(_text(LABEL_WIDTH + width + 6, y + row / 2 + 3, bar.text))
    height = 14 + len(bars) * row
    return _svg(chart_id, title, description or describe(bars), height, body)


def axis(largest: float, ticks: int = 5) -> tuple[float, list[float]]:
    """The top of a value axis from 0 and its grid values (``planner.numbers.axis``: the app's round steps)."""
    grid = nice_ticks(largest, ticks)
    return grid[-1], grid


def _legend(items: Sequence[tuple[str, str, bool]], y: float) -> list[str]:
    """(name, colour, is a line) items in a row, wrapped to the width."""
    body, x = [], 60.0
    for name, colour, is_line in items:
        width = 26 + len(name) * FONT * 0.56
        if x + width > WIDTH:
            x, y = 60.0, y + 18
        if is_line:
            body.append(f'<line x1="{x}" y1="{y - 4}" x2="{x + 16}" y2="{y - 4}" stroke="{colour}" stroke-width="3"/>')
        else:
            body.append(f'<rect x="{x}" y="{y - 11}" width="14" height="14" fill="{colour}"/>')
        body.append(_text(x + 20, y, name))
        x += width + 14
    return body


def _month_ticks(labels: Sequence[str], most: int = 12) -> list[tuple[str, str]]:
    """(month, year) under each month: the month on at most about ``most`` of them, the year under the
    first labelled month and wherever it changes (a plan over two calendar years reads "Nov", "Jan"
    with "2027" and "2028" under them)."""
    step = max(1, math.ceil(len(labels) / most))
    ticks, last_year = [], None
    for i, label in enumerate(labels):
        top, _, bottom = label.partition(" ")
        if top == "Month":
            top, bottom = bottom, ""
        show = i % step == 0
        ticks.append((top if show else "", bottom if show and bottom != last_year else ""))
        if show:
            last_year = bottom
    return ticks


def demand_and_supply(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    supply: Sequence[Series],
    demand: Sequence[float],
    *,
    demand_name: str,
    tick_text: Callable[[float], str],
    description: str,
    unit: str = "",
) -> Markup:
    """Monthly supply as stacked bars by source, demand as a line over them; the gap is the space between."""
    months = len(labels)
    totals = [sum(s.values[m] for s in supply) for m in range(months)]
    top, grid = axis(max([*totals, *demand, 0]))
    left, right, plot_top = 70, WIDTH - 10, 40 + 18 * (len(supply) // 4)
    plot_height = 240
    bottom = plot_top + plot_height
    slot = (right - left) / max(months, 1)

    def y_of(value: float) -> float:
        return bottom - plot_height * value / top

    body = _legend(
        [
            *((s.name, PALETTE[i % len(PALETTE)], False) for i, s in enumerate(supply)),
            (demand_name, colours.NEEDED, True),
        ],
        16,
    )
    for tick in grid:
        y = y_of(tick)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 6, y + 4, tick_text(tick), anchor="end", fill=MUTED))
    for m in range(months):
        base = 0.0
        for i, series in enumerate(supply):
            value = series.values[m]
            if value <= 0:
                continue
            y0, y1 = y_of(base), y_of(base + value)
            body.append(
                f'<rect x="{left + m * slot + slot * 0.15:.1f}" y="{y1:.1f}" width="{slot * 0.7:.1f}" '
                f'height="{y0 - y1:.2f}" fill="{PALETTE[i % len(PALETTE)]}"/>'
            )
            base += value
    points = " ".join(f"{left + (m + 0.5) * slot:.1f},{y_of(v):.1f}" for m, v in enumerate(demand))
    body.append(
        f'<polyline points="{points}" fill="none" stroke="{colours.NEEDED}" stroke-width="2.5" stroke-dasharray="6 3"/>'
    )
    for m, value in enumerate(demand):
        if months <= 24:
            body.append(
                f'<circle cx="{left + (m + 0.5) * slot:.1f}" cy="{y_of(value):.1f}" r="3" fill="{colours.NEEDED}"/>'
            )
    body.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{MUTED}"/>')
    body.append(_axis_title(plot_top + plot_height / 2, unit))
    for m, (month, year) in enumerate(_month_ticks(labels)):
        x = left + (m + 0.5) * slot
        if month:
            body.append(_text(x, bottom + 16, month, anchor="middle", size=11))
        if year:
            body.append(_text(x, bottom + 30, year, anchor="middle", size=11, fill=MUTED))
    return _svg(chart_id, title, description, bottom + 40, body)


def _axis_title(middle: float, unit: str) -> str:
    """The unit of the vertical axis, written up its left side."""
    return (
        f'<text transform="translate(14,{middle:.1f}) rotate(-90)" text-anchor="middle" font-size="11" '
        f'fill="{MUTED}">{escape(unit)}</text>'
    )


def cumulative(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    needed: Sequence[float],
    supplied: Sequence[float],
    *,
    unit: str,
    tick_text: Callable[[float], str],
    description: str,
    width: int = 360,
    supplied_name: str = "Supplied to date",
    next_year_from: int | None = None,
    next_year_label: str = "Next year",
) -> Markup:
    """Needed and supplied to date as two lines; the gap between them shaded. From the month index
    ``next_year_from`` on, a band marks the months whose leads close next year."""
    months = len(labels)
    top, grid = axis(max([*needed, *supplied, 0]), 4)
    left, right, plot_top, plot_height = 62, width - 8, 30, 140
    bottom = plot_top + plot_height
    slot = (right - left) / max(months, 1)

    def x_of(m: int) -> float:
        return left + (m + 0.5) * slot

    def y_of(value: float) -> float:
        return bottom - plot_height * value / top

    body = []
    if next_year_from is not None and 0 <= next_year_from < months:
        band = left + next_year_from * slot
        body.append(
            f'<rect class="next-year" x="{band:.1f}" y="{plot_top}" width="{right - band:.1f}" '
            f'height="{plot_height}" fill="{colours.NEXT_YEAR}"/>'
        )
        body.append(_text((band + right) / 2, plot_top + 12, next_year_label, anchor="middle", size=10, fill=MUTED))
    x = 62.0
    for name, colour, dash in (("Needed to date", colours.NEEDED, "6 3"), (supplied_name, colours.SUPPLIED, "")):
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(f'<line x1="{x}" y1="12" x2="{x + 16}" y2="12" stroke="{colour}" stroke-width="3"{dashes}/>')
        body.append(_text(x + 20, 16, name, size=11))
        x += 26 + len(name) * 6.5 + 14
    for tick in grid:
        y = y_of(tick)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 5, y + 4, tick_text(tick), anchor="end", size=11, fill=MUTED))
    if months:
        upper = [f"{x_of(m):.1f},{y_of(v):.1f}" for m, v in enumerate(needed)]
        lower = [f"{x_of(m):.1f},{y_of(v):.1f}" for m, v in reversed(list(enumerate(supplied)))]
        body.append(f'<polygon points="{" ".join(upper + lower)}" fill="{colours.SHORT}" fill-opacity="0.15"/>')
        body.append(
            f'<polyline points="{" ".join(upper)}" fill="none" stroke="{colours.NEEDED}" stroke-width="2" '
            'stroke-dasharray="6 3"/>'
        )
        points = " ".join(f"{x_of(m):.1f},{y_of(v):.1f}" for m, v in enumerate(supplied))
        body.append(f'<polyline points="{points}" fill="none" stroke="{colours.SUPPLIED}" stroke-width="2.5"/>')
    body.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{MUTED}"/>')
    body.append(_axis_title(plot_top + plot_height / 2, unit))
    for m, (month, year) in enumerate(_month_ticks(labels, 6)):
        if month:
            body.append(_text(x_of(m), bottom + 15, month, anchor="middle", size=11))
        if year:
            body.append(_text(x_of(m), bottom + 28, year, anchor="middle", size=10, fill=MUTED))
    return _svg(chart_id, title, description, bottom + 34, body, width=width)


def tornado(
    chart_id: str, title: str, rows: Sequence[TornadoRow], *, low_name: str, high_name: str, description: str = ""
) -> Markup:
    """Each driver's two moves as bars either side of no change, the largest effect on top."""
    largest = max((max(abs(r.low), abs(r.high)) for r in rows), default=0) or 1
    left, right = LABEL_WIDTH + 95, WIDTH - 60  # room for a value label either side
    centre = (left + right) / 2
    half = (right - left) / 2
    plot_top = 32
    body = _legend([(low_name, colours.LOWER, False), (high_name, colours.HIGHER, False)], 16)
    height = row_height([r.label for r in rows], 40)
    for i, row in enumerate(rows):
        y = plot_top + i * height
        body.append(_label(LABEL_WIDTH + 30, y + height / 2, row.label, 40, size=11))
        moves = [(row.low, row.low_text, colours.LOWER), (row.high, row.high_text, colours.HIGHER)]
        moves.sort(key=lambda move: -abs(move[0]))  # the smaller bar drawn over the larger
        for value, _, colour in moves:
            width = half * abs(value) / largest
            x = centre if value >= 0 else centre - width
            body.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{width:.1f}" height="{height - 8}" fill="{colour}"/>')
        labels = [(value, text) for value, text, _ in moves if value != 0]
        if len(labels) == 2 and (labels[0][0] > 0) == (labels[1][0] > 0):  # both on one side: one label
            labels = [(labels[0][0], f"{row.low_text} / {row.high_text}")]
        for value, text in labels:
            end = centre + (half * abs(value) / largest + 4) * (1 if value > 0 else -1)
            body.append(_text(end, y + height / 2 + 3, text, anchor="start" if value > 0 else "end", size=11))
    bottom = plot_top + len(rows) * height + 4
    body.append(f'<line x1="{centre}" y1="{plot_top - 4}" x2="{centre}" y2="{bottom}" stroke="{INK}"/>')
    return _svg(chart_id, title, description, bottom + 6, body)
