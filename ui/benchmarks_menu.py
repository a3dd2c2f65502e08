"""Edit → Benchmarks: the consultant's own benchmark file, chosen once and kept for the next starts.

The library in use is the document's (``PlanDocument.library``): this module only sets which file
it comes from, from the settings at start and from the menu later. A file that cannot be used is
refused with its line and the problem (``planner.benchmarks.library.BenchmarkFileError``) and the
built-in library is used; one that has broken since it was chosen is said once in the status bar
at start, and stays chosen (it may be fixed by the next start). Nothing here is read before the
first paint: a start without a file of one's own reads no benchmark at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ui.settings import benchmarks_file, set_benchmarks_file
from ui.startup import after_first_paint

if TYPE_CHECKING:  # (a Protocol made at import would cost start-up a millisecond)
    from typing import Protocol

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

    from ui.document import PlanDocument

    class MainWindow(Protocol):
        """What of the main window this uses (``ui.main_window.MainWindow``)."""

        document: PlanDocument
        settings: QSettings

        def statusBar(self) -> QStatusBar: ...

        def window(self) -> QWidget: ...


FILTER = "Benchmark libraries (*.json);;All files (*)"
FORMAT_HELP = "docs/benchmarks.md in Lead Planner's documentation describes the format."


def start_benchmarks(window: MainWindow, *, later: bool = False) -> None:
    """The file chosen in an earlier session, for the window's document; whether it can still be used
    is found out (and a broken one said) once the window is on screen (``later``) or now."""
    window.document.benchmarks_file = benchmarks_file(window.settings)
    if not window.document.benchmarks_file:
        return
    if later:
        after_first_paint(window, lambda: say_if_unusable(window))
    else:
        say_if_unusable(window)


def say_if_unusable(window: MainWindow) -> None:
    document = window.document
    document.library  # noqa: B018 (read now, to know)
    if document.benchmarks_problem:
        window.statusBar().showMessage(
            f"Your benchmark file was not used: {document.benchmarks_problem} The built-in benchmarks are in "
            "use (Edit → Benchmarks to choose another file).",
            60_000,
        )


def in_use_text(window: MainWindow) -> str:
    document = window.document
    if document.benchmarks_file and not document.benchmarks_problem:
        return f"In use: your file “{Path(document.benchmarks_file).name}”"
    if document.benchmarks_file:
        return f"In use: the built-in library (“{Path(document.benchmarks_file).name}” could not be used)"
    return "In use: the built-in library"


def add_benchmarks_menu(window: MainWindow, menu: QMenu) -> QMenu:
    """Edit → Benchmarks: which library is in use, choose your own file, back to the built-in one."""
    submenu = menu.addMenu("&Benchmarks")
    submenu.setObjectName("edit.benchmarks")
    submenu.setToolTipsVisible(True)
    submenu.menuAction().setStatusTip("The published ranges the plan's assumptions are compared with")
    shown = submenu.addAction(in_use_text(window))
    shown.setObjectName("benchmarks.in_use")
    shown.setEnabled(False)
    submenu.addSeparator()
    choose = submenu.addAction("&Choose your own file…")
    choose.setObjectName("benchmarks.choose")
    choose.setToolTip(
        "A benchmark file of your own (JSON, the format of docs/benchmarks.md): its figures replace the "
        "built-in ones of the industries it names; kept for the next starts"
    )
    choose.triggered.connect(lambda _checked=False: choose_benchmarks_file(window))
    built_in = submenu.addAction("Use the &built-in library")
    built_in.setObjectName("benchmarks.built_in")
    built_in.setToolTip("The published ranges that come with Lead Planner, each with its source")
    built_in.triggered.connect(lambda _checked=False: use_built_in(window))

    def refresh() -> None:
        shown.setText(in_use_text(window))
        shown.setToolTip(window.document.benchmarks_file or "planner/data/benchmarks.json")
        built_in.setEnabled(bool(window.document.benchmarks_file))

    submenu.aboutToShow.connect(refresh)
    window.document.library_changed.connect(refresh)
    refresh()
    return submenu


def choose_benchmarks_file(window: MainWindow) -> bool:
    """Ask for a benchmark file and use it; a file that cannot be used is refused with its line and
    the problem, and the built-in library is used. True when the file is used."""
    from PySide6.QtWidgets import QFileDialog

    chosen = window.document.benchmarks_file
    folder = str(Path(chosen).parent) if chosen else ""
    path = QFileDialog.getOpenFileName(window.window(), "Choose your benchmark file", folder, FILTER)[0]
    if not path:
        return False
    problem = window.document.use_benchmarks(path)
    if problem:
        from ui import files

        set_benchmarks_file(window.settings, "")
        files.show_error(
            window.window(),
            "The benchmark file was not used",
            f"{problem}\n\nThe built-in benchmarks are in use. {FORMAT_HELP}",
        )
        return False
    set_benchmarks_file(window.settings, path)
    window.statusBar().showMessage(f"The benchmarks of “{Path(path).name}” are in use.", 15_000)
    return True


def use_built_in(window: MainWindow) -> None:
    set_benchmarks_file(window.settings, "")
    window.document.use_benchmarks(None)
    window.statusBar().showMessage("The built-in benchmarks are in use.", 15_000)
