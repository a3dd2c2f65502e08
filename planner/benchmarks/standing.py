"""Where a plan's assumptions stand against its industry's cited ranges, and what an outlier does.

Each figure of the library applies to plan paths: ``targets.win_rate`` to itself, an inside-team
figure (``labor.inside.*``) to each inside team, a cost per lead (``channels.<type>.*``) to each
program of that type. An assumption is *outside* when it is below the low or above the high end.
A challenge is one line per figure (the rows outside it named together), with what the answer
would be at the typical figure: the engine recomputes the plan with it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, NamedTuple

from planner.benchmarks.library import FIGURES, Library, Range, built_in
from planner.numbers import formatting as fmt
from planner.numbers.engine import compute_core
from planner.numbers.results import PlanResult
from planner.numbers.supply import Cache
from planner.plan.model import Plan
from planner.plan.paths import set_value

ROW_PHRASES = {
    "srl_per_person_month": "sales-ready leads a month per person",
    "cost_per_person_month": "monthly cost per person",
    "attrition_rate": "attrition a year",
    "cost_per_lead": "cost per raw lead",
}
WHOLE_MONTHS = ("targets.sales_cycle_months", "targets.new_hire_ramp_months")  # whole numbers in the plan


class Assumption(NamedTuple):
    """One of the plan's inputs beside its industry's range."""

    path: str  # the plan path: targets.win_rate, labor[0].srl_per_person_month, channels[1].cost_per_lead
    figure: str  # the library's path: targets.win_rate, labor.inside.srl_per_person_month
    row: str  # the team's or program's name ("" for a target)
    value: float
    range: Range

    @property
    def outside(self) -> bool:
        return self.value < self.range.low or self.value > self.range.high

    @property
    def side(self) -> str:
        return "above" if self.value > self.range.high else "below" if self.value < self.range.low else ""


class Challenge(NamedTuple):
    """One figure the plan is outside of, said once: the sentence and its source."""

    figure: str
    assumptions: tuple[Assumption, ...]  # the plan's values outside the range (one for a target)
    text: str  # "Your win rate of 40% is above the 15–30% typical of … At the typical 25% …"
    range: Range


def library_or_built_in(library: Library | None) -> Library:
    return library if library is not None else built_in()


def _inputs(plan: Plan, figure: str) -> Iterator[tuple[str, str, Any]]:
    """The plan path, the row's name ("" for a target) and the value of each input ``figure`` applies to."""
    kind, _, name = figure.partition(".")
    if kind == "targets":
        yield figure, "", getattr(plan.targets, name)
    elif kind == "labor":
        kind_of, _, field = name.partition(".")
        for i, row in enumerate(plan.labor):
            if row.kind == kind_of:
                yield f"labor[{i}].{field}", row.name or row.id, getattr(row, field)
    else:
        channel_type, _, field = name.partition(".")
        for i, channel in enumerate(plan.channels):
            if channel.is_program and channel.type == channel_type:
                yield f"channels[{i}].{field}", channel.name or f"channel {i + 1}", getattr(channel, field)


def assumptions(plan: Plan, library: Library | None = None) -> tuple[Assumption, ...]:
    """Every input of the plan that its industry has a range for, in the library's order (none
    without an industry). Money is compared only when the plan and the library share a currency."""
    library = library_or_built_in(library)
    industry = library.industry(plan.basics.industry)
    if industry is None:
        return ()
    found = []
    for figure in FIGURES:
        ranged = industry.figures.get(figure)
        if ranged is None or not library.compares(figure, plan.basics.currency):
            continue
        for path, row, value in _inputs(plan, figure):
            if isinstance(value, int | float) and not isinstance(value, bool):
                found.append(Assumption(path, figure, row, value, ranged))
    return tuple(found)


def assumptions_data(plan: Plan, library: Library | None = None) -> list[dict[str, Any]]:
    """``summary --json``'s ``assumptions``: each input beside its range (an empty list without an industry)."""
    return [
        {
            "path": a.path,
            "value": a.value,
            "low": a.range.low,
            "typical": a.range.typical,
            "high": a.range.high,
            "outside": a.outside,
        }
        for a in assumptions(plan, library)
    ]


def shown(figure: str, value: float, currency: str) -> str:
    """A figure's value as the app shows it: 25%, 3 months, 12, $8,500."""
    kind = FIGURES[figure].kind
    if kind == "rate":
        return fmt.percent(value, 1).replace(".0%", "%")
    if kind == "months":
        return fmt.month_count(value)
    if kind == "money":
        return fmt.money(value, currency)
    return fmt.entered(value, 1)


