"""Autosave: unsaved work goes to the recovery folder every 30 seconds and on step changes.

The write runs in a worker thread, never on the UI thread (a 1 MB note takes a while to
serialize and fsync), and requests are coalesced: while one write runs, later requests
replace each other and only the newest plan is written next. Saving or closing cancels
what is waiting and removes the autosave once a running write is done, so a finished
write can never bring back an autosave after a save. A failure is told once (``failed``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, QTimer, Signal

from planner.plan.model import Plan
from planner.plan.plan_file import Fingerprint, PlanFileError
from planner.plan.recovery import OriginalFile, RecoveryStore, absolute
from ui.document import PlanDocument

AUTOSAVE_MS = 30_000


class _Request(NamedTuple):
    plan: Plan
    original: Path | None
    fingerprint: Fingerprint | None
    generation: int


class Autosaver(QObject):
    """Writes the document's unsaved plan to its recovery file; clears it once saved or closed."""

    failed = Signal(str)  # a message for people, once, when the recovery folder can't be written
    _written = Signal(str)  # from the worker thread: "" when the write worked, else why not

    def __init__(self, document: PlanDocument, store: RecoveryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()
        self.failing = False  # told once; said again only after an autosave worked
        self._lock = threading.Lock()  # guards the request waiting, the worker and the generation
        self._writing = threading.Lock()  # held while a write runs
        self._waiting: _Request | None = None
        self._worker: threading.Thread | None = None
        self._generation = 0  # moves on at each clear: older requests are dropped
        self._opened: tuple[tuple[Path, Fingerprint | None], OriginalFile] | None = None
        self._written.connect(self._on_written)
        document.file_changed.connect(self._on_file_changed)

    def autosave_now(self) -> None:
        """Ask for a write of the plan as it is now; returns at once (the worker writes it)."""
        if not self.document.is_modified:
            return
        with self._lock:
            self._waiting = _Request(
                self.document.plan, self.document.path, self.document.fingerprint, self._generation
            )
            if self._worker is None:
                self._worker = threading.Thread(target=self._run, name="autosave", daemon=True)
                self._worker.start()

    def wait(self, timeout: float = 30.0) -> bool:
        """Block until nothing is waiting or being written (tests, and before quitting)."""
        with self._lock:
            worker = self._worker
        if worker is not None:
            worker.join(timeout)
            return not worker.is_alive()
        return True

    def _run(self) -> None:
        while True:
            with self._lock:
                request, self._waiting = self._waiting, None
                if request is None:
                    self._worker = None
                    return
            message = self._write(request)
            if message is not None:
                self._written.emit(message)

    def _write(self, request: _Request) -> str | None:
        with self._writing:
            if request.generation != self._generation:
                return None  # saved or closed since it was asked for
            try:
                self.store.write(request.plan, request.original, opened=self._original(request))
            except PlanFileError as error:
                return str(error)
            except Exception as error:  # never let a worker die silently: say it
                return f"Could not autosave: {error}."
        return ""

    def _original(self, request: _Request) -> OriginalFile | None:
        """The plan's file as it was opened (hashed once per open or save, not per autosave)."""
        if request.original is None:
            return None
        key = (request.original, request.fingerprint)
        if self._opened is None or self._opened[0] != key:
            fingerprint = request.fingerprint
            if fingerprint is None:  # (no file there when it was opened: never the same file)
                opened = OriginalFile(absolute(request.original))
            else:
                opened = OriginalFile.of(request.original, fingerprint.size, fingerprint.mtime_ns)
            self._opened = (key, opened)
        return self._opened[1]

    def _on_written(self, message: str) -> None:
        if not message:
            self.failing = False
        elif not self.failing:
            self.failing = True
            self.failed.emit(message)

    def _on_file_changed(self) -> None:
        if not self.document.is_modified:
            self.clear()

    def clear(self) -> None:
        """Nothing to recover: drop what waits, let a running write end, remove the files."""
        with self._lock:
            self._waiting = None
            self._generation += 1
        with self._writing:
            self.store.clear()

    def finish(self) -> None:
        """A clean exit: nothing to recover."""
        self.timer.stop()
        self.clear()
