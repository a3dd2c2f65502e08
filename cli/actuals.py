"""``leadplanner-cli actuals import PLAN FILE.csv``: a CRM's or a spreadsheet's actuals into a plan.

Exit 0 when the plan was written; 1 when the plan or the file cannot be used (nothing is
written); 2 for bad usage, including a question the file asks and nothing on the command line
answers: which of several columns holds a figure (``--column``), whether ``52.000`` is
thousands (``--decimal-comma`` or ``--decimal-point``), the day/month order (``--day-first``
or ``--month-first``), a plan that already has actuals (``--replace`` or ``--merge``), and an
OUT that is not a ``.leadplan`` (``--force``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.plans import CliError, load_valid, same_file

if TYPE_CHECKING:  # the import's modules load when the command runs, not at every start of the CLI
    from planner.actuals_import.csv_read import CsvTable
    from planner.actuals_import.importer import AmbiguousColumns, Mapping

FIGURE_NAMES = {  # what --column accepts before the "=": the figure, as the plan file and people write it
    "month": "month",
    "sales_ready_leads": "sales_ready_leads",
    "sales-ready-leads": "sales_ready_leads",
    "srl": "sales_ready_leads",
    "srls": "sales_ready_leads",
    "sqls": "sales_ready_leads",
    "opportunities": "opportunities",
    "wins": "wins",
    "revenue": "revenue",
    "amount": "revenue",
    "cost": "cost",
}
EPILOG = """\
choosing columns and rows:
  When more than one column could hold a figure ("SQLs" and "SQLs (cumulative)", "Revenue (EUR)"
  and "Revenue (USD)"), nothing is chosen for you: the command stops and lists them. Name the
  column with --column, e.g. --column sales_ready_leads="SQLs" (--column revenue="" imports no
  revenue). Keep only some rows with --only, e.g. --only "Deal Type=New Business", so renewals
  do not count against a net-new goal. When the file does not say whether 52.000 is fifty-two
  thousand or fifty-two, say --decimal-comma or --decimal-point.

examples:
  leadplanner-cli actuals import plan.leadplan crm.csv --column sales_ready_leads="SQLs (actual)"
  leadplanner-cli actuals import plan.leadplan deals.csv --only "Deal Type=New Business" --merge
  leadplanner-cli actuals import plan.leadplan deals.csv --date-column "Close Date" \\
      --stage-column "Deal Stage" --won closedwon --amount-column Amount -o march.leadplan
