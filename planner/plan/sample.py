"""The bundled sample plan: PRODUCT.md's Acme Fasteners example."""

from __future__ import annotations

from planner.plan.model import Plan
from planner.plan.plan_file import parse_plan


def sample_text() -> str:
    from importlib import resources  # ~2 ms: a start on a plan file or a blank plan goes without it

    return resources.files("planner").joinpath("data/sample.leadplan").read_text(encoding="utf-8")


def sample_plan() -> Plan:
    return parse_plan(sample_text(), "sample.leadplan").plan
