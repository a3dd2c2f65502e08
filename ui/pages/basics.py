"""Step 1, Basics: who the plan is for, when it starts, how long it runs, its currency."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.document import PlanDocument
from ui.pages.page import FieldGrid, Page


class BasicsPage(Page):
    title = "Basics"
    key = "basics"
    intro = (
        "Who the plan is for and the months it covers. The title and names appear on the "
        "first page of the Excel workbook and the HTML report."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        grid = FieldGrid(document)
        grid.add("basics.company", hint="The company the plan is for", width=320)
        grid.add("basics.title", hint="For example: FY2027 lead development plan", width=320)
        grid.add("basics.prepared_by", hint="You, and your role", width=320)
        grid.add("basics.prepared_for", hint="Usually the CEO", width=320)
        grid.add(
            "basics.start_month",
            hint="The plan's first calendar month, written YYYY-MM (2027-01 is January 2027)",
            width=120,
        )
        grid.add("basics.horizon_months", width=120)
        grid.add("basics.currency", width=120,
                 hint="A currency code such as USD, EUR or GBP; every amount is in it")  # fmt: skip
        self.body.addLayout(grid)
        self.finish()
