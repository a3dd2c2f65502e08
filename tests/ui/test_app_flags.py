"""`leadplanner --version` and `leadplanner --smoke-test`, run as a user runs them (the venv's
command, in a process of its own), and the window's icon."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QImage

from exports.writers import export_plan
from planner.plan.sample import sample_plan
from planner.version import __version__
from ui.icon import ICON_SIZES, window_icon
from ui.step_pages import PAGES

BIN = Path(sys.executable).parent
ICONS = Path(__file__).resolve().parents[2] / "ui" / "resources" / "icons"
PACKAGING = Path(__file__).resolve().parents[2] / "packaging" / "icons"


def run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / argv[0]), *argv[1:]], capture_output=True, text=True, timeout=120, env=env or dict(os.environ)
    )


def test_both_commands_print_the_one_version_planner_version_holds() -> None:
    assert run("leadplanner", "--version").stdout == f"leadplanner {__version__}\n"
    assert run("leadplanner-cli", "--version").stdout == f"leadplanner-cli {__version__}\n"


def test_the_installed_package_reports_the_same_version_as_planner_version() -> None:
    from importlib.metadata import version

    assert version("leadplanner") == __version__


def test_the_smoke_test_opens_the_sample_computes_exports_both_files_and_exits_0(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}  # it chooses offscreen itself
    env |= {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "d")}
    done = run("leadplanner", "--smoke-test", env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"Lead Planner {__version__} on Qt's offscreen platform, icon in {len(ICON_SIZES)} sizes"
    steps = len(PAGES)
    assert f"opened the sample “FY2027 lead development plan” and walked its {steps} steps (charts built)" in lines
    # PRODUCT.md's Acme example: 400 sales-ready leads needed, 288 supplied; v3, a 3-month cycle: the
    # leads of Jan-Sep close this year, 5 + 11 + 17 + 23 + 5 x 29 = 201 of them, 201 / 400 = 50.25%
    assert (
        "computed: 400.0 sales-ready leads needed, 288.0 supplied, 201.0 in time for this year, coverage 50.2%" in lines
    )
    assert "exported 2 files: sample.xlsx, sample.html" in lines
    sheets = len(load_workbook(next(export_plan(sample_plan(), xlsx=str(tmp_path / "venv.xlsx")))).sheetnames)
    assert any(line.startswith(f"the workbook opens: {sheets} sheets (Contents, Summary, Inputs") for line in lines)
    assert "the report parses: “FY2027 lead development plan — Acme Fasteners”, " in done.stdout
    assert lines[-1] == "smoke test passed"
    assert not (tmp_path / "config").exists()  # no settings written: they lived in its temporary folder
    assert not (tmp_path / "d").exists()  # no autosave either


def test_a_smoke_test_that_fails_says_what_failed_and_exits_1(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    # the icons missing, as in a bundle built without its data files
    script = "import sys, ui.icon as icon; icon.ICON_SIZES = (); from ui.smoke_test import smoke_test; sys.exit(smoke_test())"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert "smoke test FAILED: SmokeTestFailed: the app's icon is missing" in done.stderr


def test_smoke_test_takes_no_other_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    from ui.app import parse_arguments

    with pytest.raises(SystemExit) as exit_:
        parse_arguments(["--smoke-test", "q3.leadplan"])
    assert exit_.value.code == 2
    assert "--smoke-test takes no other arguments" in capsys.readouterr().err


def test_the_window_icon_holds_every_size_from_its_png(qapp: object) -> None:
    icon = window_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)
    for size in (*ICON_SIZES, 512):
        image = QImage(str(ICONS / f"leadplanner-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 8).alpha() == 255  # drawn, not blank


def test_the_windows_and_macos_icons_hold_the_rendered_pngs() -> None:
    ico = (PACKAGING / "leadplanner.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 7)
    icns = (PACKAGING / "leadplanner.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns and b"ic10" in icns  # 512 and 1024 pixels, for Retina displays
