"""Plan <-> plain JSON data, field by field, driven by the model's Specs.

Reading collects every problem at once, each with its path (``labor[1].headcount``);
unknown keys are kept in ``extra`` and written back after the known ones.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from planner.plan.checks import Problem, check_value, is_number, shown
from planner.plan.model import ITEM_TYPES, Plan, Spec


def join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def specs(cls: type) -> list[tuple[str, Spec]]:
    return [(f.name, f.metadata["spec"]) for f in dataclasses.fields(cls) if f.name != "extra"]


def plan_from_data(data: Any) -> tuple[Plan, list[Problem]]:
    """The plan in ``data`` (the file's object less format and version) and its problems."""
    problems: list[Problem] = []
    plan = _read_object(Plan, data, "", "", problems)
    return plan, problems


def _read_object(cls: type, data: Any, path: str, label: str, problems: list[Problem]) -> Any:
    if not isinstance(data, dict):
        problems.append(
            Problem(path, f"{label or 'The plan'} must be an object; found {shown(data, Spec('text', ''))}")
        )
        return cls()
    of = _of_item(data)
    values: dict[str, Any] = {}
    known = set()
    for name, spec in specs(cls):
        known.add(name)
        where = join(path, name)
        raw = data.get(name)
        if raw is None:
            if spec.required:
                problems.append(Problem(where, f"{spec.label}{of} is required"))
            continue
        value = _read_value(cls, name, spec, raw, where, of, problems)
        if value is not _INVALID:
            values[name] = value
    extra = {key: value for key, value in data.items() if key not in known}
    if cls is Plan:
        extra = {k: v for k, v in extra.items() if k not in ("format", "version")}
    return cls(**values, extra=extra)


_INVALID = object()


def _of_item(data: dict[str, Any]) -> str:
    name = data.get("name") or data.get("id")
    return f" of “{name[:40]}”" if isinstance(name, str) and name else ""


def _read_value(cls: type, name: str, spec: Spec, raw: Any, path: str, of: str, problems: list[Problem]) -> Any:
    def bad(message: str) -> Any:
        problems.append(Problem(path, f"{spec.label}{of} {message}"))
        return _INVALID

    kind = spec.kind
    if kind == "object":
        return _read_object(ITEM_TYPES[(cls, name)], raw, path, spec.label, problems)
    if kind == "objects":
        if not isinstance(raw, list):
            return bad(f"must be a list; found {shown(raw, spec)}")
        item_cls = ITEM_TYPES[(cls, name)]
        return tuple(
            _read_object(item_cls, item, f"{path}[{i}]", f"Each item of {spec.label}", problems)
            for i, item in enumerate(raw)
        )
    if kind in ("texts", "choices"):
        if not isinstance(raw, list):
            return bad(f"must be a list; found {shown(raw, spec)}")
        item_spec = Spec("text" if kind == "texts" else "choice", spec.label, choices=spec.choices)
        items = []
        for i, item in enumerate(raw):
            message = check_value(item_spec, item)
            if message:
                problems.append(Problem(f"{path}[{i}]", f"Each item of {spec.label} {message}"))
            else:
                items.append(item)
        return tuple(items)
    if kind == "weights":
        if not isinstance(raw, list) or len(raw) != 12:
            return bad("must be a list of 12 numbers, one for each calendar month")
        for i, weight in enumerate(raw):
            if not is_number(weight) or weight < 0:
                problems.append(
                    Problem(
                        f"{path}[{i}]",
                        f"Each seasonality weight must be a number 0 or more; found {shown(weight, spec)}",
                    )
                )
        return tuple(raw) if all(is_number(w) and w >= 0 for w in raw) else _INVALID
    if kind == "overrides":
        if not isinstance(raw, dict):
            return bad(f"must be an object of names and numbers; found {shown(raw, spec)}")
        for key, value in raw.items():
            if not is_number(value):
                problems.append(Problem(f"{path}.{key}", f"An override must be a number; found {shown(value, spec)}"))
        return {k: v for k, v in raw.items() if is_number(v)}
    message = check_value(spec, raw)
    if message:
        return bad(message)
    if kind == "int":
        return int(raw)
    return raw


def object_problems(cls: type, obj: Any, path: str) -> list[Problem]:
    """What reading ``obj`` (a record of ``cls``) back from a file would find wrong, with paths under ``path``."""
    problems: list[Problem] = []
    _read_object(cls, _write_object(obj) if dataclasses.is_dataclass(obj) else obj, path, "", problems)
    return problems


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as JSON data, known keys in the model's order, then any kept unknown ones."""
    return _write_object(plan)


def _write_object(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, spec in specs(type(obj)):
        value = getattr(obj, name)
        if value is None or (spec.optional and value in ("", ())):
            continue  # an optional field left empty stays out of the file
        if spec.kind == "object":
            out[name] = _write_object(value)
        elif spec.kind == "objects":
            out[name] = [_write_object(item) for item in value]
        elif isinstance(value, tuple):
            out[name] = list(value)
        elif isinstance(value, dict):
            out[name] = dict(value)
        else:
            out[name] = value
    for key, value in obj.extra.items():
        out.setdefault(key, value)
    return out
