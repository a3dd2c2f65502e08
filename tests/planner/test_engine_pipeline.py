"""The engine reads as a pipeline in the order of the math (PRODUCT.md): demand, supply, the calendar,
the known series, the answers, the verdict; each stage a module of its own, entered once, in that
order, and none calling back into the engine.

The path a plan takes is traced (``sys.setprofile``) through ``compute`` of the sample plan: the
stages are the modules ``compute_core`` calls; what a stage calls below it (the funnel's safe
division, the status's thresholds) is that stage's business.
"""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

from planner.numbers import engine
from planner.numbers.engine import compute
from planner.plan.sample import sample_plan

STAGES = [
    "planner.numbers.funnel",  # demand
    "planner.numbers.supply",  # resources and channels by month
    "planner.numbers.year",  # the calendar: in-time and carry-over months
    "planner.numbers.known",  # the known series
    "planner.numbers.answers",  # this year, revenue, the gap, months and quarters, actuals
    "planner.numbers.verdict",  # short, late or on track
]


def traced_calls() -> list[tuple[str, str]]:
    """(caller's module, callee's module) of every call of a planner function while the sample plan is computed."""
    plan = sample_plan()
    calls: list[tuple[str, str]] = []

    def record(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_back is not None:
            callee, caller = frame.f_globals.get("__name__", ""), frame.f_back.f_globals.get("__name__", "")
            if callee.startswith("planner."):
                calls.append((caller, callee))

    sys.setprofile(record)
    try:
        compute(plan)
    finally:
        sys.setprofile(None)
    return calls


def stops(modules: list[str]) -> list[str]:
    """The modules in the order entered, once for each stay."""
    return [m for i, m in enumerate(modules) if i == 0 or modules[i - 1] != m]


def test_the_engine_hands_the_plan_to_each_stage_once_in_the_order_of_the_math() -> None:
    from_engine = [callee for caller, callee in traced_calls() if caller == engine.__name__]
    assert stops([m for m in from_engine if m != engine.__name__ and m in STAGES]) == STAGES
    assert [m for m in from_engine if m in STAGES] == STAGES  # one call each


def test_no_stage_calls_back_into_the_engine() -> None:
    back = {caller for caller, callee in traced_calls() if callee == engine.__name__ and caller != engine.__name__}
    assert back <= {"planner.numbers.engine", __name__}, back


def test_the_stages_modules_are_first_entered_in_the_order_of_the_math_at_any_depth() -> None:
    entered = [callee for _, callee in traced_calls() if callee in STAGES]
    assert sorted(set(entered), key=entered.index) == STAGES
