"""The bundled sample plan: PRODUCT.md's Acme Fasteners example."""

from __future__ import annotations

from pathlib import Path

from planner.plan.model import Plan
from planner.plan.plan_file import parse_plan

# beside the package's modules in a checkout, a wheel and the bundle alike (read as a file: importlib.resources
# costs ~1 ms of a start on the sample, before the first paint)
SAMPLE = Path(__file__).parents[1] / "data" / "sample.leadplan"


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def sample_plan() -> Plan:
    return parse_plan(sample_text(), "sample.leadplan").plan
