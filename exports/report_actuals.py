"""The report's "Plan vs actual" section: where the plan stands on its actuals, a table and a chart.

None when the plan has no actuals (the section is left out). Every figure comes from the
engine's result and :mod:`planner.advice.tracking`, written with :mod:`planner.numbers.formatting`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from exports.report_model import Table
from exports.svg_charts import GRID, INK, MUTED, WIDTH, _legend, _month_ticks, _svg, _text, axis
from planner.advice import health, review, tracking
from planner.numbers import formatting as fmt
from planner.numbers import series_colours as colours
from planner.numbers import status as st
from planner.numbers.results import PlanResult

NOT_REPORTED = "—"


@dataclass(frozen=True)
class Line:
    name: str
    values: tuple[float, ...]
    first: int = 0  # the month index of the first value
    colour: str = INK
    dashed: bool = False
    points: bool = False


def lines_chart(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    lines: Sequence[Line],
    *,
    tick_text: Callable[[float], str],
    description: str,
) -> Markup:
    """Lines over the months (a line may start later than the first month), with a value grid."""
    months = len(labels)
    largest = max((v for line in lines for v in line.values), default=0.0)
    top, grid = axis(largest)
    left, right, plot_top, plot_height = 60, WIDTH - 10, 40 + 18 * (len(lines) // 4), 240
    bottom = plot_top + plot_height
    slot = (right - left) / max(months, 1)

    def x_of(index: float) -> float:
        return left + (index + 0.5) * slot

    def y_of(value: float) -> float:
        return bottom - plot_height * value / top

    body = _legend([(line.name, line.colour, True) for line in lines], 16)
    for tick in grid:
        body.append(f'<line x1="{left}" y1="{y_of(tick):.1f}" x2="{right}" y2="{y_of(tick):.1f}" stroke="{GRID}"/>')
        body.append(_text(left - 6, y_of(tick) + 4, tick_text(tick), anchor="end", fill=MUTED))
    for line in lines:
        if not line.values:
            continue
        points = " ".join(f"{x_of(line.first + i):.1f},{y_of(v):.1f}" for i, v in enumerate(line.values))
        dash = ' stroke-dasharray="6 3"' if line.dashed else ""
        if len(line.values) > 1:
            body.append(f'<polyline points="{points}" fill="none" stroke="{line.colour}" stroke-width="2.5"{dash}/>')
        if line.points or len(line.values) == 1:
            for i, value in enumerate(line.values):
                body.append(
                    f'<circle cx="{x_of(line.first + i):.1f}" cy="{y_of(value):.1f}" r="3.5" fill="{line.colour}"/>'
                )
    body.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{MUTED}"/>')
    for m, (month, year) in enumerate(_month_ticks(labels)):
        if month:
            body.append(_text(x_of(m), bottom + 16, month, anchor="middle", size=11))
        if year:
            body.append(_text(x_of(m), bottom + 30, year, anchor="middle", size=11, fill=MUTED))
    return _svg(chart_id, title, description, bottom + 40, body)


def shown(value: float | None, stage: tracking.Stage, currency: str) -> str:
    if value is None:
        return NOT_REPORTED
    return fmt.money(value, currency) if stage.kind == "money" else fmt.count(value)


def signed(value: float | None, stage: tracking.Stage, currency: str) -> str:
    if value is None:
        return NOT_REPORTED
    text = shown(abs(value), stage, currency)
    return st.standing(value, short="+", surplus="-", even="") + text  # within half a unit: no sign


def month_table(result: PlanResult) -> Table:
    """Sales-ready leads month by month: actual, needed, variance, and the cumulative actual then forecast."""
    leads = tracking.STAGES[0]
    figures = tracking.cumulative(result)
    through = len(figures.actual)
    rows = []
    for index, month in enumerate(result.months):
        if index < through:
            running = figures.actual[index]
        elif figures.forecast:
            running = figures.forecast[index - through + 1]
        else:  # no actual sales-ready leads reported (only other stages): the plan's supply to date
            running = figures.supplied[index]
        rows.append(
            (
                month.label,
                shown(month.actual_sales_ready_leads, leads, ""),
                fmt.count(month.sales_ready_leads_needed),
                signed(month.variance, leads, ""),
                fmt.count(figures.needed[index]),
                f"{fmt.count(running)}{'' if index < through else ' (forecast)'}",
            )
        )
    carried = [m for m in result.months if not m.in_time]
    caption = "Sales-ready leads by month: actual against needed, and the year at this pace"
    if carried:
        caption += f" (from {carried[0].label}, next year's start: those leads close next year)"
    return Table(
        caption,
        ("Month", "Actual", "Needed", "Variance", "Needed, cumulative", "Actual, cumulative"),
        rows,
        row_classes=tuple("" if m.in_time else "next-year" for m in result.months),
    )


def stage_table(result: PlanResult) -> Table:
    """Each stage to its last reported month: actual against the plan, and the variance."""
    rows = []
    for stage in tracking.STAGES:
        figures = tracking.to_date(result, stage)
        if figures is None:
            rows.append((stage.label, "not reported", NOT_REPORTED, NOT_REPORTED, NOT_REPORTED))
            continue
        word = {"behind": " (behind)", "ahead": " (ahead)"}.get(figures.standing, "")
        rows.append(
            (
                stage.label,
                health.month_label(result, figures.through_month),
                shown(figures.actual, stage, result.currency),
                shown(figures.plan, stage, result.currency),
                signed(figures.variance, stage, result.currency) + word,
            )
        )
    return Table("Each stage to date", ("Stage", "Reported to", "Actual", "Plan", "Variance"), rows, text_columns=2)


def chart(result: PlanResult) -> Markup:
    figures = tracking.cumulative(result)
    through = len(figures.actual)
    lines = [
        Line("Needed (plan)", figures.needed, colour=colours.NEEDED),
        Line("Supplied (plan)", figures.supplied, colour=colours.SUPPLIED, dashed=True),
        Line("Actual", figures.actual, colour=colours.ACTUAL, points=True),
        Line(
            "Forecast at this pace", figures.forecast, first=max(0, through - 1), colour=colours.FORECAST, dashed=True
        ),
    ]
    year = result.year
    if through:
        description = (
            f"Sales-ready leads added up month by month: {fmt.count(figures.actual[-1])} actual to "
            f"{result.months[through - 1].label} against {fmt.count(figures.needed[through - 1])} needed; "
            f"at this pace {fmt.count(year.sales_ready_leads_expected)} of the "
            f"{fmt.count(year.sales_ready_leads_needed)} needed "
            + (f"by {result.months[year.last_month - 1].label}." if year.last_month else "this year.")
        )
    else:
        description = f"No actual sales-ready leads yet; the plan needs {fmt.count(figures.needed[-1])}."
    return lines_chart(
        "chart-actuals",
        "Sales-ready leads, cumulative: plan vs actual",
        [m.label for m in result.months],
        lines,
        tick_text=lambda v: fmt.count(v),
        description=description,
    )


def plan_vs_actual(result: PlanResult) -> dict[str, object] | None:
    """The section's view-model; None without actuals (the section is left out)."""
    if result.actuals is None or not result.months:
        return None
    summary = review.actual_entries(result)
    if result.actuals.forecast_sales_ready_leads is not None:
        summary.insert(0, health.verdict(result))
    return {
        "summary": summary,
        "chart": chart(result),
        "months": month_table(result),
        "stages": stage_table(result),
    }
