"""The main window: the step navigator, one page per step, and the plan's health beside them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.plan.plan_file import PlanFileError, read_plan
from planner.plan.sample import sample_plan
from ui import settings as app_settings
from ui.document import PlanDocument
from ui.file_actions import TITLE, FileActions, blank_plan, recovery_store
from ui.health_panel import HealthPanel
from ui.navigator import STEPS, StepNavigator, step_of_path
from ui.pages.page import Page
from ui.startup import after_first_paint
from ui.step_pages import PAGES, StepPages
from ui.style import STYLESHEET

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent
    from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

    from planner.plan.recovery import RecoveryStore
    from ui.export_runner import ExportRunner
    from ui.presentation import PresentationView

__all__ = ["PAGES", "TITLE", "MainWindow", "blank_plan", "create_window"]


class MainWindow(QMainWindow, FileActions):
    def __init__(
        self,
        document: PlanDocument,
        settings: QSettings | None = None,
        recovery: RecoveryStore | None = None,
        *,
        menus_after_paint: bool = False,
        recovery_folder: str | Path | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        document.setParent(self)
        self._recovery = (recovery, recovery_folder)
        if not menus_after_paint:  # (the leadplanner command starts it once on screen: ``ui.app.start``)
            self.autosave_from_now()
        self.settings = settings or app_settings.make_settings()
        self.recent = app_settings.RecentFiles(self.settings)
        if app_settings.benchmarks_file(self.settings):  # the consultant's own benchmarks (Edit → Benchmarks)
            from ui.benchmarks_menu import start_benchmarks

            start_benchmarks(self, later=menus_after_paint)
        self._exporter: ExportRunner | None = None
        self._close_confirmed = False
        self.presentation: PresentationView | None = None
        self.glossary: QDialog | None = None
        self.setObjectName("main_window")
        self.setStyleSheet(STYLESHEET)
        self.setMinimumSize(1024, 640)

        self.navigator = StepNavigator()
        self.stack = StepPages(document, self._page_built)
        self.health = HealthPanel(document, warnings_later=menus_after_paint)
        if menus_after_paint:  # the leadplanner command: the warnings a frame after the figures
            after_first_paint(self, self.health.add_warnings)
        self.health.alert_activated.connect(self.go_to_path)

        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.stack, 1)
        column.addWidget(self._step_bar())
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigator)
        row.addWidget(centre, 1)
        row.addWidget(self.health)
        self.setCentralWidget(body)

        self.menus: list[QMenu] = []
        self.step_actions: list[QAction] = []
        self._make_menus(fill=not menus_after_paint)
        if menus_after_paint:  # the menu bar's titles are there; what they hold, once the window is on screen
            after_first_paint(self, self.fill_menus)
        self.navigator.currentRowChanged.connect(self.go_to_step)
        document.file_changed.connect(self.update_title)
        document.refused.connect(self.tell_refused)
        document.noted.connect(lambda note: self.statusBar().showMessage(note, 15_000))
        document.ask_to_drop = self.ask_to_drop_actuals
        self.update_title()
        self.go_to_step(0)
        self.statusBar()
        self._restore_geometry()

    def ask_to_drop_actuals(self, question: str) -> bool:
        """Before a shorter horizon drops actuals: the person decides (Cancel keeps the plan as it is)."""
        from ui import files

        answer = files.ask(
            self,
            "Remove actuals?",
            question,
            {files.Button.Yes: "Remove them", files.Button.Cancel: ""},
            files.Button.Cancel,
        )
        return answer == files.Button.Yes

    def tell_refused(self, _path: str, message: str) -> None:
        """A value the file would refuse was not let into the plan: say why where every step shows it."""
        self.statusBar().showMessage(f"Not changed: {message}", 15_000)

    # --- steps -------------------------------------------------------------------------
    def _step_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("stepbar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(32, 10, 32, 10)
        self.back_button = QPushButton("‹  Back")
        self.back_button.setObjectName("step.back")
        self.back_button.setAccessibleName("Back to the previous step")
        self.back_button.setToolTip("The previous step (Alt+Left)")
        self.next_button = QPushButton("Next  ›")
        self.next_button.setObjectName("step.next")
        self.next_button.setProperty("role", "primary")
        self.next_button.setAccessibleName("Next step")
        self.next_button.setToolTip("The next step (Alt+Right)")
        self.back_button.clicked.connect(lambda: self.go_to_step(self.current_step() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_step(self.current_step() + 1))
        layout.addWidget(self.back_button)
        layout.addStretch(1)
        layout.addWidget(self.next_button)
        return bar

    def page(self, index: int) -> Page:
        """The page of a step, built on first use, its views up to date (``ui.widgets.follow``)."""
        page = self.stack.page(index)
        page.document.catch_up()
        return page

    def _page_built(self, index: int, page: Page) -> None:
        export_requested = getattr(page, "export_requested", None)  # the page with the export buttons
        if export_requested is not None:
            export_requested.connect(self.export)
        import_requested = getattr(page, "import_requested", None)  # Track's Import button
        if import_requested is not None:
            import_requested.connect(self.import_actuals)

    @property
    def pages(self) -> list[Page]:
        """Every step's page, built and up to date (``page``)."""
        return [self.page(index) for index in range(len(PAGES))]

    def findChild(self, *args: Any, **kw: Any) -> Any:
        """Every page's inputs and every menu's actions can be looked up by name, built or not
        yet, and show the plan as it is."""
        self.pages  # noqa: B018 (builds them)
        self.fill_menus()
        return super().findChild(*args, **kw)

    def findChildren(self, *args: Any, **kw: Any) -> Any:
        self.pages  # noqa: B018 (builds them)
        self.fill_menus()
        return super().findChildren(*args, **kw)

    def current_step(self) -> int:
        return self.stack.currentIndex()

    def go_to_step(self, index: int) -> None:
        index = max(0, min(index, len(PAGES) - 1))
        fresh = not isinstance(self.stack.widget(index), Page)  # built now (at its top): start-up's first step
        page = self.page(index)
        if index != self.stack.currentIndex() and not fresh:
            page.verticalScrollBar().setValue(0)  # every step opens at its top
        self.stack.setCurrentIndex(index)
        if self.navigator.currentRow() != index:
            self.navigator.setCurrentRow(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(PAGES) - 1)
        following = STEPS[index + 1] if index + 1 < len(STEPS) else ""
        shown = following.replace("&", "&&")  # a single & would underline the next letter
        self.next_button.setText(f"Next: {shown}  ›" if following else "Next  ›")
        for number, action in enumerate(self.step_actions):
            action.setChecked(number == index)
        if self.autosaver is not None:
            self.autosaver.autosave_now()

    def autosave_from_now(self) -> None:
        """Unsaved work is autosaved from now on. The leadplanner command starts it once the window
        is on screen (nothing is typed before): its module, and the look-up of the user's data
        folder, are then not on the way to the first paint."""
        if self.autosaver is None:
            recovery, folder = self._recovery
            self.start_autosave(recovery or recovery_store(folder))

    def go_to_path(self, path: str) -> None:
        """Show the step holding the field a warning is about, and focus that field."""
        step = step_of_path(path)
        if step is None:
            return
        self.go_to_step(step)
        target = self.findChild(QWidget, path)
        if target is not None and target.isVisible():
            target.setFocus()

    # --- menus -------------------------------------------------------------------------
    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None, name: str = "") -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _make_menus(self, fill: bool = True) -> None:
        bar = self.menuBar()
        self.menus = [bar.addMenu(title) for title in ("&File", "&Edit", "&View", "&Go", "&Help")]
        if fill:
            self.fill_menus()

    def fill_menus(self) -> None:
        """The menus' actions and their shortcuts (once; the ``leadplanner`` command adds them
        just after the first paint: nothing of them shows before a menu is opened)."""
        if self.step_actions:
            return
        from PySide6.QtGui import QKeySequence

        file_menu, edit_menu, view_menu, go_menu, help_menu = self.menus
        self._action(file_menu, "&New", self.new_plan, QKeySequence.StandardKey.New, "file.new")
        self._action(file_menu, "New from &sample", self.new_from_sample, None, "file.new_sample")
        self._action(file_menu, "&Open…", self.open_plan, QKeySequence.StandardKey.Open, "file.open")
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("file.recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._action(file_menu, "&Save", self.save, QKeySequence.StandardKey.Save, "file.save")
        self._action(file_menu, "Save &As…", self.save_as, "Ctrl+Shift+S", "file.save_as")
        file_menu.addSeparator()
        self._action(file_menu, "Export &Excel…", lambda: self.export("xlsx"), "Ctrl+E", "file.export_xlsx")
        self._action(file_menu, "Export &HTML…", lambda: self.export("html"), "Ctrl+Shift+E", "file.export_html")
        self._action(file_menu, "&Import actuals…", self.import_actuals, None, "file.import_actuals")
        compare = self._action(file_menu, "&Compare with…", self.compare_with, "Ctrl+Shift+O", "file.compare")
        compare.setToolTip("What changed since an older version of this plan, and how much each change moved the gap")
        compare.setStatusTip("Compare the open plan with an older version of it (last review's file)")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit, "file.quit")

        undo = self.document.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        undo.setObjectName("edit.undo")
        redo = self.document.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setObjectName("edit.redo")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        from ui.benchmarks_menu import add_benchmarks_menu

        add_benchmarks_menu(self, edit_menu)

        self.present_action = self._action(view_menu, "&Present", self.present, "F11", "present")
        self.present_action.setToolTip("Full screen, large type, sliders that try what-ifs live (Esc leaves)")

        for number, name in enumerate(STEPS):
            action = self._action(
                go_menu, f"&{number + 1}  {name}", lambda n=number: self.go_to_step(n),
                f"Ctrl+{number + 1}", f"go.step{number + 1}",
            )  # fmt: skip
            action.setCheckable(True)
            action.setChecked(number == self.current_step())
            self.step_actions.append(action)
        go_menu.addSeparator()
        self._action(go_menu, "&Next step", lambda: self.go_to_step(self.current_step() + 1),
                     ["Alt+Right", "Ctrl+PgDown"], "go.next")  # fmt: skip
        self._action(go_menu, "&Previous step", lambda: self.go_to_step(self.current_step() - 1),
                     ["Alt+Left", "Ctrl+PgUp"], "go.back")  # fmt: skip

        glossary = self._action(help_menu, "&Glossary", self.show_glossary, "F1", "help.glossary")
        glossary.setToolTip("The plan's words in plain English: sales-ready lead (SRL), new-logo, return on cost")
        self._action(help_menu, "&About Lead Planner", self.show_about, None, "help.about")

    def show_glossary(self) -> QDialog:
        from ui.dialogs.glossary import GlossaryDialog  # not needed to start

        if self.glossary is None:
            self.glossary = GlossaryDialog(self)
        self.glossary.show()
        self.glossary.raise_()
        return self.glossary

    def show_about(self) -> None:
        from ui.dialogs.about import show_about

        self.about_dialog = show_about(self)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for path in paths:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_plan(p))
        if not paths:
            self.recent_menu.addAction("No recent plans").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the list", self.recent.clear)

    @property
    def exporter(self) -> ExportRunner:
        """Runs exports in the background; created on the first export (it is not needed to start)."""
        if self._exporter is None:
            from ui.export_runner import ExportRunner

            self._exporter = ExportRunner(self)
        return self._exporter

    def present(self) -> PresentationView:
        """Presentation mode, full screen; its slider moves are kept as a scenario."""
        if self.presentation is not None:
            self.presentation.deleteLater()
        from ui.presentation import PresentationView  # loads charts: not needed to start

        self.presentation = PresentationView(self.document, self)
        self.presentation.left.connect(self.activateWindow)
        self.presentation.show_on_screen()
        self.presentation.activateWindow()
        return self.presentation

    # --- window state ------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1366, 768)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_confirmed or not self.document.is_modified or not self.isVisible():
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.sync()
            if self.autosaver is not None:
                self.autosaver.finish()  # a clean exit: nothing to recover at the next start
            event.accept()
            return
        # ask without blocking: the window stays open until the question is answered
        from PySide6.QtWidgets import QMessageBox

        event.ignore()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Unsaved changes",
            f"“{self.document.display_name}” has changes that are not saved. Save them before closing?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("close.question")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda _r: self._after_close_question(box))
        box.open()

    def _after_close_question(self, box: QMessageBox) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = box.standardButton(box.clickedButton())
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Save and not self.save():
            return
        if answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
            self._close_confirmed = True
            self.close()


