"""The caches give what working out from nothing gives, after any edit (hypothesis).

Two caches rest on rules nothing else checks: ``Validated`` keeps ``validate``'s problems while the
parts of the plan it reads are the same objects, and the engine's ``Reuse`` keeps each resource's and
channel's figures under a key that must name everything they are worked out from. A random plan
goes through a random run of edits, each made as the app makes them (a new object along the edited
path only), and each time the cached answer is the answer from nothing.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.numbers.engine import Reuse, compute
from planner.numbers.results import PlanResult
from planner.numbers.scenarios import override_names
from planner.plan.checks import check_value
from planner.plan.model import ITEM_TYPES, Plan, Scenario, Spec
from planner.plan.paths import set_value, spec_at
from planner.plan.plan_file import parse_plan
from planner.plan.validation import Validated, validate
from tests.planner.strategies import plans

# a few ids and names, so edits make owners, duplicates and override names meet
IDS = ["r0", "r1", "r2", "marketing", ""]
NAMES = ["", "A", "B", "Email"]


def leaf_paths(plan: Plan) -> list[tuple[str, Spec]]:
    """Every field of the plan an input edits, with its spec (lists of objects by index)."""
    found: list[tuple[str, Spec]] = []

    def visit(obj: Any, prefix: str) -> None:
        for f in dataclasses.fields(obj):
            spec = f.metadata.get("spec")
            if spec is None:
                continue
            path, value = f"{prefix}{f.name}", getattr(obj, f.name)
            if spec.kind == "object":
                if value is not None:
                    visit(value, path + ".")
            elif spec.kind == "objects":
                for i, item in enumerate(value):
                    visit(item, f"{path}[{i}].")
            else:
                found.append((path, spec))

    visit(plan, "")
    return found


def values_for(plan: Plan, path: str, spec: Spec) -> st.SearchStrategy[Any]:
    """Values an input of this field may take (the app's checks pass them); optional ones may be None."""
    kind, name = spec.kind, path.rsplit(".", 1)[-1]
    if kind == "rate":
        found: st.SearchStrategy[Any] = st.sampled_from([0.01, 0.1, 0.25, 0.5, 1.0]) | st.floats(0.01, 1.0)
    elif kind == "share":
        found = st.sampled_from([0.0, 0.25, 0.5, 1.0]) | st.floats(0.0, 1.0)
    elif kind == "fraction":
        found = st.sampled_from([0.0, 0.1, 0.5]) | st.floats(0.0, 0.99)
    elif kind in ("money", "count", "number"):
        found = st.integers(0, 200) | st.integers(0, 10_000_000) | st.floats(0.0, 1e6)
    elif kind == "int":
        low = int(spec.minimum) if spec.minimum is not None else 0
        high = int(spec.maximum) if spec.maximum is not None else 36
        found = st.integers(low, min(high, max(low, plan.horizon + 2)))
    elif kind == "month":
        found = st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2026, 2028), st.integers(1, 12))
    elif kind == "choice":
        found = st.sampled_from(sorted(spec.choices or {}))
    elif kind == "weights":
        found = st.just((0,) * 12) | st.lists(st.integers(0, 10), min_size=12, max_size=12).map(tuple)
    elif kind == "overrides":
        names = [*override_names(plan), "labor.nobody.headcount", "not_a_target"]
        found = st.dictionaries(st.sampled_from(names), st.sampled_from([0, 0.05, 0.5, 1, 2, 12, 30_000]), max_size=3)
    elif name in ("id", "owner"):
        found = st.sampled_from(IDS)
    elif kind == "text":
        found = st.sampled_from(NAMES) | st.text(max_size=5)
    elif kind in ("choices", "texts"):
        found = st.just(())
    else:
        raise AssertionError(f"no values for {path} ({kind})")
    if spec.optional:
        found = found | st.none()
    return found.filter(lambda value: value is None or check_value(spec, value) is None)


