"""The report's analysis sections: months, scenarios, sensitivity and assumptions.

Like ``report_model``, this only reads the engine's figures and formats them.
"""

from __future__ import annotations

from exports import svg_charts as charts
from exports.report_memo import whole
from exports.report_model import SCENARIOS_PER_TABLE, TORNADO_ROWS, Table, spec_text
from planner.numbers import formatting as fmt
from planner.numbers.breakdown import supply_by_kind
from planner.numbers.results import PlanResult
from planner.numbers.scenarios import LABOR_FIELDS, TARGET_FIELDS, override_spec
from planner.plan import defaults
from planner.plan.model import Plan
from planner.plan.months import MONTH_NAMES


def gap_text(gap: float) -> str:
    """A gap as every page writes it (``planner.numbers.formatting.gap``): rounded once from the engine's
    unrounded figure, never a difference of rounded figures (393.51 is "394" beside 400 needed and
    6.49 supplied): "112", "53 surplus" or "0" within half a lead."""
    return fmt.gap(gap)


def months(result: PlanResult) -> dict[str, object]:
    """The months with a subtotal after each quarter; whole leads, so the columns subtract."""
    c = result.currency
    rows: list[tuple[str, ...]] = []
    classes: list[str] = []
    quarters = {q.last_month: q for q in result.quarters}
    for m in result.months:
        cumulative = round(m.cumulative_gap)
        rows.append(
            (
                m.label,
                whole(m.sales_ready_leads_needed),
                whole(m.sales_ready_leads_supplied),
                gap_text(m.gap),
                f"ahead {-cumulative:,}" if cumulative < 0 else f"{cumulative:,}",
                fmt.percent(m.coverage),
                fmt.money(m.cost, c),
                fmt.money(m.projected_revenue, c),
            )
        )
        kind = "behind" if m.month in result.timing.behind_months else "" if m.in_time else "next-year"
        starts = not classes or classes[-1] == "subtotal"  # a quarter's first month: a page may break before it
        classes.append(f"{kind} quarter-start".strip() if starts else kind)
        quarter = quarters.get(m.month)
        if quarter is not None:
            rows.append(
                (
                    quarter.label,
                    whole(quarter.sales_ready_leads_needed),
                    whole(quarter.sales_ready_leads_supplied),
                    gap_text(quarter.gap),
                    "",
                    "",
                    fmt.money(quarter.cost, c),
                    "",
                )
            )
            classes.append("subtotal")
    plan_total = (
        "Plan total",
        "",
        whole(result.supply.sales_ready_leads),
        "",
        "",
        "",
        fmt.money(result.supply.cost, c),
        "",
    )
    table = Table(
        "Sales-ready leads needed and supplied, month by month, with quarter subtotals",
        ("Month", "Needed", "Supplied", "Gap", "Cumulative gap", "Coverage", "Cost", "Won revenue"),
        rows,
        foot=year_row(result),
        more_foot=(*next_year_rows(result), plan_total),
        row_classes=tuple(classes),
    )
    # supply stacked by who delivers it: each kind of labor, then the marketing programs
    series = [charts.Series(source.name, source.sales_ready_leads) for source in supply_by_kind(result)]
    description = (
        "Each month's sales-ready leads needed and supplied: "
        + "; ".join(
            f"{m.label}: {whole(m.sales_ready_leads_needed)} needed, {whole(m.sales_ready_leads_supplied)} supplied"
            for m in result.months
        )
        + "."
    )
    chart = charts.demand_and_supply(
        "chart-months",
        "Monthly demand vs supply of sales-ready leads",
        [m.label for m in result.months],
        series,
        [m.sales_ready_leads_needed for m in result.months],
        demand_name="Sales-ready leads needed",
        tick_text=whole,
        description=description,
        unit="Sales-ready leads a month",
    )
    return {"table": table, "chart": chart}


def _span(result: PlanResult, first: int | None, last: int | None) -> str:
    if not first or not last:
        return ""
    a, b = result.months[first - 1].label, result.months[last - 1].label
    return a if first == last else f"{a} to {b}"


