"""A comparison as plain JSON data (``leadplanner-cli compare --json``): the contract of issue 32."""

from __future__ import annotations

from typing import Any

from planner.compare.comparison import Answers, Comparison

ANSWER_KEYS = (
    "status",
    "year_gap",
    "revenue_gap",
    "cost",
    "cost_per_sales_ready_lead",
    "inside_reps_to_close_gap",
    "latest_start_month",
)


def answers_data(answers: Answers) -> dict[str, Any]:
    return {key: getattr(answers, key) for key in ANSWER_KEYS}


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """``changes`` (path, before, after), ``answers`` (before, after) and ``attribution`` (driver,
    srl_gap, revenue_gap; ``together`` last, the moves adding up to the answers' moves)."""
    return {
        "currency": comparison.currency,
        "changes": [{"path": c.path, "before": c.before, "after": c.after} for c in comparison.changes],
        "answers": {"before": answers_data(comparison.before), "after": answers_data(comparison.after)},
        "attribution": [
            {"driver": e.driver, "srl_gap": e.srl_gap, "revenue_gap": e.revenue_gap} for e in comparison.attribution
        ],
    }
