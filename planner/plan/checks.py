"""Problems, and the checks of a single value against its Spec.

The messages are written for a sales leader, not a programmer: they say what the field
expects and what was entered, with rates shown as percentages.
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from planner.plan.model import Spec

MONTH_RE = re.compile(r"([0-9]{4})-([0-9]{2})")  # ASCII digits only, matched whole (no trailing newline)

# The largest value each kind of number may hold, and the smallest positive amount: beyond
# these a plan's figures stop meaning anything (and products of them overflow a float).
# A field's own Spec.maximum, where it has one, comes first. Each bound is in the message.
MAXIMUM_BY_KIND: dict[str, float] = {
    "money": 1e12,  # a trillion in the plan's currency
    "count": 1e7,  # people, leads a person-month, days, dials
    "number": 1e12,  # a metric's target
    "int": 1200,  # months (a sales cycle or ramp of a hundred years)
}
SMALLEST_RATE = 0.0001  # 0.01%: smaller rates turn any goal into infinitely many leads
SMALLEST_POSITIVE_MONEY = 0.01  # a deal size or cost per lead must be at least a cent
MAX_LIST_ITEMS = 10_000  # items of one list of texts (the review lists)
MAX_ROWS = 50_000  # rows of one table (resources, channels, metrics, scenarios)
MAX_SCHEDULE_ENTRIES = 1_000  # one-off spends of one program (a spend a month for 60 months, many times over)
MAX_WEIGHT = 1e6  # a seasonality weight (they are relative: 1 is an average month)
LARGEST_FLOAT = 1.7976931348623157e308


class Problem(NamedTuple):
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def is_number(value: Any) -> bool:
    """A finite int or float (never raises: an integer of 400 digits is not a number we can use)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, int):
        return -LARGEST_FLOAT <= value <= LARGEST_FLOAT
    return math.isfinite(value)


def too_large(value: Any) -> bool:
    """An integer beyond any float (``1e400`` written out in full)."""
    return isinstance(value, int) and not isinstance(value, bool) and not is_number(value)


def shown(value: Any, spec: Spec) -> str:
    """The value as the person typed it: rates as percentages."""
    if too_large(value):
        return "a number too large to use"
    percent = spec.kind in ("rate", "share", "fraction")
    if is_number(value) and (abs(value) >= 1e15 or 0 < abs(value) < (1e-6 if percent else 1e-4)):
        return f"{value:.4g}"
    if is_number(value) and percent:
        return f"{_trim(value * 100)}%"
    if is_number(value):
        return _trim(value)
    if isinstance(value, float):
        return "not a number" if math.isnan(value) else "infinity"
    if isinstance(value, str):
        return f'"{_CONTROL.sub(_escaped, value[:40])}"'
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)[:40]


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _escaped(match: re.Match[str]) -> str:
    """A control character as it is written in a file (``\\n``), not as the character itself."""
    return match.group().encode("unicode_escape").decode("ascii")


def _trim(number: float) -> str:
    text = f"{number:,.4f}".rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


NUMBER_KINDS = ("rate", "share", "fraction", "money", "count", "int", "number")


def check_value(spec: Spec, value: Any) -> str | None:
    """What is wrong with ``value`` for a field of this spec (None when it is fine).

    The answer completes a sentence that starts with the field's label.
    """
    if spec.kind in NUMBER_KINDS:
        return check_number(spec, value)
    if spec.kind == "month":
        return check_month(value)
    if spec.kind == "text" and not isinstance(value, str):
        return f"must be text; found {shown(value, spec)}"
    if spec.kind == "choice" and spec.optional and value == "":
        return None  # an optional choice left empty (no industry)
    if spec.kind == "choice" and (not isinstance(value, str) or value not in (spec.choices or {})):
        options = ", ".join(spec.choices or {})
        return f"must be one of {options}; found {shown(value, spec)}"
    return None


def maximum(spec: Spec) -> float | None:
    """The largest value a field may hold: its own maximum, else its kind's."""
    return spec.maximum if spec.maximum is not None else MAXIMUM_BY_KIND.get(spec.kind)