def year_row(result: PlanResult) -> tuple[str, ...]:
    """This year: the leads needed by the last in-time month, those known to close in time (actual
    where reported), the gap, the coverage and the revenue they win inside the horizon."""
    year, through = result.year, result.actuals.through_month if result.actuals is not None else None
    label = f"This year's leads, {_span(result, year.first_month, year.last_month)}" if year.last_month else "This year"
    if through:
        label += f" (actual to {result.months[through - 1].label})"
    return (
        label,
        whole(year.sales_ready_leads_needed),
        whole(year.sales_ready_leads_expected),
        gap_text(year.gap),
        "",
        fmt.percent(year.coverage),
        "",
        fmt.money(result.revenue.projected, result.currency),
    )


def next_year_rows(result: PlanResult) -> tuple[tuple[str, ...], ...]:
    """Next year's start: the carry-over months, whose leads close after the horizon (none without)."""
    start = result.next_year_start
    if start is None:
        return ()
    return (
        (
            f"Next year's start, {_span(result, start.first_month, start.last_month)}",
            whole(start.sales_ready_leads_needed),
            whole(start.sales_ready_leads_expected),
            gap_text(start.gap),
            "",
            "",
            "",
            f"{fmt.money(result.revenue.carried_over, result.currency)} next year",
        ),
    )


def override_text(plan: Plan, name: str, value: float, currency: str) -> str:
    spec = override_spec(plan, name)
    section, _, rest = name.partition(".")
    key, _, field = rest.rpartition(".")
    if name in TARGET_FIELDS:
        label = TARGET_FIELDS[name].label
    elif section == "labor":
        who = next((r.name or r.id for r in plan.labor if r.id == key), key)
        label = f"{LABOR_FIELDS[field].label if field in LABOR_FIELDS else field}: {who}"
    else:
        label = f"{spec.label if spec else field}: {key}"
    return f"{label} {spec_text(spec, value, currency) if spec else fmt.count(value, 1)}"


def scenarios(plan: Plan, result: PlanResult) -> list[Table]:
    """Base plan and scenarios side by side, a few scenarios to a table so no table is too wide to print."""
    if not result.scenarios:
        return []
    c = result.currency
    measures = (
        ("Sales-ready leads needed", lambda r: whole(r.demand.sales_ready_leads)),
        ("Expected this year", lambda r: whole(r.year.sales_ready_leads_expected)),
        ("Coverage", lambda r: fmt.percent(r.gap.coverage)),
        ("Gap", lambda r: gap_text(r.gap.sales_ready_leads)),
        ("Sales-ready leads supplied", lambda r: whole(r.supply.sales_ready_leads)),
        ("Total cost", lambda r: fmt.money(r.supply.cost, c)),
        ("Cost per sales-ready lead", lambda r: fmt.money(r.supply.cost_per_sales_ready_lead, c)),
        ("Projected revenue", lambda r: fmt.money(r.supply.projected_revenue, c)),
        ("Return on cost", lambda r: fmt.ratio_multiple(r.supply.return_on_cost)),
    )
    tables = []
    scenario_list = list(result.scenarios)
    for start in range(0, len(scenario_list), SCENARIOS_PER_TABLE):
        group = scenario_list[start : start + SCENARIOS_PER_TABLE]
        columns = [result, *(s.result for s in group)]
        rows = [(label, *(show(r) for r in columns)) for label, show in measures]
        rows.append(
            (
                "What changes",
                "",
                *("; ".join(override_text(plan, n, v, c) for n, v in s.overrides.items()) or "nothing" for s in group),
            )
        )
        caption = "The base plan and each scenario" if start == 0 else f"Scenarios (continued, {start + 1}–)"
        tables.append(Table(caption, ("", "Base plan", *(s.name for s in group)), rows))
    return tables