@st.composite
def edited(draw: st.DrawFn, plan: Plan) -> Plan:
    """The plan after one edit: a field set, a row added or removed, or another plan altogether."""
    what = draw(
        st.sampled_from(["field"] * 6 + ["target", "horizon", "seasonality", "add row", "remove row", "another plan"])
    )
    rows = [name for name in ("labor", "channels", "actuals", "scenarios") if getattr(plan, name)]
    if what == "another plan":
        return draw(random_plans())
    if what in ("add row", "remove row") and rows:
        name = draw(st.sampled_from(rows))
        items = list(getattr(plan, name))
        if what == "remove row":
            del items[draw(st.integers(0, len(items) - 1))]
        else:  # a copy of a row, or a new one
            copy = draw(st.sampled_from(items))
            items.insert(draw(st.integers(0, len(items))), draw(st.sampled_from([copy, ITEM_TYPES[(Plan, name)]()])))
        return dataclasses.replace(plan, **{name: tuple(items)})
    if what in ("target", "horizon", "seasonality"):  # (what most figures and checks read, drawn more often)
        path = {"horizon": "basics.horizon_months", "seasonality": "targets.seasonality"}.get(what) or draw(
            st.sampled_from([path for path, _ in leaf_paths(plan) if path.startswith("targets.")])
        )
        spec = spec_at(path)
        assert spec is not None
        return set_value(plan, path, draw(values_for(plan, path, spec)))
    by_section: dict[str, list[tuple[str, Spec]]] = {}
    for path, spec in leaf_paths(plan):  # a section first, so a plan's many rows do not crowd out its targets
        by_section.setdefault(path.split(".")[0].split("[")[0], []).append((path, spec))
    path, spec = draw(st.sampled_from(by_section[draw(st.sampled_from(sorted(by_section)))]))
    return set_value(plan, path, draw(values_for(plan, path, spec)))


@st.composite
def random_plans(draw: st.DrawFn) -> Plan:
    """A plan of the property tests' generator, with scenarios over its own names."""
    plan = parse_plan(json.dumps(draw(plans()))).plan
    names = override_names(plan)
    scenarios = [
        Scenario(
            name=draw(st.sampled_from(NAMES)),
            overrides=draw(
                st.dictionaries(st.sampled_from(names), st.sampled_from([0.05, 0.5, 1, 3, 50_000]), max_size=3)
            ),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    return dataclasses.replace(plan, scenarios=tuple(scenarios))


RUNS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


@st.composite
def runs_of_edits(draw: st.DrawFn) -> list[Plan]:
    """A plan and the plans a run of edits makes of it, in order."""
    found = [draw(random_plans())]
    for _ in range(draw(st.integers(1, 8))):
        found.append(draw(edited(found[-1])))
    return found


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(runs_of_edits())
def test_the_kept_problems_are_always_the_problems_of_the_plan_as_it_is_now(run: list[Plan]) -> None:
    validated = Validated()
    for plan in run:
        assert validated(plan) == validate(plan)


def everything(result: PlanResult, what_ifs: bool) -> tuple[object, ...]:
    """The figures a view reads: the plan's, and its what-ifs when they are read."""
    if not what_ifs:
        return (result._replace(scenarios=(), sensitivity=()),)
    return (result._replace(scenarios=(), sensitivity=()), tuple(result.scenarios), tuple(result.sensitivity))


def from_nothing(plan: Plan, what_ifs: bool) -> tuple[object, ...] | str:
    try:
        return everything(compute(plan), what_ifs)
    except Exception as error:  # (a plan the app would not compute: the reusing engine must fail alike)
        return type(error).__name__


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(runs_of_edits(), st.data())
def test_an_edits_figures_reusing_the_last_computation_are_those_worked_out_from_nothing(
    run: list[Plan], data: st.DataObject
) -> None:
    reuse = Reuse()
    for step, plan in enumerate(run):
        what_ifs = data.draw(st.booleans(), label=f"what-ifs read after edit {step}")
        try:
            reused: tuple[object, ...] | str = everything(compute(plan, reuse), what_ifs)
        except Exception as error:
            reused = type(error).__name__
        assert _same(reused, from_nothing(plan, what_ifs)), f"edit {step}"


def _same(a: object, b: object) -> bool:
    """Equal, a float not-a-number equal to itself (the figures are the same objects' results)."""
    return a == b or repr(a) == repr(b)
