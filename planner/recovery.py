"""Autosave and crash recovery files: unsaved work, kept in the user's data folder.

Each running window writes its unsaved plan to ``<data dir>/recovery/<id>.leadplan``
(atomically) with a small ``<id>.json`` beside it: the file it belongs to and when it was
written. A clean exit (or a save) removes them; what is left at the next start is what a
crash left behind, and the app offers to recover it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from planner.model import Plan
from planner.plan_file import PlanFileError, dumps_plan, read_plan, write_text_atomically

if TYPE_CHECKING:
    import datetime as dt


def default_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Lead Planner", appauthor=False) / "recovery"


class Recoverable(NamedTuple):
    id: str
    plan_path: Path  # the autosaved plan
    original: Path | None  # the file it was opened from, if any
    saved_at: dt.datetime

    def load(self) -> Plan:
        return read_plan(self.plan_path).plan

    @property
    def description(self) -> str:
        name = self.original.name if self.original else "an untitled plan"
        return f"{name}, autosaved {self.saved_at.astimezone().strftime('%Y-%m-%d %H:%M')}"


class RecoveryStore:
    """The recovery folder; one store per window, each writing under its own id."""

    def __init__(self, folder: Path | None = None, session_id: str | None = None) -> None:
        self._folder = folder
        self.id = session_id or os.urandom(6).hex()  # (not uuid: it imports platform, slow to start)

    @property
    def folder(self) -> Path:
        """Looked up on first use: the platform's data folder is not needed to start."""
        if self._folder is None:
            self._folder = default_folder()
        return self._folder

    @property
    def plan_path(self) -> Path:
        return self.folder / f"{self.id}.leadplan"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.id}.json"

    def write(self, plan: Plan, original: Path | None, now: dt.datetime | None = None) -> None:
        """Raises PlanFileError when the folder can't be written."""
        import datetime as dt  # here, not at start-up (nothing is autosaved before the first edit)

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PlanFileError(f"Could not autosave: {error.strerror or error}.") from None
        write_text_atomically(self.plan_path, dumps_plan(plan))
        meta = {
            "original": str(original) if original else None,
            "saved_at": (now or dt.datetime.now(dt.UTC)).isoformat(),
            "pid": os.getpid(),
        }
        write_text_atomically(self.meta_path, json.dumps(meta))

    def clear(self) -> None:
        for path in (self.plan_path, self.meta_path):
            path.unlink(missing_ok=True)

    def leftovers(self) -> list[Recoverable]:
        """What other (crashed) sessions left behind, newest first; unreadable leftovers are skipped."""
        import datetime as dt

        found = []
        if not self.folder.is_dir():
            return found
        for meta_path in self.folder.glob("*.json"):
            session = meta_path.stem
            plan_path = meta_path.with_suffix(".leadplan")
            if session == self.id or not plan_path.exists():
                continue
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                saved_at = dt.datetime.fromisoformat(meta["saved_at"])
                original = Path(meta["original"]) if meta.get("original") else None
            except (OSError, ValueError, KeyError, TypeError):
                continue
            found.append(Recoverable(session, plan_path, original, saved_at))
        return sorted(found, key=lambda r: r.saved_at, reverse=True)

    def discard(self, recoverable: Recoverable) -> None:
        recoverable.plan_path.unlink(missing_ok=True)
        recoverable.plan_path.with_suffix(".json").unlink(missing_ok=True)
