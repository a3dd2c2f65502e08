"""The Scenarios sheet: the base plan and each scenario side by side, every figure a formula.

A target override is the scenario's own input cell; a target it does not override links to
the base input, so changing WinRate on Inputs moves every scenario that keeps it. Labor and
channel overrides change totals only: the resource's (or program's) total over the horizon is
recomputed in closed form with the scenario's values, and the difference from the base plan's
total is added. The Labor, Channels and Monthly sheets show the base plan.

Closed forms (T = months from the start month to the last month worked, e - start + 1):
resource output = head count x SRL per person-month x P x (1 - loss), where P = T(T+1)/(2(ramp+1))
while T < ramp + 1, else T - ramp/2, and loss = min(1, attrition / 12 x (vacancy + ramp / 2));
resource cost = head count x cost x seats paid x T + fee x output; a program's raw leads =
budget / cost per lead x T and its cost = budget x T (a scheduled program: its schedule's total).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from openpyxl.worksheet.worksheet import Worksheet

from exports.excel.cells import Cached, SheetWriter, cell, col, ref, shown
from exports.excel.layout import CHANNELS, LABOR, TABLE_HEADER, LaborColumn, Layout, PeopleColumn, ProgramColumn
from exports.excel.names import INPUT_NAMES
from exports.excel.styles import COUNT, GAP, PERCENT, Styles
from planner.numbers import formatting as fmt
from planner.numbers.engine import compute_core
from planner.numbers.funnel import ratio
from planner.numbers.results import PlanResult
from planner.numbers.scenarios import CHANNEL_FIELDS, LABOR_FIELDS, apply_overrides
from planner.plan.model import Plan, Targets
from planner.plan.serialize import specs

NA = fmt.NOT_AVAILABLE
BASE = 3  # column of the base plan; scenario i in BASE + 1 + i
LABOR_COLUMNS = {
    "headcount": LaborColumn.HEADCOUNT,
    "start_month": LaborColumn.START,
    "end_month": LaborColumn.LAST,  # the last month worked (the horizon where the end month is blank)
    "ramp_months": LaborColumn.RAMP,
    "srl_per_person_month": LaborColumn.PER_PERSON,
    "cost_per_person_month": LaborColumn.COST,
    "fee_per_srl": LaborColumn.FEE,
    "attrition_rate": LaborColumn.ATTRITION,
    "vacancy_months": LaborColumn.VACANCY,
}
PROGRAM_COLUMNS = {
    "monthly_budget": ProgramColumn.BUDGET,
    "cost_per_lead": ProgramColumn.PER_LEAD,
    "start_month": ProgramColumn.START,
    "lead_to_srl": ProgramColumn.OWN_RATE,
    "end_month": ProgramColumn.LAST,  # the last month of the budget
}
FORMATS = {"rate": PERCENT, "share": PERCENT, "fraction": PERCENT, "money": "money", "int": "0", "count": "General"}


class ScenarioGrid:
    """Row by row: a label, the base value, and each scenario's value (override or link), each
    formula with the engine's value at export beside it (``results``: the base plan's, then each
    scenario's, computed with its overrides)."""

    def __init__(self, w: SheetWriter, plan: Plan, results: Sequence[PlanResult]) -> None:
        self.w = w
        self.plan = plan
        self.plans = [plan, *(apply_overrides(plan, s.overrides) for s in plan.scenarios)]
        self.results = results
        self.row = 5
        self.columns = [BASE + i for i in range(len(plan.scenarios) + 1)]

    def section(self, title: str) -> None:
        self.row += 1
        self.w.text(self.row, 1, title, "section")
        self.row += 1

    def driver(
        self, label: str, unit: str, base: str, name: str, kind: str, value: Callable[[Plan], Cached] = lambda p: None
    ) -> int:
        """A driver row: base = a formula; a scenario overriding ``name`` gets its value as input.
        ``value``: the driver's value in a plan (the base plan's, linked where not overridden)."""
        row, number_format = self.row, FORMATS.get(kind, "General")
        self.w.text(row, 1, label, "label")
        self.w.text(row, 2, unit)
        at_base = value(self.plan)
        self.w.formula(row, BASE, base, fmt=number_format, cached=at_base)
        for i, scenario in enumerate(self.plan.scenarios):
            if name in scenario.overrides:
                self.w.number(row, BASE + 1 + i, scenario.overrides[name], "input", number_format)
            else:
                linked = f"={cell(row, BASE, fix_column=True)}"
                self.w.formula(row, BASE + 1 + i, linked, "linked", number_format, at_base)
        self.row += 1
        return row

    def result(
        self,
        label: str,
        formula: str,
        number_format: str,
        role: str = "formula",
        base: str | None = None,
        figure: Callable[[PlanResult, Plan], Cached] = lambda r, p: None,
    ) -> int:
        """A result row: ``formula`` with ``{c}`` for the column letter, in every column; ``figure``:
        the engine's value of it in a column (from its result and plan)."""
        row = self.row
        self.w.text(row, 1, label, "bold" if role == "result" else "label")
        for index, column in enumerate(self.columns):
            text = base if (base is not None and column == BASE) else formula.format(c=col(column), r=row)
            self.w.formula(row, column, text, role, number_format, figure(self.results[index], self.plans[index]))
        self.row += 1
        return row


