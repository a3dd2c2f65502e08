"""The code stays formatted and lint-free (ruff), so every diff shows only real changes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff is not installed")
    return subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_ruff_finds_nothing_to_fix() -> None:
    done = ruff("check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_code_is_formatted() -> None:
    done = ruff("format", "--check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_command_line_summary_does_not_load_the_exporters_or_qt() -> None:
    code = "import sys, cli.main; sys.exit(any(m in sys.modules for m in ('openpyxl', 'jinja2', 'PySide6')))"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
