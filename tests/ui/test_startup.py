"""The first screen is built without PySide6's ``Qt`` namespace (20 ms of start-up), and
what it sets by name instead is what Qt's enums say."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from ui.app import parse_arguments
from ui.main_window import MainWindow
from ui.startup import ACCESSIBLE_TEXT_ROLE, set_enum

# Starts the app as `leadplanner --sample` does and calls report(when) at the first paint and
# once the window is on screen; each test defines report() (FIRST_PAINT.replace("REPORT", ...)).
FIRST_PAINT = """
import sys
from ui.app import start
window = start(["--sample"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
REPORT

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = True
            report("at first paint:")
            QTimer.singleShot(200, lambda: (report("on screen:"), app.quit()))
        return False

app = QApplication.instance()
spy = FirstPaint()
window.installEventFilter(spy)
app.exec()
"""

# whether Qt's namespace has been built, and at the first paint which of the app's modules hold it
# (the module to change, named by the failure)
STARTER = FIRST_PAINT.replace(
    "REPORT",
    """
def report(when):
    built = "Qt" in sys.modules["PySide6.QtCore"].__dict__
    holders = sorted(
        name for name, module in list(sys.modules.items())
        if name.split(".")[0] in ("ui", "planner", "exports") and "Qt" in getattr(module, "__dict__", {})
    )
    print(when, built, *(holders if when.startswith("at first paint") else []), flush=True)
""",
)


def test_the_first_screen_is_painted_before_qts_namespace_is_built_and_then_it_is(tmp_path: Any) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEADPLANNER_RECOVERY_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", STARTER], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["at first paint: False", "on screen: True"]


def test_the_accessible_text_role_is_qts() -> None:
    assert Qt.ItemDataRole(ACCESSIBLE_TEXT_ROLE) == Qt.ItemDataRole.AccessibleTextRole


def test_a_misspelt_enum_key_is_refused(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match="alignment"):
        set_enum(label, "alignment", "AlignRigth")


def test_what_the_first_screen_sets_by_name_takes_effect(window: MainWindow) -> None:
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert window.findChild(QLabel, "health.gap").alignment() == right
    assert window.findChild(QLineEdit, "basics.horizon_months").alignment() == right  # a number
    assert window.findChild(QLineEdit, "basics.company").alignment() != right  # a text
    assert window.navigator.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert window.navigator.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert window.navigator.item(0).data(Qt.ItemDataRole.AccessibleTextRole) == "Step 1: Basics"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, False)),
        (["--sample"], (None, True)),
        (["q3.leadplan"], ("q3.leadplan", False)),
        (["q3.leadplan", "--sample"], ("q3.leadplan", False)),  # a plan named wins over the sample
    ],
)
def test_the_command_line_is_read_with_or_without_argparse(argv: list[str], expected: tuple[object, bool]) -> None:
    assert parse_arguments(argv) == expected


def test_leadplanner_help_still_explains_the_command(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_:
        parse_arguments(["--help"])
    assert exit_.value.code == 0
    assert "--sample" in capsys.readouterr().out


def test_a_second_plan_on_the_command_line_is_refused(capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_:
        parse_arguments(["a.leadplan", "b.leadplan"])
    assert exit_.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_the_app_gives_python_its_own_import_back_from_pyside() -> None:
    import builtins

    from ui.startup import stop_pyside_reading_sources

    hooked = builtins.__import__
    try:
        stop_pyside_reading_sources()
        assert builtins.__import__ is builtins.__orig_import__  # type: ignore[attr-defined]
        from PySide6.QtWidgets import QDial  # Qt's classes still load after it

        assert QDial.__name__ == "QDial"
    finally:
        builtins.__import__ = hooked


MENUS_STARTER = FIRST_PAINT.replace(
    "REPORT",
    """
def report(when):
    save = [a for a in window.menus[0].actions() if a.objectName() == "file.save"]
    print(when, [m.title() for m in window.menus], len(window.step_actions),
          save[0].shortcut().toString() if save else "-", not QApplication.windowIcon().isNull(),
          window.health.warnings(), [b.isVisible() for b in window.health.warning_labels], flush=True)
""",
)


def test_the_menus_actions_the_icon_and_the_warnings_come_just_after_the_first_paint(tmp_path: Any) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEADPLANNER_RECOVERY_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", MENUS_STARTER], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    titles = "['&File', '&Edit', '&View', '&Go', '&Help']"
    assert done.stdout.splitlines() == [
        f"at first paint: {titles} 0 - False [] []",  # the menu bar as it looks, empty menus
        # a step a shortcut, Save on Ctrl+S, the icon, the sample's warning in the health panel
        f"on screen: {titles} 8 Ctrl+S True {SAMPLE_WARNINGS} [True]",
    ]


# v3, a 3-month cycle: the leads of Jan-Sep (201 of the 400 needed) make this year
SAMPLE_WARNINGS = ["Coverage is 50%: the plan is 199 short of the sales-ready leads needed"]


def test_a_window_made_for_tests_or_scripts_has_its_menus_and_warnings_at_once(window: MainWindow) -> None:
    assert window.health.warnings() == SAMPLE_WARNINGS
    assert len(window.step_actions) == 8
    assert window.step_actions[0].isChecked()  # Basics, shown


def test_what_waits_for_a_widgets_first_paint_runs_after_it_in_order_through_one_filter(qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.startup import _FirstPaint, after_first_paint

    widget = QWidget()
    qtbot.addWidget(widget)
    ran: list[str] = []
    after_first_paint(widget, lambda: ran.append("warnings"))
    after_first_paint(widget, lambda: ran.append("menus"))
    assert len(widget.findChildren(_FirstPaint)) == 1  # PySide6 calls each Python filter for every event
    assert ran == []
    widget.show()
    qtbot.waitUntil(lambda: ran == ["warnings", "menus"])
    after_first_paint(widget, lambda: ran.append("next paint"))  # once painted, a new wait begins
    widget.update()
    qtbot.waitUntil(lambda: ran[-1] == "next paint")


def test_a_start_on_a_blank_plan_reads_no_package_file_before_its_first_paint(tmp_path: Any) -> None:
    starter = "import sys\nfrom ui.app import start\nw = start([])\nprint('importlib.resources' in sys.modules)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LEADPLANNER_RECOVERY_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", starter], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False"]  # the sample's reader (~2 ms) loads only for the sample