def scenario_results(plan: Plan, result: PlanResult) -> list[PlanResult]:
    """The base plan's result, then each scenario's (its totals: no months), as the engine computes them."""
    return [result, *(compute_core(apply_overrides(plan, s.overrides), with_months=False) for s in plan.scenarios)]


def write_scenarios(sheet: Worksheet, styles: Styles, plan: Plan, result: PlanResult, layout: Layout) -> None:
    w = SheetWriter(sheet, styles)
    w.heading(
        "Scenarios side by side",
        "Yellow cells are each scenario's overrides; grey cells follow the base plan's inputs. "
        "Every result is a formula.",
    )
    w.text(
        3,
        1,
        "Totals over the horizon, every month's leads whenever they close; labor and channel overrides change "
        "them (recomputed for the overridden resource or program). This year's gap, month by month and with "
        "the actuals, is the Monthly sheet's (the base plan).",
        "note",
    )
    w.header(TABLE_HEADER, ["", "Unit", "Base plan", *(s.name for s in plan.scenarios)], lines=2)
    grid = ScenarioGrid(w, plan, scenario_results(plan, result))
    grid.section("Targets and rates")
    target_specs = dict(specs(Targets))
    t = {}
    for field, name in INPUT_NAMES.items():
        spec = target_specs[field]
        unit = "" if spec.kind == "money" else ("%" if spec.kind == "rate" else spec.unit)  # money: its format says
        t[field] = grid.driver(
            spec.label, unit, f"={name}", field, spec.kind, lambda p, field=field: getattr(p.targets, field)
        )
    deltas = write_overrides(grid, plan, layout, t)
    write_results(grid, plan, layout, t, deltas)
    w.widths({1: "label", 2: "short", **{c: "figure" for c in range(BASE, BASE + 1 + len(plan.scenarios))}})
    sheet.freeze_panes = cell(TABLE_HEADER + 1, BASE)


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
    grid: ScenarioGrid, plan: Plan, layout: Layout, t: dict[str, int]
) -> dict[str, list[tuple[int, str]]]:
    """Rows for each overridden resource and program; returns the (row, base ref) of their totals."""
    deltas: dict[str, list[tuple[int, str]]] = {"output": [], "cost": [], "srl": [], "own": [], "plan_raw": []}
    resources = overridden(plan, "labor")
    for index, resource in enumerate(plan.labor):
        if resource.id not in resources:
            continue
        grid.section(f"Labor: {resource.name or resource.id}")
        r = layout.labor_inputs.row(index)
        rows = {
            field: grid.driver(
                spec.label,
                spec.unit if spec.kind != "money" else "",
                f"={ref(r, LABOR_COLUMNS[field], sheet=LABOR)}",
                f"labor.{resource.id}.{field}",
                spec.kind,
                lambda p, index=index, field=field: labor_value(p, index, field),
            )
            for field, spec in LABOR_FIELDS.items()
            if field in LABOR_COLUMNS
        }

        def value(field: str, r: int = r, rows: dict[str, int] = rows) -> str:
            """The scenario's value (its column's row) or, for a field no scenario can override, the base's."""
            if field in rows:
                return f"{{c}}{rows[field]}"
            return ref(r, LABOR_COLUMNS[field], sheet=LABOR)

        n, s, k, q = (value(f) for f in ("headcount", "start_month", "ramp_months", "srl_per_person_month"))
        end = value("end_month")
        attrition, vacancy = value("attrition_rate"), value("vacancy_months")
        last = f'IF({end}="",Horizon,MIN({end},Horizon))'
        months = f"({last}-{s}+1)"
        share = f"IF({months}<=0,0,IF({months}<{k}+1,{months}*({months}+1)/(2*({k}+1)),{months}-{k}/2))"
        kept = f"(1-MIN(1,{attrition}/12*({vacancy}+{k}/2)))"
        base_output = ref(r, LaborColumn.TOTAL_OUTPUT, sheet=LABOR)
        base_cost = ref(r, LaborColumn.TOTAL_COST, sheet=LABOR)
        out = grid.result(
            "Sales-ready leads (total)",
            f"={n}*{q}*{share}*{kept}",
            COUNT,
            base=f"={base_output}",
            figure=lambda r, p, index=index: r.resources[index].total_output,
        )
        pay, fee = value("cost_per_person_month"), value("fee_per_srl")
        paid = f"MAX(0,1-{attrition}/12*{vacancy})"
        cost = grid.result(
            "Cost (total)",
            f"={n}*{pay}*{paid}*MAX(0,{months})+{fee}*{{c}}{out}",
            "money",
            base=f"={base_cost}",
            figure=lambda r, p, index=index: r.resources[index].total_cost,
        )
        deltas["output"].append((out, base_output))
        deltas["cost"].append((cost, base_cost))
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
                # a blank own rate stays blank (a formula of a blank cell is 0 in Excel: the plan's rates)
                f'=IF({ref(r, column, sheet=CHANNELS)}="","",{ref(r, column, sheet=CHANNELS)})'
                if field == "lead_to_srl"
                else f"={ref(r, column, sheet=CHANNELS)}",
                f"channels.{channel.name}.{field}",
                CHANNEL_FIELDS[field].kind,
                lambda p, channel_index=channel_index, field=field: channel_value(p, channel_index, field),
            )
            for field, column in PROGRAM_COLUMNS.items()
            if field in CHANNEL_FIELDS
        }
        budget, per_lead, s, own, end = (f"{{c}}{rows[f]}" for f in PROGRAM_COLUMNS)
        last = f'IF({end}="",Horizon,MIN({end},Horizon))'
        scheduled = ref(r, ProgramColumn.SCHEDULED, sheet=CHANNELS)
        spend = f"IF({scheduled}=1,{ref(r, ProgramColumn.COST_TOTAL, sheet=CHANNELS)},{budget}*MAX(0,{last}-{s}+1))"
        rate = grid.result(
            "Rate used",
            f'=IF({own}="",{{c}}{t["lead_to_mql"]}*{{c}}{t["mql_to_srl"]},{own})',
            PERCENT,
            figure=lambda r, p, i=channel_index: program_rate(p, i),
        )
        cost = grid.result(
            "Cost (total)", f"={spend}", "money", figure=lambda r, p, i=channel_index: r.channels[i].total_cost
        )
        raw = grid.result(
            "Raw leads (total)",
            f"=IFERROR({{c}}{cost}/{per_lead},0)",
            COUNT,
            figure=lambda r, p, i=channel_index: r.channels[i].total_raw_leads,
        )
        srl = grid.result(
            "Sales-ready leads (total)",
            f"={{c}}{raw}*{{c}}{rate}",
            COUNT,
            figure=lambda r, p, i=channel_index: r.channels[i].total_sales_ready_leads,
        )
        deltas["srl"].append((srl, ""))
        deltas["own"].append((0, ref(r, ProgramColumn.OWN_RATE_SRL, sheet=CHANNELS)))
        deltas["plan_raw"].append((0, ref(r, ProgramColumn.PLAN_RATE_RAW, sheet=CHANNELS)))
        deltas["cost"].append((cost, ref(r, ProgramColumn.COST_TOTAL, sheet=CHANNELS)))
    people = [plan.channels[i] for i in layout.people_indexes if plan.channels[i].name in programs]
    if people:
        grid.section("People-driven channels (shares move leads between channels, not the totals)")
        for channel in people:
            channel_index = plan.channels.index(channel)
            index = layout.people_indexes.index(channel_index)
            r = layout.people_inputs.row(index)
            grid.driver(
                f"{channel.name}: share",
                "%",
                f"={ref(r, PeopleColumn.SHARE, sheet=CHANNELS)}",
                f"channels.{channel.name}.share",
                "share",
                lambda p, i=channel_index: p.channels[i].share or 0,
            )
    return deltas


