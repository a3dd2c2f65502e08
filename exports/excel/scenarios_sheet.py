"""The Scenarios sheet: the base plan and each scenario side by side, every figure a formula.

A target override is the scenario's own input cell; a target it does not override links to
the base input, so changing WinRate on Inputs moves every scenario that keeps it. Labor and
channel overrides change totals only: the resource's (or program's) total over the horizon is
recomputed in closed form with the scenario's values, and the difference from the base plan's
total is added. The Labor, Channels and Monthly sheets show the base plan.

Closed forms (T = months from the start month to the end of the horizon, H - start + 1):
resource output = head count x SRL per person-month x P, where P = T(T+1)/(2(ramp+1)) while
T < ramp + 1, else T - ramp/2; resource cost = head count x cost x T + fee x output;
program raw leads = budget / cost per lead x T; its cost = budget x T.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel import channels_sheet as CS
from exports.excel import labor_sheet as LS
from exports.excel import layout as L
from exports.excel.cells import SheetWriter, col
from exports.excel.names import INPUT_NAMES
from exports.excel.styles import COUNT, PERCENT, Styles
from planner import formatting as fmt
from planner.model import Plan, Targets
from planner.scenarios import CHANNEL_FIELDS, LABOR_FIELDS
from planner.serialize import specs

NA = fmt.NOT_AVAILABLE
BASE = 3  # column of the base plan; scenario i in BASE + 1 + i
LABOR_COLUMNS = {
    "headcount": LS.HEADCOUNT,
    "start_month": LS.START,
    "ramp_months": LS.RAMP,
    "srl_per_person_month": LS.PER_PERSON,
    "cost_per_person_month": LS.COST,
    "fee_per_srl": LS.FEE,
}
PROGRAM_COLUMNS = {
    "monthly_budget": CS.BUDGET,
    "cost_per_lead": CS.PER_LEAD,
    "start_month": CS.START,
    "lead_to_srl": CS.OWN_RATE,
}
FORMATS = {"rate": PERCENT, "share": PERCENT, "fraction": PERCENT, "money": "money", "int": "0", "count": "General"}


class ScenarioGrid:
    """Row by row: a label, the base value, and each scenario's value (override or link)."""

    def __init__(self, w: SheetWriter, plan: Plan) -> None:
        self.w = w
        self.plan = plan
        self.row = 5
        self.columns = [BASE + i for i in range(len(plan.scenarios) + 1)]

    def section(self, title: str) -> None:
        self.row += 1
        self.w.text(self.row, 1, title, "section")
        self.row += 1

    def driver(self, label: str, unit: str, base: str, name: str, kind: str) -> int:
        """A driver row: base = a formula; a scenario overriding ``name`` gets its value as input."""
        row, number_format = self.row, FORMATS.get(kind, "General")
        self.w.text(row, 1, label, "label")
        self.w.text(row, 2, unit)
        self.w.formula(row, BASE, base, fmt=number_format)
        for i, scenario in enumerate(self.plan.scenarios):
            if name in scenario.overrides:
                self.w.number(row, BASE + 1 + i, scenario.overrides[name], "input", number_format)
            else:
                self.w.formula(row, BASE + 1 + i, f"=$C{row}", "linked", number_format)
        self.row += 1
        return row

    def result(
        self, label: str, formula: str, number_format: str, role: str = "formula", base: str | None = None
    ) -> int:
        """A result row: ``formula`` with ``{c}`` for the column letter, in every column."""
        row = self.row
        self.w.text(row, 1, label, "bold" if role == "result" else "label")
        for column in self.columns:
            text = base if (base is not None and column == BASE) else formula.format(c=col(column), r=row)
            self.w.formula(row, column, text, role, number_format)
        self.row += 1
        return row


def write_scenarios(sheet: Worksheet, styles: Styles, plan: Plan, layout: L.Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Scenarios side by side",
        "Yellow cells are each scenario's overrides; grey cells follow the base plan's inputs. "
        "Every result is a formula.",
    )
    w.text(
        3,
        1,
        "Labor and channel overrides change the totals over the horizon (recomputed for the "
        "overridden resource or program); the Monthly sheet shows the base plan.",
        "note",
    )
    w.header(L.TABLE_HEADER, ["", "Unit", "Base plan", *(s.name for s in plan.scenarios)], lines=2)
    grid = ScenarioGrid(w, plan)
    grid.section("Targets and rates")
    target_specs = dict(specs(Targets))
    t = {}
    for field, name in INPUT_NAMES.items():
        spec = target_specs[field]
        unit = plan.basics.currency if spec.kind == "money" else ("%" if spec.kind == "rate" else spec.unit)
        t[field] = grid.driver(spec.label, unit, f"={name}", field, spec.kind)
    deltas = write_overrides(grid, plan, layout, t)
    write_results(grid, plan, layout, t, deltas)
    w.widths({1: 44, 2: 10, **{c: 16 for c in range(BASE, BASE + 1 + len(plan.scenarios))}})
    sheet.freeze_panes = f"C{L.TABLE_HEADER + 1}"


