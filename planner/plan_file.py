"""The ``.leadplan`` file: JSON, version 2. Reading refuses what it cannot trust; writing is atomic.

A file is refused with a :class:`PlanFileError` when it is missing, too large, empty, not
text, not JSON, not a Lead Planner plan, of a newer version, or holds values of the wrong
type or out of range (every such problem is listed with its path). Problems that involve
several fields (a channel's owner, shares over 100%) do not stop the file from opening:
they come back in ``LoadedPlan.problems`` so the app can show them as warnings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from planner.checks import Problem
from planner.model import Plan
from planner.serialize import plan_from_data, plan_to_data
from planner.validation import validate

FORMAT = "leadplanner-plan"
VERSION = 2  # plan model v2 adds optional fields only: a version 1 file reads unchanged
MAX_BYTES = 50 * 1024 * 1024
BACKUP_SUFFIX = ".bak"


class PlanFileError(Exception):
    """A plan file that cannot be read or written; ``str()`` is the message for people."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  {p}" for p in self.problems)])


@dataclass(frozen=True)
class LoadedPlan:
    plan: Plan
    problems: list[Problem] = field(default_factory=list)  # cross-field problems, not fatal
    migrated_from: int | None = None  # the file's older version, when it was migrated


def _migrate_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0, the prototype's draft files: rates in percent, labor under "resources"."""
    data = dict(data)
    if "resources" in data and "labor" not in data:
        data["labor"] = data.pop("resources")
    targets = data.get("targets")
    if isinstance(targets, dict):
        targets = dict(targets)
        for name in ("win_rate", "lead_to_mql", "mql_to_srl", "srl_to_opportunity", "gross_margin"):
            value = targets.get(name)
            if isinstance(value, int | float) and not isinstance(value, bool):
                targets[name] = value / 100
        data["targets"] = targets
    return data


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1, 1: lambda data: data}


def read_plan(path: str | os.PathLike[str]) -> LoadedPlan:
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PlanFileError(
                f"“{name}” is {size / 1024 / 1024:.0f} MB; a plan file is at most {MAX_BYTES // 1024 // 1024} MB, so this is not one."
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlanFileError(f"There is no file “{path}”.") from None
    except IsADirectoryError:
        raise PlanFileError(f"“{path}” is a folder, not a plan file.") from None
    except OSError as error:
        raise PlanFileError(f"“{name}” could not be read: {error.strerror or error}.") from None
    return parse_plan(raw, name)


def parse_plan(raw: bytes | str, name: str = "The file") -> LoadedPlan:
    if isinstance(raw, str):
        text = raw
    else:
        if len(raw) > MAX_BYTES:
            raise PlanFileError(
                f"“{name}” is larger than {MAX_BYTES // 1024 // 1024} MB; a plan file is never that large."
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanFileError(f"“{name}” is not a Lead Planner plan: it is not a text file.") from None
    if not text.strip():
        raise PlanFileError(f"“{name}” is empty: there is no plan in it.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PlanFileError(
            f"“{name}” is damaged or not a plan: it is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except (RecursionError, ValueError):
        raise PlanFileError(f"“{name}” is damaged or not a plan: it is not valid JSON.") from None
    return plan_from_file_data(data, name)


def plan_from_file_data(data: Any, name: str = "The file") -> LoadedPlan:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanFileError(f'“{name}” is not a Lead Planner plan (it has no "format": "{FORMAT}").')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise PlanFileError(f"“{name}” is damaged: its plan version is missing or not a whole number.")
    if version > VERSION:
        raise PlanFileError(
            f"“{name}” was saved by a newer Lead Planner (plan version {version}); this one reads versions up to {VERSION}. "
            "Update Lead Planner to open it."
        )
    migrated_from = version if version < VERSION else None
    while version < VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    plan, problems = plan_from_data(data)
    if problems:
        raise PlanFileError(f"“{name}” is not a valid plan:", problems)
    return LoadedPlan(plan, validate(plan), migrated_from)


def plan_to_file_data(plan: Plan) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, **plan_to_data(plan)}


def dumps_plan(plan: Plan) -> str:
    return json.dumps(plan_to_file_data(plan), indent=2, ensure_ascii=False) + "\n"


def write_plan(plan: Plan, path: str | os.PathLike[str], *, keep_backup: bool = True) -> None:
    write_text_atomically(Path(path), dumps_plan(plan), keep_backup=keep_backup)


def write_text_atomically(path: Path, text: str, *, keep_backup: bool = False) -> None:
    """Write to a temporary file beside ``path``, fsync it, then rename it over ``path``.

    A crash at any moment leaves either the old file or the new one, never a mix. With
    ``keep_backup`` the previous file is first copied to ``<name>.bak``.
    """
    import shutil
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise PlanFileError(f"Could not save “{path.name}”: {error.strerror or error}.") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); keep the mode of the file it replaces, or 0644
        os.chmod(temp_name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        if keep_backup and path.exists():
            shutil.copy2(path, path.with_name(path.name + BACKUP_SUFFIX))
        os.replace(temp_name, path)
        _fsync_folder(folder)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise PlanFileError(f"Could not save “{path.name}”: {error.strerror or error}.") from None


class Fingerprint(NamedTuple):
    """What a file looked like when we read or wrote it, to notice someone else changing it."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> Fingerprint | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
