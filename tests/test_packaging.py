"""`pip install .` (not only editable) ships every module, the templates and the sample plan."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("planner", "ui", "exports", "cli", "templates")


def clean_copy(folder: Path) -> Path:
    """The project's files as a fresh clone has them (no build/ left over from another build)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True
    )
    assert listed.returncode == 0, listed.stderr
    for name in listed.stdout.splitlines():
        source = ROOT / name
        if source.is_file():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return folder


def test_the_wheel_holds_every_module_template_and_the_sample(tmp_path: Path) -> None:
    source = clean_copy(tmp_path / "src")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    [wheel] = tmp_path.glob("leadplanner-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        path.relative_to(ROOT).as_posix()
        for package in SHIPPED
        for path in (ROOT / package).rglob("*")
        if path.suffix in (".py", ".html", ".css", ".leadplan") and "__pycache__" not in path.parts
    }
    assert expected - names == set()
    assert "planner/data/sample.leadplan" in names
    assert "templates/partials/headline.html" in names
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)
