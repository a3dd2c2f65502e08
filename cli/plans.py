"""What every command shares: a plan read and checked, the one error a command raises, paths."""

from __future__ import annotations

import json
import math
from pathlib import Path

from planner.plan.plan_file import LoadedPlan, PlanFileError, read_plan


class CliError(Exception):
    """One message for the person (stderr), and the exit code: 1 a plan or file that cannot be
    used, 2 bad usage."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def load_valid(path: str) -> LoadedPlan:
    try:
        loaded = read_plan(path)
    except PlanFileError as error:
        raise CliError(str(error)) from None
    if loaded.problems:
        lines = [f"“{Path(path).name}” is not a valid plan:", *(f"  {p}" for p in loaded.problems)]
        raise CliError("\n".join(lines))
    return loaded


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def dump_json(data: object) -> str:
    return json.dumps(finite(data), indent=2, ensure_ascii=False, allow_nan=False)


def finite(data: object) -> object:
    """Absurd inputs (a deal size of 1e-300) can overflow a figure: report it as not available."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {key: finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [finite(value) for value in data]
    return data