def create_window(
    path: str | Path | None = None,
    *,
    sample: bool = False,
    settings: QSettings | None = None,
    recovery_folder: str | Path | None = None,
    menus_after_paint: bool = False,
) -> MainWindow:
    """The main window on the plan at ``path``; a new plan (or the sample) without one.

    A file that cannot be opened is explained in a message, and a blank plan opens instead.
    Unsaved work is autosaved to the recovery folder (``recovery_folder``, else
    $LEADPLANNER_RECOVERY_DIR, else the user's data folder); the ``leadplanner`` command
    (``ui.app.start``) offers back what a crash left there, once the window is on screen, and
    fills the menus then too (``menus_after_paint``).
    """
    problem = ""
    migrated_from: int | None = None
    encoding = ""
    document: PlanDocument
    if path:
        try:
            loaded = read_plan(path)
            document = PlanDocument(loaded.plan, path)
            migrated_from = loaded.migrated_from
            encoding = loaded.encoding
        except PlanFileError as error:
            problem = str(error)
            document = PlanDocument(blank_plan())
    else:
        document = PlanDocument(sample_plan() if sample else blank_plan())
    window = MainWindow(document, settings, menus_after_paint=menus_after_paint, recovery_folder=recovery_folder)
    if problem:
        from ui import files

        files.show_error(window, "The plan was not opened", problem)
    elif path:
        window.recent.add(path)
        if migrated_from is not None:
            window.tell_migrated(migrated_from)
        if encoding:
            window.tell_encoding(encoding)
    return window
