"""Issue 31 in the app: an industry chosen on Basics puts each assumption beside its published
range, Diagnosis challenges one outside it, and a consultant can bring their own benchmark file.

The ranges are the built-in library's enterprise software figures (planner/data/benchmarks.json):
win rate 15–25%, middle 18% (FirstSales, 2024); an SDR's loaded monthly cost $5,667–$8,333,
middle $6,750 (Revenue Playbook, 2024); events' cost per raw lead $500–$2,000, middle $1,250
(Saber, undated).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel

from tests.ui.conftest import Dialogs
from tests.ui.helpers import field, laid_out, retype
from ui.main_window import MainWindow, create_window

BASICS, DIAGNOSIS, TARGETS, LABOR, CHANNELS = 0, 1, 2, 3, 4
WIN_RATE_RANGE = "Typical for Enterprise software: 15–25%, middle 18% (FirstSales, 2024)"
BROKEN = '{\n  "format": "leadplanner-benchmarks",\n  "version": 1\n  "industries": {}\n}\n'  # a comma missing: line 4


def own_file(folder: Path) -> Path:
    """A consultant's file: enterprise software wins 20–40% of its deals, 30% in the middle."""
    path = folder / "my-benchmarks.json"
    data = {
        "format": "leadplanner-benchmarks",
        "version": 1,
        "currency": "USD",
        "sources": {
            "clients": {
                "publisher": "Acme Consulting",
                "title": "Client funnel review",
                "year": 2026,
                "url": "https://example.com/funnel-review",
            }
        },
        "industries": {
            "enterprise_software": {
                "figures": {"targets.win_rate": {"low": 0.2, "typical": 0.3, "high": 0.4, "source": "clients"}}
            }
        },
    }
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def industry_field(qtbot: Any, window: MainWindow) -> QComboBox:
    """Basics' Industry drop-down (it comes with the window's first paint)."""
    window.go_to_step(BASICS)
    qtbot.waitUntil(lambda: window.findChild(QComboBox, "basics.industry") is not None)
    combo = window.findChild(QComboBox, "basics.industry")
    qtbot.waitUntil(combo.isVisible)
    return combo


def choose_industry(qtbot: Any, window: MainWindow, name: str) -> None:
    """Click Basics' Industry drop-down, go down its list to ``name`` and press Enter."""
    combo = industry_field(qtbot, window)
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    steps = [combo.itemText(i) for i in range(combo.count())].index(name) - combo.currentIndex()
    for _ in range(abs(steps)):
        qtbot.keyClick(view, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: combo.currentText() == name and not view.isVisible())


def win_rate_hint(window: MainWindow) -> str:
    window.go_to_step(TARGETS)
    return window.findChild(QLabel, "targets.win_rate.hint").text()


def findings(qtbot: Any, window: MainWindow) -> list[str]:
    """The findings on Diagnosis, scrolled to at the page's foot."""
    window.go_to_step(DIAGNOSIS)
    page = window.page(DIAGNOSIS)
    bar = page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: not page.follower.behind)
    return page.findings.texts()


def cut_texts(qtbot: Any, window: MainWindow, start: str) -> list[str]:
    """The texts of the finding that starts with ``start`` that are cut (narrower or shorter than they need)."""
    page = window.page(DIAGNOSIS)
    [card] = [c for c in page.findings.cards if c.isVisible() and c.title.text().startswith(start)]
    page.ensureWidgetVisible(card)
    labels = (card.title, card.recommendation, card.why)
    return laid_out(
        qtbot,
        lambda: [
            label.text()
            for label in labels
            if label.height() < label.heightForWidth(label.width())
            or label.mapTo(page.viewport(), label.rect().topRight()).x() > page.viewport().width()
        ],
    )


def choose_benchmarks(window: MainWindow, dialogs: Dialogs, path: Path) -> None:
    dialogs.open_path = str(path)
    window.findChild(QAction, "benchmarks.choose").trigger()


