"""Step 1, Basics: who the plan is for, when it starts, how long it runs, its currency."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.document import PlanDocument
from ui.pages.page import FieldGrid, Page

STEPS_TEXT = "\n".join(
    (
        "2  Diagnosis: where lead development stands today; the answers become recommendations.",
        "3  Targets: the new-logo revenue goal and deal size, worked back to the sales-ready leads needed.",
        "4  Labor model: the people who develop leads, and what each supplies and costs.",
        "5  Channels: where the leads come from, people's time or marketing programs.",
        "6  Metrics & review: the weekly scorecard and the CEO review's agenda.",
        "7  Review & export: the plan at a glance, what-ifs, and the Excel and HTML files for the CEO.",
        "8  Track: each month's actual results against the plan, once the plan is running.",
        "Help → Glossary (F1) explains the words; the panel on the right shows the plan's health as you type.",
    )
)


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
        self.section("How the plan comes together")
        steps = QLabel(STEPS_TEXT)
        steps.setObjectName("basics.steps")
        steps.setProperty("role", "intro")
        steps.setWordWrap(True)
        self.body.addWidget(steps)
        self.finish()
