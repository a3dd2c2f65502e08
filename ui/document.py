"""The open plan: its data, its computed result, its undo stack and its file.

One PlanDocument is created per window and handed to every view (no globals). Views
read ``document.plan`` and ``document.result`` and change the plan only through
``document.set_value`` (undoable), which lets in only what the file would accept
(``planner.plan.gate``): a refused value leaves the plan as it was, and ``refused`` says why.

An edit that changes a number recomputes through the engine once and emits ``changed``.
An edit of text the figures do not depend on (a note, a company name, a review item, a
channel's name; ``planner.plan.edits`` says which edits are which) only updates the plan and
emits ``text_changed(path)``: typing never waits on the engine. Names that the result repeats
(a channel's, a resource's, a scenario's) make the result stale; it is recomputed when next read. Editors that commit long text on a timer
``hold`` it; whoever reads the plan (save, export, autosave) gets the held text first.

The benchmark library the plan's assumptions are compared with is the document's too (``library``:
the consultant's own file over the built-in one, read when first asked); ``library_changed`` says
another one is in use (Edit → Benchmarks).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.numbers.engine import Reuse, compute
from planner.numbers.results import PlanResult
from planner.plan.checks import Problem
from planner.plan.edits import NAME, NUMBERS, RESCHEDULING, changes_one_value, edit_kind, is_result_text
from planner.plan.model import Plan
from planner.plan.paths import get_value, set_value
from planner.plan.plan_file import Fingerprint, PlanFileError, read_plan, write_plan

if TYPE_CHECKING:
    from planner.benchmarks.library import Library
    from ui.background_figures import BackgroundFigures


class FileChangedOnDisk(PlanFileError):
    """The file was changed by someone else since it was opened or saved here."""


# a plan whose figures took longer than this to compute (three frames) gets them in the background
# after a number is typed (a plan of thousands of channels); smaller plans recompute at once
BACKGROUND_AFTER_SECONDS = 0.05
# ... twice in a row, or once by this many times as long: a single pause (the garbage collector, a
# busy machine) does not send a small plan's figures to the background; and they come back to the
# UI thread only under half of it, so a plan near the line does not go back and forth
FAR_SLOWER = 4


def follow_names(document: PlanDocument, refresh: Callable[[], object]) -> None:
    """``refresh()`` when a resource, channel or scenario is renamed: what shows a name follows it
    at once, as it follows the figures on ``changed`` (a rename changes no figure)."""
    document.text_changed.connect(lambda path: refresh() if is_result_text(path) else None)


class PlanDocument(QObject):
    changed = Signal()  # the plan's figures changed (the result was recomputed)
    # the plan changed at this path and the figures did not (text), or follow (``changed``) once
    # worked out in the background (a number in a very large plan; ``figures_pending`` meanwhile)
    text_changed = Signal(str)
    file_changed = Signal()  # the path or the saved/unsaved state changed
    refused = Signal(str, str)  # (path, message): a value the file would refuse was not let in
    noted = Signal(str)  # something an edit did beside what was typed (actuals moved with the first month)
    library_changed = Signal()  # another benchmark library is in use (``use_benchmarks``)

    def __init__(self, plan: Plan, path: str | Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self.reuse = Reuse()  # an edit's computation reuses what the last one made of what it left alone
        self.background_after = BACKGROUND_AFTER_SECONDS
        self._result, seconds = self._timed_compute(plan)
        if self.background_after < seconds <= FAR_SLOWER * self.background_after:  # slow once: timed again,
            seconds = min(seconds, self._timed_compute(plan, Reuse())[1])  # from nothing as the first was
        self.compute_seconds = self.before_seconds = seconds  # the last computation and the one before
        self.slow = False
        self.slow = self.computes_slowly
        self._background: BackgroundFigures | None = None
        self._result_stale = False  # a name the result repeats changed since it was computed
        self._names_since_ask = False  # ... since the background was asked for figures
        self._held: dict[str, tuple[Callable[[], Any], str]] = {}  # path -> (read the editor, undo text)
        self._applying = False
        # asked before a shorter horizon drops actuals (the window asks the person; a script's document never drops)
        self.ask_to_drop: Callable[[str], bool] = lambda _question: False
        self.path: Path | None = Path(path) if path else None
        self.fingerprint = Fingerprint.of(self.path) if self.path else None
        self._undo_stack = QUndoStack(self)
        self._undo_stack.cleanChanged.connect(self._on_clean_changed)
        # the benchmark library the plan's assumptions are compared with: the consultant's own file
        # (the window sets it from the settings) over the built-in one, read when first asked
        self.benchmarks_file = ""
        self.benchmarks_problem = ""  # why that file is not used ("" when it is, or there is none)
        self._library: Library | None = None

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_changed.emit()

    @property
    def plan(self) -> Plan:
        if self._held and not self._applying:
            self.commit_held()
        return self._plan

    @property
    def result(self) -> PlanResult:
        if self._result_stale:  # a renamed channel, resource or scenario
            self._result = compute(self._plan, self.reuse)
            self._result_stale = False
        return self._result

    @property
    def undo_stack(self) -> QUndoStack:
        """The plan's history, with what an editor holds committed first (so Undo takes it back)."""
        if self._held and not self._applying:
            self.commit_held()
        return self._undo_stack

    # --- the benchmark library -----------------------------------------------------------
    @property
    def library(self) -> Library:
        """The benchmark library in use, read when first asked (not before the first paint unless a
        view needs it): ``benchmarks_file`` over the built-in library, or the built-in one alone
        when that file cannot be used (``benchmarks_problem`` says why)."""
        if self._library is None:
            from planner.benchmarks.library import BenchmarkFileError, built_in, load

            try:
                self._library = load(self.benchmarks_file) if self.benchmarks_file else built_in()
            except BenchmarkFileError as error:
                self._library, self.benchmarks_problem = built_in(), str(error)
        return self._library

    def use_benchmarks(self, path: str | Path | None) -> str:
        """Compare the plan with the consultant's own benchmark file at ``path`` from now on (None or
        "": the built-in library); the views follow (``library_changed``). Returns why the file was
        refused ("" when it is used): the built-in library is then in use."""
        self.benchmarks_file, self.benchmarks_problem, self._library = str(path or ""), "", None
        self.library  # noqa: B018 (read now: a broken file is refused now, not when a view asks)
        if self.benchmarks_problem:
            self.benchmarks_file = ""
        self.library_changed.emit()
        return self.benchmarks_problem

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # --- text held by an editor --------------------------------------------------------
    def hold(self, path: str, read: Callable[[], Any], text: str | None = None) -> None:
        """An editor has changed ``path`` and will commit it soon; ``read()`` gives its value.

        Typing in a long note costs nothing per key: the text is read once when the editor
        commits, or when anyone reads the plan first (save, export, autosave)."""
        self._held[path] = (read, text or f"Change {path}")

    def drop_held(self, path: str) -> None:
        self._held.pop(path, None)

    def commit_held(self, path: str | None = None) -> None:
        """Commit what editors hold (all of it, or one path's) as ordinary undoable edits."""
        if path is None:
            held, self._held = self._held, {}
        else:
            found = self._held.pop(path, None)
            held = {path: found} if found is not None else {}
        for held_path, (read, text) in held.items():
            self.set_value(held_path, read(), text)

    def catch_up(self) -> None:
        """Nothing: the document passes every change on as it happens (a step's view of it,
        ``ui.widgets.follow.StepDocument``, may hold some back while its page is hidden)."""

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def value(self, path: str) -> Any:
        return get_value(self.plan, path)

    def set_value(
        self, path: str, value: Any, text: str | None = None, *, merge: bool = True, ask: bool = False
    ) -> list[Problem]:
        """Change one field or list of the plan, as one undoable step, if the file would accept the plan
        it makes; else nothing changes and the problems are returned (and ``refused`` emitted).
        ``ask``: a shorter horizon may ask to drop the actuals after it (on Enter, not while typing)."""
        if self._held and not self._applying:
            self.commit_held()  # what was typed before this edit comes first in the history
        if get_value(self._plan, path) == value:
            return []
        # (the gate and the commands load with the first edit: nothing is edited before the first paint)
        from planner.plan.gate import entry_problems
        from ui.commands import SetValueCommand

        if path in RESCHEDULING and self._plan.actuals:
            return self._reschedule(path, value, text or f"Change {path}", ask=ask)
        problems = entry_problems(self._plan, path, value)
        if problems:
            self.refused.emit(problems[0].path, problems[0].message)
            return problems
        self._undo_stack.push(SetValueCommand(self, path, value, text or f"Change {path}", merge=merge))
        return []

    def _reschedule(self, path: str, value: Any, text: str, *, ask: bool) -> list[Problem]:
        """A new first month or horizon with the actuals kept in their calendar months, as one step; a
        horizon cut below an actual asks first (``ask_to_drop``), a first month past one is refused."""
        from planner.plan.gate import entry_problems
        from planner.plan.reschedule import with_horizon, with_start_month
        from ui.commands import SetValuesCommand

        moved = (with_start_month if path == "basics.start_month" else with_horizon)(self._plan, value)
        problems = entry_problems(dataclasses.replace(self._plan, actuals=moved.plan.actuals), path, value)
        if not problems:
            if moved.dropped and path == "basics.start_month":
                problems = [Problem(path, f"{moved.note} Remove those actuals on Track first, then move the plan.")]
            elif moved.dropped and not ask:
                problems = [Problem(path, f"{moved.note} Press Enter to remove them and shorten the plan.")]
            elif moved.dropped and not self.ask_to_drop(f"{moved.note} Remove them and shorten the plan?"):
                problems = [Problem(path, f"{moved.note} The plan keeps its horizon.")]
        if problems:
            self.refused.emit(problems[0].path, problems[0].message)
            return problems

        changes = [("actuals", moved.plan.actuals), (path, value)]
        self._undo_stack.push(SetValuesCommand(self, changes if moved.dropped else changes[::-1], text))
        if moved.note:
            self.noted.emit(moved.note)
        return []

    def apply(self, path: str, value: Any) -> None:
        """Set a value without recording it (the undo commands call this).

        Recomputes only when the edit can change a number (``planner.plan.edits.edit_kind``)."""
        kind = edit_kind(self._plan, path)
        plan = set_value(self._plan, path, value)
        background = self.computes_slowly and ((kind == NUMBERS and changes_one_value(path)) or kind == NAME)
        if kind == NUMBERS and not background:
            self.replace_plan(plan)
            return
        self._applying = True
        try:
            self._plan = plan
            if background:
                self._names_since_ask = False
                self._figures().ask(plan)
            elif kind == NAME:
                self._result_stale = self._names_since_ask = True
            self.text_changed.emit(path)
        finally:
            self._applying = False

    def replace_plan(self, plan: Plan) -> None:
        if self._background is not None:
            self._background.cancel()
        self._applying = True
        try:
            self._plan = plan
            self._result, seconds = self._timed_compute(plan)
            self.timed(seconds)
            self._result_stale = False
            self.changed.emit()
        finally:
            self._applying = False

    def _timed_compute(self, plan: Plan, reuse: Reuse | None = None) -> tuple[PlanResult, float]:
        started = time.perf_counter()
        result = compute(plan, self.reuse if reuse is None else reuse)
        return result, time.perf_counter() - started

    @property
    def computes_slowly(self) -> bool:
        """The figures took longer than a keystroke may wait (``background_after``) twice in a row,
        or once ``FAR_SLOWER`` times as long; once slow, until they take under half of it. A
        number typed next is then worked out in the background."""
        after, last = self.background_after, self.compute_seconds
        if self.slow:
            return last > after / 2
        return last > after and (self.before_seconds > after or last > FAR_SLOWER * after)

    def timed(self, seconds: float) -> None:
        """A computation of the figures took ``seconds`` (here or in the background)."""
        self.before_seconds, self.compute_seconds = self.compute_seconds, seconds
        self.slow = self.computes_slowly

    # --- figures worked out in the background ------------------------------------------
    @property
    def figures_pending(self) -> bool:
        """True while the figures of the plan as typed are being worked out (``result`` is the last ones)."""
        return self._background is not None and self._background.busy

    def _figures(self) -> BackgroundFigures:
        if self._background is None:
            from ui.background_figures import BackgroundFigures  # only very large plans need it

            self._background = BackgroundFigures(lambda plan: compute(plan, self.reuse), self)
            self._background.ready.connect(self._on_figures)
        return self._background

    def _on_figures(self, result: PlanResult | None, seconds: float) -> None:
        self.timed(seconds)  # (a plan made small again goes back to computing at once)
        if result is None:  # the engine failed in the background: again here, where it is reported
            self.replace_plan(self._plan)
            return
        self._applying = True
        try:
            self._result = result
            self._result_stale = self._names_since_ask  # renamed since: the names are not in it
            self.changed.emit()
        finally:
            self._applying = False

    def load(self, plan: Plan, path: str | Path | None = None) -> None:
        """Start over on another plan (New, Open): a clean file and an empty undo history."""
        self._held.clear()
        self.undo_stack.clear()
        self.path = Path(path) if path else None
        self.fingerprint = Fingerprint.of(self.path) if self.path else None
        self.replace_plan(plan)
        self.undo_stack.setClean()
        self.file_changed.emit()

    def mark_modified(self) -> None:
        """Unsaved though nothing was edited here (a recovered plan): saving is the only way back to clean."""
        self.undo_stack.resetClean()
        self.file_changed.emit()

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None) -> PlanDocument:
        """Raises PlanFileError with a message for people when the file can't be opened."""
        return cls(read_plan(path).plan, path, parent)

    def changed_on_disk(self) -> bool:
        """Someone else wrote the file since we opened or saved it."""
        return self.path is not None and self.fingerprint != Fingerprint.of(self.path)

    def save(self, path: str | Path | None = None, *, overwrite_changes: bool = False) -> None:
        """Raises PlanFileError when the file can't be written (the plan stays unsaved), and
        FileChangedOnDisk when saving over a file someone else changed, unless told to overwrite."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("save needs a path for an untitled plan")
        if target == self.path and not overwrite_changes and self.changed_on_disk():
            raise FileChangedOnDisk(f"“{target.name}” was changed by someone else since you opened it.")
        write_plan(self.plan, target)
        self.path = target
        self.fingerprint = Fingerprint.of(target)
        self.undo_stack.setClean()
        self.file_changed.emit()
