"""Step 5, Channels: where the leads come from, and what each supplies month by month."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from planner.plan import vocab
from ui.charts import ChartSlot
from ui.document import PlanDocument
from ui.models.channels_model import ChannelsModel
from ui.models.delegates import ChoiceDelegate
from ui.pages.page import Page, follow_figures
from ui.pages.table_editor import TableEditor
from ui.schedule_editor import ScheduleEditor
from ui.timing_view import TimingView


class ChannelsPage(Page):
    title = "Channels"
    key = "channels"
    intro = (
        "People-driven channels take a share of a resource's capacity; marketing programs "
        "have a monthly budget and a cost per raw lead. Choose Marketing as the owner for a "
        "program. Shares and rates are percentages. For trade shows and other one-off spends, "
        "type an event schedule such as “March 25,000; September 25,000”: it replaces the monthly budget."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.model = ChannelsModel(document)
        self.table = TableEditor(self.model, "channels", "channel")
        self.view = self.table.view
        self.view.setItemDelegateForColumn(
            self.model.column_of("type"), ChoiceDelegate(lambda: dict(vocab.CHANNEL_TYPES), self.view)
        )
        self.view.setItemDelegateForColumn(
            self.model.column_of("owner"), ChoiceDelegate(self.model.owner_choices, self.view)
        )
        self.body.addWidget(self.table)
        self.schedule = ScheduleEditor(document)
        self.body.addWidget(self.schedule)
        self.view.selectionModel().currentRowChanged.connect(lambda current, _: self.schedule.show_row(current.row()))
        self.model.modelReset.connect(lambda: self.schedule.show_row(self.table.current_row()))

        self.supply_chart = ChartSlot(
            "ui.charts.monthly", "DemandSupplyChart", lambda c: c.show_result(document.result),
            kwargs={"by": "channel", "name": "chart.channel_supply"}, height=380,
        )  # fmt: skip
        self.body.addWidget(self.supply_chart)
        self.mix_chart = ChartSlot(
            "ui.charts.funnel", "ChannelMixChart", lambda c: c.show_result(document.result), height=320
        )
        row = QHBoxLayout()
        row.addWidget(self.mix_chart)
        self.body.addLayout(row)
        for slot in (self.supply_chart, self.mix_chart):
            follow_figures(document, slot.follower)
        self.section(
            "By quarter and over time",
            "Where the supply falls behind what the goal needs so far, and when it catches up.",
        )
        self.timing = TimingView(document, "channels")
        self.body.addWidget(self.timing)
        self.finish()
