"""Text typed by a person <-> plan values, with the messages of ``planner.plan.checks``.

No widgets here, so the fields and the tables parse and show values the same way:
rates as percentages (``20`` means 20%), money with thousands separators (``1,200``,
``1.2k`` and ``$3m`` are understood), whole numbers where the plan wants them.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from planner.numbers import formatting
from planner.plan import defaults
from planner.plan.checks import MAX_WEIGHT, check_value
from planner.plan.model import Spec
from planner.plan.paths import spec_at

RATE_KINDS = ("rate", "share", "fraction")
NUMBER_KINDS = ("rate", "share", "fraction", "money", "count", "int", "number", "weights")
_MULTIPLIERS = {"k": 1_000, "m": 1_000_000}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


class Parsed(NamedTuple):
    """The value a text means, or the message saying what is expected."""

    value: Any = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.message is None


@functools.lru_cache(maxsize=4096)
def field_spec(path: str) -> Spec:
    """The Spec of a plan path; the items of the seasonality weights are numbers of their own."""
    spec = spec_at(path)
    if spec is None:
        raise KeyError(f"no field at {path}")
    if spec.kind == "weights" and path.endswith("]"):
        return Spec("weights", "Seasonality weight", minimum=0)
    return spec


def _number(text: str, currency: str = "") -> float | int | None:
    cleaned = text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    symbol = formatting.currency_symbol(currency).strip() if currency else ""
    for prefix in filter(None, (symbol, currency.upper(), "$", "€", "£", "¥")):
        if cleaned.upper().startswith(prefix.upper()):
            cleaned = cleaned[len(prefix) :]
            break
    cleaned = cleaned.rstrip("%")
    multiplier = 1
    if cleaned[-1:].lower() in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[cleaned[-1].lower()]
        cleaned = cleaned[:-1]
    if not _NUMBER.match(cleaned):
        return None
    number = float(cleaned) * multiplier
    return int(number) if number.is_integer() and abs(number) < 1e15 else number


def parse(spec: Spec, text: str, currency: str = "") -> Parsed:
    """What ``text`` means for a field of ``spec``; the message completes the field's label."""
    kind = spec.kind
    if kind not in NUMBER_KINDS:
        value = text.strip() if kind == "month" else text
        message = check_value(spec, value)
        return Parsed(value, _sentence(spec, message))
    if not text.strip():
        if spec.optional:
            return Parsed(None)
        what = "a whole number" if kind == "int" else "a number"
        hint = " (a percentage, like 20)" if kind in RATE_KINDS else ""
        return Parsed(message=f"{spec.label} must be {what}{hint}; the field is empty")
    number = _number(text, currency)
    if number is None:
        return Parsed(message=_sentence(spec, _not_a_number(spec, text)))
    if kind in RATE_KINDS:
        number = round(number / 100, 12)
        if float(number).is_integer():
            number = int(number)
    if kind == "weights":
        ok = 0 <= number <= MAX_WEIGHT
        return Parsed(number if ok else None, None if ok else f"{spec.label} must be from 0 to {MAX_WEIGHT:,.0f}")
    message = check_value(spec, number)
    return Parsed(number if message is None else None, _sentence(spec, message))


def _not_a_number(spec: Spec, text: str) -> str:
    shown = text.strip()[:30]
    if spec.kind in RATE_KINDS:
        return f"must be a percentage, like 20 for 20%; you typed “{shown}”"
    if spec.kind == "money":
        return f"must be an amount, like 40,000; you typed “{shown}”"
    if spec.kind == "int":
        return f"must be a whole number; you typed “{shown}”"
    return f"must be a number; you typed “{shown}”"


def _sentence(spec: Spec, message: str | None) -> str | None:
    return f"{spec.label} {message}" if message else None


def _trim(number: float, decimals: int = 4) -> str:
    text = f"{number:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def show(spec: Spec, value: Any) -> str:
    """The value as it appears in an input (the text a person would type)."""
    if value is None:
        return ""
    if spec.kind in RATE_KINDS:
        return formatting.rate_input(value)
    if spec.kind == "money":
        return _trim(value, 2)
    if spec.kind in ("count", "number", "weights"):
        return _trim(value)
    if spec.kind == "int":
        return str(int(value))
    return str(value)


def show_in_table(spec: Spec, value: Any, currency: str) -> str:
    """The value as a table cell shows it: rates with %, money with the currency."""
    if value is None:
        return "—"
    if spec.kind in RATE_KINDS:
        return f"{formatting.rate_input(value)}%"
    if spec.kind == "money":
        return formatting.money(value, currency, decimals=0 if float(value).is_integer() else 2)
    return show(spec, value)


def hint(path: str, key: str | None = None) -> str:
    """The default of a field in one short line ("Default 20%; typical about 21%, HubSpot 2023"), or ""."""
    found = defaults.default(key or path)
    if found is None:
        return ""
    if found.short:
        return f"Default {_shown_default(path, found.value)}; {found.short}"
    return hint_source(path, key)


def hint_source(path: str, key: str | None = None) -> str:
    """The default of a field with its full citation ("Default 20%: HubSpot survey ..."), or ""."""
    found = defaults.default(key or path)
    return f"Default {_shown_default(path, found.value)}: {found.source}" if found is not None else ""


def _shown_default(path: str, value: Any) -> str:
    spec = spec_at(path)
    if spec is not None and spec.kind in RATE_KINDS and not isinstance(value, str):
        return f"{formatting.rate_input(value)}%"
    if spec is not None and spec.kind == "money" and not isinstance(value, str):
        return formatting.money(value, "USD")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # "Default 12", not "12.0"
    return str(value)


def unit_of(spec: Spec) -> str:
    return "%" if spec.kind in RATE_KINDS else spec.unit