def range_text(figure: str, ranged: Range, currency: str) -> str:
    """ "15–30%", "$150–$500", "3–4 months", "12–20"."""
    low, high = shown(figure, ranged.low, currency), shown(figure, ranged.high, currency)
    kind = FIGURES[figure].kind
    if kind == "rate":
        low = low.removesuffix("%")
    elif kind == "months":
        low = fmt.entered(ranged.low)
    return f"{low}–{high}"


def hint(figure: str, industry_name: str, ranged: Range, currency: str) -> str:
    """A field's hint: "typical for Mid-market SaaS: 20–35%, typical 28% (FirstSales, 2024)"."""
    typical = shown(figure, ranged.typical, currency)
    return (
        f"typical for {industry_name}: {range_text(figure, ranged, currency)}, middle {typical} ({ranged.source.short})"
    )


def _subject(figure: str, outside: tuple[Assumption, ...], currency: str) -> str:
    first = outside[0]
    value = shown(figure, first.value, currency)
    if not first.row:
        return f"Your {FIGURES[figure].label.lower()} of {value}"
    phrase = ROW_PHRASES[figure.rsplit(".", 1)[1]]
    name = fmt.clipped(first.row)
    if len(outside) == 1:
        return f"The {phrase} of “{name}”, {value},"
    return f"The {phrase} of “{name}” ({value}) and {len(outside) - 1:,} more"


def with_value(plan: Plan, outside: tuple[Assumption, ...], value: float) -> Plan:
    """The plan with each of these inputs at ``value``: a target, or a field of many rows at once
    (each row list is copied once, not once a row: a plan may hold thousands of programs)."""
    section = outside[0].path.partition("[")[0].partition(".")[0]
    if section == "targets":
        return set_value(plan, outside[0].path, value)
    rows = list(getattr(plan, section))
    for a in outside:
        index = int(a.path[a.path.index("[") + 1 : a.path.index("]")])
        rows[index] = dataclasses.replace(rows[index], **{a.path.rsplit(".", 1)[1]: value})
    return dataclasses.replace(plan, **{section: tuple(rows)})


def effect(plan: Plan, result: PlanResult, figure: str, outside: tuple[Assumption, ...], cache: Cache) -> str:
    """What the answer would be with the typical figure instead: the engine recomputes the plan
    (``cache``: the plan's rows already worked out, shared by every challenge)."""
    typical = outside[0].range.typical
    value: float = round(typical) if figure in WHOLE_MONTHS else typical
    moved = compute_core(with_value(plan, outside, value), cache, with_months=False)
    typical_text = shown(figure, typical, plan.basics.currency)
    at = f"At the typical {typical_text}"
    before, after = result.demand.sales_ready_leads, moved.demand.sales_ready_leads
    if fmt.count(before) != fmt.count(after) and before > 0:
        change = after / before - 1
        more = "more" if change > 0 else "fewer"
        return (
            f"It drives the whole plan: at the typical {typical_text} you would need {fmt.percent(abs(change))} "
            f"{more} sales-ready leads ({fmt.count(after)} instead of {fmt.count(before)})."
        )
    if fmt.gap(result.year.gap) != fmt.gap(moved.year.gap):
        return (
            f"{at}, this year's gap would be {fmt.gap(moved.year.gap)} sales-ready leads instead of "
            f"{fmt.gap(result.year.gap)}."
        )
    currency = plan.basics.currency
    if fmt.money(result.supply.cost, currency) != fmt.money(moved.supply.cost, currency):
        return (
            f"{at}, the plan would cost {fmt.money(moved.supply.cost, currency)} instead of "
            f"{fmt.money(result.supply.cost, currency)}."
        )
    return f"{at}, the plan's answer would not move."


def challenges(plan: Plan, result: PlanResult, library: Library | None = None) -> tuple[Challenge, ...]:
    """One challenge per figure the plan is outside of; none when every assumption is in range."""
    library = library_or_built_in(library)
    industry = library.industry(plan.basics.industry)
    if industry is None:
        return ()
    currency = plan.basics.currency
    by_figure: dict[tuple[str, str], list[Assumption]] = {}
    for a in assumptions(plan, library):
        if a.outside:
            by_figure.setdefault((a.figure, a.side), []).append(a)
    found = []
    cache: Cache = {}
    if by_figure:
        compute_core(plan, cache, with_months=False)  # the rows a challenge leaves as they are, worked out once
    for (figure, side), rows in by_figure.items():
        outside = tuple(rows)
        ranged = outside[0].range
        text = (
            f"{_subject(figure, outside, currency)} {'is' if len(outside) == 1 else 'are'} {side} the "
            f"{range_text(figure, ranged, currency)} typical of {industry.name} ({ranged.source.short}). "
            f"{effect(plan, result, figure, outside, cache)}"
        )
        found.append(Challenge(figure, outside, text, ranged))
    return tuple(found)