"""


def register(commands: Any) -> None:
    """Add ``actuals import`` to the command line's subcommands."""
    actuals = commands.add_parser("actuals", help="plan vs actuals: import what really happened each month")
    verbs = actuals.add_subparsers(dest="verb", required=True, metavar="VERB")
    parser = verbs.add_parser(
        "import",
        help="import monthly actuals from a CSV file (monthly totals, or a HubSpot or Salesforce export)",
        description="Import actuals from a CSV file into the plan: a month column with figure columns "
        "(SQLs, Opportunities, Wins, Revenue, Cost...), or one row per lead or deal mapped to monthly totals.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("plan", metavar="PLAN")
    parser.add_argument("csv", metavar="FILE.csv")
    parser.add_argument(
        "-o", "--out", metavar="OUT", help="write the plan here, a .leadplan file (default: PLAN itself, with a .bak)"
    )
    parser.add_argument("--force", action="store_true", help="write OUT even when its name does not end in .leadplan")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--replace", dest="mode", action="store_const", const="replace", help="drop existing actuals")
    mode.add_argument(
        "--merge", dest="mode", action="store_const", const="merge", help="keep existing actuals the file does not give"
    )
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_const", const=True, help="dates are 15/03/2027")
    order.add_argument("--month-first", dest="day_first", action="store_const", const=False, help="dates are 3/15/2027")
    marks = parser.add_mutually_exclusive_group()
    marks.add_argument(
        "--decimal-comma",
        dest="decimal_comma",
        action="store_const",
        const=True,
        help="numbers the file does not settle are written 1.234,56 (52.000 is fifty-two thousand)",
    )
    marks.add_argument(
        "--decimal-point",
        dest="decimal_comma",
        action="store_const",
        const=False,
        help="numbers the file does not settle are written 1,234.56 (52.000 is fifty-two)",
    )
    parser.add_argument(
        "--column",
        metavar="FIGURE=COL",
        action="append",
        default=[],
        help="the column that holds a figure (month, sales_ready_leads, opportunities, wins, revenue, cost) "
        'when more than one could; repeat for each figure; FIGURE="" imports none',
    )
    parser.add_argument(
        "--only",
        metavar="COL=VALUES",
        action="append",
        default=[],
        help='keep only the rows whose COL is one of VALUES (comma-separated), e.g. "Deal Type=New Business"',
    )
    records = parser.add_argument_group("record exports (one row per lead or deal)")
    records.add_argument("--mapping", metavar="MAPPING.json", help="the column mapping, as JSON (see the README)")
    records.add_argument("--date-column", metavar="COL", help="the date that puts a row in a month")
    records.add_argument("--stage-column", metavar="COL", help="the column whose value says what a row counts as")
    records.add_argument("--amount-column", metavar="COL", help="the amount of a win (its revenue)")
    for flag, what in (("--srl", "sales-ready leads"), ("--opportunity", "opportunities"), ("--won", "wins")):
        records.add_argument(
            flag, metavar="VALUES", help=f"stage values that count as {what}, comma-separated; * = every row"
        )
    parser.set_defaults(run=cmd_actuals_import)


def cmd_actuals_import(args: argparse.Namespace) -> int:
    from planner.actuals_import.csv_read import read_file
    from planner.actuals_import.importer import (
        ActualsImportError,
        AmbiguousColumns,
        AmbiguousDates,
        AmbiguousNumbers,
        import_actuals,
        merge_actuals,
        read_csv,
    )
    from planner.plan.plan_file import PlanFileError, write_plan

    out = _checked_out(args)
    plan = load_valid(args.plan).plan
    name = Path(args.csv).name
    try:
        table = read_csv(read_file(args.csv), name)
        mapping = _mapping(args, table)
        result = import_actuals(
            table,
            plan.basics.start_month,
            plan.horizon,
            mapping=mapping,
            day_first=args.day_first,
            decimal_comma=args.decimal_comma,
            name=name,
        )
    except ActualsImportError as error:
        raise CliError(str(error)) from None
    except _UsageError as error:
        raise CliError(str(error), 2) from None
    except MemoryError:
        raise CliError(f"“{name}” is too large to read on this computer; split the export.") from None
    if isinstance(result, AmbiguousDates):
        raise CliError(f"{result.question} Say --day-first or --month-first.", 2)
    if isinstance(result, AmbiguousNumbers):
        raise CliError(f"{result.question} Say --decimal-comma or --decimal-point.", 2)
    if isinstance(result, AmbiguousColumns):
        raise CliError(_which_columns(result), 2)
    existing = plan.actuals
    if existing and args.mode is None:
        raise CliError(
            f"“{Path(args.plan).name}” already has actuals for {len(existing)} month{'s' if len(existing) != 1 else ''}: "
            "say --replace (drop them) or --merge (the file's figures override, the others are kept).",
            2,
        )
    actuals = merge_actuals(existing, result.months, args.mode or "replace")
    try:
        write_plan(dataclasses.replace(plan, actuals=actuals), out)
    except PlanFileError as error:
        raise CliError(str(error)) from None
    how = {"merge": " (merged with the existing actuals)", "replace": " (replacing the existing actuals)"}
    print(f"Imported {name} into {Path(out).name}{how.get(args.mode, '') if existing else ''}.")
    for line in result.summary_lines():
        print(line)
    print(f"wrote {out}")
    return 0


def _checked_out(args: argparse.Namespace) -> str:
    """Where the plan is written: PLAN itself, or OUT. An empty OUT and the CSV file itself are
    refused; so is (without --force) a name not ending in .leadplan, as export refuses a target
    that is not its kind of file."""

    if args.out is None:
        return str(args.plan)
    out = str(args.out)
    if not out.strip():
        raise CliError("-o is empty: name the .leadplan file to write (or leave -o out to update PLAN).", 2)
    if same_file(Path(out), Path(args.csv)):
        raise CliError(f"-o {out} is the CSV file being imported; write the plan to a .leadplan file.", 2)
    if not args.force and Path(out).suffix.lower() != ".leadplan":
        exists = Path(out).exists() or Path(out).is_symlink()
        raise CliError(
            f"{out} {'already exists and ' if exists else ''}is not a .leadplan file; the plan is not written there. "
            "Choose a .leadplan file name, or add --force to write the plan there anyway.",
            2,
        )
    return out


def _which_columns(asked: AmbiguousColumns) -> str:
    lines = [asked.question.replace(". ", ".\n"), "Nothing is chosen for you: name the column, e.g."]
    for what, names in asked.choices:
        lines.append(f'  --amount-column "{names[0]}"' if what == "amount" else f'  --column {what}="{names[0]}"')
    return "\n".join(lines)


class _UsageError(Exception):
    pass


def _mapping(args: argparse.Namespace, table: CsvTable) -> Mapping | None:
    """The mapping the options give, on top of --mapping or the guess; None when none is given."""
    from planner.actuals_import.importer import Mapping, Rule, guess_mapping

    rule_flags = (args.date_column, args.stage_column, args.amount_column, args.srl, args.opportunity, args.won)
    if args.mapping is None and all(flag is None for flag in rule_flags) and not args.column and not args.only:
        return None
    if args.mapping:
        base = _mapping_file(args.mapping)
    elif any(flag is not None for flag in rule_flags):
        base = guess_mapping(table.header) or Mapping()
    else:
        base = Mapping()
    rules = dict(base.rules)
    given = {"sales_ready_leads": args.srl, "opportunities": args.opportunity, "wins": args.won}
    if any(values is not None for values in given.values()):
        if not args.date_column:
            raise _UsageError("Say which date puts a row in a month: --date-column COL.")
        flags = {"sales_ready_leads": "--srl", "opportunities": "--opportunity", "wins": "--won"}
        rules = {
            figure: Rule(args.date_column, _values(values, flags[figure]))
            for figure, values in given.items()
            if values is not None
        }
    elif args.date_column:
        rules = {figure: Rule(args.date_column, rule.values) for figure, rule in rules.items()}
    stage = base.stage_column if args.stage_column is None else args.stage_column
    columns = {**base.columns, **dict(map(_column, args.column))}
    amount = args.amount_column
    if amount is None:  # --column revenue=COL names a record export's amount too
        amount = columns["revenue"] if rules and "revenue" in columns else base.amount_column
    only = {**base.only, **dict(map(_only, args.only))}
    return Mapping(stage, amount, rules, columns, only)


def _values(text: str, flag: str) -> tuple[str, ...]:
    """Stage values, comma-separated; ``*`` is every row; nothing at all is refused (``--won ""``
    would count open deals as won)."""
    values = tuple(v.strip() for v in text.split(",") if v.strip())
    if not values:
        raise _UsageError(f"{flag} is empty: give the stage values that count (comma-separated), or * for every row.")
    return () if values == ("*",) else values


def _column(text: str) -> tuple[str, str]:
    """``--column sales_ready_leads=SQLs`` -> ("sales_ready_leads", "SQLs")."""
    figure, equals, column = text.partition("=")
    key = FIGURE_NAMES.get(figure.strip().lower().replace(" ", "_"))
    if not equals or key is None:
        raise _UsageError(
            f'--column {text}: write FIGURE=COLUMN, e.g. --column sales_ready_leads="SQLs"; '
            "FIGURE is month, sales_ready_leads, opportunities, wins, revenue or cost."
        )
    return key, column.strip()


def _only(text: str) -> tuple[str, tuple[str, ...]]:
    """``--only "Deal Type=New Business,Upsell"`` -> ("Deal Type", ("New Business", "Upsell"))."""
    column, equals, values = text.partition("=")
    kept = tuple(v.strip() for v in values.split(",") if v.strip())
    if not equals or not column.strip() or not kept:
        raise _UsageError(f'--only {text}: write COLUMN=VALUES, e.g. --only "Deal Type=New Business".')
    return column.strip(), kept


def _mapping_file(path: str) -> Mapping:
    from planner.actuals_import.importer import Mapping

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe would be waited on for ever
            raise _UsageError(f"The mapping “{path}” is not a file saved on disk.")
        return Mapping.from_data(json.loads(Path(path).read_text(encoding="utf-8-sig")))
    except OSError as error:
        raise _UsageError(f"The mapping “{path}” could not be read: {error.strerror or error}.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _UsageError(f"The mapping “{path}” is not JSON: {error}.") from None
    except ValueError as error:
        raise _UsageError(f"The mapping “{path}”: {error}") from None
