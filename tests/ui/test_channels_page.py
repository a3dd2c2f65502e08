"""The channels' table: people-driven channels and marketing programs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from tests.ui.helpers import health, type_in_cell
from ui.charts.monthly import supply_by_channel
from ui.main_window import MainWindow


def channels_view(window: MainWindow) -> QTableView:
    window.go_to_step(4)
    return window.findChild(QTableView, "channels")


def test_the_table_shows_both_kinds_of_channel(window: MainWindow) -> None:
    model = channels_view(window).model()
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    # outbound phone: 70% of 228 = 159.6 for 70% of 165,000 = 115,500 ($723.68 each);
    # trade shows: 5 a month for 6,000 a month
    assert cells[0] == [
        "Outbound phone",
        "Outbound phone",
        "Inside lead development reps",
        "70%",
        "—",
        "—",
        "—",
        "—",
        "—",
        "—",
        "160",
        "$724",
    ]
    assert cells[1] == [
        "Trade shows",
        "Events and trade shows",
        "Marketing (a program)",
        "—",
        "$6,000",
        "—",  # no event schedule
        "$120",
        "1",
        "12",  # no end month: to the plan's last month
        "—",
        "60",
        "$1,200",
    ]


def test_adding_a_channel_takes_the_spare_capacity(window: MainWindow, qtbot: Any) -> None:
    view = channels_view(window)
    qtbot.mouseClick(window.findChild(QPushButton, "channels.add"), Qt.MouseButton.LeftButton)
    added = window.document.plan.channels[2]
    assert (added.owner, added.share) == ("ldr", 0.3)
    assert view.model().rowCount() == 3
    assert not any("not assigned" in w for w in window.health.warnings())
    assert health(window, "sales_ready_leads_supplied") == "288"  # assigning capacity adds none


def test_a_share_is_typed_as_a_percentage_and_checked(window: MainWindow, qtbot: Any) -> None:
    view = channels_view(window)
    type_in_cell(qtbot, view, 0, 3, "150")
    assert window.findChild(QLabel, "channels.message").text() == (
        "Row 1: Share of the owner's capacity must be from 0% to 100%; you entered 150%"
    )
    assert window.document.plan.channels[0].share == 0.7
    type_in_cell(qtbot, view, 0, 3, "90")
    assert window.document.plan.channels[0].share == 0.9


def test_a_program_budget_changes_supply_and_cost(window: MainWindow, qtbot: Any) -> None:
    view = channels_view(window)
    type_in_cell(qtbot, view, 1, 4, "12,000")
    # 12,000 / 120 = 100 raw leads x 25% x 40% = 10 a month: 228 + 120
    assert health(window, "sales_ready_leads_supplied") == "348"
    assert health(window, "cost") == "$309,000"  # 165,000 + 12 x 12,000


def test_making_a_channel_a_program_fills_in_what_a_program_needs(window: MainWindow) -> None:
    model = channels_view(window).model()
    assert model.setData(model.index(0, 2), "marketing")
    channel = window.document.plan.channels[0]
    assert channel.is_program and channel.share is None
    assert (channel.monthly_budget, channel.cost_per_lead) == (1000, 200)


def test_the_supply_chart_rows_add_up_to_the_supply(window: MainWindow) -> None:
    rows = dict(supply_by_channel(window.document.result))
    assert set(rows) == {"Outbound phone", "Trade shows", "Inside lead development reps: not assigned"}
    total = sum(sum(values) for values in rows.values())
    assert round(total) == 288


def test_a_program_of_a_new_type_takes_that_types_cited_cost_per_raw_lead_unless_one_was_typed(
    window: MainWindow, qtbot: Any
) -> None:
    view = channels_view(window)
    model = view.model()
    cost, kind, per_srl = model.column_of("cost_per_lead"), model.column_of("type"), model.columnCount() - 1
    qtbot.mouseClick(window.findChild(QPushButton, "channels.add"), Qt.MouseButton.LeftButton)
    assert model.setData(model.index(2, model.column_of("owner")), "Marketing (a program)")
    added = window.document.plan.channels[2]
    assert (added.type, added.cost_per_lead) == ("outbound_phone", 200)  # no figure of its own: all channels'
    assert "Default $200: HubSpot demand generation benchmark" in model.index(2, cost).data(Qt.ItemDataRole.ToolTipRole)
    assert model.setData(model.index(2, kind), "Content and webinars")
    assert window.document.plan.channels[2].cost_per_lead == 50  # content's own, not $200
    assert "Default $50: Saber CPL glossary: content marketing" in model.index(2, cost).data(
        Qt.ItemDataRole.ToolTipRole
    )
    # $50 a raw lead, a tenth of raw leads sales-ready (25% x 40%): $500 a sales-ready lead, not $2,000
    assert model.index(2, per_srl).data() == "$500"
    assert window.document.undo_stack.undoText() == "Change type of channel “Channel 3”"
    type_in_cell(qtbot, view, 2, cost, "75")  # the person's own figure
    assert model.setData(model.index(2, kind), "Events and trade shows")
    assert window.document.plan.channels[2].cost_per_lead == 75  # kept
    # the sample's trade shows were typed at $120 a raw lead: a new type keeps it
    assert model.setData(model.index(1, kind), "Paid ads")
    assert (window.document.plan.channels[1].type, window.document.plan.channels[1].cost_per_lead) == ("paid_ads", 120)
    window.document.undo_stack.undo()
    assert window.document.plan.channels[1].type == "events"


def test_moving_the_plans_first_month_repaints_the_schedules_the_rows_show(qtbot: Any) -> None:
    """A program's schedule is shown by calendar month ("Mar 25,000"): a new first month changes
    its text, and the table says so (found by the kept-rows property test)."""
    from planner.plan.model import ScheduledSpend
    from planner.plan.sample import sample_plan
    from ui.document import PlanDocument
    from ui.models.channels_model import ChannelsModel

    document = PlanDocument(sample_plan())
    model = ChannelsModel(document)
    column = next(c for c, col in enumerate(model.columns) if col.field == "schedule")
    row = next(r for r, c in enumerate(document.plan.channels) if c.monthly_budget)  # a program
    document.set_value(f"channels[{row}].schedule", (ScheduledSpend(month=3, budget=25000),), merge=False)
    index = model.index(row, column)
    assert model.data(index).startswith("Mar")
    repainted: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: repainted.append((a.row(), a.column(), b.row(), b.column())))
    document.set_value("basics.start_month", "2027-04", merge=False)
    assert model.data(index).startswith("Jun")  # plan month 3 of a plan starting in April
    assert any(r0 <= row <= r1 and c0 <= column <= c1 for r0, c0, r1, c1 in repainted), repainted
