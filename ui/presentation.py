"""Presentation mode: the plan's health and its two main charts in large type, full screen,
with sliders for the main drivers that move the numbers live while the CEO watches.

The verdict is the health panel's (``planner.advice.health.verdict``): the engine's one status, with
actuals where reported, and v3's hiring rules; presentation mode has no threshold of its own.
Slider moves are kept as a scenario named like "Live 14:05" (created on the first move,
updated after, one undo step per drag); the base plan is never changed. The figures are
the engine's: the live scenario's result from ``document.result.scenarios``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from planner.advice.health import next_year_line, verdict
from planner.advice.review import actual_entries
from planner.numbers import formatting as fmt
from planner.numbers.axis import slider_step
from planner.numbers.engine import compute_core
from planner.numbers.results import PlanResult
from planner.numbers.scenarios import apply_overrides
from planner.plan.model import Plan, Scenario
from ui.charts import ChartSlot
from ui.commands import SetValueCommand
from ui.document import PlanDocument
from ui.health_panel import FIGURES, show_figures
from ui.models.scenarios_model import base_value, unique_name
from ui.style import ACCENT, BORDER, ERROR, FAIR, GOOD, MUTED, PANEL, STYLESHEET
from ui.widgets.figure_label import FigureLabel
from ui.widgets.wheel_guard import GuardedSlider

SLIDER_DRAG_ID = 7
PEOPLE_PAGE = 2  # Page Up / Page Down on the head count: two people

STYLE = f"""
QWidget#presentation {{ background: white; }}
QLabel[role="present-title"] {{ font-size: 30px; font-weight: 600; }}
QLabel[role="present-note"] {{ font-size: 18px; color: {MUTED}; }}
QLabel[role="present-figure"] {{ font-size: 40px; font-weight: 700; }}
QLabel[role="present-figure"][level="good"] {{ color: {GOOD}; }}
QLabel[role="present-figure"][level="fair"] {{ color: {FAIR}; }}
QLabel[role="present-figure"][level="poor"] {{ color: {ERROR}; }}
QLabel[role="present-figure-name"] {{ font-size: 17px; color: {MUTED}; }}
QLabel[role="present-verdict"] {{ font-size: 21px; }}
QFrame#present\\.sliders {{ background: {PANEL}; border: 1px solid {BORDER}; border-radius: 6px; }}
QLabel[role="present-slider"] {{ font-size: 19px; background: transparent; }}
QLabel[role="present-slider-value"] {{ font-size: 24px; font-weight: 700; color: {ACCENT};
    background: transparent; }}
QSlider {{ background: transparent; }}
QSlider::groove:horizontal {{ height: 8px; background: {BORDER}; border-radius: 4px; }}
QSlider::sub-page:horizontal {{ background: {ACCENT}; border-radius: 4px; }}
QSlider::handle:horizontal {{ background: white; border: 3px solid {ACCENT}; width: 22px;
    height: 22px; margin: -10px 0; border-radius: 13px; }}
