"""Autosave: unsaved work goes to the recovery folder every 30 seconds and on step changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from planner.plan_file import PlanFileError
from planner.recovery import RecoveryStore
from ui.document import PlanDocument

AUTOSAVE_MS = 30_000


class Autosaver(QObject):
    """Writes the document's unsaved plan to its recovery file; clears it once saved or closed."""

    failed = Signal(str)  # a message for people, once, when the recovery folder can't be written

    def __init__(self, document: PlanDocument, store: RecoveryStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()
        self.failing = False  # told once; said again only after an autosave worked
        document.file_changed.connect(self._on_file_changed)

    def autosave_now(self) -> None:
        if not self.document.is_modified:
            return
        try:
            self.store.write(self.document.plan, self.document.path)
        except PlanFileError as error:
            if not self.failing:
                self.failing = True
                self.failed.emit(str(error))
            return
        self.failing = False

    def _on_file_changed(self) -> None:
        if not self.document.is_modified:
            self.store.clear()

    def finish(self) -> None:
        """A clean exit: nothing to recover."""
        self.timer.stop()
        self.store.clear()
