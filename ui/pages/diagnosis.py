"""Step 2, Diagnosis: how bad each reason is today, who develops leads, what marketing does.

The answers become findings and recommendations in plain words, updated as they change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from planner.plan import vocab
from ui.document import PlanDocument, follow_names
from ui.pages.page import Page
from ui.style import repolish
from ui.widgets.choice_fields import BoundChoices, BoundCombo, BoundTextArea
from ui.widgets.fence import Fence
from ui.widgets.follow import on_screen

SEVERITY_CHOICES = {level: f"{level} — {text}" for level, text in vocab.SEVERITIES.items()}


def findings_of(document: PlanDocument) -> tuple[Any, ...] | None:
    """The findings of the open plan, with its assumptions outside their industry's range (against
    the benchmark library in use); None while this build has no diagnosis rules."""
    try:
        from planner.advice.findings import findings
    except ImportError:
        return None
    return tuple(findings(document.plan, document.result, document.library))


class FindingCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "finding")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setProperty("role", "finding-title")
        self.recommendation = QLabel()
        self.why = QLabel()
        self.why.setProperty("role", "hint")
        for label in (self.title, self.recommendation, self.why):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)

    def show_finding(self, finding: Any) -> None:
        self.setProperty("severity", str(finding.severity))
        repolish(self)
        self.title.setText(finding.finding)
        self.recommendation.setText(f"What to do: {finding.recommendation}")
        why = finding.why + (f" (Because: {finding.trigger})" if finding.trigger else "")
        self.why.setText(why)
        self.setAccessibleName(f"{finding.finding} {finding.recommendation}")


class FindingsView(QWidget):
    """The findings as cards, most severe first."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosis.findings")
        self.setAccessibleName("Findings and recommendations")
        self.document = document
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(10)
        self.empty = QLabel()
        self.empty.setProperty("role", "intro")
        self.empty.setWordWrap(True)
        self.layout_.addWidget(self.empty)
        self.cards: list[FindingCard] = []
        self.shown: tuple[Any, ...] | None = ()

    def refresh(self) -> None:
        found = findings_of(self.document)
        if found == self.shown and self.cards:
            return
        self.shown = found
        if found is None:
            self.empty.setText("Findings and recommendations are coming in a later version.")
            found = ()
        else:
            self.empty.setText("No findings: nothing in the answers above calls for a change.")
        self.empty.setVisible(not found)
        ordered = sorted(found, key=lambda f: -f.severity)
        while len(self.cards) < len(ordered):
            card = FindingCard()
            self.layout_.addWidget(card)
            self.cards.append(card)
        for index, card in enumerate(self.cards):
            card.setVisible(index < len(ordered))
            if index < len(ordered):
                card.show_finding(ordered[index])

    def texts(self) -> list[str]:
        return [c.title.text() for c in self.cards if not c.isHidden()]


class DiagnosisPage(Page):
    title = "Diagnosis"
    key = "diagnosis"
    intro = (
        "Where lead development stands today. Be honest: the answers decide what the plan "
        "recommends. 0 means not a problem, 3 means critical."
    )

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        self.section("Why aren't there enough qualified leads?")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        for row, (key, text) in enumerate(vocab.CHALLENGES.items()):
            combo = BoundCombo(document, f"diagnosis.challenges.{key}", SEVERITY_CHOICES)
            combo.setMinimumWidth(200)
            label = QLabel(text)
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)

        self.section("Who develops leads today?")
        owner = BoundCombo(document, "diagnosis.lead_owner_today")
        owner.setMaximumWidth(420)
        self.body.addWidget(owner)

        self.section(
            "Which marketing activities happen?",
            "Old-rules marketing reports activity; lead-focused marketing reports sales-ready leads.",
        )
        self.body.addWidget(
            BoundChoices(
                document,
                "diagnosis.marketing_activities",
                {
                    "Activity-focused (the old rules)": vocab.OLD_RULES_ACTIVITIES,
                    "Lead-focused": vocab.LEAD_FOCUSED_ACTIVITIES,
                },
            )
        )
        self.section("Notes")
        notes = BoundTextArea(document, "diagnosis.notes")
        notes.setPlaceholderText("Anything the CEO should know about today's situation")
        notes.setFixedHeight(110)
        self.body.addWidget(notes)

        self.section("Findings and recommendations")
        self.findings = FindingsView(document)
        self.body.addWidget(Fence(self.findings))  # its cards' text follows every edit: not the page's layout
        self.finish()
        # the findings (at the page's foot) follow an edit while in view; scrolled out of view,
        # they catch up when scrolled to or when the page is shown again
        self.follower.shown = lambda: on_screen(self.findings)
        self.watch(self.follower)
        document.changed.connect(self.follower.follow)
        follow_names(document, self.follower.follow)  # the findings name the plan's resources and channels
        self.findings.refresh()

    def redraw(self) -> None:
        self.findings.refresh()
