"""Step 1, Basics: who the plan is for, its industry, when it starts, how long it runs, its currency.

The industry's drop-down is made just after the first paint (``add_industry_field``): the first
screen is painted without Qt's combo box class and the benchmark library (docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.document import PlanDocument
from ui.pages.page import FieldGrid, Page
from ui.startup import after_first_paint, set_enum

if TYPE_CHECKING:
    from ui.widgets.choice_fields import BoundCombo

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
NO_INDUSTRY = "None (no benchmarks)"
INDUSTRY_WIDTH = 400  # the longest built-in name ("Industrial manufacturing and distribution") and the arrow
INDUSTRY_HINT = "Published ranges beside each assumption"
INDUSTRY_TIP = (
    "The client's kind of business. With one chosen, the rates on Targets, the inside reps on Labor model and "
    "the programs' cost per raw lead on Channels show the range published for that industry beside their "
    "default, with its source, and Diagnosis challenges an assumption outside its range. Your own figures: "
    "Edit → Benchmarks."
)


class BasicsPage(Page):
    title = "Basics"
    key = "basics"
    intro = (
        "Who the plan is for, its industry and the months it covers. The title and names appear on the "
        "first page of the Excel workbook and the HTML report."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        grid = FieldGrid(document)
        grid.add("basics.company", hint="The company the plan is for", width=320)
        self.industry: BoundCombo | None = None  # (made once the page is painted)
        self._industry_row(grid)
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

    def _industry_row(self, grid: FieldGrid) -> None:
        """The industry's row: its name and hint now, its drop-down (in the room kept for it) once the
        page is painted. The drop-down and its hint share the row's input and hint columns: the longest
        industry's name would otherwise widen the inputs' column and wrap every other hint more."""
        row = grid.rowCount()
        name = QLabel("Industry")
        name.setProperty("role", "field-label")
        name.setMinimumWidth(180)
        set_enum(name, "alignment", "AlignLeft|AlignTop")
        slot = QWidget()
        line = QHBoxLayout(slot)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(12)
        self.industry_room = QWidget()  # where the drop-down goes
        self.industry_room.setFixedSize(INDUSTRY_WIDTH, grid.fields["basics.company"].sizeHint().height())
        line.addWidget(self.industry_room)
        hint = QLabel(INDUSTRY_HINT)
        hint.setObjectName("basics.industry.hint")
        hint.setToolTip(INDUSTRY_TIP)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        set_enum(hint, "alignment", "AlignLeft|AlignTop")
        line.addWidget(hint, 1)
        grid.addWidget(name, row, 0)
        grid.addWidget(slot, row, 1, 1, 2)
        self.industry_line, self.industry_label = line, name
        after_first_paint(name, self.add_industry_field)

    def add_industry_field(self) -> BoundCombo:
        """The industry's drop-down (once): no industry, or one of the benchmark library's by name."""
        if self.industry is not None:
            return self.industry
        from PySide6.QtWidgets import QComboBox

        from ui.widgets.choice_fields import BoundCombo
        from ui.widgets.fields import describe

        self.industry = BoundCombo(self.document, "basics.industry", self.industry_choices(), label="Industry")
        self.shown_library = self.document.library
        describe(self.industry, "Industry", INDUSTRY_TIP)
        self.industry.setMinimumWidth(INDUSTRY_WIDTH)  # (wider for a longer name in your own benchmark file)
        self.industry.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.industry_label.setBuddy(self.industry)
        self.industry_line.replaceWidget(self.industry_room, self.industry)
        self.industry_room.deleteLater()
        self.document.changed.connect(self._rename_industries)  # (also when another library is in use)
        return self.industry

    def industry_choices(self) -> dict[str, str]:
        industries = self.document.library.industries
        return {"": NO_INDUSTRY, **{key: industry.name for key, industry in industries.items()}}

    def _rename_industries(self) -> None:
        """Your own benchmark file may name the industries its own way."""
        if self.industry is None or self.document.library is self.shown_library:
            return
        self.shown_library = self.document.library
        for index, name in enumerate(self.industry_choices().values()):
            self.industry.setItemText(index, name)
