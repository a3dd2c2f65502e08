"""``leadplanner-cli``: the plan's numbers without the app.

Exit codes: 0 success, 1 a plan that cannot be read or is not valid, 2 bad usage or a
feature not available. Messages go to stderr, one per problem; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cli import actuals, benchmarks, compare
from cli.plans import CliError, dump_json, load_valid, same_file
from planner.advice.memo import next_year_line, verdict
from planner.benchmarks.standing import assumptions_data
from planner.numbers import formatting as fmt
from planner.numbers.closing import timing_sentence
from planner.numbers.engine import compute
from planner.numbers.goal_seek import Answer, close_the_gap
from planner.numbers.goal_seek import sentence as goal_sentence
from planner.numbers.results import PlanResult
from planner.numbers.summary import sensitivity_data, summary_data
from planner.plan.plan_file import PlanFileError, write_text_atomically
from planner.plan.sample import sample_text
from planner.version import __version__


def cmd_validate(args: argparse.Namespace) -> int:
    load_valid(args.plan)
    print("valid")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    plan = load_valid(args.plan).plan
    result = compute(plan)
    if args.json:
        data = summary_data(result)
        data["assumptions"] = assumptions_data(plan, benchmarks.library_of(args))
        print(dump_json(data))
    else:
        print(summary_table(result))
    return 0


def _month(result: PlanResult, month: int | None) -> str:
    return result.months[month - 1].label if month and 0 < month <= len(result.months) else ""


def reps_text(result: PlanResult) -> str:
    """The inside reps to close this year's gap in words: never "0 reps" or "n/a reps"."""
    gap = result.gap
    if gap.inside_reps_to_close_gap is None:
        return "none: no hire made now closes this year's gap"
    if gap.inside_reps_to_close_gap == 0 or gap.latest_start_month is None:
        return "none needed"
    return f"{gap.inside_reps_to_close_gap:,} to start by {_month(result, gap.latest_start_month)}"