def overridden(plan: Plan, section: str) -> set[str]:
    keys = set()
    for scenario in plan.scenarios:
        for name in scenario.overrides:
            part, _, rest = name.partition(".")
            key, _, _field = rest.rpartition(".")
            if part == section:
                keys.add(key)
    return keys


def write_overrides(
    grid: ScenarioGrid, plan: Plan, layout: L.Layout, t: dict[str, int]
) -> dict[str, list[tuple[int, str]]]:
    """Rows for each overridden resource and program; returns the (row, base ref) of their totals."""
    deltas: dict[str, list[tuple[int, str]]] = {"output": [], "cost": [], "srl": [], "own": [], "plan_raw": []}
    resources = overridden(plan, "labor")
    horizon = layout.horizon
    for index, resource in enumerate(plan.labor):
        if resource.id not in resources:
            continue
        grid.section(f"Labor: {resource.name or resource.id}")
        r = layout.labor_inputs.row(index)
        rows = {
            field: grid.driver(
                spec.label,
                spec.unit or ("" if spec.kind != "money" else plan.basics.currency),
                f"={L.LABOR}!${col(LABOR_COLUMNS[field])}${r}",
                f"labor.{resource.id}.{field}",
                spec.kind,
            )
            for field, spec in LABOR_FIELDS.items()
            if field in LABOR_COLUMNS  # v2 fields (end month, attrition, vacancy) are not in the sheet yet
        }
        n, s, k, q = (f"{{c}}{rows[f]}" for f in ("headcount", "start_month", "ramp_months", "srl_per_person_month"))
        months = f"({horizon}-{s}+1)"
        share = f"IF({months}<=0,0,IF({months}<{k}+1,{months}*({months}+1)/(2*({k}+1)),{months}-{k}/2))"
        out = grid.result("Sales-ready leads (total)", f"={n}*{q}*{share}", COUNT, base=f"={L.LABOR}!$J${r}")
        pay, fee = f"{{c}}{rows['cost_per_person_month']}", f"{{c}}{rows['fee_per_srl']}"
        cost = grid.result(
            "Cost (total)", f"={n}*{pay}*MAX(0,{months})+{fee}*{{c}}{out}", "money", base=f"={L.LABOR}!$K${r}"
        )
        deltas["output"].append((out, f"{L.LABOR}!$J${r}"))
        deltas["cost"].append((cost, f"{L.LABOR}!$K${r}"))
    programs = overridden(plan, "channels")
    for index, channel_index in enumerate(layout.program_indexes):
        channel = plan.channels[channel_index]
        if channel.name not in programs:
            continue
        grid.section(f"Program channel: {channel.name}")
        r = layout.program_inputs.row(index)
        rows = {
            field: grid.driver(
                CHANNEL_FIELDS[field].label,
                "",
                f"={L.CHANNELS}!${col(column)}${r}",
                f"channels.{channel.name}.{field}",
                CHANNEL_FIELDS[field].kind,
            )
            for field, column in PROGRAM_COLUMNS.items()
        }
        budget, per_lead, s, own = (f"{{c}}{rows[f]}" for f in PROGRAM_COLUMNS)
        months = f"MAX(0,{horizon}-{s}+1)"
        rate = grid.result("Rate used", f'=IF({own}="",{{c}}{t["lead_to_mql"]}*{{c}}{t["mql_to_srl"]},{own})', PERCENT)
        raw = grid.result("Raw leads (total)", f"=IFERROR({budget}/{per_lead},0)*{months}", COUNT)
        srl = grid.result("Sales-ready leads (total)", f"={{c}}{raw}*{{c}}{rate}", COUNT)
        cost = grid.result("Cost (total)", f"={budget}*{months}", "money")
        deltas["srl"].append((srl, ""))
        deltas["own"].append((0, f"{L.CHANNELS}!$N${r}"))
        deltas["plan_raw"].append((0, f"{L.CHANNELS}!$M${r}"))
        deltas["cost"].append((cost, f"{L.CHANNELS}!$K${r}"))
    people = [plan.channels[i] for i in layout.people_indexes if plan.channels[i].name in programs]
    if people:
        grid.section("People-driven channels (shares move leads between channels, not the totals)")
        for channel in people:
            index = layout.people_indexes.index(plan.channels.index(channel))
            r = layout.people_inputs.row(index)
            grid.driver(
                f"{channel.name}: share", "%", f"={L.CHANNELS}!$D${r}", f"channels.{channel.name}.share", "share"
            )
    return deltas