def write_results(
    grid: ScenarioGrid, plan: Plan, layout: Layout, t: dict[str, int], deltas: dict[str, list[tuple[int, str]]]
) -> None:
    def target(field: str) -> str:
        return f"{{c}}{t[field]}"

    grid.section("Results")
    net = grid.result(
        "Net new revenue needed",
        f"=MAX({target('revenue_goal')}-{target('pipeline_revenue')},0)",
        "money",
        figure=lambda r, p: r.demand.net_new_revenue,
    )
    wins = grid.result(
        "Wins needed",
        f'=IFERROR({{c}}{net}/{target("deal_size")},"{NA}")',
        COUNT,
        base="=WinsNeeded",
        figure=lambda r, p: r.demand.wins,
    )
    opps = grid.result(
        "Opportunities needed",
        f'=IFERROR({{c}}{wins}/{target("win_rate")},"{NA}")',
        COUNT,
        base="=OpportunitiesNeeded",
        figure=lambda r, p: r.demand.opportunities,
    )
    needed = grid.result(
        "Sales-ready leads needed",
        f'=IFERROR({{c}}{opps}/{target("srl_to_opportunity")},"{NA}")',
        COUNT,
        "result",
        base="=SRLNeeded",
        figure=lambda r, p: r.demand.sales_ready_leads,
    )
    mqls = grid.result(
        "Qualified leads needed",
        f'=IFERROR({{c}}{needed}/{target("mql_to_srl")},"{NA}")',
        COUNT,
        base="=MQLNeeded",
        figure=lambda r, p: r.demand.qualified_leads,
    )
    grid.result(
        "Raw leads needed",
        f'=IFERROR({{c}}{mqls}/{target("lead_to_mql")},"{NA}")',
        COUNT,
        base="=LeadsNeeded",
        figure=lambda r, p: r.demand.raw_leads,
    )
    supplied = grid.result(
        "Sales-ready leads supplied",
        supplied_formula(layout, t, deltas),
        COUNT,
        "result",
        base="=SRLSupplied",
        figure=lambda r, p: r.supply.sales_ready_leads,
    )
    # totals over the horizon, every month's leads (this year's gap, by month and with the actuals, is
    # the Monthly sheet's SRLGap for the base plan)
    grid.result(
        "Needed − supplied over the horizon",
        f'=IFERROR({{c}}{needed}-{{c}}{supplied},"{NA}")',
        GAP,  # "74 surplus", as the Summary and the Monthly sheet say a surplus, never "-74"
        figure=lambda r, p: r.demand.sales_ready_leads - r.supply.sales_ready_leads,
    )
    grid.result(
        "Supplied / needed",
        f'=IFERROR({{c}}{supplied}/{{c}}{needed},"{NA}")',
        PERCENT,
        figure=lambda r, p: shown(ratio(r.supply.sales_ready_leads, r.demand.sales_ready_leads)),
    )
    cost_parts = "".join(f"+({{c}}{row}-{base})" for row, base in deltas["cost"])
    cost = grid.result(
        "Total cost", f"=TotalCost{cost_parts}", "money", "result", base="=TotalCost", figure=lambda r, p: r.supply.cost
    )
    grid.result(
        "Cost per sales-ready lead",
        f'=IFERROR({{c}}{cost}/{{c}}{supplied},"{NA}")',
        "money",
        base="=CostPerSRL",
        figure=lambda r, p: shown(r.supply.cost_per_sales_ready_lead),
    )
    grid.result(
        "Cost per opportunity",
        f'=IFERROR({{c}}{cost}/({{c}}{supplied}*{target("srl_to_opportunity")}),"{NA}")',
        "money",
        figure=lambda r, p: shown(r.supply.cost_per_opportunity),
    )
    revenue = grid.result(
        "Projected revenue",
        f"={{c}}{supplied}*{target('srl_to_opportunity')}*{target('win_rate')}*{target('deal_size')}",
        "money",
        base="=ProjectedRevenue",
        figure=lambda r, p: r.supply.projected_revenue,
    )
    grid.result(
        "Return on cost",
        f'=IFERROR(({{c}}{revenue}*{target("gross_margin")}-{{c}}{cost})/{{c}}{cost},"{NA}")',
        PERCENT,
        "result",
        base="=ReturnOnCost",
        figure=lambda r, p: shown(r.supply.return_on_cost),
    )


