"""Text that XML cannot hold never reaches the workbook; each export opens again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from openpyxl import load_workbook

from exports.safe_text import CELL_LIMIT, clean, clean_plan
from exports.writers import export_plan
from planner.plan.model import Plan


def hostile(sample: Plan) -> Plan:
    channels = list(sample.channels)
    channels[1] = dataclasses.replace(channels[1], name="Trade\x01 shows")
    scenario = dataclasses.replace(
        sample.scenarios[0], overrides={"win_rate": 0.3, "channels.Trade\x01 shows.monthly_budget": 9000}
    )
    basics = dataclasses.replace(
        sample.basics, company="Acme\x07 Fasteners\x00", title="Plan\x0b\ufffe", currency="U\x00SD", prepared_by="J\x1b"
    )
    return dataclasses.replace(sample, basics=basics, channels=tuple(channels), scenarios=(scenario,))


def test_control_characters_in_the_company_title_and_currency_still_make_a_workbook_that_opens(
    tmp_path: Path, sample: Plan
) -> None:
    [xlsx, html] = export_plan(hostile(sample), xlsx=str(tmp_path / "p.xlsx"), html=str(tmp_path / "p.html"))
    workbook = load_workbook(xlsx)
    assert workbook.properties.title == "Plan"
    assert workbook.properties.creator == "J"
    assert workbook.properties.subject == "Acme Fasteners lead development plan"
    formats = {cell.number_format for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert not any(ch in text for text in formats for ch in "\x00\x07")
    texts = [c.value for s in workbook for row in s.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("Trade shows" in text for text in texts)
    assert not any("\x01" in text or "\x07" in text for text in texts)
    assert "\x07" not in html.read_text(encoding="utf-8") and "\x00" not in html.read_text(encoding="utf-8")


def test_cleaning_keeps_a_scenario_pointing_at_the_channel_it_changes(sample: Plan) -> None:
    cleaned = clean_plan(hostile(sample))
    assert cleaned.channels[1].name == "Trade shows"
    assert cleaned.scenarios[0].overrides == {"win_rate": 0.3, "channels.Trade shows.monthly_budget": 9000}
    assert clean_plan(sample) is sample  # nothing to clean: the same plan


def test_a_text_longer_than_a_cell_is_cut_in_the_workbook_only(tmp_path: Path, sample: Plan) -> None:
    long = dataclasses.replace(sample, basics=dataclasses.replace(sample.basics, company="C" * 100_000))
    assert len(clean("C" * 100_000, CELL_LIMIT)) == CELL_LIMIT
    [xlsx] = export_plan(long, xlsx=str(tmp_path / "p.xlsx"))
    workbook = load_workbook(xlsx)
    lengths = [len(c.value) for s in workbook for row in s.iter_rows() for c in row if isinstance(c.value, str)]
    assert max(lengths) <= CELL_LIMIT
    assert long.basics.company == "C" * 100_000