def sensitivity(result: PlanResult) -> dict[str, object]:
    c = result.currency
    rows = []
    for row in result.sensitivity:
        moves = {round(m.change, 2): m for m in row.moves}
        rows.append(
            (
                row.label,
                *(fmt.percent(moves[k].coverage) if k in moves else "" for k in (-0.2, -0.1, 0.1, 0.2)),
                *(fmt.money(moves[k].cost_per_sales_ready_lead, c) if k in moves else "" for k in (-0.2, 0.2)),
            )
        )
    table = Table(
        f"Coverage (base {fmt.percent(result.gap.coverage)}) and cost per sales-ready lead "
        f"(base {fmt.money(result.supply.cost_per_sales_ready_lead, c)}) when one driver moves",
        ("Driver", "Coverage −20%", "−10%", "+10%", "+20%", "Cost per sales-ready lead −20%", "+20%"),
        rows,
    )
    tornado_rows = []
    for row in result.sensitivity[:TORNADO_ROWS]:
        moves = {round(m.change, 2): m for m in row.moves}
        low, high = moves.get(-0.2), moves.get(0.2)
        low_change = (low.coverage_change or 0.0) if low else 0.0
        high_change = (high.coverage_change or 0.0) if high else 0.0
        tornado_rows.append(
            charts.TornadoRow(row.label, low_change, high_change, fmt.points(low_change), fmt.points(high_change))
        )
    chart = None
    if any(r.low or r.high for r in tornado_rows):
        chart = charts.tornado(
            "chart-tornado",
            "Sensitivity: change in coverage when each driver moves 20%",
            tornado_rows,
            low_name="Driver −20%",
            high_name="Driver +20%",
            description="Change in coverage, in percentage points, when each driver moves down and up 20%: "
            + "; ".join(f"{r.label}: {r.low_text} down, {r.high_text} up" for r in tornado_rows)
            + ".",
        )
    return {"table": table, "chart": chart}


def assumption_rows(plan: Plan) -> list[tuple[str, tuple[str, str, str]]]:
    """Every rate and default the plan leans on, with where it comes from: each row (assumption,
    value, source) with the plan path it shows (``targets.win_rate``, ``labor[0].attrition_rate``)."""
    c = plan.basics.currency
    rows = []
    for name, spec in TARGET_FIELDS.items():
        value = getattr(plan.targets, name)
        known = defaults.default(f"targets.{name}")
        source = known.source if known and known.value == value else "set in this plan"
        rows.append((f"targets.{name}", (spec.label, spec_text(spec, value, c), source)))
    for index, resource in enumerate(plan.labor):
        who = resource.name or resource.id
        for field in (
            "ramp_months",
            "srl_per_person_month",
            "cost_per_person_month",
            "attrition_rate",
            "vacancy_months",
        ):
            value = getattr(resource, field)
            known = defaults.default(f"labor.{resource.kind}.{field}") or defaults.default(f"labor.{field}")
            source = known.source if known and known.value == value else "set in this plan"
            row = (f"{LABOR_FIELDS[field].label}: {who}", spec_text(LABOR_FIELDS[field], value, c), source)
            rows.append((f"labor[{index}].{field}", row))
    for index, channel in enumerate(plan.channels):
        if channel.is_program and channel.cost_per_lead:
            known = defaults.channel_cost_per_lead(channel.type)
            source = known.source if known.value == channel.cost_per_lead else "set in this plan"
            row = (f"Cost per raw lead: {channel.name}", fmt.money(channel.cost_per_lead, c), source)
            rows.append((f"channels[{index}].cost_per_lead", row))
    weights = plan.targets.seasonality
    flat = len(set(weights)) <= 1
    by_month = ", ".join(f"{name} {fmt.entered(w)}" for name, w in zip(MONTH_NAMES, weights, strict=False))
    rows.append(
        (
            "targets.seasonality",
            (
                "Seasonality",
                "flat" if flat else "by month",
                "no seasonality assumed" if flat else f"set in this plan, a weight for each calendar month: {by_month}",
            ),
        )
    )
    return rows


def assumptions(plan: Plan) -> Table:
    """Every rate and default the plan leans on, with where it comes from."""
    rows = [row for _path, row in assumption_rows(plan)]
    return Table("Assumptions and their sources", ("Assumption", "Value", "Source"), rows, text_columns=3)