def summary_table(result: PlanResult) -> str:
    """This year's answer in one sentence (beginning with the status word), next year's start on its
    own line, then the figures: this year's, the plan's, the revenue bridge, the months and quarters."""
    c = result.currency
    d, s, g, year = result.demand, result.supply, result.gap, result.year
    by = f" (by {_month(result, year.last_month)})" if year.last_month else ""
    rows = [
        ("Net new revenue needed", fmt.money(d.net_new_revenue, c)),
        ("Wins needed", fmt.count(d.wins, 1)),
        ("Opportunities needed", fmt.count(d.opportunities, 1)),
        ("Sales-ready leads needed", fmt.count(d.sales_ready_leads, 1)),
        ("Qualified leads needed", fmt.count(d.qualified_leads, 1)),
        ("Raw leads needed", fmt.count(d.raw_leads, 1)),
        (f"Expected this year{by}", fmt.count(year.sales_ready_leads_expected, 1)),
        ("Gap (sales-ready leads, this year)", fmt.count(g.sales_ready_leads, 1)),
        ("Coverage (this year)", fmt.percent(g.coverage, 1)),
        ("Inside reps to close the gap", reps_text(result)),
    ]
    start = result.next_year_start
    if start is not None:
        rows += [
            ("Next year's start: needed", fmt.count(start.sales_ready_leads_needed, 1)),
            ("  expected", fmt.count(start.sales_ready_leads_expected, 1)),
            ("  gap", fmt.count(start.gap, 1)),
        ]
    rows += [
        ("Sales-ready leads supplied (plan)", fmt.count(s.sales_ready_leads, 1)),
        ("Total cost", fmt.money(s.cost, c)),
        ("Cost per sales-ready lead", fmt.money(s.cost_per_sales_ready_lead, c)),
        ("Cost per opportunity", fmt.money(s.cost_per_opportunity, c)),
        ("Projected revenue (all leads)", fmt.money(s.projected_revenue, c)),
        ("Return on cost", fmt.percent(s.return_on_cost)),
    ]
    bridge = result.revenue
    rows += [
        ("Revenue goal", fmt.money(bridge.goal, c)),
        ("  from the current pipeline", fmt.money(bridge.pipeline, c)),
        ("  projected from the leads", fmt.money(bridge.projected, c)),
        ("  expected", fmt.money(bridge.expected, c)),
        ("  revenue gap" if bridge.gap > 0 else "  revenue surplus", fmt.money(abs(bridge.gap), c)),
        ("  carried over to next year", fmt.money(bridge.carried_over, c)),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [verdict(result)]
    if next_year_line(result):
        lines.append(next_year_line(result))
    lines.append("")
    lines += [f"{label:<{width}}  {value:>16}" for label, value in rows]
    lines += [
        "",
        f"{'Month':<10} {'Needed':>9} {'Supplied':>9} {'Gap':>9} {'Cumulative':>11} {'Cost':>14}  Leads close",
    ]
    for m in result.months:
        lines.append(
            f"{m.label:<10} {fmt.count(m.sales_ready_leads_needed, 1):>9} {fmt.count(m.sales_ready_leads_supplied, 1):>9}"
            f" {fmt.count(m.gap, 1):>9} {fmt.count(m.cumulative_gap, 1):>11} {fmt.money(m.cost, c):>14}"
            f"  {'this year' if m.in_time else 'next year'}"
        )
    lines += ["", f"{'Quarter':<20} {'Needed':>9} {'Supplied':>9} {'Gap':>9} {'Cost':>14}"]
    for q in result.quarters:
        lines.append(
            f"{q.label:<20} {fmt.count(q.sales_ready_leads_needed, 1):>9} {fmt.count(q.sales_ready_leads_supplied, 1):>9}"
            f" {fmt.count(q.gap, 1):>9} {fmt.money(q.cost, c):>14}"
        )
    for scenario in result.scenarios:
        lines.append(
            f"\nScenario {scenario.name}: needs {fmt.count(scenario.demand.sales_ready_leads, 1)} sales-ready leads, "
            f"coverage {fmt.percent(scenario.gap.coverage, 1)}, cost per sales-ready lead "
            f"{fmt.money(scenario.supply.cost_per_sales_ready_lead, c)}"
        )
    return "\n".join(lines)


def cmd_sensitivity(args: argparse.Namespace) -> int:
    result = compute(load_valid(args.plan).plan)
    if args.json:
        print(dump_json(sensitivity_data(result.sensitivity)))
        return 0
    c = result.currency
    print(f"{'Driver':<44} {'Move':>6} {'SRL needed':>11} {'Coverage':>9} {'Cost/SRL':>12}")
    for row in result.sensitivity:
        for move in row.moves:
            print(
                f"{row.label[:44]:<44} {fmt.signed_percent(move.change):>6} {fmt.count(move.sales_ready_leads_needed, 1):>11}"
                f" {fmt.percent(move.coverage, 1):>9} {fmt.money(move.cost_per_sales_ready_lead, c):>12}"
            )
    return 0


def cmd_goal_seek(args: argparse.Namespace) -> int:
    plan = load_valid(args.plan).plan
    result = compute(plan)
    answers = close_the_gap(plan, result)
    if args.json:
        print(dump_json([answer_data(a) for a in answers]))
    else:
        print(goal_sentence(answers))
        timed = timing_sentence(plan, result)
        if timed:
            print(timed)
    return 0


ANSWER_KEYS = ("driver", "label", "current", "required", "extra_cost", "sentence", "start")


def answer_data(answer: Answer) -> dict[str, object]:
    """A goal-seek answer as JSON: what it changes, its full cost, the month it starts (people: the
    latest month they may start), and whether a scenario's overrides can keep it."""
    return {
        **{key: getattr(answer, key) for key in ANSWER_KEYS},
        "reachable": answer.reachable,
        "keepable": answer.keepable,
    }


def cmd_agenda(args: argparse.Namespace) -> int:
    from planner.advice.review import agenda_text

    plan = load_valid(args.plan).plan
    print(agenda_text(plan, compute(plan)))
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    if args.out in (None, "-"):
        sys.stdout.write(sample_text())
        return 0
    try:
        write_text_atomically(Path(args.out), sample_text())
    except PlanFileError as error:
        raise CliError(str(error)) from None
    print(f"wrote {args.out}")
    return 0


EXPORT_SUFFIXES = {"xlsx": (".xlsx",), "html": (".html", ".htm")}


def check_export_paths(plan: str, outputs: dict[str, str], force: bool, older: str | None = None) -> None:
    """Refuse to write over the plan or the older plan it is compared with (``older``), one output
    over the other, or a file the export does not write."""
    source = Path(plan)
    for kind, out in outputs.items():
        target = Path(out)
        if same_file(target, source):
            raise CliError(
                f"--{kind} {out} is the plan itself; choose another file name (the plan is left as it is).", 2
            )
        if older is not None and same_file(target, Path(older)):
            raise CliError(
                f"--{kind} {out} is the plan to compare with (--compare); choose another file name "
                "(that plan is left as it is).",
                2,
            )
    if len(outputs) == 2 and same_file(Path(outputs["xlsx"]), Path(outputs["html"])):
        raise CliError("--xlsx and --html name the same file; give each export its own file name.", 2)
    if force:
        return
    for kind, out in outputs.items():
        target = Path(out)
        if not (target.exists() or target.is_symlink()):
            continue
        suffix = target.suffix.lower()
        if suffix == ".leadplan" or suffix not in EXPORT_SUFFIXES[kind]:
            what = "a plan" if suffix == ".leadplan" else f"not a {EXPORT_SUFFIXES[kind][0]} file"
            raise CliError(
                f"{out} already exists and is {what}; it is not replaced by the export. "
                f"Choose a {EXPORT_SUFFIXES[kind][0]} file name, or add --force to replace it.",
                2,
            )


def cmd_export(args: argparse.Namespace) -> int:
    if not args.xlsx and not args.html:
        raise CliError("Say what to export: --xlsx OUT.xlsx, --html OUT.html, or both.", 2)
    outputs = {kind: out for kind, out in (("xlsx", args.xlsx), ("html", args.html)) if out}
    check_export_paths(args.plan, outputs, args.force, args.compare)
    plan = load_valid(args.plan).plan
    # --compare OLD: read, checked and compared before anything is written; a refusal writes nothing
    comparison = compare.compared(args.compare, args.plan) if args.compare else None
    since = compare.since_file(args.compare) if args.compare else ""
    from cli.progress import tell_if_slow
    from exports.writers import ExportUnavailable, export_plan

    try:
        with tell_if_slow(f"Writing {' and '.join(filter(None, (args.xlsx, args.html)))}"):
            for written in export_plan(
                plan,
                xlsx=args.xlsx,
                html=args.html,
                comparison=comparison,
                since=since,
                library=benchmarks.library_of(args),
            ):
                print(f"wrote {written}")
    except ExportUnavailable as error:
        raise CliError(str(error), 2) from None
    except PlanFileError as error:
        raise CliError(str(error)) from None
    except OSError as error:
        name = error.filename or args.xlsx or args.html
        raise CliError(f"Could not write the export to {name}: {error.strerror or error}.") from None
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leadplanner-cli", description="Lead Planner from the command line.")
    parser.add_argument("--version", action="version", version=f"leadplanner-cli {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    summary = commands.add_parser("summary", help="the plan's demand, supply, gap, months and scenarios")
    summary.add_argument("plan", metavar="PLAN")
    summary.add_argument("--json", action="store_true", help="print JSON (PRODUCT.md's summary)")
    summary.set_defaults(run=cmd_summary)

    validate = commands.add_parser("validate", help="check a plan file; lists every problem")
    validate.add_argument("plan", metavar="PLAN")
    validate.set_defaults(run=cmd_validate)

    sample = commands.add_parser("sample", help="write the bundled sample plan (to stdout without OUT)")
    sample.add_argument("out", nargs="?", metavar="OUT")
    sample.set_defaults(run=cmd_sample)

    sensitivity = commands.add_parser("sensitivity", help="each driver moved -20%%, -10%%, +10%%, +20%%")
    sensitivity.add_argument("plan", metavar="PLAN")
    sensitivity.add_argument("--json", action="store_true")
    sensitivity.set_defaults(run=cmd_sensitivity)

    goal = commands.add_parser("goal-seek", help="what must each driver be to close the gap?")
    goal.add_argument("plan", metavar="PLAN")
    goal.add_argument("--json", action="store_true")
    goal.set_defaults(run=cmd_goal_seek)

    agenda = commands.add_parser("agenda", help="the weekly CEO review agenda, one page of plain text")
    agenda.add_argument("plan", metavar="PLAN")
    agenda.set_defaults(run=cmd_agenda)

    export = commands.add_parser("export", help="write the Excel workbook and/or the HTML report")
    export.add_argument("plan", metavar="PLAN")
    export.add_argument("--xlsx", metavar="OUT.xlsx")
    export.add_argument("--html", metavar="OUT.html")
    export.add_argument(
        "--force", action="store_true", help="replace an existing output even if it is not a .xlsx/.html file"
    )
    export.add_argument(
        "--compare",
        metavar="OLD",
        help="the last review's version of the plan: adds what changed since, and what it did to the gap",
    )
    export.set_defaults(run=cmd_export)

    actuals.register(commands)
    compare.register(commands)
    benchmarks.register(commands)
    benchmarks.add_option(parser, top=True)
    for command in commands.choices.values():
        benchmarks.add_option(command, top=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except CliError as error:
        print(error, file=sys.stderr)
        return error.code
    except BrokenPipeError:
        return 0
