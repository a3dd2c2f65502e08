"""The app's settings file (window geometry, recent files, the consultant's benchmark file) and the
recent files list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "Lead Planner"
APPLICATION = "Lead Planner"
MAX_RECENT = 8


def make_settings() -> QSettings:
    """The user's settings (window geometry, recent files), in an INI file.

    Tests point it elsewhere with ``QSettings.setPath(IniFormat, UserScope, folder)``.
    """
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class RecentFiles:
    """The most recently opened or saved plans, newest first, kept in the settings."""

    KEY = "recentFiles"

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def paths(self) -> list[str]:
        stored = self.settings.value(self.KEY, [])
        if isinstance(stored, str):  # one entry comes back as a string
            stored = [stored]
        return [str(p) for p in stored or [] if p]

    def add(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        paths = [text, *(p for p in self.paths() if p != text)][:MAX_RECENT]
        self.settings.setValue(self.KEY, paths)

    def remove(self, path: str) -> None:
        self.settings.setValue(self.KEY, [p for p in self.paths() if p != path])

    def clear(self) -> None:
        self.settings.setValue(self.KEY, [])


BENCHMARKS_KEY = "benchmarks/file"


def benchmarks_file(settings: QSettings) -> str:
    """The consultant's own benchmark file chosen in Edit → Benchmarks ("": the built-in library)."""
    stored = settings.value(BENCHMARKS_KEY, "")
    return str(stored) if isinstance(stored, str) else ""


def set_benchmarks_file(settings: QSettings, path: str) -> None:
    """Remember the benchmark file for the next starts ("" forgets it: the built-in library)."""
    if path:
        settings.setValue(BENCHMARKS_KEY, str(Path(path).resolve()))
    else:
        settings.remove(BENCHMARKS_KEY)
    settings.sync()
