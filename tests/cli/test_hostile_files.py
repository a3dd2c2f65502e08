"""The hostile-file corpus through the command line: refused with a message, or exported to files that open again.

Every file of ``tests/data/hostile/make_hostile.py`` goes through ``validate``, ``summary`` and
``export --xlsx --html``, each in a subprocess that must print no traceback and end with exit
code 0 (and then files that open again) or 1 with a message. (How much of a file is read before it
is refused is counted in ``tests/planner/test_file_safety.py`` and ``tests/ui/test_hostile_files_in_app.py``;
the subprocess's timeout only ends a hang, it is no speed check.)
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.data.hostile.make_hostile import CONTENTS, generate

SPECIAL = ["over-50-mb", "a-folder", "named-pipe", "link-to-dev-zero", "dangling-link"]
NAMES = [*CONTENTS, *SPECIAL]
ROOT = Path(__file__).resolve().parents[2]
REFUSED_SOMEHOW = {"named-pipe"} if hasattr(os, "mkfifo") else set()
ACCEPTED = {  # these are plans, odd but valid: they must export
    "utf-16", "utf-16-be-no-bom", "utf-32", "latin-1", "utf-8-bom", "lone-surrogate", "surrogate-in-key",
    "control-characters", "largest-allowed-values", "long-texts", "formulas-and-markup",
    "currency-format-breakers", "sample", "duplicate-keys",
}  # fmt: skip
NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    generate(folder)
    return folder


def cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,  # a hang, not a slow machine
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def check_outcome(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr, done.stderr
    assert done.returncode in (0, 1), (done.returncode, done.stderr)
    if done.returncode:
        assert done.stderr.strip(), "a refusal says why"


def test_the_corpus_holds_more_than_fifty_files(corpus: Path) -> None:
    assert len(NAMES) > 50
    assert sorted(p.stem for p in corpus.iterdir() if p.suffix == ".leadplan") == sorted(
        n for n in NAMES if n != "named-pipe" or hasattr(os, "mkfifo")
    )


@pytest.mark.parametrize("name", NAMES)
def test_a_hostile_file_is_refused_with_a_message_or_exported_to_files_that_open_again(
    corpus: Path, tmp_path: Path, name: str
) -> None:
    plan = corpus / f"{name}.leadplan"
    if not (plan.exists() or plan.is_symlink()):
        pytest.skip("not on this system")
    validated = cli("validate", plan, cwd=tmp_path)
    check_outcome(validated)
    summary = cli("summary", plan, cwd=tmp_path)
    check_outcome(summary)
    assert summary.returncode == validated.returncode
    as_json = cli("summary", plan, "--json", cwd=tmp_path)
    check_outcome(as_json)
    xlsx, html = tmp_path / "out.xlsx", tmp_path / "out.html"
    exported = cli("export", plan, "--xlsx", xlsx, "--html", html, cwd=tmp_path)
    check_outcome(exported)
    assert exported.returncode == validated.returncode
    if name in ACCEPTED:
        assert validated.returncode == 0, validated.stderr
    if validated.returncode:
        assert not xlsx.exists() and not html.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == []
        return
    assert NOT_A_NUMBER.search(summary.stdout) is None, summary.stdout
    figures = json.loads(as_json.stdout)
    assert all(math.isfinite(v) for v in _numbers(figures))
    workbook = load_workbook(xlsx)  # opens again
    assert "Summary" in workbook.sheetnames
    assert workbook.properties.title is not None
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert stat_mode(xlsx) == stat_mode(html) == 0o666 & ~current_umask()


def _numbers(data: object) -> list[float]:
    if isinstance(data, bool):
        return []
    if isinstance(data, int | float):
        return [float(data)]
    if isinstance(data, dict):
        return [n for v in data.values() for n in _numbers(v)]
    if isinstance(data, list):
        return [n for v in data for n in _numbers(v)]
    return []


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