def labor_value(plan: Plan, index: int, field: str) -> Cached:
    """A resource's field as its driver row shows it (the end month: the last month worked)."""
    resource = plan.labor[index]
    if field == "end_month":
        return plan.horizon if resource.end_month is None else min(resource.end_month, plan.horizon)
    return getattr(resource, field)


def channel_value(plan: Plan, index: int, field: str) -> Cached:
    """A program's field as its driver row shows it (the end month: the last month of the budget; no
    own rate: blank)."""
    channel = plan.channels[index]
    if field == "end_month":
        return plan.horizon if channel.end_month is None else min(channel.end_month, plan.horizon)
    if field == "monthly_budget":
        return channel.monthly_budget or 0
    found = getattr(channel, field)
    return "" if found is None else found


def program_rate(plan: Plan, index: int) -> float:
    """The raw-to-sales-ready rate a program converts with: its own, or the plan's."""
    own = plan.channels[index].lead_to_srl
    return plan.targets.lead_to_mql * plan.targets.mql_to_srl if own is None else own


def supplied_formula(layout: Layout, t: dict[str, int], deltas: dict[str, list[tuple[int, str]]]) -> str:
    """Labor output (with overridden resources' differences) + programs at own rates + programs at
    the scenario's rates, with overridden programs recomputed."""
    labor = ref(layout.labor_inputs.total, LaborColumn.TOTAL_OUTPUT, sheet=LABOR) if layout.labor_inputs.count else "0"
    parts = [labor, *(f"({{c}}{row}-{base})" for row, base in deltas["output"])]
    if layout.program_indexes:
        total = layout.program_inputs.total
        own = "-".join([ref(total, ProgramColumn.OWN_RATE_SRL, sheet=CHANNELS), *(base for _, base in deltas["own"])])
        plan_raw = "-".join(
            [ref(total, ProgramColumn.PLAN_RATE_RAW, sheet=CHANNELS), *(base for _, base in deltas["plan_raw"])]
        )
        parts.append(f"({own})")
        parts.append(f"({plan_raw})*{{c}}{t['lead_to_mql']}*{{c}}{t['mql_to_srl']}")
        parts += [f"{{c}}{row}" for row, _ in deltas["srl"]]
    return "=" + "+".join(parts)