def test_the_industry_list_starts_with_none_then_names_the_librarys_industries(qtbot: Any, window: MainWindow) -> None:
    combo = industry_field(qtbot, window)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "None (no benchmarks)",
        "SMB SaaS",
        "Mid-market SaaS",
        "Enterprise software",
        "IT and professional services",
        "Industrial manufacturing and distribution",
    ]
    assert combo.currentText() == "None (no benchmarks)"  # the sample names no industry
    assert "Diagnosis challenges an assumption outside its range" in combo.toolTip()


def test_a_win_rate_outside_enterprise_softwares_range_is_hinted_and_challenged_until_it_is_back_in_range(
    qtbot: Any, window: MainWindow
) -> None:
    assert "Typical for" not in win_rate_hint(window)
    choose_industry(qtbot, window, "Enterprise software")
    assert win_rate_hint(window) == f"Default 20%; typical about 21%, HubSpot 2023\n{WIN_RATE_RANGE}"
    hint = window.findChild(QLabel, "targets.win_rate.hint")
    assert "https://firstsales.io/sales/glossary/win-rate" in hint.toolTip()

    retype(qtbot, field(window, "targets.win_rate"), "40")
    challenged = [text for text in findings(qtbot, window) if text.startswith("Your win rate")]
    assert len(challenged) == 1
    assert challenged[0].startswith(
        "Your win rate of 40% is above the 15–25% typical of Enterprise software (FirstSales, 2024)."
    )
    assert cut_texts(qtbot, window, "Your win rate") == []  # the long sentence and the source's address wrap

    window.go_to_step(TARGETS)
    retype(qtbot, field(window, "targets.win_rate"), "20")
    assert [text for text in findings(qtbot, window) if "win rate" in text] == []


def test_the_inside_reps_and_the_programs_show_their_ranges_in_their_tooltips(qtbot: Any, window: MainWindow) -> None:
    choose_industry(qtbot, window, "Enterprise software")
    window.go_to_step(LABOR)
    labor = window.page(LABOR).model
    cost = labor.index(0, labor.column_of("cost_per_person_month"))  # the sample's inside reps
    assert "Typical for Enterprise software: $5,667–$8,333, middle $6,750 (Revenue Playbook, 2024)" in (
        cost.data(Qt.ItemDataRole.ToolTipRole)
    )
    note = window.findChild(QLabel, "labor.defaults").text()
    assert "Published for Enterprise software (inside reps):" in note
    assert "an SDR's loaded monthly cost $5,667–$8,333" in note

    window.go_to_step(CHANNELS)
    channels = window.page(CHANNELS).model
    trade_shows = channels.index(1, channels.column_of("cost_per_lead"))  # the sample's events program
    assert "Typical for Enterprise software: $500–$2,000, middle $1,250 (Saber, undated)" in (
        trade_shows.data(Qt.ItemDataRole.ToolTipRole)
    )


def test_undo_of_the_industry_takes_the_ranges_away(qtbot: Any, window: MainWindow) -> None:
    choose_industry(qtbot, window, "Enterprise software")
    assert WIN_RATE_RANGE in win_rate_hint(window)
    window.findChild(QAction, "edit.undo").trigger()
    assert win_rate_hint(window) == "Default 20%; typical about 21%, HubSpot 2023"
    assert industry_field(qtbot, window).currentText() == "None (no benchmarks)"


