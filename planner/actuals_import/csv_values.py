"""The values of a CRM export: dates, months and amounts, as people and spreadsheets write them.

Every parser returns the value or raises ``ValueError`` whose message says what is wrong
with it (``"abc" is not a date``), ready to be prefixed with the row.

Dates: ISO (``2027-03-15``, with a time too), US (``3/15/2027``), European (``15.03.2027``
and ``15/03/2027``), and ``Mar 15, 2027`` / ``15 Mar 2027``. A slash date's day/month order
is found from the whole column (:func:`date_order`); when no value tells, it is a question
for the person, never a guess. Dotted dates are always day first.
Amounts: thousands separators, currency symbols, ``1.234,56``, ``1e5``; negatives and numbers
too large for a float are refused. Whether a point or a comma is the decimal mark is found from
the whole column (:func:`number_forms`), not from one value: ``52.000`` alone could be either.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january", "jan.", "janv", "januar"),
            ("feb", "february", "feb.", "févr", "februar"),
            ("mar", "march", "mar.", "mrz", "märz", "mars"),
            ("apr", "april", "apr.", "avr", "avril"),
            ("may", "mai"),
            ("jun", "june", "jun.", "juin", "juni"),
            ("jul", "july", "jul.", "juil", "juli"),
            ("aug", "august", "aug.", "août"),
            ("sep", "sept", "september", "sep.", "sept."),
            ("oct", "october", "oct.", "okt", "oktober"),
            ("nov", "november", "nov."),
            ("dec", "december", "dec.", "déc", "dez", "dezember"),
        ],
        start=1,
    )
    for name in names
}

_TIME = r"(?:[ T].*)?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME)
_ISO_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})" + _TIME)
_SLASH = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})" + _TIME)
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})" + _TIME)
_NAMED_MDY = re.compile(r"([A-Za-zäéû.]+)\s+(\d{1,2}),?\s+(\d{4})" + _TIME)
_NAMED_DMY = re.compile(r"(\d{1,2})[ -]([A-Za-zäéû.]+)[ -](\d{4})" + _TIME)
_MONTH_ISO = re.compile(r"(\d{4})[-/](\d{1,2})")
_MONTH_MY = re.compile(r"(\d{1,2})[/.-](\d{4})")
_MONTH_NAMED = re.compile(r"([A-Za-zäéû.]+)[ -]?(\d{4}|\d{2})")
PLAN_MONTH = re.compile(r"(?:month\s*)?0*(\d{1,3})(?:[.,]0+)?", re.IGNORECASE)  # 3, 003, 3.0, Month 3

Date = tuple[int, int, int]  # (year, month, day)


class AmbiguousOrder(Exception):
    """No value of a column says whether its slash dates are day/month or month/day."""


class MixedOrder(ValueError):
    """A column holds both 15/03/2027 and 3/15/2027."""


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _checked(year: int, month: int, day: int, text: str) -> Date:
    if not 1 <= month <= 12:
        raise ValueError(f"“{text}” is not a date (there is no month {month})")
    if not 1 <= day <= _days_in(year, month):
        raise ValueError(f"“{text}” is not a date (there is no day {day} in that month)")
    return year, month, day


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _month_name(text: str) -> int | None:
    return MONTHS.get(text.strip().lower())


def slash_parts(text: str) -> tuple[int, int] | None:
    """The two leading numbers of a slash (or dash) date with the year last, else None."""
    match = _SLASH.fullmatch(text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def date_order(values: Iterable[str]) -> bool | None:
    """True when the column's slash dates are day first, False when month first, None when
    no value says (then ask). Raises MixedOrder when values say both."""
    day_first = month_first = ""
    undecided = False
    for value in values:
        parts = slash_parts(value)
        if parts is None:
            continue
        first, second = parts
        if first > 12 >= second:
            day_first = day_first or value
        elif second > 12 >= first:
            month_first = month_first or value
        elif first != second:
            undecided = True
    if day_first and month_first:
        raise MixedOrder(f"the dates mix day-first (“{day_first}”) and month-first (“{month_first}”) forms")
    if day_first or month_first:
        return bool(day_first)
    if undecided:
        raise AmbiguousOrder
    return None


def parse_date(text: str, day_first: bool | None = None) -> Date:
    """(year, month, day) of a date, in any of the forms above."""
    value = text.strip()
    match = _ISO.fullmatch(value) or _ISO_SLASH.fullmatch(value)
    if match:
        return _checked(int(match.group(1)), int(match.group(2)), int(match.group(3)), value)
    match = _SLASH.fullmatch(value)
    if match:
        first, second, year = int(match.group(1)), int(match.group(2)), _year(match.group(3))
        if day_first is None and first != second and first <= 12 and second <= 12:
            raise ValueError(f"“{value}” could be day/month or month/day")
        if day_first or (day_first is None and first > 12):
            return _checked(year, second, first, value)
        return _checked(year, first, second, value)
    match = _DOTTED.fullmatch(value)
    if match:
        return _checked(_year(match.group(3)), int(match.group(2)), int(match.group(1)), value)
    match = _NAMED_MDY.fullmatch(value)
    if match and _month_name(match.group(1)):
        return _checked(int(match.group(3)), _month_name(match.group(1)) or 0, int(match.group(2)), value)
    match = _NAMED_DMY.fullmatch(value)
    if match and _month_name(match.group(2)):
        return _checked(int(match.group(3)), _month_name(match.group(2)) or 0, int(match.group(1)), value)
    raise ValueError(f"“{value}” is not a date")


def parse_month(text: str, day_first: bool | None = None) -> tuple[int, int]:
    """(year, month) of a calendar month: ``2027-03``, ``Mar 2027``, ``March 2027``,
    ``3/2027``, ``03/2027``, ``Mar-27``, or a whole date (its month)."""
    value = text.strip()
    match = _MONTH_ISO.fullmatch(value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    elif match := _MONTH_MY.fullmatch(value):
        year, month = int(match.group(2)), int(match.group(1))
    elif (match := _MONTH_NAMED.fullmatch(value)) and _month_name(match.group(1)):
        year, month = _year(match.group(2)), _month_name(match.group(1)) or 0
    else:
        try:
            year, month, _day = parse_date(value, day_first)
        except ValueError as error:
            if "could be" in str(error):
                raise
            raise ValueError(f"“{value}” is not a month") from None
        return year, month
    if not 1 <= month <= 12:
        raise ValueError(f"“{value}” is not a month (there is no month {month})")
    return year, month


def parse_plan_month(text: str) -> int:
    """A plan month number (``3``, ``Month 3``); raises ValueError for anything else."""
    match = PLAN_MONTH.fullmatch(text.strip())
    if not match:
        raise ValueError(f"“{text.strip()}” is not a month")
    number = int(match.group(1))
    if number < 1:
        raise ValueError(f"“{text.strip()}” is not a plan month (they start at 1)")
    return number


_CURRENCY = re.compile(r"^(?:[A-Z]{3}\s?)?[$€£¥]?|[$€£¥]?(?:\s?[A-Z]{3})?$")
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'")


def shown(text: str, most: int = 40) -> str:
    """A cell as a message quotes it: at most ``most`` characters (a 309-digit cell is not repeated whole)."""
    value = text.strip()
    return value if len(value) <= most else value[: most - 1] + "…"


@dataclass
class NumberForms:
    """What the values of a column say about their decimal mark: the first value of each form.

    Only ``comma_decimal`` and ``point_decimal`` settle it (``12,5``, ``1.234,56``, ``1.234.567``;
    ``1.5``, ``1,234.56``, ``1,234,567``). ``point_thousands`` (``52.000``) and ``comma_thousands``
    (``1,234``) are read either way: a thousands separator, or a decimal mark with three places.
    """

    comma_decimal: str = ""
    point_decimal: str = ""
    point_thousands: str = ""
    comma_thousands: str = ""

    def add(self, other: NumberForms) -> None:
        for name in ("comma_decimal", "point_decimal", "point_thousands", "comma_thousands"):
            if not getattr(self, name):
                setattr(self, name, getattr(other, name))


_GROUPED_POINT = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_GROUPED_COMMA = re.compile(r"[1-9]\d{0,2},\d{3}")
_SCIENTIFIC = re.compile(r"(\d+(?:[.,]\d+)?)[eE]([+-]?\d{1,4})")


def number_forms(values: Iterable[str]) -> NumberForms:
    """The forms of the numbers in a column. Each distinct shape is looked at once (``$12,345.67``
    and ``$98,765.43`` are both ``$99,999.99``): a column of 100,000 amounts has a few dozen."""
    forms = NumberForms()
    shapes: set[str] = set()
    for value in dict.fromkeys(values):  # each distinct value once, in the file's order
        shape = value.translate(_SHAPE)
        if shape in shapes:
            continue
        shapes.add(shape)
        core = _CURRENCY.sub("", value.translate(_SPACES)).strip("()-+")
        scientific = _SCIENTIFIC.fullmatch(core)
        if scientific:
            core = scientific.group(1)
        if not core or not _NUMBER_TEXT.fullmatch(core):
            continue
        form = _form(core)
        if form and not getattr(forms, form):
            setattr(forms, form, value.strip())
    return forms


_SHAPE = str.maketrans("123456789", "999999999")  # a 0 is kept: 0,500 is no thousands, 10,500 may be
_NUMBER_TEXT = re.compile(r"[\d.,]+")


def _form(core: str) -> str:
    """The form of a number written with digits, points and commas ("" when it says nothing or
    is no number: ``15.03.2027`` groups no thousands)."""
    if _GROUPED_COMMA.fullmatch(core):
        return "comma_thousands"  # 1,234
    if _GROUPED_POINT.fullmatch(core):
        return "point_thousands"  # 52.000
    if _COMMA_DECIMAL.fullmatch(core):
        return "comma_decimal"  # 1.234,56  1.234.567  12,5  0,500
    if _POINT_DECIMAL.fullmatch(core):
        return "point_decimal"  # 1,234.56  1,234,567  1.5  0.500
    return ""


_COMMA_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}|\d*,\d+")
_POINT_DECIMAL = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}|\d*\.\d+")


def decimal_comma(values: Iterable[str]) -> bool | None:
    """True when a column writes amounts the European way (``1.234,56``, ``12,5``), False
    when the English way (``1,234.56``), None when no value says (``1,234``, ``900``)."""
    forms = number_forms(values)
    if forms.comma_decimal and not forms.point_decimal:
        return True
    if forms.point_decimal and not forms.comma_decimal:
        return False
    return None


_PLAIN = re.compile(r"\$?([1-9]\d{0,2}(?:,\d{3})+|\d+)(\.\d+)?")


def parse_amount(text: str, comma_decimal: bool = False) -> float:
    """A number of 0 or more: ``$1,234.50``, ``1.234,50 €``, ``£ 900``, ``1 200``, ``1e5``.

    ``comma_decimal`` is the column's decimal mark (see :func:`number_forms`): it decides the
    values that could be read both ways (``1,234``, ``52.000``); a value that says (``12,5``,
    ``1,234.50``) is read as it says."""
    shown_text = shown(text)
    value = text.strip()
    plain = None if comma_decimal else _PLAIN.fullmatch(value)
    if plain:  # the usual form, read quickly: 1234, 1,234.50, $1,234.50
        return _finite(float(plain.group(1).replace(",", "") + (plain.group(2) or "")), shown_text)
    value = value.translate(_SPACES)
    if (value.startswith("(") and value.endswith(")")) or value.startswith("-") or value.endswith("-"):
        raise ValueError(f"“{shown_text}” is negative; actuals are 0 or more")
    value = _CURRENCY.sub("", value).strip()
    if value.startswith(("-", "(")):
        raise ValueError(f"“{shown_text}” is negative; actuals are 0 or more")
    scientific = _SCIENTIFIC.fullmatch(value.lstrip("+"))
    if scientific:  # 1e5, 1.5E+06 (a spreadsheet's way with large numbers)
        mantissa = scientific.group(1).replace(",", ".")
        return _finite(float(f"{mantissa}e{scientific.group(2)}"), shown_text)
    if not value or not re.fullmatch(r"[\d.,]+", value) or not any(ch.isdigit() for ch in value):
        raise ValueError(f"“{shown_text}” is not a number")
    comma, dot = value.count(","), value.count(".")
    if comma and dot:
        decimal = "," if value.rfind(",") > value.rfind(".") else "."
    elif comma:
        decimal = "," if comma == 1 and (comma_decimal or not re.fullmatch(r"[1-9]\d{0,2}(,\d{3})+", value)) else ""
    elif dot:
        decimal = "" if dot > 1 or (comma_decimal and re.fullmatch(r"[1-9]\d{0,2}(\.\d{3})+", value)) else "."
    else:
        decimal = ""
    thousands = {",": ".", ".": ",", "": ",."}[decimal]
    for mark in thousands:
        value = value.replace(mark, "")
    if decimal == ",":
        value = value.replace(",", ".")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"“{shown_text}” is not a number") from None
    return _finite(number, shown_text)


def _finite(number: float, text: str) -> float:
    if not math.isfinite(number):
        raise ValueError(f"“{text}” is too large a number to use")
    return number
