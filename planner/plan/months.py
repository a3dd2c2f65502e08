"""Plan months (1..H) and the calendar: labels and seasonality weights."""

from __future__ import annotations

from planner.plan.model import Plan

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def first_calendar_month(start_month: str) -> tuple[int, int | None]:
    """(0 for January .. 11 for December, year) of the plan's first month."""
    try:
        return int(start_month[5:7]) - 1, int(start_month[:4])
    except (ValueError, TypeError):
        return 0, None


def month_labels(plan: Plan) -> list[str]:
    """``Jan 2027`` .. for each plan month."""
    first, year = first_calendar_month(plan.basics.start_month)
    if year is None:
        return [f"Month {m + 1}" for m in range(plan.horizon)]
    return [f"{MONTH_NAMES[(first + m) % 12]} {year + (first + m) // 12}" for m in range(plan.horizon)]


def plan_month_weights(plan: Plan) -> list[float]:
    """The seasonality weight of each plan month 1..H, by its calendar month."""
    first, _ = first_calendar_month(plan.basics.start_month)
    weights = plan.targets.seasonality
    return [weights[(first + m) % 12] for m in range(plan.horizon)]


def season_shares(plan: Plan) -> list[float]:
    """w(m): each plan month's seasonality weight, normalised over the plan months (not shifted)."""
    weights = plan_month_weights(plan)
    total = sum(weights)
    return [w / total for w in weights] if total > 0 else [0.0] * plan.horizon
