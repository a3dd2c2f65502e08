"""Problems, and the checks of a single value against its Spec.

The messages are written for a sales leader, not a programmer: they say what the field
expects and what was entered, with rates shown as percentages.
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from planner.model import Spec

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


class Problem(NamedTuple):
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def shown(value: Any, spec: Spec) -> str:
    """The value as the person typed it: rates as percentages."""
    if is_number(value) and spec.kind in ("rate", "share", "fraction"):
        return f"{_trim(value * 100)}%"
    if is_number(value):
        return _trim(value)
    if isinstance(value, str):
        return f'"{value[:40]}"'
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)[:40]


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
    if spec.kind == "choice" and (not isinstance(value, str) or value not in (spec.choices or {})):
        options = ", ".join(spec.choices or {})
        return f"must be one of {options}; found {shown(value, spec)}"
    return None


def check_number(spec: Spec, value: Any) -> str | None:
    if not is_number(value):
        what = "a whole number" if spec.kind == "int" else "a number"
        return f"must be {what}; found {shown(value, spec)}"
    entered = f"you entered {shown(value, spec)}"
    if spec.kind == "rate" and not 0 < value <= 1:
        return f"must be more than 0% and at most 100%; {entered}"
    if spec.kind == "share" and not 0 <= value <= 1:
        return f"must be from 0% to 100%; {entered}"
    if spec.kind == "fraction" and not 0 <= value < 1:
        return f"must be 0% or more and less than 100%; {entered}"
    if spec.kind == "int":
        if float(value) != int(value):
            return f"must be a whole number; {entered}"
        low, high = spec.minimum, spec.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            if high is None:
                return f"must be a whole number, {_trim(low or 0)} or more; {entered}"
            return f"must be a whole number from {_trim(low or 0)} to {_trim(high or 0)}; {entered}"
    if spec.kind in ("money", "count"):
        if spec.positive and value <= 0:
            return f"must be more than 0; {entered}"
        if value < 0:
            return f"must be 0 or more; {entered}"
    return None


def check_month(value: Any) -> str | None:
    match = MONTH_RE.match(value) if isinstance(value, str) else None
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1900 <= int(match.group(1)) <= 2999:
        return f"must be a month written YYYY-MM, like 2027-01; found {shown(value, Spec('text', ''))}"
    return None
