"""Step 6, Metrics & review: the scorecard, and the weekly CEO review's five agenda items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.advice.review import review_agenda
from planner.plan import vocab
from ui.document import PlanDocument, follow_names
from ui.models.delegates import ChoiceDelegate
from ui.models.scorecard_model import ScorecardModel
from ui.models.text_list_model import TextListModel
from ui.pages.page import Page
from ui.widgets.choice_fields import BoundCombo
from ui.widgets.fence import Fence
from ui.widgets.fields import describe
from ui.widgets.long_text_cells import long_text_cells
from ui.widgets.table_fit import TableFit

LIST_KEYS = tuple(vocab.REVIEW_LISTS)  # big_deals, risks, initiatives, issues


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


class ScorecardEditor(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ScorecardModel(document, self.isVisible)
        self.view = QTableView()
        self.view.setObjectName("metrics")
        self.view.setAccessibleName("Scorecard")
        self.view.setModel(self.model)
        long_text_cells(self.view)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(34)
        self.view.setItemDelegateForColumn(1, ChoiceDelegate(lambda: dict(vocab.METRIC_KINDS), self.view))
        self.view.setItemDelegateForColumn(5, ChoiceDelegate(lambda: dict(vocab.CADENCES), self.view))
        # the names, units and owners wrap in the room the other columns leave; a row changes height
        # when its own text does, not when a number elsewhere changes (ui.widgets.table_fit)
        self.fit = TableFit(self.view, (0, 3, 4), fill=0, beyond=2)
        self.view.setMinimumHeight(380)
        self.add_button = QPushButton("Add metric")
        self.add_button.setObjectName("metrics.add")
        describe(self.add_button, "Add metric", "Add a metric of your own")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("metrics.remove")
        describe(self.remove_button, "Remove", "Remove your metric, or undo your changes of a generated one")
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.message = error_label("metrics.message")
        self.model.problem.connect(lambda m: (self.message.setText(m), self.message.setVisible(bool(m))))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        self.view.selectionModel().currentRowChanged.connect(self.update_buttons)
        self.model.modelReset.connect(self.update_buttons)
        self.model.dataChanged.connect(self.update_buttons)
        self.update_buttons()

    def showEvent(self, event: object) -> None:
        self.model.follower.read()
        super().showEvent(event)  # type: ignore[arg-type]

    def current_row(self) -> int:
        return self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1

    def update_buttons(self) -> None:
        row = self.current_row()
        self.remove_button.setEnabled(self.model.can_remove(row))
        edited = 0 <= row < len(self.model.rows) and self.model.rows[row].key
        self.remove_button.setText("Reset to the plan" if edited else "Remove")

    def add(self) -> None:
        row = self.model.add_metric()
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.scrollTo(self.model.index(row, 0))

    def remove(self) -> None:
        row = self.current_row()
        if self.model.can_remove(row):
            self.model.remove(row)
        self.update_buttons()


class ReviewList(QWidget):
    """One agenda item: its question, what the plan puts there, and the user's own entries."""

    def __init__(self, document: PlanDocument, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.key = document, key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title = QLabel()
        self.title.setProperty("role", "finding-title")
        self.question = QLabel()
        self.question.setProperty("role", "intro")
        self.question.setWordWrap(True)
        self.prefilled = QLabel()
        self.prefilled.setWordWrap(True)
        self.prefilled.setTextFormat(Qt.TextFormat.PlainText)
        self.prefilled.setProperty("role", "hint")
        for label in (self.title, self.question, self.prefilled):
            layout.addWidget(label)
        self.view: QListView | None = None
        if key in LIST_KEYS:
            path = f"review.{key}"
            self.model = TextListModel(document, path)
            self.view = QListView()
            self.view.setObjectName(path)
            self.view.setAccessibleName(vocab.REVIEW_LISTS[key])
            self.view.setToolTip(f"{vocab.REVIEW_LISTS[key]}: double-click an item to change it")
            self.view.setModel(self.model)
            long_text_cells(self.view)
            self.view.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            )
            self.view.setMaximumHeight(130)
            self.view.setMinimumHeight(90)
            add = QPushButton("Add")
            add.setObjectName(f"{path}.add")
            describe(
                add, f"Add to {vocab.REVIEW_LISTS[key].lower()}", f"Add an item to {vocab.REVIEW_LISTS[key].lower()}"
            )
            add.clicked.connect(self.add)
            remove = QPushButton("Remove")
            remove.setObjectName(f"{path}.remove")
            describe(remove, "Remove the selected item", "Remove the selected item")
            remove.clicked.connect(self.remove)
            row = QHBoxLayout()
            row.addWidget(self.view, 1)
            buttons = QVBoxLayout()
            buttons.addWidget(add)
            buttons.addWidget(remove)
            buttons.addStretch(1)
            row.addLayout(buttons)
            layout.addLayout(row)

    def show_item(self, number: int, title: str, question: str, prefilled: list[str]) -> None:
        self.title.setText(f"{number}. {title}")
        self.question.setText(question)
        self.prefilled.setText("\n".join(f"• {entry}" for entry in prefilled))
        self.prefilled.setVisible(bool(prefilled))

    def add(self) -> None:
        assert self.view is not None
        row = self.model.rowCount()
        if self.model.insertRows(row, 1):
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def remove(self) -> None:
        assert self.view is not None
        index = self.view.currentIndex()
        if index.isValid():
            self.model.removeRows(index.row(), 1)


class MetricsReviewPage(Page):
    title = "Metrics & review"
    key = "metrics_review"
    intro = (
        "Measure what makes sales-ready leads: activity, conversion and outcomes. The scorecard "
        "is generated from the plan; change any target, owner or cadence, or add your own."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.section("Scorecard")
        self.scorecard = ScorecardEditor(document)
        self.body.addWidget(self.scorecard)

        self.section(
            "The CEO review",
            "The CEO and the sales leader meet on a fixed agenda. Items in grey come from the plan; "
            "add the deals, risks, initiatives and issues of the week below them.",
        )
        cadence_row = QHBoxLayout()
        cadence_label = QLabel("How often")
        cadence = BoundCombo(document, "review.cadence")
        cadence.setMinimumWidth(160)
        cadence_label.setBuddy(cadence)
        cadence_row.addWidget(cadence_label)
        cadence_row.addWidget(cadence)
        cadence_row.addStretch(1)
        self.body.addLayout(cadence_row)
        self.items: dict[str, ReviewList] = {}
        for item in review_agenda(document.plan, document.result):
            widget = ReviewList(document, item.key)
            self.body.addWidget(Fence(widget))  # what the plan puts there changes with its figures
            self.items[item.key] = widget
        document.changed.connect(self.follower.follow)
        document.text_changed.connect(lambda path: self.follower.follow() if path.startswith("review.") else None)
        follow_names(document, self.follower.follow)  # the agenda names the resources ("Start Inside SDRs ...")
        self.redraw()
        self.finish()

    def redraw(self) -> None:
        plan = self.document.plan
        for number, item in enumerate(review_agenda(plan, self.document.result), 1):
            own = len(getattr(plan.review, item.key, ()))
            prefilled = list(item.entries[: len(item.entries) - own])
            if item.key in self.items:
                self.items[item.key].show_item(number, item.title, item.question, prefilled)