def write_results(
    grid: ScenarioGrid, plan: Plan, layout: L.Layout, t: dict[str, int], deltas: dict[str, list[tuple[int, str]]]
) -> None:
    def target(field: str) -> str:
        return f"{{c}}{t[field]}"

    grid.section("Results")
    net = grid.result(
        "Net new revenue needed", f"=MAX({target('revenue_goal')}-{target('pipeline_revenue')},0)", "money"
    )
    wins = grid.result("Wins needed", f'=IFERROR({{c}}{net}/{target("deal_size")},"{NA}")', COUNT, base="=WinsNeeded")
    opps = grid.result(
        "Opportunities needed", f'=IFERROR({{c}}{wins}/{target("win_rate")},"{NA}")', COUNT, base="=OpportunitiesNeeded"
    )
    needed = grid.result(
        "Sales-ready leads needed",
        f'=IFERROR({{c}}{opps}/{target("srl_to_opportunity")},"{NA}")',
        COUNT,
        "result",
        base="=SRLNeeded",
    )
    mqls = grid.result(
        "Qualified leads needed", f'=IFERROR({{c}}{needed}/{target("mql_to_srl")},"{NA}")', COUNT, base="=MQLNeeded"
    )
    grid.result("Raw leads needed", f'=IFERROR({{c}}{mqls}/{target("lead_to_mql")},"{NA}")', COUNT, base="=LeadsNeeded")
    supplied = grid.result(
        "Sales-ready leads supplied", supplied_formula(layout, t, deltas), COUNT, "result", base="=SRLSupplied"
    )
    grid.result(
        "Gap (sales-ready leads short)", f'=IFERROR({{c}}{needed}-{{c}}{supplied},"{NA}")', COUNT, base="=SRLGap"
    )
    grid.result("Coverage", f'=IFERROR({{c}}{supplied}/{{c}}{needed},"{NA}")', PERCENT)
    cost_parts = "".join(f"+({{c}}{row}-{base})" for row, base in deltas["cost"])
    cost = grid.result("Total cost", f"=TotalCost{cost_parts}", "money", "result", base="=TotalCost")
    grid.result(
        "Cost per sales-ready lead", f'=IFERROR({{c}}{cost}/{{c}}{supplied},"{NA}")', "money", base="=CostPerSRL"
    )
    grid.result(
        "Cost per opportunity",
        f'=IFERROR({{c}}{cost}/({{c}}{supplied}*{target("srl_to_opportunity")}),"{NA}")',
        "money",
    )
    revenue = grid.result(
        "Projected revenue",
        f"={{c}}{supplied}*{target('srl_to_opportunity')}*{target('win_rate')}*{target('deal_size')}",
        "money",
        base="=ProjectedRevenue",
    )
    grid.result(
        "Return on cost",
        f'=IFERROR(({{c}}{revenue}*{target("gross_margin")}-{{c}}{cost})/{{c}}{cost},"{NA}")',
        PERCENT,
        "result",
        base="=ReturnOnCost",
    )


def supplied_formula(layout: L.Layout, t: dict[str, int], deltas: dict[str, list[tuple[int, str]]]) -> str:
    """Labor output (with overridden resources' differences) + programs at own rates + programs at
    the scenario's rates, with overridden programs recomputed."""
    labor = f"{L.LABOR}!$J${layout.labor_inputs.total}" if layout.labor_inputs.count else "0"
    parts = [labor, *(f"({{c}}{row}-{base})" for row, base in deltas["output"])]
    if layout.program_indexes:
        total = layout.program_inputs.total
        own = "-".join([f"{L.CHANNELS}!$N${total}", *(base for _, base in deltas["own"])])
        plan_raw = "-".join([f"{L.CHANNELS}!$M${total}", *(base for _, base in deltas["plan_raw"])])
        parts.append(f"({own})")
        parts.append(f"({plan_raw})*{{c}}{t['lead_to_mql']}*{{c}}{t['mql_to_srl']}")
        parts += [f"{{c}}{row}" for row, _ in deltas["srl"]]
    return "=" + "+".join(parts)
