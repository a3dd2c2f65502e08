"""Writing a file so that nothing is ever lost: beside the target, under a temporary name, then renamed.

Every file Lead Planner writes (plans, their ``.bak``, autosaves, exports) goes through
:func:`atomic_target`:

- a symbolic link is followed: the file it points at is replaced, the link stays a link;
- anything that is not a regular file (a folder, a device such as ``/dev/full``, a pipe) is
  refused rather than replaced;
- the new file gets the mode of the file it replaces, or ``0666`` less the user's umask;
- the temporary file is ``.<name>.<8 random characters>.tmp``, locked while it is written, and
  removed on any failure; temporary files of that naming left by a killed process (no longer
  locked) are removed on the next write of the same file;
- the previous version can be kept as ``<name>.bak``, itself replaced atomically (a hard link,
  or a copy written the same way), so a crash never leaves half a backup.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX: a live writer holds a lock on its temporary file
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BACKUP_SUFFIX = ".bak"
STALE_SECONDS_WITHOUT_LOCKS = 24 * 3600  # where files can't be locked, only day-old leftovers are removed


class UnsafeTarget(OSError):
    """The path names something that must not be replaced (a device, a folder, a pipe)."""


def resolved_target(path: str | os.PathLike[str]) -> Path:
    """The file that writing ``path`` must replace: a symbolic link's target (followed to the end)."""
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    return target


def check_replaceable(target: Path) -> os.stat_result | None:
    """The target's stat when it is a regular file, None when there is nothing; else UnsafeTarget."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    except NotADirectoryError as error:
        raise UnsafeTarget(error.errno, "a part of the path is a file, not a folder", str(target)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UnsafeTarget(21, "it is a folder", str(target))
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeTarget(
            22, "it is not a regular file (a device, a pipe or a socket), so it is not replaced", str(target)
        )
    return info


def user_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it (and put it back at once)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    return 0o666 & ~user_umask()


def temp_pattern(name: str | None) -> re.Pattern[str]:
    """The names of our temporary files for ``name`` (tempfile's 8 random characters); any name for None."""
    named = re.escape(name) if name is not None else ".+"
    return re.compile(rf"\.{named}\.[a-z0-9_]{{8}}\.tmp")


def remove_stale_temp_files(folder: Path, name: str | None) -> list[Path]:
    """Remove temporary files of ``name`` (of any name: None) that no live writer holds; returns those removed."""
    pattern = temp_pattern(name)
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        path = Path(entry.path)
        try:
            if not entry.is_file(follow_symlinks=False) or not _abandoned(path):
                continue
            path.unlink()
            removed.append(path)
        except OSError:
            continue
    return removed


def _abandoned(path: Path) -> bool:
    if fcntl is None:  # pragma: no cover - Windows
        import time

        return time.time() - path.stat().st_mtime > STALE_SECONDS_WITHOUT_LOCKS
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a live process is writing it
    finally:
        os.close(fd)  # (closing releases the lock)
    return True


@contextlib.contextmanager
def atomic_target(path: str | os.PathLike[str], *, keep_backup: bool = False, sync: bool = True) -> Iterator[Path]:
    """Yields a temporary path to write; on a clean exit it replaces ``path`` (see the module).

    Raises OSError (UnsafeTarget for what must not be replaced); the temporary file never
    outlives a failure.
    """
    import tempfile

    target = resolved_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    existing = check_replaceable(target)
    remove_stale_temp_files(folder, target.name)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield temp
        if sync:
            _fsync_path(temp)
        os.chmod(temp, stat.S_IMODE(existing.st_mode) if existing else new_file_mode())
        if keep_backup and existing:
            backup(target)
        check_replaceable(target)  # (still not something else: a pipe made meanwhile is never replaced)
        os.replace(temp, target)
        if sync:
            _fsync_path(folder)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(handle)


def backup(target: Path) -> Path:
    """Keep the current ``target`` as ``<name>.bak``, replacing the old backup in one step."""
    import shutil
    import tempfile

    backup_path = target.with_name(target.name + BACKUP_SUFFIX)
    check_replaceable(resolved_target(backup_path))
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temp_files(folder, backup_path.name)
    handle, temp_name = tempfile.mkstemp(prefix=f".{backup_path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    link_lock: int | None = None
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:  # a second name for the same bytes: instant, and whole by construction
            temp.unlink()
            os.link(target, temp)
            linked = True
        except OSError:
            linked = False
        if linked:
            link_lock = _try_lock(temp)  # (a cleaner must not take the link before the rename)
        else:
            shutil.copyfile(target, temp)
            shutil.copymode(target, temp)
            _fsync_path(temp)
        os.replace(temp, backup_path)
        if linked:  # renaming a link onto a link of the same file does nothing: the name stays
            temp.unlink(missing_ok=True)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(handle)
        if link_lock is not None:
            os.close(link_lock)
    return backup_path


def _try_lock(path: Path) -> int | None:
    if fcntl is None:  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _fsync_path(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
