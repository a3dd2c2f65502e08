"""Every table keeps its rows between edits and works out only what an edit changed; what it shows is
still exactly what a table built afresh shows (issue 30, point 2: each table model's kept rows).

On a random plan, a random run of edits (a field, a row or a whole list taken from a second random
plan, Undo, Redo, opening the second plan), each made while the table is shown or hidden, then the
table shown. Afterwards every cell (its text, tooltip, colours, font, edit text, alignment, flags)
and every header reads as in a table built from nothing on a new document of the plan the edits
made: read from the model, and as a view shows it that repaints only the cells, headers and rows
the model said changed (what ``ui.widgets.table_fit`` and Qt's views rely on).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planner.plan import vocab
from planner.plan.model import Actual, Plan
from planner.plan.paths import get_value
from planner.plan.plan_file import parse_plan
from tests.planner.plans import make_plan
from tests.planner.strategies import money, plans, rates, text
from ui.document import PlanDocument
from ui.models.actuals_model import ActualsModel
from ui.models.channels_model import ChannelsModel
from ui.models.demand_model import DemandModel
from ui.models.labor_model import LaborModel
from ui.models.quarters_model import QuartersModel
from ui.models.running_totals_model import RunningTotalsModel
from ui.models.scenarios_model import OverridesModel, ScenarioListModel
from ui.models.scorecard_model import ScorecardModel
from ui.models.text_list_model import TextListModel
from ui.models.whatif_models import ScenariosModel, SensitivityModel

Shown = Callable[[], bool]


# --- how a table follows the document (``ui.widgets.follow``): the one place to change with it ----
class Screen:
    """Whether the table is on screen (the ``shown`` its model is given), shown and hidden as the app does."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self) -> bool:
        return self.on

    def show(self, model: QAbstractItemModel) -> None:
        """Shown: the view's (or its page's) ``showEvent`` catches the table up before it is painted."""
        self.on = True
        if (follower := getattr(model, "follower", None)) is not None:
            follower.catch_up()

    def hide(self) -> None:
        self.on = False

    def settle(self, qtbot: Any, model: QAbstractItemModel) -> None:
        """After an edit: a shown table's refresh queued for the event loop's next turn is done."""
        follower = getattr(model, "follower", None)  # (a table without one follows every edit at once)
        if self.on and follower is not None:
            qtbot.waitUntil(lambda: not follower.behind)


def document_of(plan: Plan) -> PlanDocument:
    document = PlanDocument(plan)
    document.background_after = math.inf  # figures at once: the background path is another test's
    return document


# --- the tables -----------------------------------------------------------------------------------
def showing_plan(model: ActualsModel) -> ActualsModel:
    model.show_plan(True)
    return model


def first_scenario(model: OverridesModel) -> OverridesModel:
    model.show_scenario(0)
    return model


TABLES: dict[str, Callable[[PlanDocument, Shown], QAbstractItemModel]] = {
    "demand": lambda document, shown: DemandModel(document),
    "quarters": QuartersModel,
    "running totals": RunningTotalsModel,
    "scenarios side by side": ScenariosModel,
    "sensitivity": SensitivityModel,
    "scorecard": ScorecardModel,
    "actuals": ActualsModel,
    "actuals with the plan under each variance": lambda document, shown: showing_plan(ActualsModel(document, shown)),
    "labor": lambda document, shown: LaborModel(document),
    "channels": lambda document, shown: ChannelsModel(document),
    "a scenario's overrides": lambda document, shown: first_scenario(OverridesModel(document, shown)),
    "scenario names": lambda document, shown: ScenarioListModel(document),
    "risks": lambda document, shown: TextListModel(document, "review.risks"),
}


# --- what a table shows ---------------------------------------------------------------------------
R = Qt.ItemDataRole
# what a view paints, and keeps on screen until told a cell changed (``table_fit`` keeps the text it measured)
PAINTED = (R.DisplayRole, R.ForegroundRole, R.BackgroundRole, R.FontRole, R.TextAlignmentRole)
# what a view asks for when it is needed (a tooltip on hover, the text an editor opens with, a screen reader's)
ASKED = (R.ToolTipRole, R.EditRole, R.AccessibleTextRole)
HEADER_ROLES = (R.DisplayRole, R.ToolTipRole, R.AccessibleTextRole)
HORIZONTAL, VERTICAL = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


def plain(value: Any) -> Any:
    """A value a test can compare: a colour by its name, a font by its description."""
    if isinstance(value, QBrush):
        return ("brush", value.style().name, value.color().name(QColor.NameFormat.HexArgb))
    if isinstance(value, QColor):
        return ("colour", value.name(QColor.NameFormat.HexArgb))
    if isinstance(value, QFont):
        return ("font", value.toString())
    return value