QSlider::handle:horizontal:focus {{ background: #d7e5f7; }}
"""


@dataclass(frozen=True)
class Driver:
    """A slider: which override it moves, and its range as whole steps."""

    key: str  # the slider is named present.<key>
    override: str
    label: str
    kind: str  # rate, money or people
    step: float
    low: int
    high: int
    tip: str = ""  # the long name, where the label is short

    def value(self, position: int) -> float:
        value = position * self.step
        return round(value, 6) if self.kind == "rate" else round(value)

    def position(self, value: float) -> int:
        return round(value / self.step)

    def text(self, value: float, currency: str) -> str:
        if self.kind == "rate":
            return fmt.percent(value)
        if self.kind == "money":
            return fmt.money(value, currency)
        return f"{fmt.count(value)} {'person' if value == 1 else 'people'}"


def drivers(plan: Plan) -> list[Driver]:
    """The five main drivers, with ranges around the base plan's values."""
    targets = plan.targets
    found = [
        Driver("win_rate", "win_rate", "Win rate", "rate", 0.01, 1, 80),
        Driver("srl_to_opportunity", "srl_to_opportunity", "Sales-ready lead to opportunity", "rate", 0.01, 5, 100),
    ]  # fmt: skip
    for key, label in (("deal_size", "Average deal size"), ("revenue_goal", "Revenue goal")):
        base = getattr(targets, key) or (40_000 if key == "deal_size" else 1_000_000)
        step = slider_step(base / 40)
        found.append(Driver(key, key, label, "money", step, max(1, int(base * 0.25 / step)), int(base * 2.5 / step)))
    if plan.labor:
        resource = plan.labor[0]
        low, high = people_range(resource.headcount)
        found.append(
            Driver("headcount", f"labor.{resource.id}.headcount", f"Head count: {resource.name or resource.id}",
                   "people", 1, low, high, f"Head count of {resource.name or resource.id}")
        )  # fmt: skip
    return found


PEOPLE_STEPS = 8  # a head count slider spans this many people: one person is a long, sure step of the mouse


def people_range(headcount: float) -> tuple[int, int]:
    """The head count slider's range: a few people either side of the plan's (from none), one a step.
    A move past it widens it (``refresh``)."""
    low = max(0, round(headcount) - PEOPLE_STEPS // 2)
    return low, low + PEOPLE_STEPS


class SliderCommand(SetValueCommand):
    """A change of the scenarios from a slider; the moves of one drag are one undo step."""

    def __init__(self, document: PlanDocument, value: Any, text: str, drag: int) -> None:
        super().__init__(document, "scenarios", value, text)
        self.drag = drag

    def id(self) -> int:
        return SLIDER_DRAG_ID

    def mergeWith(self, other: Any) -> bool:
        if not isinstance(other, SliderCommand) or other.drag != self.drag:
            return False
        self.new = other.new
        return True


class PresentationView(QWidget):
    """Full screen, large type; Esc leaves."""

    left = Signal()

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.document = document
        self.setObjectName("presentation")
        self.setWindowTitle("Lead Planner — presentation")
        self.setAccessibleName("Presentation")
        self.setStyleSheet(STYLESHEET + STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.live_name = ""  # the scenario this session's moves go to
        self.drag = 0
        self.dragging = False
        self.closed = False
        self.drivers = drivers(document.plan)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 24, 36, 24)
        layout.setSpacing(10)  # (room for the sliders at 1366 x 768, with next year and the actuals said)
        layout.addLayout(self._header())
        layout.addLayout(self._figures())
        self.verdict = QLabel()
        self.verdict.setObjectName("present.verdict")
        self.verdict.setProperty("role", "present-verdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.next_year = QLabel()  # next year's start: the last months' leads close after the plan
        self.next_year.setObjectName("present.next_year")
        self.next_year.setProperty("role", "present-note")
        self.next_year.setWordWrap(True)
        layout.addWidget(self.next_year)
        self.actuals = QLabel()  # plan vs actual, once actuals are reported
        self.actuals.setObjectName("present.actuals")
        self.actuals.setProperty("role", "present-note")
        self.actuals.setWordWrap(True)
        layout.addWidget(self.actuals)
        body = QHBoxLayout()
        body.setSpacing(20)
        self.charts = [
            ChartSlot("ui.charts.funnel", "FunnelChart", self.fill_chart, height=300),
            ChartSlot("ui.charts.monthly", "DemandSupplyChart", self.fill_chart, height=300),
        ]
        for slot, stretch in zip(self.charts, (1, 1), strict=True):
            body.addWidget(slot, stretch)
        body.addWidget(self._sliders())
        layout.addLayout(body, 1)

        document.changed.connect(self.refresh)
        self.refresh()

    # --- building ----------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        basics = self.document.plan.basics
        title = QLabel(" — ".join(filter(None, (basics.company, basics.title))) or "Lead plan")
        title.setProperty("role", "present-title")
        title.setObjectName("present.title")
        title.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("present.note")
        self.note.setProperty("role", "present-note")
        self.note.setWordWrap(True)
        leave = QPushButton("Leave (Esc)")
        leave.setObjectName("present.leave")
        leave.setAccessibleName("Leave the presentation")
        leave.clicked.connect(self.close)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(title)
        column.addWidget(self.note)
        row.addLayout(column, 1)
        row.addWidget(leave, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _figures(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(0)
        self.figures: dict[str, QLabel] = {}
        for column, (key, label, _, tip) in enumerate(FIGURES):
            value = FigureLabel(tip)
            value.setObjectName(f"present.{key}")
            value.setProperty("role", "present-figure")
            value.setAccessibleName(label)
            name = QLabel(label)
            name.setProperty("role", "present-figure-name")
            name.setWordWrap(True)
            grid.addWidget(value, 0, column)
            grid.addWidget(name, 1, column, Qt.AlignmentFlag.AlignTop)
            self.figures[key] = value
        return grid

    def _sliders(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("present.sliders")
        frame.setFixedWidth(400)
        column = QVBoxLayout(frame)
        column.setContentsMargins(20, 12, 20, 12)
        column.setSpacing(4)
        self.sliders: dict[str, QSlider] = {}
        self.slider_values: dict[str, QLabel] = {}
        for driver in self.drivers:
            top = QHBoxLayout()
            name = QLabel(driver.label)
            name.setObjectName(f"present.{driver.key}.name")
            name.setWordWrap(True)
            name.setProperty("role", "present-slider")
            name.setToolTip(driver.tip or driver.label)
            value = FigureLabel()
            value.setObjectName(f"present.{driver.key}.value")
            value.setProperty("role", "present-slider-value")
            top.setSpacing(12)
            slider = GuardedSlider(Qt.Orientation.Horizontal)
            slider.setObjectName(f"present.{driver.key}")
            slider.setAccessibleName(driver.tip or driver.label)
            slider.setToolTip(driver.tip or driver.label)
            slider.setRange(driver.low, driver.high)
            slider.setSingleStep(1)  # an arrow key: one step (one person, one point of a rate)
            slider.setPageStep(PEOPLE_PAGE if driver.kind == "people" else max(1, (driver.high - driver.low) // 10))
            slider.setMinimumHeight(34)
            name.setBuddy(slider)
            slider.sliderPressed.connect(self._drag_started)
            slider.sliderReleased.connect(self._drag_ended)
            slider.valueChanged.connect(lambda position, d=driver: self.move(d, position))
            column.addWidget(name)  # the name on a line of its own: it wraps, never cut
            top.addWidget(slider, 1)
            top.addWidget(value)
            column.addLayout(top)
            column.addSpacing(6)
            self.sliders[driver.key] = slider
            self.slider_values[driver.key] = value
        column.addStretch(1)
        return frame

    # --- what is shown -----------------------------------------------------------------
    def live_index(self) -> int | None:
        names = [s.name for s in self.document.plan.scenarios]
        return names.index(self.live_name) if self.live_name in names else None

    def live_overrides(self) -> dict[str, float]:
        index = self.live_index()
        return {} if index is None else dict(self.document.plan.scenarios[index].overrides)

    def shown_result(self) -> PlanResult:
        """The live scenario's figures as the engine computed them; the base plan's before a move."""
        index = self.live_index()
        result = self.document.result
        return result if index is None else result.scenarios[index].result

    def current_value(self, driver: Driver) -> float:
        overrides = self.live_overrides()
        if driver.override in overrides:
            return overrides[driver.override]
        return base_value(self.document.plan, driver.override) or 0

    def refresh(self) -> None:
        result = self.shown_result()
        show_figures(self.figures, result)
        self.verdict.setText(verdict(result))  # the health panel's sentence: the engine's status word
        ahead = next_year_line(result)
        self.next_year.setText(ahead)
        self.next_year.setVisible(bool(ahead))
        plan_vs_actual = ". ".join(actual_entries(result))
        self.actuals.setText(f"Plan vs actual: {plan_vs_actual}." if plan_vs_actual else "")
        self.actuals.setVisible(bool(plan_vs_actual))
        currency = self.document.plan.basics.currency
        for driver in self.drivers:
            value = self.current_value(driver)
            slider = self.sliders[driver.key]
            if not self.dragging or not slider.isSliderDown():
                slider.blockSignals(True)
                position = driver.position(value)
                slider.setRange(min(driver.low, position), max(driver.high, position))
                slider.setValue(position)
                slider.blockSignals(False)
            self.slider_values[driver.key].setText(driver.text(value, currency))
        if self.live_index() is None:
            self.note.setText("Move a slider to try a what-if; the base plan stays unchanged.")
        else:
            self.note.setText(f"Changes are kept as scenario “{self.live_name}”; the base plan is unchanged.")
        for slot in self.charts:
            slot.follower.follow()

    def fill_chart(self, chart: Any) -> None:
        short_titles = {"chart.demand_supply": "Supply against demand, by month", "chart.funnel": "What the goal needs"}
        if chart.objectName() in short_titles:
            chart.set_title(short_titles[chart.objectName()])
        self.fit_chart(chart)
        # the monthly chart needs the months, which the engine computes for the base plan only
        overrides = self.live_overrides()
        plan = self.document.plan
        shown = self.document.result if self.live_index() is None else compute_core(apply_overrides(plan, overrides))
        chart.show_result(shown)

    def fit_chart(self, chart: Any) -> None:
        """Type readable from the back of the room, as large as the screen allows."""
        wide = self.width() >= 1600
        chart.set_type_size(title=20 if wide else 16, labels=15 if wide else 12)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        for slot in self.charts:
            if slot.chart is not None:
                self.fit_chart(slot.chart)

    # --- moving ------------------------------------------------------------------------
    def _drag_started(self) -> None:
        self.dragging = True
        self.drag += 1

    def _drag_ended(self) -> None:
        self.dragging = False

    def move(self, driver: Driver, position: int) -> None:
        """Put the slider's value into the live scenario (created on the first move)."""
        if not self.dragging:
            self.drag += 1  # a key press or a click on the groove is a step of its own
        value = driver.value(position)
        plan = self.document.plan
        scenarios = list(plan.scenarios)
        index = self.live_index()
        if index is None:
            taken = [s.name for s in scenarios]
            if not self.live_name or self.live_name in taken:
                self.live_name = unique_name(f"Live {datetime.now():%H:%M}", taken)
            scenarios.append(Scenario(name=self.live_name, overrides={driver.override: value}))
            text = f"Add scenario {self.live_name}"
        else:
            scenario = scenarios[index]
            scenarios[index] = dataclasses.replace(scenario, overrides={**scenario.overrides, driver.override: value})
            text = f"{driver.label} in {self.live_name}"
        if tuple(scenarios) != plan.scenarios:
            self.document.undo_stack.push(SliderCommand(self.document, tuple(scenarios), text, self.drag))

    def show_on_screen(self) -> None:
        """Full screen where a window manager allows it; without one, frameless over the whole screen."""
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.showFullScreen()
        QTimer.singleShot(250, self.cover_screen)

    def cover_screen(self) -> None:
        """Without a window manager, full screen is only a wish: cover the screen by hand."""
        screen = self.screen().geometry()
        if not self.closed and self.frameGeometry() != screen:
            self.setGeometry(screen)

    # --- leaving -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.closed:
            self.closed = True
            self.document.changed.disconnect(self.refresh)
        super().closeEvent(event)
        self.left.emit()
