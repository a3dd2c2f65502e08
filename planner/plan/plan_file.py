"""The ``.leadplan`` file: JSON, version 3. Reading refuses what it cannot trust; writing is atomic.

A file is refused with a :class:`PlanFileError` when it is missing, too large, empty, not
text, not JSON, not a Lead Planner plan, of a newer version, or holds values of the wrong
type or out of range (every such problem is listed with its path). Problems that involve
several fields (a channel's owner, shares over 100%) do not stop the file from opening:
they come back in ``LoadedPlan.problems`` so the app can show them as warnings.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from planner.plan.checks import Problem, check_sizes
from planner.plan.file_text import (
    TextError,
    decode_text,
    has_escaped_surrogate,
    parse_json,
    replace_lone_surrogates,
    without_lone_surrogates,
)
from planner.plan.model import Plan
from planner.plan.serialize import plan_from_data, plan_to_data
from planner.plan.validation import validate

FORMAT = "leadplanner-plan"
VERSION = 3  # v2 and v3 add optional fields only (v3: targets.new_hire_ramp_months): older files read unchanged
MAX_BYTES = 50 * 1024 * 1024
BACKUP_SUFFIX = ".bak"  # (as planner.plan.safe_write names it)


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
    encoding: str | None = None  # the file's encoding when it was not UTF-8 (it is saved as UTF-8)
    refused: list[Problem] = field(default_factory=list)  # (lenient reading) values left at their defaults


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


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _migrate_0_to_1,
    1: lambda data: data,  # v2 adds optional fields only
    2: lambda data: data,  # v3 adds targets.new_hire_ramp_months (default 3)
}


def read_plan(path: str | os.PathLike[str]) -> LoadedPlan:
    path = Path(path)
    return parse_plan(read_capped(path), path.name)


def read_capped(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; anything else is a PlanFileError.

    Only regular files are read (a pipe would wait for ever, ``/dev/zero`` never ends), and
    never more than ``limit`` + 1 bytes, whatever the file's size claims to be.
    """
    name = path.name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise PlanFileError(f"There is no file “{path}”.") from None
    except IsADirectoryError:
        raise PlanFileError(f"“{path}” is a folder, not a plan file.") from None
    except OSError as error:
        raise PlanFileError(f"“{name}” could not be read: {error.strerror or error}.") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise PlanFileError(f"“{path}” is a folder, not a plan file.")
        if not stat.S_ISREG(info.st_mode):
            raise PlanFileError(
                f"“{name}” is not a plan file: it is a device, a pipe or a socket, not a file saved on disk."
            )
        if info.st_size > limit:
            raise PlanFileError(_too_large(name, info.st_size, limit))
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise PlanFileError(f"“{name}” could not be read: {error.strerror or error}.") from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    if len(raw) > limit:
        raise PlanFileError(_too_large(name, len(raw), limit))
    return raw


def _too_large(name: str, size: int, limit: int) -> str:
    most = f"{limit // 1024 // 1024} MB"
    return f"“{name}” is larger than {most}; a plan file is at most {most}, so this is not one."


def parse_plan(raw: bytes | str, name: str = "The file", *, lenient: bool = False) -> LoadedPlan:
    """The plan in ``raw``. ``lenient`` (a recovery file: the edits must not be lost) keeps a plan whose
    values the file's checks refuse, each such value left at its default and listed in ``refused``."""
    encoding = None
    try:
        if isinstance(raw, str):
            text = raw
        else:
            if len(raw) > MAX_BYTES:
                raise PlanFileError(
                    f"“{name}” is larger than {MAX_BYTES // 1024 // 1024} MB; a plan file is never that large."
                )
            text, encoding = decode_text(raw, name)
        if not text.strip():
            raise PlanFileError(f"“{name}” is empty: there is no plan in it.")
        data = parse_json(text, name)
    except TextError as error:
        raise PlanFileError(str(error)) from None
    if isinstance(raw, str) or has_escaped_surrogate(text):
        data = without_lone_surrogates(data)
    loaded = plan_from_file_data(data, name, lenient=lenient)
    return dataclasses.replace(loaded, encoding=encoding) if encoding else loaded


def plan_from_file_data(data: Any, name: str = "The file", *, lenient: bool = False) -> LoadedPlan:
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
    too_long = check_sizes(data)
    if too_long:  # (before reading nine million items one by one)
        raise PlanFileError(f"“{name}” is not a valid plan:", too_long)
    plan, problems = plan_from_data(data)
    if problems and not lenient:
        raise PlanFileError(f"“{name}” is not a valid plan:", problems)
    return LoadedPlan(plan, validate(plan), migrated_from, refused=problems)


def plan_to_file_data(plan: Plan) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, **plan_to_data(plan)}


def dumps_plan(plan: Plan) -> str:
    """The file's text. A lone surrogate (a script's "\\udc00") is written as U+FFFD: saving never fails on text."""
    return replace_lone_surrogates(json.dumps(plan_to_file_data(plan), indent=2, ensure_ascii=False)) + "\n"


def write_plan(plan: Plan, path: str | os.PathLike[str], *, keep_backup: bool = True) -> None:
    write_text_atomically(Path(path), dumps_plan(plan), keep_backup=keep_backup)


def write_text_atomically(path: Path, text: str, *, keep_backup: bool = False) -> None:
    """Write beside ``path`` under a temporary name, fsync, then rename over ``path`` (see planner.plan.safe_write).

    A crash at any moment leaves either the old file or the new one, never a mix, and no
    temporary file survives a failure. With ``keep_backup`` the previous file is kept as
    ``<name>.bak``. A symbolic link is written through; a device, pipe or folder is refused.
    Raises PlanFileError with a message for people.
    """
    from planner.plan.safe_write import atomic_target  # (loaded on the first save, not at start-up)

    data = replace_lone_surrogates(text).encode("utf-8")
    try:
        with atomic_target(path, keep_backup=keep_backup) as temp, open(temp, "wb") as out:
            out.write(data)
    except OSError as error:
        raise PlanFileError(f"Could not save “{Path(path).name}”: {_reason(error)}.") from None


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).rstrip(".")


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
