"""``leadplanner-cli compare OLD NEW [--json]``: what changed between two versions of a plan and how
much each change moved this year's gap and the revenue gap (issue 32)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from cli.plans import CliError, dump_json, load_valid
from planner.compare.comparison import CompareError, Comparison, compare
from planner.compare.data import comparison_data
from planner.compare.words import answer_rows, effect_what, sentence, shown_moves, signed, signed_money, since


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
    rows = answer_rows(comparison)
    width = max(len(r[0]) for r in rows)
    lines = [sentence(comparison, when), "", f"{'':{width}}  {'Before':>14}  {'After':>14}"]
    lines += [f"{label:{width}}  {before:>14}  {after:>14}" for label, before, after in rows]
    if comparison.attribution:
        lines += ["", "What moved this year's gap (sales-ready leads) and the revenue gap:"]
        # each move rounded as the sentence says it, so the lines add up to the move it states
        leads = shown_moves([e.srl_gap for e in comparison.attribution])
        money = shown_moves([e.revenue_gap for e in comparison.attribution])
        for effect, lead, cash in zip(comparison.attribution, leads, money, strict=True):
            lines.append(f"  {signed(lead):>8}  {signed_money(cash, c):>14}  {effect_what(effect, comparison)}")
    return "\n".join(lines)
