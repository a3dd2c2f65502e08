"""``leadplanner-cli compare OLD NEW [--json]``: what changed between two versions of a plan and how
much each change moved this year's gap and the revenue gap (issue 32)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from cli.plans import CliError, dump_json, load_valid
from planner.compare.comparison import CompareError, Comparison, compare
from planner.compare.data import comparison_data
from planner.compare.words import driver_text, sentence, signed, signed_money, since
from planner.numbers import formatting as fmt
from planner.numbers.status import word


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "compare", help="what changed between two versions of a plan, and what each change did to the gap"
    )
    parser.add_argument("old", metavar="OLD", help="the older version (last review's plan)")
    parser.add_argument("new", metavar="NEW", help="the newer version")
    parser.add_argument("--json", action="store_true", help="print JSON: changes, answers, attribution")
    parser.set_defaults(run=cmd_compare)


def compared(old_path: str, new_path: str) -> Comparison:
    """The two files read, checked and compared; every refusal a CliError (exit code 1)."""
    old, new = load_valid(old_path).plan, load_valid(new_path).plan
    try:
        return compare(old, new)
    except CompareError as error:
        raise CliError(str(error)) from None


def since_file(path: str) -> str:
    """When the older version was made: the date in its name, else the day it was last saved."""
    try:
        modified: float | None = os.stat(path).st_mtime
    except OSError:
        modified = None
    return since(os.path.basename(path), modified)


def cmd_compare(args: argparse.Namespace) -> int:
    comparison = compared(args.old, args.new)
    if args.json:
        print(dump_json(comparison_data(comparison)))
    else:
        print(comparison_text(comparison, since_file(args.old)))
    return 0


def comparison_text(comparison: Comparison, when: str) -> str:
    """The sentence, the answers before and after, then each driver's move, largest first."""
    c = comparison.currency
    b, a = comparison.before, comparison.after
    rows = [
        ("Status", word(b.status), word(a.status)),
        ("This year's gap (sales-ready leads)", fmt.gap(b.year_gap), fmt.gap(a.year_gap)),
        ("Revenue gap", fmt.money(b.revenue_gap, c), fmt.money(a.revenue_gap, c)),
        ("Total cost", fmt.money(b.cost, c), fmt.money(a.cost, c)),
        (
            "Cost per sales-ready lead",
            fmt.money(b.cost_per_sales_ready_lead, c),
            fmt.money(a.cost_per_sales_ready_lead, c),
        ),
        ("Inside reps to close the gap", _reps(b.inside_reps_to_close_gap), _reps(a.inside_reps_to_close_gap)),
        ("Latest start month", b.latest_start_label or "none", a.latest_start_label or "none"),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [sentence(comparison, when), "", f"{'':{width}}  {'Before':>14}  {'After':>14}"]
    lines += [f"{label:{width}}  {before:>14}  {after:>14}" for label, before, after in rows]
    if comparison.attribution:
        lines += ["", "What moved this year's gap (sales-ready leads) and the revenue gap:"]
        drivers = {d.key: d for d in comparison.drivers}
        for effect in comparison.attribution:
            what = (
                "Together (changes acting on each other)"
                if effect.driver not in drivers
                else driver_text(drivers[effect.driver], comparison)
            )
            lines.append(f"  {signed(effect.srl_gap):>8}  {signed_money(effect.revenue_gap, c):>14}  {what}")
    return "\n".join(lines)


def _reps(reps: int | None) -> str:
    return "none closes it" if reps is None else f"{reps:,}"
