"""What the main window does with files: New, Open, Save, autosave and crash recovery.

A mixin of ``MainWindow`` (it uses the window's document, settings and status bar), so the
window's public names (``save``, ``open_plan``, ``load_file``) stay where people look for them.
Nothing typed is lost: a failed save leaves the plan open and unsaved, unsaved work is
autosaved to the recovery folder, and the next start after a crash offers it back.
The questions (``ui.files``) are imported where they are asked: start-up asks none.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from planner.plan.model import Plan
from planner.plan.plan_file import Fingerprint, PlanFileError, read_plan
from planner.plan.sample import sample_plan
from ui.document import FileChangedOnDisk, PlanDocument
from ui.settings import RecentFiles

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QStatusBar

    from planner.plan.recovery import Recoverable, RecoveryStore
    from ui.autosave import Autosaver
    from ui.dialogs.compare import CompareDialog
    from ui.export_runner import ExportRunner

TITLE = "Lead Planner"
RECOVERY_ENV = "LEADPLANNER_RECOVERY_DIR"  # where tests (or a portable install) keep recovery files


def blank_plan() -> Plan:
    from planner.plan.defaults import default_start_month, value

    plan = Plan()  # a deal size of $1 in the model: a new plan starts from a sensible placeholder instead
    targets = replace(plan.targets, deal_size=value("targets.deal_size"))
    return replace(plan, basics=replace(plan.basics, start_month=default_start_month()), targets=targets)


def recovery_store(folder: str | Path | None = None) -> RecoveryStore:
    """This session's recovery files: in ``folder``, else $LEADPLANNER_RECOVERY_DIR, else the user's data folder."""
    from planner.plan.recovery import RecoveryStore

    chosen = folder or os.environ.get(RECOVERY_ENV) or None
    return RecoveryStore(Path(chosen) if chosen else None)


class FileActions:
    document: PlanDocument
    recent: RecentFiles
    settings: QSettings

    @property
    def exporter(self) -> ExportRunner: ...

    autosaver: Autosaver | None = None  # (the leadplanner command starts it at the first paint)
    comparison: CompareDialog | None = None  # File → Compare with…, while it is open

    if TYPE_CHECKING:  # provided by MainWindow and its QMainWindow

        def statusBar(self) -> QStatusBar: ...
        def setWindowTitle(self, title: str) -> None: ...
        def go_to_step(self, index: int) -> None: ...

    def start_autosave(self, store: RecoveryStore) -> None:
        from ui.autosave import Autosaver

        self.autosaver = Autosaver(self.document, store, self.document)
        self.autosaver.failed.connect(
            lambda message: self.statusBar().showMessage(
                f"Autosave failed: {message} Save the plan (Ctrl+S) to keep your work.", 30000
            )
        )

    # --- title and questions ------------------------------------------------------------
    def update_title(self) -> None:
        mark = "*" if self.document.is_modified else ""
        self.setWindowTitle(f"{TITLE} — {self.document.display_name}{mark}")

    def confirm_discard(self) -> bool:
        """True when the open plan may be replaced: saved, or the person said so."""
        if not self.document.is_modified:
            return True
        from ui import files

        answer = files.ask_to_save(self, self.document.display_name)
        if answer == files.Button.Save:
            return self.save()
        return answer == files.Button.Discard

    # --- new and open -------------------------------------------------------------------
    def new_plan(self) -> None:
        if self.confirm_discard():
            self.suggested_path = None
            self.load_plan(blank_plan())
            self.go_to_step(0)

    def new_from_sample(self) -> None:
        if self.confirm_discard():
            self.suggested_path = None
            self.load_plan(sample_plan())
            self.go_to_step(0)

    def open_plan(self, path: str | None = None) -> bool:
        if not self.confirm_discard():
            return False
        if not path:
            from ui import files

            path = files.choose_plan_to_open(self, str(self.document.path.parent) if self.document.path else "")
            if not path:
                return False
        return self.load_file(path)

    def load_plan(self, plan: Plan, path: str | Path | None = None) -> None:
        """Another plan in the window (New, Open, Recover): a comparison with the last one closes."""
        self.close_comparison()
        self.document.load(plan, path)

    def load_file(self, path: str) -> bool:
        """Open the plan at ``path``; a file that can't be opened is explained and changes nothing."""
        try:
            loaded = read_plan(path)
        except PlanFileError as error:
            from ui import files

            files.show_error(self, "The plan was not opened", str(error))
            if not Path(path).exists():
                self.recent.remove(path)
            return False
        self.load_plan(loaded.plan, path)
        self.suggested_path = None
        self.recent.add(path)
        if loaded.migrated_from is not None:
            self.tell_migrated(loaded.migrated_from)
        if loaded.encoding:
            self.tell_encoding(loaded.encoding)
        return True

    def tell_encoding(self, encoding: str) -> None:
        self.statusBar().showMessage(
            f"This plan was saved as {encoding} text; it was read as such and will be saved as UTF-8.", 15000
        )

    def tell_migrated(self, version: int) -> None:
        self.statusBar().showMessage(
            f"This plan was written by an older Lead Planner (version {version}); "
            "it will be saved in the current format.",
            15000,
        )

    # --- save ---------------------------------------------------------------------------
    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._write(str(self.document.path))

    def save_as(self) -> bool:
        from ui import files

        suggested = self.document.path or self.suggested_path or Path.home() / f"{self.suggested_name()}.leadplan"
        path = files.choose_where_to_save(self, str(suggested))
        return self._write(path) if path else False

    def _write(self, path: str) -> bool:
        """Save; on any failure the plan stays open and unsaved, and the person is told why."""
        from ui import files

        try:
            try:
                self.document.save(path)
            except FileChangedOnDisk as changed:
                answer = files.ask_about_their_changes(self, changed.message)
                if answer == files.SAVE_ELSEWHERE:
                    return self.save_as()
                if answer != files.OVERWRITE:
                    return False
                self.document.save(path, overwrite_changes=True)
        except (PlanFileError, OSError, ValueError) as error:
            reason = str(error) if isinstance(error, PlanFileError) else f"Could not save “{Path(path).name}”: {error}."
            self.statusBar().showMessage(f"The plan was not saved. {reason.splitlines()[0]}", 30000)
            files.show_error(self, "The plan was not saved", f"{reason} Your changes are still open, not saved.")
            return False
        self.suggested_path = None
        self.recent.add(path)
        self.statusBar().showMessage(f"Saved {Path(path).name}", 5000)
        return True

    def suggested_name(self) -> str:
        if self.document.path:
            return self.document.path.stem
        company = self.document.plan.basics.company.strip()
        return f"{company} lead plan" if company else "Lead plan"

    def export(self, kind: str) -> None:
        """Export the plan; while a comparison is open, with it (the job compares again, with the plan it writes)."""
        folder = self.document.path.parent if self.document.path else Path.home()
        older = self.comparison.export_older() if self.comparison is not None else None
        self.exporter.ask_and_export(
            self.document.plan, kind, str(folder / self.suggested_name()), older, self.document.library
        )

    # --- comparing with an older version --------------------------------------------------
    def compare_with(self, path: str | None = None) -> CompareDialog | None:
        """File → Compare with…: the open plan against an older version of it (``ui.dialogs.compare``);
        a file that cannot be compared is explained and an open comparison stays as it was."""
        from ui.dialogs.compare import compare_with_file

        dialog = compare_with_file(self, self.document, path)  # type: ignore[arg-type]
        if dialog is not None:
            self.close_comparison()
            self.comparison = dialog
            dialog.finished.connect(lambda _result: self._comparison_closed(dialog))
        return dialog

    def close_comparison(self) -> None:
        if self.comparison is not None:
            self.comparison.reject()  # (finished: forgotten and deleted)

    def _comparison_closed(self, dialog: CompareDialog) -> None:
        if self.comparison is dialog:
            self.comparison = None
        dialog.deleteLater()

    def import_actuals(self) -> None:
        """File → Import actuals…: a CSV file's monthly actuals into the plan (ui.dialogs.import_actuals)."""
        from ui.dialogs.import_actuals import import_actuals_from_file

        import_actuals_from_file(self, self.document, self.settings)  # type: ignore[arg-type]

    # --- crash recovery -----------------------------------------------------------------
    recovery_offered = False  # set once the start-up question about leftovers has been settled
    suggested_path: Path | None = None  # where Save As starts for an untitled plan (a recovered one)

    def offer_recovery(self) -> bool:
        """Offer what a crashed session left, newest first; True when a plan was recovered."""
        from ui import files

        try:
            assert self.autosaver is not None  # (started before the window is on screen)
            store = self.autosaver.store
            for leftover in store.leftovers():
                answer = files.ask_to_recover(self, leftover.description)
                if answer == files.DISCARD_RECOVERY:
                    store.discard(leftover)
                elif answer == files.RECOVER and self.recover(leftover):
                    return True
            return False
        finally:
            self.recovery_offered = True

    def recover(self, leftover: Recoverable) -> bool:
        """Open the autosaved plan, unsaved, pointing at the file it belongs to.

        When that file is no longer the one that was open (changed, replaced or gone since),
        the plan is recovered untitled: saving asks where, and never writes over the other file.
        """
        try:
            loaded = leftover.load_leniently()
        except PlanFileError as error:
            from ui import files

            files.show_error(self, "The plan was not recovered", str(error))
            return False
        plan = loaded.plan
        if loaded.refused:  # recovered all the same: every edit is kept, each refused value is listed
            from ui import files

            listed = "\n".join(f"• {problem}" for problem in loaded.refused[:20])
            more = f"\n… and {len(loaded.refused) - 20} more" if len(loaded.refused) > 20 else ""
            files.show_error(
                self,
                "Some values were not recovered",
                "The plan was recovered with every edit, but these values are not ones a plan can hold; "
                f"each is back at its default. Check them before you save:\n{listed}{more}",
            )
        same_file = leftover.original is not None and leftover.original_unchanged()
        if same_file:
            self.load_plan(plan, leftover.original)
            self.document.fingerprint = Fingerprint.of(leftover.original) if leftover.original else None
            notice = f"Recovered {leftover.description}. Save it to keep it."
        else:
            self.load_plan(plan, None)
            self.suggested_path = recovered_name(leftover.original) if leftover.original else None
            notice = f"Recovered {leftover.description}. Save it to keep it."
            if leftover.original is not None:
                notice = (
                    f"Recovered {leftover.description}, as a new plan: “{leftover.original.name}” has changed "
                    "since, or is gone. Save it (Ctrl+S) and choose where; the other file is left alone."
                )
        self.document.mark_modified()
        assert self.autosaver is not None  # (started before the window is on screen)
        self.autosaver.autosave_now()  # ours now: kept until saved, even if we crash again
        self.autosaver.wait()
        self.autosaver.store.discard(leftover)
        self.statusBar().showMessage(notice, 30000)
        return True


def recovered_name(original: Path) -> Path:
    """Where a recovered plan whose file changed is offered to be saved: beside it, under another name."""
    return original.with_name(f"{original.stem} (recovered).leadplan")
