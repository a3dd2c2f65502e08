"""Exports run off the UI thread; their results come back only through signals.

The window asks where to write, starts an :class:`ExportJob` on the thread pool with a
busy dialog, and on success offers to open the file. While File → Compare with… is open the
window hands over the older version too: the job compares it with the plan it writes, so the
memo's line and the report's chart describe that plan.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from planner.plan.model import Plan
from ui.files import plain

if TYPE_CHECKING:
    from planner.benchmarks.library import Library

Older = tuple[Plan, str]  # an older version of the plan and when it was made ("1 Oct"), to compare with
KINDS = {
    "xlsx": ("Excel workbook", "Excel workbooks (*.xlsx)", ".xlsx"),
    "html": ("HTML report", "HTML reports (*.html)", ".html"),
}


class ExportSignals(QObject):
    finished = Signal(str, list)  # kind, written paths
    failed = Signal(str, str)  # kind, message for people
    progress = Signal(int, str)  # percent, what it is writing ("Saving the sheet Channels: row 4,000 of 10,822")


class ExportJob(QRunnable):
    """Writes one export of a plan (the plan is immutable, so it is safe to share); with ``older``
    (the older version and when it was made, ``since``), compared with it; its assumptions against
    ``library`` (the benchmark library in use; None: the built-in one)."""

    def __init__(
        self, plan: Plan, kind: str, path: str, older: Older | None = None, library: Library | None = None
    ) -> None:
        super().__init__()
        self.plan, self.kind, self.path, self.older, self.library = plan, kind, path, older, library
        self.signals = ExportSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        from exports.writers import ExportUnavailable, export_plan

        try:
            progress = self.signals.progress.emit
            compared = self.comparison()
            written = [
                str(p)
                for p in export_plan(
                    self.plan, **{self.kind: self.path}, progress=progress, library=self.library, **compared
                )
            ]
        except ExportUnavailable as error:
            self.signals.failed.emit(self.kind, str(error))
        except OSError as error:
            self.signals.failed.emit(self.kind, f"Could not write “{Path(self.path).name}”: {error.strerror or error}.")
        except Exception as error:  # an export must never take the app down
            self.signals.failed.emit(self.kind, f"The export failed: {error}")
        else:
            self.signals.finished.emit(self.kind, written or [self.path])

    def comparison(self) -> dict[str, object]:
        """The export's ``comparison`` and ``since``: none without an older version, or when the plan
        written can no longer be compared with it (the comparison's dialog says why)."""
        if self.older is None:
            return {}
        from planner.compare.comparison import CompareError, compare

        older, since = self.older
        try:
            return {"comparison": compare(older, self.plan), "since": since}
        except CompareError:  # the plan is written all the same, without it
            return {}


class ExportRunner(QObject):
    """Asks for a file name, runs the export in the background, reports the outcome."""

    done = Signal(str, str)  # kind, the path written ("" when it failed)

    def __init__(self, parent: QWidget, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.window = parent
        self.pool = pool or QThreadPool.globalInstance()
        self.progress: QProgressDialog | None = None
        self.running: list[ExportSignals] = []
        # a large plan's workbook takes seconds: the bar says how far it has got, and for how long
        self._started = 0.0
        self._title = self._step = ""
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._show_step)

    def _show_step(self) -> None:
        if self.progress is None:
            self._ticker.stop()
            return
        seconds = time.monotonic() - self._started
        step = f"\n{self._step}" if self._step else ""
        self.progress.setLabelText(f"Writing the {self._title}… {seconds:.0f} s{step}")

    def _on_progress(self, percent: int, step: str) -> None:
        if self.progress is None:
            return
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)  # from a busy bar to a measured one
        self.progress.setValue(max(0, min(99, percent)))
        self._step = step
        self._show_step()

    def ask_and_export(
        self, plan: Plan, kind: str, suggested: str, older: Older | None = None, library: Library | None = None
    ) -> None:
        title, file_filter, suffix = KINDS[kind]
        path, _ = QFileDialog.getSaveFileName(
            self.window, f"Export the {title}", str(Path(suggested).with_suffix(suffix)), file_filter
        )
        if path:
            self.export(plan, kind, path if path.lower().endswith(suffix) else path + suffix, older, library)

    def export(
        self, plan: Plan, kind: str, path: str, older: Older | None = None, library: Library | None = None
    ) -> None:
        title = self._title = KINDS[kind][0]
        self._step = ""
        self.progress = QProgressDialog(f"Writing the {title}…", "", 0, 0, self.window)
        self.progress.setObjectName("export.progress")
        self.progress.setWindowTitle("Exporting")
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setAutoReset(False)
        self.progress.setAutoClose(False)
        self._started = time.monotonic()
        self._ticker.start()
        job = ExportJob(plan, kind, path, older, library)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.progress.connect(self._on_progress)
        self.running.append(job.signals)  # alive until the job reports
        self.pool.start(job)

    def _close_progress(self) -> None:
        self._ticker.stop()
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        self.running = [s for s in self.running if s is not self.sender()]

    def _on_failed(self, kind: str, message: str) -> None:
        self._close_progress()
        QMessageBox.warning(self.window, f"{KINDS[kind][0]} not written", plain(message))
        self.done.emit(kind, "")

    def _on_finished(self, kind: str, paths: list[str]) -> None:
        self._close_progress()
        path = paths[0]
        self.done.emit(kind, path)
        answer = QMessageBox.information(
            self.window,
            "Export finished",
            plain(f"The {KINDS[kind][0]} was written to\n{path}"),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            QMessageBox.StandardButton.Close,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
