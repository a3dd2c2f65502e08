"""What `make dist` built works on its own: the one-folder app runs without Python or the venv, its
command line gives the venv's numbers and files, its window opens on an X server, the archive
unpacks anywhere and puts the app in the menus, and the wheel installs into a bare venv.

Marked `dist`: `make test` leaves them out; `.ci/run` runs them after `make dist`
(`pytest -m dist tests/test_dist.py`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.version import __version__

pytestmark = pytest.mark.dist

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "LeadPlanner"
VENV_BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not (BUNDLE / "leadplanner").is_file():
        pytest.fail(f"{BUNDLE} is not built: run `make dist` first")
    return BUNDLE


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """`env -i HOME=$tmp PATH=/usr/bin:/bin`: no venv, no PYTHONPATH, no Qt variables."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", **extra}


def run(argv: list[str | Path], env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], capture_output=True, text=True, env=env, timeout=timeout)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """PRODUCT.md's Acme example (the sample) as a plan file of the user's own."""
    path = tmp_path / "q3 plan.leadplan"
    shutil.copy(ROOT / "planner" / "data" / "sample.leadplan", path)
    return path


def test_the_bundle_passes_its_smoke_test_with_nothing_but_usr_bin_on_the_path(bundle: Path, tmp_path: Path) -> None:
    done = run([bundle / "leadplanner", "--smoke-test"], clean_env(tmp_path))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "on Qt's offscreen platform" in out
    assert re.search(r"walked its \d+ steps \(charts built\)", out)
    assert "exported 2 files: sample.xlsx, sample.html" in out
    assert re.search(r"the workbook opens: \d+ sheets \(Contents, Summary, ", out)
    assert "not found" not in out  # every library's version, read from the metadata the bundle carries
    assert out.rstrip().endswith("smoke test passed")
    # the user's own folders are left alone: the smoke test's files lived in a temporary folder
    assert not any((tmp_path / ".local").rglob("*.leadplan"))


def test_both_executables_print_the_version_from_planner_version(bundle: Path, tmp_path: Path) -> None:
    for name in ("leadplanner", "leadplanner-cli"):
        done = run([bundle / name, "--version"], clean_env(tmp_path))
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"{name} {__version__}"


def test_the_bundled_cli_summarises_a_plan_exactly_as_the_venv_does(bundle: Path, plan: Path, tmp_path: Path) -> None:
    bundled = run([bundle / "leadplanner-cli", "summary", "--json", plan], clean_env(tmp_path))
    venv = run([VENV_BIN / "leadplanner-cli", "summary", "--json", plan], dict(os.environ))
    assert bundled.returncode == 0, bundled.stderr
    assert venv.returncode == 0, venv.stderr
    assert json.loads(bundled.stdout) == json.loads(venv.stdout)
    assert json.loads(bundled.stdout)["demand"]["sales_ready_leads"] == 400  # PRODUCT.md's Acme example


def test_the_bundled_cli_exports_the_workbook_and_report_the_venv_exports(
    bundle: Path, plan: Path, tmp_path: Path
) -> None:
    outputs = {}
    for side, program, env in (
        ("bundle", bundle / "leadplanner-cli", clean_env(tmp_path)),
        ("venv", VENV_BIN / "leadplanner-cli", dict(os.environ)),
    ):
        xlsx, html = tmp_path / f"{side}.xlsx", tmp_path / f"{side}.html"
        done = run([program, "export", plan, "--xlsx", xlsx, "--html", html], env)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == [f"wrote {xlsx}", f"wrote {html}"]
        outputs[side] = (xlsx, html)
    assert cells(outputs["bundle"][0]) == cells(outputs["venv"][0])
    assert outputs["bundle"][1].read_text(encoding="utf-8") == outputs["venv"][1].read_text(encoding="utf-8")


