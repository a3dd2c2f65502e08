"""Autosave and crash recovery files: unsaved work, kept in the user's data folder.

Each running window writes its unsaved plan to ``<data dir>/recovery/<id>.leadplan``
(atomically) with a small ``<id>.json`` beside it: the file it belongs to (its absolute,
resolved path, with the size, modification time and SHA-256 it had when it was opened),
when it was written, and the process that wrote it (its id and start time). A clean exit
(or a save) removes them; what is left at the next start by a process no longer running
is what a crash left behind, and the app offers to recover it. A live window's autosave is
never offered (nor deleted) by another.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from planner.plan.model import Plan
from planner.plan.plan_file import (
    MAX_BYTES,
    LoadedPlan,
    PlanFileError,
    dumps_plan,
    parse_plan,
    read_capped,
    read_plan,
    write_text_atomically,
)

if TYPE_CHECKING:
    import datetime as dt


def default_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Lead Planner", appauthor=False) / "recovery"


class OriginalFile(NamedTuple):
    """What the plan's file looked like when it was opened (or last saved) in the crashed window."""

    path: Path  # absolute and resolved
    size: int | None = None
    mtime_ns: int | None = None
    sha256: str | None = None

    @classmethod
    def of(cls, path: str | os.PathLike[str], size: int | None = None, mtime_ns: int | None = None) -> OriginalFile:
        """The file now, or as a fingerprint saw it (then hashed only if it still matches)."""
        resolved = absolute(path)
        now = os.stat(resolved) if resolved.is_file() else None
        if now is None:
            return cls(resolved, size, mtime_ns)
        if size is None:
            size, mtime_ns = now.st_size, now.st_mtime_ns
        same = (now.st_size, now.st_mtime_ns) == (size, mtime_ns)
        return cls(resolved, size, mtime_ns, file_hash(resolved) if same else None)

    def is_unchanged(self) -> bool:
        """The file on disk is still the one that was open: same size, time and content."""
        if self.size is None or self.sha256 is None:
            return False
        try:
            info = os.stat(self.path)
        except OSError:
            return False
        if (info.st_size, info.st_mtime_ns) != (self.size, self.mtime_ns):
            return False
        return file_hash(self.path) == self.sha256

    def to_data(self) -> dict[str, Any]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}


def absolute(path: str | os.PathLike[str]) -> Path:
    """An absolute path with links resolved: the same file whatever folder the app starts in."""
    return Path(os.path.realpath(os.path.abspath(path)))


