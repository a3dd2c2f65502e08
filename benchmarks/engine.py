"""Engine: the large plan with scenarios and sensitivity (budget 5 ms), and the huge plan."""

from __future__ import annotations

import json

from benchmarks.common import median_seconds, report
from benchmarks.plans import huge_plan, large_data, large_plan
from planner.numbers.engine import compute
from planner.plan.model import Plan


def everything(plan: Plan) -> None:
    """compute() and its what-ifs, which it works out when first read; from nothing, not reusing the
    resources and channels of the last computation (as an edit does)."""
    result = compute(plan)
    len(result.scenarios), len(result.sensitivity)


def main() -> None:
    large, huge = large_plan(), huge_plan()
    text = json.dumps(large_data())
    baseline = median_seconds(lambda: json.loads(text), repeat=21)
    report(
        "engine: large plan, 5 scenarios + sensitivity",
        median_seconds(lambda: everything(large), repeat=21),
        "json.loads of that plan",
        baseline,
        "<= 5 ms",
    )
    report(
        "engine: huge plan (60 m, 100 res, 200 ch, 20 scen), with its what-ifs",
        median_seconds(lambda: everything(huge), repeat=7),
        "json.loads of the large plan",
        baseline,
    )


if __name__ == "__main__":
    main()