def test_the_saved_plan_names_its_industry_by_the_librarys_key(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    choose_industry(qtbot, window, "Enterprise software")
    dialogs.save_path = str(tmp_path / "acme.leadplan")
    assert window.save_as()
    saved = json.loads((tmp_path / "acme.leadplan").read_text(encoding="utf-8"))
    assert saved["basics"]["industry"] == "enterprise_software"


def test_a_broken_benchmark_file_is_refused_with_its_line_and_the_built_in_ranges_stay(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    choose_industry(qtbot, window, "Enterprise software")
    broken = tmp_path / "broken.json"
    broken.write_text(BROKEN, encoding="utf-8")
    choose_benchmarks(window, dialogs, broken)
    [(kind, title, text)] = dialogs.messages
    assert (kind, title) == ("warning", "The benchmark file was not used")
    assert text.startswith("“broken.json” is not valid JSON: Expecting ',' delimiter (line 4).")
    assert "The built-in benchmarks are in use." in text
    assert WIN_RATE_RANGE in win_rate_hint(window)
    assert window.findChild(QAction, "benchmarks.in_use").text() == "In use: the built-in library"


def test_your_own_benchmark_file_changes_the_range_and_is_kept_for_the_next_start(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    choose_industry(qtbot, window, "Enterprise software")
    assert WIN_RATE_RANGE in win_rate_hint(window)
    mine = own_file(tmp_path)
    choose_benchmarks(window, dialogs, mine)
    assert dialogs.messages == []
    expected = "Typical for Enterprise software: 20–40%, middle 30% (Acme Consulting, 2026)"
    assert win_rate_hint(window).endswith(expected)  # the page was shown: it follows at once
    assert window.findChild(QAction, "benchmarks.in_use").text() == "In use: your file “my-benchmarks.json”"
    dialogs.save_path = str(tmp_path / "acme.leadplan")
    assert window.save_as()

    again = create_window(str(tmp_path / "acme.leadplan"))  # the next start
    qtbot.addWidget(again)
    assert win_rate_hint(again).endswith(expected)

    retype(qtbot, field(window, "targets.win_rate"), "40")  # the top of your range: not challenged
    assert [text for text in findings(qtbot, window) if "win rate" in text] == []
    window.findChild(QAction, "benchmarks.built_in").trigger()  # Diagnosis shown: it follows at once
    assert [text[:41] for text in window.page(DIAGNOSIS).findings.texts() if "win rate" in text] == [
        "Your win rate of 40% is above the 15–25% "
    ]
    assert win_rate_hint(window).endswith(WIN_RATE_RANGE)


def test_a_benchmark_file_broken_since_it_was_chosen_is_said_once_at_start_and_the_built_in_one_used(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    mine = own_file(tmp_path)
    choose_benchmarks(window, dialogs, mine)
    choose_industry(qtbot, window, "Enterprise software")
    dialogs.save_path = str(tmp_path / "acme.leadplan")
    assert window.save_as()
    mine.write_text(BROKEN, encoding="utf-8")

    again = create_window(str(tmp_path / "acme.leadplan"))
    qtbot.addWidget(again)
    said = again.statusBar().currentMessage()
    assert said.startswith("Your benchmark file was not used: “my-benchmarks.json” is not valid JSON")
    assert "(line 4)" in said
    assert "The built-in benchmarks are in use" in said
    assert dialogs.messages == []  # said, not asked
    assert win_rate_hint(again).endswith(WIN_RATE_RANGE)


def test_the_apps_report_challenges_the_assumptions_with_your_own_benchmark_file(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    choose_industry(qtbot, window, "Enterprise software")
    retype(qtbot, field(window, "targets.win_rate"), "45")
    choose_benchmarks(window, dialogs, own_file(tmp_path))  # enterprise software: 20–40%
    dialogs.save_path = str(tmp_path / "report")
    with qtbot.waitSignal(window.exporter.done, timeout=60_000) as done:  # (the timeout only ends a hang)
        window.findChild(QAction, "file.export_html").trigger()
    assert done.args == ["html", str(tmp_path / "report.html")]
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    # page 1's "assumptions to check" measures 45% against your 20–40%, not the built-in 15–25%
    assert "Your win rate of 45% is above the 20–40% typical of Enterprise software (Acme Consulting, 2026)." in report
    assert "15–25%" not in report
