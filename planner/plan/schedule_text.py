"""A program's event schedule as a person types it: ``March 25,000; September 25,000``.

Also understood: ``Mar 25k, Sep 25k``, ``Mar 2028: 25,000`` (the year, where the plan holds
a month name twice), ``3: 25000`` and ``month 3 25000`` (plan months). Month names map to
plan months through the plan's first month (``basics.start_month``). A month outside the
plan, or text that is not a month and an amount, is refused with a message that says what
to type; the empty text is no schedule (the monthly budget applies again).
"""

from __future__ import annotations

import re

from planner.plan.model import Plan, ScheduledSpend
from planner.plan.months import MONTH_NAMES, first_calendar_month

EXAMPLE = "March 25,000; September 25,000"

FULL_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip

_AMOUNT = r"[$€£¥]?\s*(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<scale>[kKmM](?![a-zA-Z]))?"
_ENTRY = re.compile(
    r"\s*(?:"
    r"(?:month|m)\s*(?P<number>\d{1,2})\s*[:=]?\s*"
    r"|(?P<name>[A-Za-z]{3,9})\.?\s*(?:(?P<year>(?:19|20)\d{2}|'\d{2})(?!\d)\s*[:=]?\s*|[:=]\s*)?"
    r"|(?P<bare>\d{1,2})\s*[:=]\s*"
    r")" + _AMOUNT + r"\s*",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s*(?:[;,\n]|\band\b)\s*", re.IGNORECASE)


class ScheduleTextError(ValueError):
    """The text is not a schedule; the message says what is wrong and what to type."""


def _month_index(name: str) -> int | None:
    """0 for January .. 11 for December: a full name, or its first three letters or more."""
    word = name.lower()
    for index, full in enumerate(FULL_NAMES):
        if len(word) >= 3 and full.startswith(word):
            return index
    if word == "sept":
        return 8
    return None


def _horizon_text(plan: Plan) -> str:
    start, year = first_calendar_month(plan.basics.start_month)
    if year is None:
        return f"months 1 to {plan.horizon}"
    last = start + plan.horizon - 1
    return f"{MONTH_NAMES[start]} {year} to {MONTH_NAMES[last % 12]} {year + last // 12}"


def _plan_month(plan: Plan, name: str, year_text: str | None, typed: str) -> int:
    index = _month_index(name)
    if index is None:
        raise ScheduleTextError(f"“{name}” is not a month; type a month and an amount, like {EXAMPLE}")
    start, first_year = first_calendar_month(plan.basics.start_month)
    if first_year is None:
        raise ScheduleTextError(
            f"The plan has no first month yet, so “{typed}” can't be placed; type plan months, like 3: 25,000"
        )
    year = None
    if year_text:
        year = int(year_text[1:]) + 2000 if year_text.startswith("'") else int(year_text)
    found = [
        m + 1
        for m in range(plan.horizon)
        if (start + m) % 12 == index and (year is None or first_year + (start + m) // 12 == year)
    ]
    shown = FULL_NAMES[index].capitalize() + (f" {year}" if year else "")
    if not found:
        raise ScheduleTextError(f"{shown} is outside the plan ({_horizon_text(plan)})")
    if len(found) > 1:
        years = " and ".join(str(first_year + (start + m - 1) // 12) for m in found)
        raise ScheduleTextError(
            f"{shown} is in the plan more than once ({years}): add the year, like {MONTH_NAMES[index]} "
            f"{first_year + (start + found[-1] - 1) // 12} 25,000"
        )
    return found[0]


def _amount(match: re.Match[str]) -> float:
    number = float(match.group("amount").replace(",", ""))
    scale = (match.group("scale") or "").lower()
    number *= {"k": 1_000, "m": 1_000_000}.get(scale, 1)
    return int(number) if number.is_integer() else number


def parse_schedule(text: str, plan: Plan) -> tuple[ScheduledSpend, ...]:
    """The spends ``text`` lists, by month (two in one month are both kept; they add up).

    Raises ScheduleTextError with a message for people when the text can't be read.
    """
    spends: list[ScheduledSpend] = []
    position, text = 0, text.strip()
    while position < len(text):
        separator = _SEPARATOR.match(text, position)
        if separator and separator.end() > position:
            position = separator.end()
            continue
        match = _ENTRY.match(text, position)
        if match is None:
            piece = re.split(r"[;\n]", text[position:], maxsplit=1)[0].strip()[:40]
            if _month_index(piece.rstrip(".:")) is not None:
                raise ScheduleTextError(f"“{piece}” needs an amount, like {piece.rstrip('.:')} 25,000")
            raise ScheduleTextError(f"“{piece}” is not a month and an amount; type, for example, {EXAMPLE}")
        typed = match.group(0).strip()
        if match.group("name"):
            month = _plan_month(plan, match.group("name"), match.group("year"), typed)
        else:
            month = int(match.group("number") or match.group("bare"))
            if not 1 <= month <= plan.horizon:
                raise ScheduleTextError(f"Month {month} is outside the plan ({_horizon_text(plan)})")
        spends.append(ScheduledSpend(month=month, budget=_amount(match)))
        position = match.end()
    return tuple(sorted(spends, key=lambda spend: spend.month))


def _amount_text(budget: float) -> str:
    text = f"{budget:,.2f}"
    return text[:-3] if text.endswith(".00") else text


def month_name(plan: Plan, month: int) -> str:
    """``Mar`` where the plan holds March once, ``Mar 2028`` where it holds it twice, ``14:`` outside it."""
    start, year = first_calendar_month(plan.basics.start_month)
    if year is None or not 1 <= month <= plan.horizon:
        return f"{month}:"
    index = (start + month - 1) % 12
    twice = sum(1 for m in range(plan.horizon) if (start + m) % 12 == index) > 1
    return f"{MONTH_NAMES[index]} {year + (start + month - 1) // 12}" if twice else MONTH_NAMES[index]


def schedule_text(schedule: tuple[ScheduledSpend, ...], plan: Plan) -> str:
    """The schedule as it would be typed: ``Mar 25,000; Sep 25,000`` ('' for none)."""
    return "; ".join(f"{month_name(plan, spend.month)} {_amount_text(spend.budget)}" for spend in schedule)