def cells(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = load_workbook(path)
    try:
        return {sheet.title: [tuple(c.value for c in row) for row in sheet.iter_rows()] for sheet in workbook}
    finally:
        workbook.close()


def test_the_bundled_cli_explains_a_broken_plan_without_a_traceback(bundle: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.leadplan"
    broken.write_text("{not json", encoding="utf-8")
    done = run([bundle / "leadplanner-cli", "summary", broken], clean_env(tmp_path))
    assert done.returncode == 1
    assert "broken.leadplan" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_bundle_carries_qt_charts_and_the_desktop_platforms_and_leaves_qt_quick_and_webengine_out(
    bundle: Path,
) -> None:
    inside = bundle / "_internal"
    names = {path.relative_to(inside).as_posix() for path in inside.rglob("*")}
    assert "planner/data/sample.leadplan" in names
    assert "templates/report.html" in names
    assert "templates/partials/headline.html" in names
    assert "ui/resources/icons/leadplanner-256.png" in names
    qt = "PySide6/Qt"
    assert f"{qt}/lib/libQt6Charts.so.6" in names
    platforms = {Path(n).name for n in names if n.startswith(f"{qt}/plugins/platforms/")}
    assert {"libqxcb.so", "libqoffscreen.so", "libqwayland.so"} <= platforms
    assert not {"libqeglfs.so", "libqlinuxfb.so", "libqvnc.so"} & platforms
    unwanted = re.compile(r"Qt6(Qml|Quick|WebEngine|3D|Multimedia|Pdf)|libgtk-3", re.IGNORECASE)
    assert [n for n in names if unwanted.search(Path(n).name)] == []
    size = sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    assert size < 200 * 1024 * 1024, f"the bundle has grown to {size / 2**20:.0f} MB"


@pytest.fixture
def x_server() -> Iterator[str]:
    """An Xvfb display of its own (Xvfb picks a free number and tells it through -displayfd)."""
    if shutil.which("Xvfb") is None or shutil.which("xwininfo") is None:
        pytest.fail("Xvfb and xwininfo are needed (apt-get install xvfb x11-utils; .ci/run installs them)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def windows_named(display: str, text: str) -> list[str]:
    """The ids of the top-level windows whose title holds ``text``."""
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree", "-display", display], capture_output=True, text=True, timeout=10
    ).stdout
    return [line.split()[0] for line in tree.splitlines() if text in line]


def test_the_bundled_app_opens_its_window_with_its_icon_on_an_x_server(
    bundle: Path, plan: Path, tmp_path: Path, x_server: str
) -> None:
    env = clean_env(tmp_path, DISPLAY=x_server, QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen(
        [str(bundle / "leadplanner"), str(plan)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        found: list[str] = []
        deadline = time.monotonic() + 60
        while not found and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.25)
            found = windows_named(x_server, "q3 plan.leadplan")
        assert found, f"no window (exit code {app.poll()}): {app.stderr.read() if app.poll() is not None else ''}"
        props, deadline = "", time.monotonic() + 10
        while "_NET_WM_ICON(CARDINAL)" not in props and time.monotonic() < deadline:
            # the icon is set just after the first paint (QIcon is not built before it): a moment later
            time.sleep(0.1)
            props = subprocess.run(
                ["xprop", "-display", x_server, "-id", found[0], "WM_CLASS", "_NET_WM_ICON"],
                capture_output=True,
                text=True,
                timeout=10,
            ).stdout
        assert '"leadplanner"' in props  # WM_CLASS: the task bar matches it to leadplanner.desktop
        assert "_NET_WM_ICON(CARDINAL)" in props  # the window carries the app's icon
    finally:
        app.send_signal(signal.SIGTERM)
        app.communicate(timeout=20)


def test_the_archive_unpacks_anywhere_runs_and_puts_the_app_in_the_menus(bundle: Path, tmp_path: Path) -> None:
    [archive] = DIST.glob(f"LeadPlanner-{__version__}-linux-*.tar.gz")
    unpacked = tmp_path / "Downloads with space"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    moved = unpacked / "LeadPlanner"
    home = tmp_path / "home"
    done = run([moved / "leadplanner", "--smoke-test"], clean_env(home))
    assert done.returncode == 0, done.stderr

    done = run(["sh", moved / "install-desktop.sh"], clean_env(home))
    assert done.returncode == 0, done.stderr
    share = home / ".local" / "share"
    desktop = (share / "applications" / "leadplanner.desktop").read_text(encoding="utf-8")
    assert f'Exec="{moved}/leadplanner" %f' in desktop
    assert "MimeType=application/x-leadplan;" in desktop
    assert "application/x-leadplan" in (share / "mime" / "packages" / "leadplanner.xml").read_text(encoding="utf-8")
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "leadplanner.png").is_file()
    if shutil.which("desktop-file-validate"):
        checked = run(["desktop-file-validate", share / "applications" / "leadplanner.desktop"], clean_env(home))
        assert checked.returncode == 0, checked.stdout + checked.stderr
    if shutil.which("update-mime-database"):  # the file manager now knows *.leadplan
        assert "application/x-leadplan:*.leadplan" in (share / "mime" / "globs2").read_text(encoding="utf-8")

    done = run(["sh", moved / "install-desktop.sh", "--uninstall"], clean_env(home))
    assert done.returncode == 0, done.stderr
    assert not (share / "applications" / "leadplanner.desktop").exists()
    assert not (share / "icons").exists()  # no empty folders left behind
    assert not (share / "applications").exists()


def test_the_sdist_and_wheel_carry_the_templates_and_the_sample() -> None:
    [wheel] = DIST.glob(f"leadplanner-{__version__}-py3-none-any.whl")
    in_wheel = set(zipfile.ZipFile(wheel).namelist())
    with tarfile.open(DIST / f"leadplanner-{__version__}.tar.gz") as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for name in ("planner/data/sample.leadplan", "templates/report.html", "ui/resources/icons/leadplanner-64.png"):
        assert name in in_wheel
        assert name in in_sdist


def test_the_wheel_installs_into_a_bare_venv_and_both_commands_work(tmp_path: Path) -> None:
    [wheel] = DIST.glob(f"leadplanner-{__version__}-py3-none-any.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True, timeout=120)
    installed = run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], dict(os.environ), timeout=600)
    assert installed.returncode == 0, installed.stderr
    env = {"HOME": str(tmp_path), "PATH": f"{venv / 'bin'}:/usr/bin:/bin"}
    for name in ("leadplanner", "leadplanner-cli"):
        done = run([venv / "bin" / name, "--version"], env)
        assert done.stdout.strip() == f"{name} {__version__}", done.stderr
    sample = tmp_path / "sample.leadplan"
    assert run([venv / "bin" / "leadplanner-cli", "sample", sample], env).returncode == 0
    summary = run([venv / "bin" / "leadplanner-cli", "summary", "--json", sample], env)
    assert summary.returncode == 0, summary.stderr
    assert json.loads(summary.stdout)["demand"]["sales_ready_leads"] == 400
    smoke = run([venv / "bin" / "leadplanner", "--smoke-test"], env)
    assert smoke.returncode == 0, smoke.stderr
    assert "smoke test passed" in smoke.stdout
