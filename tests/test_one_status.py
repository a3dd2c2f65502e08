"""One status everywhere: on random plans with and without actuals, the command line's status, the
app's health verdict, the report's verdict and the workbook's Verdict (as exported, and after
LibreOffice recalculates it) begin with the same word, the word of ``planner.numbers.status``."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from cli.main import main as cli_main
from exports.excel.workbook import write_workbook
from exports.html_report import render_report
from planner.advice import health
from planner.numbers import status
from planner.numbers.engine import compute
from planner.plan.plan_file import parse_plan
from tests.exports.html_tree import parse
from tests.exports.recalc import SOFFICE, named_values, recalculate_all
from tests.planner.strategies import plans

NEAR_A_CLIFF = 1e-3  # a gap within this of half a lead may round either way in a spreadsheet's floats


def _first_word(text: str) -> str:
    word = next((w for w in status.WORDS.values() if text.startswith(w)), None)
    assert word is not None, f"does not begin with a status word: {text!r}"
    return word


def _cli_status(path: Path) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli_main(["summary", str(path), "--json"]) == 0
    return json.loads(out.getvalue())["timing"]["status"]


def _away_from_the_cliff(data: dict) -> None:
    result = compute(parse_plan(json.dumps(data)).plan)
    for figure in (result.year.gap, result.timing.worst_shortfall):
        assume(abs(abs(figure) - status.TOLERANCE) > NEAR_A_CLIFF)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_the_cli_the_health_panel_and_the_report_say_the_engines_status_word(data: dict) -> None:
    loaded = parse_plan(json.dumps(data))
    assume(not loaded.problems)
    result = compute(loaded.plan)
    word = status.word(result.timing.status)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.leadplan"
        path.write_text(json.dumps(data), encoding="utf-8")
        assert status.word(_cli_status(path)) == word
    assert _first_word(health.verdict(result)) == word
    report = parse(render_report(loaded.plan))
    assert _first_word(report.by_id("verdict").text.strip()) == word


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: cannot recalculate")
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_the_workbooks_verdict_begins_with_the_engines_word_before_and_after_recalculation(data: dict) -> None:
    loaded = parse_plan(json.dumps(data))
    assume(not loaded.problems)
    _away_from_the_cliff(data)
    word = status.word(compute(loaded.plan).timing.status)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.xlsx"
        write_workbook(loaded.plan, path)
        assert _first_word(str(named_values(path)["Verdict"])) == word  # the value written at export
        again = recalculate_all([path], Path(folder) / "recalculated", {"plan": path})["plan"]
        assert _first_word(str(named_values(again)["Verdict"])) == word
