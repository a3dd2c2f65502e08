"""``leadplanner --smoke-test``: is this installation whole? (Run on every bundle, in CI and by hand.)

It opens the bundled sample in the app's window (offscreen unless told otherwise), walks every
step (which builds the charts), computes the plan, exports the Excel workbook and the HTML
report to a temporary folder, opens both again (openpyxl, Python's HTML parser), prints each
step, and exits 0; a step that fails exits 1 with what failed. The user's settings, recent
files and autosaves are not touched: all of it lives in the temporary folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO


class SmokeTestFailed(Exception):
    pass


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.titles: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self._in_title = tag == "title"
        if self._in_title:
            self.titles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.titles[-1] += data


def check_html(path: Path) -> str:
    """What the report holds, or SmokeTestFailed if it is not a whole report."""
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    for tag in ("html", "body", "table", "svg"):
        if not parser.tags.get(tag):
            raise SmokeTestFailed(f"the HTML report has no <{tag}>")
    title = parser.titles[0].strip() if parser.titles else ""
    return f"“{title}”, {parser.tags['table']} tables, {parser.tags['svg']} charts"


def check_workbook(path: Path) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    try:
        names = workbook.sheetnames
        if len(names) < 2:
            raise SmokeTestFailed(f"the workbook has only the sheets {names}")
        return f"{len(names)} sheets ({', '.join(names[:3])}, …)"
    finally:
        workbook.close()


def run(say: Callable[[str], None], folder: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from exports.writers import export_plan
    from planner.numbers import formatting as fmt
    from planner.numbers.engine import compute
    from planner.version import __version__
    from ui.dialogs.about import library_versions
    from ui.icon import window_icon
    from ui.main_window import create_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Lead Planner")
    icon = window_icon()
    if icon.isNull() or not icon.availableSizes():
        raise SmokeTestFailed("the app's icon is missing")
    app.setWindowIcon(icon)
    say(f"Lead Planner {__version__} on Qt's {app.platformName()} platform, icon in {len(icon.availableSizes())} sizes")
    say("libraries: " + ", ".join(f"{name} {version}" for name, version, _licence in library_versions()))

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(sample=True, settings=settings, recovery_folder=folder / "recovery")
    window.show()
    app.processEvents()
    plan = window.document.plan
    for step in range(len(window.pages)):
        window.go_to_step(step)
        app.processEvents()
    if "PySide6.QtCharts" not in sys.modules:
        raise SmokeTestFailed("walking the steps built no chart (Qt Charts)")
    say(f"opened the sample “{plan.basics.title}” and walked its {len(window.pages)} steps (charts built)")

    result = compute(plan)
    say(
        f"computed: {fmt.count(result.demand.sales_ready_leads, 1)} sales-ready leads needed, "
        f"{fmt.count(result.supply.sales_ready_leads, 1)} supplied, "
        f"{fmt.count(result.year.sales_ready_leads_expected, 1)} in time for this year, "
        f"coverage {fmt.percent(result.gap.coverage, 1)}"
    )

    written = list(export_plan(plan, xlsx=str(folder / "sample.xlsx"), html=str(folder / "sample.html")))
    say(f"exported {len(written)} files: {', '.join(path.name for path in written)}")
    say(f"the workbook opens: {check_workbook(folder / 'sample.xlsx')}")
    say(f"the report parses: {check_html(folder / 'sample.html')}")
    window.close()
    window.deleteLater()
    app.processEvents()


def smoke_test() -> int:
    """Runs the checks; 0 when all passed. Each line goes to stdout and, when the environment names
    one in LEADPLANNER_SMOKE_TEST_LOG, to that file too: a windowed program on Windows has no stdout."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    log_path = os.environ.get("LEADPLANNER_SMOKE_TEST_LOG")
    log = open(log_path, "w", encoding="utf-8") if log_path else None  # noqa: SIM115 (closed below)

    def say(line: str, stream: TextIO | None = None) -> None:
        stream = stream or sys.stdout
        if stream is not None:  # None in a windowed program on Windows
            print(line, file=stream, flush=True)
        if log is not None:
            log.write(line + "\n")
            log.flush()

    try:
        with tempfile.TemporaryDirectory(prefix="leadplanner-smoke-") as folder:
            run(say, Path(folder))
    except Exception as error:
        import traceback

        say(f"smoke test FAILED: {type(error).__name__}: {error}", sys.stderr)
        # for whoever builds the bundle, not for a user
        say("".join(traceback.format_exception(error)).rstrip(), sys.stderr)
        return 1
    else:
        say("smoke test passed")
        return 0
    finally:
        if log is not None:
            log.close()