def cell(model: QAbstractItemModel, row: int, column: int, roles: tuple[R, ...]) -> dict[str, Any]:
    index = model.index(row, column)
    found = {role.name: plain(model.data(index, role)) for role in roles}
    if roles is not PAINTED:
        found["flags"] = int(model.flags(index).value)
    return found


def header(model: QAbstractItemModel, orientation: Qt.Orientation, section: int, roles: tuple[R, ...]) -> dict:
    return {role.name: plain(model.headerData(section, orientation, role)) for role in roles}


def columns(model: QAbstractItemModel) -> int:
    return 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())


def shows(model: QAbstractItemModel, roles: tuple[R, ...] = PAINTED + ASKED) -> dict[tuple[Any, ...], dict]:
    """Every cell and header of the table, in these roles."""
    rows, width = model.rowCount(QModelIndex()), columns(model)
    heads = HEADER_ROLES if roles is not PAINTED else (R.DisplayRole,)
    found = {(row, column): cell(model, row, column, roles) for row in range(rows) for column in range(width)}
    found.update({(HORIZONTAL.name, s): header(model, HORIZONTAL, s, heads) for s in range(width)})
    found.update({(VERTICAL.name, s): header(model, VERTICAL, s, heads) for s in range(rows)})
    return found


class View:
    """What a view has on screen: it paints a cell or header again only when the model says it
    changed (``dataChanged``, ``headerDataChanged``), and all of them when rows or columns come or
    go or the model resets."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.model = model
        self.painted = shows(model, PAINTED)
        self.cells: set[tuple[int, int]] = set()
        self.headers: set[tuple[str, int]] = set()
        self.everything = False
        model.dataChanged.connect(self.cells_changed)
        model.headerDataChanged.connect(self.headers_changed)
        for signal in (
            model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved, model.rowsMoved,
            model.columnsInserted, model.columnsRemoved, model.columnsMoved,
        ):  # fmt: skip
            signal.connect(self.all_changed)

    def cells_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: Any) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            self.cells.update((row, column) for column in range(top_left.column(), bottom_right.column() + 1))

    def headers_changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        self.headers.update((orientation.name, section) for section in range(first, last + 1))

    def all_changed(self, *_: Any) -> None:
        self.everything = True

    def paint(self) -> None:
        if self.everything:
            self.painted = shows(self.model, PAINTED)
        else:
            for row, column in self.cells:
                if (row, column) in self.painted:
                    self.painted[row, column] = cell(self.model, row, column, PAINTED)
            for orientation, section in self.headers:
                if (orientation, section) in self.painted:
                    heading = header(self.model, Qt.Orientation[orientation], section, (R.DisplayRole,))
                    self.painted[orientation, section] = heading
        self.cells, self.headers, self.everything = set(), set(), False


def differences(seen: dict[tuple[Any, ...], dict], expected: dict[tuple[Any, ...], dict]) -> list[str]:
    found = []
    for key, want in expected.items():
        got = seen.get(key)
        if got is None:
            found.append(f"{key}: missing, a fresh table shows {want}")
        elif got != want:
            found.append(
                f"{key}: " + ", ".join(f"{r} {got[r]!r} instead of {want[r]!r}" for r in want if got[r] != want[r])
            )
    found += [f"{key}: {seen[key]} where a fresh table has nothing" for key in seen.keys() - expected.keys()]
    return found[:6]


# --- random plans and edits -----------------------------------------------------------------------
@st.composite
def plan_files(draw: st.DrawFn) -> dict[str, Any]:
    """``tests.planner.strategies.plans`` with what the tables show besides: a currency, scenarios,
    the user's own metrics and a review's risks."""
    data = draw(plans())
    for item in (*data.get("labor", []), *data.get("channels", [])):  # an end before the start is refused
        if item.get("end_month", math.inf) < item.get("start_month", 1):
            item["end_month"] = item["start_month"]
    data["basics"]["currency"] = draw(st.sampled_from(["USD", "EUR", "GBP"]))
    ids = [resource["id"] for resource in data.get("labor", [])]
    changes = {"win_rate": rates, "revenue_goal": money, **{f"labor.{i}.headcount": st.integers(0, 20) for i in ids}}
    overrides = st.fixed_dictionaries({}, optional=changes)  # type: ignore[arg-type]
    names = st.lists(text, max_size=2, unique=True)
    data["scenarios"] = [{"name": name, "overrides": draw(overrides)} for name in draw(names)]
    metric = st.fixed_dictionaries(
        {
            "name": text,
            "kind": st.sampled_from(sorted(vocab.METRIC_KINDS)),
            "unit": st.sampled_from(["leads", "%", "deals"]),
            "cadence": st.sampled_from(sorted(vocab.CADENCES)),
        },
        optional={"target": st.integers(0, 1000)},
    )
    data["metrics"] = draw(st.lists(metric, max_size=2))
    data["review"] = {"risks": draw(st.lists(st.text(min_size=1, max_size=20).filter(str.strip), max_size=3))}
    return data


def plan_of(data: dict[str, Any]) -> Plan:
    loaded = parse_plan(json.dumps(data))
    assume(not loaded.problems)
    return loaded.plan


# what an edit changes: a field, a row or a whole list, each set to the second plan's value
PATHS = (
    "targets.revenue_goal", "targets.win_rate", "targets.deal_size", "targets.sales_cycle_months",
    "targets.srl_to_opportunity", "targets.seasonality", "targets.pipeline_revenue",
    "basics.horizon_months", "basics.start_month", "basics.currency", "basics.company",
    "labor", "labor[0]", "labor[0].name", "labor[0].headcount", "labor[1].srl_per_person_month", "labor[1].end_month",
    "channels", "channels[0]", "channels[0].name", "channels[0].monthly_budget", "channels[1].name",
    "actuals", "scenarios", "scenarios[0]", "scenarios[0].name", "metrics", "metrics[0].name", "metrics[0].target",
    "review.risks", "review.risks[0]",
)  # fmt: skip
EDITS = st.sampled_from(PATHS) | st.sampled_from(["undo", "redo", "open the second plan"])
STEPS = st.lists(st.tuples(EDITS, st.booleans()), min_size=1, max_size=5)  # (edit, shown while it is made)


def make(document: PlanDocument, edit: str, second: Plan) -> None:
    """An edit as the app makes it."""
    if edit == "undo":
        document.undo_stack.undo()
    elif edit == "redo":
        document.undo_stack.redo()
    elif edit == "open the second plan":
        document.load(second)
    else:
        try:
            get_value(document.plan, edit)
            value = get_value(second, edit)
        except (IndexError, KeyError):
            return  # a row one of the plans does not have
        document.set_value(edit, value)  # (refused, it leaves the plan as it was)


# --- the property ---------------------------------------------------------------------------------
@pytest.mark.parametrize("table", list(TABLES))
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
@given(first=plan_files(), second=plan_files(), steps=STEPS, shown_at_first=st.booleans())
def test_after_any_edits_a_table_shows_what_a_table_built_afresh_shows(
    qtbot: Any, table: str, first: dict, second: dict, steps: list[tuple[str, bool]], shown_at_first: bool
) -> None:
    build = TABLES[table]
    document, other = document_of(plan_of(first)), plan_of(second)
    screen = Screen(shown_at_first)
    model = build(document, screen)
    view = View(model)
    for edit, shown in steps:
        if shown and not screen.on:
            screen.show(model)
        elif not shown:
            screen.hide()
        make(document, edit, other)
        screen.settle(qtbot, model)
        if screen.on:
            view.paint()
    screen.show(model)
    screen.settle(qtbot, model)
    view.paint()

    fresh_model = build(document_of(document.plan), lambda: True)
    read, fresh, painted = differences(shows(model), shows(fresh_model)), shows(fresh_model, PAINTED), view.painted
    assert not read, f"the {table} table reads: {read}"
    assert not differences(painted, fresh), f"the {table} table shows: {differences(painted, fresh)}"
    if hasattr(model, "display_text"):  # what ui.widgets.table_fit measures
        texts = {(r, c): model.display_text(r, c) for r in range(model.rowCount()) for c in range(columns(model))}
        assert texts == {(r, c): fresh[r, c]["DisplayRole"] for r, c in texts}


def test_actuals_repaint_how_far_behind_each_quarter_ends(qtbot: Any) -> None:
    # found by the property above (Python 3.13, random): an actual moves a quarter's running gap
    # ("Behind at its end") without moving its planned needed, supplied or gap, nor the timing. A
    # plan of two months that needs nothing and supplies nothing is even; 12 sales-ready leads in
    # January put it 12 ahead, and the plan is on track before and after
    document = document_of(make_plan({"revenue_goal": 0}, basics={"horizon_months": 2}))
    model = QuartersModel(document)
    view = View(model)
    view.paint()
    assert view.painted[0, 4]["DisplayRole"] == "0"
    document.set_value("actuals", (Actual(month=1, sales_ready_leads=12),), merge=False)
    view.paint()
    assert view.painted[0, 4]["DisplayRole"] == "12 surplus"