def file_hash(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(read_capped(path, MAX_BYTES)).hexdigest()
    except PlanFileError:
        return None


class Recoverable(NamedTuple):
    id: str
    plan_path: Path  # the autosaved plan
    original: Path | None  # the file it was opened from, if any (absolute)
    saved_at: dt.datetime
    opened: OriginalFile | None = None  # that file as it was when opened, to tell if it changed since

    def load(self) -> Plan:
        return read_plan(self.plan_path).plan

    def load_leniently(self) -> LoadedPlan:
        """The autosaved plan even where a value fails the file's checks (each left at its default and
        listed in ``refused``): the edits after it are not lost. A file that is not a plan at all is
        still a PlanFileError."""
        return parse_plan(read_capped(self.plan_path), self.plan_path.name, lenient=True)

    def original_unchanged(self) -> bool:
        """The file the plan belongs to is still the one that was open (safe to save over)."""
        return self.opened is not None and self.opened.is_unchanged()

    @property
    def description(self) -> str:
        name = self.original.name if self.original else "an untitled plan"
        return f"{name}, autosaved {self.saved_at.astimezone().strftime('%Y-%m-%d %H:%M')}"


def process_start(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, from /proc), None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return fields[19]  # field 22 of stat: the start time
    except (OSError, IndexError):
        return None


class Owner(NamedTuple):
    """The process that writes a store's autosaves."""

    pid: int
    started: str | None
    host: str

    @classmethod
    def this_process(cls) -> Owner:
        return cls(os.getpid(), process_start(os.getpid()), _host())


def is_running(pid: Any, started: Any, host: Any) -> bool:
    """The process that wrote an autosave still runs (so its autosave is not a leftover)."""
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 or host != _host():
        return False  # another machine's (or an older Lead Planner's) autosave: offered
    if os.path.isdir("/proc/self"):
        return started is not None and process_start(pid) == started
    if os.name != "posix":  # pragma: no cover - (os.kill would end the process on Windows)
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class RecoveryStore:
    """The recovery folder; one store per window, each writing under its own id."""

    def __init__(self, folder: Path | None = None, session_id: str | None = None, owner: Owner | None = None) -> None:
        self._folder = folder
        self.id = session_id or os.urandom(6).hex()  # (not uuid: it imports platform, slow to start)
        self._owner = owner

    @property
    def owner(self) -> Owner:
        """This process, looked up on the first autosave (not at start-up)."""
        if self._owner is None:
            self._owner = Owner.this_process()
        return self._owner

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

    def write(
        self, plan: Plan, original: Path | None, now: dt.datetime | None = None, opened: OriginalFile | None = None
    ) -> None:
        """Raises PlanFileError when the folder can't be written.

        ``opened`` is the original file as it was opened; without it, the file as it is now.
        """
        self.write_text(dumps_plan(plan), original, now, opened)

    def write_text(
        self, text: str, original: Path | None, now: dt.datetime | None = None, opened: OriginalFile | None = None
    ) -> None:
        import datetime as dt  # here, not at start-up (nothing is autosaved before the first edit)

        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PlanFileError(f"Could not autosave: {error.strerror or error}.") from None
        if original is not None and opened is None:
            opened = OriginalFile.of(original)
        from planner.plan.safe_write import remove_stale_temp_files

        remove_stale_temp_files(self.folder, None)  # what killed sessions were writing (no live writer's)
        write_text_atomically(self.plan_path, text)
        meta = {
            "original": str(absolute(original)) if original else None,
            "opened": opened.to_data() if opened else None,
            "saved_at": (now or dt.datetime.now(dt.UTC)).isoformat(),
            "pid": self.owner.pid,
            "started": self.owner.started,
            "host": self.owner.host,
        }
        write_text_atomically(self.meta_path, json.dumps(meta))

    def clear(self) -> None:
        for path in (self.plan_path, self.meta_path):
            path.unlink(missing_ok=True)

    def leftovers(self) -> list[Recoverable]:
        """What crashed sessions left behind, newest first; unreadable leftovers and the
        autosaves of windows still running are skipped."""
        found: list[Recoverable] = []
        if not self.folder.is_dir():
            return found
        for meta_path in self.folder.glob("*.json"):
            if meta_path.stem == self.id:
                continue
            read = _read(meta_path)
            if read is not None and not is_running(*read[1]):
                found.append(read[0])
        return sorted(found, key=lambda r: r.saved_at, reverse=True)

    def saved(self) -> Recoverable | None:
        """This session's own autosave, as another session would recover it (None if there is none)."""
        read = _read(self.meta_path)
        return read[0] if read else None

    def discard(self, recoverable: Recoverable) -> None:
        recoverable.plan_path.unlink(missing_ok=True)
        recoverable.plan_path.with_suffix(".json").unlink(missing_ok=True)


def _opened(original: Path | None, data: Any) -> OriginalFile | None:
    if original is None or not isinstance(data, dict):
        return None
    size, mtime, digest = data.get("size"), data.get("mtime_ns"), data.get("sha256")
    if not (isinstance(size, int) and isinstance(mtime, int) and isinstance(digest, str)):
        return None
    return OriginalFile(original, size, mtime, digest)


def _read(meta_path: Path) -> tuple[Recoverable, tuple[Any, Any, Any]] | None:
    """The autosave described by ``meta_path`` and the (pid, started, host) that wrote it."""
    import datetime as dt

    plan_path = meta_path.with_suffix(".leadplan")
    if not plan_path.exists():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        saved_at = dt.datetime.fromisoformat(meta["saved_at"])
        original = Path(meta["original"]) if meta.get("original") else None
        opened = _opened(original, meta.get("opened"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    found = Recoverable(meta_path.stem, plan_path, original, saved_at, opened)
    return found, (meta.get("pid"), meta.get("started"), meta.get("host"))


def _host() -> str:
    import socket

    return socket.gethostname()
