"""How numbers are shown, the same in the app, the HTML report and the command line."""

from __future__ import annotations

import re

from planner.numbers import status

NOT_AVAILABLE = "n/a"

CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "AUD": "A$", "CAD": "C$"}


def _missing(value: float | None) -> bool:
    """Not available: none, or a figure that overflowed (never shown as "nan" or "$inf")."""
    return value is None or value != value or value in (_INF, -_INF)


_INF = float("inf")


def currency_symbol(currency: str) -> str:
    return CURRENCY_SYMBOLS.get(currency.upper(), f"{currency} " if currency else "")


def money(value: float | None, currency: str = "", *, decimals: int = 0) -> str:
    if _missing(value):
        return NOT_AVAILABLE
    sign = "-" if value < 0 else ""
    return f"{sign}{currency_symbol(currency)}{abs(value):,.{decimals}f}"


def count(value: float | None, decimals: int = 0) -> str:
    """A count of leads or people; small fractional counts keep one decimal."""
    if _missing(value):
        return NOT_AVAILABLE
    if decimals == 0 and value != 0 and abs(value) < 10 and round(value) != round(value, 1):
        decimals = 1
    text = f"{value:,.{decimals}f}"
    return "0" if text in ("-0", "-0.0") else text


def shortfall(value: float | None) -> str:
    """A gap in whole leads, said as a shortfall or a surplus: ``112 short``, ``53 surplus``, ``0``.

    Less than half a lead rounds to none, as the timing verdict does.
    """
    if value is None:
        return NOT_AVAILABLE
    return status.standing(value, short=f"{value:,.0f} short", surplus=f"{-value:,.0f} surplus", even="0")


def gap(value: float | None) -> str:
    """The gap figure beside its label "Gap": ``112`` short, ``53 surplus``, ``0`` within half a lead."""
    said = shortfall(value)
    return said.removesuffix(" short")


def percent(value: float | None, decimals: int = 0) -> str:
    if _missing(value):
        return NOT_AVAILABLE
    text = f"{value * 100:,.{decimals}f}%"
    return "0%" if text.startswith("-0") and float(text[:-1].replace(",", "")) == 0 else text


def signed_percent(value: float | None, decimals: int = 0) -> str:
    if _missing(value):
        return NOT_AVAILABLE
    return ("+" if value > 0 else "") + percent(value, decimals)


def ratio_multiple(value: float | None) -> str:
    """A return on cost: 2.28 shown as 228%."""
    return percent(value)


def months(value: int) -> str:
    return f"{value} month" if value == 1 else f"{value} months"


def entered(value: float | None, decimals: int = 2) -> str:
    """A plan's input as it was typed: 12 stays ``12``, 1.5 stays ``1.5``, 12.25 stays ``12.25``
    (at most ``decimals`` decimals, trailing zeros dropped): a number with decimals is never shown
    rounded to a whole."""
    if _missing(value):
        return NOT_AVAILABLE
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("0", "-0") and value != 0:  # smaller than the decimals show: one significant digit
        text = f"{value:.1g}"
    return "0" if text == "-0" else text


def month_count(value: float) -> str:
    """A number of months as typed: ``1 month``, ``3 months``, ``1.5 months`` (never rounded to a whole)."""
    shown = entered(value)
    return f"{shown} month" if shown == "1" else f"{shown} months"


def rate_input(value: float) -> str:
    """A rate as the person types it (0.25 -> "25")."""
    return f"{value * 100:.4f}".rstrip("0").rstrip(".")


def points(value: float | None, decimals: int = 0) -> str:
    """A change of a rate in percentage points: 0.09 shown as "+9 pts"."""
    if _missing(value):
        return NOT_AVAILABLE
    text = f"{abs(value) * 100:,.{decimals}f}"
    if float(text.replace(",", "")) == 0:
        return "0 pts"
    return f"{'+' if value > 0 else '-'}{text} pts"


def by_kind(value: float | None, kind: str, currency: str = "") -> str:
    """A plan value shown as its field's kind says: a rate as a percent, money with its symbol."""
    if _missing(value):
        return NOT_AVAILABLE
    if kind in ("rate", "share", "fraction"):
        return percent(value, 1).replace(".0%", "%")
    if kind == "money":
        return money(value, currency)
    if kind == "int":
        return f"{int(value):,}"
    return count(value, 1) if value != int(value) else count(value)


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # a number written with thousands separators
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))


def compact(text: str) -> str:
    """A figure's text with its large numbers in short form, three significant digits, for where
    the whole figure does not fit: ``$21,728,467,062`` -> ``$21.7B``, ``1,234 surplus`` ->
    ``1.23k surplus``. Text without a number of four digits or more comes back as it was."""

    def short(found: re.Match[str]) -> str:
        value = float(found.group().replace(",", ""))
        for scale, (limit, suffix) in enumerate(_SCALES):
            if value >= limit:
                scaled = value / limit
                decimals = max(0, 3 - len(str(int(scaled))))
                shown = f"{scaled:.{decimals}f}"
                if float(shown) >= 1000 and scale > 0:  # 999.95M rounds to 1000M: 1B
                    scaled, suffix = value / _SCALES[scale - 1][0], _SCALES[scale - 1][1]
                    shown = f"{scaled:.2f}"
                if "." in shown:
                    shown = shown.rstrip("0").rstrip(".")
                return f"{shown}{suffix}"
        return found.group()

    return _GROUPED.sub(short, text)


def clipped(name: str, most: int = 60) -> str:
    """A name the user typed, as a sentence quotes it: at most ``most`` characters ("Trade shows and
    regional industry events in the Midwe…"), so one long name cannot fill a memo's page."""
    return name if len(name) <= most else name[: most - 1] + "…"