def check_number(spec: Spec, value: Any) -> str | None:
    if not is_number(value):
        what = "a whole number" if spec.kind == "int" else "a number"
        return f"must be {what}; found {shown(value, spec)}"
    entered = f"you entered {shown(value, spec)}"
    if spec.kind == "rate" and not 0 < value <= 1:
        return f"must be more than 0% and at most 100%; {entered}"
    if spec.kind == "rate" and value < SMALLEST_RATE:
        return f"must be at least {SMALLEST_RATE * 100:g}% (and at most 100%); {entered}"
    if spec.kind == "share" and not 0 <= value <= 1:
        return f"must be from 0% to 100%; {entered}"
    if spec.kind == "fraction" and not 0 <= value < 1:
        return f"must be 0% or more and less than 100%; {entered}"
    high = maximum(spec)
    if spec.kind == "int":
        if float(value) != int(value):
            return f"must be a whole number; {entered}"
        low = spec.minimum
        if (low is not None and value < low) or (high is not None and value > high):
            return f"must be a whole number from {_trim(low or 0)} to {_trim(high or 0)}; {entered}"
    if spec.kind in ("money", "count"):
        if spec.positive and value <= 0:
            return f"must be more than 0; {entered}"
        if value < 0:
            return f"must be 0 or more; {entered}"
        if spec.positive and spec.kind == "money" and value < SMALLEST_POSITIVE_MONEY:
            return f"must be at least {SMALLEST_POSITIVE_MONEY}; {entered}"
    if spec.kind != "int" and high is not None and abs(value) > high:
        return f"must be at most {_bound(high)}; {entered}"
    return None


def _bound(number: float) -> str:
    return f"{number:,.0f}"


def check_sizes(data: Any) -> list[Problem]:
    """Lists longer than anything a plan needs (nine million review items), and seasonality weights
    beyond any meaning (their sum would overflow): one problem each."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return problems
    for key, value in data.items():
        if (
            isinstance(value, list)
            and len(value) > MAX_ROWS
            and key in ("labor", "channels", "metrics", "scenarios", "actuals")
        ):
            problems.append(Problem(key, f"A plan holds at most {MAX_ROWS:,} rows here; this file has {len(value):,}"))
    channels = data.get("channels")
    for i, channel in enumerate(channels[:MAX_ROWS] if isinstance(channels, list) else []):
        schedule = channel.get("schedule") if isinstance(channel, dict) else None
        if isinstance(schedule, list) and len(schedule) > MAX_SCHEDULE_ENTRIES:
            problems.append(
                Problem(
                    f"channels[{i}].schedule",
                    f"A program holds at most {MAX_SCHEDULE_ENTRIES:,} scheduled spends; this one has {len(schedule):,}",
                )
            )
    targets = data.get("targets")
    weights = targets.get("seasonality") if isinstance(targets, dict) else None
    if isinstance(weights, list):
        for i, weight in enumerate(weights[:12]):
            if (is_number(weight) and weight > MAX_WEIGHT) or too_large(weight):
                problems.append(
                    Problem(
                        f"targets.seasonality[{i}]",
                        f"Each seasonality weight must be at most {MAX_WEIGHT:,.0f}; "
                        f"found {shown(weight, Spec('number', ''))}",
                    )
                )
    review = data.get("review")
    if isinstance(review, dict):
        for key, value in review.items():
            if isinstance(value, list) and len(value) > MAX_LIST_ITEMS:
                problems.append(
                    Problem(
                        f"review.{key}",
                        f"A review list holds at most {MAX_LIST_ITEMS:,} items; this file has {len(value):,}",
                    )
                )
    return problems


def check_month(value: Any) -> str | None:
    match = MONTH_RE.fullmatch(value) if isinstance(value, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1900 <= int(match.group(1)) <= 2999:
        return f"must be a month written YYYY-MM, like 2027-01; found {shown(value, Spec('text', ''))}"
    return None
